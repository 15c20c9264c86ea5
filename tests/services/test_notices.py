"""Business notices: versions, acknowledgements with a PIN, expiry and search, on SQLite and PostgreSQL."""

from datetime import datetime, timedelta, timezone

import pytest

from app.domain.errors import InvalidSettingError, WrongPinError
from app.domain.notices import AckState, Priority
from app.domain.people import Role
from app.services import notices, people
from app.storage import sites as site_store

T0 = datetime(2026, 12, 1, 0, 0, tzinfo=timezone.utc)
H = timedelta(hours=1)
DAYS = timedelta(days=1)


def save(console, title, start=T0, end=None, priority=Priority.NORMAL, text="", kb_path="", notice_id=None,
         by="王丽", now=T0, **kw):
    return notices.save_notice(console, title, text, priority, start, end, kw.get("explain", False), kb_path, by,
                               now, notice_id=notice_id, site_id=kw.get("site_id"))


def test_an_edit_is_a_new_version_and_every_version_is_kept(console):
    first = save(console, " 退款政策调整 ", text="新规则", priority=Priority.HIGH, end=T0 + 7 * DAYS,
                 kb_path="KB/退款/2026", explain=True)
    assert (first.title, first.version, first.updated_by, first.updated_at) == ("退款政策调整", 1, "王丽", T0)
    assert (first.explain_at_meeting, first.kb_path, first.effective_to) == (True, "KB/退款/2026", T0 + 7 * DAYS)
    unchanged = save(console, "退款政策调整", text="新规则", priority=Priority.HIGH, end=T0 + 7 * DAYS,
                     kb_path="KB/退款/2026", explain=True, notice_id=first.id, by="Ann", now=T0 + H)
    assert unchanged == first  # nothing changed: no new version
    second = save(console, "退款政策调整", text="新规则（修订）", priority=Priority.URGENT, end=T0 + 7 * DAYS,
                  kb_path="KB/退款/2026", explain=True, notice_id=first.id, by="Ann", now=T0 + 2 * H)
    assert (second.id, second.version, second.updated_by, second.updated_at) == (first.id, 2, "Ann", T0 + 2 * H)
    history = notices.notice_history(console, first.id)
    assert [(n.version, n.text, n.priority, n.updated_by) for n in history] == [
        (1, "新规则", Priority.HIGH, "王丽"), (2, "新规则（修订）", Priority.URGENT, "Ann"),
    ]
    assert history[1] == second


def test_notice_errors(console):
    with pytest.raises(InvalidSettingError, match="needs a title"):
        save(console, "  ")
    with pytest.raises(InvalidSettingError, match="after the start"):
        save(console, "Backwards", start=T0, end=T0)
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        save(console, "Naive", start=datetime(2026, 12, 1, 8))
    with pytest.raises(InvalidSettingError, match="no such notice"):
        save(console, "Ghost", notice_id=999)
    assert notices.list_notices(console, T0, include_expired=True) == ()


def test_expired_notices_leave_the_list_but_stay_searchable(console):
    save(console, "Old promotion", start=T0 - 10 * DAYS, end=T0 - DAYS, text="Double points")
    urgent = save(console, "System outage drill", start=T0 - DAYS, priority=Priority.URGENT)
    normal = save(console, "New greeting script", start=T0 - 2 * DAYS, kb_path="Scripts/Greeting")
    future = save(console, "Holiday hours", start=T0 + 3 * DAYS, text="春节 opening hours")
    assert [n.title for n in notices.list_notices(console, T0)] == [urgent.title, future.title, normal.title]
    assert len(notices.list_notices(console, T0, include_expired=True)) == 4
    assert [n.title for n in notices.list_notices(console, T0, search="double POINTS")] == ["Old promotion"]
    assert [n.title for n in notices.list_notices(console, T0, search="春节")] == ["Holiday hours"]
    assert [n.title for n in notices.list_notices(console, T0, search="scripts/greet")] == ["New greeting script"]
    assert [n.title for n in notices.list_notices(console, T0, search="  ")] == [urgent.title, future.title, normal.title]
    # Another site's notices are its own.
    with console.db.transaction() as tx:
        other = site_store.add_site(tx, "Other floor", "UTC")
    save(console, "Other floor only", site_id=other.id)
    assert [n.title for n in notices.list_notices(console, T0, site_id=other.id)] == ["Other floor only"]
    assert len(notices.list_notices(console, T0)) == 3


def test_acknowledgements_need_the_pin_and_a_new_version_needs_a_new_one(console):
    wang = people.add_supervisor(console, "王丽", Role.SUPERVISOR, "2468")
    ann = people.add_supervisor(console, "Ann", Role.TEAM_LEADER, "1357")
    notice = save(console, "Refund policy")
    assert notice.ack_state(wang.id) is AckState.NEEDED
    with pytest.raises(WrongPinError):
        notices.acknowledge(console, notice.id, wang.id, "0000", T0 + H)
    assert notices.list_notices(console, T0 + H)[0].acks == ()
    acked = notices.acknowledge(console, notice.id, wang.id, "2468", T0 + H)
    assert acked.ack_state(wang.id) is AckState.DONE and acked.ack_state(ann.id) is AckState.NEEDED
    assert [(a.supervisor_name, a.version, a.at) for a in acked.acks] == [("王丽", 1, T0 + H)]
    # Acknowledging the same version twice records it once.
    assert notices.acknowledge(console, notice.id, wang.id, "2468", T0 + 2 * H).acks == acked.acks
    edited = save(console, "Refund policy", text="now with a form", notice_id=notice.id, now=T0 + 3 * H)
    assert edited.version == 2 and edited.ack_state(wang.id) is AckState.OUTDATED
    assert edited.current_acks() == ()
    again = notices.acknowledge(console, notice.id, wang.id, "2468", T0 + 4 * H)
    both = notices.acknowledge(console, notice.id, ann.id, "1357", T0 + 5 * H)
    assert again.ack_state(wang.id) is AckState.DONE
    assert [(a.supervisor_name, a.version) for a in both.current_acks()] == [("王丽", 2), ("Ann", 2)]
    history = notices.notice_history(console, notice.id)
    assert [[a.supervisor_name for a in n.acks] for n in history] == [["王丽"], ["王丽", "Ann"]]
