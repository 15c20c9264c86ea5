"""The desk card of a playbook: one A4 page for each shipped playbook in both languages, the contact on duty named
with the phone in the steps, the contact list, site, version and print time on the page; escaping; paint on a device."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import datetime, time, timezone

import pytest
from PySide6.QtCore import QCoreApplication

from app.domain.playbooks import Contact, Playbook, Severity, Step
from app.feeds.playbook_file import read_playbooks
from app.printing.playbook_card import build_card_html, card_words, print_card_pdf
from app.services.playbooks import defaults_dir
from tests.printing.conftest import page_texts

TZ_NAME = "Asia/Shanghai"
SITE = "上海浦东呼叫中心"
PRINTED = datetime(2026, 11, 27, 3, 20, tzinfo=timezone.utc)  # 11:20 in Shanghai
NIGHT = datetime(2026, 11, 27, 14, 5, tzinfo=timezone.utc)  # 22:05 in Shanghai
CONTACTS = (
    Contact(1, 1, "it_duty", "王磊", "138 1234 5678", "ACD、CTI 或网络故障", time(8), time(20)),
    Contact(2, 1, "it_duty", "李娜", "139 8765 4321", "夜间 IT 值班", time(20), time(8)),
    Contact(3, 1, "telephony_vendor", "华信通信热线", "400 820 1234", "话务系统整体故障"),
    Contact(4, 1, "duty_manager", "周经理", "137 0000 1111", "超过 15 分钟的重大故障"),
    Contact(5, 1, "facilities", "物业中控室", "021 5888 0000", "停电、空调、门禁"),
    Contact(6, 1, "wfm", "排班 张敏", "136 2222 3333", "需要加班或调班"),
    Contact(7, 1, "qa", "Former QA lead", "135 9999 9999", active=False),
)


def shipped(language: str) -> list[Playbook]:
    out = []
    for path in sorted(defaults_dir(language).glob("*.yaml")):
        for found in read_playbooks(path, language):
            d = found.draft
            out.append(Playbook(1, 1, d.key, 3, d.title, d.situation, d.recognise, d.severity, d.roles, d.steps,
                                d.language, datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc), "system"))
    return out


def flat(text: str) -> str:
    """Spaces dropped, NFKC-folded as page_texts folds the PDF's text (ＡＣＤ／ -> ACD/)."""
    return unicodedata.normalize("NFKC", text).replace(" ", "")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_shipped_playbook_prints_on_one_page(qapp, font_family, tmp_path, language):
    playbooks = shipped(language)
    assert sorted(p.key for p in playbooks) == ["acd-login-failure", "acd-outage", "crm-down",
                                                "long-calls-at-shift-change", "network-power-failure",
                                                "traffic-peak"]
    for playbook in playbooks:
        path = tmp_path / f"{playbook.key}.pdf"
        assert print_card_pdf(playbook, CONTACTS, path, font_family, TZ_NAME, SITE, PRINTED) == 1, playbook.key
        (text,) = page_texts(path)
        page = flat(text)
        assert flat(playbook.title) in page
        assert SITE in page and "2026-11-2711:20" in page  # site and print time
        assert flat(f"Playbook {playbook.key} · version 3") in page
        # the contact list at the bottom: every active contact with the phone; the removed one left out
        for c in CONTACTS[:-1]:
            assert flat(c.phone) in page, (playbook.key, c.name)
        assert "Former QA lead" not in text
        # every step numbered, its minutes; the goto of a step that has one
        for n, step in enumerate(playbook.steps, start=1):
            if step.if_fails_goto:
                assert flat(f"→ step {step.if_fails_goto}") in page
        if any(s.role == "it_duty" for s in playbook.steps):  # at 11:20 the day IT duty is named in the step
            assert "ITduty:王磊13812345678" in page


def test_the_steps_name_the_contact_on_duty_at_print_time(qapp):
    playbook = next(p for p in shipped("en") if p.key == "acd-outage")
    words = card_words()
    day = build_card_html(playbook, CONTACTS, words, TZ_NAME, PRINTED)
    night = build_card_html(playbook, CONTACTS, words, TZ_NAME, NIGHT)
    assert "IT duty: <b>王磊</b> <b>138&nbsp;1234&nbsp;5678</b>" in day and "IT duty: <b>李娜</b>" not in day
    assert "IT duty: <b>李娜</b> <b>139&nbsp;8765&nbsp;4321</b>" in night
    assert "telephony vendor: <b>华信通信热线</b> <b>400&nbsp;820&nbsp;1234</b>" in day
    # the contact list: the playbook's roles first, the one on duty in bold
    assert day.index("王磊") < day.index("华信通信热线") < day.index("周经理") < day.index("物业中控室")
    assert "<td><b>王磊</b></td>" in day and "<td>李娜</td>" in day
    assert "on duty at 11:20" in day and "on duty at 22:05" in night


def test_without_contacts_and_with_markup(qapp, font_family, tmp_path):
    playbook = Playbook(9, 1, "x-test", 1, "Fire <drill> & evacuation", "The alarm rings.", "", Severity.INFO,
                        ("facilities",), (Step("Walk out & count <everyone>", "facilities", 0, None),
                                          Step("Call 119", "supervisor", 1, 1)),
                        "en", PRINTED, "Grace")
    html = build_card_html(playbook, (), card_words(), TZ_NAME, PRINTED)
    assert "Fire &lt;drill&gt; &amp; evacuation" in html and "count &lt;everyone&gt;" in html
    path = tmp_path / "card.pdf"
    assert print_card_pdf(playbook, (), path, font_family, TZ_NAME) == 1
    (text,) = page_texts(path)
    assert "Fire <drill> & evacuation" in text and "No contacts yet" in text and "INFO" in text


def test_a_long_playbook_shrinks_to_fit_then_spills(qapp, font_family, tmp_path):
    base = next(p for p in shipped("zh_CN") if p.key == "acd-outage")
    longer = dataclasses.replace(base, steps=base.steps + base.steps[:4])
    assert print_card_pdf(longer, CONTACTS, tmp_path / "long.pdf", font_family, TZ_NAME, SITE, PRINTED) == 1
    huge = dataclasses.replace(base, steps=base.steps * 5)
    assert print_card_pdf(huge, CONTACTS, tmp_path / "huge.pdf", font_family, TZ_NAME, SITE, PRINTED) > 1


def test_the_card_words_are_translated_through_qt(qapp):
    words = card_words()
    assert words["role.it_duty"] == QCoreApplication.translate("playbook_card", "IT duty")
    assert set(words) >= {f"severity.{s.value}" for s in Severity}
