"""Work-log entries exported to Excel: one row per entry, the caller's words, wall-clock times of the site's zone."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook

from app.domain.notices import Priority
from app.domain.worklog import Category, Entry, EntryAck, ItemStatus, Withdrawal
from app.services.exports import ExportError
from app.services.worklog_export import LOG_COLUMNS, export_log_xlsx

WORDS = {"sheet.log": "工作日志", "col.text": "内容", "col.status": "状态", "category.follow_up": "客户跟进",
         "status.open": "待处理", "status.note": "记录", "priority.high": "高", "withdrawn": "已撤回"}
UTC = timezone.utc


def entries() -> list[Entry]:
    follow = Entry(1, 1, 5, datetime(2026, 12, 1, 1, 5, tzinfo=UTC), datetime(2026, 12, 1, 1, 10, tzinfo=UTC),
                   "王丽", Category.FOLLOW_UP, Priority.HIGH, "退款未到账\n承诺回电", ("VIP", "退款"), ItemStatus.OPEN,
                   customer_ref="138", customer_name="李先生", promise="15:00前回电",
                   due=datetime(2026, 12, 1, 7, tzinfo=UTC), owner="Ann", revision=2,
                   acks=(EntryAck(1, 6, "Li", datetime(2026, 12, 1, 7, 10, tzinfo=UTC), "IT部"),))
    note = Entry(2, 1, 5, datetime(2026, 12, 1, 2, tzinfo=UTC), datetime(2026, 12, 1, 2, tzinfo=UTC), "王丽",
                 Category.OTHER, Priority.NORMAL, "typo", withdrawn=Withdrawal("写错", "王丽",
                                                                              datetime(2026, 12, 1, 2, 1, tzinfo=UTC)))
    return [follow, note]


def test_one_row_per_entry_in_the_callers_words_and_local_times(tmp_path):
    path = export_log_xlsx(entries(), tmp_path / "log.xlsx", WORDS, "Asia/Shanghai", heading="早班 · 2026-12-01")
    wb = load_workbook(path)
    assert wb.sheetnames == ["工作日志"]
    ws = wb["工作日志"]
    assert ws["A1"].value == "早班 · 2026-12-01"
    titles = [c.value for c in ws[2]]
    assert len(titles) == len(LOG_COLUMNS) and titles[3:5] == ["状态", "内容"] and titles[0] == "event_at"
    first, second = [list(r) for r in ws.iter_rows(min_row=3, values_only=True)]
    assert first[:6] == [datetime(2026, 12, 1, 9, 5), "客户跟进", "高", "待处理", "退款未到账\n承诺回电", "VIP, 退款"]
    assert first[10] == datetime(2026, 12, 1, 15) and first[11] == "Ann" and first[16] == "Li 2026-12-01 15:10 → IT部"
    assert first[-1] == 2 and first[15] is None
    assert second[1:4] == ["other", "normal", "记录"] and second[15] == "已撤回: 写错 (王丽 2026-12-01 10:01)"
    assert ws.cell(row=3, column=1).number_format == "yyyy-mm-dd hh:mm"


def test_an_unwritable_path_is_an_export_error(tmp_path):
    with pytest.raises(ExportError):
        export_log_xlsx(entries(), tmp_path / "missing" / "log.xlsx", WORDS, "UTC")
