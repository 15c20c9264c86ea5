"""Mapping files (TOML) that let a reader take another vendor's export without code.

A calls-csv mapping, every key optional:

    encoding = "utf-8"            # text encoding of the export
    delimiter = ","               # one character
    skip_lines = 0                # preamble lines before the header
    time_format = "%d/%m/%Y %H:%M:%S"   # strftime; default ISO 8601
    [columns]                     # our field = the export's header name
    call_id = "Call ID"
    [outcomes]                    # our outcome = the export's words
    answered = ["Handled", "ANSWERED"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.calls import CallState
from app.domain.errors import InputFileError, MappingError

_REQUIRED = ("call_id", "queue", "arrived_at", "answered_at", "ended_at", "outcome", "agent")
_OPTIONAL = ("caller",)


def _norm(name: str) -> str:
    return " ".join(name.strip().lower().split())


@dataclass(frozen=True)
class CallsMapping:
    """How a call-detail CSV names its columns and outcomes (defaults: calls-csv itself)."""

    encoding: str = "utf-8"
    delimiter: str = ","
    skip_lines: int = 0
    time_format: str | None = None
    columns: dict[str, str] = field(default_factory=lambda: {f: f for f in _REQUIRED + _OPTIONAL})
    outcomes: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {s.value: (s.value,) for s in CallState}
    )

    @property
    def outcome_states(self) -> dict[str, str]:
        return {_norm(word): state for state, words in self.outcomes.items() for word in words}

    def outcome_words(self) -> str:
        return ", ".join(sorted({w for words in self.outcomes.values() for w in words}))

    def positions(self, header: list[str], path: str, line: int) -> list[int | None]:
        """Index in the header row of each field (None for a missing optional one)."""
        index = {_norm(h): i for i, h in enumerate(header)}
        positions: list[int | None] = []
        missing = []
        for name in _REQUIRED + _OPTIONAL:
            pos = index.get(_norm(self.columns.get(name, name)))
            if pos is None and name in _REQUIRED:
                missing.append(self.columns.get(name, name))
            positions.append(pos)
        if missing:
            raise InputFileError(
                path,
                "not a calls-csv file: the header lacks the column(s) "
                + ", ".join(missing)
                + f" (it has: {', '.join(h.strip() for h in header)[:300]})",
                line=line,
            )
        return positions


def read_toml(path: Path) -> dict:
    """The table of a TOML mapping file; MappingError names the file, the line and what is wrong."""
    where = str(path)
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise MappingError(where, f"cannot read the mapping file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise MappingError(where, "the mapping file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(where, f"not valid TOML: {exc}", line=getattr(exc, "lineno", None)) from None


def load_calls_mapping(path: Path) -> CallsMapping:
    """Read a mapping file; MappingError names the file and what is wrong."""
    where = str(path)
    data = read_toml(path)
    known = {"encoding", "delimiter", "skip_lines", "time_format", "columns", "outcomes"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise MappingError(where, f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    base = CallsMapping()
    for table in ("columns", "outcomes"):
        if not isinstance(data.get(table, {}), dict):
            raise MappingError(where, f"[{table}] must be a table (a [{table}] section of name = value lines)")
    columns = dict(base.columns)
    for key, value in data.get("columns", {}).items():
        if key not in columns:
            raise MappingError(where, f"[columns] {key!r} is not a field; fields: {', '.join(columns)}")
        if not isinstance(value, str) or not value.strip():
            raise MappingError(where, f"[columns] {key} must be a column name")
        columns[key] = value
    outcomes = dict(base.outcomes)
    for key, value in data.get("outcomes", {}).items():
        if key not in outcomes:
            raise MappingError(where, f"[outcomes] {key!r} is not an outcome; outcomes: {', '.join(outcomes)}")
        words = (value,) if isinstance(value, str) else tuple(value) if isinstance(value, list) else ()
        if not words or not all(isinstance(w, str) for w in words):
            raise MappingError(where, f"[outcomes] {key} must be a word or a list of words")
        outcomes[key] = words
    delimiter = data.get("delimiter", base.delimiter)
    if not isinstance(delimiter, str) or len(delimiter) != 1:
        raise MappingError(where, "delimiter must be exactly one character")
    encoding = data.get("encoding", base.encoding)
    try:
        "".encode(encoding)
    except (LookupError, TypeError):
        raise MappingError(where, f"unknown encoding {encoding!r}") from None
    skip = data.get("skip_lines", 0)
    if isinstance(skip, bool) or not isinstance(skip, int) or skip < 0:
        raise MappingError(where, "skip_lines must be a whole number >= 0")
    fmt = data.get("time_format")
    if fmt is not None and (not isinstance(fmt, str) or "%" not in fmt):
        raise MappingError(where, "time_format must be a strftime format such as '%d/%m/%Y %H:%M:%S'")
    return CallsMapping(encoding, delimiter, skip, fmt, columns, outcomes)
