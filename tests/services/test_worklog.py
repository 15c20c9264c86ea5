"""The on-site work log on SQLite and PostgreSQL: revisions, withdrawal, carry-forward, acknowledgement, search."""

from datetime import timedelta

import pytest

from app.domain.errors import InvalidEntryError, InvalidSettingError, StaleEntryError
from app.domain.notices import Priority
from app.domain.worklog import Category, Draft, ItemStatus, LogCounts, LogFilter, RevisionKind
from app.services import shifts, worklog
from tests.services.shift_world import DAY, at, build

FOLLOW_UP, OTHER, INCIDENT = Category.FOLLOW_UP, Category.OTHER, Category.INCIDENT
OPEN, IN_PROGRESS, DONE, CANCELLED = ItemStatus.OPEN, ItemStatus.IN_PROGRESS, ItemStatus.DONE, ItemStatus.CANCELLED
NEXT = DAY + timedelta(days=1)


def three_shifts(console):
    """The morning, evening and night shifts of DAY (their instances)."""
    w = build(console)
    return w, [shifts.ensure_instance(console, DAY, d.id) for d in (w.morning, w.evening, w.night)]


def follow_up(console, instance, now, text="客户投诉退款未到账，承诺回电", **kw):
    values = dict(customer_ref="13800138000", customer_name="李先生", promise="15:00前回电", owner="Ann",
                  due=at(console, DAY, 15))
    values.update(kw)
    return worklog.add_entry(console, instance.id, Draft(FOLLOW_UP, text, **values), "王丽", now)


def test_an_entry_is_written_with_its_creation_revision(console):
    _w, (morning, _e, _n) = three_shifts(console)
    t = at(console, DAY, 9, 12)
    entry = follow_up(console, morning, t, tags=(" #VIP", "vip", "退款"), event_at=at(console, DAY, 8, 50))
    assert (entry.instance_id, entry.author, entry.written_at, entry.event_at) == (
        morning.id, "王丽", t, at(console, DAY, 8, 50))
    assert (entry.status, entry.revision, entry.tags, entry.withdrawn) == (OPEN, 1, ("VIP", "退款"), None)
    (created,) = worklog.history(console, entry.id)
    assert (created.revision, created.kind, created.by, created.at) == (1, RevisionKind.CREATED, "王丽", t)
    assert ("due", None, at(console, DAY, 15)) in created.changes and ("status", None, OPEN) in created.changes
    note = worklog.add_entry(console, morning.id, Draft(OTHER, " 空调维修 "), "王丽", t)
    assert (note.status, note.text, note.event_at, note.is_item) == (None, "空调维修", t, False)


def test_what_an_entry_needs_is_checked(console):
    _w, (morning, _e, _n) = three_shifts(console)
    t = at(console, DAY, 9)
    with pytest.raises(InvalidEntryError) as caught:
        worklog.add_entry(console, morning.id, Draft(FOLLOW_UP, "回电"), "王丽", t)
    assert {f for f, _c in caught.value.problems} == {"customer_ref", "promise", "owner", "due"}
    with pytest.raises(InvalidEntryError, match="by: required"):
        worklog.add_entry(console, morning.id, Draft(OTHER, "x"), "  ", t)
    with pytest.raises(InvalidSettingError, match="timezone-aware"):
        worklog.add_entry(console, morning.id, Draft(OTHER, "x"), "王丽", t.replace(tzinfo=None))
    with pytest.raises(InvalidSettingError, match="no such shift"):
        worklog.add_entry(console, 9999, Draft(OTHER, "x"), "王丽", t)


