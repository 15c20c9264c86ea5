"""A shift sheet built by hand from domain values (no database): Chinese names, every status, notices."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.domain.attendance import (
    Activity,
    ActivityKind,
    AttendanceStatus,
    ChangeKind,
    CrossFlag,
    LeaveType,
    Mark,
    PersonnelChange,
    RosterEntry,
    SheetRow,
    ShiftSheet,
    count_rows,
    team_counts,
)
from app.domain.notices import Notice, NoticeAck, Priority
from app.domain.people import Agent
from app.domain.shifts import ShiftDefinition, ShiftInstance, ShiftStatus

TZ = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 27)
SITE = "上海浦东呼叫中心"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超")
TEAMS = ("一组", "二组", "三组", "四组")


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


def name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)]


def make_sheet(agents: int = 50, supervisor: str | None = "陈主管") -> ShiftSheet:
    definition = ShiftDefinition(1, 1, "早班", time(7, 0), time(15, 30))
    instance = ShiftInstance(7, 1, definition, DAY, ShiftStatus.OPEN, 3 if supervisor else None, supervisor)
    start, end = definition.window(DAY, TZ)
    rows = []
    statuses = [
        Mark(),
        Mark(AttendanceStatus.PRESENT),
        Mark(AttendanceStatus.LATE, late_minutes=12, note="地铁故障"),
        Mark(AttendanceStatus.ABSENT, note="电话未接通"),
        Mark(AttendanceStatus.LEAVE, leave_type=LeaveType.SICK),
        Mark(AttendanceStatus.SWAPPED, swap_with_id=None, swap_with_name="钱多多"),
        Mark(AttendanceStatus.LEFT_EARLY, left_at=at(13, 40), note="孩子发烧"),
        Mark(AttendanceStatus.PRESENT),
    ]
    for i in range(agents):
        team = TEAMS[i * len(TEAMS) // agents]
        agent = Agent(100 + i, 1, f"E{1000 + i}", name(i), 10 + TEAMS.index(team), team, ("普通话",),
                      f"acd{1000 + i}", f"A-{i + 1:02d}")
        acts = (Activity(ActivityKind.BREAK, at(9 + i % 2, 30), at(9 + i % 2, 45)),
                Activity(ActivityKind.LUNCH, at(11 + i % 3 // 2, 30), at(12 + i % 3 // 2, 15)))
        entry = RosterEntry(500 + i, agent.id, DAY, 1, start, end, acts)
        mark = statuses[i % len(statuses)]
        flags = (CrossFlag.NOT_LOGGED_IN,) if i % 11 == 2 else ()
        marked = mark.status is not AttendanceStatus.UNMARKED
        rows.append(SheetRow(agent, entry, mark, 1 if marked else 0, supervisor if marked else None,
                             at(7, 5) if marked else None, flags))
    rows.sort(key=lambda r: (r.agent.team_name, r.agent.name))
    changes = (
        PersonnelChange(2, 7, ChangeKind.EARLY_LEAVE, 106, name(6), "下午提前离岗，已报备 <经理>", "陈主管", at(13, 41)),
        PersonnelChange(1, 7, ChangeKind.SWAP, 105, name(5), "与钱多多调班 & 下周补回", "陈主管", at(7, 10)),
    )
    notices = (
        Notice(1, 1, "信用卡年费减免政策调整", "自12月1日起，白金卡年费减免条件调整为\n年消费满6万元。", Priority.URGENT,
               at(0, 0, DAY - timedelta(days=3)), at(0, 0, DAY + timedelta(days=10)), True, "知识库/信用卡/年费", 2,
               acks=(NoticeAck(1, 3, "陈主管", 2, at(7, 1)), NoticeAck(1, 4, "刘主管", 1, at(6, 0)))),
        Notice(2, 1, "System maintenance tonight", "CRM read-only from 22:00.", Priority.NORMAL,
               at(0, 0, DAY - timedelta(days=1)), None, False, "KB/IT/maintenance", 1),
    )
    return ShiftSheet(
        site_name=SITE, timezone="Asia/Shanghai", instance=instance, start=start, end=end, rows=tuple(rows),
        counts=count_rows(rows), team_counts=team_counts(rows), changes=changes, notices=notices,
        logins_known=True, unrostered_logins=("acd9001", "ACD9002"), at=at(11, 15),
    )
