"""One measured run in a process of its own: the real import, or its floor.

    python -m tests.benchmarks.measure import PATH --format F --source S --site SITE --tz TZ --db URL [--profile OUT]
    python -m tests.benchmarks.measure floor PATH --format F --tz TZ --db FILE

Each run prints one JSON line (last line of stdout) with its wall time, its
CPU time (less disturbed by other work on the machine), row counts and its
peak RSS: the measured process's own (the interpreter and its libraries
included, see `rss_before_mib`), not the test runner's. `run()` starts a
run and returns its figures. `--profile` writes cProfile stats of the import.

The **import** goes through the real service: `Console.open(url)` (migrations,
default site) and then `import_feed`, timed on its own.

The **floor** is the least work that does the same job on the same file: a
pandas C-engine read, vectorized time parsing, the local half-hour of each
arrival, a groupby into (queue, interval) figures, and one row per call
inserted with raw `sqlite3.executemany` into a table keyed like `calls`
(unique (source_id, call_key), index on (source_id, interval_start)), in one
transaction, WAL mode like the application. It keeps what the import keeps
(the same columns, the same DST rule, PHANTOM and VRU-only rows left out) but
skips what only a robust importer needs: per-line validation and rejected
lines, batches with their file offsets, idempotent upserts, times with an
offset (the generated file has none), the call_id-plus-arrival key of
calls-csv (call_id alone is unique in the generated file).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

CALL_COLUMNS = (
    "queue", "call_key", "arrived_at", "interval_start", "state", "wait_seconds",
    "answered_at", "ended_at", "handle_seconds", "agent", "caller",
)
FLOOR_SCHEMA = """
CREATE TABLE calls (
    id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, queue VARCHAR(120) NOT NULL,
    call_key VARCHAR(200) NOT NULL, arrived_at FLOAT NOT NULL, interval_start BIGINT NOT NULL,
    state VARCHAR(10) NOT NULL, wait_seconds FLOAT, answered_at FLOAT, ended_at FLOAT,
    handle_seconds FLOAT, agent VARCHAR(120), caller VARCHAR(64),
    CONSTRAINT uq_calls_source_key UNIQUE (source_id, call_key));
CREATE INDEX ix_calls_source_interval ON calls (source_id, interval_start);
CREATE TABLE intervals (
    source_id INTEGER NOT NULL, queue VARCHAR(120) NOT NULL, interval_start BIGINT NOT NULL,
    offered INTEGER, answered INTEGER, abandoned INTEGER, other INTEGER, waiting INTEGER,
    answered_within INTEGER, asa_seconds FLOAT, aht_seconds FLOAT, max_wait_seconds FLOAT,
    PRIMARY KEY (source_id, queue, interval_start));
