"""Roster import (preview, apply, re-import of a range keeping attendance) and entries by hand, both databases."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.domain.attendance import Activity, ActivityKind, AttendanceStatus, Mark
from app.domain.errors import InputFileError, InvalidSettingError
from app.services import roster, sheet
from app.storage.models import RosterActivityRow, RosterEntryRow, RosterImportRow
from tests.services.shift_world import DAY, at, build

NEXT = DAY + timedelta(days=1)

FIRST_FILE = """工号,日期,班次,开始,结束,活动
1001,2026-12-01,早班,,,break 10:00-10:15; lunch 12:00-12:45
1002,2026-12-01,早班,,,
sip/1003,2026-12-01,,15:00,23:30,
1004,2026-12-01,night,,,
1005,2026-12-02,早班,,,
9999,2026-12-01,早班,,,
1009,2026-12-01,早班,,,
1001,2026-12-01,Evening,,,
1002,2026-12-01,Lunchtime,,,
1003,2026-13-01,早班,,,
1001,2026-12-02,早班,,,break 16:00-16:15
"""

SECOND_FILE = """工号,日期,班次
1002,2026-12-01,早班
1003,2026-12-01,早班
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def sheet_of(console, w, day=DAY, definition=None):
    return sheet.load_sheet(console, day, (definition or w.morning).id, at(console, day, 9))


def test_preview_reports_every_unusable_line_and_stores_nothing(console, tmp_path):
    w = build(console)
    preview = roster.preview_roster(console, write(tmp_path, "roster.csv", FIRST_FILE))
    assert [(d.line, d.agent.employee_no, d.definition.name) for d in preview.plan.drafts] == [
        (2, "1001", "早班"), (3, "1002", "早班"), (4, "1003", "Evening"), (5, "1004", "Night"), (6, "1005", "早班"),
    ]
    assert [(p.line, p.code) for p in preview.problems] == [
        (7, "unknown_agent"), (8, "inactive_agent"), (9, "overlap"), (10, "unknown_shift"), (11, "bad_date"),
        (12, "activity_outside"),
    ]
    assert preview.problems[4].text.startswith("1003, 2026-13-01")
    assert (preview.first_day, preview.last_day, preview.existing_entries, preview.attendance_kept) == (DAY, NEXT, 0, 0)
    assert sheet_of(console, w).rows == ()


def test_apply_writes_the_accepted_lines_with_their_activities(console, tmp_path):
    w = build(console)
    path = write(tmp_path, "roster.csv", FIRST_FILE)
    applied = roster.apply_roster(console, roster.preview_roster(console, path))
    assert (applied.path, applied.first_day, applied.last_day) == (str(path), DAY, NEXT)
    assert (applied.replaced, applied.written, applied.rejected) == (0, 5, 6)
    morning = sheet_of(console, w)
    assert [r.agent.employee_no for r in morning.rows] == ["1002", "1001"]  # team Blue: Anna Li, Zhang Wei
    zhang = morning.rows[1].entry
    assert (zhang.start, zhang.end) == (at(console, DAY, 7), at(console, DAY, 15, 30))
    assert zhang.activities == (
        Activity(ActivityKind.BREAK, at(console, DAY, 10), at(console, DAY, 10, 15)),
        Activity(ActivityKind.LUNCH, at(console, DAY, 12), at(console, DAY, 12, 45)),
    )
    night = sheet_of(console, w, definition=w.night).rows
    assert [(r.agent.employee_no, r.entry.end) for r in night] == [("1004", at(console, NEXT, 7, 30))]
    with console.db.transaction() as tx:
        row = tx.scalar(select(RosterImportRow))
    assert (row.path, row.first_day, row.last_day, row.entries, row.rejected) == (str(path), DAY, NEXT, 5, 6)


ACTIVITIES_FILE = """工号,日期,班次,活动
1004,2026-12-01,night,lunch 03:00-03:30; break 23:30-23:40; break 06:00-06:10
1002,2026-12-01,早班,
1001,2026-12-01,早班,break 10:00-10:15; lunch 12:00-12:45
1005,2026-12-02,早班,lunch 11:00-11:30
1001,2026-12-02,早班,break 09:00-09:10; training 13:00-14:00
"""


def test_apply_stores_each_entry_with_its_own_activities(console, tmp_path):
    build(console)
    path = write(tmp_path, "roster.csv", ACTIVITIES_FILE)
    preview = roster.preview_roster(console, path)
    drafts = preview.plan.drafts
    assert len(drafts) == 5 and preview.problems == ()
    roster.apply_roster(console, preview)
    with console.db.transaction() as tx:
        import_id = tx.scalar(select(RosterImportRow.id))
        entries = tx.execute(select(RosterEntryRow.id, RosterEntryRow.agent_id, RosterEntryRow.day,
                                    RosterEntryRow.definition_id, RosterEntryRow.start_at, RosterEntryRow.end_at,
                                    RosterEntryRow.import_id).order_by(RosterEntryRow.id)).all()
        activities = tx.execute(select(RosterActivityRow.entry_id, RosterActivityRow.kind, RosterActivityRow.start_at,
                                       RosterActivityRow.end_at).order_by(RosterActivityRow.id)).all()
    # the entries in line order, then each entry's activities in start order
    assert [tuple(row[1:]) for row in entries] == [
        (d.agent.id, d.day, d.definition.id, d.start, d.end, import_id) for d in drafts
    ]
    ids = [row[0] for row in entries]
    assert [tuple(row) for row in activities] == [
        (entry_id, a.kind.value, a.start, a.end) for entry_id, d in zip(ids, drafts) for a in d.activities
    ]
    assert len(activities) == 8
    # a file with no usable line writes nothing but its import
    applied = roster.apply_roster(console, roster.preview_roster(
        console, write(tmp_path, "none.csv", "工号,日期,班次\n9999,2026-12-05,早班\n")))
    assert (applied.replaced, applied.written, applied.rejected) == (0, 0, 1)
    with console.db.transaction() as tx:
        assert len(tx.execute(select(RosterEntryRow.id)).all()) == 5
        assert len(tx.execute(select(RosterImportRow.id)).all()) == 2


