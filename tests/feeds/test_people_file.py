"""The agents file reader: columns in English and Chinese, skills, active words, duplicates, xlsx."""

from pathlib import Path

import openpyxl
import pytest

from app.domain.errors import InputFileError
from app.feeds.people_file import AgentLine, read_agents, split_skills

DATA = Path(__file__).resolve().parents[1] / "data" / "roster"


def test_english_csv():
    agents = read_agents(DATA / "agents_en.csv")
    assert agents.lines == (
        AgentLine(2, "1001", "Li Wei", "Team A", ("sales", "billing"), "LI.WEI", "A-01", True,
                  "1001, Li Wei, Team A, sales;billing, LI.WEI, A-01, yes"),
        AgentLine(3, "1002", "Wang Fang", "Team A", ("sales", "complaints"), None, None, True,
                  "1002, Wang Fang, Team A, sales, complaints, , , "),
        AgentLine(8, "1005", "Chen Jing", None, (), None, None, False, "1005, Chen Jing, , , , , 0"),
    )
    assert [(p.line, p.code, p.detail) for p in agents.problems] == [
        (4, "missing_employee_no", "no employee number"),
        (5, "missing_name", "employee '1003' has no name"),
        (6, "duplicate_employee_no", "line 2"),
        (7, "bad_active", "active 'maybe' is not yes or no"),
    ]
    assert agents.problems[2].text == "1001, Li Wei again, Team B, , , , "


def test_chinese_gb18030_csv():
    agents = read_agents(DATA / "agents_zh_gb18030.csv")
    assert agents.problems == ()
    rows = [(a.line, a.employee_no, a.name, a.team, a.skills, a.acd_login, a.fixed_seat, a.active) for a in agents.lines]
    assert rows == [
        (2, "2001", "张伟", "一组", ("销售", "投诉"), "zhangwei", "B-12", True),
        (3, "2002", "王芳", "二组", ("账单", "销售"), None, None, False),
        (4, "2003", "李娜", None, (), None, None, True),
    ]


def test_xlsx_numbers_booleans_and_duplicates_differing_in_case(tmp_path):
    path = tmp_path / "agents.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Employee No", "Name", "Skills", "Login", "Active"])
    sheet.append([3001, "Sun Li", "sales|billing|sales", "sun.li", True])
    sheet.append(["A7", "Zhou Min", None, None, False])
    sheet.append(["a7", "Zhou Min twice", None, None, None])
    sheet.append([3002.0, "Wu Gang", None, None, 1])
    book.save(path)
    agents = read_agents(path)
    assert [(a.line, a.employee_no, a.skills, a.acd_login, a.active) for a in agents.lines] == [
        (2, "3001", ("sales", "billing"), "sun.li", True),
        (3, "A7", (), None, False),
        (5, "3002", (), None, True),
    ]
    assert [(p.line, p.code, p.detail) for p in agents.problems] == [(4, "duplicate_employee_no", "line 3")]


def test_split_skills():
    assert split_skills(" sales ;billing、投诉，账单; ;sales") == ("sales", "billing", "投诉", "账单")
    assert split_skills("") == ()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("name,team\nLi,A\n", "no employee_no column (one of: employee_no, employee_number, agent_id, 工号, 员工工号, 坐席工号)"),
        ("工号,班组\n1,A\n", "no name column (one of: name, agent_name, 姓名, 名字, 坐席姓名)"),
        ("工号,姓名\n", "the file has no data rows under its header"),
    ],
)
def test_unusable_files(tmp_path, text, reason):
    path = tmp_path / "agents.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError) as err:
        read_agents(path)
    assert (err.value.reason, err.value.line) == (reason, 1)
