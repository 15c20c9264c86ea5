"""The demo database: its own file, today's date, a live queue_log cut at now after four earlier weeks, both
languages; the staffing forecast the earlier weeks give today."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, text

from app import paths
from app.services.console import Console, machine_zone
from app.services.demo import DEMO_DAY_FILE, build_demo, demo_feed_tick
from app.services import staffing
from app.services.demo_feed import JITTER_SECONDS, schedule_path, shipped_calls
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


def _midnight(day: date) -> float:
    return datetime.combine(day, time(0), TZ).timestamp()


def test_demo_is_dated_today_cut_at_now_and_kept_apart(_data_dir):
    now = datetime(2026, 11, 27, 11, 15, tzinfo=TZ)
    built = build_demo("en", now=now)
    today = _midnight(now.date())
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
    # Agents log in before their calls and pause between them today, for reasons a floor uses.
    kinds = dict(_rows(built.db_url, f"SELECT kind, COUNT(*) FROM agent_events WHERE at >= {today} GROUP BY kind"))
    assert kinds["AGENTLOGIN"] >= 10 and kinds["PAUSE"] > 50
    assert 0 <= kinds["PAUSE"] - kinds["UNPAUSE"] <= kinds["AGENTLOGIN"]  # some agents are on a pause right now
    reasons = {r for (r,) in _rows(
        built.db_url, f"SELECT DISTINCT reason FROM agent_events WHERE kind = 'PAUSE' AND at >= {today}")}
    assert reasons == {"after-call work", "break", "training"}  # lunch comes later in the day
    first_login, first_answer = _rows(
        built.db_url,
        f"SELECT (SELECT MIN(at) FROM agent_events WHERE agent = 'GILI' AND kind = 'AGENTLOGIN' AND at >= {today}), "
        f"(SELECT MIN(answered_at) FROM calls WHERE agent = 'GILI' AND answered_at >= {today})",
    )[0]
    assert 300 <= first_answer - first_login <= 600


def test_demo_in_chinese_replaces_the_previous_demo(_data_dir):
    build_demo("en", now=datetime(2026, 11, 27, 9, 0, tzinfo=TZ))
    built = build_demo("zh_CN", now=datetime(2026, 11, 27, 16, 0, tzinfo=TZ))
    assert built.site == "演示呼叫中心（一楼）"
    calls, waiting = _expected(16 * 3600)
    assert built.summary.new == built.summary.calls == calls and built.summary.waiting == waiting
    today = _midnight(date(2026, 11, 27))
    reasons = {r for (r,) in _rows(
        built.db_url, f"SELECT DISTINCT reason FROM agent_events WHERE kind = 'PAUSE' AND at >= {today}")}
    assert reasons == {"话后处理", "小休", "午餐", "培训"}


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


HISTORY = (date(2026, 10, 30), date(2026, 11, 6), date(2026, 11, 13), date(2026, 11, 20))


def _overlaps(spans) -> int:
    """Calls of one agent answered while the agent's earlier call was still going, over (agent, answered, ended)."""
    count, busy = 0, {}
    for agent, answered, ended in sorted(spans, key=lambda s: (s[0], s[1])):
        if agent in busy and answered < busy[agent]:
            count += 1
        busy[agent] = max(busy.get(agent, ended), ended)
    return count