def test_reimport_replaces_its_range_and_keeps_attendance(console, tmp_path):
    w = build(console)
    a = w.agents
    roster.apply_roster(console, roster.preview_roster(console, write(tmp_path, "first.csv", FIRST_FILE)))
    later = roster.add_entry(console, a["1001"].id, DAY + timedelta(days=5), w.morning.id)
    instance = sheet_of(console, w).instance
    now = at(console, DAY, 7, 5)
    sheet.mark(console, instance.id, a["1002"].id, Mark(AttendanceStatus.PRESENT), "王丽", now)
    sheet.mark(console, instance.id, a["1001"].id, Mark(AttendanceStatus.LATE, late_minutes=12), "王丽", now)

    preview = roster.preview_roster(console, write(tmp_path, "second.csv", SECOND_FILE))
    assert (preview.first_day, preview.last_day) == (DAY, DAY)
    assert (preview.existing_entries, preview.attendance_kept, preview.problems) == (4, 2, ())
    applied = roster.apply_roster(console, preview)
    assert (applied.replaced, applied.written, applied.rejected) == (4, 2, 0)

    rows = {r.agent.employee_no: r for r in sheet_of(console, w).rows}
    assert {no for no, r in rows.items() if r.rostered} == {"1002", "1003"}
    # Zhang, marked late and off this roster now, stays in sight with his mark, not counted.
    assert not rows["1001"].rostered and rows["1001"].mark.status is AttendanceStatus.LATE
    assert sheet_of(console, w).counts.scheduled == 2
    assert (rows["1002"].mark.status, rows["1002"].revision, rows["1002"].marked_by) == (AttendanceStatus.PRESENT, 1, "王丽")
    assert rows["1003"].revision == 0
    assert sheet_of(console, w, definition=w.evening).rows == ()
    # Outside the file's range nothing moved.
    assert [r.agent.employee_no for r in sheet_of(console, w, day=NEXT).rows] == ["1005"]
    assert [r.entry for r in sheet_of(console, w, day=later.day).rows] == [later]
    # Zhang's mark is kept though he is off this roster, and shows again once he is rostered again.
    roster.add_entry(console, a["1001"].id, DAY, w.morning.id)
    back = {r.agent.employee_no: r for r in sheet_of(console, w).rows}["1001"]
    assert (back.mark, back.revision, back.rostered) == (Mark(AttendanceStatus.LATE, late_minutes=12), 1, True)


def test_an_unusable_roster_file_is_an_input_error(console, tmp_path):
    build(console)
    with pytest.raises(InputFileError):
        roster.preview_roster(console, write(tmp_path, "empty.csv", "工号,日期,班次\n"))


def test_entries_by_hand(console):
    w = build(console)
    a = w.agents
    night = roster.add_entry(console, a["1004"].id, DAY, w.night.id)
    assert (night.start, night.end, night.day, night.activities) == (at(console, DAY, 23), at(console, NEXT, 7, 30), DAY, ())
    short = roster.add_entry(console, a["1004"].id, NEXT, w.morning.id, start=at(console, NEXT, 9), end=at(console, NEXT, 13))
    assert (short.start, short.end) == (at(console, NEXT, 9), at(console, NEXT, 13))
    with pytest.raises(InvalidSettingError, match="overlaps the agent's entry of 2026-12-01"):
        roster.add_entry(console, a["1004"].id, NEXT, w.morning.id)  # 07:00 is still the night shift
    with pytest.raises(InvalidSettingError, match="not active"):
        roster.add_entry(console, a["1009"].id, DAY, w.morning.id)
    with pytest.raises(InvalidSettingError, match="after the start"):
        roster.add_entry(console, a["1001"].id, DAY, w.morning.id, start=at(console, DAY, 9), end=at(console, DAY, 8))
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        roster.add_entry(console, a["1001"].id, DAY, w.morning.id, start=datetime(2026, 12, 1, 9))
    with pytest.raises(InvalidSettingError, match="no such shift definition"):
        roster.add_entry(console, a["1001"].id, DAY, w.night.id + 100)
    roster.remove_entry(console, night.id)
    assert sheet_of(console, w, definition=w.night).rows == ()
    # Its slot is free now.
    assert roster.add_entry(console, a["1004"].id, NEXT, w.evening.id).start == at(console, NEXT, 15)
    with pytest.raises(InvalidSettingError, match="no such roster entry"):
        roster.remove_entry(console, night.id)
