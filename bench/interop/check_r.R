#!/usr/bin/env Rscript
# Loads every table of a sweep directory in R and checks it against runs.ndjson.
#
#     Rscript bench/interop/check_r.R DIR
#
# Checks runs.csv, timeseries.csv and stats.csv with read.csv (and readr::read_csv and
# data.table::fread when installed): row counts, column names, column types, every value
# against the store (CSV numbers are rounded to 6 significant digits, missing values NA).
# runs.arrow and timeseries.arrow are read with arrow::read_feather and
# arrow::read_ipc_file when the arrow package is installed (values must then be exact).
# Needs jsonlite (Debian: r-cran-jsonlite). Prints what it found and every problem;
# exits 1 when any table does not read correctly. Not part of CI (bench/interop/README.md).

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript bench/interop/check_r.R DIR")
dir <- args[[1]]
problems <- character()
check <- function(ok, what) {
  if (!isTRUE(ok)) {
    problems <<- c(problems, what)
    cat("  PROBLEM:", what, "\n")
  }
}
note <- function(...) cat("  note:", ..., "\n")
num <- function(x) if (is.null(x)) NA_real_ else as.numeric(x)

manifest <- jsonlite::fromJSON(file.path(dir, "manifest.json"), simplifyVector = FALSE)
records <- lapply(readLines(file.path(dir, "runs.ndjson")), jsonlite::fromJSON, simplifyVector = FALSE)
runs <- Filter(function(r) identical(r$status, "ok"), records)
runs <- runs[order(vapply(runs, `[[`, "", "key"), method = "radix")]
parameters <- vapply(manifest$design$parameters, identity, "")
outcomes <- names(runs[[1]]$outcomes)
columns <- vapply(runs[[1]]$columns, identity, "")
fixed <- c("key", "point", "arm", "replicate", "seed")
cat(sprintf("%s; jsonlite %s; %s: %d ok runs\n", R.version.string, packageVersion("jsonlite"), dir, length(runs)))

# TRUE when `got` is NA where the store has null and equals the store (exact) or its CSV
# rounding (integers as they are, else 6 significant digits, halfway cases either way).
same_numbers <- function(got, want, exact) {
  if (is.logical(got) && all(is.na(got))) got <- as.numeric(got)
  if (!is.numeric(got) || length(got) != length(want)) return(FALSE)
  if (!identical(is.na(got), is.na(want))) return(FALSE)
  m <- !is.na(want)
  g <- got[m]; x <- want[m]
  if (exact) return(identical(as.numeric(g), x))
  rounded <- ifelse(x == round(x), x, signif(x, 6))
  half <- ifelse(x == 0, 0, 0.5 * 10^(floor(log10(abs(x))) - 5) * (1 + 1e-9))
  all(g == rounded | abs(g - x) <= half)
}

