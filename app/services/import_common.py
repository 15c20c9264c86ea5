"""What every import shares: the request, the summary, the site a source joins, the report of rejected lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app import paths
from app.domain.calls import FeedFormat, RejectedLine
from app.domain.errors import InvalidSettingError, SourceFormatMismatchError, UnknownSiteError
from app.domain.service_level import SlDefinition, SlSettings
from app.domain.sources import FeedSource, Site
from app.feeds.base import BATCH_LINES
from app.storage import sites as site_store

SHOWN_REJECTS = 20


class ImportState:
    """Progress and cancellation of a running import (the `run(inputs, state)` pattern).

    The import reports the bytes it has read after each batch and checks
    `cancelled` between batches; what was stored before a cancel stays
    stored (whole batches), and running the import again completes it.
    State: the file size, the bytes done, the cancel flag, an optional listener.
    """

    def __init__(self, on_progress=None) -> None:
        self.total = 0
        self.done = 0
        self._cancelled = False
        self._on_progress = on_progress

    def report(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self._on_progress is not None:
            self._on_progress(done, total)

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled


@dataclass(frozen=True)
class ImportRequest:
    path: Path
    format: FeedFormat
    source: str
    site: str | None = None
    threshold_seconds: float | None = None
    tz: str | None = None
    sl_definition: SlDefinition | None = None
    mapping: Path | None = None
    batch_lines: int = BATCH_LINES  # lines stored per transaction


@dataclass(frozen=True)
class SettingsChange:
    before: SlSettings
    after: SlSettings
    intervals_recomputed: int


@dataclass(frozen=True)
class ImportSummary:
    """What an import did (the CLI prints it; later the import dialog shows it)."""

    source: str
    site: str
    path: str
    format: str
    source_created: bool
    site_created: bool
    lines_read: int
    calls: int
    new: int
    known: int
    updated: int
    waiting: int
    ignored: dict[str, int]
    rejected: int
    first_rejected: tuple[RejectedLine, ...]
    report_path: str | None
    settings_change: SettingsChange | None
    batches: int
    intervals_written: int
    covered: tuple[float, float] | None = None
    agent_events: int = 0
    vendor_rule: str | None = None
    missing_columns: tuple[str, ...] = ()
    cancelled: bool = False


def pick_site(tx, request: ImportRequest) -> Site | None:
    """The site a new source joins: the one named, or the first; None: create the named one."""
    if request.site:
        return site_store.find_site(tx, request.site)
    listed = site_store.list_sites(tx)
    if not listed:
        raise UnknownSiteError("(no site)")
    return listed[0]


def check_source(existing: FeedSource | None, request: ImportRequest) -> None:
    """A source keeps its format and its site."""
    if existing and existing.format != request.format.value:
        raise SourceFormatMismatchError(request.source, existing.format, request.format.value)
    if existing and request.site and request.site != existing.site.name:
        raise InvalidSettingError("site", request.site, f"source {request.source!r} belongs to site {existing.site.name!r}")


def write_report(request: ImportRequest, rejected: list[RejectedLine]) -> Path:
    """Write every rejected line of an import to a report file in the user data folder."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in request.source)
    path = paths.reports_dir() / f"rejected-{safe}-{stamp}.tsv"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# file\t{request.path}\n# format\t{request.format.value}\nline\treason\ttext\n")
        for r in rejected:
            fh.write(f"{r.line_no}\t{r.reason}\t{r.text.replace(chr(9), ' ')}\n")
    return path


def read_report(path: str) -> tuple[RejectedLine, ...]:
    """The rejected lines kept in a report written by `write_report`."""
    out = []
    for row in Path(path).read_text(encoding="utf-8").splitlines():
        parts = row.split("\t", 2)
        if len(parts) == 3 and parts[0].isdigit():
            out.append(RejectedLine(int(parts[0]), parts[1], parts[2]))
    return tuple(out)


def save_text(path: str, text: str) -> str:
    """Save text the user asked to keep (e.g. copied rejected lines) to `path`."""
    Path(path).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return path
