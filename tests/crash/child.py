"""The console process the crash tests kill: it imports a feed, polls a live feed or writes log entries.

    python -m tests.crash.child import URL PATH SOURCE BATCH_LINES [--hold TABLE N]
    python -m tests.crash.child poll URL SOURCE BATCH_LINES NOW_ISO [--hold TABLE N]
    python -m tests.crash.child worklog URL INSTANCE_ID [--hold TABLE N]

It opens the database as the console does (`Console.open`, with the desk lock
of a console window) and works through the public services, printing one
line, flushed, after each piece of work is committed:

    ready                    the console is open
    batch OFFSET TOTAL       an import stored a batch (its progress callback)
    added K ID / edited K ID a log entry K was committed (revision 1 / 2)
    done ...                 the work finished (the test then failed to kill it in time)

`--hold TABLE N`: at the N-th statement writing TABLE (`INSERT INTO TABLE` or
`UPDATE TABLE`), after the database ran it and before the transaction
commits, print `hold TABLE N` and wait to be killed: the kill then lands
inside that transaction for certain.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import event

from app.domain.calls import FeedFormat
from app.domain.worklog import Category, Draft
from app.services import live, worklog
from app.services.console import Console
from app.services.import_common import ImportRequest, ImportState
from app.services.imports import import_feed

AUTHOR = "王丽"
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
HOLD_SECONDS = 120


def say(line: str) -> None:
    print(line, flush=True)


def entry_text(k: int) -> str:
    return f"Entry {k}: 客户 {k} 退款未到账，承诺回电 (crash test)"


def edited_text(k: int) -> str:
    return f"Entry {k} edited: 已回电，客户 {k} 满意"


def hold_on(console: Console, table: str, nth: int) -> None:
    """Stop inside the transaction at the nth statement that writes `table`."""
    prefixes = (f"INSERT INTO {table} ", f"INSERT INTO {table}(", f"UPDATE {table} ")
    seen = [0]

    def after(_conn, _cursor, statement, _params, _context, _executemany) -> None:
        if statement.lstrip().startswith(prefixes):
            seen[0] += 1
            if seen[0] == nth:
                say(f"hold {table} {nth}")
                time.sleep(HOLD_SECONDS)
                say("hold timed out")
                sys.exit(3)

    event.listen(console.db.engine, "after_cursor_execute", after)


def run_import(console: Console, path: str, source: str, batch_lines: int) -> None:
    request = ImportRequest(Path(path), FeedFormat.CALLS_CSV, source, batch_lines=batch_lines)
    summary = import_feed(console, request, ImportState(lambda done, total: say(f"batch {done} {total}")))
    say(f"done {summary.calls} {summary.new}")


def run_poll(console: Console, source: str, batch_lines: int, now: str) -> None:
    result = live.poll(console, source, now=datetime.fromisoformat(now), batch_lines=batch_lines)
    say(f"done {result.calls} {result.new}")


def run_worklog(console: Console, instance_id: int) -> None:
    for k in range(1, 1_000_000):
        now = T0 + timedelta(seconds=k)
        entry = worklog.add_entry(console, instance_id, Draft(Category.OTHER, entry_text(k)), AUTHOR, now)
        say(f"added {k} {entry.id}")
        if k % 3 == 0:
            worklog.edit_entry(console, entry.id, {"text": edited_text(k)}, AUTHOR, now, expected_revision=1)
            say(f"edited {k} {entry.id}")
    say("done")


def main(argv: list[str]) -> int:
    hold = None
    if "--hold" in argv:
        i = argv.index("--hold")
        hold = (argv[i + 1], int(argv[i + 2]))
        argv = argv[:i] + argv[i + 3:]
    command, url, *rest = argv
    console = Console.open(url, desk=True)
    if hold is not None:
        hold_on(console, *hold)
    say("ready")
    if command == "import":
        run_import(console, rest[0], rest[1], int(rest[2]))
    elif command == "poll":
        run_poll(console, rest[0], int(rest[1]), rest[2])
    elif command == "worklog":
        run_worklog(console, int(rest[0]))
    else:
        raise SystemExit(f"unknown command {command!r}")
    console.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
