"""The demo's shift sheet: shifts, teams, supervisors, about 60 agents, a week's roster, today's attendance, notices.

Agents and roster reach the database the way a center's do: the demo
writes an agents file and a schedule export (with Chinese or English
headers) into the demo folder and imports them through the real readers,
so a newcomer can open those files and import them again. The nineteen
agents of the real day behind the demo feed keep their ACD logins (ANAT,
YITZ, ...), so the sheet's ACD check compares with the live feed; the
other agents have no ACD login in the demo. Every supervisor's PIN is
DEMO_PIN.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from app import paths
from app.domain.attendance import AttendanceStatus, ChangeKind, LeaveType, Mark
from app.domain.notices import Priority
from app.domain.people import Role
from app.domain.shifts import ShiftStatus
from app.services import notices, people, roster, sheet, shifts
from app.services.console import Console

DEMO_PIN = "1234"
ROSTER_DAYS_BEFORE, ROSTER_DAYS_AFTER = 3, 6

SHIFTS = {  # name per language, start, end
    "morning": ({"zh_CN": "早班", "en": "Morning"}, time(7, 0), time(15, 30)),
    "afternoon": ({"zh_CN": "中班", "en": "Afternoon"}, time(15, 0), time(23, 30)),
    "night": ({"zh_CN": "夜班", "en": "Night"}, time(23, 0), time(7, 30)),
}
TEAMS = (  # key, names, colour, leader index in SUPERVISORS
    ("cards1", {"zh_CN": "信用卡一组", "en": "Cards 1"}, "#4c78a8", 2),
    ("cards2", {"zh_CN": "信用卡二组", "en": "Cards 2"}, "#f58518", 3),
    ("loans", {"zh_CN": "贷款业务组", "en": "Loans"}, "#54a24b", 2),
    ("trainees", {"zh_CN": "新员工培训组", "en": "Trainees"}, "#b279a2", 3),
)
SUPERVISORS = (
    ({"zh_CN": "张伟", "en": "Grace Chen"}, Role.SUPERVISOR),
    ({"zh_CN": "刘洋", "en": "Daniel Wong"}, Role.SUPERVISOR),
    ({"zh_CN": "赵敏", "en": "Priya Nair"}, Role.TEAM_LEADER),
    ({"zh_CN": "孙磊", "en": "Tom Baker"}, Role.TEAM_LEADER),
    ({"zh_CN": "周婷", "en": "Mia Lopez"}, Role.VIEWER),
)
# The real day's agents (their ACD logins in the feed) by the shift they work.
FEED_AGENTS = {
    "morning": ("GILI", "DORIT", "TOVA", "MICHAL", "IDIT", "AVNI", "MIKI", "LORI", "VICKY", "KAZAV", "ZOHARI", "SHARON"),
    "afternoon": ("YIFAT", "MORIAH", "YITZ", "GELBER", "BENSION", "SHLOMO", "ANAT"),
    "night": (),
}
HEADCOUNT = {"morning": 26, "afternoon": 22, "night": 12}
SURNAMES_ZH = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN_ZH = ("芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "艳", "勇", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
            "平", "刚", "桂英", "晓东", "佳怡", "思远", "雨萱", "浩然", "梓涵", "子轩", "欣怡", "一诺")
FIRST_EN = ("Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Lucas", "Isabella", "Mason", "Mia", "Logan",
            "Amelia", "Aiden", "Harper", "Elijah", "Ella", "James", "Chloe", "Benjamin", "Grace", "Leo", "Zoe", "Ryan",
            "Nora", "Owen", "Lily", "Sam", "Aria", "Jack")
LAST_EN = ("Smith", "Patel", "Nguyen", "Garcia", "Kim", "Brown", "Singh", "Lee", "Martin", "Walker", "Young", "Hall",
           "Allen", "King", "Wright", "Scott", "Green", "Adams", "Baker", "Nelson")


@dataclass(frozen=True)
class DemoSheet:
    agents_file: str
    roster_file: str
    agents: int
    roster_entries: int
    notices: int


def _name(i: int, lang: str) -> str:
    if lang == "zh_CN":
        return SURNAMES_ZH[(i * 7) % len(SURNAMES_ZH)] + GIVEN_ZH[(i * 11) % len(GIVEN_ZH)]
    return f"{FIRST_EN[(i * 7) % len(FIRST_EN)]} {LAST_EN[(i * 3) % len(LAST_EN)]}"


def _agents(lang: str) -> list[dict]:
    """60 agents: shift key, employee number, name, team, skills, ACD login, fixed seat."""
    out, i = [], 0
    for shift_key, count in HEADCOUNT.items():
        logins = FEED_AGENTS[shift_key]
        for k in range(count):
            team = TEAMS[3][0] if k >= count - 3 else TEAMS[(k // 2) % 3][0]
            skills = {"cards1": "cards;retail", "cards2": "cards;fraud", "loans": "loans;retail", "trainees": "retail;trainee"}[team]
            out.append(dict(shift=shift_key, employee_no=f"E{1001 + i}", name=_name(i, lang), team=team, skills=skills,
                            acd_login=logins[k] if k < len(logins) else "",
                            fixed_seat=f"A-{k + 1:02d}" if shift_key == "morning" and k < 8 else ""))
            i += 1
    return out


def _write_agents(folder: Path, lang: str, agents: list[dict]) -> Path:
    path = folder / ("demo-agents.csv")
    team_names = {key: names[lang if lang in names else "en"] for key, names, _, _ in TEAMS}
    zh = lang == "zh_CN"
    header = ("工号", "姓名", "班组", "技能", "ACD工号", "固定座位", "在职") if zh else (
        "employee_no", "name", "team", "skills", "acd_login", "fixed_seat", "active")
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for a in agents:
            w.writerow((a["employee_no"], a["name"], team_names[a["team"]], a["skills"], a["acd_login"], a["fixed_seat"],
                        "是" if zh else "yes"))
    return path


def _write_roster(folder: Path, lang: str, agents: list[dict], today: date) -> Path:
    """One row per agent per working day (two days off a week each), breaks, lunch, training for trainees."""
    path = folder / "demo-roster.csv"
    zh = lang == "zh_CN"
    names = {key: SHIFTS[key][0]["zh_CN" if zh else "en"] for key in SHIFTS}
    header = ("工号", "日期", "班次", "活动") if zh else ("agent_id", "date", "shift", "activities")
    words = {"break": "休息", "lunch": "午餐", "training": "培训", "meeting": "会议"} if zh else {
        "break": "break", "lunch": "lunch", "training": "training", "meeting": "meeting"}
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for offset in range(-ROSTER_DAYS_BEFORE, ROSTER_DAYS_AFTER + 1):
            day = today + timedelta(days=offset)
            for n, a in enumerate(agents):
                if offset != 0 and (day.toordinal() + n) % 7 in (0, 1) and a["acd_login"] == "":
                    continue  # days off (the agents of the real feed work today and every day here)
                start = datetime.combine(day, SHIFTS[a["shift"]][1])
                at = lambda minutes: (start + timedelta(minutes=minutes)).strftime("%H:%M")  # noqa: E731
                stagger = (n % 4) * 15
                acts = [f"{words['meeting']} {at(0)}-{at(10)}",
                        f"{words['break']} {at(120 + stagger)}-{at(135 + stagger)}",
                        f"{words['lunch']} {at(240 + stagger)}-{at(285 + stagger)}"]
                if a["team"] == "trainees":
                    acts.insert(2, f"{words['training']} {at(150 + stagger)}-{at(225 + stagger)}")
                sep = "；" if zh else "; "
                w.writerow((a["employee_no"], day.isoformat(), names[a["shift"]], sep.join(acts)))
        # A leaver still in the schedule export: the import rejects the row and says why.
        w.writerow(("E0999", today.isoformat(), names["morning"], ""))
    return path


def demo_roster_file() -> str | None:
    """The schedule export the last demo imported, if it is still there (to try the import dialog on)."""
    path = paths.demo_db_path().parent / "demo-sheet" / "demo-roster.csv"
    return str(path) if path.exists() else None


def build_demo_sheet(console: Console, folder: Path, lang: str, now: datetime) -> DemoSheet:
    """Fill the demo database's shift sheet for the day of `now` (aware, in the site's zone)."""
    key = "zh_CN" if lang == "zh_CN" else "en"
    folder.mkdir(parents=True, exist_ok=True)
    today = now.date()
    definitions = {k: shifts.save_definition(console, names[key], start, end) for k, (names, start, end) in SHIFTS.items()}
    shifts.set_special_day(console, date(today.year + 1, 1, 1), "元旦" if key == "zh_CN" else "New Year's Day",
                           time(9, 0), time(18, 0))
    sups = [people.add_supervisor(console, names[key], role, DEMO_PIN) for names, role in SUPERVISORS]
    for team_key, names, colour, leader in TEAMS:
        people.save_team(console, names[key], sups[leader].id, colour)
    agents = _agents(key)
    agents_file = _write_agents(folder, key, agents)
    people.import_agents(console, agents_file)
    roster_file = _write_roster(folder, key, agents, today)
    applied = roster.apply_roster(console, roster.preview_roster(console, roster_file))
    _attendance(console, definitions, sups, now, key)
    count = _notices(console, sups, now, key)
    return DemoSheet(str(agents_file), str(roster_file), len(agents), applied.written, count)


def _attendance(console: Console, definitions, sups, now: datetime, key: str) -> None:
    """Mark the shifts of today that have started; leave the last few of the current shift for the newcomer. The
    next shift has its supervisor on duty named (the one the handover goes to)."""
    current = shifts.current_shift(console, now)
    running = current.slot
    if current.next is not None:
        shifts.set_supervisor(console, shifts.ensure_instance(console, current.next.day,
                                                              current.next.definition.id).id, sups[1].id)
    for slot in shifts.slots_for(console, now.date() - timedelta(days=1)) + shifts.slots_for(console, now.date()):
        if slot.start > now or slot.end <= now - timedelta(hours=20):
            continue
        is_current = running is not None and slot.definition.id == running.definition.id and slot.day == running.day
        duty = sups[0] if is_current or slot.definition.id == definitions["morning"].id else sups[1]
        instance = shifts.set_supervisor(console, shifts.ensure_instance(console, slot.day, slot.definition.id).id, duty.id)
        shifts.set_status(console, instance.id, ShiftStatus.OPEN if is_current or slot.end > now else ShiftStatus.HANDED_OVER)
        loaded = sheet.load_sheet(console, slot.day, slot.definition.id, now)
        rows = loaded.rows[:-5] if is_current else loaded.rows
        started = min(now, slot.start + timedelta(minutes=20))
        others = [a for a in loaded.agents_on_file if a.id not in {r.agent.id for r in loaded.rows}]
        for n, row in enumerate(rows):
            mark = _mark_for(n, row, others, slot, now)
            sheet.mark(console, instance.id, row.agent.id, mark, duty.name, min(now, started + timedelta(seconds=20 * n)))
        _changes(console, instance.id, loaded, others, duty.name, started, key)


def _mark_for(n: int, row, others, slot, now: datetime) -> Mark:
    if row.agent.acd_login:  # the real feed's agents are there
        return Mark(AttendanceStatus.PRESENT)
    pattern = n % 13
    if pattern == 3:
        return Mark(AttendanceStatus.LATE, late_minutes=12)
    if pattern == 6:
        return Mark(AttendanceStatus.LEAVE, leave_type=LeaveType.SICK)
    if pattern == 9:
        return Mark(AttendanceStatus.ABSENT, note="电话未接通" if _zh(row) else "no answer on the phone")
    if pattern == 11 and others:
        mate = others[n % len(others)]
        return Mark(AttendanceStatus.SWAPPED, swap_with_id=mate.id, swap_with_name=mate.name)
    if pattern == 12 and now - slot.start > timedelta(hours=3):
        return Mark(AttendanceStatus.LEFT_EARLY, left_at=min(now, slot.end) - timedelta(minutes=50),
                    note="家中有事" if _zh(row) else "family matter")
    return Mark(AttendanceStatus.PRESENT)


def _zh(row) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in row.agent.name)


def _changes(console: Console, instance_id: int, loaded, others, by: str, at: datetime, key: str) -> None:
    rows = loaded.rows
    if len(rows) < 10:
        return
    zh = key == "zh_CN"
    texts = [
        (ChangeKind.SICKNESS, rows[6].agent.id,
         "早上 6:40 来电请病假，已在系统登记，明天是否到岗待确认" if zh else
         "Called in sick at 06:40; leave booked in the system; tomorrow to be confirmed"),
        (ChangeKind.SWAP, rows[11].agent.id if len(rows) > 11 else None,
         f"与{others[0].name}换班，已获组长同意" if zh and others else
         (f"Swapped with {others[0].name}, approved by the team leader" if others else "Swap approved by the team leader")),
        (ChangeKind.NEW_HIRE, rows[-1].agent.id,
         "新员工第一天上岗，安排在培训区，由带教老师陪同接听" if zh else
         "New hire's first day: seated in the training zone, takes calls with a buddy"),
    ]
    for n, (kind, agent_id, text) in enumerate(texts):
        sheet.add_change(console, instance_id, kind, text, agent_id, by, at + timedelta(minutes=5 * n))


def _notices(console: Console, sups, now: datetime, key: str) -> int:
    zh = key == "zh_CN"
    day = datetime.combine(now.date(), time(0), tzinfo=now.tzinfo)
    items = [
        (("信用卡年费减免政策调整", "自本月起，金卡年费减免条件由刷卡 6 次调整为 10 次；客户询问时先确认卡种，再说明新条件和生效日期。")
         if zh else ("Credit card annual fee waiver changed",
                     "From this month the gold card fee is waived after 10 purchases (was 6). Confirm the card type "
                     "first, then explain the new condition and the date it applies from."),
         Priority.HIGH, day - timedelta(days=1), day + timedelta(days=14), True,
         "知识库 › 信用卡 › 年费政策 2026" if zh else "Knowledge base › Cards › Fees 2026"),
        (("CRM 今晚 23:00–01:00 只读维护", "维护期间无法修改客户资料，只能查询；需要修改的请记录工单号，维护结束后由夜班统一处理。")
         if zh else ("CRM read-only tonight 23:00–01:00",
                     "During maintenance customer records can be viewed, not changed. Note the ticket number of any "
                     "change; the night shift applies them once it is over."),
         Priority.URGENT, day + timedelta(hours=8), day + timedelta(days=1, hours=2), True,
         "IT 公告 › 2026 维护窗口" if zh else "IT notices › Maintenance windows"),
        (("防诈骗提醒话术更新", "遇到客户提到“安全账户”“验证码转账”等，务必使用新版提醒话术，并在工单中勾选“疑似诈骗”。")
         if zh else ("New anti-fraud warning script",
                     "When a caller mentions a 'safe account' or moving money with a code, use the new warning script "
                     "and tick 'suspected fraud' on the ticket."),
         Priority.HIGH, day - timedelta(days=3), None, False,
         "知识库 › 风险 › 防诈骗话术 v3" if zh else "Knowledge base › Risk › Fraud script v3"),
        (("春节值班意向登记", "请各组在下周五前汇总春节期间值班意向，交给当班主管。") if zh else
         ("Holiday rota wishes", "Teams collect their holiday rota wishes by next Friday and hand them to the supervisor on duty."),
         Priority.NORMAL, day - timedelta(days=2), day + timedelta(days=30), False, ""),
        (("双十一活动咨询口径", "活动已结束，相关咨询按常规流程处理。") if zh else
         ("Singles' Day campaign answers", "The campaign is over; answer questions the usual way."),
         Priority.NORMAL, day - timedelta(days=20), day - timedelta(days=3), False,
         "知识库 › 活动 › 双十一" if zh else "Knowledge base › Campaigns › 11.11"),
    ]
    written = []
    for (title, text), prio, start, end, explain, kb in items:
        written.append(notices.save_notice(console, title, text, prio, start, end, explain, kb, sups[0].name,
                                           min(now, start + timedelta(hours=1))))
    # The fee notice was acknowledged, then corrected: the acknowledgement of version 1 no longer counts.
    fee = written[0]
    notices.acknowledge(console, fee.id, sups[1].id, DEMO_PIN, now - timedelta(hours=20))
    corrected = fee.text + ("（补充：附属卡同样适用。）" if zh else " (Also for supplementary cards.)")
    notices.save_notice(console, fee.title, corrected, fee.priority, fee.effective_from, fee.effective_to, True, fee.kb_path,
                        sups[0].name, now - timedelta(hours=3), notice_id=fee.id)
    notices.acknowledge(console, fee.id, sups[0].id, DEMO_PIN, now - timedelta(hours=2))
    notices.acknowledge(console, written[2].id, sups[0].id, DEMO_PIN, now - timedelta(days=2))
    notices.acknowledge(console, written[2].id, sups[1].id, DEMO_PIN, now - timedelta(days=2))
    return len(written)
