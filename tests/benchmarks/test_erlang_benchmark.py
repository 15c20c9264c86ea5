"""Erlang benchmark: required agents for a day of 48 half hours × 20 queues, next to floors measured in the same run.

Run by hand (the default pytest run deselects it):

    .venv/bin/python -m pytest -m benchmark tests/benchmarks/test_erlang_benchmark.py -s

Goal (issue 11): `required_agents` for all 960 intervals under GOAL_MS (50 ms) on this machine.

The day: 20 queues from 0.4 to 250 Erlangs at their peak (20 to 2,400 calls a half hour, AHT 150 to 420 s),
a call center's day curve (quiet at night, peaks late morning and mid afternoon), targets 80/20, 90/10 and
70/60 by queue; 960 intervals, about 40 Erlangs on average.

Measured, each as the median of ROUNDS (HANDOVER_BENCH_ROUNDS, default 15) rounds after a warm-up round,
the order flipped every round:

* required: `required_agents` of every interval (the Erlang C answer the service-level view draws);
* required, Erlang A: `required_agents_a` of every interval, patience 120 s (printed, no goal);
* floor, one erlang_c: one `erlang_c(A, ceil(A) + 1)` per interval: the least an answer costs (the Erlang B
  recursion up to the traffic once);
* floor, bare recursion: plain float arithmetic, the same number of recursion steps as the answers need
  (up to each interval's required n) and one math.exp per step above the traffic, no function calls.

The figures and their ratios are printed and written to tests/benchmarks/_work/results-erlang.txt with the
load average. The test fails when the required median is at or above GOAL_MS.
"""

from __future__ import annotations

import math
import os
import platform
import statistics
import time as clock
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.erlang import erlang_c, required_agents, required_agents_a, traffic

pytestmark = pytest.mark.benchmark

ROUNDS = int(os.environ.get("HANDOVER_BENCH_ROUNDS", "15"))
GOAL_MS = 50.0
WORK = Path(__file__).resolve().parent / "_work"
RESULTS = WORK / "results-erlang.txt"
PEAK_CALLS = (20, 35, 60, 80, 100, 120, 150, 200, 250, 300, 400, 500, 600, 750, 900, 1100, 1400, 1700, 2000, 2400)
TARGETS = ((20, 0.8), (10, 0.9), (60, 0.7))


def _day_curve(half_hour: int) -> float:
    """Share of the peak a half hour gets: 3 % at night, peaks at 10:30 and 14:30."""
    hour = half_hour / 2
    return max(0.03, math.exp(-((hour - 10.5) / 2.2) ** 2) + 0.85 * math.exp(-((hour - 14.5) / 2.5) ** 2))


def _intervals() -> list[tuple[float, float, int, float]]:
    """(calls, AHT, threshold, target) of 20 queues × 48 half hours."""
    rows = []
    for q, peak in enumerate(PEAK_CALLS):
        aht = 150 + (q * 37) % 271
        threshold, target = TARGETS[q % 3]
        rows.extend((round(peak * _day_curve(h), 1), float(aht), threshold, target) for h in range(48))
    return rows


def _time(fn) -> float:
    t0 = clock.perf_counter()
    fn()
    return (clock.perf_counter() - t0) * 1000


def test_required_agents_for_48_intervals_of_20_queues():
    rows = _intervals()
    loads = [traffic(calls, aht) for calls, aht, _, _ in rows]
    answers = [required_agents(*row) for row in rows]

    def required():
        return [required_agents(calls, aht, t, target) for calls, aht, t, target in rows]

    def required_a():
        return [required_agents_a(calls, aht, 120, t, target) for calls, aht, t, target in rows]

    def one_erlang_c():
        return [erlang_c(a, math.ceil(a) + 1) for a in loads]

    def bare():
        total = 0.0
        for a, n in zip(loads, answers):
            b = 1.0
            for k in range(1, n + 1):
                ab = a * b
                b = ab / (k + ab)
                if k > a:
                    total += math.exp(-(k - a))
        return total

    assert required() == answers
    figures: dict[str, list[float]] = defaultdict(list)
    order = [("required", required), ("required_a", required_a), ("erlang_c", one_erlang_c), ("bare", bare)]
    for r in range(ROUNDS + 1):
        for name, fn in order if r % 2 else order[::-1]:
            figures[name].append(_time(fn))
    for values in figures.values():
        values.pop(0)  # the warm-up round
    med = {k: statistics.median(v) for k, v in figures.items()}
    spread = {k: f"[{min(v):.2f} .. {max(v):.2f}]" for k, v in figures.items()}
    answers_a = required_a()
    verdict = "MET" if med["required"] < GOAL_MS else "NOT MET"
    lines = [
        f"== required agents: {len(rows)} intervals (20 queues x 48 half hours), traffic {min(loads):.2f} to "
        f"{max(loads):.1f} Erlangs (mean {statistics.mean(loads):.1f}); {ROUNDS} rounds after a warm-up; "
        "load average %.2f %.2f %.2f" % os.getloadavg(),
        f"required_agents (Erlang C)     median {med['required']:7.2f} ms  {spread['required']}  "
        f"x{med['required'] / med['erlang_c']:.2f} one erlang_c, x{med['required'] / med['bare']:.2f} bare; "
        f"{sum(answers)} agent-intervals, at most {max(answers)}",
        f"required_agents_a (patience 120 s) median {med['required_a']:7.2f} ms  {spread['required_a']}  "
        f"x{med['required_a'] / med['erlang_c']:.2f} one erlang_c; {sum(answers_a)} agent-intervals",
        f"floor: one erlang_c per interval   median {med['erlang_c']:7.2f} ms  {spread['erlang_c']}",
        f"floor: bare recursion, same steps  median {med['bare']:7.2f} ms  {spread['bare']}",
        f"goal {GOAL_MS:g} ms for required_agents: {verdict}",
    ]
    print("\n" + "\n".join(lines))
    WORK.mkdir(exist_ok=True)
    head = [f"# handover-console Erlang benchmark, {datetime.now().isoformat(timespec='seconds')}",
            f"# python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}"]
    RESULTS.write_text("\n".join(head + lines) + "\n", encoding="utf-8")
    assert med["required"] < GOAL_MS, f"required_agents took {med['required']:.1f} ms (floor {med['erlang_c']:.2f} ms)"
