"""The feed the crash tests import, and its figures from a clean one-shot import (made once per run)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.domain.calls import FeedFormat
from app.services.console import Console
from app.services.import_common import ImportRequest
from app.services.imports import import_feed
from tests.benchmarks.generate_calls_csv import generate
from tests.crash.support import SITE, intervals, line_ends

CALLS = 60_000  # a few seconds of import in small batches, on SQLite and PostgreSQL
BATCH_LINES = 1_500  # 40 batches: a kill has many transactions to land in


@dataclass(frozen=True)
class Feed:
    """A generated calls-csv file (call k on data line k, no rejected line) and its clean import."""

    path: Path
    calls: int
    ends: list[int] = field(repr=False)  # byte offset after each line; ends[0]: after the header
    waiting: int
    intervals: list[tuple] = field(repr=False)  # the interval rows of a clean one-shot import


@pytest.fixture(scope="session")
def feed(tmp_path_factory) -> Feed:
    folder = tmp_path_factory.mktemp("crash-feed")
    path = generate(folder / "calls.csv", CALLS)
    with Console.open(f"sqlite:///{folder / 'clean.sqlite3'}", default_site=SITE) as console:
        summary = import_feed(console, ImportRequest(path, FeedFormat.CALLS_CSV, "clean"))
        assert (summary.calls, summary.new, summary.rejected, summary.ignored) == (CALLS, CALLS, 0, {})
        figures = intervals(console, "clean")
    ends = line_ends(path)
    assert len(ends) == CALLS + 1 and ends[-1] == path.stat().st_size
    return Feed(path, CALLS, ends, summary.waiting, figures)
