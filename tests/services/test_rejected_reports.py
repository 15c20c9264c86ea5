"""Rejected lines leave the import with their caller numbers masked, per feed format (SQLite and PostgreSQL):
in the report file, in the summary the window and the command line show, and when a report is read back (one
written before masking too). Real feed files from shared/data with broken lines added; the database keeps the
lines whole until the retention purge."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from app import paths
from app.domain.calls import FeedFormat
from app.services.console import Console
from app.services.import_common import mapping_delimiter, read_report
from app.services.imports import ImportRequest, import_feed
from tests.conftest import JANUARY, SHARED_DATA

QUEUE_LOG = SHARED_DATA / "asterisk-queue-log" / "asterisk2slack_fixture.queue_log"


def stored_texts(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [t for (t,) in conn.execute(text("SELECT text FROM rejected_lines ORDER BY line_no"))]
    finally:
        engine.dispose()


def imported(db_url, path, fmt: FeedFormat, source: str):
    console = Console.open(db_url)
    try:
        return import_feed(console, ImportRequest(path=path, format=fmt, source=source, site="Floor", tz="UTC"))
    finally:
        console.close()


def test_queue_log_report_masks_the_caller_of_enterqueue_and_a_broken_line(tmp_path, db_url):
    feed = tmp_path / "queue_log"
    real = QUEUE_LOG.read_text(encoding="utf-8")
    assert "+55511455305" in real
    feed.write_text(real.rstrip("\n") + "\n"
                    "2018-12-28 17:0x|1546027700.761300|201|NONE|ENTERQUEUE||+55511455399|1\n"  # a bad time
                    "cut by the ACD +55511455388\n")  # too broken to find the caller field
    lines = len(feed.read_text().splitlines())
    summary = imported(db_url, feed, FeedFormat.QUEUE_LOG, "pbx")
    assert summary.rejected == 2 and summary.calls >= 3
    want = [
        (lines - 1, "2018-12-28 17:0x|1546027700.761300|201|NONE|ENTERQUEUE||+*******5399|1"),
        (lines, "cut by the ACD +*******5388"),
    ]
    assert [(r.line_no, r.text) for r in summary.first_rejected] == want
    report = open(summary.report_path, encoding="utf-8").read()
    assert "55511455399" not in report and "55511455388" not in report
    assert "# format\tqueue-log\n# source\tpbx\n" in report
    assert [(r.line_no, r.text) for r in read_report(summary.report_path)] == want
    assert "time '2018-12-28 17:0x' is neither an epoch nor a date and time" in summary.first_rejected[0].reason
    # What is stored stays whole until the site's retention runs out (purge_callers clears it).
    assert stored_texts(db_url) == ["2018-12-28 17:0x|1546027700.761300|201|NONE|ENTERQUEUE||+55511455399|1",
                                    "cut by the ACD +55511455388"]


def test_anonymous_bank_report_masks_the_customer_id_and_keeps_the_call_readable(tmp_path, db_url):
    raw = JANUARY.read_bytes().split(b"\r\n")
    fields = raw[3].decode().split("\t")  # AA0101 33118 27997683 ... a real customer id
    assert fields[2] == "27997683"
    bad_date = "\t".join(fields[:5] + ["991301"] + fields[6:])
    feed = tmp_path / "bank.txt"
    cut_raw = raw[63][:29]  # AA0101 33179 11227584 1 PS 99: cut by the ACD mid-field
    feed.write_bytes(b"\r\n".join(raw[:60]) + b"\r\n" + bad_date.encode() + b"\r\n" + cut_raw + b"\r\n"
                     + b"\r\n".join(raw[64:80]) + b"\r\n")
    summary = imported(db_url, feed, FeedFormat.ANONYMOUS_BANK, "bank")
    assert [r.line_no for r in summary.first_rejected] == [61, 62]
    structured, cut = summary.first_rejected
    assert structured.text.split("\t")[:6] == ["AA0101", "33118", "****7683", "2", "PS", "991301"]
    assert structured.reason == "date '991301' is not a calendar date"
    assert cut.reason == "expected 17 tab-separated fields, found 6"
    assert cut.text == "AA0101\t*3179\t****7584\t1\tPS\t99"  # no field to trust: every long digit run
    report = open(summary.report_path, encoding="utf-8").read()
    assert "27997683" not in report and "11227584" not in report and "****7683" in report
    # The report keeps one line per row: the tabs of the text became spaces, after masking.
    shown = read_report(summary.report_path)
    assert shown[0].text == structured.text.replace("\t", " ")
    assert "27997683" in stored_texts(db_url)[0]


def test_calls_csv_report_masks_the_caller_column_and_a_row_of_the_wrong_width(tmp_path, db_url):
    feed = tmp_path / "calls.csv"
    feed.write_text(
        "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent,caller\n"
        "c1,sales,2026-11-27T09:00:00+08:00,2026-11-27T09:00:20+08:00,2026-11-27T09:03:00+08:00,answered,ana,13800138000\n"
        "c2,sales,not-a-time,,,abandoned,,+86 139 0013 9000\n"
        "c3,sales,2026-11-27T09:05:00+08:00,13700137000\n"
    )
    summary = imported(db_url, feed, FeedFormat.CALLS_CSV, "acd")
    assert [(r.line_no, r.text) for r in summary.first_rejected] == [
        (3, "c2,sales,not-a-time,,,abandoned,,+** *** **** 9000"),
        (4, "c3,sales,2026-11-27T09:05:00+08:00,*******7000"),
    ]
    report = open(summary.report_path, encoding="utf-8").read()
    assert "139 0013 9000" not in report and "13700137000" not in report
    assert [r.text for r in read_report(summary.report_path)] == [r.text for r in summary.first_rejected]


def test_a_report_written_before_masking_is_masked_when_read(tmp_path):
    old = paths.reports_dir() / "rejected-pbx-20260101T080000000000Z.tsv"
    old.write_text(
        "# file\t/var/log/asterisk/queue_log\n# format\tqueue-log\nline\treason\ttext\n"
        "7\ttime 'x' is neither an epoch nor a date and time\tx|1546027700.7613|201|NONE|ENTERQUEUE||+55511455399|1\n"
        "9\texpected at least 5 |-separated fields, found 1\tcut +55511455388\n",
        encoding="utf-8",
    )
    assert [(r.line_no, r.text) for r in read_report(str(old))] == [
        (7, "x|1546027700.7613|201|NONE|ENTERQUEUE||+*******5399|1"), (9, "cut +*******5388")]


def test_calls_csv_through_a_semicolon_mapping_masks_numbers_written_with_separators(tmp_path, db_url):
    """The review's leaks: a row whose agent name holds a comma, rows of the wrong width in the file's column order
    (caller first), numbers written with spaces, dashes and parentheses; the dates and times stay readable."""
    mapping = tmp_path / "vendor.toml"
    mapping.write_text(
        'delimiter = ";"\ntime_format = "%d/%m/%Y %H:%M:%S"\n'
        '[columns]\ncall_id = "Call ID"\nqueue = "Skill"\narrived_at = "Start"\nanswered_at = "Answer"\n'
        'ended_at = "End"\noutcome = "Result"\nagent = "Agent name"\ncaller = "ANI"\n'
        '[outcomes]\nanswered = ["Handled"]\nabandoned = ["Aband"]\n',
        encoding="utf-8",
    )
    feed = tmp_path / "export.csv"
    feed.write_text(
        "ANI;Call ID;Skill;Start;Answer;End;Result;Agent name;Notes\n"
        "13800138000;c1;Hotline;27/11/2026 09:00:00;27/11/2026 09:00:12;27/11/2026 09:04:12;Handled;Ann;\n"
        "+44 20 7946 0958;c2;Hotline;27/11/2026 09:01:xx;;27/11/2026 09:01:30;Aband;Smith, Ann;\n"
        "+86 138 0013 8000;c3;Hotline;27/11/2026 09:02:00;;27/11/2026 09:02:30;Aband;Ann\n"
        "(010) 6552 9988;c4;Hotline;1999-01-03 07:12:55;;;Aband;Ann;note;extra\n",
        encoding="utf-8",
    )
    console = Console.open(db_url)
    try:
        request = ImportRequest(path=feed, format=FeedFormat.CALLS_CSV, source="vendor", site="Floor", tz="UTC",
                                mapping=mapping)
        summary = import_feed(console, request)
    finally:
        console.close()
    assert summary.calls == 1 and summary.rejected == 3
    want = [
        # Not converted: the reader's fields joined by ","; the comma of the agent's name makes nine.
        (3, "c2,Hotline,27/11/2026 09:01:xx,,27/11/2026 09:01:30,Aband,Smith, Ann,+** ** **** 0958"),
        # Eight fields in the file's order: the field where the caller would be is masked, the caller too.
        (4, "+** *** **** 8000;c3;Hotline;27/11/2026 09:02:00;;27/11/2026 09:02:30;Aband;**n"),
        # Ten fields: the whole line.
        (5, "(***) **** 9988;c4;Hotline;1999-01-03 07:12:55;;;Aband;Ann;note;extra"),
    ]
    assert [(r.line_no, r.text) for r in summary.first_rejected] == want
    report = open(summary.report_path, encoding="utf-8").read()
    for whole in ("7946 0958", "138 0013 8000", "6552 9988", "13800138000"):
        assert whole not in report
    assert [(r.line_no, r.text) for r in read_report(summary.report_path)] == want
    # The report is masked with the mapping's delimiter; a mapping file gone since is no error.
    assert mapping_delimiter(request) == ";"
    mapping.unlink()
    assert mapping_delimiter(request) is None
    assert mapping_delimiter(ImportRequest(path=feed, format=FeedFormat.QUEUE_LOG, source="pbx")) is None
    assert stored_texts(db_url)[1] == "+86 138 0013 8000;c3;Hotline;27/11/2026 09:02:00;;27/11/2026 09:02:30;Aband;Ann"
