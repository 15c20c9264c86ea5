"""The shift sheet exported to Excel: four sheets, the caller's words, wall-clock times of the sheet's zone."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook

from app.domain.attendance import AttendanceStatus, ChangeKind, PersonnelChange
from app.services.exports import ExportError
from app.services.sheet_export import COUNT_KEYS, ROSTER_COLUMNS, export_sheet_xlsx
from tests.printing.sheet_data import SITE, make_sheet

WORDS = {
    "title": "当班班次信息通知表", "sheet.roster": "排班", "sheet.counts": "人数", "sheet.changes": "人员异动",
    "sheet.notices": "业务通知", "total": "合计", "col.name": "姓名", "col.status": "出勤", "col.left_at": "离岗时间",
    "status.present": "在岗", "status.late": "迟到", "status.left_early": "早退", "leave.sick": "病假",
    "change.early_leave": "早退", "priority.urgent": "紧急", "until_withdrawn": "长期有效", "yes": "是", "no": "否",
    "flag.not_logged_in": "未登录", "unrostered": "已登录但未排班：{logins}",
}


@pytest.fixture
def book(tmp_path):
    sheet = make_sheet(50)
    path = export_sheet_xlsx(sheet, tmp_path / "sheet.xlsx", WORDS)
    assert path == str(tmp_path / "sheet.xlsx")
    return sheet, load_workbook(path)


def _rows(ws):
    return [list(r) for r in ws.iter_rows(min_row=3, values_only=True)]


def test_four_sheets_named_in_the_callers_words_with_a_title_and_column_titles(book):
    sheet, wb = book
    assert wb.sheetnames == ["排班", "人数", "人员异动", "业务通知"]
    roster = wb["排班"]
    assert roster["A1"].value.startswith(f"当班班次信息通知表 · {SITE} · 早班 · 2026-11-27 07:00–15:30 (Asia/Shanghai)")
    assert roster["A1"].value.endswith("supervisor: 陈主管")  # a missing word reads as its code
    titles = [c.value for c in roster[2]]
    assert titles[1:3] == ["姓名", "team"] and titles[7] == "出勤" and titles[11] == "离岗时间"
    assert len(titles) == len(ROSTER_COLUMNS)
    assert roster.freeze_panes == "A3"


def test_one_roster_row_per_agent_with_attendance_details_and_local_times(book):
    sheet, wb = book
    rows = _rows(wb["排班"])
    assert len(rows) == len(sheet.rows) == 50
    by_no = {r[0]: r for r in rows}
    assert [r[0] for r in rows] == [row.agent.employee_no for row in sheet.rows]
    for row in sheet.rows:
        r = by_no[row.agent.employee_no]
        assert r[1] == row.agent.name and r[2] == row.agent.team_name and r[3] == row.agent.fixed_seat
        assert r[4] == datetime(2026, 11, 27, 7, 0) and r[5] == datetime(2026, 11, 27, 15, 30)
        status = row.mark.status
        if status is AttendanceStatus.LATE:
            assert r[7:9] == ["迟到", 12]
        elif status is AttendanceStatus.LEAVE:
            assert r[9] == "病假"
        elif status is AttendanceStatus.SWAPPED:
            assert r[10] == "钱多多"
        elif status is AttendanceStatus.LEFT_EARLY:
            assert r[7] == "早退" and r[11] == datetime(2026, 11, 27, 13, 40) and r[12] == "孩子发烧"
        elif status is AttendanceStatus.UNMARKED:
            assert r[7] == "unmarked" and r[14] is None and r[15] is None
        if row.flags:
            assert r[13] == "未登录"
    late = next(r for r in rows if r[7] == "迟到")
    assert late[6] in ("break 09:30–09:45, lunch 12:30–13:15", "break 10:30–10:45, lunch 11:30–12:15",
                       "break 09:30–09:45, lunch 11:30–12:15", "break 10:30–10:45, lunch 12:30–13:15")
    assert late[14] == "陈主管" and late[15] == datetime(2026, 11, 27, 7, 5)
    cell = wb["排班"].cell(row=3, column=5)
    assert cell.is_date and cell.number_format == "yyyy-mm-dd hh:mm"


def test_counts_for_all_teams_then_each_team_and_the_acd_logins(book):
    sheet, wb = book
    rows = _rows(wb["人数"])
    expected = lambda c: [getattr(c, k) for k in COUNT_KEYS]  # noqa: E731
    assert rows[0] == ["合计"] + expected(sheet.counts)
    assert rows[0][-1] == sheet.counts.difference < 0
    teams = rows[1:1 + len(sheet.team_counts)]
    assert teams == [[name] + expected(c) for name, c in sheet.team_counts]
    assert sum(r[1] for r in teams) == 50
    assert rows[-1] == ["已登录但未排班：acd9001, ACD9002"] + [None] * len(COUNT_KEYS)


def test_changes_and_notices_with_times_in_the_sheets_zone(tmp_path):
    sheet = make_sheet(5)
    utc = PersonnelChange(9, 7, ChangeKind.EARLY_LEAVE, None, None, "<b>不是HTML</b> & 原样", None,
                          datetime(2026, 11, 27, 5, 41, tzinfo=timezone.utc))
    sheet = dataclasses.replace(sheet, changes=(utc,) + sheet.changes, logins_known=False)
    wb = load_workbook(export_sheet_xlsx(sheet, tmp_path / "s.xlsx", WORDS))
    changes = _rows(wb["人员异动"])
    assert changes[0] == [datetime(2026, 11, 27, 13, 41), "早退", None, "<b>不是HTML</b> & 原样", None]
    assert changes[2][1] == "swap" and changes[2][3] == "与钱多多调班 & 下周补回"
    notices = _rows(wb["业务通知"])
    assert notices[0][:2] == ["紧急", "信用卡年费减免政策调整"]
    assert notices[0][2] == "自12月1日起，白金卡年费减免条件调整为\n年消费满6万元。"
    assert notices[0][3:] == [datetime(2026, 11, 24, 0, 0), datetime(2026, 12, 7, 0, 0), "是", "知识库/信用卡/年费",
                              "陈主管", 2]
    assert notices[1][4:6] == ["长期有效", "否"] and notices[1][7] is None
    assert _rows(wb["人数"])[-1][0] == "no_feed"


def test_without_words_the_sheets_are_named_by_their_codes(tmp_path):
    wb = load_workbook(export_sheet_xlsx(make_sheet(3), tmp_path / "s.xlsx", {}))
    assert wb.sheetnames == ["roster", "counts", "changes", "notices"]
    assert [c.value for c in wb["roster"][2]] == list(ROSTER_COLUMNS)


def test_sheet_names_excel_refuses_are_cleaned(tmp_path):
    words = {"sheet.roster": "排班/名单[早]", "sheet.counts": "排班/名单[早]", "sheet.changes": "x" * 40}
    wb = load_workbook(export_sheet_xlsx(make_sheet(3), tmp_path / "s.xlsx", words))
    assert wb.sheetnames == ["排班 名单 早", "排班 名单 早 2", "x" * 31, "notices"]


def test_an_unwritable_path_is_an_export_error(tmp_path):
    with pytest.raises(ExportError) as caught:
        export_sheet_xlsx(make_sheet(3), tmp_path / "missing" / "s.xlsx", WORDS)
    assert caught.value.path.endswith("s.xlsx")
