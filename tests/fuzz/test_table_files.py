"""Fuzz the table file readers: rosters (排班表), agents (坐席名单) and floor layouts, CSV and .xlsx.

All three read their file through `app.feeds.roster.read_table`; a file they can use gives every
data row of the table back exactly once, as a usable line or as a problem (code and detail), and a
blank row is passed over. Samples: tests/data/roster/*.csv (rosters and agents, English and GB18030
Chinese) and a layout written like those of tests/feeds/test_layout_file.py.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
from hypothesis import event, example, given
from hypothesis import strategies as st

from app.feeds.layout_file import read_layout
from app.feeds.people_file import read_agents
from app.feeds.roster import read_roster, read_table
from tests.fuzz.support import (
    CELLS, FEW, FUZZ, HUGE, SPECIAL_CELLS, check_reason, mutated, read_or_refused, write,
)

SPECIAL_TEXT = tuple(c for c in SPECIAL_CELLS if c.isprintable() and c)

DATA = Path(__file__).resolve().parents[1] / "data" / "roster"
LAYOUT_SAMPLE = ("座位号,x,y,区域,旋转,设备,区域类型\n"
                 "A-01,0,0,一区,90,双屏,普通\nP-01,0,100,培训区,,,培训\nQ-01,0,200,,-45,,安静\n"
                 "A-01,5,5,一区,,,普通\nK-01,x,1,,,,隔离\n")

READERS = {
    "roster": (read_roster, ("agent", "date", "shift", "start", "end", "activities", "break_start", "break_end"),
               ("坐席工号", "日期", "班次", "上班", "下班", "活动", "休息开始", "休息结束")),
    "agents": (read_agents, ("employee_no", "name", "team", "skills", "acd_login", "fixed_seat", "active"),
               ("工号", "姓名", "班组", "技能", "ACD工号", "座位", "在职")),
    "layout": (read_layout, ("seat", "x", "y", "zone", "rotation", "equipment", "kind"),
               ("座位号", "x", "y", "区域", "旋转", "设备", "区域类型")),
}
# A usable row of each kind, cell by cell in the order of the names above.
GOOD = {
    "roster": ("1001", "2026-03-02", "早班", "08:00", "17:00", "lunch 12:00-12:45", "10:00", "10:15"),
    "agents": ("1001", "李伟", "Team A", "sales、billing", "LI.WEI", "A-01", "是"),
    "layout": ("A-01", "10", "20.5", "一区", "90", "双屏", "普通"),
}
SAMPLES = {
    "roster": [(DATA / "roster_en.csv").read_bytes(), (DATA / "roster_zh_gb18030.csv").read_bytes()],
    "agents": [(DATA / "agents_en.csv").read_bytes(), (DATA / "agents_zh_gb18030.csv").read_bytes()],
    "layout": [LAYOUT_SAMPLE.encode("utf-8"), LAYOUT_SAMPLE.encode("gb18030")],
}
KINDS = st.sampled_from(sorted(READERS))


def accepted(result) -> tuple:
    return result.rows if hasattr(result, "rows") else result.lines


def check(data: bytes, kind: str, suffix: str = ".csv", expected_lines: list[int] | None = None):
    """Refused as a whole (InputFileError), or every data row of the table given back once.

    `expected_lines`: the lines of the non-blank data rows, when the test knows them.
    """
    read = READERS[kind][0]
    path = write(data, suffix)
    # No more lines than line breaks of any kind (+1); an .xlsx names rows, not lines of bytes.
    lines = None if suffix == ".xlsx" else len(re.split(rb"\r\n|\r|\n", data))
    table = read_or_refused(path, lambda: read_table(path), lines)
    result = read_or_refused(path, lambda: read(path), lines)
    if table is None:
        assert result is None
        event("refused: no table")
        return None
    rows = [line for line, _ in table.rows]
    assert rows == sorted(set(rows)) and rows[0] > table.header_line >= 1
    assert lines is None or rows[-1] <= lines
    if expected_lines is not None:
        assert rows == expected_lines
    if result is None:  # a required column missing: that is the whole file
        event("refused: a column missing")
        return None
    event(f"read: {'some' if accepted(result) else 'no'} usable lines, {'some' if result.problems else 'no'} problems")
    good = [r.line for r in accepted(result)]
    bad = [p.line for p in result.problems]
    assert sorted(good + bad) == rows, (good, bad, rows)
    for problem in result.problems:
        check_reason(problem.line, problem.detail, rows[0], rows[-1])
        assert isinstance(problem.code, str) and problem.code
    return result


@FUZZ
@given(st.binary(max_size=1500), KINDS, st.sampled_from((".csv", ".xlsx", ".txt")))
def test_random_bytes(data, kind, suffix):
    check(data, kind, suffix)


# Cells of one line: no quote or line break (a record is then exactly a line), no delimiter, no NUL
# (a NUL anywhere refuses the whole file: table_file tries that now and then).
TABLE_CELLS = CELLS.filter(lambda c: not set(c) & set('"\r\n,;\t\x00'))


@st.composite
def good_row(draw, kind: str, order: list[int], cells=TABLE_CELLS) -> list:
    """The usable row of `kind` in the header's `order`, a few cells replaced, perhaps one too few or many."""
    row = [GOOD[kind][i] for i in order]
    for _ in range(draw(st.integers(0, 2))):
        row[draw(st.integers(0, len(row) - 1))] = draw(cells)
    width = draw(st.sampled_from((0, 0, 0, 0, -1, 1)))
    return row[:width] if width < 0 else row + [draw(cells)] * width


