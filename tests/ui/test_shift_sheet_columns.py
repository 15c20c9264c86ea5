"""The sheet's columns: sized from each column's widest text, as QTableView.resizeColumnsToContents sizes them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.domain.attendance import AttendanceStatus, LeaveType, Mark
from app.services import people, roster, sheet
from app.ui.shift_sheet.models import COLUMNS
from tests.ui import test_shift_sheet
from tests.ui.conftest import NOW

floor = test_shift_sheet.floor  # the fixture: 40 agents on today's morning shift


@pytest.fixture
def varied(floor, tmp_path):
    """The floor's sheet with texts of different widths, the widest far down the table (a team sorted last)."""
    desktop, view, morning, boss = floor
    c = desktop.context.console
    zeta = people.save_team(c, "Zeta night and weekend escalations")
    people.save_agent(c, "E999-LONG", "Maximilian Alexander Featherstonehaugh-Wolfeschlegel", team_id=zeta.id,
                      acd_login="A999")
    day = NOW.date()
    path = tmp_path / "roster.csv"
    lines = ["agent_id,date,shift,activities"]
    lines += [f"E{100 + i},{day},Morning,break 09:{i % 4 * 10:02d}-09:{i % 4 * 10 + 15:02d}"
              + ("; lunch 12:00-12:45" if i % 3 else "") for i in range(40)]
    lines.append(f"E999-LONG,{day},Morning,"
                 "break 08:00-08:15; lunch 11:30-12:15; training 13:00-14:00; meeting 14:30-15:00")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    preview = roster.preview_roster(c, path)
    assert not preview.problems
    roster.apply_roster(c, preview)
    instance = view.sheet.instance
    agents = {a.employee_no: a for a in people.list_agents(c)}
    for no, mark in (("E101", Mark(AttendanceStatus.LATE, late_minutes=125)),
                     ("E102", Mark(AttendanceStatus.LEAVE, leave_type=LeaveType.COMPENSATORY, note="back on Monday")),
                     ("E103", Mark(AttendanceStatus.SWAPPED, swap_with_id=agents["E999-LONG"].id)),
                     ("E104", Mark(AttendanceStatus.LEFT_EARLY, left_at=NOW - timedelta(minutes=20))),
                     ("E105", Mark(AttendanceStatus.PRESENT))):
        sheet.mark(c, instance.id, agents[no].id, mark, "Grace Chen", NOW)
    view.refresh()
    assert view.model.rowCount() == 41
    return desktop, view


def _sizes(view) -> list[int]:
    header = view.table.horizontalHeader()
    return [header.sectionSize(i) for i in range(header.count())]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_columns_are_as_wide_as_resize_columns_to_contents_makes_them(varied, language):
    desktop, view = varied
    desktop.translators.switch(language)
    view.refresh()
    ours = _sizes(view)
    header = view.table.horizontalHeader()
    for i in range(header.count()):
        header.resizeSection(i, 20)
    view.table.resizeColumnsToContents()
    assert _sizes(view) == ours
    # The long name sits in the last lines, yet its column fits it.
    last = view.model.rowCount() - 1
    assert view.model.data(view.model.index(last, COLUMNS.index("name"))).startswith("Maximilian")
    assert ours[COLUMNS.index("name")] >= view.table.fontMetrics().horizontalAdvance(
        "Maximilian Alexander Featherstonehaugh-Wolfeschlegel")


def test_an_empty_sheet_keeps_header_wide_columns(floor):
    desktop, view, morning, _ = floor
    view.load(NOW.date() + timedelta(days=1), morning.id)
    assert view.sheet is not None and view.model.rowCount() == 0
    header = view.table.horizontalHeader()
    assert all(header.sectionSize(i) >= header.sectionSizeHint(i) for i in range(header.count() - 1))


def test_the_model_answers_only_the_roles_it_has(varied):
    desktop, view = varied
    model = view.model
    index = model.index(0, COLUMNS.index("scheduled"))
    row = view.sheet.rows[0]
    tz = view.tz
    assert model.data(index) == f"{row.entry.start.astimezone(tz):%H:%M}–{row.entry.end.astimezone(tz):%H:%M}"
    for role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                 Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.SizeHintRole):
        assert model.data(index, role) is None
    texts = {model.data(model.index(r, COLUMNS.index("attendance"))) for r in range(model.rowCount())}
    assert {"late 125 min", "on leave (time off in lieu)", "present", "not marked"} <= texts
