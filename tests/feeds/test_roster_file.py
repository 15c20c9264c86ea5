"""The roster file reader: CSV in UTF-8 and GB18030, xlsx, English and Chinese headers, bad lines, unusable files."""

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from app.domain.attendance import ActivityKind
from app.domain.errors import InputFileError
from app.feeds.roster import parse_date, parse_time, read_roster

DATA = Path(__file__).resolve().parents[1] / "data" / "roster"
B, L, T, M = ActivityKind.BREAK, ActivityKind.LUNCH, ActivityKind.TRAINING, ActivityKind.MEETING


def write(tmp_path: Path, text: str, name="roster.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_english_csv_lines_and_problems():
    roster = read_roster(DATA / "roster_en.csv")
    assert roster.path == str(DATA / "roster_en.csv")
    got = {ln.line: ln for ln in roster.lines}
    assert sorted(got) == [2, 3, 4, 11]  # line 10 is blank
    first = got[2]
    assert (first.agent, first.day, first.shift, first.start, first.end) == ("1001", date(2026, 3, 2), "Morning", None, None)
    assert first.activities == ((B, time(10), time(10, 15)), (L, time(12), time(12, 45)))
    assert first.text == "1001, 2026-03-02, Morning, , , break 10:00-10:15; lunch 12:00-12:45"
    assert (got[3].day, got[3].shift) == (date(2026, 3, 2), "morning")  # YYYY/MM/DD; the name trimmed
    assert (got[4].agent, got[4].shift, got[4].start, got[4].end) == ("li.wei", None, time(9), time(18))
    assert got[4].activities == ((L, time(12, 30), time(13, 15)),)
    # a comma inside the quoted activities cell separates items too
    assert got[11].activities == ((M, time(22), time(22, 30)), (B, time(2), time(2, 15)))
    assert [(p.line, p.code) for p in roster.problems] == [
        (5, "missing_agent"), (6, "bad_date"), (7, "bad_time"), (8, "no_shift"), (9, "bad_activity"),
    ]
    by_line = {p.line: p for p in roster.problems}
    assert by_line[5].text == ", 2026-03-02, Morning, , , "
    assert "'2026-02-30'" in by_line[6].detail
    assert by_line[7].detail == "start and end go together: one of them is missing"
    assert "'nap 02:00-02:30'" in by_line[9].detail


def test_chinese_gb18030_csv_with_per_kind_columns():
    raw = (DATA / "roster_zh_gb18030.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the sample really is GB18030
    roster = read_roster(DATA / "roster_zh_gb18030.csv")
    got = {ln.line: ln for ln in roster.lines}
    assert sorted(got) == [2, 3, 4, 6]
    assert (got[2].agent, got[2].day, got[2].shift) == ("1001", date(2026, 3, 2), "早班")
    assert got[2].activities == ((B, time(10), time(10, 15)), (L, time(12), time(12, 45)))
    assert (got[3].shift, got[3].start, got[3].end) == ("中班", time(10, 30), time(19, 30))
    assert got[3].activities == ((T, time(14), time(16)),)
    assert got[4].activities == ((B, time(3), time(3, 15)),)
    assert got[6].day == date(2026, 3, 2)  # 2026年3月2日
    assert got[2].text.startswith("1001, 2026/03/02, 早班")
    assert [(p.line, p.code) for p in roster.problems] == [(5, "bad_activity")]
    assert "needs both a start and an end" in roster.problems[0].detail


def test_utf8_with_bom_and_chinese_activity_words(tmp_path):
    path = write(
        tmp_path,
        "工号,日期,班次,活动\r\n"
        "1001,2026-03-02,早班,休息 10:00-10:15，午休 12:00至12:45；会议 14:00～14:30\r\n"
        "1002,2026-03-02,早班,培训 9：00-10：30\r\n",
        encoding="utf-8-sig",
    )
    roster = read_roster(path)
    assert roster.problems == ()
    assert [ln.line for ln in roster.lines] == [2, 3]
    assert roster.lines[0].activities == ((B, time(10), time(10, 15)), (L, time(12), time(12, 45)), (M, time(14), time(14, 30)))
    assert roster.lines[1].activities == ((T, time(9), time(10, 30)),)


def test_headers_are_case_and_space_insensitive_and_semicolons_delimit(tmp_path):
    path = write(tmp_path, " EMPLOYEE NO ; Date ;SHIFT\n1001;2026-03-02;Late\n")
    roster = read_roster(path)
    assert [(ln.line, ln.agent, ln.shift) for ln in roster.lines] == [(2, "1001", "Late")]


def test_a_quoted_field_over_two_lines_keeps_file_line_numbers(tmp_path):
    path = write(tmp_path, 'agent,date,shift,activities\n1001,2026-03-02,Early,"break 10:00-10:15\nlunch 12:00-12:30"\n'
                           "1002,2026-03-02,,\n")
    roster = read_roster(path)
    assert roster.lines[0].line == 2
    assert roster.lines[0].activities == ((B, time(10), time(10, 15)), (L, time(12), time(12, 30)))
    assert [(p.line, p.code) for p in roster.problems] == [(4, "no_shift")]


def test_activity_problems(tmp_path):
    path = write(
        tmp_path,
        "agent,date,shift,activities,lunch_start,lunch_end\n"
        "1,2026-03-02,E,break 10:00,,\n"
        "2,2026-03-02,E,break 10:00-10:00,,\n"
        "3,2026-03-02,E,,12:00,12:61\n"
        "4,2026-03-02,E,,12:00,12:30\n",
    )
    roster = read_roster(path)
    assert [(p.line, p.code) for p in roster.problems] == [(2, "bad_activity"), (3, "bad_activity"), (4, "bad_activity")]
    assert "lasts no time" in roster.problems[1].detail
    assert [(ln.line, ln.activities) for ln in roster.lines] == [(5, ((L, time(12), time(12, 30)),))]


def test_start_equal_to_end_is_a_bad_time(tmp_path):
    roster = read_roster(write(tmp_path, "agent,date,start,end\n1,2026-03-02,08:00,8:00:00\n2,2026-03-02,x,9:00\n"))
    assert [(p.line, p.code) for p in roster.problems] == [(2, "bad_time"), (3, "bad_time")]
    assert roster.problems[0].detail == "start and end are both 08:00"
    assert roster.problems[1].detail == "start 'x' is not a time (HH:MM)"


def test_xlsx_with_date_and_time_cells(tmp_path):
    path = tmp_path / "roster.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["工号", "日期", "班次", "开始", "结束", "活动"])
    sheet.append([1001, datetime(2026, 3, 2), "早班", None, None, "break 10:00-10:15"])
    sheet.append([None, None, None, None, None, None])  # an empty row is skipped
    sheet.append(["1002", date(2026, 3, 3), None, time(22, 0), time(6, 0), None])
    sheet.append([1003, "2026-03-04", None, "08:00", 0.75, None])  # 0.75 of a day: 18:00
    sheet.append([1004, "soon", "早班", None, None, None])
    book.create_sheet("ignored").append(["not", "read"])
    book.save(path)
    roster = read_roster(path)
    got = {ln.line: ln for ln in roster.lines}
    assert sorted(got) == [2, 4, 5]
    assert (got[2].agent, got[2].day, got[2].shift, got[2].activities) == (
        "1001", date(2026, 3, 2), "早班", ((B, time(10), time(10, 15)),))
    assert (got[4].agent, got[4].day, got[4].start, got[4].end) == ("1002", date(2026, 3, 3), time(22), time(6))
    assert (got[5].start, got[5].end) == (time(8), time(18))
    assert got[2].text == "1001, 2026-03-02 00:00:00, 早班, , , break 10:00-10:15"
    assert [(p.line, p.code) for p in roster.problems] == [(6, "bad_date")]


@pytest.mark.parametrize(
    ("text", "reason", "line"),
    [
        ("", "the file is empty", None),
        ("\n\n", "the file is empty", None),
        ("agent,date,shift\n", "the file has no data rows under its header", 1),
        ("\nagent,date,shift\n\n", "the file has no data rows under its header", 2),
        ("date,shift\n2026-03-02,E\n", "no agent column (one of: agent, agent_id, employee_no, 工号, 坐席工号, 员工工号)", 1),
        ("agent,shift\n1,E\n", "no date column (one of: date, day, 日期)", 1),
        ("agent,date,start\n1,2026-03-02,08:00\n", "no shift column, and no start and end columns", 1),
    ],
)
def test_unusable_files(tmp_path, text, reason, line):
    path = write(tmp_path, text)
    with pytest.raises(InputFileError) as err:
        read_roster(path)
    assert (err.value.reason, err.value.line, err.value.path) == (reason, line, str(path))


def test_unreadable_paths(tmp_path):
    with pytest.raises(InputFileError, match="cannot read the file"):
        read_roster(tmp_path / "missing.csv")
    with pytest.raises(InputFileError, match="is a folder"):
        read_roster(tmp_path)
    bad = write(tmp_path, "this is no workbook", name="roster.xlsx")
    with pytest.raises(InputFileError, match="not an Excel .xlsx workbook"):
        read_roster(bad)
    with pytest.raises(InputFileError, match="old Excel .xls format"):
        read_roster(write(tmp_path, "x", name="roster.xls"))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputFileError, match="not a text file"):
        read_roster(binary)
    no_bom = tmp_path / "utf16-without-bom.csv"
    no_bom.write_bytes("agent,date,shift\n1,2026-03-02,E\n".encode("utf-16-le"))
    with pytest.raises(InputFileError, match="NUL bytes"):
        read_roster(no_bom)


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    path = tmp_path / "roster.txt"
    path.write_bytes("工号\t日期\t班次\n1001\t2026-03-02\t早班\n".encode("utf-16"))
    roster = read_roster(path)
    assert [(ln.line, ln.agent, ln.day, ln.shift) for ln in roster.lines] == [(2, "1001", date(2026, 3, 2), "早班")]


def test_parse_time_and_date():
    assert parse_time("7:05") == time(7, 5)
    assert parse_time("07:05:30") == time(7, 5, 30)
    assert parse_time("24:00") == time(0, 0)
    assert parse_time("08：30") == time(8, 30)
    assert parse_time(0.5) == time(12)
    assert parse_time(datetime(1899, 12, 30, 6, 15)) == time(6, 15)
    for bad in ("24:01", "12:60", "noon", "", 1.5, "1230"):
        assert parse_time(bad) is None, bad
    assert parse_date("2026-03-02") == date(2026, 3, 2)
    assert parse_date("2026/3/2") == date(2026, 3, 2)
    assert parse_date("2026-03-02 00:00:00") == date(2026, 3, 2)
    assert parse_date(46083) == date(2026, 3, 2)  # an Excel serial left unformatted
    for bad in ("2026-02-29", "02/03/2026", "", "2026-03-02 08:00"):
        assert parse_date(bad) is None, bad
