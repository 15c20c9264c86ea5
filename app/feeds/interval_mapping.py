"""Mapping files (TOML) for vendor interval reports (`interval-csv`).

    vendor = "Avaya CMS split/skill interval"   # shown with the figures
    encoding = "utf-8"
    delimiter = ","
    skip_lines = 0                       # lines to pass over; then the header is the first
                                         #   line naming the queue and interval columns
    interval_minutes = 30                # only half-hour reports are read
    threshold_seconds = 30               # the report's own T
    threshold_rule = "<"                 # "<" or "<=": how the report counts "within T"
    attribution = "completion"           # "arrival" or "completion": which interval a call counts in
    time_format = "%m/%d/%Y %I:%M %p"    # strftime of the interval start (default: ISO 8601)
    percent = "percent"                  # "percent" (90 or 90%) or "fraction" (0.9)
    total_words = ["Totals", "Summary"]  # rows whose queue or interval says this are totals
    [columns]                            # our figure = the report's column (names are
    queue = "Split/Skill"                #   matched without regard to case and spaces)
    interval = "Interval"                # the interval start (a range "07:00-07:30" is read by its start)
    date = "Date"                        # optional: a date column to join with `interval`
    offered = "Calls Offered"
    ...                                  # answered, answered_within, abandoned, abandoned_within,
                                         # asa, aht, max_wait, service_level
Durations may be written as seconds or [h:]mm:ss.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import MappingError
from app.feeds.mapping import read_toml

FIGURES = ("offered", "answered", "answered_within", "abandoned", "abandoned_within", "asa", "aht", "max_wait", "service_level")
COLUMNS = ("queue", "interval", "date") + FIGURES
DURATIONS = ("asa", "aht", "max_wait")


@dataclass(frozen=True)
class IntervalMapping:
    """How a vendor's interval report is laid out and what rules its figures follow."""

    vendor: str
    threshold_seconds: float
    threshold_rule: str = "<="
    attribution: str = "arrival"
    encoding: str = "utf-8"
    delimiter: str = ","
    skip_lines: int = 0
    interval_minutes: int = 30
    time_format: str | None = None
    date_format: str | None = None
    percent: str = "percent"
    total_words: tuple[str, ...] = ("total", "totals", "summary")
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def rule_text(self) -> str:
        """The vendor's rule, recorded with the source and shown with its figures."""
        when = "arrives" if self.attribution == "arrival" else "completes"
        return (
            f"{self.vendor}: a call counts in the interval in which it {when}; "
            f"answered within T means wait {self.threshold_rule} {self.threshold_seconds:g} s"
        )


def _fail(path: Path, reason: str, line: int | None = None) -> MappingError:
    return MappingError(str(path), reason, line=line)


def load_interval_mapping(path: Path) -> IntervalMapping:
    """Read and check a mapping file; MappingError names the file and what is wrong."""
    data = read_toml(path)
    known = {
        "vendor", "encoding", "delimiter", "skip_lines", "interval_minutes",
        "threshold_seconds", "threshold_rule", "attribution", "time_format", "date_format", "percent",
        "total_words", "columns",
    }
    unknown = sorted(set(data) - known)
    if unknown:
        raise _fail(path, f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    for required in ("vendor", "threshold_seconds", "columns"):
        if required not in data:
            raise _fail(path, f"the mapping must give {required!r}")
    columns = data["columns"]
    if not isinstance(columns, dict):
        raise _fail(path, "[columns] must be a table of our figure = the report's column")
    bad = sorted(set(columns) - set(COLUMNS))
    if bad:
        raise _fail(path, f"[columns] {', '.join(bad)} not known; known: {', '.join(COLUMNS)}")
    for need in ("queue", "interval"):
        if need not in columns:
            raise _fail(path, f"[columns] must name the {need!r} column")
    if not any(f in columns for f in FIGURES):
        raise _fail(path, "[columns] names no figure (offered, answered, ...)")
    t = data["threshold_seconds"]
    if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0 <= t <= 3600:
        raise _fail(path, "threshold_seconds must be a number of seconds between 0 and 3600")
    rule = data.get("threshold_rule", "<=")
    if rule not in ("<", "<="):
        raise _fail(path, "threshold_rule must be '<' or '<='")
    attribution = data.get("attribution", "arrival")
    if attribution not in ("arrival", "completion"):
        raise _fail(path, "attribution must be 'arrival' or 'completion'")
    if data.get("interval_minutes", 30) != 30:
        raise _fail(path, "only half-hour interval reports are read (interval_minutes = 30)")
    delimiter = data.get("delimiter", ",")
    if not isinstance(delimiter, str) or len(delimiter) != 1:
        raise _fail(path, "delimiter must be exactly one character")
    encoding = data.get("encoding", "utf-8")
    try:
        "".encode(encoding)
    except (LookupError, TypeError):
        raise _fail(path, f"unknown encoding {encoding!r}") from None
    percent = data.get("percent", "percent")
    if percent not in ("percent", "fraction"):
        raise _fail(path, "percent must be 'percent' or 'fraction'")
    skip = data.get("skip_lines", 0)
    if isinstance(skip, bool) or not isinstance(skip, int) or skip < 0:
        raise _fail(path, "skip_lines must be a whole number >= 0")
    for key in ("time_format", "date_format"):
        if key in data and (not isinstance(data[key], str) or "%" not in data[key]):
            raise _fail(path, f"{key} must be a strftime format such as '%m/%d/%Y %I:%M %p'")
    words = data.get("total_words", ["total", "totals", "summary"])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise _fail(path, "total_words must be a list of words, e.g. [\"Totals\"]")
    if not isinstance(data["vendor"], str) or not data["vendor"].strip():
        raise _fail(path, "vendor must name the product and report")
    bad_names = sorted(k for k, v in columns.items() if not isinstance(v, str) or not v.strip())
    if bad_names:
        raise _fail(path, f"[columns] {', '.join(bad_names)} must be column names")
    return IntervalMapping(
        vendor=str(data["vendor"]),
        threshold_seconds=float(t),
        threshold_rule=rule,
        attribution=attribution,
        encoding=encoding,
        delimiter=delimiter,
        skip_lines=skip,
        time_format=data.get("time_format"),
        date_format=data.get("date_format"),
        percent=percent,
        total_words=tuple(w.strip().lower() for w in words),
        columns={k: str(v) for k, v in columns.items()},
    )
