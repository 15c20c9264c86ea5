"""Live feed benchmark: from the poll that finds 1,000 new lines in a live queue_log to the chart showing them.

Run by hand (the default pytest run deselects it):

    .venv/bin/python -m pytest tests/benchmarks/test_live_benchmark.py -m benchmark -s

The issue's goal: under GOAL_MS (100 ms) from the poll to the chart, the
same for a 40k, 400k and 4M-line file. The least any reader pays is reading
and splitting the 1,000 new lines (about 0.5 ms); re-reading the whole file
costs 330 ms or more at 4M lines, so a poll that re-reads (or re-stores, or
re-aggregates) what it already had misses the goal on a big file.

For each size N (the first N lines of the cached synthetic queue_log of
`generate_queue_log`, ~4.08M lines, generated once into _work/ as
test_queue_log_benchmark does; set HANDOVER_BENCH_LIVE_SIZES=40000,400000 to
leave out the 4M case, whose first poll stores ~870,000 calls and takes
half a minute or more):

* the live file starts with the first N - (APPENDS + 1) x 1,000 lines; it is
  made a live source (`add_live_source`, tz UTC) and polled once, in a fresh SQLite
  database under _work/;
* the real window (DesktopApp, offscreen, InlineLane, scheduled=False) opens
  that database showing the source on the day of the lines to come, its clock
  at the time of the last line read;
* 1 + APPENDS (default 7; HANDOVER_BENCH_LIVE_APPENDS) times: the next 1,000
  lines of the cached file are appended (so the last append brings the file to
  N lines; the first, a warm-up of the window's first refresh, is printed but
  not counted), the clock moves to the newest appended line, and the time is taken
  from `window.live.poll_now()` until `ServiceLevelView.day_shown` fires with a
  DayView holding the new calls (the chart's `show_day` has run by then; the
  moment it returned, before the table's update, is printed too). The
  poll's own share (`PollResult.duration_seconds`) and the paint that
  follows (one `processEvents` after `poll_now` returns; the Now view, which
  refreshes after the chart, is not counted) are printed beside it.

In the same run the floors, on the same file: reading and splitting the
1,000 appended lines (seek, read, decode, `splitlines`, `split("|")`; median
of many), and re-reading the whole N-line file (read + split into lines;
best of three). Wall and CPU times (`time.process_time`) are both printed,
with the ratio of the latency to the 1,000-line floor: on the 2-core test VM
another busy process slows this one's CPU time too (up to ~1.8x, floor
included), so the ratio is the steadier figure; take the absolute ones on a
quiet machine. The test fails when the median wall latency of a size is at
or above GOAL_MS. Figures are printed and written to
tests/benchmarks/_work/results-live.txt; the live files and databases
(_work/live-N.log, live-N.sqlite3, ~440 MB for 4M) stay there for profiling.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import time
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path

import pandas as pd
import pytest

from tests.benchmarks.generate_queue_log import DEFAULT_VISITS, VERSION, generate, load_info

pytestmark = pytest.mark.benchmark

WORK = Path(__file__).resolve().parent / "_work"
RESULTS = WORK / "results-live.txt"
SIZES = (40_000, 400_000, 4_000_000)
CHOSEN = {int(s.replace("_", "")) for s in os.environ.get("HANDOVER_BENCH_LIVE_SIZES", ",".join(map(str, SIZES))).split(",")
          if s.strip()}
APPENDS = int(os.environ.get("HANDOVER_BENCH_LIVE_APPENDS", "7"))
BLOCK = 1000  # lines per append, as in the issue
GOAL_MS = 100.0
USUAL_FLOOR_MS = 0.5  # reading and splitting 1,000 lines on a quiet machine (the figure)
SOURCE, SITE, TZ = "bench-live", "Bench site", "UTC"

_recorded: list[str] = []


def _record(*lines: str) -> None:
    for line in lines:
        print(line)
    _recorded.extend(lines)
    head = [
        f"# handover-console live poll-to-chart benchmark, {datetime.now().isoformat(timespec='seconds')}",
        f"# python {platform.python_version()}, pandas {pd.__version__}, sqlite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}",
    ]
    RESULTS.write_text("\n".join(head + _recorded) + "\n", encoding="utf-8")


def _fresh(path: Path) -> Path:
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    return path


def _newest(block: bytes) -> datetime:
    """The newest timestamp (epoch seconds, first field) of the lines of `block`, as aware UTC."""
    return datetime.fromtimestamp(max(int(line.split(b"|", 1)[0]) for line in block.splitlines()), timezone.utc)


@pytest.fixture(scope="module")
def cached_queue_log() -> Path:
    """The ~4.08M-line synthetic queue_log of test_queue_log_benchmark, generated once if missing."""
    WORK.mkdir(exist_ok=True)
    path = WORK / f"queue_log-{DEFAULT_VISITS}-v{VERSION}.log"
    if load_info(path) is None:
        t0 = time.perf_counter()
        info = generate(path, DEFAULT_VISITS)
        print(f"\ngenerated {path} ({info.lines:,} lines, {info.bytes / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s")
    return path


def _prepare(cached: Path, live: Path, n: int) -> list[bytes]:
    """Write the first n - (1 + APPENDS)*BLOCK lines of `cached` to `live`; return the blocks that follow."""
    with open(cached, "rb") as src, open(live, "wb") as out:
        out.writelines(islice(src, n - (1 + APPENDS) * BLOCK))
        blocks = [b"".join(islice(src, BLOCK)) for _ in range(1 + APPENDS)]
    if any(block.count(b"\n") != BLOCK for block in blocks):
        pytest.skip(f"{cached} has fewer than {n:,} lines")
    return blocks


def _floor_block(path: Path, offset: int, size: int, repeat: int = 50) -> tuple[float, float]:
    """Median (wall, CPU) seconds to read and split the `size` bytes of lines at `offset`."""
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        with open(path, "rb") as fh:
            fh.seek(offset)
            fields = [line.split("|") for line in fh.read(size).decode("utf-8").splitlines()]
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        assert len(fields) == BLOCK
    return statistics.median(walls), statistics.median(cpus)


def _floor_reread(path: Path, lines: int, repeat: int = 3) -> tuple[float, float]:
    """Best (wall, CPU) seconds to read the whole file and split it into lines."""
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        with open(path, "rb") as fh:
            count = len(fh.read().split(b"\n")) - 1
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        assert count == lines
    return min(walls), min(cpus)


@pytest.mark.parametrize("n_lines", SIZES, ids=lambda n: f"{n // 1000}k")
def test_poll_to_chart_latency(n_lines, cached_queue_log, qapp, tmp_path, monkeypatch):
    from app.domain.calls import FeedFormat
    from app.services.console import Console
    from app.services.imports import ImportRequest
    from app.services.lane import InlineLane
    from app.services.live import add_live_source, poll
    from app.ui.app import DesktopApp

    if n_lines not in CHOSEN:
        pytest.skip(f"{n_lines:,} lines not in HANDOVER_BENCH_LIVE_SIZES")
    monkeypatch.setenv("HANDOVER_DATA_DIR", str(tmp_path))
    live_file = WORK / f"live-{n_lines}.log"
    db = _fresh(WORK / f"live-{n_lines}.sqlite3")
    url = f"sqlite:///{db}"
    blocks = _prepare(cached_queue_log, live_file, n_lines)
    start_lines = n_lines - (1 + APPENDS) * BLOCK

    # The live source and its first poll (everything up to the appends), outside the window.
    with open(live_file, "rb") as fh:
        fh.seek(max(0, live_file.stat().st_size - 4096))
        read_until = _newest(fh.read().split(b"\n", 1)[1])
    t0 = time.perf_counter()
    with Console.open(url) as console:
        add_live_source(console, ImportRequest(path=live_file, format=FeedFormat("queue-log"), source=SOURCE,
                                               site=SITE, tz=TZ))
        first = poll(console, SOURCE, now=read_until)
    first_poll = time.perf_counter() - t0
    assert first.lines_read == start_lines and first.rejected == 0

    day = _newest(blocks[-1]).date()
    assert _newest(blocks[0]).date() == day == read_until.date(), "the appends must stay on one day"
    clock = [read_until]
    desktop = DesktopApp(url, "en", settings_path=tmp_path / "settings.ini", lane=InlineLane(), scheduled=False)
    try:
        desktop.context.clock = lambda: clock[0]
        window = desktop.window
        window.resize(1400, 900)
        sl = window.service_level
        sl.day = day
        desktop.start()
        desktop.wait_idle()
        assert window.live.plan == ((SOURCE,), None)
        assert sl.current is not None and sl.current.source == SOURCE and sl.current.day == day
        assert window.current_view_id() == "service_level"

        shown: list = []
        sl.day_shown.connect(lambda view: shown.append((time.perf_counter(), time.process_time(), view)))
        chart_set: list[float] = []  # when the chart's show_day returned (day_shown follows the table's update)
        show_day = sl.chart.show_day

        def timed_show_day(*args, **kwargs):
            show_day(*args, **kwargs)
            chart_set.append(time.perf_counter())

        sl.chart.show_day = timed_show_day
        latencies, cpu_latencies, polls, charts, paints, offered = [], [], [], [], [], []
        floor_blocks = []
        for block in blocks:
            offset = live_file.stat().st_size
            with open(live_file, "ab") as fh:
                fh.write(block)
            clock[0] = _newest(block)
            before = sl.current
            shown.clear()
            chart_set.clear()
            t0, c0 = time.perf_counter(), time.process_time()
            window.live.poll_now()
            t1 = time.perf_counter()
            desktop.qt.processEvents()  # the repaint the new data asked for
            t2 = time.perf_counter()
            result = window.live.results[SOURCE]
            assert result.lines_read == BLOCK and result.rejected == 0 and result.changed
            assert len(shown) == 1, "the chart was not refreshed by the poll"
            at, cpu_at, view = shown[0]
            assert view is sl.chart.view and view.day == day
            assert view.total.offered > before.total.offered, "the chart does not show the new calls"
            latencies.append(at - t0)
            cpu_latencies.append(cpu_at - c0)
            polls.append(result.duration_seconds)
            charts.append(chart_set[0] - t0)
            paints.append(t2 - t1)
            offered.append(view.total.offered)
            floor_blocks.append(_floor_block(live_file, offset, len(block)))
    finally:
        desktop.close()
    reread, reread_cpu = _floor_reread(live_file, n_lines)
    warm_wall, warm_cpu = latencies.pop(0), cpu_latencies.pop(0)  # the warm-up append is not counted
    for figures in (polls, charts, paints, floor_blocks):
        del figures[0]
    floor, floor_cpu = statistics.median(w for w, _ in floor_blocks), statistics.median(c for _, c in floor_blocks)

    median, median_cpu = statistics.median(latencies), statistics.median(cpu_latencies)
    ms = lambda values: ", ".join(f"{v * 1000:.0f}" for v in values)  # noqa: E731
    verdict = "within" if median * 1000 < GOAL_MS else "ABOVE"
    _record(
        "",
        f"== live queue_log, {n_lines:,} lines ({live_file.stat().st_size / 1e6:.0f} MB), {APPENDS} appends of "
        f"{BLOCK:,} lines (+1 warm-up) on {day} (first poll of {start_lines:,} lines {first_poll:.1f} s, {first.new:,} calls; "
        "load average %.2f %.2f %.2f)" % os.getloadavg(),
        f"poll -> chart        median {median * 1000:7.1f} ms wall {median_cpu * 1000:7.1f} ms CPU  "
        f"[walls {ms(latencies)}; CPU {ms(cpu_latencies)}; warm-up {warm_wall * 1000:.0f} ms wall "
        f"{warm_cpu * 1000:.0f} ms CPU]  -> {verdict} the {GOAL_MS:g} ms goal",
        f"  of which the poll  median {statistics.median(polls) * 1000:7.1f} ms  [{ms(polls)}]; the chart's data set at "
        f"{statistics.median(charts) * 1000:.1f} ms; then the paint {statistics.median(paints) * 1000:.1f} ms; "
        f"day's offered {offered[0]:,} -> {offered[-1]:,}",
        f"floor: read+split {BLOCK:,} lines {floor * 1000:7.2f} ms wall {floor_cpu * 1000:6.2f} ms CPU  "
        f"-> ratio {median / floor:,.0f}x wall {median_cpu / floor_cpu:,.0f}x CPU",
        f"re-read the file    {reread * 1000:7.0f} ms wall {reread_cpu * 1000:6.0f} ms CPU  "
        f"(read + split {n_lines:,} lines) -> latency/re-read {median / reread:.2f}x",
    )
    slow = (f"; the floor took {floor * 1000:.2f} ms (usually ~{USUAL_FLOOR_MS} ms): the machine was slow, "
            f"rerun on a quiet one (ratio to the floor {median / floor:.0f}x)") if floor * 1000 > 1.4 * USUAL_FLOOR_MS else ""
    assert median * 1000 < GOAL_MS, (
        f"{n_lines:,} lines: {median * 1000:.0f} ms from the poll to the chart (CPU {median_cpu * 1000:.0f} ms), "
        f"goal {GOAL_MS:g} ms{slow}"
    )
