"""The work log's print, preview and Excel export from the window, on SQLite and PostgreSQL.

The glue (app/ui/work_log/printing.py) takes the site's name and zone from the
services on the task runner (inline here), renders the PDF on the print-job
pool (inline too) and says in the status bar where the file went.
"""

from __future__ import annotations

from datetime import time, timedelta
from types import SimpleNamespace

import pytest

from app.domain.notices import Priority
from app.domain.worklog import Category, Draft, ItemStatus
from app.services import shifts, worklog
from app.services.sources import list_sites
from tests.ui.conftest import NOW


@pytest.fixture
def logged(desktop_any_db):
    """Yesterday's night shift wrote a follow-up still open; this morning's shift wrote two entries, withdrew one."""
    desktop = desktop_any_db
    c = desktop.context.console
    morning = shifts.save_definition(c, "Morning", time(7), time(15, 30))
    night = shifts.save_definition(c, "Night", time(23), time(7, 30))
    before = shifts.ensure_instance(c, NOW.date() - timedelta(days=1), night.id)
    today = shifts.ensure_instance(c, NOW.date(), morning.id)
    worklog.add_entry(c, before.id, Draft(Category.FOLLOW_UP, "客户要求回电说明退款进度", customer_ref="138****5521",
                                          customer_name="王先生", promise="10:00 前回电", owner="Loans",
                                          due=NOW.replace(hour=10, minute=0), priority=Priority.HIGH,
                                          event_at=NOW.replace(hour=2)), "Daniel Wong", NOW.replace(hour=2))
    incident = Draft(Category.INCIDENT, "Agents could not log in to the ACD at 08:05, fixed 08:20",
                     event_at=NOW.replace(hour=8, minute=5))
    worklog.add_entry(c, today.id, incident, "Grace Chen", NOW.replace(hour=8, minute=9))
    wrong = worklog.add_entry(c, today.id, Draft(Category.WORK_ITEM, "Sort the complaint tickets",
                                                 status=ItemStatus.OPEN, owner="Tom", event_at=NOW.replace(hour=9)),
                              "Grace Chen", NOW.replace(hour=9))
    worklog.withdraw(c, wrong.id, "written twice", "Grace Chen", NOW.replace(hour=9, minute=2))
    messages: list[str] = []
    desktop.context.status = messages.append
    view = SimpleNamespace(context=desktop.context)
    return desktop, view, worklog.shift_log(c, today.id, NOW), messages


def test_print_writes_the_log_with_the_sites_name_and_says_so(logged, tmp_path):
    from pypdf import PdfReader

    from app.ui.work_log.printing import print_log

    desktop, view, log, messages = logged
    site = list_sites(desktop.context.console)[0]
    path = print_log(view, log, str(tmp_path / "log.pdf"))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert site.name in text and "On-site work log" in text
    assert "Carried from earlier shifts (1)" in text and "Written in this shift (2)" in text
    assert "客户要求回电说明退款进度" in text and "▲ 10:00 overdue" in text  # 11:15 now: the promise has passed
    assert "withdrawn: written twice (Grace Chen, 09:02)" in text
    assert f"Printed {NOW:%Y-%m-%d %H:%M}" in text  # the window's clock, on the site's wall clock
    assert messages == [f"Work log printed to {path} (1 pages)."]


def test_export_writes_every_entry_in_the_windows_words(logged, tmp_path):
    from openpyxl import load_workbook

    from app.ui.work_log.printing import export_log, export_titles

    desktop, view, log, messages = logged
    entries = [c.entry for c in log.carried] + list(log.entries)
    path = export_log(view, entries, str(tmp_path / "log.xlsx"), "Work log Morning")
    rows = [[c.value for c in row] for row in load_workbook(path).worksheets[0].iter_rows()]
    assert rows[0][0] == "Work log Morning"
    titles = export_titles()
    assert rows[1][:4] == [titles["col.event_at"], "Category", "Priority", "Status"]
    body = {r[4]: r for r in rows[2:]}
    assert set(body) == {e.text for e in entries}
    assert body["客户要求回电说明退款进度"][1:4] == ["customer follow-up", "high", "open"]
    assert body["Sort the complaint tickets"][15].startswith("withdrawn: written twice (Grace Chen")
    assert body["Agents could not log in to the ACD at 08:05, fixed 08:20"][0] == NOW.replace(
        hour=8, minute=5, tzinfo=None)  # the site's wall clock
    assert messages == [f"Work log exported to {path} (3 entries)."]


def test_preview_opens_a_portrait_a4_preview_that_paints_the_log(logged, qtbot):
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QWidget

    from app.ui.work_log.printing import preview_log

    desktop, _view, log, _ = logged
    view = QWidget()
    qtbot.addWidget(view)
    view.context = desktop.context
    dialog = preview_log(view, log)
    qtbot.waitUntil(dialog.isVisible)
    layout = dialog.printer().pageLayout()
    assert layout.orientation() == QPageLayout.Orientation.Portrait
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 1)  # the log painted on the printer's pages
    dialog.close()
