"""Work-log rules: what an entry needs, diffs and rebuilding an older version, overdue and due-soon, counts."""

from datetime import date, datetime, timedelta, timezone

from app.domain.notices import Priority
from app.domain.worklog import (
    Category,
    Draft,
    Entry,
    EntryAck,
    ItemStatus,
    LogCounts,
    LogFilter,
    Revision,
    RevisionKind,
    Withdrawal,
    apply,
    as_of,
    carried_item,
    check,
    counts,
    decode,
    diff,
    due_within,
    encode,
    filter_from_json,
    filter_to_json,
    normal_tags,
    overdue,
)

T0 = datetime(2026, 12, 1, 8, tzinfo=timezone.utc)
H = timedelta(hours=1)


def item(**kw) -> Entry:
    values = dict(id=1, site_id=1, instance_id=1, event_at=T0, written_at=T0, author="王丽",
                  category=Category.FOLLOW_UP, priority=Priority.NORMAL, text="回电客户", status=ItemStatus.OPEN,
                  customer_ref="13800000000", promise="15:00前回电", due=T0 + 4 * H, owner="Ann")
    values.update(kw)
    return Entry(**values)


def test_a_follow_up_needs_reference_promise_due_owner_and_a_status():
    assert check(item()) == ()
    bare = Draft(Category.FOLLOW_UP, " ")
    assert check(bare) == (("text", "required"), ("status", "needs_status"), ("customer_ref", "needs_reference"),
                           ("promise", "required"), ("owner", "required"), ("due", "required"))
    assert check(item(customer_ref="", customer_name="李先生")) == ()
    assert check(Draft(Category.OTHER, "note")) == ()


def test_done_and_cancelled_need_a_closing_remark():
    assert check(item(status=ItemStatus.DONE)) == (("closing_remark", "remark_required"),)
    assert check(item(status=ItemStatus.CANCELLED, closing_remark="客户撤回")) == ()
    assert check(Draft(Category.WORK_ITEM, "x", status=ItemStatus.DONE, closing_remark=" ")) == (
        ("closing_remark", "remark_required"),)


def test_diff_apply_and_as_of_rebuild_an_older_version():
    first = item()
    second = apply(first, {"owner": "Bob", "due": T0 + 5 * H})
    assert diff(first, second) == (("due", T0 + 4 * H, T0 + 5 * H), ("owner", "Ann", "Bob"))
    revs = [Revision(1, 2, "Bob", T0 + H, diff(first, second)),
            Revision(1, 3, "Bob", T0 + 2 * H, (), RevisionKind.WITHDRAWN)]
    third = Entry(**{**{f: getattr(second, f) for f in second.__slots__}, "revision": 3,
                     "withdrawn": Withdrawal("typo", "Bob", T0 + 2 * H)})
    assert as_of(third, revs, 1) == first
    assert as_of(third, revs, 2).withdrawn is None and as_of(third, revs, 2).owner == "Bob"


def test_overdue_and_due_within_count_only_open_items():
    entry = item()
    assert not overdue(entry, T0 + 3 * H) and overdue(entry, T0 + 4 * H)
    assert not overdue(item(status=ItemStatus.DONE, closing_remark="ok"), T0 + 9 * H)
    assert not overdue(item(withdrawn=Withdrawal("typo", "x", T0)), T0 + 9 * H)
    assert due_within(entry, T0, T0 + 8 * H) and not due_within(entry, T0 + 5 * H, T0 + 8 * H)
    assert not due_within(item(status=None, category=Category.OTHER), T0, T0 + 8 * H)


def test_counts_of_a_shift():
    acked = item(id=2, acks=(EntryAck(2, 7, "Li", T0, "Ann"),), due=None)
    late = item(id=3, due=T0 - H)
    carried = [carried_item(e, 7, T0, T0 + 8 * H, T0 + H) for e in (acked, late)]
    assert [c.acknowledged_by_this_shift for c in carried] == [True, False]
    assert carried[1].overdue and carried[1].age == H
    own = [item(id=4, instance_id=7), item(id=5, instance_id=7, status=None, category=Category.OTHER)]
    assert counts(own, carried, T0, T0 + 8 * H, T0 + H) == LogCounts(open=3, overdue=1, unacknowledged=1,
                                                                      due_within_shift=1)


def test_tags_values_and_filters_round_trip_through_json():
    assert normal_tags([" #VIP", "vip", "", "退款", "＃退款 "]) == ("VIP", "退款")
    for name, value in (("due", T0), ("status", ItemStatus.DONE), ("tags", ("a", "b")), ("owner", "x"),
                        ("priority", Priority.HIGH), ("category", Category.INCIDENT), ("due", None)):
        assert decode(name, encode(name, value)) == value
    f = LogFilter(instance_id=3, first=date(2026, 12, 1), last=date(2026, 12, 2),
                  categories=(Category.FOLLOW_UP,), statuses=(ItemStatus.OPEN,), notes=False, owner="Ann",
                  tag="VIP", text="退款", include_withdrawn=True)
    assert filter_from_json(filter_to_json(f)) == f
    assert filter_from_json({"text": "x", "unknown": 1}) == LogFilter(text="x")
