"""Bad input: a clear message naming file, line and reason; exit 2 where nothing is usable; nothing stored half."""

import json
import re

import pytest
from sqlalchemy import create_engine, text

from app.cli import main
from tests.conftest import JANUARY

HEADER = "call_id,queue,arrived_at,answered_at,ended_at,outcome,agent,caller\n"
GOOD = "c1,q,2026-11-27T09:00:00+08:00,,2026-11-27T09:00:30+08:00,abandoned,,\n"


def run(capsys, *args):
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def count(db_url, table):
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()
    finally:
        engine.dispose()


def imp(capsys, path, db_url, fmt="calls-csv", *extra):
    return run(capsys, "feed", "import", str(path), "--format", fmt, "--source", "acd", "--tz", "UTC", "--db", db_url, *extra)


@pytest.mark.parametrize(
    "name, content, fmt, message",
    [
        ("empty.csv", b"", "calls-csv", "the file is empty"),
        ("header.csv", HEADER.encode(), "calls-csv", "the file has a header but no data lines"),
        ("bank.txt", JANUARY.read_bytes()[:3000], "calls-csv", "not a calls-csv file: the header lacks the column(s)"),
        ("calls.txt", (HEADER + GOOD).encode(), "anonymous-bank", "not an anonymous-bank file"),
        ("utf16.csv", (HEADER + GOOD).encode("utf-16"), "calls-csv", "not utf-8 text"),
        ("garbage.bin", bytes(range(256)) * 4, "anonymous-bank", "not an anonymous-bank file"),
        ("latin1.txt", b"\xe9t\xe9\tcall_id\n" + b"x" * 50, "anonymous-bank", "not utf-8 text"),
        ("allbad.csv", (HEADER + "x,y\n" + "1,2,3\n").encode(), "calls-csv", "no line could be used (2 of 2 rejected; first: line 2: expected 8 fields, found 2)"),
    ],
)
def test_unusable_file_exits_2_with_one_clear_line_and_stores_nothing(capsys, tmp_path, db_url, name, content, fmt, message):
    path = tmp_path / name
    path.write_bytes(content)
    rc, out, err = imp(capsys, path, db_url, fmt)
    assert rc == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err and str(path) in err
    assert count(db_url, "feed_sources") == 0
    assert count(db_url, "import_runs") == 0
    assert count(db_url, "calls") == 0


def test_missing_file_and_folder(capsys, tmp_path, db_url):
    rc, _, err = imp(capsys, tmp_path / "missing.csv", db_url)
    assert rc == 2 and "cannot read the file" in err
    rc, _, err = imp(capsys, tmp_path, db_url)
    assert rc == 2 and "is a folder" in err


def test_bad_arguments_exit_2(capsys, tmp_path, db_url):
    path = tmp_path / "ok.csv"
    path.write_text(HEADER + GOOD)
    rc, _, err = run(capsys, "feed", "import", str(path), "--format", "calls-csv", "--source", "acd", "--tz", "Mars/Base", "--db", db_url)
    assert rc == 2 and "Mars/Base" in err and "IANA" in err
    rc, _, err = run(capsys, "feed", "import", str(path), "--format", "calls-csv", "--source", "acd", "--threshold", "-5", "--db", db_url)
    assert rc == 2 and "threshold" in err
    with pytest.raises(SystemExit) as exit_:
        main(["feed", "import", str(path), "--format", "excel", "--source", "acd", "--db", db_url])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main(["report", "intervals", "--source", "acd", "--date", "27/11/2026", "--db", db_url])
    assert exit_.value.code == 2
    assert "is not a date YYYY-MM-DD" in capsys.readouterr().err


def test_unknown_source_exits_2(capsys, db_url):
    rc, out, err = run(capsys, "report", "intervals", "--source", "nope", "--date", "2026-11-27", "--db", db_url)
    assert rc == 2 and out == "" and "unknown feed source: 'nope'" in err


def test_a_source_keeps_its_format(capsys, tmp_path, db_url):
    path = tmp_path / "ok.csv"
    path.write_text(HEADER + GOOD)
    assert imp(capsys, path, db_url)[0] == 0
    rc, _, err = imp(capsys, JANUARY, db_url, "anonymous-bank")
    assert rc == 2 and "is a calls-csv feed" in err


def test_some_bad_lines_import_the_rest_and_report_them(capsys, tmp_path, db_url):
    lines = [HEADER, GOOD]
    lines += [f"bad{i},q,not-a-time,,,abandoned,,\n" for i in range(25)]
    lines += ["c2,q,2026-11-27T09:10:00+08:00,,2026-11-27T09:10:05+08:00,abandoned,,\n"]
    path = tmp_path / "mixed.csv"
    path.write_text("".join(lines))
    rc, out, err = imp(capsys, path, db_url)
    assert rc == 0, err
    assert "rejected                25" in out
    assert "line 3: arrived_at 'not-a-time' is not a date and time" in out
    assert out.count("    line ") == 20 and "... and 5 more" in out
    report = out.split("all rejected lines: ")[1].strip()
    kept = open(report, encoding="utf-8").read().splitlines()
    assert len([k for k in kept if k[:1].isdigit()]) == 25 and kept[-1].startswith("27\t")
    assert count(db_url, "calls") == 2
    assert count(db_url, "rejected_lines") == 25


def test_truncated_last_line_of_anonymous_bank(capsys, tmp_path, db_url):
    raw = JANUARY.read_bytes().split(b"\r\n")
    path = tmp_path / "cut.txt"
    path.write_bytes(b"\r\n".join(raw[:101]) + b"\r\n" + raw[101][:25])  # line 102 cut mid-field
    rc, out, err = imp(capsys, path, db_url, "anonymous-bank")
    assert rc == 0, err
    assert "line 102: expected 17 tab-separated fields, found" in out
    assert re.search(r"lines read +101\n", out)


def test_unknown_queue_exits_2_naming_the_queues(capsys, tmp_path, db_url):
    path = tmp_path / "ok.csv"
    path.write_text(HEADER + GOOD)
    assert imp(capsys, path, db_url)[0] == 0
    rc, out, err = run(capsys, "report", "intervals", "--source", "acd", "--date", "2026-11-27", "--queue", "nosuch", "--db", db_url)
    assert rc == 2 and out == "" and "has no queue 'nosuch' (its queues: q)" in err
