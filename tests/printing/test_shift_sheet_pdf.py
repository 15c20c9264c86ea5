"""The shift sheet printed to PDF: header and footer on every page, Chinese text, every section, escaping."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import datetime, timezone

import pytest

from app.domain.attendance import Counts
from app.printing.shift_sheet import build_sheet_html, print_sheet_pdf, sheet_words
from tests.printing.conftest import page_texts
from tests.printing.sheet_data import SITE, make_sheet

PRINTED = datetime(2026, 11, 27, 3, 20, tzinfo=timezone.utc)  # 11:20 in Shanghai, the sheet's zone


@pytest.fixture(scope="module")
def printed(qapp, font_family, tmp_path_factory):
    sheet = make_sheet(50)
    path = tmp_path_factory.mktemp("sheet") / "sheet.pdf"
    pages = print_sheet_pdf(sheet, path, font_family, printed_at=PRINTED)
    return sheet, pages, page_texts(path)


def test_every_page_carries_site_shift_print_time_and_page_x_of_y(printed):
    _, pages, texts = printed
    assert pages > 1
    assert len(texts) == pages
    for number, text in enumerate(texts, start=1):
        assert SITE in text
        assert "早班 · 2026-11-27 · 07:00–15:30" in text
        assert "Printed 2026-11-27 11:20" in text  # the print time in the sheet's zone
        assert f"Page {number} / {pages}" in text


def test_every_agent_is_printed_once_with_a_chinese_name(printed):
    sheet, _, texts = printed
    whole = " ".join(texts)
    for row in sheet.rows:
        assert whole.count(f"{row.agent.employee_no} {row.agent.name} ") == 1, row.agent.employee_no
    assert texts[1].startswith(SITE) and "Emp. no. Name Team Seat" in texts[1]  # the roster header repeats


def test_the_sheet_shows_counts_statuses_changes_and_notices(printed):
    sheet, _, texts = printed
    whole = " ".join(texts)
    assert "Current-shift info sheet" in texts[0]
    assert "Supervisor on duty: 陈主管" in texts[0]
    total = sheet.counts
    assert f"All teams {total.scheduled} {total.present} {total.late} {total.absent}" in texts[0]
    assert f"{total.expected} {total.difference:+d}" in texts[0]
    assert "Logged in to the ACD but not rostered: acd9001, ACD9002" in whole
    for words in ("late · 12 min", "on leave · sick leave", "swapped · with 钱多多", "left early · left at 13:40",
                  "not marked", "not logged in", "break 09:30–09:45, lunch 11:30–12:15"):
        assert words in whole, words
    assert "early leave 赵丽" in whole
    assert unicodedata.normalize("NFKC", "下午提前离岗，已报备 <经理>") in whole  # escaped in HTML, printed as typed
    assert "与钱多多调班 & 下周补回" in whole
    assert "urgent 信用卡年费减免政策调整" in whole
    assert "2026-12-07 00:00 yes 知识库/信用卡/年费 陈主管" in whole  # only the ack of the current version
    assert "until withdrawn no KB/IT/maintenance" in whole


def test_user_text_is_escaped_and_missing_facts_are_worded(qapp):
    sheet = dataclasses.replace(make_sheet(3, supervisor=None), changes=(), notices=(), logins_known=False,
                                unrostered_logins=())
    html = build_sheet_html(sheet)
    assert "Supervisor on duty: <b>not set</b>" in html
    assert "No ACD agent feed: the cross-check did not run." in html
    assert html.count("<p>None.</p>") == 2
    noted = make_sheet(3)
    row = dataclasses.replace(noted.rows[0], mark=dataclasses.replace(noted.rows[0].mark, note="<i>x</i> & y"))
    html = build_sheet_html(dataclasses.replace(noted, rows=(row,) + noted.rows[1:]))
    assert "&lt;i&gt;x&lt;/i&gt; &amp; y" in html and "<i>x</i>" not in html


def test_an_empty_sheet_prints_one_page(qapp, font_family, tmp_path):
    sheet = dataclasses.replace(make_sheet(0), counts=Counts(), team_counts=(), changes=(), notices=())
    assert print_sheet_pdf(sheet, tmp_path / "empty.pdf", font_family, printed_at=PRINTED) == 1
    assert "Page 1 / 1" in page_texts(tmp_path / "empty.pdf")[0]


def test_a_large_sheet_keeps_every_row_whole(qapp, font_family, tmp_path):
    sheet = make_sheet(120)
    note = "电话未接通，已短信通知班组长，稍后再次联系。" * 3
    rows = tuple(dataclasses.replace(r, mark=dataclasses.replace(r.mark, note=f"{note}END{r.agent.employee_no}"))
                 if i % 5 == 0 else r for i, r in enumerate(sheet.rows))
    pages = print_sheet_pdf(dataclasses.replace(sheet, rows=rows), tmp_path / "big.pdf", font_family,
                            printed_at=PRINTED)
    texts = page_texts(tmp_path / "big.pdf")
    assert pages == len(texts) > 4
    for i, row in enumerate(rows):
        on = [n for n, t in enumerate(texts) if f"{row.agent.employee_no} {row.agent.name} " in t]
        assert len(on) == 1, row.agent.employee_no
        if i % 5 == 0:  # a note of several lines ends on the page its row starts on
            assert f"END{row.agent.employee_no}" in texts[on[0]], (row.agent.employee_no, on)


def test_every_word_the_excel_export_asks_for_is_in_the_sheet_words(qapp, tmp_path):
    from app.services.sheet_export import export_sheet_xlsx

    words = sheet_words()

    class Asked(dict):
        def get(self, key, default=None):
            asked.add(key)
            return super().get(key, default)

    asked: set[str] = set()
    sheet = make_sheet(16)
    export_sheet_xlsx(sheet, tmp_path / "sheet.xlsx", Asked(words))
    export_sheet_xlsx(dataclasses.replace(sheet, logins_known=False), tmp_path / "sheet2.xlsx", Asked(words))
    assert asked and asked - set(words) == set()
