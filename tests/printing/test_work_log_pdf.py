"""A shift's work log printed to PDF: header on every page, counts, carried items with age and acknowledgement,
entries with their follow-up fields, withdrawn entries struck through, escaping, long logs, the export's words."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.domain.notices import Priority
from app.domain.shifts import ShiftDefinition, ShiftInstance, ShiftStatus
from app.domain.worklog import (
    Category,
    Entry,
    EntryAck,
    ItemStatus,
    LogCounts,
    ShiftLog,
    Withdrawal,
    carried_item,
    carried_order,
    counts,
)
from app.printing.work_log import age_text, build_log_html, log_words, print_log_pdf
from tests.printing.conftest import page_texts

TZ_NAME = "Asia/Shanghai"
TZ = ZoneInfo(TZ_NAME)
DAY = date(2026, 11, 27)
SITE = "上海浦东呼叫中心"
PRINTED = datetime(2026, 11, 27, 3, 20, tzinfo=timezone.utc)  # 11:20 in Shanghai
NOW = datetime(2026, 11, 27, 11, 15, tzinfo=TZ)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


def entry(id_: int, instance_id: int, event_at: datetime, category: Category, text: str, **kw) -> Entry:
    values = dict(author="陈主管", priority=Priority.NORMAL)
    values.update(kw)
    return Entry(id_, 1, instance_id, event_at, values.pop("written_at", event_at + timedelta(minutes=3)),
                 category=category, text=text, **values)


def make_log(extra: int = 0, supervisor: str | None = "陈主管") -> ShiftLog:
    """The morning shift (instance 7) of DAY at NOW: three items carried from earlier shifts, six entries."""
    definition = ShiftDefinition(1, 1, "早班", time(7, 0), time(15, 30))
    instance = ShiftInstance(7, 1, definition, DAY, ShiftStatus.OPEN, 3 if supervisor else None, supervisor)
    start, end = definition.window(DAY, TZ)
    yesterday = DAY - timedelta(days=1)
    earlier = [
        entry(1, 5, at(8, 10, yesterday), Category.FOLLOW_UP, "客户反映提前还款手续费多扣 150 元",
              status=ItemStatus.OPEN, customer_ref="138****5521", customer_name="王先生", ticket="GD-0178",
              promise="10:30 前回电告知结果", due=at(10, 30), owner="贷款业务组", priority=Priority.HIGH,
              tags=("贷款",), revision=3,
              acks=(EntryAck(1, 6, "刘主管", at(23, 7, yesterday), "贷款业务组"),)),
        entry(2, 6, at(4, 6), Category.FOLLOW_UP, "Card blocked by the fraud team; customer wants it unblocked",
              status=ItemStatus.OPEN, customer_ref="6225 **** 3390", customer_name="Mr Zhou", promise="call back",
              due=at(13, 25), owner="孙磊", priority=Priority.URGENT,
              acks=(EntryAck(2, 7, "陈主管", at(7, 5), "孙磊"),)),
        entry(3, 5, at(18, 24, yesterday), Category.SYSTEM_PROBLEM, "CRM 查询很慢", status=ItemStatus.IN_PROGRESS,
              owner="IT 服务台", acks=(EntryAck(3, 7, "陈主管", at(7, 6), "IT 服务台"),)),
    ]
    own = [
        entry(10, 7, at(7, 12), Category.BUSINESS_NOTICE, "年费减免新规自 12 月 1 日起执行", tags=("年费",)),
        entry(11, 7, at(7, 38), Category.STAFFING, "两名坐席 10:00–12:00 调到信用卡队列"),
        entry(12, 7, at(7, 40), Category.STAFFING, "两名坐席 10:00–12:00 调到信用卡队列", revision=2,
              withdrawn=Withdrawal("重复记录", "陈主管", at(7, 45))),
        entry(13, 7, at(8, 5), Category.INCIDENT, "坐席无法登录 ACD <分机未注册> & 08:20 恢复",
              priority=Priority.URGENT),
        entry(14, 7, at(9, 7), Category.FOLLOW_UP, "Customer disagrees with the new fee rules",
              status=ItemStatus.DONE, closing_remark="已回电解释，客户认可", customer_ref="6222 **** 1208",
              customer_name="孙女士", promise="主管回电", due=at(11, 0), owner="陈主管", author="孙磊"),
        entry(15, 7, at(9, 45), Category.WORK_ITEM, "抽听 20 通录音", status=ItemStatus.IN_PROGRESS, owner="孙磊",
              due=at(15, 0)),
    ]
    for n in range(extra):  # a long log: notes of several lines
        own.append(entry(100 + n, 7, at(10, 0) + timedelta(minutes=n), Category.OTHER,
                         f"第 {n} 条记录：" + "空调温度偏高，已报物业，物业答复明早检修。" * 4 + f"END{n}"))
    carried = sorted((carried_item(e, instance.id, start, end, NOW) for e in earlier), key=carried_order)
    return ShiftLog(instance, start, end, NOW, tuple(own), tuple(carried), counts(own, carried, start, end, NOW))


@pytest.fixture(scope="module")
def printed(qapp, font_family, tmp_path_factory):
    log = make_log()
    path = tmp_path_factory.mktemp("log") / "log.pdf"
    pages = print_log_pdf(log, path, font_family, TZ_NAME, SITE, PRINTED)
    return log, pages, page_texts(path)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def test_the_log_shows_its_shift_counts_carried_items_and_entries(printed):
    log, pages, texts = printed
    assert pages == len(texts) >= 1
    whole = " ".join(texts)
    assert log.counts == LogCounts(open=4, overdue=1, unacknowledged=1, due_within_shift=2)
    assert SITE in texts[0] and "早班 · 2026-11-27 · 07:00–15:30 · 陈主管" in texts[0]
    assert "Printed 2026-11-27 11:20" in texts[0] and "Page 1 / " in texts[0]
    assert "On-site work log" in texts[0] and "Supervisor on duty: 陈主管" in texts[0]
    for words in ("Open items: 4", "Overdue: 1", "Not acknowledged: 1", "Due within this shift: 2",
                  "Carried from earlier shifts (3)", "Written in this shift (6)"):
        assert words in whole, words
    # carried: the overdue one first, its age, customer, promise, due marked, owner, a box to tick
    assert nfkc("1 d 3 h customer follow-up high 客户反映提前还款手续费多扣 150 元") in whole
    assert nfkc("Customer: 138****5521 · 王先生") in whole and "Ticket: GD-0178" in whole
    assert nfkc("Promise: 10:30 前回电告知结果") in whole
    assert "▲ 10:30 overdue 贷款业务组 □" in nfkc(whole)
    # taken over in this shift: by whom and when, and the owner from then on
    assert nfkc("√ 陈主管, 07:05 owner: 孙磊") in nfkc(whole)
    assert "● 13:25 due this shift" in whole
    assert nfkc("7 h 9 min customer follow-up urgent") in whole  # 04:06 to 11:15
    # written in this shift: time, category, status, text and fields, author
    squashed = nfkc(whole).replace(" ", "")  # the PDF's text puts a space between Latin and Chinese at times
    assert nfkc("07:12businessnoticenormalnote年费减免新规自12月1日起执行Tags:#年费陈主管") in squashed
    assert nfkc("Closing remark: 已回电解释，客户认可") in nfkc(whole)
    assert "● Due: 15:00 (due this shift)" in whole
    assert nfkc("withdrawn: 重复记录 (陈主管, 07:45)") in nfkc(whole)
    assert "revision 2" in whole


def test_every_page_carries_the_header_and_long_logs_keep_rows_whole(qapp, font_family, tmp_path):
    log = make_log(extra=40)
    pages = print_log_pdf(log, tmp_path / "long.pdf", font_family, TZ_NAME, SITE, PRINTED)
    texts = page_texts(tmp_path / "long.pdf")
    assert pages == len(texts) > 3
    for number, text in enumerate(texts, start=1):
        assert text.startswith(SITE)
        assert "早班 · 2026-11-27 · 07:00–15:30 · 陈主管" in text
        assert "Printed 2026-11-27 11:20" in text
        assert f"Page {number} / {pages}" in text
    for n in range(40):
        on = [i for i, t in enumerate(texts) if f"第 {n} 条记录" in t]
        assert len(on) == 1 and f"END{n}" in texts[on[0]], n  # a row of several lines ends on its page
    assert "Time Category / priority Status Entry Author" in texts[-1]  # the table header repeats


def test_user_text_is_escaped_and_missing_facts_are_worded(qapp):
    html = build_log_html(make_log(supervisor=None), None, TZ_NAME, SITE)
    assert "&lt;分机未注册&gt; &amp; 08:20" in html and "<分机未注册>" not in html
    assert "Supervisor on duty: <b>not set</b>" in html
    assert "<s>" in html  # the withdrawn entry, struck through
    empty = dataclasses.replace(make_log(), entries=(), carried=(), counts=LogCounts())
    html = build_log_html(empty, log_words(), TZ_NAME)
    assert html.count("<p>None.</p>") == 2


def test_an_empty_log_prints_one_page(qapp, font_family, tmp_path):
    empty = dataclasses.replace(make_log(), entries=(), carried=(), counts=LogCounts())
    assert print_log_pdf(empty, tmp_path / "empty.pdf", font_family, TZ_NAME, SITE, PRINTED) == 1
    assert "Page 1 / 1" in page_texts(tmp_path / "empty.pdf")[0]


def test_ages_read_in_days_hours_and_minutes(qapp):
    w = log_words()
    assert age_text(timedelta(days=1, hours=3, minutes=20), w) == "1 d 3 h"
    assert age_text(timedelta(hours=5, minutes=20), w) == "5 h 20 min"
    assert age_text(timedelta(minutes=25, seconds=40), w) == "25 min"
    assert age_text(timedelta(seconds=-5), w) == "0 min"


def test_every_word_the_excel_export_asks_for_is_in_the_log_words(qapp, tmp_path):
    from app.services.worklog_export import export_log_xlsx

    words = log_words()

    class Asked(dict):
        def get(self, key, default=None):
            asked.add(key)
            return super().get(key, default)

        def __getitem__(self, key):
            asked.add(key)
            return super().__getitem__(key)

    asked: set[str] = set()
    log = make_log()
    entries = [c.entry for c in log.carried] + list(log.entries)
    plain = dataclasses.replace(log.entries[0], category=Category.OTHER, priority=Priority.LOW)
    entries += [plain, dataclasses.replace(plain, status=ItemStatus.CANCELLED, closing_remark="x")]
    export_log_xlsx(entries, tmp_path / "log.xlsx", Asked(words), TZ_NAME, "")
    assert asked and asked - set(words) == set()
    for key in ["title", "sheet.log", "withdrawn"] + [f"category.{c.value}" for c in Category] + [
            f"status.{s.value}" for s in ItemStatus] + [f"priority.{p.value}" for p in Priority]:
        assert key in words, key
