"""The handover report printed to PDF: the site, the shifts and the print time on every page, the seven parts with
their figures (an open item, the SL definition, threshold and target, the worst half hour's note), both signatures
or "not signed", a snapshot changed after signing called out, and the report in Chinese in the shipped font."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from app.printing.handover_report import build_report_html, print_report_pdf, report_words
from app.services import handover as ho
from app.services import worklog
from app.services.console import Console
from tests.printing.conftest import page_texts
from tests.services.handover_world import OTHER_PIN, PIN, build_handover_world

ZH = {
    "title": "交接班报告",
    "part.items": "2 未结事项",
    "part.service_level": "5 交班班次的服务水平",
    "sig.outgoing": "交班主管",
    "sig.incoming": "接班主管",
    "sig.line": "{name}，签字于 {time}",
    "sig.none": "未签字",
    "printed": "打印于 {time}",
    "status.outgoing_signed": "交班主管已签字",
    "col.owner": "负责人",
}


@pytest.fixture
def world(tmp_path):
    console = Console.open(f"sqlite:///{tmp_path / 'handover.sqlite3'}")
    hw = build_handover_world(console, tmp_path)
    worklog.acknowledge(console, hw.follow_up.id, hw.evening.id, "Li Ming", hw.now)
    h = ho.open_handover(console, hw.morning.id, hw.now)
    ho.save_progress(console, h.id, {n: "done" for n in range(1, 7)}, True, "IT ticket INC-4411 open", hw.now)
    yield console, hw, h
    console.close()


def test_the_signed_report_holds_the_seven_parts_and_both_signatures(world, font_family, tmp_path):
    console, hw, h = world
    ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    signed = ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, hw.now + timedelta(minutes=3))
    path = tmp_path / "handover.pdf"
    pages = print_report_pdf(signed, path, font_family, report_words(), hw.now + timedelta(minutes=5))
    texts = page_texts(path)
    assert pages == len(texts) >= 1
    hm = lambda minutes: (hw.now + timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M")  # noqa: E731
    for text in texts:  # every page: site, shifts, print time
        assert "Main site" in text and "早班 2026-12-01 → Evening" in text and f"Printed {hm(5)}" in text
    whole = " ".join(texts)
    for part in ("1 Shift sheet", "2 Open items", "3 Playbooks", "4 Seats", "5 Service level of the outgoing shift",
                 "6 Long calls at the shift change", "7 Face-to-face talk"):
        assert part in whole
    assert "Call back about the double charge" in whole and "Anna Li" in whole and "Li Ming" in whole
    assert "Refund rule from 12-01" in whole and "KB > Refunds > 500" in whole
    assert "definition 'answered within T / offered'" in whole and "threshold 20 s" in whole and "target 80 %" in whole
    assert "10:00: 25.0 % (4 offered)" in whole and "CRM slow, calls held longer" in whole
    assert "late 12 min" in whole and "leave (sick)" in whole
    assert f"王丽, signed {hm(0)}" in whole and f"Li Ming, signed {hm(3)}" in whole
    assert "signed by both" in whole and signed.outgoing_signature.checksum in whole
    assert f"Incoming seal (SHA-256): {signed.incoming_signature.checksum}" in whole
    assert "IT ticket INC-4411 open" in whole and "not signed" not in whole


def test_a_draft_prints_its_live_snapshot_unsigned(world, font_family, tmp_path):
    console, hw, h = world
    draft = ho.with_live_snapshot(console, ho.get_handover(console, h.id), hw.now)
    path = tmp_path / "draft.pdf"
    print_report_pdf(draft, path, font_family, report_words(), hw.now)
    whole = " ".join(page_texts(path))
    assert "draft, not signed" in whole and whole.count("not signed") == 3  # the status and both signatures
    assert "Call back about the double charge" in whole
    with pytest.raises(ValueError, match="no snapshot"):
        print_report_pdf(ho.get_handover(console, h.id), path, font_family)


def test_a_changed_snapshot_is_called_out_and_text_is_escaped(world):
    console, hw, h = world
    signed = ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    snapshot = dict(signed.snapshot) | {"talk": {"done": True, "note": "<b>boss</b> & co"}}
    html = build_report_html(snapshot, replace(signed, verified=False), report_words(), signed.timezone)
    assert "no longer matches its checksum" in html
    assert "&lt;b&gt;boss&lt;/b&gt; &amp; co" in html and "<b>boss</b>" not in html


def test_the_report_in_chinese(world, font_family, tmp_path):
    console, hw, h = world
    signed = ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
    path = tmp_path / "handover_zh.pdf"
    print_report_pdf(signed, path, font_family, report_words() | ZH, hw.now)
    texts = page_texts(path)
    assert all("打印于" in t for t in texts)
    whole = " ".join(texts)
    for word in ("交接班报告", "2 未结事项", "5 交班班次的服务水平", "交班主管", "接班主管", "未签字", "交班主管已签字",
                 "王丽,签字于", "负责人"):  # NFKC: the full-width comma folds
        assert word in whole, word


def test_queues_with_thresholds_of_their_own_are_named_each():
    from app.printing.handover_report import sl_facts

    w = report_words()
    src = {"source": "bank", "definition": "exclude_short_abandons", "threshold_seconds": None,
           "queue_thresholds": {"vip": 10.0, "sales": 20.0}, "target_percent": 80.0}
    assert sl_facts(src, w) == ("Source bank · service level definition 'answered within T / (offered − short "
                                "abandons)' · threshold sales 20 · vip 10 s · target 80 %")
    assert "threshold – s" in sl_facts(src | {"queue_thresholds": {}}, w)  # an older snapshot: none recorded
    assert "threshold 20 s" in sl_facts(src | {"threshold_seconds": 20.0}, w)
