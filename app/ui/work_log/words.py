"""The work log's codes worded for the supervisor: categories, statuses, revision kinds, fields, problems."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from app.domain.worklog import Category, ItemStatus, RevisionKind
from app.ui.shift_sheet.words import priorities  # one wording for notices and the log


def categories() -> dict[Category, str]:
    return {
        Category.BUSINESS_NOTICE: QCoreApplication.translate("work_log", "business notice"),
        Category.STAFFING: QCoreApplication.translate("work_log", "staffing arrangement"),
        Category.WORK_ITEM: QCoreApplication.translate("work_log", "work item"),
        Category.FOLLOW_UP: QCoreApplication.translate("work_log", "customer follow-up"),
        Category.INCIDENT: QCoreApplication.translate("work_log", "incident"),
        Category.SYSTEM_PROBLEM: QCoreApplication.translate("work_log", "system problem"),
        Category.OTHER: QCoreApplication.translate("work_log", "other"),
    }


def statuses() -> dict[ItemStatus | None, str]:
    return {
        None: QCoreApplication.translate("work_log", "note"),
        ItemStatus.OPEN: QCoreApplication.translate("work_log", "open"),
        ItemStatus.IN_PROGRESS: QCoreApplication.translate("work_log", "in progress"),
        ItemStatus.DONE: QCoreApplication.translate("work_log", "done"),
        ItemStatus.CANCELLED: QCoreApplication.translate("work_log", "cancelled"),
    }


def revision_kinds() -> dict[RevisionKind, str]:
    return {
        RevisionKind.CREATED: QCoreApplication.translate("work_log", "written"),
        RevisionKind.EDITED: QCoreApplication.translate("work_log", "edited"),
        RevisionKind.STATUS: QCoreApplication.translate("work_log", "status changed"),
        RevisionKind.WITHDRAWN: QCoreApplication.translate("work_log", "withdrawn"),
        RevisionKind.HANDOVER: QCoreApplication.translate("work_log", "owner changed at the handover"),
    }


def field_names() -> dict[str, str]:
    return {
        "category": QCoreApplication.translate("work_log", "Category"),
        "text": QCoreApplication.translate("work_log", "Text"),
        "priority": QCoreApplication.translate("work_log", "Priority"),
        "event_at": QCoreApplication.translate("work_log", "Time of the event"),
        "tags": QCoreApplication.translate("work_log", "Tags"),
        "status": QCoreApplication.translate("work_log", "Status"),
        "closing_remark": QCoreApplication.translate("work_log", "Closing remark"),
        "customer_ref": QCoreApplication.translate("work_log", "Customer number"),
        "customer_name": QCoreApplication.translate("work_log", "Customer name"),
        "ticket": QCoreApplication.translate("work_log", "Ticket"),
        "promise": QCoreApplication.translate("work_log", "Promise"),
        "due": QCoreApplication.translate("work_log", "Due"),
        "owner": QCoreApplication.translate("work_log", "Owner"),
        "reason": QCoreApplication.translate("work_log", "Reason"),
        "by": QCoreApplication.translate("work_log", "Written by"),
        "withdrawn": QCoreApplication.translate("work_log", "Withdrawn"),
    }


def problem(field: str, code: str) -> str:
    """One (field, code) of InvalidEntryError as a sentence."""
    name = field_names().get(field, field)
    texts = {
        "required": QCoreApplication.translate("work_log", "{field} is needed."),
        "needs_status": QCoreApplication.translate("work_log", "A customer follow-up is always tracked: give it a status."),
        "needs_reference": QCoreApplication.translate("work_log", "A customer follow-up names the customer: give the customer number or name."),
        "remark_required": QCoreApplication.translate("work_log", "Done and cancelled need a closing remark: say what was done or why it was dropped."),
    }
    return texts.get(code, QCoreApplication.translate("work_log", "{field}: {code}")).format(field=name, code=code)


def problems_text(problems) -> str:
    return " ".join(problem(f, c) for f, c in problems)


def value_text(name: str, value, tz: ZoneInfo) -> str:
    """A field's value as the history shows it."""
    if value is None or value == "" or value == ():
        return "—"
    if name == "category":
        return categories().get(value, str(value))
    if name == "status":
        return statuses().get(value, str(value))
    if name == "priority":
        return priorities().get(value, str(value))
    if isinstance(value, datetime):
        return f"{value.astimezone(tz):%Y-%m-%d %H:%M}"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def age_text(age: timedelta) -> str:
    """An item's age: '3 h 20 min', '2 d 5 h'."""
    minutes = max(0, int(age.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("work_log", "{d} d {h} h").format(d=days, h=hours)
    if hours:
        return QCoreApplication.translate("work_log", "{h} h {m} min").format(h=hours, m=minutes)
    return QCoreApplication.translate("work_log", "{m} min").format(m=minutes)
