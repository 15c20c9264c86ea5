"""The Asterisk queue_log reader and its import: real samples, every rule, and order independence."""

import json
import random
from collections import defaultdict
from datetime import date, datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from app.cli import main
from app.domain.calls import FeedFormat
from app.services.console import Console
from app.services.imports import ImportRequest, import_feed
from app.services.reports import interval_report
from tests.conftest import SHARED_DATA

KATA = SHARED_DATA / "asterisk-queue-log" / "logvisualiserkata_input.queue_log"
SLACK = SHARED_DATA / "asterisk-queue-log" / "asterisk2slack_fixture.queue_log"


# --- an independent reference: a sequential state machine over time-sorted lines ---------------

def reference(lines, threshold=20):
    """Per (queue, UTC half-hour start): offered/answered/abandoned/other/waiting/within, from raw lines.

    Unlike the reader (which derives each call's arrival from each line on its
    own), this walks the distinct lines in time order and follows each caller
    from ENTERQUEUE to its outcome.
    """
    rows = sorted({l for l in lines if l.strip()}, key=lambda l: int(l.split("|")[0]))
    open_calls = {}
    calls = []
    for line in rows:
        f = line.split("|")
        ts, callid, queue, event, data = int(f[0]), f[1], f[2], f[4], f[5:]
        if queue == "NONE":
            continue
        if event == "ENTERQUEUE":
            if (callid, queue) not in open_calls:
                call = {"queue": queue, "arrived": ts, "state": "waiting", "wait": None}
                open_calls[(callid, queue)] = call
                calls.append(call)
            continue
        call = open_calls.get((callid, queue))
        if call is None and event in ("CONNECT", "COMPLETEAGENT", "COMPLETECALLER"):
            hold = int(data[0])
            talk = int(data[1]) if event != "CONNECT" else 0
            call = {"queue": queue, "arrived": ts - hold - talk, "state": "waiting", "wait": None}
            open_calls[(callid, queue)] = call
            calls.append(call)
        if call is None:
            continue
        if event == "CONNECT" or event.startswith("COMPLETE"):
            call["state"], call["wait"] = "answered", int(data[0])
        elif event == "ABANDON":
            call["state"], call["wait"] = "abandoned", int(data[2])
    out = defaultdict(lambda: defaultdict(int))
    for c in calls:
        key = (c["queue"], c["arrived"] - c["arrived"] % 1800)
        cell = out[key]
        cell[c["state"]] += 1
        if c["state"] != "waiting":
            cell["offered"] += 1
        if c["state"] == "answered" and c["wait"] <= threshold:
            cell["within"] += 1
    return out


def run(capsys, *args):
    rc = main(list(args))
    out, err = capsys.readouterr()
    assert rc == 0, err
    return out


def reported(capsys, db_url, source, day):
    rows = json.loads(run(capsys, "report", "intervals", "--source", source, "--date", day, "--format", "json", "--db", db_url))
    return {
        (r["queue"], int(datetime.fromisoformat(r["interval_start"]).timestamp())): r for r in rows
    }


@pytest.mark.parametrize("path, day", [(KATA, "2010-02-22"), (SLACK, "2018-12-28")])
def test_real_samples_match_the_reference(capsys, db_url, path, day):
    out = run(capsys, "feed", "import", str(path), "--format", "queue-log", "--source", "pbx", "--site", "UTC floor", "--tz", "UTC", "--db", db_url)
    assert "rejected                 0" in out
    got = reported(capsys, db_url, "pbx", day)
    want = reference(path.read_text().splitlines())
    for key, cell in want.items():
        r = got[key]
        assert (r["offered"], r["answered"], r["abandoned"], r["waiting"], r["answered_within_threshold"]) == (
            cell["offered"], cell["answered"], cell["abandoned"], cell["waiting"], cell["within"]
        ), key
    assert sum(r["offered"] + r["waiting"] for r in got.values()) == sum(c["offered"] + c["waiting"] for c in want.values())


