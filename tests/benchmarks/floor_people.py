"""The people of the benchmarks' floors: agent names, an agents file and a roster row's activities."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

FIRST = ("Anna", "Ben", "Chen", "Dana", "Eli", "Fatima", "Gil", "Hana", "Ivan", "Jun", "Kira", "Li", "Maya", "Noa",
         "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tal", "Uri", "Vera", "Wei", "Yael", "Zoe")
LAST = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun")


def agent_name(i: int) -> str:
    """The i-th agent's name, unique by its number."""
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i:03d}"


def agents_file(path: Path, count: int, teams: Sequence[str]) -> Path:
    """`count` agents E1000... in `teams` in turn, with skills, ACD logins A1000... and some fixed seats."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["employee_no", "name", "team", "skills", "acd_login", "fixed_seat"])
        for i in range(count):
            out.writerow([f"E{1000 + i}", agent_name(i), teams[i % len(teams)], "cards;loans" if i % 3 else "english",
                          f"A{1000 + i}", f"F{1 + i // 40}-{i % 40:02d}" if i % 5 else ""])
    return path


def activities(i: int, shift: str, training_every: int) -> str:
    """Break and lunch staggered by agent, training for every `training_every`-th agent."""
    base = {"Morning": 9, "Afternoon": 17, "Night": 1}[shift]
    m = (i * 5) % 45
    items = [f"break {base:02d}:{m:02d}-{base:02d}:{m + 15:02d}",
             f"lunch {base + 3:02d}:{m:02d}-{base + 3:02d}:{m + 15:02d}"]
    if i % training_every == 0:
        items.append(f"training {base + 5:02d}:00-{base + 5:02d}:45")
    return "; ".join(items)