"""
THRESHOLD = 20.0


def _rss_mib(field: str = "VmHWM") -> float:
    """This process's peak (VmHWM) or current (VmRSS) resident set size, MiB.

    Read from /proc rather than `getrusage`: Linux carries ru_maxrss over a
    fork and exec, so a child of a big test runner would report the runner's
    size. VmHWM belongs to the process image, so it is the import's own.
    """
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # not Linux


def run(*args: str, env: dict | None = None, module: str = "tests.benchmarks.measure") -> dict:
    """Run `python -m MODULE ARGS` (by default this module) in a fresh process and return its figures."""
    root = Path(__file__).resolve().parents[2]
    cmd = [sys.executable, "-m", module, *args]
    done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the real import ----------------------------------------------------------


def measure_import(path: Path, fmt: str, source: str, site: str, tz: str, url: str, profile: Path | None) -> dict:
    from app.domain.calls import FeedFormat
    from app.services.console import Console
    from app.services.imports import ImportRequest, import_feed

    rss_before = _rss_mib("VmRSS")
    t0 = time.perf_counter()
    console = Console.open(url)
    t1 = time.perf_counter()
    cpu = time.process_time()
    request = ImportRequest(path=path, format=FeedFormat(fmt), source=source, site=site, tz=tz)
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        summary = profiler.runcall(import_feed, console, request)
        profiler.dump_stats(profile)
    else:
        summary = import_feed(console, request)
    t2 = time.perf_counter()
    cpu = time.process_time() - cpu
    console.close()
    return {
        "seconds": t2 - t1, "cpu_seconds": cpu, "open_seconds": t1 - t0, "lines": summary.lines_read,
        "calls": summary.calls, "new": summary.new, "waiting": summary.waiting, "rejected": summary.rejected,
        "batches": summary.batches, "intervals": summary.intervals_written, "rss_before_mib": rss_before,
        "peak_rss_mib": _rss_mib(),
    }


# -- the floor ----------------------------------------------------------------


def _epoch(local_wall: pd.Series, tz: str) -> np.ndarray:
    """Epoch seconds of naive local wall-clock times (NaT -> NaN); the application's DST rule."""
    first = np.ones(len(local_wall), dtype=bool)
    aware = local_wall.dt.tz_localize(tz, ambiguous=first, nonexistent="shift_forward")
    return ((aware - pd.Timestamp(0, tz="UTC")) / pd.Timedelta(seconds=1)).to_numpy(dtype=float)


def floor_calls_csv(path: Path, tz: str) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    arrived_wall = pd.to_datetime(raw["arrived_at"], format="ISO8601")
    arrived = _epoch(arrived_wall, tz)
    answered_at = _epoch(pd.to_datetime(raw["answered_at"], format="ISO8601", errors="coerce"), tz)
    ended = _epoch(pd.to_datetime(raw["ended_at"], format="ISO8601", errors="coerce"), tz)
    state = raw["outcome"].to_numpy(dtype=object)
    answered = state == "answered"
    wait = np.where(answered, answered_at - arrived, ended - arrived)
    return pd.DataFrame({
        "queue": raw["queue"], "call_key": raw["call_id"], "arrived_at": arrived,
        "interval_start": _epoch(arrived_wall.dt.floor("30min"), tz).astype(np.int64), "state": state,
        "wait_seconds": np.where(state == "waiting", np.nan, wait), "answered_at": answered_at,
        "ended_at": ended, "handle_seconds": np.where(answered, ended - answered_at, np.nan),
        "agent": raw["agent"].where(raw["agent"] != "", None), "caller": raw["caller"].where(raw["caller"] != "", None),
    })


def floor_anonymous_bank(path: Path, tz: str) -> pd.DataFrame:
    raw = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    queued = raw["q_start"] != "0:00:00"
    raw = raw[(raw["outcome"] != "PHANTOM") & ((raw["outcome"] == "AGENT") | queued)]
    queued = raw["q_start"] != "0:00:00"
    wall = pd.to_datetime(raw["date"] + " " + raw["q_start"].where(queued, raw["vru_exit"]), format="%y%m%d %H:%M:%S")
    entry = pd.to_datetime(raw["date"] + " " + raw["vru_entry"], format="%y%m%d %H:%M:%S")
    wall = wall.where(wall >= entry - pd.Timedelta(hours=12), wall + pd.Timedelta(days=1))  # midnight wrap
    arrived = _epoch(wall, tz)
    answered = (raw["outcome"] == "AGENT").to_numpy()
    wait = raw["q_time"].astype(float).to_numpy()
    served = answered & (raw["ser_start"] != "0:00:00").to_numpy()
    handle = np.where(served, raw["ser_time"].astype(float).to_numpy(), np.nan)
    key = raw["vru+line"] + "|" + raw["call_id"] + "|" + raw["date"] + "|" + raw["vru_entry"]
    return pd.DataFrame({
        "queue": raw["type"], "call_key": key, "arrived_at": arrived,
        "interval_start": _epoch(wall.dt.floor("30min"), tz).astype(np.int64),
        "state": np.where(answered, "answered", "abandoned"), "wait_seconds": wait,
        "answered_at": np.where(answered, arrived + wait, np.nan),
        "ended_at": arrived + wait + np.where(answered, handle, 0.0),  # NaN: answered, handle unknown
        "handle_seconds": handle, "agent": raw["server"].where(answered & (raw["server"] != "NO_SERVER"), None),
        "caller": raw["customer_id"].where(~raw["customer_id"].isin(("", "0")), None),
    })


