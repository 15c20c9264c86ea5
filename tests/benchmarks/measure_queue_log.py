"""One measured queue_log run in a process of its own: the real import, or its floor.

    python -m tests.benchmarks.measure_queue_log import PATH --tz TZ --db URL [--source S] [--pyinstrument OUT]
    python -m tests.benchmarks.measure_queue_log floor PATH --tz TZ --db FILE

Like `tests.benchmarks.measure` (whose pieces it uses: the import through
`Console.open` + `import_feed`, peak RSS from VmHWM, the floor's table and
insert), for `--format queue-log`. Prints one JSON line of figures last.

The **floor** for a queue_log: a chunked pandas C-engine read of the whole
file (every line, `|`-separated, 500,000 lines a chunk), keeping from each
chunk only the ENTERQUEUE lines and the outcome lines (CONNECT, COMPLETE*,
TRANSFER, ABANDON, EXIT*); one merge of outcomes onto visits by the import's
call key `callid|queue|arrival` (arrival = time - holdtime [- calltime]);
the local half hour of each ENTERQUEUE; the groupby into (queue, interval)
figures; one row per visit inserted with raw `sqlite3.executemany` into a
table keyed like `calls` (`measure.FLOOR_SCHEMA`), in one transaction. It
skips what only a robust importer needs: per-line validation and rejected
lines, batches with their offsets, order- and duplicate-independent merging
of partial records, idempotent upserts, agent events, coverage, AGENTDUMP.

`--pyinstrument OUT` profiles the import (Console.open included) with
pyinstrument and writes its text report to OUT (and OUT.html).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from tests.benchmarks import measure

FIELDS = ("t", "callid", "queue", "agent", "event", "d1", "d2", "d3", "d4", "d5")
CHUNK_LINES = 500_000
# Outcome event -> (state, field of the wait, field of the call time or None)
ENDS = {
    "COMPLETEAGENT": ("answered", "d1", "d2"), "COMPLETECALLER": ("answered", "d1", "d2"),
    "TRANSFER": ("answered", "d3", "d4"), "BLINDTRANSFER": ("answered", "d3", "d4"),
    "ATTENDEDTRANSFER": ("answered", "d3", "d4"),
    "ABANDON": ("abandoned", "d3", None), "EXITWITHTIMEOUT": ("other", "d3", None),
    "EXITEMPTY": ("other", "d3", None), "EXITWITHKEY": ("other", "d4", None),
}
_read_seconds: list[float] = []


def _ints(values: pd.Series) -> np.ndarray:
    return values.to_numpy(dtype=object).astype(np.int64)


def _key(callid: pd.Series, queue: pd.Series, arrived: np.ndarray) -> np.ndarray:
    return (callid.to_numpy(dtype=object) + "|" + queue.to_numpy(dtype=object) + "|"
            + arrived.astype(str).astype(object))


def floor_queue_log(path: Path, tz: str) -> pd.DataFrame:
    """One row per visit (ENTERQUEUE) with its outcome, in measure.CALL_COLUMNS."""
    t0 = time.perf_counter()
    enters, connects, ends = [], [], []
    reader = pd.read_csv(
        path, sep="|", header=None, names=list(FIELDS), dtype={**{f: object for f in FIELDS}, "t": np.int64},
        keep_default_na=False, na_filter=False, quoting=csv.QUOTE_NONE, chunksize=CHUNK_LINES, engine="c",
    )
    for chunk in reader:
        event = chunk["event"]
        e = chunk[event == "ENTERQUEUE"]
        enters.append(pd.DataFrame({
            "call_key": _key(e["callid"], e["queue"], e["t"].to_numpy()), "queue": e["queue"].to_numpy(),
            "arrived_at": e["t"].to_numpy(dtype=float), "caller": e["d2"].to_numpy(),
        }))
        c = chunk[event == "CONNECT"]
        wait = _ints(c["d1"])
        connects.append(pd.DataFrame({
            "call_key": _key(c["callid"], c["queue"], c["t"].to_numpy() - wait),
            "answered_at": c["t"].to_numpy(dtype=float), "c_wait": wait.astype(float), "c_agent": c["agent"].to_numpy(),
        }))
        for name, (state, wait_field, talk_field) in ENDS.items():
            o = chunk[event == name]
            if o.empty:
                continue
            wait = _ints(o[wait_field])
            talk = _ints(o[talk_field]) if talk_field else np.zeros(len(o), dtype=np.int64)
            ends.append(pd.DataFrame({
                "call_key": _key(o["callid"], o["queue"], o["t"].to_numpy() - wait - talk),
                "state": state, "ended_at": o["t"].to_numpy(dtype=float), "e_wait": wait.astype(float),
                "handle_seconds": talk.astype(float) if talk_field else np.nan,
                "e_agent": o["agent"].to_numpy() if talk_field else None,
            }))
    _read_seconds.append(time.perf_counter() - t0)
    calls = pd.concat(enters, ignore_index=True)
    calls = calls.merge(pd.concat(connects, ignore_index=True), on="call_key", how="left")
    calls = calls.merge(pd.concat(ends, ignore_index=True), on="call_key", how="left")
    connected = calls["answered_at"].notna().to_numpy()
    state = np.where(connected, "answered", calls["state"].fillna("waiting").to_numpy(dtype=object))
    answered = state == "answered"
    talk = calls["handle_seconds"].to_numpy(dtype=float)
    ended = calls["ended_at"].to_numpy(dtype=float)
    answered_at = np.where(connected, calls["answered_at"].to_numpy(dtype=float), ended - talk)
    agent = calls["c_agent"].where(calls["c_agent"].notna(), calls["e_agent"])
    arrived = calls["arrived_at"].to_numpy(dtype=float)
    wall = pd.to_datetime(pd.Series(arrived), unit="s", utc=True).dt.tz_convert(tz).dt.tz_localize(None)
    return pd.DataFrame({
        "queue": calls["queue"], "call_key": calls["call_key"], "arrived_at": arrived,
        "interval_start": measure._epoch(wall.dt.floor("30min"), tz).astype(np.int64), "state": state,
        "wait_seconds": calls["c_wait"].fillna(calls["e_wait"]).to_numpy(dtype=float),
        "answered_at": np.where(answered, answered_at, np.nan), "ended_at": ended,
        "handle_seconds": np.where(answered, talk, np.nan),
        "agent": agent.where(agent.notna() & (agent != "NONE") & (agent != ""), None),
        "caller": calls["caller"].where(calls["caller"] != "", None),
    })


def measure_import_profiled(path: Path, source: str, site: str, tz: str, url: str, out: Path) -> dict:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.005)
    profiler.start()
    figures = measure.measure_import(path, "queue-log", source, site, tz, url, None)
    profiler.stop()
    out.write_text(profiler.output_text(unicode=False, color=False, show_all=False), encoding="utf-8")
    out.with_name(out.name + ".html").write_text(profiler.output_html(), encoding="utf-8")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.measure_queue_log")
    parser.add_argument("what", choices=("import", "floor"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--tz", required=True)
    parser.add_argument("--db", required=True, help="import: database URL; floor: SQLite file")
    parser.add_argument("--source", default="bench-queue-log")
    parser.add_argument("--site", default="Bench site")
    parser.add_argument("--pyinstrument", type=Path, help="import only: write a pyinstrument report here")
    args = parser.parse_args(argv)
    if args.what == "import" and args.pyinstrument:
        figures = measure_import_profiled(args.path, args.source, args.site, args.tz, args.db, args.pyinstrument)
    elif args.what == "import":
        figures = measure.measure_import(args.path, "queue-log", args.source, args.site, args.tz, args.db, None)
    else:
        figures = measure.measure_floor(args.path, "queue-log", args.tz, Path(args.db), floor=floor_queue_log)
        figures["read_seconds"] = _read_seconds[-1]
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
