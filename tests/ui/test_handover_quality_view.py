"""The handover-quality view on the real window's context (SQLite and PostgreSQL): a month of shift changes of
the first site, one with calls around it and a drop, one handover signed on time."""

from __future__ import annotations

from datetime import timedelta

from app.domain.calls import FeedFormat
from app.domain.people import Role
from app.services import handover, people, shifts
from app.services.imports import ImportRequest, import_feed
from app.services.sources import list_sites
from PySide6.QtCore import Qt

from app.ui.handover_quality.model import COLUMNS, ROW_ROLE
from app.ui.handover_quality.view import HandoverQualityView
from tests.services.shift_world import DAY, PIN, at, build

HEADER = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent\n"


def calls_file(console, folder):
    """09:00 four calls answered in 5 s; 14:40 one in 5 s and one in 60 s; 15:10 two in 60 s."""
    lines = []
    for n, (h, m, wait) in enumerate(((9, 1, 5), (9, 5, 5), (9, 9, 5), (9, 20, 5), (14, 40, 5), (14, 45, 60),
                                      (15, 10, 60), (15, 12, 60)), 1):
        arrived = at(console, DAY, h, m).replace(tzinfo=None)
        answered = arrived + timedelta(seconds=wait)
        lines.append(f"c{n},sales,{arrived.isoformat()},{answered.isoformat()},"
                     f"{(answered + timedelta(seconds=120)).isoformat()},answered,A{n}\n")
    path = folder / "calls.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def cell(view, row, column):
    return view.model.index(row, COLUMNS.index(column)).data()


def test_a_month_of_changes_with_the_summary_line(desktop_any_db, tmp_path, qtmodeltester):
    app = desktop_any_db
    console = app.context.console
    w = build(console)
    site = list_sites(console)[0]
    import_feed(console, ImportRequest(path=calls_file(console, tmp_path), format=FeedFormat.CALLS_CSV,
                                       source="acd", site=site.name, tz=site.timezone))
    second = people.add_supervisor(console, "Li Ming", Role.SUPERVISOR, "1357")
    morning = shifts.ensure_instance(console, DAY, w.morning.id)
    h = handover.open_handover(console, morning.id, at(console, DAY, 15, 5))
    handover.sign_outgoing(console, h.id, w.lead.id, PIN, at(console, DAY, 15, 6), talk_done=True)
    handover.sign_incoming(console, h.id, second.id, "1357", at(console, DAY, 15, 11))
    app.context.clock = lambda: at(console, DAY, 23, 50)

    view = HandoverQualityView(app.context)
    view.resize(1100, 500)
    view.start()
    qtmodeltester.check(view.model)
    assert view.view_id == "handover_quality" and view.title_text() == "Handover quality"
    # 07:00, 15:00 and 23:00 changes from 2 November to 1 December.
    assert view.model.rowCount() == 90
    rows = [view.model.index(r, 0).data(ROW_ROLE) for r in range(90)]
    change = next(r for r, row in enumerate(rows) if row.change_at == at(console, DAY, 15))
    assert [cell(view, change, c) for c in COLUMNS] == [
        "2026-12-01", "15:00", "早班 → Evening", "25.0 %", "100.0 %", "+75.0", "4 / 4", "2.0", "signed", "15:11", "yes",
        ""]
    row = rows[change]
    assert row.understaffing == 2.0  # agent-half-hours short around the change (services.handover_quality)
    tip = view.model.index(change, COLUMNS.index("short")).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == (f"Around the change: {row.required_around:.1f} agents required on average (Erlang C), "
                   f"{row.staffed_around:.1f} staffed; agent-half-hours short in all: 2.0")
    night = next(r for r, row in enumerate(rows) if row.change_at == at(console, DAY, 23))
    assert [cell(view, night, c) for c in ("shifts", "drop", "handover", "on_time")] == [
        "Evening → Night", "", "not opened", "no"]
    assert view.summary.text() == ("Average drop around changes: 75.0 points (changes with calls: 1). "
                                   "Signed on time: 1 of 90.")
    assert "acd (Answered in T / offered, target 80 %)" in view.source.text()
    view.grab().save(str(tmp_path / "quality_en.png"))


def test_a_site_without_shifts_says_what_to_do(desktop_any_db):
    view = HandoverQualityView(desktop_any_db.context)
    view.start()
    assert view.model.rowCount() == 0
    assert "set up the site's shifts" in view.summary.text()
    assert view.source.text() == "The site has no feed source: no service level."