def test_kata_sample_known_figures(capsys, db_url):
    out = run(capsys, "feed", "import", str(KATA), "--format", "queue-log", "--source", "pbx", "--tz", "UTC", "--db", db_url)
    assert "calls imported          21" in out and "waiting                  1" in out
    rows = reported(capsys, db_url, "pbx", "2010-02-22")
    last = rows[("9000", int(datetime(2010, 2, 22, 11, 30, tzinfo=timezone.utc).timestamp()))]
    # 1266839761.533: CONNECT at 11:56:15 after 5 s, never completed -> answered, on a call.
    # 1266839768.534: ENTERQUEUE at 11:56:17, nothing after -> waiting, not offered.
    assert (last["offered"], last["answered"], last["abandoned"], last["waiting"]) == (7, 4, 3, 1)
    first = rows[("9000", int(datetime(2010, 2, 22, 10, 0, tzinfo=timezone.utc).timestamp()))]
    assert (first["offered"], first["answered"], first["abandoned"]) == (7, 4, 3)
    assert first["asa_seconds"] == pytest.approx((1 + 2 + 36 + 6) / 4)
    assert first["aht_seconds"] == pytest.approx((3 + 4 + 8 + 12) / 4)
    assert first["max_wait_seconds"] == 45  # the ABANDON after 45 s


def test_slack_fixture_duplicates_and_disorder(capsys, db_url):
    out = run(capsys, "feed", "import", str(SLACK), "--format", "queue-log", "--source", "pbx", "--tz", "UTC", "--db", db_url)
    assert "calls imported           4" in out
    engine = create_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT call_key, state, wait_seconds, handle_seconds, agent FROM calls ORDER BY call_key")).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        ("1546015415.757927|201|1546015415", "answered", 10.0, 122.0, "Paty Marin"),
        # COMPLETECALLER alone: arrival = 1546024020 - 10 - 406.
        ("1546023604.760166|201|1546023604", "answered", 10.0, 406.0, "Vanessa Flores"),
        # COMPLETEAGENT written four times with different last fields: one call.
        ("1546023970.760296|201|1546023970", "answered", 6.0, 228.0, "Paty Marin"),
        # CONNECT without COMPLETE: answered, handle unknown (on a call).
        ("1546027663.761192|201|1546027663", "answered", 14.0, None, "Paty Marin"),
    ]