def test_the_demo_feed_holds_the_same_weekday_of_the_four_weeks_before(_data_dir):
    now = datetime(2026, 11, 27, 11, 15, tzinfo=TZ)
    built = build_demo("en", now=now)
    assert built.history_days == HISTORY
    shipped = dict(enumerate(shipped_calls(), start=1))  # call number -> (wall-clock arrival, record)
    assert len(shipped) == len(_day_calls()) == 1756
    shipped_overlaps = _overlaps(
        (c.agent, w.timestamp() + c.wait_seconds, w.timestamp() + c.wait_seconds + (c.handle_seconds or 0))
        for w, c in shipped.values() if c.state.value == "answered" and c.agent)
    kept, pauses = [], []
    for day in HISTORY:
        first, end = _midnight(day), _midnight(day + timedelta(days=1)) + 12 * 3600
        calls = _rows(built.db_url, "SELECT call_key, queue, arrived_at, state, wait_seconds, handle_seconds, agent, "
                                    "answered_at, ended_at FROM calls "
                                    f"WHERE arrived_at >= {first} AND arrived_at < {end}")
        kept.append(len(calls))
        moved = 0
        for key, queue, arrived, state, wait, handle, agent, answered_at, ended_at in calls:
            wall, call = shipped[int(key.split("|")[0].split(".")[1])]  # call id: "<arrival>.<call number>"
            # Each call keeps its queue, outcome, wait, handle time and agent; only its arrival moves, by 2 min at most.
            assert (queue, state, wait, handle, agent) == (call.queue, call.state.value, call.wait_seconds,
                                                            call.handle_seconds, call.agent)
            as_shipped = datetime.combine(day + (wall.date() - date(1999, 1, 4)), wall.time(), TZ).timestamp()
            assert abs(arrived - as_shipped) <= JITTER_SECONDS
            moved += arrived != as_shipped
        assert moved > 0.95 * len(calls)
        # Moving calls puts no agent on two calls at once where the shipped day had not.
        assert _overlaps((a, s, s if e is None else e) for *_, a, s, e in calls if a is not None) <= shipped_overlaps
        # The agents log in, pause (lunch too: the whole day) and log off around that day's own calls.
        kinds = dict(_rows(built.db_url, "SELECT kind, COUNT(*) FROM agent_events "
                                         f"WHERE at >= {first} AND at < {end} GROUP BY kind"))
        assert kinds["AGENTLOGIN"] == kinds["AGENTLOGOFF"] >= 19 and kinds["PAUSE"] == kinds["UNPAUSE"] > 100
        pauses.append(kinds["PAUSE"])
        reasons = {r for (r,) in _rows(built.db_url, "SELECT DISTINCT reason FROM agent_events "
                                                     f"WHERE kind = 'PAUSE' AND at >= {first} AND at < {end}")}
        assert reasons == {"after-call work", "break", "training", "lunch"}
    # A different few per cent of the calls left out each week: the weeks differ from each other and from today.
    assert kept == [1636, 1702, 1631, 1661] and pauses == [217, 207, 222, 217]
    assert (built.history.calls, built.history.new, built.history.waiting) == (6630, 6630, 0)
    assert (built.summary.calls, built.summary.new) == (507, 507)  # the poll after it: today's calls only
    with Console.open(built.db_url) as console:
        days = [interval_report(console, built.source, day, ALL_QUEUES) for day in HISTORY]
        between = [interval_report(console, built.source, now.date() - timedelta(days=back), ALL_QUEUES)
                   for back in range(1, 7)]
    # Each earlier day is covered from its midnight (the ACD's nightly reload) to its last call: all 48 half hours.
    assert [len(rows) for rows in days] == [48] * 4
    assert [sum(r.figures.offered for r in rows) for rows in days] == kept
    # The days in between are unknown (a gap), not days without calls; only the first minutes of the day after
    # the last earlier week are known (its evening's last events came just after midnight).
    assert between[:5] == [()] * 5
    assert [(r.interval_start_local[11:16], r.figures.offered) for r in between[5]] == [("00:00", 0)]


def test_the_demos_service_level_day_has_the_forecast_of_the_four_weeks_before(_data_dir):
    now = datetime(2026, 11, 27, 11, 15, tzinfo=TZ)
    built = build_demo("en", now=now)
    with Console.open(built.db_url) as console:
        day = staffing.staffing_day(console, built.source, now.date(), now)
        weeks = [{r.interval_start_local[11:16]: r.figures.offered
                  for r in interval_report(console, built.source, past, ALL_QUEUES)} for past in HISTORY]
    slots = {s.label: s for s in day.slots}
    assert len(slots) == 48
    for label, slot in slots.items():  # every half hour of today: the mean of the four weeks' offered
        assert slot.forecast_calls == sum(week[label] for week in weeks) / 4
    # The real 10:30 of 4 January 1999 had 97 calls; the four thinned weeks 89.5 on average.
    assert (slots["10:30"].forecast_calls, slots["10:30"].calls, slots["10:30"].future) == (89.5, 97.0, False)
    assert slots["03:00"].forecast_calls == 0.0  # the quiet night is known to be quiet
    # A half hour still to come is taken at its forecast, and needs agents by Erlang C.
    assert (slots["14:30"].forecast_calls, slots["14:30"].calls, slots["14:30"].future) == (106.5, 106.5, True)
    assert slots["14:30"].required == 18 and slots["14:30"].aht_s is not None


def test_just_after_midnight_the_demo_has_a_quiet_night_so_far_and_the_days_forecast(_data_dir):
    now = datetime(2026, 11, 27, 0, 5, tzinfo=TZ)
    built = build_demo("en", now=now)
    assert (built.summary.calls, built.summary.waiting, built.history.calls) == (0, 0, 6630)
    cut = now.replace(minute=30)  # the demo is at least half an hour into the day
    with Console.open(built.db_url) as console:
        rows = interval_report(console, built.source, now.date(), ALL_QUEUES)
        day = staffing.staffing_day(console, built.source, now.date(), cut)
        yesterday = interval_report(console, built.source, now.date() - timedelta(days=1), ALL_QUEUES)
    # The service-level view is not empty: the ACD ran all night without a call (it reloaded at midnight).
    assert [(r.interval_start_local[11:16], r.figures.offered, r.figures.waiting) for r in rows] == [
        ("00:00", 0, 0), ("00:30", 0, 0)]
    assert yesterday == ()
    slots = {s.label: s for s in day.slots}
    assert all(s.forecast_calls is not None for s in slots.values())
    assert (slots["10:30"].forecast_calls, slots["10:30"].calls) == (89.5, 89.5)
