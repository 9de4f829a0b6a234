#!/usr/bin/env Rscript
# Reference answers for Accord's surveillance detectors, computed by R's `surveillance` package (Debian
# r-cran-surveillance). Writes Tests/SurveillanceTests/Resources/reference/{series,results}.csv, which the Swift
# tests compare against (thresholds to 1e-6 relative, alarms exactly).
#
# Usage (from the repository root):
#   apt-get install r-cran-surveillance
#   Rscript scripts/reference/make_surveillance_reference.R [DATA_DIR]
# DATA_DIR holds the public CSVs described in docs/SURVEILLANCE.md (default ../shared/data/surveillance).
#
# Series: real ones aggregated from the NFLIS, CDC DOSE and CBP files, and synthetic Poisson / negative-binomial
# series with seasonality and injected outbreaks (fixed seeds). The series themselves are written too, so the
# Swift tests need no R and no original files.
suppressPackageStartupMessages(library(surveillance))

args <- commandArgs(trailingOnly = TRUE)
dataDir <- if (length(args) >= 1) args[1] else "../shared/data/surveillance"
outDir <- "Tests/SurveillanceTests/Resources/reference"
dir.create(outDir, recursive = TRUE, showWarnings = FALSE)

series <- list()   # id -> list(x, freq, startYear, startIndex)
addSeries <- function(id, x, freq, startYear, startIndex) {
  series[[id]] <<- list(x = as.numeric(x), freq = freq, startYear = startYear, startIndex = startIndex)
}

## ---- Real series -------------------------------------------------------------------------------------------
nflis <- read.csv(file.path(dataDir, "nflis_fentanyl_reports_by_state_year.csv"), stringsAsFactors = FALSE)
years <- 2002:2024
yearly <- function(rows) {
  agg <- tapply(rows$DRUG_REPORTS, rows$YYYY, sum)
  sapply(years, function(y) if (as.character(y) %in% names(agg)) agg[[as.character(y)]] else 0)
}
for (base in c("Fentanyl", "Acetyl fentanyl", "para-Fluorofentanyl", "Carfentanil", "Furanyl fentanyl",
               "4-ANPP", "Methoxyacetyl fentanyl")) {
  addSeries(paste0("nflis-US-", gsub("[^A-Za-z0-9]+", "_", base)),
            yearly(nflis[nflis$BASE_DESCRIPTION == base, ]), 1, 2002, 1)
}
for (st in c("OH", "FL", "CA", "NH")) {
  addSeries(paste0("nflis-", st, "-Fentanyl"),
            yearly(nflis[nflis$BASE_DESCRIPTION == "Fentanyl" & nflis$STATE == st, ]), 1, 2002, 1)
}

dose <- read.csv(file.path(dataDir, "cdc_dose_ed_visits_by_jurisdiction.csv"), stringsAsFactors = FALSE)
doseSeries <- function(jur, dataset, column) {
  rows <- dose[dose$jurisdiction == jur & dose$dataset == dataset & dose$time_frame == "monthly", ]
  rows <- rows[order(rows$year, as.integer(rows$month)), ]
  as.numeric(rows[[column]])
}
for (spec in list(c("US", "ED", "count_opioid"), c("US", "ED", "count_fentanyl"), c("OH", "ED", "count_opioid"),
                  c("AZ", "HOSP", "count_alldrug"), c("KY", "ED", "count_heroin"))) {
  x <- doseSeries(spec[1], spec[2], spec[3])
  if (length(x) == 72 && !any(is.na(x))) {
    addSeries(paste("dose", spec[1], spec[2], spec[3], sep = "-"), x, 12, 2018, 1)
  }
}

cbp <- read.csv(file.path(dataDir, "cbp_fentanyl_seizures_fy19_fy23.csv"), stringsAsFactors = FALSE,
                check.names = FALSE)
