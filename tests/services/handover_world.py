"""A morning shift handing over to the evening shift: attendance, a notice, work-log items, calls of three half hours.

Built on shift_world (the first site, in the machine's zone). The morning
(早班, 07:00-15:30) is the outgoing shift, the evening (15:00-23:30) the
incoming one. Calls: 09:00 all four answered within 20 s (100 %), 10:00 one
of four (25 %), 11:00 one of two (50 %); the log notes "CRM slow" at 10:10.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.domain.attendance import AttendanceStatus, LeaveType, Mark
from app.domain.calls import FeedFormat
from app.domain.notices import Priority
from app.domain.people import Role, Supervisor
from app.domain.shifts import ShiftInstance
from app.domain.worklog import Category, Draft, Entry
from app.services import notices, people, roster, sheet, shifts, worklog
from app.services.console import Console
from app.services.imports import ImportRequest, import_feed
from app.services.sources import list_sites
from tests.services.shift_world import DAY, PIN, World, at, build

OTHER_PIN = "1357"
HEADER = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent\n"


@dataclass(frozen=True)
class HandoverWorld:
    world: World
    morning: ShiftInstance
    evening: ShiftInstance
    outgoing: Supervisor  # 王丽, PIN shift_world.PIN
    incoming: Supervisor  # Li Ming, PIN OTHER_PIN
    follow_up: Entry
    crm_note: Entry
    notice_id: int
    now: datetime  # 15:10, in the overlap of the two shifts


def _calls(console: Console, folder: Path) -> Path:
    lines = []
    n = 0

    def call(hour: int, minute: int, wait: int) -> None:
        nonlocal n
        n += 1
        arrived = at(console, DAY, hour, minute).replace(tzinfo=None)
        answered = arrived + timedelta(seconds=wait)
        ended = answered + timedelta(seconds=180)
        lines.append(f"c{n},sales,{arrived.isoformat()},{answered.isoformat()},{ended.isoformat()},answered,A{n}\n")

    for minute in (1, 5, 9, 20):
        call(9, minute, 5)
    for minute, wait in ((2, 10), (6, 60), (12, 90), (25, 70)):
        call(10, minute, wait)
    for minute, wait in ((3, 5), (15, 45)):
        call(11, minute, wait)
    path = folder / "calls.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def build_handover_world(console: Console, folder: Path) -> HandoverWorld:
    w = build(console)
    a = w.agents
    for no in ("1001", "1002", "1003", "1004"):
        roster.add_entry(console, a[no].id, DAY, w.morning.id)
    roster.add_entry(console, a["1005"].id, DAY, w.evening.id)
    roster.add_entry(console, a["1001"].id, DAY, w.evening.id, at(console, DAY, 15, 30), at(console, DAY, 23, 30))
    second = people.add_supervisor(console, "Li Ming", Role.SUPERVISOR, OTHER_PIN)
    morning = shifts.ensure_instance(console, DAY, w.morning.id)
    evening = shifts.ensure_instance(console, DAY, w.evening.id)
    morning = shifts.set_supervisor(console, morning.id, w.lead.id)
    evening = shifts.set_supervisor(console, evening.id, second.id)
    t = at(console, DAY, 7, 5)
    sheet.mark(console, morning.id, a["1001"].id, Mark(AttendanceStatus.PRESENT), "王丽", t)
    sheet.mark(console, morning.id, a["1002"].id, Mark(AttendanceStatus.LATE, late_minutes=12), "王丽", t)
    sheet.mark(console, morning.id, a["1003"].id, Mark(AttendanceStatus.LEAVE, leave_type=LeaveType.SICK), "王丽", t)
    sheet.mark(console, morning.id, a["1004"].id, Mark(AttendanceStatus.PRESENT), "王丽", t)
    notice = notices.save_notice(console, "Refund rule from 12-01", "Refunds over 500 need a team leader.",
                                 Priority.HIGH, at(console, DAY, 0), None, True, "KB > Refunds > 500", "王丽", t)
    notices.acknowledge(console, notice.id, second.id, OTHER_PIN, at(console, DAY, 14, 50))
    follow_up = worklog.add_entry(console, morning.id, Draft(
        Category.FOLLOW_UP, "Call back about the double charge", customer_ref="C-778", customer_name="Mr Zhou",
        promise="call back before 18:00", owner="Anna Li", due=at(console, DAY, 18),
        event_at=at(console, DAY, 9, 40)), "王丽", at(console, DAY, 9, 41))
    crm = worklog.add_entry(console, morning.id, Draft(Category.SYSTEM_PROBLEM, "CRM slow, calls held longer",
                                                       event_at=at(console, DAY, 10, 10)), "王丽",
                            at(console, DAY, 10, 12))
    site = list_sites(console)[0]
    import_feed(console, ImportRequest(path=_calls(console, folder), format=FeedFormat.CALLS_CSV, source="acd",
                                       site=site.name, tz=site.timezone))
    return HandoverWorld(w, morning, evening, w.lead, second, follow_up, crm, notice.id, at(console, DAY, 15, 10))


__all__ = ["DAY", "PIN", "OTHER_PIN", "HandoverWorld", "build_handover_world"]