def write(tmp_path, lines, name="q.log"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n")
    return path


T0 = 1_764_205_200  # 2025-11-27T01:00:00Z


def edge_lines():
    return [
        f"{T0}|NONE|NONE|NONE|QUEUESTART|",
        f"{T0 + 1}|100.1|sales|NONE|DID|5550100",
        f"{T0 + 1}|100.1|sales|NONE|ENTERQUEUE||5550100|1",
        f"{T0 + 5}|100.1|sales|SIP/ana|RINGNOANSWER|4000",
        f"{T0 + 13}|100.1|sales|Ana Maria Lopez|CONNECT|12|100.2|8",
        f"{T0 + 73}|100.1|sales|Ana Maria Lopez|BLINDTRANSFER|600|ext|12|60|1",
        "",
        f"{T0 + 10}|101.1|sales|NONE|ENTERQUEUE||5550101|1",
        f"{T0 + 40}|101.1|sales|NONE|EXITWITHKEY|5|1|1|30",
        f"{T0 + 20}|102.1|sales|NONE|ENTERQUEUE||5550102",
        f"{T0 + 50}|102.1|sales|NONE|EXITWITHTIMEOUT|1|1|30",
        f"{T0 + 20}|103.1|sales|NONE|ENTERQUEUE||5550103",
        f"{T0 + 21}|103.1|sales|NONE|EXITEMPTY|1|1|1",
        f"{T0 + 30}|104.1|sales|NONE|JOINEMPTY|1",
        f"{T0 + 31}|105.1|sales|NONE|JOINUNAVAIL|1",
        f"{T0 + 32}|106.1|sales|NONE|FULL|1",
        f"{T0 + 40}|107.1|NONE|SIP/dialer|CONNECT|0|107.2",
        f"{T0 + 50}|108.1|sales|NONE|ENTERQUEUE||5550108",
        f"{T0 + 58}|108.1|sales|SIP/bob|AGENTDUMP",
        # The same caller re-enters the queue: a new call.
        f"{T0 + 60}|109.1|sales|NONE|ENTERQUEUE||5550109",
        f"{T0 + 65}|109.1|sales|NONE|ABANDON|1|1|5",
        f"{T0 + 70}|109.1|sales|NONE|ENTERQUEUE||5550109",
        f"{T0 + 100}|109.1|sales|SIP/bob|CONNECT|30|109.9",
        f"{T0 + 400}|109.1|sales|SIP/bob|ATTENDEDTRANSFER|BRIDGE|109.9|30|300|1",
        # Uniqueids differing only in trailing zeros are different calls.
        f"{T0 + 500}|1735714800.37|sales|NONE|ENTERQUEUE||5550110",
        f"{T0 + 500}|1735714800.370|sales|NONE|ENTERQUEUE||5550111",
        f"{T0 + 90}|NONE|sales|SIP/bob|PAUSE|lunch",
        f"{T0 + 95}|NONE|sales|SIP/bob|UNPAUSE|",
        f"{T0 + 96}|NONE|NONE|SIP/bob|PAUSEALL|",
        f"{T0 + 97}|NONE|NONE|Agent/1001|AGENTLOGIN|SIP/1001",
        f"{T0 + 98}|NONE|NONE|Agent/1001|AGENTCALLBACKLOGOFF|1001@agents|3600|Autologoff",
        f"{T0 + 99}|MANAGER|sales|SIP/carl|ADDMEMBER|",
        f"{T0 + 600}|110.1|sales|NONE|ENTERQUEUE||5550112",
        f"{T0 + 601}|110.1|sales|NONE|CONNECT|notanumber|110.2",
        f"{T0 + 602}|bad line",
    ]


def stored_calls(db_url):
    engine = create_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT call_key, state, wait_seconds, handle_seconds, agent, caller FROM calls ORDER BY call_key")).all()
        events = conn.execute(text("SELECT agent, kind, queue, reason FROM agent_events ORDER BY at")).all()
    engine.dispose()
    return {r[0]: tuple(r[1:]) for r in rows}, [tuple(e) for e in events]


def test_every_rule_on_hand_made_lines(capsys, tmp_path, db_url):
    path = write(tmp_path, edge_lines())
    out = run(capsys, "feed", "import", str(path), "--format", "queue-log", "--source", "pbx", "--tz", "UTC", "--db", db_url)
    calls, events = stored_calls(db_url)
    assert calls == {
        f"100.1|sales|{T0 + 1}": ("answered", 12.0, 60.0, "Ana Maria Lopez", "5550100"),
        f"101.1|sales|{T0 + 10}": ("other", 30.0, None, None, "5550101"),
        f"102.1|sales|{T0 + 20}": ("other", 30.0, None, None, "5550102"),
        f"103.1|sales|{T0 + 20}": ("other", 1.0, None, None, "5550103"),
        f"108.1|sales|{T0 + 50}": ("other", 8.0, None, None, "5550108"),
        f"109.1|sales|{T0 + 60}": ("abandoned", 5.0, None, None, "5550109"),
        f"109.1|sales|{T0 + 70}": ("answered", 30.0, 300.0, "SIP/bob", "5550109"),
        f"1735714800.37|sales|{T0 + 500}": ("waiting", None, None, None, "5550110"),
        f"1735714800.370|sales|{T0 + 500}": ("waiting", None, None, None, "5550111"),
        f"110.1|sales|{T0 + 600}": ("waiting", None, None, None, "5550112"),
    }
    assert events == [
        ("SIP/bob", "PAUSE", "sales", "lunch"),
        ("SIP/bob", "UNPAUSE", "sales", None),
        ("SIP/bob", "PAUSEALL", "", None),
        ("Agent/1001", "AGENTLOGIN", "", None),
        ("Agent/1001", "AGENTCALLBACKLOGOFF", "", "Autologoff"),
        ("SIP/carl", "ADDMEMBER", "sales", None),
    ]
    assert "never entered the queue (FULL) 1, never entered the queue (JOINEMPTY) 1, never entered the queue (JOINUNAVAIL) 1" in out
    assert "no queue (NONE) 1" in out
    assert "agent events             6" in out
    assert "line 34: CONNECT holdtime 'notanumber' is not a whole number of seconds" in out
    assert "line 35: expected at least 5 |-separated fields, found 2" in out
    assert "rejected                 2" in out


def test_agentdump_without_its_enterqueue_is_rejected(capsys, tmp_path, db_url):
    path = write(tmp_path, [f"{T0}|1.1|sales|NONE|ENTERQUEUE||1", f"{T0 + 9}|2.2|sales|SIP/a|AGENTDUMP"])
    out = run(capsys, "feed", "import", str(path), "--format", "queue-log", "--source", "pbx", "--tz", "UTC", "--db", db_url)
    assert "line 2: AGENTDUMP matches no waiting call of this call id and queue" in out


def test_datetime_timestamps_of_database_exports(capsys, tmp_path, db_url):
    path = write(tmp_path, ["2025-11-27 09:00:00|1.1|sales|NONE|ENTERQUEUE||1", "2025-11-27 09:00:30|1.1|sales|SIP/a|CONNECT|30|1.2"])
    run(capsys, "feed", "import", str(path), "--format", "queue-log", "--source", "pbx", "--tz", "Asia/Shanghai", "--site", "SH", "--db", db_url)
    calls, _ = stored_calls(db_url)
    assert calls == {f"1.1|sales|{T0}": ("answered", 30.0, None, "SIP/a", "1")}


# --- order independence ---------------------------------------------------------------------------

def synthetic_log(seed: int, n: int = 25) -> list[str]:
    rnd = random.Random(seed)
    lines = []
    for i in range(n):
        callid, queue = f"{1700000000 + i}.{i}", rnd.choice(["sales", "care"])
        t = T0 + rnd.randrange(0, 7200)
        lines.append(f"{t}|{callid}|{queue}|NONE|ENTERQUEUE||555{i:04d}|1")
        kind = rnd.choice(["answered", "abandoned", "timeout", "waiting", "connected", "dump"])
        wait = rnd.randrange(0, 90)
        if kind in ("answered", "connected"):
            lines.append(f"{t + wait}|{callid}|{queue}|SIP/a{i % 3}|CONNECT|{wait}|{callid}9|{rnd.randrange(1, 9)}")
            if kind == "answered":
                talk = rnd.randrange(5, 600)
                lines.append(f"{t + wait + talk}|{callid}|{queue}|SIP/a{i % 3}|COMPLETECALLER|{wait}|{talk}|1")
        elif kind == "abandoned":
            lines.append(f"{t + wait}|{callid}|{queue}|NONE|ABANDON|1|1|{wait}")
        elif kind == "timeout":
            lines.append(f"{t + wait}|{callid}|{queue}|NONE|EXITWITHTIMEOUT|1|1|{wait}")
        elif kind == "dump":
            lines.append(f"{t + wait}|{callid}|{queue}|SIP/a1|AGENTDUMP")
        lines.append(f"{t + 1}|{callid}|{queue}|SIP/a2|RINGNOANSWER|{rnd.randrange(0, 15) * 1000}")
    return lines


def import_lines(folder, url, parts):
    console = Console.open(url)
    try:
        for k, part in enumerate(parts):
            path = folder / f"part{k}.log"
            path.write_text("\n".join(part) + "\n")
            import_feed(console, ImportRequest(path=path, format=FeedFormat.QUEUE_LOG, source="pbx", tz="UTC", batch_lines=7))
        return [r.as_dict() for r in interval_report(console, "pbx", date(2025, 11, 27))]
    finally:
        console.close()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), data=st.data())
