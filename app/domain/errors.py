"""Typed errors of every layer below the UI.

Lower layers raise subclasses of `AppError` with structured fields; the
command line and (later) `ui/errors.py` turn them into words.
"""

from __future__ import annotations


class AppError(Exception):
    """Base of every error the application expects and explains to the user."""

    code = "app_error"

    def __init__(self, message: str, **fields: object) -> None:
        super().__init__(message)
        self.fields = fields

    @property
    def message(self) -> str:
        return str(self)


class InputFileError(AppError):
    """A file cannot be used at all: unreadable, empty, header only, wrong format."""

    code = "input_file"

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}", path=path, line=line, reason=reason)
        self.path = path
        self.line = line
        self.reason = reason


class MappingError(InputFileError):
    """A mapping file (TOML) that describes a vendor's export is wrong."""

    code = "mapping"


class UnknownSourceError(AppError):
    code = "unknown_source"

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown feed source: {name!r}", name=name)
        self.name = name


class UnknownSiteError(AppError):
    code = "unknown_site"

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown site: {name!r}", name=name)
        self.name = name


class InvalidSettingError(AppError):
    """A setting given by the user is out of range or unknown (time zone, threshold...)."""

    code = "invalid_setting"

    def __init__(self, setting: str, value: object, reason: str) -> None:
        shown = setting if value is None else f"{setting} {value!r}"
        super().__init__(f"{shown}: {reason}", setting=setting, value=value, reason=reason)
        self.setting = setting
        self.value = value
        self.reason = reason


class SourceFormatMismatchError(AppError):
    code = "source_format"

    def __init__(self, name: str, existing: str, requested: str) -> None:
        super().__init__(
            f"source {name!r} is a {existing} feed; it cannot import {requested} files",
            name=name, existing=existing, requested=requested,
        )


class ImportCancelledError(AppError):
    """The user cancelled an import before any of it was stored."""

    code = "import_cancelled"

    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: import cancelled before anything was stored", path=path)
        self.path = path


class UnknownQueueError(AppError):
    code = "unknown_queue"

    def __init__(self, source: str, queue: str, known: tuple[str, ...]) -> None:
        listed = ", ".join(known) or "none yet"
        super().__init__(f"source {source!r} has no queue {queue!r} (its queues: {listed})", source=source, queue=queue)
        self.source = source
        self.queue = queue


class WrongPinError(AppError):
    """The PIN given is not the supervisor's (or the supervisor may no longer sign)."""

    code = "wrong_pin"

    def __init__(self, supervisor: str) -> None:
        super().__init__(f"wrong PIN for {supervisor!r}", supervisor=supervisor)
        self.supervisor = supervisor


class EntryStateError(InvalidSettingError):
    """A work-log action the entry's state does not allow; `state` says why.

    States: withdrawn (already withdrawn, it can no longer change), not_open (not an open item:
    done, cancelled or a note), own_shift (written in this shift: nothing to take over),
    other_site, missing (no such entry), callback_exists (the call has a follow-up already:
    `entry_id` is that follow-up), no_shift (the site has no shift to write in).
    """

    code = "entry_state"

    def __init__(self, entry_id: int | None, state: str, reason: str) -> None:
        super().__init__("entry", entry_id, reason)
        self.entry_id = entry_id
        self.state = state


class AlertTakenError(InvalidSettingError):
    """A playbook alert that can no longer be acted on: `state` is dismissed, taken (a run was started from
    it) or missing."""

    code = "alert_taken"

    def __init__(self, alert_id: int, state: str) -> None:
        super().__init__("alert", alert_id, {"dismissed": "the alert was dismissed already",
                                             "taken": "a run was started from the alert already"}.get(state, "no such alert"))
        self.alert_id = alert_id
        self.state = state


class InvalidEntryError(AppError):
    """A work-log entry that may not be stored: `problems` holds (field, code) as app.domain.worklog.check gives."""

    code = "invalid_entry"

    def __init__(self, problems: tuple[tuple[str, str], ...]) -> None:
        listed = ", ".join(f"{field}: {code}" for field, code in problems)
        super().__init__(f"the entry cannot be stored ({listed})", problems=problems)
        self.problems = problems


class StaleEntryError(AppError):
    """A work-log entry changed since the version an edit was based on; nothing was stored.

    `base`: the entry at `expected_revision` (what the writer saw), `current`: the entry as
    stored now, `changes`: what the writer tried to change (field -> value).
    """

    code = "stale_entry"

    def __init__(self, entry_id: int, expected_revision: int, base: object, current: object,
                 changes: dict) -> None:
        actual = getattr(current, "revision", None)
        super().__init__(f"entry {entry_id} is at revision {actual}, not {expected_revision}",
                         entry_id=entry_id, expected_revision=expected_revision, revision=actual)
        self.entry_id = entry_id
        self.expected_revision = expected_revision
        self.base = base
        self.current = current
        self.changes = changes


class NotPermittedError(AppError):
    """The role of the person signed in at this desk does not permit this (app.domain.access)."""

    code = "not_permitted"

    def __init__(self, role: str, action: str) -> None:
        super().__init__(f"a {role} may not do this ({action})", role=role, action=action)
        self.role = role
        self.action = action


class NotSignedInError(AppError):
    """The desk is locked: no one is signed in, so nothing is written."""

    code = "not_signed_in"

    def __init__(self) -> None:
        super().__init__("no one is signed in at this desk")


class DeskBusyError(AppError):
    """The SQLite file is open in another console window."""

    code = "desk_busy"

    def __init__(self, path: str, holder: dict) -> None:
        who = ", ".join(f"{k} {holder[k]}" for k in ("host", "pid", "since") if holder.get(k))
        super().__init__(f"{path}: open in another console ({who or 'holder unknown'}); several desks on one "
                         "database need PostgreSQL (see README, Several desks)", path=path, holder=holder)
        self.path = path
        self.holder = holder


class DatabaseUnavailableError(AppError):
    """A write (or read) could not reach the database; nothing of it was stored. `state`: full (no room left),
    locked (another program holds it too long), read_only (the file or the server refuses writes), unreachable
    (the connection to the server is lost)."""

    code = "database_unavailable"

    def __init__(self, url: str, state: str, detail: str) -> None:
        super().__init__(f"database {url}: {state.replace('_', ' ')}: nothing was stored ({detail})", url=url,
                         state=state, detail=detail)
        self.url = url
        self.state = state
        self.detail = detail


class SeatConflictError(AppError):
    """Another desk changed seats of a shift after this desk saw them; nothing of this desk's change was stored.

    `seats`: app.domain.seating.ChangedSeat values, by seat code (what this desk saw, what is stored now and who
    changed it when, what this desk wanted); `names`: agent id -> name of every agent they hold; `seen_now`: this
    desk's SeenSeats with the stored versions put in (the same change sent again with it applies on top of them).
    """

    code = "seat_conflict"

    def __init__(self, instance_id: int, seats: tuple, names: dict[int, str], seen_now: object) -> None:
        codes = ", ".join(s.seat_code for s in seats)
        super().__init__(f"shift {instance_id}: seat {codes} was changed by another desk after this desk saw it; "
                         "nothing was stored", instance_id=instance_id, seats=tuple(s.seat_id for s in seats))
        self.instance_id = instance_id
        self.seats = seats
        self.names = names
        self.seen_now = seen_now
