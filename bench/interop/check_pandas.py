#!/usr/bin/env python3
"""Loads every table of a sweep directory with pandas and checks it against runs.ndjson.

    python3 bench/interop/check_pandas.py DIR

Checks runs.csv, timeseries.csv and stats.csv with pd.read_csv (row counts, column
names, dtypes, every value against the store: CSV numbers are rounded to 6 significant
digits, missing values are NaN), and runs.arrow / timeseries.arrow with pd.read_feather
and pyarrow.ipc when pyarrow is installed (values must then equal the store exactly).
Prints what it found and every problem; exits 1 when any table does not read correctly.
Not part of CI (see bench/interop/README.md).
"""
import json
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd

FIXED = ["key", "point", "arm", "replicate", "seed"]
problems = []


def check(ok, what):
    if not ok:
        problems.append(what)
        print(f"  PROBLEM: {what}")


def store(dir):
    """The ok runs of runs.ndjson, in key order (the order of every table)."""
    records = [json.loads(line) for line in (dir / "runs.ndjson").read_text().splitlines() if line.strip()]
    return sorted((r for r in records if r["status"] == "ok"), key=lambda r: r["key"])


def as_float(values):
    return np.array([math.nan if v is None else float(v) for v in values], dtype=float)


def csv_rounded(x):
    """What the CSV writer writes for x: integers as they are, else 6 significant digits."""
    return x if x == round(x) and abs(x) < 1e21 else float(f"{x:.6g}")


def same_numbers(got, want, exact):
    """NaN where the store has null; equal to the store (exact) or to its CSV rounding.

    lrsim rounds halfway cases up (JavaScript's toPrecision), Python's format to even; so a
    CSV value may also be the other neighbour when it lies within half a unit of the 6th digit.
    """
    got = np.asarray(got, dtype=float)
    if got.shape != want.shape:
        return False
    if not np.array_equal(np.isnan(got), np.isnan(want)):
        return False
    m = ~np.isnan(want)
    if exact:
        return bool(np.array_equal(got[m], want[m]))
    for g, x in zip(got[m], want[m]):
        r = csv_rounded(float(x))
        if g != r and not (x != 0 and abs(g - x) <= 0.5 * 10 ** (math.floor(math.log10(abs(x))) - 5) * (1 + 1e-9)):
            return False
    return True


def check_runs(df, runs, parameters, outcomes, exact, label):
    check(len(df) == len(runs), f"{label}: {len(df)} rows, the store has {len(runs)} ok runs")
    check(list(df.columns) == FIXED + parameters + outcomes + ["degenerate"], f"{label}: columns differ from key, point, arm, replicate, seed, parameters, outcomes, degenerate")
    check([None if pd.isna(x) else x for x in df["degenerate"]] == [r.get("degenerate") for r in runs], f"{label}: degenerate differs from runs.ndjson")
    check(list(df["key"]) == [r["key"] for r in runs], f"{label}: keys differ")
    check(list(df["arm"]) == [r["arm"] for r in runs], f"{label}: arms differ")
    for c in ("point", "replicate", "seed"):
        check(pd.api.types.is_integer_dtype(df[c]), f"{label}: {c} is {df[c].dtype}, not an integer type")
        check([int(x) for x in df[c]] == [r[c] for r in runs], f"{label}: {c} values differ")
    for p in parameters:
        want = [r["params"][p] for r in runs]
        kinds = {type(v) for v in want}
        if kinds == {bool}:
            check(pd.api.types.is_bool_dtype(df[p]), f"{label}: boolean parameter {p} is {df[p].dtype}, not bool")
            check([bool(x) for x in df[p]] == want, f"{label}: {p} values differ")
        elif kinds == {str}:
            check(df[p].dtype == object or pd.api.types.is_string_dtype(df[p]), f"{label}: text parameter {p} is {df[p].dtype}")
            check(list(df[p]) == want, f"{label}: {p} values differ")
        else:
            check(pd.api.types.is_numeric_dtype(df[p]), f"{label}: numeric parameter {p} is {df[p].dtype}")
            check(same_numbers(df[p], as_float(want), exact), f"{label}: {p} values differ")
    for o in outcomes:
        check(pd.api.types.is_numeric_dtype(df[o]), f"{label}: outcome {o} is {df[o].dtype}, not numeric")
        check(same_numbers(df[o], as_float([r["outcomes"][o] for r in runs]), exact), f"{label}: outcome {o} values differ from runs.ndjson")