def test_shuffles_duplicates_and_overlapping_splits_give_the_same_intervals(tmp_path_factory, seed, data):
    folder = tmp_path_factory.mktemp("ql")
    clean = synthetic_log(seed)
    # AGENTDUMP is matched against stored calls; keep its ENTERQUEUE in an earlier
    # batch or import, as a live log writes it (the rest may be in any order).
    base = import_lines(folder, f"sqlite:///{folder / 'clean.sqlite3'}", [clean])
    shuffled = data.draw(st.permutations(clean))
    dups = shuffled + data.draw(st.lists(st.sampled_from(clean), max_size=15))
    dumps = [l for l in dups if l.endswith("AGENTDUMP")]
    rest = [l for l in dups if not l.endswith("AGENTDUMP")]
    once = import_lines(folder, f"sqlite:///{folder / 'once.sqlite3'}", [rest + dumps])
    cut_a = data.draw(st.integers(1, len(rest)))
    cut_b = data.draw(st.integers(0, cut_a))
    split = import_lines(folder, f"sqlite:///{folder / 'split.sqlite3'}", [rest[:cut_a], rest[cut_b:] + dumps])
    assert once == base
    assert split == base


def test_reimporting_an_agentdump_changes_nothing_and_rejects_nothing(capsys, tmp_path, db_url):
    path = write(tmp_path, [f"{T0}|1.1|sales|NONE|ENTERQUEUE||1", f"{T0 + 9}|1.1|sales|SIP/a|AGENTDUMP"])
    first = run(capsys, "feed", "import", str(path), "--format", "queue-log", "--source", "pbx", "--tz", "UTC", "--db", db_url)
    again = run(capsys, "feed", "import", str(path), "--format", "queue-log", "--source", "pbx", "--tz", "UTC", "--db", db_url)
    assert "rejected                 0" in first and "rejected                 0" in again
    calls, _ = stored_calls(db_url)
    assert calls == {f"1.1|sales|{T0}": ("other", 9.0, None, None, "1")}
