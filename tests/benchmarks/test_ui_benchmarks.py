"""Window benchmarks: cold start against a bare Qt window, and chart redraws of a day and a week.

Run by hand: `.venv/bin/python -m pytest tests/benchmarks/test_ui_benchmarks.py -m benchmark -s`.

* Cold start (issue: within 2x of a bare QApplication + QMainWindow + one
  pyqtgraph PlotWidget, measured in the same run): each start in a fresh
  process (tests/benchmarks/ui_probe.py), best of ROUNDS, on the demo
  database. The time until the chart holds the day's data is printed too.
* Redraw: ServiceLevelChart.show_day + repaint of one day (48 slots) and the
  week heat map model of seven days, median of many.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

pytestmark = pytest.mark.benchmark

ROUNDS = int(os.environ.get("HANDOVER_BENCH_ROUNDS", "3"))
RESULTS = Path(__file__).resolve().parent / "_work" / "results-ui.txt"
ROOT = Path(__file__).resolve().parents[2]


def _probe(mode: str, url: str, env: dict) -> dict:
    out = subprocess.run([sys.executable, "-m", "tests.benchmarks.ui_probe", mode, url], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _record(line: str) -> None:
    print(line)
    RESULTS.parent.mkdir(exist_ok=True)
    with open(RESULTS, "a", encoding="utf-8") as fh:
        fh.write(f"{datetime.now():%Y-%m-%d %H:%M} {line}\n")


def test_cold_start_within_twice_a_bare_window(tmp_path):
    from app.services.demo import build_demo

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HANDOVER_DATA_DIR": str(tmp_path)}
    os.environ["HANDOVER_DATA_DIR"] = str(tmp_path)
    url = build_demo("en").db_url
    bare, window, data = [], [], []
    for _ in range(ROUNDS):
        bare.append(_probe("bare", url, env)["shown"])
        r = _probe("window", url, env)
        window.append(r["shown"])
        data.append(r["data"])
    ratio = min(window) / min(bare)
    _record(f"cold start: window shown {min(window):.3f} s, bare window {min(bare):.3f} s, ratio {ratio:.2f}x "
            f"(goal 2x); chart with today's data at {min(data):.3f} s")
    assert ratio < 2.0


def test_chart_redraw_of_a_day_and_the_week_model(qapp, tmp_path, monkeypatch):
    from app.services.console import Console
    from app.services.day_view import day_view, week_view
    from app.services.demo import build_demo
    from app.ui.service_level.chart import ServiceLevelChart
    from app.ui.service_level.models import WeekModel

    monkeypatch.setenv("HANDOVER_DATA_DIR", str(tmp_path))
    built = build_demo("en")
    with Console.open(built.db_url) as console:
        today = datetime.fromisoformat(built.today).date()
        t0 = time.perf_counter()
        day = day_view(console, built.source, today)
        query_day = time.perf_counter() - t0
        t0 = time.perf_counter()
        week = week_view(console, built.source, today)
        query_week = time.perf_counter() - t0
        previous = day_view(console, built.source, today - timedelta(days=7))
    chart = ServiceLevelChart()
    chart.resize(1200, 420)
    chart.show()
    times = []
    for i in range(200):
        t0 = time.perf_counter()
        chart.show_day(day, previous if i % 2 else None)
        chart.repaint()
        times.append(time.perf_counter() - t0)
    model = WeekModel()
    week_times = []
    for _ in range(50):
        t0 = time.perf_counter()
        model.set_days(week)
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                model.data(model.index(r, c))
        week_times.append(time.perf_counter() - t0)
    _record(f"redraw: day chart median {statistics.median(times) * 1000:.1f} ms; week model (7x48 cells) "
            f"{statistics.median(week_times) * 1000:.1f} ms; queries: day {query_day * 1000:.0f} ms, "
            f"week {query_week * 1000:.0f} ms")
    assert statistics.median(times) < 0.1
