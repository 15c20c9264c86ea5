"""The demo database: its own file, today's date, a live queue_log cut at now, both languages."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, text

from app import paths
from app.services.console import Console, machine_zone
from app.services.demo import DEMO_DAY_FILE, build_demo, demo_feed_tick
from app.services.demo_feed import schedule_path
from app.services.live import poll
from app.services.reports import ALL_QUEUES, interval_report

TZ = ZoneInfo(machine_zone())


def _day_calls():
    """(arrival, outcome) seconds after midnight of each queued call of the shipped day, from the raw lines."""
    lines = (paths.resources_dir() / "demo" / DEMO_DAY_FILE).read_text().splitlines()[1:]

    def secs(t):
        h, m, s = (int(x) for x in t.split(":"))
        return h * 3600 + m * 60 + s

    calls = []
    for line in lines:
        f = line.split("\t")
        if not (f[12] == "AGENT" or (f[12] == "HANG" and f[9] != "0:00:00")):
            continue  # PHANTOM, or hung up in the VRU: never in the queue
        arrival = secs(f[9]) if f[9] != "0:00:00" else secs(f[7])
        if arrival < secs(f[6]) - 12 * 3600:
            arrival += 24 * 3600  # queued after midnight
        calls.append((arrival, arrival + int(f[11])))
    return calls


def _expected(until_seconds: int) -> tuple[int, int]:
    """(calls in the queue by then, of which still waiting for their outcome)."""
    arrived = [(a, o) for a, o in _day_calls() if a <= until_seconds]
    return len(arrived), sum(1 for _, o in arrived if o > until_seconds)


def _rows(db_url, sql):
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).all()
    finally:
        engine.dispose()


def test_demo_is_dated_today_cut_at_now_and_kept_apart(_data_dir):
    now = datetime(2026, 11, 27, 11, 15, tzinfo=TZ)
    built = build_demo("en", now=now)
    assert built.db_url == f"sqlite:///{paths.demo_db_path()}"
    assert not (_data_dir / "handover.sqlite3").exists()  # never the user's real database
    assert built.site == "Demo contact centre (floor 1)"
    assert built.today == "2026-11-27"
    calls, waiting = _expected(11 * 3600 + 15 * 60)
    assert (built.summary.calls, built.summary.new, built.summary.waiting) == (calls, calls, waiting)
    assert calls == 507 and waiting == 4
    with Console.open(built.db_url) as console:
        rows = interval_report(console, built.source, date(2026, 11, 27), ALL_QUEUES)
    assert rows[-1].interval_start_local.startswith("2026-11-27T11:00:00")
    assert sum(r.figures.offered + r.figures.waiting for r in rows) == calls
    assert sum(r.figures.waiting for r in rows) == waiting
    busy = [r for r in rows if r.interval_start_local[11:16] == "10:30"][0]
    assert busy.figures.offered == 97 and busy.figures.abandoned == 9  # the real 10:30 of 4 January 1999
    # Agents log in before their calls and pause between them, for reasons a floor uses.
    kinds = dict(_rows(built.db_url, "SELECT kind, COUNT(*) FROM agent_events GROUP BY kind"))
    assert kinds["AGENTLOGIN"] >= 10 and kinds["PAUSE"] > 50
    assert 0 <= kinds["PAUSE"] - kinds["UNPAUSE"] <= kinds["AGENTLOGIN"]  # some agents are on a pause right now
    reasons = {r for (r,) in _rows(built.db_url, "SELECT DISTINCT reason FROM agent_events WHERE kind = 'PAUSE'")}
    assert {"after-call work", "break", "training"} <= reasons  # lunch comes later in the day
    first_login, first_answer = _rows(
        built.db_url,
        "SELECT (SELECT MIN(at) FROM agent_events WHERE agent = 'GILI' AND kind = 'AGENTLOGIN'), "
        "(SELECT MIN(answered_at) FROM calls WHERE agent = 'GILI')",
    )[0]
    assert 300 <= first_answer - first_login <= 600


def test_demo_in_chinese_replaces_the_previous_demo(_data_dir):
    build_demo("en", now=datetime(2026, 11, 27, 9, 0, tzinfo=TZ))
    built = build_demo("zh_CN", now=datetime(2026, 11, 27, 16, 0, tzinfo=TZ))
    assert built.site == "演示呼叫中心（一楼）"
    calls, waiting = _expected(16 * 3600)
    assert built.summary.new == built.summary.calls == calls and built.summary.waiting == waiting
    reasons = {r for (r,) in _rows(built.db_url, "SELECT DISTINCT reason FROM agent_events WHERE kind = 'PAUSE'")}
    assert {"话后处理", "小休", "午餐", "培训"} <= reasons


def test_demo_feed_tick_appends_only_the_lines_that_came_due(_data_dir):
    start = datetime(2026, 11, 27, 11, 15, tzinfo=TZ)
    built = build_demo("en", now=start)
    feed = paths.user_data_dir() / "demo-feed" / "queue_log"
    assert built.feed_path == str(feed)
    schedule = schedule_path(feed).read_bytes()
    before = feed.read_bytes()
    assert schedule.startswith(before) and before.endswith(b"\n")
    assert int(before.splitlines()[-1].split(b"|")[0]) <= start.timestamp()
    assert int(schedule[len(before):].split(b"|")[0]) > start.timestamp()

    later = start + timedelta(minutes=5)
    tick = demo_feed_tick(feed, later)
    after = feed.read_bytes()
    added = after[len(before):].splitlines()
    stamps = [int(line.split(b"|")[0]) for line in added]
    assert tick.appended == len(added) > 0 and tick.offset == len(after)
    assert all(start.timestamp() < t <= later.timestamp() for t in stamps)
    assert schedule.startswith(after)
    assert tick.next_due is not None and tick.next_due.timestamp() == int(schedule[len(after):].split(b"|")[0])
    assert tick.next_due.timestamp() > later.timestamp()
    assert demo_feed_tick(feed, later).appended == 0  # nothing more is due at the same moment
    assert feed.read_bytes() == after

    # The poll picks the new lines up: exactly the calls that joined the queue in those 5 minutes.
    with Console.open(built.db_url) as console:
        result = poll(console, built.source, now=later)
    then = 11 * 3600 + 15 * 60
    joined = sum(1 for a, _ in _day_calls() if then < a <= then + 300)
    assert result.new == joined and result.lines_read == len(added)
    assert result.waiting == _expected(then + 300)[1]

    end = demo_feed_tick(feed, start + timedelta(days=2))
    assert end.next_due is None and feed.read_bytes() == schedule
