"""Seat map files on both databases: a layout file imported into a floor and exported back, the seat list."""

import csv
from dataclasses import replace

import openpyxl
import pytest

from app.domain.attendance import AttendanceStatus, Mark
from app.domain.errors import InputFileError, InvalidSettingError
from app.domain.seating import SeatAssignment, ZoneKind
from app.services import seating, sheet
from app.services.exports import ExportError
from app.services.seating_files import export_layout, export_seat_list, import_layout
from tests.services.seat_world import build_seats
from tests.services.shift_world import DAY, at


def write(tmp_path, text, name="layout.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_layout_file_adds_seats_and_the_zones_it_names(console, tmp_path):
    floor = seating.add_floor(console, "3F")
    quiet = seating.add_zone(console, floor.id, "Quiet", ZoneKind.QUIET, 0, 300, 200, 100)
    path = write(tmp_path, "座位号,x,y,区域,旋转,设备,区域类型\n"
                           "A01,100,50,一区,,PC 12,\n"
                           "A02,170,50,一区,90,,\n"
                           "T01,100,200,培训区,,,培训\n"
                           "Q01,10,310,quiet,,,\n"
                           "N01,5,5,,,,\n"
                           ",1,1,,,,\n"
                           "A01,1,1,,,,\n")
    result = import_layout(console, floor.id, path)
    assert (result.path, result.added, result.updated, result.zones_created) == (str(path), 5, 0, 2)
    assert [(p.line, p.code) for p in result.problems] == [(7, "missing_seat"), (8, "duplicate_seat")]
    layout = seating.floor_layout(console, floor.id)
    zones = {z.name: z for z in layout.zones}
    assert set(zones) == {"Quiet", "一区", "培训区"}
    one = zones["一区"]
    # The rectangle around its seats (60 x 50 each) with a margin of 20.
    assert (one.kind, one.x, one.y, one.width, one.height) == (ZoneKind.NORMAL, 80, 30, 250 - 80, 120 - 30)
    assert (zones["培训区"].kind, zones["培训区"].colour) == (ZoneKind.TRAINING, "#fdebd0")
    seats = {s.code: s for s in layout.seats}
    assert (seats["A01"].zone_id, seats["A01"].equipment, seats["A02"].rotation) == (one.id, "PC 12", 90)
    assert (seats["Q01"].zone_id, seats["N01"].zone_id) == (quiet.id, None)


def test_a_second_file_updates_by_code_and_brings_retired_seats_back(console, tmp_path):
    floor = seating.add_floor(console, "3F")
    import_layout(console, floor.id, write(tmp_path, "seat,x,y,zone,equipment\nA01,0,0,A,PC\nA02,70,0,A,\n"
                                                     "A03,140,0,A,\n"))
    before = {s.code: s for s in seating.floor_layout(console, floor.id).seats}
    seating.retire_seats(console, [before["A03"].id])
    # No zone or equipment column here: those stay as they are.
    result = import_layout(console, floor.id, write(tmp_path, "seat,x,y,rotation\nA01,0,0,\nA02,80,0,180\n"
                                                              "A03,140,0,\nA04,210,0,\n", "second.csv"))
    assert (result.added, result.updated, result.zones_created, result.problems) == (2, 1, 0, ())
    after = {s.code: s for s in seating.floor_layout(console, floor.id).seats}
    assert after["A01"] == before["A01"]
    assert (after["A02"].x, after["A02"].rotation, after["A02"].zone_id) == (80, 180, before["A02"].zone_id)
    assert (after["A03"].id, after["A03"].zone_id) == (before["A03"].id, before["A03"].zone_id)
    assert (after["A04"].zone_id, after["A04"].equipment) == (None, "")


def test_an_unusable_file_stores_nothing(console, tmp_path):
    floor = seating.add_floor(console, "3F")
    with pytest.raises(InputFileError, match="no x column"):
        import_layout(console, floor.id, write(tmp_path, "seat,zone\nA01,A\n"))
    with pytest.raises(InvalidSettingError, match="no such floor"):
        import_layout(console, floor.id + 1, write(tmp_path, "seat,x,y,zone\nA01,1,1,A\n"))
    layout = seating.floor_layout(console, floor.id)
    assert (layout.zones, layout.seats) == ((), ())


def test_the_exported_layout_reads_back_the_same(console, tmp_path):
    s = build_seats(console)
    seating.update_seats(console, [replace(s.seats["A02"], rotation=22.5, equipment="耳机, 双屏")])
    path = export_layout(console, s.floor.id, tmp_path / "out.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["seat_code", "x", "y", "zone", "rotation", "equipment", "kind"]
    assert rows[1:3] == [["A01", "10", "10", "A", "0", "", "normal"], ["A02", "80", "10", "A", "22.5", "耳机, 双屏",
                                                                       "normal"]]
    assert rows[5] == ["K01", "410", "10", "K", "0", "VIP line", "kept_apart"]
    assert import_layout(console, s.floor.id, path).updated == 0  # nothing differs
    other = seating.add_floor(console, "4F")
    result = import_layout(console, other.id, path)
    assert (result.added, result.zones_created) == (7, 3)
    strip = lambda layout: sorted((st.code, st.x, st.y, st.rotation, st.equipment,  # noqa: E731
                                   next(z.name + z.kind.value for z in layout.zones if z.id == st.zone_id))
                                  for st in layout.seats)
    assert strip(seating.floor_layout(console, other.id)) == strip(seating.floor_layout(console, s.floor.id))
    with pytest.raises(ExportError):
        export_layout(console, s.floor.id, tmp_path / "missing" / "out.csv")


TITLES = {"name": "姓名", "employee_no": "工号", "team": "组", "seat": "座位", "floor": "楼层", "unseated": "未安排",
          "no_team": "无组", "sheet": "座位表 [早班]"}


def test_the_seat_list_for_the_door(console, tmp_path):
    s = build_seats(console)
    a, seat = s.agents, s.seats
    now = at(console, DAY, 7)
    m = seating.load_seat_map(console, DAY, s.world.morning.id, now)
    m = seating.set_assignments(console, m.instance_id, [
        SeatAssignment(seat["A02"].id, a["1001"].id), SeatAssignment(seat["A01"].id, a["1001"].id),
        SeatAssignment(seat["T01"].id, a["1006"].id), SeatAssignment(seat["A03"].id, a["1002"].id),
    ], "王丽", now)
    sheet.mark(console, m.instance_id, a["1004"].id, Mark(AttendanceStatus.ABSENT), "王丽", now)
    m = seating.seat_map(console, m.instance_id, now)
    path = export_seat_list(m, tmp_path / "seats.csv", TITLES)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [
        ["姓名", "工号", "组", "座位", "楼层"],
        ["Anna Li", "1002", "Blue", "A03", "3F"],
        ["Eve Free", "1005", "无组", "未安排", ""],
        ["Tina Trainee", "1006", "Green", "T01", "3F"],
        ["Zhang Wei", "1001", "Blue", "A01, A02", "3F"],
        ["李娜", "1003", "Green", "未安排", ""],
    ]  # Bo Chen is absent and has no seat
    book = openpyxl.load_workbook(export_seat_list(m, tmp_path / "seats.xlsx", TITLES))
    sheet_ = book.active
    assert sheet_.title == "座位表  早班"
    assert sheet_["A1"].value == "Main site · 早班 2026-12-01 07:00–15:30"
    assert [[c.value for c in r] for r in sheet_.iter_rows(min_row=2)] == [
        [None if v == "" else v for v in r] for r in rows]
    default = export_seat_list(m, tmp_path / "plain.csv", {})
    with open(default, encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh)) == ["name", "employee_no", "team", "seat", "floor"]