def test_edits_are_revisions_with_before_and_after_and_a_stale_edit_is_refused(console):
    _w, (morning, _e, _n) = three_shifts(console)
    entry = follow_up(console, morning, at(console, DAY, 9))
    second = worklog.edit_entry(console, entry.id, {"promise": "16:00前回电", "due": at(console, DAY, 16)}, "Ann",
                                at(console, DAY, 10), expected_revision=1)
    assert (second.revision, second.promise, second.due) == (2, "16:00前回电", at(console, DAY, 16))
    same = worklog.edit_entry(console, entry.id, {"promise": " 16:00前回电 "}, "Ann", at(console, DAY, 10), 2)
    assert same.revision == 2
    with pytest.raises(StaleEntryError) as caught:
        worklog.edit_entry(console, entry.id, {"owner": "Bob"}, "Bob", at(console, DAY, 11), expected_revision=1)
    stale = caught.value
    assert (stale.expected_revision, stale.current, stale.changes) == (1, second, {"owner": "Bob"})
    assert stale.base.revision == 1 and stale.base.promise == "15:00前回电" and stale.base.due == entry.due
    assert worklog.get_entry(console, entry.id) == second  # nothing stored
    with pytest.raises(InvalidSettingError, match="not a field"):
        worklog.edit_entry(console, entry.id, {"author": "Eve"}, "Eve", at(console, DAY, 11), 2)
    with pytest.raises(InvalidEntryError, match="owner: required"):
        worklog.edit_entry(console, entry.id, {"owner": " "}, "Eve", at(console, DAY, 11), 2)
    revs = worklog.history(console, entry.id)
    assert [r.revision for r in revs] == [1, 2]
    assert revs[1].changes == (("promise", "15:00前回电", "16:00前回电"),
                               ("due", at(console, DAY, 15), at(console, DAY, 16)))
    assert (revs[1].by, revs[1].at, revs[1].kind) == ("Ann", at(console, DAY, 10), RevisionKind.EDITED)


def test_closing_needs_a_remark_and_is_a_status_revision(console):
    _w, (morning, _e, _n) = three_shifts(console)
    entry = follow_up(console, morning, at(console, DAY, 9))
    with pytest.raises(InvalidEntryError, match="remark_required"):
        worklog.set_status(console, entry.id, DONE, " ", "Ann", at(console, DAY, 12), 1)
    working = worklog.set_status(console, entry.id, IN_PROGRESS, "", "Ann", at(console, DAY, 11), 1)
    done = worklog.set_status(console, entry.id, DONE, "已回电，客户满意", "Ann", at(console, DAY, 12), 2)
    assert (working.status, done.status, done.closing_remark, done.revision, done.open) == (
        IN_PROGRESS, DONE, "已回电，客户满意", 3, False)
    last = worklog.history(console, entry.id)[-1]
    assert last.kind is RevisionKind.STATUS
    assert last.changes == (("status", IN_PROGRESS, DONE), ("closing_remark", "", "已回电，客户满意"))


def test_a_withdrawn_entry_stays_readable_and_leaves_the_open_items(console):
    _w, (morning, evening, _n) = three_shifts(console)
    entry = follow_up(console, morning, at(console, DAY, 9))
    with pytest.raises(InvalidEntryError, match="reason"):
        worklog.withdraw(console, entry.id, " ", "王丽", at(console, DAY, 9, 5))
    gone = worklog.withdraw(console, entry.id, "写错了客户", "王丽", at(console, DAY, 9, 5))
    assert (gone.withdrawn.reason, gone.withdrawn.by, gone.withdrawn.at, gone.revision) == (
        "写错了客户", "王丽", at(console, DAY, 9, 5), 2)
    assert gone.text == entry.text and gone.status is OPEN and not gone.open
    assert worklog.shift_log(console, morning.id, at(console, DAY, 10)).entries == (gone,)
    assert worklog.shift_log(console, evening.id, at(console, DAY, 16)).carried == ()
    assert worklog.history(console, entry.id)[-1].kind is RevisionKind.WITHDRAWN
    with pytest.raises(InvalidSettingError, match="withdrawn"):
        worklog.edit_entry(console, entry.id, {"text": "x"}, "王丽", at(console, DAY, 9, 6), 2)
    with pytest.raises(InvalidSettingError, match="withdrawn already"):
        worklog.withdraw(console, entry.id, "again", "王丽", at(console, DAY, 9, 6))
    assert worklog.search(console, LogFilter(text="退款"), at(console, DAY, 10)) == ()
    assert worklog.search(console, LogFilter(text="退款", include_withdrawn=True), at(console, DAY, 10)) == (gone,)


