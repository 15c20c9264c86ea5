"""Teams, agents (by hand and from an agents file) and supervisors with PINs, on SQLite and PostgreSQL."""

import pytest
from sqlalchemy import select

from app.domain.errors import InputFileError, InvalidSettingError, WrongPinError
from app.domain.people import Role
from app.services import people
from app.storage import sites as site_store
from app.storage.models import SupervisorRow


def test_teams_with_a_leader_and_a_colour(console):
    lead = people.add_supervisor(console, "Mei", Role.TEAM_LEADER, "1234")
    viewer = people.add_supervisor(console, "Guest", Role.VIEWER, "1234")
    blue = people.save_team(console, " Blue ", leader_id=lead.id, colour="#1F77B4")
    assert (blue.name, blue.leader_id, blue.leader_name, blue.colour) == ("Blue", lead.id, "Mei", "#1f77b4")
    amber = people.save_team(console, "Amber")
    assert amber.colour == "#4c78a8" and amber.leader_name is None
    assert [t.name for t in people.list_teams(console)] == ["Amber", "Blue"]
    renamed = people.save_team(console, "Azure", leader_id=None, colour="#123456", team_id=blue.id)
    assert (renamed.id, renamed.name, renamed.leader_id) == (blue.id, "Azure", None)
    with pytest.raises(InvalidSettingError, match="has this name"):
        people.save_team(console, "Amber", team_id=blue.id)
    with pytest.raises(InvalidSettingError, match="#rrggbb"):
        people.save_team(console, "Red", colour="red")
    with pytest.raises(InvalidSettingError, match="needs a name"):
        people.save_team(console, "")
    with pytest.raises(InvalidSettingError, match="supervisor or team leader"):
        people.save_team(console, "Grey", leader_id=viewer.id)
    assert len(people.list_teams(console)) == 2


def test_agents_by_hand(console):
    team = people.save_team(console, "Blue")
    zhang = people.save_agent(console, " 1001 ", "张伟", team_id=team.id, skills=("普通话", " English ", ""),
                              acd_login=" SIP/1001 ", fixed_seat="A-01")
    assert (zhang.employee_no, zhang.name, zhang.team_id, zhang.team_name) == ("1001", "张伟", team.id, "Blue")
    assert zhang.skills == ("普通话", "English") and zhang.acd_login == "SIP/1001" and zhang.fixed_seat == "A-01"
    anna = people.save_agent(console, "1002", "Anna", acd_login="  ")
    assert anna.acd_login is None and anna.team_name is None and anna.active
    old = people.save_agent(console, "0999", "Aaron Old", active=False)
    assert [a.name for a in people.list_agents(console)] == ["Aaron Old", "Anna", "张伟"]
    assert [a.name for a in people.list_agents(console, active_only=True)] == ["Anna", "张伟"]
    moved = people.save_agent(console, "1001", "张伟", team_id=None, skills=(), agent_id=zhang.id)
    assert moved.id == zhang.id and moved.team_id is None and moved.skills == ()
    assert people.save_agent(console, "0999", "Aaron Old", active=True, agent_id=old.id).active
    with pytest.raises(InvalidSettingError, match="already the employee number of Anna"):
        people.save_agent(console, "1002", "Someone")
    with pytest.raises(InvalidSettingError, match="already the employee number"):
        people.save_agent(console, "1002", "张伟", agent_id=zhang.id)
    with pytest.raises(InvalidSettingError, match="employee number"):
        people.save_agent(console, " ", "Nobody")
    with pytest.raises(InvalidSettingError, match="needs a name"):
        people.save_agent(console, "2000", "")
    with console.db.transaction() as tx:
        other = site_store.add_site(tx, "Other floor", "UTC")
    elsewhere = people.save_team(console, "Blue", site_id=other.id)  # the same name in another site
    with pytest.raises(InvalidSettingError, match="no such team in the site"):
        people.save_agent(console, "2000", "Cross", team_id=elsewhere.id)
    # Employee numbers are unique per site only.
    assert people.save_agent(console, "1001", "Other Zhang", site_id=other.id).site_id == other.id
    assert len(people.list_agents(console)) == 3


