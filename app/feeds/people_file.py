"""Reader of agents files (坐席名单): employee number, name, team, skills, ACD login, seat, active.

CSV (UTF-8 or GB18030) or .xlsx, the same conventions as roster files
(`app.feeds.roster`): a header in English or Chinese, one agent per line.
Skills are separated by ";", ",", "、" (or their full-width forms); `active`
is yes/no, true/false, 1/0, 是/否 (empty: active). A line that cannot be
used is a `RowProblem`; a second line with an employee number already seen
is rejected as a duplicate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.feeds.roster import RowProblem, cell, cell_text, read_table, row_text


@dataclass(frozen=True)
class AgentLine:
    line: int
    employee_no: str
    name: str
    team: str | None
    skills: tuple[str, ...]
    acd_login: str | None
    fixed_seat: str | None
    active: bool
    text: str


@dataclass(frozen=True)
class AgentsFile:
    path: str
    lines: tuple[AgentLine, ...]
    problems: tuple[RowProblem, ...]


COLUMNS: dict[str, tuple[str, ...]] = {
    "employee_no": ("employee_no", "employee_number", "agent_id", "工号", "员工工号", "坐席工号"),
    "name": ("name", "agent_name", "姓名", "名字", "坐席姓名"),
    "team": ("team", "班组", "组别", "团队"),
    "skills": ("skills", "skill", "技能"),
    "acd_login": ("acd_login", "login", "ACD工号", "登录名", "ACD登录名"),
    "fixed_seat": ("fixed_seat", "seat", "固定座位", "座位"),
    "active": ("active", "在职", "状态"),
}
TRUE_WORDS = frozenset({"yes", "y", "true", "1", "是", "在职", "active"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "否", "离职", "inactive"})


def read_agents(path: str | Path) -> AgentsFile:
    """The usable lines and the problems of an agents file (see the module docstring)."""
    table = read_table(path)
    cols = table.columns(COLUMNS, required=("employee_no", "name"))
    lines: list[AgentLine] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for line, cells in table.rows:
        text = row_text(cells)
        get = lambda field: cell_text(cell(cells, cols.get(field)))  # noqa: E731
        no, name = get("employee_no"), get("name")
        active = _active(cell(cells, cols.get("active")))
        if not no:
            problems.append(RowProblem(line, "missing_employee_no", "no employee number", text))
        elif not name:
            problems.append(RowProblem(line, "missing_name", f"employee {no!r} has no name", text))
        elif no.casefold() in seen:
            problems.append(RowProblem(line, "duplicate_employee_no", f"line {seen[no.casefold()]}", text))
        elif active is None:
            problems.append(RowProblem(line, "bad_active", f"active {get('active')!r} is not yes or no", text))
        else:
            seen[no.casefold()] = line
            lines.append(AgentLine(
                line, no, name, get("team") or None, split_skills(get("skills")), get("acd_login") or None,
                get("fixed_seat") or None, active, text,
            ))
    return AgentsFile(table.path, tuple(lines), tuple(problems))


def split_skills(text: str) -> tuple[str, ...]:
    """Skills in file order, trimmed, each once."""
    out: dict[str, None] = {}
    for part in re.split(r"[;；,，、|]+", text):
        if part.strip():
            out.setdefault(part.strip(), None)
    return tuple(out)


def _active(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    text = cell_text(value).casefold()
    if not text:
        return True
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    return None