def test_open_items_carry_forward_over_three_shifts_until_done(console):
    _w, (morning, evening, night) = three_shifts(console)
    item = follow_up(console, morning, at(console, DAY, 9), due=at(console, DAY, 20))
    worklog.add_entry(console, morning.id, Draft(OTHER, "早会已开"), "王丽", at(console, DAY, 7, 5))
    first = worklog.shift_log(console, morning.id, at(console, DAY, 10))
    assert [e.text for e in first.entries] == ["早会已开", item.text] and first.carried == ()
    assert first.counts == LogCounts(open=1, overdue=0, unacknowledged=0, due_within_shift=0)
    assert (first.start, first.end) == (at(console, DAY, 7), at(console, DAY, 15, 30))

    second = worklog.shift_log(console, evening.id, at(console, DAY, 16))
    (carried,) = second.carried
    assert (carried.entry, carried.age, carried.acknowledged_by_this_shift) == (item, timedelta(hours=7), False)
    assert (carried.overdue, carried.due_within_shift) == (False, True)
    assert second.entries == () and second.counts == LogCounts(1, 0, 1, 1)

    third = worklog.shift_log(console, night.id, at(console, DAY, 23, 30))
    (carried,) = third.carried
    assert carried.overdue and not carried.due_within_shift and carried.age == timedelta(hours=14, minutes=30)
    assert third.counts == LogCounts(open=1, overdue=1, unacknowledged=1, due_within_shift=0)

    worklog.set_status(console, item.id, DONE, "已回电", "Night lead", at(console, DAY, 23, 45), 1)
    assert worklog.shift_log(console, night.id, at(console, DAY, 23, 50)).carried == ()
    # An item written in a later shift is not carried back into an earlier shift's log.
    later = follow_up(console, night, at(console, DAY, 23, 50), due=at(console, NEXT, 9))
    assert worklog.shift_log(console, evening.id, at(console, DAY, 23, 55)).carried == ()
    assert worklog.shift_log(console, morning.id, at(console, DAY, 23, 55)).entries[-1].id == item.id
    tomorrow = shifts.ensure_instance(console, NEXT, _w.morning.id)
    assert [c.entry.id for c in worklog.shift_log(console, tomorrow.id, at(console, NEXT, 8)).carried] == [later.id]


def test_each_shift_acknowledges_each_carried_item_and_the_owner_may_change(console):
    _w, (morning, evening, night) = three_shifts(console)
    a = follow_up(console, morning, at(console, DAY, 9), due=at(console, DAY, 22))
    b = worklog.add_entry(console, morning.id, Draft(INCIDENT, "3号线路故障", status=OPEN, priority=Priority.URGENT),
                          "王丽", at(console, DAY, 10))
    log = worklog.shift_log(console, evening.id, at(console, DAY, 15, 10))
    assert [c.entry.id for c in log.carried] == [b.id, a.id]  # the urgent one first
    assert log.counts.unacknowledged == 2
    with pytest.raises(InvalidSettingError, match="written in this shift"):
        worklog.acknowledge(console, a.id, morning.id, "王丽", at(console, DAY, 15, 10))

    acked = worklog.acknowledge(console, a.id, evening.id, "Li Ming", at(console, DAY, 15, 12))
    assert acked.revision == 1 and [(k.instance_id, k.by, k.owner) for k in acked.acks] == [
        (evening.id, "Li Ming", "Ann")]
    assert worklog.acknowledge(console, a.id, evening.id, "Li Ming", at(console, DAY, 15, 13)) == acked
    log = worklog.shift_log(console, evening.id, at(console, DAY, 15, 15))
    assert [c.acknowledged_by_this_shift for c in log.carried] == [False, True]
    assert log.counts.unacknowledged == 1

    moved = worklog.acknowledge(console, b.id, evening.id, "Li Ming", at(console, DAY, 15, 20), new_owner=" IT部 ")
    assert (moved.owner, moved.revision, moved.acks[-1].owner) == ("IT部", 2, "IT部")
    handover = worklog.history(console, b.id)[-1]
    assert (handover.kind, handover.changes, handover.by) == (RevisionKind.HANDOVER, (("owner", "", "IT部"),),
                                                              "Li Ming")
    assert worklog.shift_log(console, evening.id, at(console, DAY, 15, 25)).counts.unacknowledged == 0
    # The next shift acknowledges again: an acknowledgement counts for its own shift only.
    night_log = worklog.shift_log(console, night.id, at(console, DAY, 23, 5))
    assert night_log.counts.unacknowledged == 2 and not any(c.acknowledged_by_this_shift for c in night_log.carried)
    done = worklog.set_status(console, a.id, DONE, "ok", "Ann", at(console, DAY, 23, 6), 1)
    with pytest.raises(InvalidSettingError, match="not an open item"):
        worklog.acknowledge(console, done.id, night.id, "Night", at(console, DAY, 23, 7))


