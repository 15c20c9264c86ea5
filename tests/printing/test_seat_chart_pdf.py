"""The seat chart printed to PDF: the floor map and the list for the door, header and page x / y on every page."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timezone

import pytest

from app.domain.seating import Floor, FloorLayout, Seat, SeatAssignment
from app.printing.document import PrintError, page_layout
from app.printing.seat_chart import door_lines, paint_seat_chart, print_seat_chart_pdf
from app.printing.seat_chart_map import floor_counts
from tests.printing.conftest import page_texts
from tests.printing.seat_data import SHIFT, SITE, make_big_map, make_seat_map

PRINTED = datetime(2026, 11, 27, 3, 20, tzinfo=timezone.utc)  # 11:20 in Shanghai, the map's zone
PINYIN = {"王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "赵": "zhao",
          "黄": "huang", "周": "zhou", "吴": "wu", "徐": "xu", "孙": "sun", "胡": "hu", "朱": "zhu", "高": "gao",
          "林": "lin", "何": "he", "郭": "guo", "马": "ma", "罗": "luo", "欧": "ouyang", "司": "sima"}


@pytest.fixture(scope="module")
def printed(qapp, font_family, tmp_path_factory):
    seat_map = make_seat_map()
    path = tmp_path_factory.mktemp("chart") / "chart.pdf"
    pages = print_seat_chart_pdf(seat_map, path, font_family, printed_at=PRINTED)
    return seat_map, pages, page_texts(path)


def _check_bands(texts: list[str], pages: int) -> None:
    assert len(texts) == pages
    for number, text in enumerate(texts, start=1):
        assert text.startswith(f"{SITE} {SHIFT} Printed 2026-11-27 11:20 Page {number} / {pages} "), text[:90]


def test_a_map_page_and_a_list_page_each_with_site_shift_print_time_and_page_x_of_y(printed):
    _, pages, texts = printed
    assert pages == 2
    _check_bands(texts, pages)
    assert "Seat chart · 三楼 北区" in texts[0]
    assert "Agent → seat" in texts[1]


def test_the_map_shows_every_seat_zone_and_seated_agent(printed):
    seat_map, _, texts = printed
    layout = seat_map.layouts[0]
    page = texts[0]
    for seat in layout.seats:
        assert re.search(rf"(?<![\w-]){re.escape(seat.code)}(?![\w-])", page), seat.code
    agents = {a.id: a for a in seat_map.agents}
    for pair in seat_map.assignments:
        name = agents[pair.agent_id].name
        for part in name.split():  # a Latin name may wrap on its seat
            assert part in page, name
    for label in ("一区", "培训室 · training", "质检区 · kept apart"):
        assert label in page
    assert page.count("out of service") == 5  # four seats and the legend
    assert "86 seats: 63 taken · 19 free · 4 out of service · conflicts: 3" in page
    for word in ("一组", "二组", "三组", "四组", "新人组", "free", "conflict"):
        assert word in page.split("out of service")[-2] + page.split("out of service")[-1], word


def test_the_counts_add_up_and_a_broken_seat_in_use_counts_as_out(qapp):
    seat_map = make_seat_map()
    counts = floor_counts(seat_map, seat_map.layouts[0])
    assert (counts.total, counts.taken, counts.free, counts.out, counts.conflicts) == (86, 63, 19, 4, 3)


def test_the_door_list_is_in_pinyin_order_with_seats_unseated_and_absent(printed):
    seat_map, _, texts = printed
    lines = door_lines(seat_map)
    surnames = [PINYIN[line.name[0]] for line in lines if line.name[0] in PINYIN]
    assert surnames == sorted(surnames) and len(surnames) == len(lines) - 1  # all but the Latin name
    by_no = {a.employee_no: a for a in seat_map.agents}
    absent = {by_no[n].id for n in ("E1007", "E1033", "E1050")}
    assert absent == seat_map.absent_ids
    listed = {line.employee_no for line in lines}
    assert "E1007" not in listed and "E1033" not in listed  # absent and not seated: not expected at the door
    assert len(lines) == 68
    text = texts[1]
    positions = []
    for line in lines:
        seat = ", ".join(line.seats) if line.seats else "not seated"
        note = " absent" if line.note == "absent" else ""
        found = text.find(f"{line.name} {line.employee_no}{note} {seat}")
        assert found >= 0, line
        positions.append(found)
    assert positions == sorted(positions)  # printed down the columns in the list's order
    assert [line.employee_no for line in lines if line.note == "not_seated"] == ["E1064", "E1012", "E1045"]
    assert next(line for line in lines if line.employee_no == "E1050").note == "absent"
    assert next(line for line in lines if line.employee_no == "E1029").seats == ("A-01",)  # shares A-01


def test_several_floors_a_map_page_each_and_one_floor_alone(qapp, font_family, tmp_path):
    seat_map = make_seat_map()
    upstairs = Floor(2, 1, "四楼")
    seats = tuple(Seat(900 + i, 2, f"D-{i + 1}", 20 + i * 70, 40) for i in range(4))
    moved = (SeatAssignment(900, seat_map.agents[12].id), SeatAssignment(901, seat_map.agents[45].id))
    two = dataclasses.replace(seat_map, layouts=seat_map.layouts + (FloorLayout(upstairs, (), seats),),
                              assignments=seat_map.assignments + moved)
    pages = print_seat_chart_pdf(two, tmp_path / "two.pdf", font_family, printed_at=PRINTED)
    texts = page_texts(tmp_path / "two.pdf")
    assert pages == 3
    _check_bands(texts, pages)
    assert "Seat chart · 四楼" in texts[1] and "D-4" in texts[1]
    assert f"{seat_map.agents[12].name} E1012 四楼 · D-1" in texts[2]
    assert "三楼 北区 · A-02" in texts[2]

    pages = print_seat_chart_pdf(two, tmp_path / "one.pdf", font_family, printed_at=PRINTED, floor_id=2)
    texts = page_texts(tmp_path / "one.pdf")
    assert pages == 2
    _check_bands(texts, pages)
    assert "Seat chart · 四楼" in texts[0] and "4 seats: 2 taken · 2 free · 0 out of service" in texts[0]
    assert f"{seat_map.agents[12].name} E1012 D-1" in texts[1]
    assert "E1064 not seated" in texts[1]  # seated nowhere
    assert "E1000" not in texts[1] and "E1001" not in texts[1]  # seated on the other floor


def test_a_long_list_continues_over_pages_each_agent_once(qapp, font_family, tmp_path):
    seat_map = make_big_map(500, 450)
    pages = print_seat_chart_pdf(seat_map, tmp_path / "big.pdf", font_family, printed_at=PRINTED)
    texts = page_texts(tmp_path / "big.pdf")
    assert pages == len(texts) > 3
    _check_bands(texts, pages)
    assert "Agent → seat" in texts[1] and all("Agent → seat (continued)" in t for t in texts[2:])
    assert "500 seats: 450 taken · 50 free · 0 out of service" in texts[0]
    listing = " ".join(texts[1:])
    for agent in seat_map.agents:
        assert len(re.findall(rf"{agent.name} {agent.employee_no} B\d+-\d\d", listing)) == 1, agent.employee_no


def test_paints_on_a_printer_with_its_page_layout(qapp, font_family, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setPageLayout(page_layout(landscape=True))
    pages = paint_seat_chart(printer, make_seat_map(), font_family, printed_at=PRINTED)
    texts = page_texts(tmp_path / "printer.pdf")
    assert pages == 2
    _check_bands(texts, pages)
    assert "A-54" in texts[0]


def test_no_layout_and_no_agent_still_print_worded_pages(qapp, font_family, tmp_path):
    empty = dataclasses.replace(make_seat_map(), layouts=(), assignments=(), agents=(), conflicts=(),
                                present_ids=frozenset(), absent_ids=frozenset())
    pages = print_seat_chart_pdf(empty, tmp_path / "empty.pdf", font_family, printed_at=PRINTED)
    texts = page_texts(tmp_path / "empty.pdf")
    assert pages == 2
    _check_bands(texts, pages)
    assert "No floor layout: there is no seat to show." in texts[0]
    assert "No agent on this shift." in texts[1]


def test_an_unwritable_file_is_a_print_error(qapp, font_family, tmp_path):
    with pytest.raises(PrintError):
        print_seat_chart_pdf(make_seat_map(), tmp_path / "missing" / "x.pdf", font_family)
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    with pytest.raises(PrintError) as caught:
        print_seat_chart_pdf(make_seat_map(), folder, font_family)
    assert caught.value.path.endswith("folder.pdf")
