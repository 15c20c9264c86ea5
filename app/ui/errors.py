"""The one place where errors from below are worded for the supervisor.

Lower layers raise `AppError` subclasses with structured fields; here they
become translated sentences. Nothing here opens a modal dialog: the main
window shows the text in its status bar and in the view that asked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.domain.errors import (
    AppError, EntryStateError, InputFileError, InvalidEntryError, InvalidSettingError, SeatConflictError,
    StaleEntryError, UnknownSiteError, UnknownSourceError, WrongPinError,
)

log = logging.getLogger(__name__)
_sink: Callable[[str], None] | None = None



def describe(exc: BaseException) -> str:
    """A translated sentence for `exc` (the reason from below is kept as written)."""
    if isinstance(exc, InputFileError):
        if exc.line is not None:
            return QCoreApplication.translate("errors", "{path}, line {line}: {reason}").format(path=exc.path, line=exc.line, reason=exc.reason)
        return QCoreApplication.translate("errors", "{path}: {reason}").format(path=exc.path, reason=exc.reason)
    if isinstance(exc, UnknownSourceError):
        return QCoreApplication.translate("errors", "There is no feed source named {name}.").format(name=exc.name)
    if isinstance(exc, UnknownSiteError):
        return QCoreApplication.translate("errors", "There is no site named {name}.").format(name=exc.name)
    if isinstance(exc, WrongPinError):
        return QCoreApplication.translate("errors", "That is not the PIN of {name}. Try again.").format(name=exc.supervisor)
    if isinstance(exc, InvalidEntryError):
        from app.ui.work_log.words import problems_text

        return problems_text(exc.problems)
    if isinstance(exc, StaleEntryError):
        return QCoreApplication.translate("errors", "Entry #{id} was changed by someone else since you opened it; "
                                          "nothing was saved. Open it again.").format(id=exc.entry_id)
    if isinstance(exc, SeatConflictError):
        return QCoreApplication.translate("errors", "Seat {seats} was changed by another desk since you looked at the "
                                          "map; nothing was saved. Look at the map again.").format(
            seats=", ".join(s.seat_code for s in exc.seats))
    from app.domain.playbooks import InvalidPlaybookError, InvalidRunError

    if isinstance(exc, InvalidPlaybookError):
        from app.ui.playbook.words import problems_lines

        return " ".join(problems_lines(exc.problems))
    if isinstance(exc, InvalidRunError):
        texts = {
            ("run", "closed"): QCoreApplication.translate("errors", "The run is closed already."),
            ("step", "out_of_range"): QCoreApplication.translate("errors", "The playbook has no such step."),
            ("reason", "required"): QCoreApplication.translate("errors", "A skipped step needs a reason."),
            ("text", "required"): QCoreApplication.translate("errors", "Write the note first."),
            ("outcome", "required"): QCoreApplication.translate("errors", "Say how it ended: the outcome is needed "
                                                                "to close the run."),
        }
        return " ".join(texts.get(p, "{0}: {1}".format(*p)) for p in exc.problems)
    from app.domain.errors import AlertTakenError

    if isinstance(exc, AlertTakenError):
        texts = {"dismissed": QCoreApplication.translate("errors", "That alert was dismissed meanwhile."),
                 "taken": QCoreApplication.translate("errors", "A run was started from that alert meanwhile; "
                                                     "see Playbooks.")}
        return texts.get(exc.state, QCoreApplication.translate("errors", "That alert no longer exists."))
    if isinstance(exc, EntryStateError):
        texts = {
            "withdrawn": QCoreApplication.translate("errors", "Entry #{id} is withdrawn; it can no longer change."),
            "not_open": QCoreApplication.translate("errors", "Item #{id} is no longer open (done, cancelled or a "
                                                   "note); there is nothing to take over."),
            "own_shift": QCoreApplication.translate("errors", "Entry #{id} was written in this shift; there is "
                                                    "nothing to take over."),
            "other_site": QCoreApplication.translate("errors", "Entry #{id} belongs to another site."),
            "missing": QCoreApplication.translate("errors", "There is no entry #{id} (any more)."),
            "callback_exists": QCoreApplication.translate("errors", "This call has a callback follow-up already "
                                                          "(entry #{id})."),
            "no_shift": QCoreApplication.translate("errors", "The site has no shift to write in: set up its shifts "
                                                   "in Shifts and people first."),
        }
        if exc.state in texts:
            return texts[exc.state].format(id=exc.entry_id)
    from app.domain.errors import DatabaseUnavailableError, DeskBusyError

    if isinstance(exc, DatabaseUnavailableError):
        texts = {
            "full": QCoreApplication.translate("errors", "The database is full (no room left on its disk): nothing "
                                               "was saved. Free some space and save again; what you typed is kept."),
            "locked": QCoreApplication.translate("errors", "The database is busy (another program holds it): "
                                                 "nothing was saved. Save again in a moment; what you typed is kept."),
            "read_only": QCoreApplication.translate("errors", "The database can only be read (its file or folder "
                                                    "is read-only): nothing was saved; what you typed is kept."),
            "unreachable": QCoreApplication.translate("errors", "The database cannot be reached: nothing was saved. "
                                                      "The console reconnects by itself; save again then, what you "
                                                      "typed is kept."),
        }
        if exc.state in texts:
            return texts[exc.state]

    from app.domain.errors import NotPermittedError, NotSignedInError

    if isinstance(exc, NotSignedInError):
        return QCoreApplication.translate("errors", "No one is signed in at this desk: nothing was saved. Sign in "
                                          "and save again; what you typed is kept.")
    if isinstance(exc, NotPermittedError):
        if exc.role == "viewer":
            return QCoreApplication.translate("errors", "You are signed in as a viewer: a viewer reads only. "
                                              "Nothing was saved; a supervisor can do this.")
        if exc.action == "export":
            return QCoreApplication.translate("errors", "Only supervisors export: the files leave the console "
                                              "with customer data. Nothing was written.")
        if exc.action == "sign":
            return QCoreApplication.translate("errors", "A team leader cannot sign a handover: two supervisors "
                                              "sign it. Nothing was saved.")
        return QCoreApplication.translate("errors", "A team leader writes work-log entries and attendance; this "
                                          "is for a supervisor. Nothing was saved.")
    if isinstance(exc, DeskBusyError):
        holder = exc.holder
        who = QCoreApplication.translate("errors", "computer {host}, process {pid}, since {since}").format(
            host=holder.get("host", "?"), pid=holder.get("pid", "?"), since=holder.get("since", "?"))
        return QCoreApplication.translate(
            "errors", "{path} is open in another console ({who}). One SQLite file serves one desk: close the other "
            "console, or share a PostgreSQL database between the desks (README, “Several desks”).").format(
            path=exc.path, who=who)
    if isinstance(exc, InvalidSettingError):
        worded = _worded_setting(exc)
        if worded is not None:
            return worded
        return QCoreApplication.translate("errors", "{setting}: {reason}").format(setting=exc.setting, reason=exc.reason)
    if isinstance(exc, AppError):
        return exc.message
    return QCoreApplication.translate("errors", "Unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}")


def _worded_setting(exc: InvalidSettingError) -> str | None:
    """The refusals of the playbook services a supervisor meets, in the window's language (None: not one of them)."""
    texts = {
        ("playbook", "no such playbook"): QCoreApplication.translate("errors", "There is no such playbook (any more)."),
        ("playbook", "is retired"): QCoreApplication.translate("errors", "That playbook is retired; it cannot be "
                                                               "started."),
        ("playbooks", "there is no playbook to export"): QCoreApplication.translate("errors", "There is no playbook "
                                                                                    "to export."),
        ("contact", "no such contact"): QCoreApplication.translate("errors", "There is no such contact (any more)."),
        ("run", "no such playbook run"): QCoreApplication.translate("errors", "There is no such run (any more)."),
        ("reason", "dismissing an alert needs a reason"): QCoreApplication.translate("errors", "Say why the alert is "
                                                                                     "dismissed."),
    }
    return texts.get((exc.setting, exc.reason))


def set_sink(sink: Callable[[str], None] | None) -> None:
    """Where `report_error` shows its text (the main window's status bar)."""
    global _sink
    _sink = sink


def report_error(exc: BaseException) -> str:
    text = describe(exc)
    if not isinstance(exc, AppError):
        log.error("unexpected error", exc_info=exc)
    if _sink is not None:
        _sink(text)
    return text