def test_search_in_chinese_and_english_case_insensitive_with_filters(console):
    _w, (morning, evening, _n) = three_shifts(console)
    refund = follow_up(console, morning, at(console, DAY, 9), text="Customer asks about REFUND 退款进度",
                       tags=("VIP",))
    outage = worklog.add_entry(console, evening.id, Draft(INCIDENT, "IVR 故障 – Straße gesperrt", status=OPEN,
                                                          owner="IT部"), "Li Ming", at(console, DAY, 16))
    note = worklog.add_entry(console, evening.id, Draft(OTHER, "refund policy explained at meeting 50%_off"),
                             "Li Ming", at(console, DAY, 17))
    now = at(console, DAY, 18)

    def ids(**kw):
        return [e.id for e in worklog.search(console, LogFilter(**kw), now)]

    assert ids(text="refund") == [note.id, refund.id]  # newest event first
    assert ids(text="Refund 退款") == [refund.id]
    assert ids(text="退款") == [refund.id] and ids(text="故障") == [outage.id]
    assert ids(text="STRASSE") == [outage.id]  # casefolded: ß = ss
    assert ids(text="50%_") == [note.id] and ids(text="0%o") == []  # wildcards are plain characters
    assert ids(text="李先生") == [refund.id] and ids(text="13800138000") == [refund.id]
    assert ids(tag="#vip") == [refund.id] and ids(tag="vi") == []
    assert ids(owner="it部") == [outage.id] and ids(author="li ming") == [note.id, outage.id]
    assert ids(categories=(INCIDENT, FOLLOW_UP)) == [outage.id, refund.id]
    assert ids(statuses=(OPEN,)) == [outage.id, refund.id]
    assert ids(statuses=(OPEN,), notes=True) == [note.id, outage.id, refund.id]
    assert ids(notes=True) == [note.id]  # notes alone: only the entries without a status
    assert ids(instance_id=morning.id) == [refund.id]
    assert ids(first=DAY, last=DAY) == [note.id, outage.id, refund.id] and ids(first=NEXT) == []
    assert len(worklog.search(console, LogFilter(), now, limit=2)) == 2


def test_saved_filters_and_templates(console):
    _w, (morning, _e, _n) = three_shifts(console)
    f = LogFilter(categories=(FOLLOW_UP,), statuses=(OPEN, IN_PROGRESS), text="退款", first=DAY)
    saved = worklog.save_filter(console, " 未结退款 ", f)
    assert (saved.name, saved.filter) == ("未结退款", f)
    again = worklog.save_filter(console, "未结退款", LogFilter(text="refund"))
    other = worklog.save_filter(console, "Open items", LogFilter(statuses=(OPEN,)))
    assert again.id == saved.id
    assert [(s.name, s.filter) for s in worklog.list_filters(console)] == [
        ("Open items", other.filter), ("未结退款", LogFilter(text="refund"))]
    assert worklog.delete_filter(console, other.id) and not worklog.delete_filter(console, other.id)
    assert [s.name for s in worklog.list_filters(console)] == ["未结退款"]
    with pytest.raises(InvalidSettingError, match="name"):
        worklog.save_filter(console, " ", f)

    template = worklog.save_template(console, "系统登录问题", Category.SYSTEM_PROBLEM, "坐席无法登录 CTI", ("#CTI",))
    assert (template.category, template.text, template.tags) == (Category.SYSTEM_PROBLEM, "坐席无法登录 CTI", ("CTI",))
    assert worklog.list_templates(console) == (template,)
    entry = worklog.add_entry(console, morning.id, template.draft(), "王丽", at(console, DAY, 9))
    assert (entry.category, entry.tags, entry.status) == (Category.SYSTEM_PROBLEM, ("CTI",), None)
    assert worklog.delete_template(console, template.id) and worklog.list_templates(console) == ()
