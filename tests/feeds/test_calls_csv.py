"""The calls-csv reader: times, outcomes, keys, bad rows, mapping files."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.calls import CallState
from app.domain.errors import InputFileError, MappingError
from app.feeds import calls_csv
from app.feeds.mapping import load_calls_mapping

HEADER = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent,caller\n"
UTC = ZoneInfo("UTC")


def write(tmp_path: Path, body: str, name="calls.csv", header=HEADER, encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes((header + body).encode(encoding) if isinstance(body, str) else header.encode() + body)
    return path


def read_all(path, tz=UTC, mapping=None, batch_lines=200_000):
    batches = list(calls_csv.read(path, tz, mapping, batch_lines=batch_lines))
    calls = [r for b in batches for r in b.records()]
    rejected = [r for b in batches for r in b.rejected]
    return calls, rejected, batches


def test_outcomes_waits_and_handle_times(tmp_path):
    path = write(
        tmp_path,
        "c1,sales,2026-11-27T09:00:00+08:00,2026-11-27T09:00:15+08:00,2026-11-27T09:05:15+08:00,answered,li.wei,13800000001\n"
        "c2,sales,2026-11-27T09:01:00+08:00,,2026-11-27T09:01:42+08:00,abandoned,,\n"
        "c3,sales,2026-11-27T09:02:00+08:00,,2026-11-27T09:03:00+08:00,other,,\n"
        "c4,sales,2026-11-27T09:29:59+08:00,,,waiting,,\n",
    )
    calls, rejected, _ = read_all(path)
    assert rejected == []
    by_id = {c.call_key.split("|")[0]: c for c in calls}
    assert by_id["c1"].state is CallState.ANSWERED
    assert by_id["c1"].wait_seconds == 15 and by_id["c1"].handle_seconds == 300
    assert by_id["c1"].agent == "li.wei" and by_id["c1"].caller == "13800000001"
    assert by_id["c1"].arrived_at.isoformat() == "2026-11-27T01:00:00+00:00"
    assert by_id["c2"].state is CallState.ABANDONED and by_id["c2"].wait_seconds == 42
    assert by_id["c2"].handle_seconds is None and by_id["c2"].agent is None
    assert by_id["c3"].state is CallState.OTHER and by_id["c3"].wait_seconds == 60
    assert by_id["c4"].state is CallState.WAITING and by_id["c4"].wait_seconds is None


def test_times_without_offset_are_wall_clock_in_the_given_zone(tmp_path):
    path = write(tmp_path, "c1,q,2026-11-27 09:00:00,2026-11-27 09:00:05,2026-11-27 09:01:00,answered,a,\n")
    calls, _, _ = read_all(path, tz=ZoneInfo("Asia/Shanghai"))
    assert calls[0].arrived_at.isoformat() == "2026-11-27T01:00:00+00:00"


def test_repeated_hour_of_a_dst_change_takes_the_first_occurrence(tmp_path):
    # Europe/Berlin, 2026-10-25: 02:30 happens at 00:30 UTC (CEST) and 01:30 UTC (CET).
    path = write(tmp_path, "c1,q,2026-10-25T02:30:00,,2026-10-25T02:30:30,abandoned,,\n")
    calls, _, _ = read_all(path, tz=ZoneInfo("Europe/Berlin"))
    assert calls[0].arrived_at.isoformat() == "2026-10-25T00:30:00+00:00"
    assert calls[0].wait_seconds == 30


def test_mixed_offsets_and_z(tmp_path):
    path = write(
        tmp_path,
        "a,q,2026-11-27T01:00:00Z,,2026-11-27T01:00:10Z,abandoned,,\n"
        "b,q,2026-11-27T09:00:00+0800,,2026-11-27T09:00:10+0800,abandoned,,\n"
        "c,q,2026-11-26T20:00:00-05:00,,2026-11-26T20:00:10-05:00,abandoned,,\n",
    )
    calls, rejected, _ = read_all(path, tz=ZoneInfo("Asia/Tokyo"))
    assert rejected == []
    assert [c.arrived_at.isoformat() for c in calls] == ["2026-11-27T01:00:00+00:00"] * 3


def test_call_key_is_call_id_and_arrival(tmp_path):
    path = write(
        tmp_path,
        "same,q,2026-11-27T09:00:00Z,,2026-11-27T09:00:10Z,abandoned,,\n"
        "same,q,2026-11-27T10:00:00Z,,2026-11-27T10:00:10Z,abandoned,,\n"
        "same,q,2026-11-27T10:00:00+00:00,,2026-11-27T10:00:10Z,abandoned,,\n",
    )
    calls, _, _ = read_all(path)
    assert len({c.call_key for c in calls}) == 2  # the third row is the second call written differently


def test_bad_rows_are_rejected_with_line_and_reason_and_the_rest_is_read(tmp_path):
    body = (
        b"ok1,q,2026-11-27T09:00:00Z,2026-11-27T09:00:05Z,2026-11-27T09:02:00Z,answered,a,\n"  # line 2
        b"short,q,2026-11-27T09:00:00Z\n"  # line 3
        b"bad,q,yesterday,,2026-11-27T09:00:10Z,abandoned,,\n"  # line 4
        b"bad2,q,2026-11-27T09:00:00Z,,2026-11-27T09:00:10Z,hung up,,\n"  # line 5
        b"bad3,q,2026-11-27T09:00:00Z,,,answered,a,\n"  # line 6
        b"bad4,q,2026-11-27T09:00:00Z,2026-11-27T08:59:00Z,2026-11-27T09:02:00Z,answered,a,\n"  # line 7
        b"\xff\xfe\x00garbage\n"  # line 8
        b"\n"  # line 9: blank, skipped
        b"ok2,q,2026-11-27T09:10:00Z,,2026-11-27T09:10:04Z,abandoned,,\n"  # line 10
    )
    path = write(tmp_path, body)
    calls, rejected, batches = read_all(path)
    assert sorted(c.call_key.split("|")[0] for c in calls) == ["ok1", "ok2"]
    reasons = {r.line_no: r.reason for r in rejected}
    assert reasons == {
        3: "expected 8 fields, found 3",
        4: "arrived_at 'yesterday' is not a date and time",
        5: "outcome 'hung up' is not one of abandoned, answered, other, waiting",
        6: "an answered call needs answered_at",
        7: "answered_at is before arrived_at",
        8: "not utf-8 text (byte 1)",
    }
    assert sum(b.lines_read for b in batches) == 9


def test_batches_split_the_file_and_cover_every_line(tmp_path):
    rows = "".join(f"c{i},q,2026-11-27T09:{i % 60:02d}:00Z,,2026-11-27T09:{i % 60:02d}:09Z,abandoned,,\n" for i in range(25))
    path = write(tmp_path, rows)
    calls, _, batches = read_all(path, batch_lines=10)
    assert [b.lines_read for b in batches] == [10, 10, 5]
    assert len(calls) == 25
    assert batches[-1].end_offset == path.stat().st_size
    assert batches[0].end_offset < batches[1].end_offset


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "the file is empty"),
        (b"\xff\xfe\x63\x00\x61\x00", "not utf-8 text"),
        (b"vru+line\tcall_id\tcustomer_id\n", "the header lacks the column(s) call_id, queue"),
    ],
)
def test_unusable_files_raise_with_the_file_named(tmp_path, content, reason):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(InputFileError) as err:
        read_all(path)
    assert reason in str(err.value)
    assert str(path) in str(err.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputFileError, match="cannot read the file"):
        read_all(tmp_path / "nope.csv")


def test_mapping_reads_another_vendors_export(tmp_path):
    mapping = tmp_path / "vendor.toml"
    mapping.write_text(
        'encoding = "latin-1"\ndelimiter = ";"\nskip_lines = 2\ntime_format = "%d/%m/%Y %H:%M:%S"\n'
        '[columns]\ncall_id = "Call ID"\nqueue = "Skill"\narrived_at = "Start"\nanswered_at = "Answer"\n'
        'ended_at = "End"\noutcome = "Result"\nagent = "Agent name"\ncaller = "ANI"\n'
        '[outcomes]\nanswered = ["Handled"]\nabandoned = ["Abandon", "Aband"]\nother = ["Overflow"]\nwaiting = ["Queued"]\n',
        encoding="utf-8",
    )
    export = (
        "Interval export\nGenerated 27/11/2026\n"
        "Call ID;Skill;Start;Answer;End;Result;Agent name;ANI\n"
        "77;Hotline;27/11/2026 09:00:00;27/11/2026 09:00:12;27/11/2026 09:04:12;Handled;José;555\n"
        "78;Hotline;27/11/2026 09:01:00;;27/11/2026 09:01:30;aband;;\n"
    )
    path = tmp_path / "export.csv"
    path.write_bytes(export.encode("latin-1"))
    calls, rejected, _ = read_all(path, tz=ZoneInfo("Europe/Madrid"), mapping=load_calls_mapping(mapping))
    assert rejected == []
    assert [(c.state, c.wait_seconds, c.agent) for c in calls] == [
        (CallState.ANSWERED, 12.0, "José"),
        (CallState.ABANDONED, 30.0, None),
    ]
    assert calls[0].arrived_at.isoformat() == "2026-11-27T08:00:00+00:00"


@pytest.mark.parametrize(
    "text, message",
    [
        ("delimiter = ';;'\n", "delimiter must be exactly one character"),
        ("[columns]\nduration = 'D'\n", "'duration' is not a field"),
        ("[outcomes]\nlost = ['x']\n", "'lost' is not an outcome"),
        ("encoding = 'klingon'\n", "unknown encoding"),
        ("colums = 1\n", "unknown key(s) colums"),
        ("delimiter = \n", "not valid TOML"),
    ],
)
def test_bad_mapping_files_name_the_problem(tmp_path, text, message):
    path = tmp_path / "m.toml"
    path.write_text(text)
    with pytest.raises(MappingError) as err:
        load_calls_mapping(path)
    assert message in str(err.value) and str(path) in str(err.value)
