-- wrk script: GET ACCORD_PATH at about ACCORD_RATE requests per second in total, spread over the connections
-- (each connection waits connections/rate seconds between requests), to measure latency at a fixed load
-- rather than at saturation. Needs ACCORD_KEY, ACCORD_PATH, ACCORD_RATE, ACCORD_CONNECTIONS.
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ACCORD_KEY")
wrk.path = os.getenv("ACCORD_PATH")
local pause = 1000 * tonumber(os.getenv("ACCORD_CONNECTIONS")) / tonumber(os.getenv("ACCORD_RATE"))

function delay()
  return pause
end

dofile(os.getenv("ACCORD_BENCH_DIR") .. "/report.lua")