months <- c("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
cbp$m <- match(cbp[["Month (abbv)"]], months)
cbp$year <- ifelse(cbp$m >= 10, cbp$FY - 1, cbp$FY)
cbp$ord <- cbp$year * 12 + cbp$m - 1
cbpSeries <- function(rows) {
  ords <- (2018 * 12 + 9):(2023 * 12 + 8)   # October 2018 .. September 2023
  agg <- tapply(rows[["Count of Event"]], rows$ord, sum)
  sapply(ords, function(o) if (as.character(o) %in% names(agg)) agg[[as.character(o)]] else 0)
}
addSeries("cbp-fentanyl-all", cbpSeries(cbp), 12, 2018, 10)
addSeries("cbp-fentanyl-SAN_DIEGO_FIELD_OFFICE", cbpSeries(cbp[cbp[["Area of Responsibility"]] == "SAN DIEGO FIELD OFFICE", ]), 12, 2018, 10)
addSeries("cbp-fentanyl-TUCSON_FIELD_OFFICE", cbpSeries(cbp[cbp[["Area of Responsibility"]] == "TUCSON FIELD OFFICE", ]), 12, 2018, 10)

## ---- Synthetic series ----------------------------------------------------------------------------------------
synthetic <- function(id, seed, n, freq, base, trend, amplitude, outbreaks, size = NULL) {
  set.seed(seed)
  t <- 1:n
  mu <- exp(log(base) + trend * t / freq + amplitude * sin(2 * pi * t / freq))
  x <- if (is.null(size)) rpois(n, mu) else rnbinom(n, size = size, mu = mu)
  for (o in outbreaks) {          # o = c(start, length, extra mean per period)
    idx <- o[1]:(o[1] + o[2] - 1)
    x[idx] <- x[idx] + rpois(length(idx), o[3])
  }
  addSeries(id, x, freq, 2015, 1)
}
synthetic("syn-weekly-pois", 11, 364, 52, 8, 0.05, 0.5, list(c(300, 4, 15), c(340, 6, 8)))
synthetic("syn-weekly-nb", 12, 364, 52, 20, 0.1, 0.3, list(c(280, 3, 40), c(330, 8, 15)), size = 5)
synthetic("syn-weekly-sparse", 13, 364, 52, 1.2, 0, 0.4, list(c(310, 3, 6)))
synthetic("syn-weekly-trend", 14, 364, 52, 5, 0.35, 0.2, list(c(350, 5, 12)))
synthetic("syn-monthly-pois", 21, 96, 12, 30, 0.08, 0.25, list(c(80, 3, 25), c(90, 2, 40)))
synthetic("syn-monthly-nb", 22, 96, 12, 60, 0.0, 0.3, list(c(75, 4, 60)), size = 8)

## ---- Detector runs --------------------------------------------------------------------------------------------
results <- list()
addResult <- function(runId, seriesId, method, params, t, threshold, alarm, expected) {
  results[[length(results) + 1]] <<- data.frame(run = runId, series = seriesId, method = method, params = params,
                                                t = t, threshold = threshold, alarm = as.integer(alarm),
                                                expected = expected, stringsAsFactors = FALSE)
}
paramString <- function(p) paste(names(p), unlist(lapply(p, function(v) paste(v, collapse = "/"))), sep = "=",
                                 collapse = ";")

runEars <- function(id, s, method, baseline = 7, minSigma = 0, alpha = NULL) {
  x <- s$x
  st <- sts(observed = matrix(x, ncol = 1), frequency = s$freq, start = c(s$startYear, s$startIndex))
  ctl <- list(method = method, baseline = baseline, minSigma = minSigma)
  if (!is.null(alpha)) ctl$alpha <- alpha
  first <- switch(method, C1 = baseline + 1, C2 = baseline + 3, C3 = baseline + 5)
  if (length(x) < first) return(invisible())
  res <- earsC(st, control = ctl)
  range <- first:length(x)
  p <- list(baseline = baseline, minSigma = minSigma)
  if (!is.null(alpha)) p$alpha <- alpha
  runId <- paste(id, method, paramString(p), sep = "|")
  addResult(runId, id, paste0("ears-", tolower(method)), paramString(p), range,
            as.numeric(upperbound(res)), as.logical(alarms(res)), NA)
}

runCusum <- function(id, s, firstMonitored, trans = "standard", k = 1.04, h = 2.26, m = NULL) {
  x <- s$x
  dp <- create.disProg(week = seq_along(x), observed = x, state = rep(0, length(x)), freq = s$freq,
                       start = c(s$startYear, s$startIndex))
  range <- firstMonitored:length(x)
  ctl <- list(range = range, k = k, h = h, trans = trans)
  if (!is.null(m)) ctl$m <- m
  res <- algo.cusum(dp, control = ctl)
  p <- list(k = k, h = h, trans = trans, first = firstMonitored)
  if (!is.null(m)) p$m <- m
  mvec <- rep_len(as.numeric(res$control$m), length(range))
  addResult(paste(id, "cusum", paramString(p), sep = "|"), id, "cusum", paramString(p), range,
            as.numeric(res$upperbound), as.logical(res$alarm), mvec)
}

runFarrington <- function(id, s, ...) {
  x <- s$x
  st <- sts(observed = matrix(x, ncol = 1), frequency = s$freq, start = c(s$startYear, s$startIndex))
  ctl <- list(...)
  full <- modifyList(list(b = 5, w = 3, reweight = TRUE, weightsThreshold = 2.58, alpha = 0.05, trend = TRUE,
                          pThresholdTrend = 0.05, limit54 = c(5, 4), powertrans = "2/3", noPeriods = 1,
                          pastWeeksNotIncluded = NULL, thresholdMethod = "delta"), ctl, keep.null = TRUE)
  first <- s$freq * full$b + full$w + 1
  if (length(x) < first) return(invisible())
  res <- suppressWarnings(farringtonFlexible(st, control = c(ctl, list(glmWarnings = FALSE))))
  p <- full
  if (is.null(p$pastWeeksNotIncluded)) p$pastWeeksNotIncluded <- full$w
  p$reweight <- as.integer(p$reweight); p$trend <- as.integer(p$trend)
  addResult(paste(id, "farrington", paramString(p), sep = "|"), id, "farrington", paramString(p),
            first:length(x), as.numeric(upperbound(res)), as.logical(alarms(res)),
            as.numeric(res@control$expected))
}

for (id in names(series)) {
  s <- series[[id]]
  n <- length(s$x)
  runEars(id, s, "C1"); runEars(id, s, "C2"); runEars(id, s, "C3")
  runEars(id, s, "C1", minSigma = 1)
  runEars(id, s, "C2", baseline = 5, minSigma = 0.5, alpha = 0.01)
  runEars(id, s, "C3", baseline = 4, minSigma = 1)
  firstMonitored <- max(3, floor(n / 2))
  if (mean(s$x[1:(firstMonitored - 1)]) > 0) {
    runCusum(id, s, firstMonitored)
    runCusum(id, s, firstMonitored, trans = "rossi", k = 0.5, h = 4)
    runCusum(id, s, firstMonitored, trans = "anscombe")
    runCusum(id, s, firstMonitored, trans = "pearsonNegBin")
    if (s$freq > 1) runCusum(id, s, firstMonitored, m = "glm")
  }
  if (s$freq == 52) {
    runFarrington(id, s)
    runFarrington(id, s, noPeriods = 10, pastWeeksNotIncluded = 26, thresholdMethod = "nbPlugin")
    runFarrington(id, s, noPeriods = 10, pastWeeksNotIncluded = 26, thresholdMethod = "muan")
    runFarrington(id, s, b = 3, w = 2, reweight = FALSE, weightsThreshold = 1, trend = FALSE, alpha = 0.01,
                  powertrans = "1/2")
    runFarrington(id, s, b = 4, w = 2, noPeriods = 4, powertrans = "none", limit54 = c(3, 2))
  }
  if (s$freq == 12) {
    runFarrington(id, s, b = 3, w = 2)
    runFarrington(id, s, b = 3, w = 1, noPeriods = 4, pastWeeksNotIncluded = 6, thresholdMethod = "nbPlugin")
    runFarrington(id, s, b = 5, w = 1, thresholdMethod = "muan")
    runFarrington(id, s, b = 2, w = 1, trend = FALSE, powertrans = "1/2", limit54 = c(0, 4))
  }
}

fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
seriesRows <- do.call(rbind, lapply(names(series), function(id) {
  s <- series[[id]]
  data.frame(series = id, frequency = s$freq, start_year = s$startYear, start_index = s$startIndex,
             t = seq_along(s$x), count = s$x)
}))
write.csv(seriesRows, file.path(outDir, "series.csv"), row.names = FALSE, quote = FALSE)
res <- do.call(rbind, results)
runs <- unique(res[, c("run", "series", "method", "params")])
runs$id <- seq_len(nrow(runs))
res$run <- match(res$run, runs$run)
res$threshold <- fmt(res$threshold)
res$expected <- fmt(res$expected)
res$alarm <- ifelse(is.na(res$alarm), "NA", as.character(res$alarm))
write.csv(res[, c("run", "t", "threshold", "alarm", "expected")], file.path(outDir, "results.csv"),
          row.names = FALSE, quote = FALSE)
write.csv(runs[, c("id", "series", "method", "params")], file.path(outDir, "runs.csv"), row.names = FALSE,
          quote = FALSE)
cat(sprintf("surveillance %s: %d series, %d runs, %d result rows\n", as.character(packageVersion("surveillance")),
            length(series), nrow(runs), nrow(res)))
