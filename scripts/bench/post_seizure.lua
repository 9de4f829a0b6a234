-- wrk script: POST a seizure per request (ingestion rate). Needs ACCORD_KEY.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ACCORD_KEY")
wrk.body = '{"distribution":{"level":"partners"},"tlp":"amber","date":"2025-03-01",' ..
  '"place":{"country":"US","region":"AZ","city":"Nogales"},"substances":[{"name":"fentanyl"},{"name":"xylazine"}],' ..
  '"quantity":{"amount":2.5,"unit":"kg"},"purity_percent":8.5,"form":"tablet","packaging":"vacuum-sealed bags",' ..
  '"route":{"origin":"MX","transit":[],"destination":"US"},"grading":{"source_reliability":"B","information_credibility":"2"},' ..
  '"notes":"load benchmark"}'

dofile(os.getenv("ACCORD_BENCH_DIR") .. "/report.lua")