check_runs <- function(df, exact, label, strict_types = TRUE) {
  df <- as.data.frame(df)
  check(nrow(df) == length(runs), sprintf("%s: %d rows, the store has %d ok runs", label, nrow(df), length(runs)))
  check(identical(names(df), c(fixed, parameters, outcomes, "degenerate")), sprintf("%s: column names differ (%s)", label, paste(setdiff(names(df), c(fixed, parameters, outcomes, "degenerate")), collapse = ", ")))
  want_degenerate <- vapply(runs, function(r) if (is.null(r$degenerate)) NA_character_ else r$degenerate, "")
  got_degenerate <- as.character(df$degenerate)
  got_degenerate[!is.na(got_degenerate) & got_degenerate == ""] <- NA  # read.csv keeps "" in a text column
  check(identical(got_degenerate, want_degenerate), sprintf("%s: degenerate differs from runs.ndjson", label))
  check(identical(df$key, vapply(runs, `[[`, "", "key")), paste(label, ": keys differ"))
  check(identical(df$arm, vapply(runs, `[[`, "", "arm")), paste(label, ": arms differ"))
  for (c in c("point", "replicate", "seed")) {
    check(is.numeric(df[[c]]), sprintf("%s: %s is %s", label, c, class(df[[c]])[1]))
    check(isTRUE(all(as.numeric(df[[c]]) == vapply(runs, function(r) num(r[[c]]), 0))), sprintf("%s: %s values differ", label, c))
  }
  for (p in parameters) {
    want <- lapply(runs, function(r) r$params[[p]])
    if (all(vapply(want, is.logical, TRUE))) {
      check(is.logical(df[[p]]), sprintf("%s: boolean parameter %s is read as %s (values %s), not logical", label, p, class(df[[p]])[1], paste(head(unique(df[[p]]), 2), collapse = "/")))
      check(identical(as.logical(df[[p]]), unlist(want)), sprintf("%s: %s values differ", label, p))
    } else if (all(vapply(want, is.character, TRUE))) {
      check(is.character(df[[p]]), sprintf("%s: text parameter %s is %s", label, p, class(df[[p]])[1]))
      check(identical(df[[p]], unlist(want)), sprintf("%s: %s values differ", label, p))
    } else {
      check(same_numbers(df[[p]], vapply(want, num, 0), exact), sprintf("%s: numeric parameter %s (%s) differs", label, p, class(df[[p]])[1]))
    }
  }
  all_na <- character()
  for (o in outcomes) {
    if (is.logical(df[[o]]) && all(is.na(df[[o]]))) all_na <- c(all_na, o)
    else check(is.numeric(df[[o]]), sprintf("%s: outcome %s is %s", label, o, class(df[[o]])[1]))
    check(same_numbers(df[[o]], vapply(runs, function(r) num(r$outcomes[[o]]), 0), exact), sprintf("%s: outcome %s differs from runs.ndjson", label, o))
  }
  if (length(all_na)) note(sprintf("%s: outcomes missing in every run come as logical NA columns: %s", label, paste(all_na, collapse = ", ")))
}

store_series <- NULL
check_series <- function(df, exact, label) {
  df <- as.data.frame(df)
  if (is.null(store_series)) {
    store_series <<- do.call(rbind, lapply(runs, function(r) do.call(rbind, lapply(r$series, function(row) vapply(row, num, 0)))))
  }
  check(nrow(df) == nrow(store_series), sprintf("%s: %d rows, the store has %d", label, nrow(df), nrow(store_series)))
  check(identical(names(df), c("key", columns)), sprintf("%s: column names differ", label))
  keys <- unlist(lapply(runs, function(r) rep(r$key, length(r$series))))
  check(identical(df$key, keys), paste(label, ": keys differ"))
  all_na <- character()
  for (j in seq_along(columns)) {
    c <- columns[[j]]
    if (is.logical(df[[c]]) && all(is.na(df[[c]]))) all_na <- c(all_na, c)
    else check(is.numeric(df[[c]]), sprintf("%s: %s is %s", label, c, class(df[[c]])[1]))
    check(same_numbers(df[[c]], store_series[, j], exact), sprintf("%s: %s differs from runs.ndjson", label, c))
  }
  if (length(all_na)) note(sprintf("%s: columns missing in every row come as logical NA columns: %s", label, paste(all_na, collapse = ", ")))
}

types <- function(df, cols) paste(sprintf("%s: %s", cols, vapply(as.data.frame(df)[cols], function(x) class(x)[1], "")), collapse = ", ")

cat("runs.csv: read.csv\n")
df <- read.csv(file.path(dir, "runs.csv"), check.names = FALSE)
cat(" ", types(df, c(fixed, parameters)), "\n")
check_runs(df, FALSE, "runs.csv (read.csv)")
cat("timeseries.csv: read.csv\n")
check_series(read.csv(file.path(dir, "timeseries.csv"), check.names = FALSE), FALSE, "timeseries.csv (read.csv)")

