"""The sheet's codes worded for the supervisor (statuses, leave types, changes, flags, roster problems)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.attendance import ActivityKind, AttendanceStatus, ChangeKind, CrossFlag, LeaveType, Mark
from app.domain.notices import Priority
from app.domain.people import Role


def statuses() -> dict[AttendanceStatus, str]:
    return {
        AttendanceStatus.UNMARKED: QCoreApplication.translate("sheet", "not marked"),
        AttendanceStatus.PRESENT: QCoreApplication.translate("sheet", "present"),
        AttendanceStatus.LATE: QCoreApplication.translate("sheet", "late"),
        AttendanceStatus.ABSENT: QCoreApplication.translate("sheet", "absent"),
        AttendanceStatus.LEAVE: QCoreApplication.translate("sheet", "on leave"),
        AttendanceStatus.SWAPPED: QCoreApplication.translate("sheet", "swapped"),
        AttendanceStatus.LEFT_EARLY: QCoreApplication.translate("sheet", "left early"),
    }


def leave_types() -> dict[LeaveType, str]:
    return {
        LeaveType.ANNUAL: QCoreApplication.translate("sheet", "annual leave"),
        LeaveType.SICK: QCoreApplication.translate("sheet", "sick leave"),
        LeaveType.PERSONAL: QCoreApplication.translate("sheet", "personal leave"),
        LeaveType.COMPENSATORY: QCoreApplication.translate("sheet", "time off in lieu"),
        LeaveType.OTHER: QCoreApplication.translate("sheet", "other leave"),
    }


def change_kinds() -> dict[ChangeKind, str]:
    return {
        ChangeKind.SWAP: QCoreApplication.translate("sheet", "shift swap"),
        ChangeKind.EARLY_LEAVE: QCoreApplication.translate("sheet", "early leave"),
        ChangeKind.SICKNESS: QCoreApplication.translate("sheet", "sickness"),
        ChangeKind.NEW_HIRE: QCoreApplication.translate("sheet", "new hire, first day"),
        ChangeKind.TRANSFER: QCoreApplication.translate("sheet", "transfer"),
        ChangeKind.OTHER: QCoreApplication.translate("sheet", "other change"),
    }


def flags() -> dict[CrossFlag, str]:
    return {
        CrossFlag.NOT_LOGGED_IN: QCoreApplication.translate("sheet", "marked present, not logged in to the ACD"),
        CrossFlag.LOGGED_IN_NOT_PRESENT: QCoreApplication.translate("sheet", "logged in to the ACD, marked absent"),
    }


def short_flags() -> dict[CrossFlag, str]:
    """The table cell's words (the long ones are its tooltip and the ACD check tab's)."""
    return {
        CrossFlag.NOT_LOGGED_IN: QCoreApplication.translate("sheet", "not logged in"),
        CrossFlag.LOGGED_IN_NOT_PRESENT: QCoreApplication.translate("sheet", "logged in"),
    }


def activities() -> dict[ActivityKind, str]:
    return {
        ActivityKind.BREAK: QCoreApplication.translate("sheet", "break"),
        ActivityKind.LUNCH: QCoreApplication.translate("sheet", "lunch"),
        ActivityKind.TRAINING: QCoreApplication.translate("sheet", "training"),
        ActivityKind.MEETING: QCoreApplication.translate("sheet", "meeting"),
        ActivityKind.OTHER: QCoreApplication.translate("sheet", "other"),
    }


def priorities() -> dict[Priority, str]:
    return {
        Priority.LOW: QCoreApplication.translate("sheet", "low"),
        Priority.NORMAL: QCoreApplication.translate("sheet", "normal"),
        Priority.HIGH: QCoreApplication.translate("sheet", "high"),
        Priority.URGENT: QCoreApplication.translate("sheet", "urgent"),
    }


def roles() -> dict[Role, str]:
    return {
        Role.SUPERVISOR: QCoreApplication.translate("sheet", "supervisor"),
        Role.TEAM_LEADER: QCoreApplication.translate("sheet", "team leader"),
        Role.VIEWER: QCoreApplication.translate("sheet", "viewer"),
    }


def problems() -> dict[str, str]:
    """Roster and agent file problems by code (reader codes and validation codes)."""
    return {
        "missing_agent": QCoreApplication.translate("sheet", "no agent id"),
        "bad_date": QCoreApplication.translate("sheet", "not a date"),
        "bad_time": QCoreApplication.translate("sheet", "not a time"),
        "no_shift": QCoreApplication.translate("sheet", "neither a shift name nor start and end"),
        "bad_activity": QCoreApplication.translate("sheet", "activity not understood"),
        "unknown_agent": QCoreApplication.translate("sheet", "unknown agent"),
        "inactive_agent": QCoreApplication.translate("sheet", "agent no longer active"),
        "unknown_shift": QCoreApplication.translate("sheet", "no such shift"),
        "no_matching_shift": QCoreApplication.translate("sheet", "no shift starts near that time"),
        "overlap": QCoreApplication.translate("sheet", "overlaps another row of the agent"),
        "activity_outside": QCoreApplication.translate("sheet", "activity outside the shift"),
        "activity_overlap": QCoreApplication.translate("sheet", "activities overlap"),
        "duplicate": QCoreApplication.translate("sheet", "same row twice"),
        "missing_employee_no": QCoreApplication.translate("sheet", "no employee number"),
        "missing_name": QCoreApplication.translate("sheet", "no name"),
        "duplicate_employee_no": QCoreApplication.translate("sheet", "employee number used twice"),
        "bad_active": QCoreApplication.translate("sheet", "active must be yes or no"),
    }


def problem_text(code: str, detail: str) -> str:
    word = problems().get(code.lower() if isinstance(code, str) else str(code), str(code))
    return QCoreApplication.translate("sheet", "{reason}: {detail}").format(reason=word, detail=detail) if detail else word


def mark_text(mark: Mark, tz) -> str:
    """The status with its detail: "late 12 min", "on leave (sick leave)", "swapped with 王芳"."""
    s = mark.status
    word = statuses()[s]
    if s is AttendanceStatus.LATE and mark.late_minutes:
        return QCoreApplication.translate("sheet", "late {minutes} min").format(minutes=mark.late_minutes)
    if s is AttendanceStatus.LEAVE and mark.leave_type:
        return QCoreApplication.translate("sheet", "on leave ({type})").format(type=leave_types()[mark.leave_type])
    if s is AttendanceStatus.SWAPPED and (mark.swap_with_name or mark.swap_with_id):
        return QCoreApplication.translate("sheet", "swapped with {name}").format(name=mark.swap_with_name or mark.swap_with_id)
    if s is AttendanceStatus.LEFT_EARLY and mark.left_at:
        return QCoreApplication.translate("sheet", "left early at {time}").format(time=mark.left_at.astimezone(tz).strftime("%H:%M"))
    return word
