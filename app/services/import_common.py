"""What every import shares: the request, the summary, the site a source joins, the report of rejected lines.

Rejected lines leave the service with their caller numbers masked
(`app.domain.privacy.masked_feed_line`): in the report file, in the
summary's first lines and when a report is read back (one written before
masking existed too); the report file splits calls-csv rows at the
delimiter of the import's mapping file. The database keeps them whole
until the site's retention runs out (`app.services.privacy.purge_callers`,
which also deletes the report files that old).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app import paths
from app.domain.calls import FeedFormat, RejectedLine
from app.domain.errors import AppError, InvalidSettingError, SourceFormatMismatchError, UnknownSiteError
from app.domain.privacy import masked_feed_line
from app.domain.service_level import SlDefinition, SlSettings
from app.domain.sources import FeedSource, Site
from app.feeds.base import BATCH_LINES
from app.feeds.mapping import load_calls_mapping
from app.storage import sites as site_store

SHOWN_REJECTS = 20
REPORT_PREFIX = "rejected-"
REPORT_STAMP = "%Y%m%dT%H%M%S%fZ"  # UTC, in the report's file name
MASKED_MARK = "# callers\tmasked"  # a report's line saying its lines were masked when written


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

    def __post_init__(self) -> None:
        # What the window and the command line show of the rejected lines: caller numbers masked.
        object.__setattr__(self, "first_rejected", masked_lines(self.format, self.first_rejected))


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


def masked_lines(format: FeedFormat | str, lines, delimiter: str | None = None) -> tuple[RejectedLine, ...]:
    """Rejected lines of a feed of `format` with the caller numbers in their text masked (`delimiter`: a calls-csv
    mapping's; None: the usual ones are tried)."""
    return tuple(RejectedLine(r.line_no, r.reason, masked_feed_line(format, r.text, delimiter)) for r in lines)


def mapping_delimiter(request: ImportRequest) -> str | None:
    """The delimiter of a calls-csv import's mapping file (None: no mapping, or the file no longer reads)."""
    if request.mapping is None or FeedFormat(request.format) is not FeedFormat.CALLS_CSV:
        return None
    try:
        return load_calls_mapping(request.mapping).delimiter
    except AppError:  # changed or gone since the import read it: the masking tries the usual delimiters
        return None


def report_name(source: str, at: datetime) -> str:
    """The file name of the report of an import into `source` written at `at` (aware)."""
    return f"{REPORT_PREFIX}{report_file_source(source)}-{at.astimezone(timezone.utc).strftime(REPORT_STAMP)}.tsv"


def write_report(request: ImportRequest, rejected: list[RejectedLine]) -> Path:
    """Write every rejected line of an import, caller numbers masked, to a report file in the user data folder."""
    path = paths.reports_dir() / report_name(request.source, datetime.now(timezone.utc))
    source = " ".join(request.source.split())
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# file\t{request.path}\n# format\t{request.format.value}\n# source\t{source}\n{MASKED_MARK}\n")
        fh.write("line\treason\ttext\n")
        # Masked before a tab in the text becomes a space: anonymous-bank finds its fields by the tabs.
        for r in masked_lines(request.format, rejected, mapping_delimiter(request)):
            fh.write(f"{r.line_no}\t{r.reason}\t{r.text.replace(chr(9), ' ')}\n")
    return path


def read_report(path: str) -> tuple[RejectedLine, ...]:
    """The rejected lines kept in a report written by `write_report`, caller numbers masked (a report written
    before they were masked on writing is masked as it is read)."""
    out, format, masked = [], None, False
    for row in Path(path).read_text(encoding="utf-8").splitlines():
        parts = row.split("\t", 2)
        if len(parts) == 3 and parts[0].isdigit():
            out.append(RejectedLine(int(parts[0]), parts[1], parts[2]))
        elif len(parts) == 2 and parts[0] == "# format":
            format = parts[1]
        elif row == MASKED_MARK:
            masked = True
    return tuple(out) if masked else masked_lines(format or "", out)


@dataclass(frozen=True)
class ReportFile:
    """A report of rejected lines on disk: when it was written (aware UTC) and for which source.

    source -- the source named inside the report (None: written before reports named it)
    file_source -- the source's name as the file name spells it (letters, digits, - and _ only)
    """

    path: Path
    written_at: datetime
    source: str | None
    file_source: str


def report_files() -> tuple[ReportFile, ...]:
    """The reports of rejected lines in the user data folder, oldest first."""
    out = []
    for path in paths.reports_dir().glob(f"{REPORT_PREFIX}*.tsv"):
        stem = path.name[len(REPORT_PREFIX):-len(".tsv")]
        file_source, _, stamp = stem.rpartition("-")
        try:
            written = datetime.strptime(stamp, REPORT_STAMP).replace(tzinfo=timezone.utc)
        except ValueError:  # not a name write_report gave: the time the file was last written
            try:
                written = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
            except OSError:
                continue
            file_source = stem
        out.append(ReportFile(path, written, _named_source(path), file_source))
    return tuple(sorted(out, key=lambda r: (r.written_at, r.path.name)))


def report_file_source(source: str) -> str:
    """How a report's file name spells `source`."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in source)


def _named_source(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for _, row in zip(range(8), fh):
                if row.startswith("# source\t"):
                    return row.rstrip("\n").split("\t", 1)[1]
    except OSError:
        pass
    return None


def save_text(path: str, text: str) -> str:
    """Save text the user asked to keep (e.g. copied rejected lines) to `path`."""
    Path(path).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return path