AGENTS_CSV = """工号,姓名,班组,技能,ACD工号,固定座位,在职
1001,张伟,一组,普通话;English,SIP/1001,A-01,是
1002,李娜,二组,普通话,SIP/1002,,是
,无工号,一组,,,,
1003,王芳,一组,、,SIP/1003,A-03,否
1002,李娜重复,二组,,,,
1004,Bad Active,一组,,,,maybe
"""


def test_import_agents_adds_updates_and_creates_teams(console, tmp_path):
    people.save_team(console, "一组", colour="#ff0000")
    kept = people.save_agent(console, "1002", "Li Na", acd_login="old-login", fixed_seat="B-02", skills=("粤语",))
    path = tmp_path / "agents.csv"
    path.write_text(AGENTS_CSV, encoding="utf-8")
    result = people.import_agents(console, path)
    assert (result.path, result.added, result.updated, result.teams_created) == (str(path), 2, 1, 1)
    assert [(p.line, p.code) for p in result.problems] == [
        (4, "missing_employee_no"), (6, "duplicate_employee_no"), (7, "bad_active"),
    ]
    agents = {a.employee_no: a for a in people.list_agents(console)}
    assert set(agents) == {"1001", "1002", "1003"}
    zhang = agents["1001"]
    assert (zhang.name, zhang.team_name, zhang.skills, zhang.acd_login, zhang.fixed_seat, zhang.active) == (
        "张伟", "一组", ("普通话", "English"), "SIP/1001", "A-01", True,
    )
    li = agents["1002"]
    # Updated in place: the file's values, and what its empty seat cell leaves as it was.
    assert (li.id, li.name, li.team_name, li.skills, li.acd_login, li.fixed_seat) == (
        kept.id, "李娜", "二组", ("普通话",), "SIP/1002", "B-02",
    )
    assert agents["1003"].active is False and agents["1003"].skills == ()
    assert {t.name: t.colour for t in people.list_teams(console)} == {"一组": "#ff0000", "二组": "#4c78a8"}
    # The same file again changes nothing.
    again = people.import_agents(console, path)
    assert (again.added, again.updated, again.teams_created) == (0, 0, 0)


def test_an_unusable_agents_file_stores_nothing(console, tmp_path):
    path = tmp_path / "agents.csv"
    path.write_text("名字,班组\n张伟,一组\n", encoding="utf-8")  # no employee number column
    with pytest.raises(InputFileError):
        people.import_agents(console, path)
    assert people.list_agents(console) == () and people.list_teams(console) == ()


def test_supervisors_pins_are_hashed_verified_and_changed(console):
    wang = people.add_supervisor(console, " 王丽 ", Role.SUPERVISOR, "2468")
    people.add_supervisor(console, "Ann", "team_leader", "13579")
    assert (wang.name, wang.role, wang.active) == ("王丽", Role.SUPERVISOR, True)
    assert [(s.name, s.role) for s in people.list_supervisors(console)] == [
        ("Ann", Role.TEAM_LEADER), ("王丽", Role.SUPERVISOR),
    ]
    with console.db.transaction() as tx:
        stored = tx.scalar(select(SupervisorRow.pin_hash).where(SupervisorRow.id == wang.id))
    assert stored.startswith("scrypt$") and "2468" not in stored
    assert people.verify_supervisor(console, wang.id, "2468") == wang
    with pytest.raises(WrongPinError) as wrong:
        people.verify_supervisor(console, wang.id, "1111")
    assert wrong.value.code == "wrong_pin" and wrong.value.fields == {"supervisor": "王丽"}
    with pytest.raises(WrongPinError):
        people.set_pin(console, wang.id, "1111", "97531")
    with pytest.raises(InvalidSettingError, match="digits"):
        people.set_pin(console, wang.id, "2468", "12ab")
    people.set_pin(console, wang.id, "2468", "97531")
    assert people.verify_supervisor(console, wang.id, "97531") == wang
    with pytest.raises(WrongPinError):
        people.verify_supervisor(console, wang.id, "2468")
    with pytest.raises(InvalidSettingError, match="exists"):
        people.add_supervisor(console, "王丽", Role.VIEWER, "0000")
    with pytest.raises(InvalidSettingError, match="digits"):
        people.add_supervisor(console, "Short", Role.VIEWER, "12")
    with pytest.raises(InvalidSettingError, match="no such supervisor"):
        people.verify_supervisor(console, wang.id + 100, "2468")
    assert len(people.list_supervisors(console)) == 2