def check_series(df, runs, columns, exact, label):
    rows = sum(len(r["series"]) for r in runs)
    check(len(df) == rows, f"{label}: {len(df)} rows, the store has {rows} series rows")
    check(list(df.columns) == ["key"] + columns, f"{label}: columns differ from key + the engine's columns")
    keys = [r["key"] for r in runs for _ in r["series"]]
    check(list(df["key"]) == keys, f"{label}: keys differ")
    want = np.array([[math.nan if x is None else x for x in row] for r in runs for row in r["series"]], dtype=float)
    for j, c in enumerate(columns):
        check(pd.api.types.is_numeric_dtype(df[c]), f"{label}: {c} is {df[c].dtype}, not numeric")
        check(same_numbers(df[c], want[:, j], exact), f"{label}: {c} values differ from runs.ndjson")


def main(dir):
    manifest = json.loads((dir / "manifest.json").read_text())
    runs = store(dir)
    parameters = manifest["design"]["parameters"]
    outcomes = list(runs[0]["outcomes"].keys())
    columns = runs[0]["columns"]
    print(f"pandas {pd.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}; {dir}: {len(runs)} ok runs")

    print("runs.csv: pd.read_csv")
    df = pd.read_csv(dir / "runs.csv")
    print("  " + ", ".join(f"{c}: {t}" for c, t in df.dtypes.items() if c in FIXED + parameters) + f"; outcome dtypes {sorted(set(map(str, df[outcomes].dtypes)))}")
    check_runs(df, runs, parameters, outcomes, False, "runs.csv")

    print("timeseries.csv: pd.read_csv")
    df = pd.read_csv(dir / "timeseries.csv")
    print(f"  {len(df)} rows, {df.shape[1]} columns; key: {df['key'].dtype}; other dtypes {sorted(set(map(str, df[columns].dtypes)))}")
    check_series(df, runs, columns, False, "timeseries.csv")

    if (dir / "stats.csv").exists():
        print('stats.csv: pd.read_csv(dtype={"point": str}, low_memory=False), as docs/data.md says')
        df = pd.read_csv(dir / "stats.csv", dtype={"point": str}, low_memory=False)
        text = [c for c in df.columns if df[c].dtype == object]
        print(f"  {len(df)} rows; text (object) columns {text}")
        # The columns the data dictionary (columns.json) types number or integer must come
        # back as numbers (or be empty throughout); text and boolean columns are checked below.
        dictionary = json.loads((dir / "columns.json").read_text())
        numeric = [c["name"] for c in dictionary["columns"] if c["table"] == "stats" and c["type"] in ("number", "integer")]
        check(set(numeric) <= set(df.columns), f"stats.csv: columns.json names columns the file lacks: {sorted(set(numeric) - set(df.columns))}")
        for c in numeric:
            if c in df.columns:
                check(pd.api.types.is_numeric_dtype(df[c]), f"stats.csv: {c} is {df[c].dtype}, not numeric")
        kinds = {p: {type(pt["params"][p]) for pt in manifest["points"]} for p in parameters}
        # Every point a string (read in chunks without the dtype, one point can come back as
        # the number 4 in one chunk and the text "4" in another).
        kinds_of_point = {type(v).__name__ for v in df["point"].dropna()}
        check(kinds_of_point <= {"str"}, f"stats.csv: point holds {sorted(kinds_of_point)}, not only text")
        check(set(df["point"].dropna()) <= {"all"} | {str(pt["point"]) for pt in manifest["points"]}, "stats.csv: unexpected point values")
        for p in parameters:
            if kinds[p] == {bool}:
                check(set(df[p].dropna()) <= {True, False}, f"stats.csv: boolean parameter {p} holds {set(df[p].dropna())}")

    try:
        import pyarrow
        import pyarrow.ipc
    except ImportError:
        print("runs.arrow, timeseries.arrow: SKIPPED, pyarrow is not installed (pd.read_feather needs it)")
    else:
        print(f"runs.arrow: pd.read_feather, pyarrow {pyarrow.__version__}")
        df = pd.read_feather(dir / "runs.arrow")
        print("  " + ", ".join(f"{c}: {t}" for c, t in df.dtypes.items() if c in FIXED + parameters))
        check_runs(df, runs, parameters, outcomes, True, "runs.arrow")
        table = pyarrow.ipc.open_file(dir / "runs.arrow").read_all()
        check(str(table.schema.field("seed").type) == "uint32", "runs.arrow: seed is not uint32")
        print("timeseries.arrow: pd.read_feather")
        df = pd.read_feather(dir / "timeseries.arrow")
        check_series(df, runs, columns, True, "timeseries.arrow")

    print(f"{len(problems)} problems" if problems else "all tables read correctly")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
