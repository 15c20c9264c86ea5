"""The pre-shift agenda printed to PDF from the demo: one A4 page for a 60-agent shift, a box per agent,
every part with its time box, in English and in Chinese (the shipped font)."""

import unicodedata
from dataclasses import replace
from datetime import datetime, time

import pytest

from app.domain.intervals import zone
from app.domain.meetings import AgendaPart, AttendanceLine, PartKind
from app.printing.agenda import CHECKBOX, agenda_words, build_agenda_html, print_agenda_pdf
from app.services import meetings, people, shifts
from app.services.console import Console
from app.services.demo import build_demo
from app.services.zones import machine_zone
from tests.printing.conftest import page_texts

ZH = {
    "title": "班前会议程",
    "part.heading": "{start}–{end}  {number}. {title}（{minutes} 分钟）",
    "part.attendance": "点名",
    "part.notices": "业务通知讲解",
    "part.warmup": "热身活动",
    "attendance.count": "排班 {count} 人，到岗打勾 {box}",
    "notice.where": "系统位置：{where}",
    "printed": "打印时间 {time}",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo (Chinese) at 14:00 today: the agenda of the shift after the morning, with all 60 agents on it."""
    tz = zone(machine_zone())
    now = datetime.combine(datetime.now(tz).date(), time(14, 0), tzinfo=tz)
    built = build_demo("zh_CN", now=now, db_path=tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    with Console.open(built.db_url) as console:
        slot = shifts.slots_for(console, now.date())[1]
        instance = shifts.ensure_instance(console, now.date(), slot.definition.id)
        zh = meetings.build_agenda(console, instance.id, now, "zh_CN")
        en = meetings.build_agenda(console, instance.id, now, "en")
        everyone = tuple(AttendanceLine(a.id, a.name, a.employee_no, a.team_name or "")
                         for a in people.list_agents(console, active_only=True))
    return now, slot, zh, en, everyone


def nfkc(text: str) -> str:
    """As page_texts folds: full-width punctuation becomes ASCII."""
    return unicodedata.normalize("NFKC", text)


def with_everyone(agenda, everyone):
    return replace(agenda, parts=tuple(replace(p, attendance=everyone) if p.kind is PartKind.ATTENDANCE else p
                                       for p in agenda.parts))


def test_a_60_agent_shift_prints_on_one_page_with_a_box_per_agent(qapp, font_family, demo, tmp_path):
    now, slot, _, en, everyone = demo
    assert len(everyone) == 60
    agenda = with_everyone(en, everyone)
    path = tmp_path / "agenda.pdf"
    assert print_agenda_pdf(agenda, path, font_family, agenda_words(), agenda.site_name, now) == 1
    (text,) = page_texts(path)
    assert nfkc(agenda.site_name) in text and slot.definition.name in text and "Printed" in text
    assert text.count(CHECKBOX) == 60 + 1  # one per agent, and the one in "tick □"
    assert "60 rostered" in text and all(nfkc(a.name) in text for a in everyone)
    for scheduled in agenda.schedule():
        span = f"{scheduled.start.strftime('%H:%M')}–{scheduled.end.strftime('%H:%M')}"
        assert span in text, span
    assert "1. Attendance (2 min)" in text and "6. Closing (1 min)" in text
    notice = agenda.part(PartKind.NOTICES).notices[0]
    assert nfkc(notice.title) in text and nfkc(notice.where) in text
    lessons = agenda.part(PartKind.LESSONS).lessons
    assert lessons and f"{lessons[0].service_level:.1f}%" in text and lessons[0].label in text
    assert nfkc(agenda.warmup.name) in text
    assert agenda.part(PartKind.FOLLOW_UPS).follow_ups


def test_the_chinese_agenda_prints_in_the_shipped_font(qapp, font_family, demo, tmp_path):
    now, _, zh, _, everyone = demo
    words = {**agenda_words(), **ZH}
    agenda = with_everyone(zh, everyone)
    path = tmp_path / "agenda-zh.pdf"
    assert print_agenda_pdf(agenda, path, font_family, words, agenda.site_name, now) == 1
    (text,) = page_texts(path)
    assert "班前会议程" in text and nfkc("点名（2 分钟）") in text and "排班 60 人" in text
    assert nfkc(zh.warmup.name) in text and nfkc(zh.part(PartKind.NOTICES).notices[0].title) in text
    assert "系统位置" in text and "打印时间" in text


def test_edited_parts_their_own_text_and_escaping(qapp, demo):
    _, _, _, en, _ = demo
    own = AgendaPart(PartKind.OTHER, 2, title="Fire <drill>", text="Exits & stairs\nMeet at gate 2")
    closing = replace(en.part(PartKind.CLOSING), text="Go!")
    parts = (own,) + tuple(closing if p.kind is PartKind.CLOSING else p for p in en.parts)
    agenda = replace(en, parts=parts, meeting_start=en.meeting_start.replace(minute=en.meeting_start.minute - 2),
                     revision=3, saved_by="王丽", saved_at=en.meeting_start)
    html = build_agenda_html(agenda, agenda_words())
    assert "1. Fire &lt;drill&gt; (2 min)" in html and "Exits &amp; stairs<br/>Meet at gate 2" in html
    assert "Prepared by 王丽" in html and "(revision 3)" in html
    assert "Go!" in html and "then to the seats" not in html
