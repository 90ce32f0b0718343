#!/usr/bin/env bash
# Runs a small sweep that holds every kind of column (bench/interop/mixed-types.yaml) and
# checks that pandas, R and two Arrow readers independent of lrsim's writer load its
# outputs correctly (docs/data.md). Not part of CI: it needs language runtimes CI lacks.
#
#   bash bench/interop/run.sh [SWEEP_DIR]          # default: a new temporary directory
#
# Each check runs when its runtime is there and is skipped (saying so) otherwise:
#   pandas:  apt-get install python3-pandas           (or PYTHON=/path/to/python with pandas)
#   R:       apt-get install r-base-core r-cran-jsonlite [r-cran-readr r-cran-data.table]
#   Arrow:   npm install --prefix /tmp/arrow-readers nodejs-polars@0.26.1 \
#              nodejs-polars-linux-x64-gnu@0.26.1 @uwdata/flechette@2.2.7
#            then ARROW_READERS=/tmp/arrow-readers bash bench/interop/run.sh
# pyarrow and R's arrow package are used by the checks when installed.
# Exit code: 0 when every check that ran passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-$(mktemp -d)/sweep}

node bin/lrsim.js sweep bench/interop/mixed-types.yaml --out "$dir" --workers 2 > /dev/null || exit 1
echo "sweep written to $dir"
status=0

python=${PYTHON:-}
if [ -z "$python" ]; then
  for p in python3 /usr/bin/python3; do
    if "$p" -c 'import pandas' 2> /dev/null; then python=$p; break; fi
  done
fi
echo "== pandas"
if [ -n "$python" ]; then "$python" bench/interop/check_pandas.py "$dir" || status=1; else echo "SKIPPED: no python3 with pandas"; fi

echo "== R"
if command -v Rscript > /dev/null; then Rscript bench/interop/check_r.R "$dir" || status=1; else echo "SKIPPED: no Rscript"; fi

echo "== Arrow readers"
if [ -n "${ARROW_READERS:-}" ]; then node bench/interop/check_arrow.mjs "$dir" || status=1; else echo "SKIPPED: set ARROW_READERS (see the top of this script)"; fi
exit $status
