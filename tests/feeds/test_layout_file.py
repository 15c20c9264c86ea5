"""The layout file reader: English and Chinese headers, optional columns, problems per line, xlsx, unusable files."""

import openpyxl
import pytest

from app.domain.errors import InputFileError
from app.domain.seating import ZoneKind
from app.feeds.layout_file import LayoutRow, read_layout


def write(tmp_path, text, name="layout.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_english_csv_with_every_column(tmp_path):
    path = write(tmp_path, "Seat Code,X,Y,Zone,Rotation,Equipment,Kind\n"
                           "A01,10,20,Sales,90,dual screen,normal\n"
                           "T01,10.5,200,Training,,,training\n"
                           "K01,400,0,VIP,-45,,Kept Apart\n")
    layout = read_layout(path)
    assert layout.problems == ()
    assert layout.rows == (
        LayoutRow(2, "A01", 10, 20, "Sales", 90, "dual screen", ZoneKind.NORMAL),
        LayoutRow(3, "T01", 10.5, 200, "Training", None, "", ZoneKind.TRAINING),
        LayoutRow(4, "K01", 400, 0, "VIP", -45, "", ZoneKind.KEPT_APART),
    )


def test_chinese_gb18030_csv_without_optional_columns(tmp_path):
    path = write(tmp_path, "座位号,x,y,区域,区域类型\n"
                           "A-01,0,0,一区,普通\n"
                           "P-01,0,100,培训区,培训\n"
                           "Q-01,0,200,,安静\n", encoding="gb18030")
    layout = read_layout(path)
    assert layout.problems == ()
    assert [(r.code, r.zone, r.rotation, r.equipment, r.kind) for r in layout.rows] == [
        ("A-01", "一区", None, None, ZoneKind.NORMAL),
        ("P-01", "培训区", None, None, ZoneKind.TRAINING),
        ("Q-01", "", None, None, ZoneKind.QUIET),
    ]


def test_lines_that_cannot_be_used_are_problems(tmp_path):
    path = write(tmp_path, "seat,x,y,zone,rotation,kind\n"
                           "A01,10,10,A,,\n"
                           ",10,10,A,,\n"
                           "A02,ten,10,A,,\n"
                           "A03,10,,A,,\n"
                           "a01,50,10,A,,\n"
                           "A04,10,10,A,left,\n"
                           "A05,10,10,A,,lounge\n"
                           "A06,inf,10,A,,\n"
                           "A07,1e2,0,A,,\n")
    layout = read_layout(path)
    assert [(r.line, r.code, r.x) for r in layout.rows] == [(2, "A01", 10), (10, "A07", 100)]
    assert [(p.line, p.code) for p in layout.problems] == [
        (3, "missing_seat"), (4, "bad_number"), (5, "bad_number"), (6, "duplicate_seat"), (7, "bad_number"),
        (8, "bad_kind"), (9, "bad_number"),
    ]
    assert layout.problems[3].detail == "seat 'a01' is already on line 2"
    assert layout.problems[0].text == ", 10, 10, A, , "


def test_xlsx_with_number_cells(tmp_path):
    path = tmp_path / "layout.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["座位", "X", "Y", "区域", "旋转", "设备"])
    sheet.append([101, 10, 20.5, "一区", 180, None])
    sheet.append(["102", 80.0, 20, None, None, "耳机"])
    book.save(path)
    layout = read_layout(path)
    assert layout.problems == ()
    assert layout.rows == (
        LayoutRow(2, "101", 10, 20.5, "一区", 180, ""),
        LayoutRow(3, "102", 80, 20, "", None, "耳机"),
    )


@pytest.mark.parametrize("text, reason", [
    ("", "empty"),
    ("seat,x,y\n", "no data rows"),
    ("seat,zone\nA01,A\n", "no x column"),
    ("code,x,y\nA01,1,1\n", "no seat column"),
])
def test_unusable_files(tmp_path, text, reason):
    with pytest.raises(InputFileError, match=reason):
        read_layout(write(tmp_path, text))
    with pytest.raises(InputFileError, match="folder"):
        read_layout(tmp_path)
