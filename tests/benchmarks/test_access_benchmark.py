"""The cost of the desk's guard (app.storage.access): writes at a desk where someone is signed in, next to the same
writes at a desk that requires no sign-in, measured in the same run.

Run by hand (the default pytest run deselects it):

    .venv/bin/python -m pytest -m benchmark tests/benchmarks/test_access_benchmark.py -s

Each round writes WRITES work-log entries (`worklog.add_entry`: a declared LOG block, its transaction, the
audit trail) twice, once without sign-in (the floor: no guard checks, no declared person) and once with a
supervisor signed in (every statement checked against the role, the audit naming the person), the order
flipped every round; the medians per entry and their ratio are printed. The test fails when the ratio is 1.25
or more (the guard is a regular expression and a comparison per statement).
"""

from __future__ import annotations

import statistics
import time

import pytest

from app.domain.worklog import Category, Draft
from app.services import access, shifts, worklog
from app.services.console import Console
from tests.services.shift_world import DAY, PIN, at, build

pytestmark = pytest.mark.benchmark
ROUNDS, WRITES = 7, 120
LIMIT = 1.25


def test_the_guard_costs_little(tmp_path):
    console = Console.open(f"sqlite:///{tmp_path / 'guard.sqlite3'}")
    try:
        world = build(console)
        instance = shifts.ensure_instance(console, DAY, world.morning.id)
        when = at(console, DAY, 9)

        def per_entry() -> float:
            started = time.perf_counter()
            for i in range(WRITES):
                worklog.add_entry(console, instance.id, Draft(Category.OTHER, f"note {i}"), "王丽", when)
            return (time.perf_counter() - started) / WRITES

        floor, guarded = [], []
        per_entry()  # warm-up
        for r in range(ROUNDS):
            for signed in ((False, True) if r % 2 == 0 else (True, False)):
                if signed:
                    access.sign_in(console, world.lead.id, PIN)
                    guarded.append(per_entry())
                else:
                    access.release_sign_in(console)
                    floor.append(per_entry())
        f, g = statistics.median(floor), statistics.median(guarded)
        print(f"\nwork-log entry, no sign-in (floor) {f * 1000:.2f} ms; signed in, every statement guarded "
              f"{g * 1000:.2f} ms; ratio {g / f:.2f}")
        assert g / f < LIMIT, f"the guard costs {g / f:.2f}× the floor"
    finally:
        console.close()