@st.composite
def table_file(draw, kind: str):
    """(bytes, the lines of the non-blank data rows; None when the encoding is mixed)."""
    names = READERS[kind][1 + draw(st.integers(0, 1))]
    order = list(draw(st.permutations(range(len(names)))))
    order = order[:draw(st.sampled_from((len(order),) * 4 + (len(order) - 1, len(order) - 2)))]
    header = [names[i] for i in order]
    delimiter = draw(st.sampled_from((",", ";", "\t")))
    end = draw(st.sampled_from(("\n", "\r\n", "\r")))
    blank = st.lists(st.sampled_from(("", " ", "\u3000")), max_size=len(header))
    wrong = st.lists(TABLE_CELLS, min_size=len(header) - 1, max_size=len(header) + 1)
    rows = draw(st.lists(st.one_of(good_row(kind, order), wrong, good_row(kind, order), blank), min_size=1,
                         max_size=8))
    if draw(st.sampled_from((False,) * 19 + (True,))) and rows[0]:
        rows[0][0] += "\x00"  # now and then a NUL: the whole file is refused
    lead = draw(st.integers(0, 2))  # blank lines before the header
    lines = [""] * lead + [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    expected = [lead + 2 + i for i, r in enumerate(rows) if any(c.strip() for c in r)]
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "gb18030", "utf-16", "mixed")))
    if encoding == "mixed":
        data = end.encode().join(line.encode(draw(st.sampled_from(("utf-8", "gb18030")))) for line in lines)
        return data + end.encode(), None
    return (end.join(lines) + draw(st.sampled_from((end, "")))).encode(encoding), expected


@FUZZ
@given(st.data(), KINDS)
def test_structured_wrong_rows(data, kind):
    raw, expected = data.draw(table_file(kind))
    check(raw, kind, expected_lines=expected)


@FUZZ
@given(st.data(), KINDS, st.integers(0, 1))
def test_mutated_samples(data, kind, which):
    check(data.draw(mutated(SAMPLES[kind][which], max_edits=8)), kind)


# ------------------------------------------------------------------ .xlsx

XLSX_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**15), 10**15), st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1900, 3, 1)), st.datetimes(min_value=datetime(1900, 3, 1)), st.times(),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
    st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=12),
    st.sampled_from(SPECIAL_TEXT), st.just(123456789),
)


def workbook(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=i, column=j, value=value)
    buf = io.BytesIO()
    book.save(buf)
    # A number cell of 400 digits (openpyxl cannot write one): 123456789 stands for it. The times
    # openpyxl writes (file dates, created / modified) are fixed, so the bytes do not change between runs.
    src, out = zipfile.ZipFile(io.BytesIO(buf.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                content = content.replace(b"<v>123456789</v>", b"<v>" + HUGE.encode() + b"</v>")
            content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-03-02T08:00:00Z", content)
            dst.writestr(zipfile.ZipInfo(info.filename, (2026, 3, 2, 8, 0, 0)), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


MUTATED_XLSX_SAMPLES = {kind: workbook([list(names), ["1001"] * len(names), ["1002"] * len(names)])
                        for kind, (_, names, _) in READERS.items()}


@st.composite
def xlsx_file(draw, kind: str):
    names = READERS[kind][1 + draw(st.integers(0, 1))]
    order = list(range(len(names)))
    rows = draw(st.lists(st.one_of(good_row(kind, order, XLSX_VALUES),
                                   st.lists(XLSX_VALUES, min_size=len(names) - 1, max_size=len(names) + 1)),
                         max_size=6))
    return [list(names)] + rows


@FEW
@given(st.data(), KINDS)
@example(None, "layout")
def test_xlsx_cells_of_every_kind(data, kind):
    rows = [list(READERS[kind][1]), ["A", 123456789, 123456789, "z", 123456789, "", ""]] if data is None \
        else data.draw(xlsx_file(kind))  # the explicit example: x and y of 400 digits (was OverflowError)
    result = check(workbook(rows), kind, ".xlsx")
    if data is None:
        assert [(p.line, p.code) for p in result.problems] == [(2, "bad_number")]


@FEW
@given(st.data(), KINDS)
def test_mutated_xlsx(data, kind):
    check(data.draw(mutated(MUTATED_XLSX_SAMPLES[kind], max_edits=4)), kind, ".xlsx")


def test_a_damaged_workbook_is_refused_as_a_whole():
    """A zip whose compressed data is damaged failed with zlib.error; an unknown zip version with
    NotImplementedError: now both are InputFileError (the file cannot be used at all)."""
    names = READERS["roster"][1]
    good = bytearray(workbook([list(names), ["1001", "2026-03-02", "Morning"]]))
    at = good.find(b"xl/worksheets/sheet1.xml") + 40  # inside the compressed sheet
    good[at:at + 8] = b"\x00" * 8
    path = write(bytes(good), ".xlsx")
    assert read_or_refused(path, lambda: read_roster(path)) is None