def _interval_figures(calls: pd.DataFrame) -> pd.DataFrame:
    state = calls["state"]
    flags = pd.DataFrame({
        "queue": calls["queue"], "interval_start": calls["interval_start"],
        "offered": state != "waiting", "answered": state == "answered", "abandoned": state == "abandoned",
        "other": state == "other", "waiting": state == "waiting",
        "answered_within": (state == "answered") & (calls["wait_seconds"] <= THRESHOLD),
        "asa": calls["wait_seconds"].where(state == "answered"), "aht": calls["handle_seconds"],
        "max_wait": calls["wait_seconds"],
    })
    return flags.groupby(["queue", "interval_start"], sort=False).agg(
        offered=("offered", "sum"), answered=("answered", "sum"), abandoned=("abandoned", "sum"),
        other=("other", "sum"), waiting=("waiting", "sum"), answered_within=("answered_within", "sum"),
        asa=("asa", "mean"), aht=("aht", "mean"), max_wait=("max_wait", "max"),
    ).reset_index()


def measure_floor(path: Path, fmt: str, tz: str, db_file: Path, floor=None) -> dict:
    """The floor of `path`; `floor(path, tz) -> calls DataFrame` reads other formats (queue-log)."""
    import sqlite3

    rss_before = _rss_mib("VmRSS")
    t0 = time.perf_counter()
    cpu = time.process_time()
    floor = floor or (floor_calls_csv if fmt == "calls-csv" else floor_anonymous_bank)
    calls = floor(path, tz)
    intervals = _interval_figures(calls)
    t1 = time.perf_counter()
    con = sqlite3.connect(db_file)
    con.execute("PRAGMA journal_mode=WAL")
    con.executescript(FLOOR_SCHEMA)
    columns = [calls[c].tolist() for c in CALL_COLUMNS]  # NaN binds as NULL in SQLite
    placeholders = ", ".join("?" * (len(CALL_COLUMNS) + 1))
    with con:
        con.executemany(
            f"INSERT INTO calls (source_id, {', '.join(CALL_COLUMNS)}) VALUES ({placeholders})",
            zip([1] * len(calls), *columns),
        )
        con.executemany(
            "INSERT INTO intervals VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            intervals.itertuples(index=False, name=None),
        )
    t2 = time.perf_counter()
    cpu = time.process_time() - cpu
    stored = con.execute("SELECT count(*) FROM calls").fetchone()[0]
    con.close()
    return {
        "seconds": t2 - t0, "cpu_seconds": cpu, "prepare_seconds": t1 - t0, "insert_seconds": t2 - t1,
        "calls": stored, "intervals": len(intervals), "rss_before_mib": rss_before, "peak_rss_mib": _rss_mib(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.measure")
    parser.add_argument("what", choices=("import", "floor"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--format", required=True, choices=("calls-csv", "anonymous-bank"))
    parser.add_argument("--tz", required=True)
    parser.add_argument("--db", required=True, help="import: database URL; floor: SQLite file")
    parser.add_argument("--source", default="bench")
    parser.add_argument("--site", default="Bench site")
    parser.add_argument("--profile", type=Path, help="import only: write cProfile stats of import_feed here")
    args = parser.parse_args(argv)
    if args.what == "import":
        figures = measure_import(args.path, args.format, args.source, args.site, args.tz, args.db, args.profile)
    else:
        figures = measure_floor(args.path, args.format, args.tz, Path(args.db))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