if (requireNamespace("readr", quietly = TRUE)) {
  cat(sprintf("runs.csv, timeseries.csv: readr::read_csv (readr %s)\n", packageVersion("readr")))
  df <- readr::read_csv(file.path(dir, "runs.csv"), guess_max = Inf, show_col_types = FALSE, progress = FALSE)
  cat(" ", types(df, c(fixed, parameters)), "\n")
  check_runs(df, FALSE, "runs.csv (readr)")
  check_series(readr::read_csv(file.path(dir, "timeseries.csv"), guess_max = Inf, show_col_types = FALSE, progress = FALSE), FALSE, "timeseries.csv (readr)")
}
if (requireNamespace("data.table", quietly = TRUE)) {
  cat(sprintf("runs.csv, timeseries.csv: data.table::fread (data.table %s)\n", packageVersion("data.table")))
  df <- data.table::fread(file.path(dir, "runs.csv"))
  cat(" ", types(df, c(fixed, parameters)), "\n")
  check_runs(df, FALSE, "runs.csv (fread)")
  check_series(data.table::fread(file.path(dir, "timeseries.csv")), FALSE, "timeseries.csv (fread)")
}

if (file.exists(file.path(dir, "stats.csv"))) {
  cat("stats.csv: read.csv\n")
  df <- read.csv(file.path(dir, "stats.csv"), check.names = FALSE)
  text <- names(df)[vapply(df, is.character, TRUE)]
  cat(sprintf("  %d rows; text columns: %s\n", nrow(df), paste(text, collapse = ", ")))
  # The columns the data dictionary (columns.json) types number or integer must come back
  # as numbers (or be empty throughout).
  dictionary <- jsonlite::fromJSON(file.path(dir, "columns.json"), simplifyVector = FALSE)
  numeric <- unlist(lapply(dictionary$columns, function(c) if (c$table == "stats" && c$type %in% c("number", "integer")) c$name))
  check(all(numeric %in% names(df)), sprintf("stats.csv: columns.json names columns the file lacks: %s", paste(setdiff(numeric, names(df)), collapse = ", ")))
  for (c in intersect(numeric, names(df))) check(is.numeric(df[[c]]) || all(is.na(df[[c]])), sprintf("stats.csv: %s is %s, not numeric", c, class(df[[c]])[1]))
}

if (file.exists(file.path(dir, "stats.csv")) && requireNamespace("readr", quietly = TRUE)) {
  # The documented readr call must lose nothing: every column holds as many values as
  # read.csv finds (a column guessed logical from its first rows turns its numbers into NA).
  cat("stats.csv: readr::read_csv (guess_max = Inf, point as text), as docs/data.md says\n")
  base <- read.csv(file.path(dir, "stats.csv"), check.names = FALSE, na.strings = "")
  rd <- suppressWarnings(readr::read_csv(file.path(dir, "stats.csv"), col_types = readr::cols(point = readr::col_character()), guess_max = Inf, show_col_types = FALSE, progress = FALSE))
  check(nrow(readr::problems(rd)) == 0, sprintf("stats.csv (readr): %d parsing problems", nrow(readr::problems(rd))))
  for (c in names(base)) check(sum(!is.na(rd[[c]])) == sum(!is.na(base[[c]])), sprintf("stats.csv (readr): %s holds %d values, read.csv finds %d", c, sum(!is.na(rd[[c]])), sum(!is.na(base[[c]]))))
}

if (requireNamespace("arrow", quietly = TRUE)) {
  cat(sprintf("runs.arrow: arrow::read_feather (arrow %s)\n", packageVersion("arrow")))
  df <- arrow::read_feather(file.path(dir, "runs.arrow"))
  cat(" ", types(df, c(fixed, parameters)), "\n")
  check_runs(df, TRUE, "runs.arrow (read_feather)")
  check_runs(arrow::read_ipc_file(file.path(dir, "runs.arrow")), TRUE, "runs.arrow (read_ipc_file)")
  cat("timeseries.arrow: arrow::read_feather\n")
  check_series(arrow::read_feather(file.path(dir, "timeseries.arrow")), TRUE, "timeseries.arrow (read_feather)")
} else {
  cat("runs.arrow, timeseries.arrow: SKIPPED, the arrow package is not installed\n")
}

cat(if (length(problems)) sprintf("%d problems\n", length(problems)) else "all tables read correctly\n")
quit(status = if (length(problems)) 1 else 0)
