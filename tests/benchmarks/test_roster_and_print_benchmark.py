"""Roster import and shift sheet printing benchmarks, each next to a floor measured in the same run.

Run by hand (the default pytest run deselects them):

    QT_QPA_PLATFORM=offscreen HANDOVER_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        .venv/bin/python -m pytest -m benchmark tests/benchmarks/test_roster_and_print_benchmark.py -s

1. Roster import (SQLite file; PostgreSQL too, in a schema of its own, when
   HANDOVER_TEST_PG_URL is set). The database holds a site in Asia/Shanghai,
   3 shift definitions (`shifts.save_definition`) and 300 agents
   (`people.import_agents` from an agents CSV). The roster file is a month's
   schedule export: 300 agents x 31 days of January 2027, each agent off one
   day in seven (AGENTS * DAYS * 6/7 lines), on one shift a week, rotating
   backwards week by week (Night -> Afternoon -> Morning: no two shifts of an
   agent overlap), with a break and a lunch each and a training for every
   third agent. Columns: agent_id, date, shift, activities (app.feeds.roster
   COLUMNS).

   Measured: `roster.preview_roster` and `roster.apply_roster` on their own
   and together, into an empty month; then the same file again (a
   re-import: apply deletes the month's entries and writes them anew). Before
   each round the roster tables are emptied (not timed). The preview is split
   into the file reading (`read_roster`) and the checks (`validate_roster`),
   the apply into the range's deletion and the entries' insertion
   (`storage.sheet.delete_entries` / `add_entries`); the rest of each is the
   queries, the transaction and the commit.

   Floor, on the same file and the same database (the same SQLAlchemy engine,
   its raw DBAPI connection: sqlite3 or psycopg): csv.reader over the file,
   the agent and shift looked up in dicts, the date and the activities'
   times parsed and made UTC instants of the site's zone (a night
   activity after midnight on the next day), then one executemany of the
   entries (explicit ids) and one of the activities into scratch tables
   shaped and indexed like roster_entries / roster_activities (no foreign
   keys), and a commit. The re-import's floor deletes the month's scratch
   rows first (activities by an IN sub-select, then entries), in the same
   transaction. Each figure is printed with its floor and their ratio; the
   preview is also held to the floor's read+parse, the apply to its
   executemany.

2. Printing the sheet: a 300-agent ShiftSheet from domain values
   (tests/printing/sheet_data.make_sheet, no database) written to an A4
   landscape PDF by `app.printing.shift_sheet.print_sheet_pdf`, with the
   shipped font registered as the window does (`app.ui.fonts.register_fonts`).
   Floor: the same HTML (`build_sheet_html`, built once, not timed) set on a
   bare QTextDocument (the same font family and point size, and the
   application's default style sheet, so the tables look alike) and written
   with `QTextDocument.print_()` to a QPdfWriter (A4 landscape, the
   application's RESOLUTION). Qt then lays out a copy of the document for the
   writer with its own 2 cm margins and page numbers; there is no header band
   and nothing is kept together. A second floor does what
   app.printing.document does minus its own additions: the document laid out
   once in pages on the writer (paint device and page size set before the
   HTML, the application's margins) and each page painted with drawContents,
   without header and footer bands or the keep-together pass. The figure is
   split into the HTML laid out in pages (`document._document` less
   `_keep_together`), the keep-together pass, and the painting. The first run
   of each (the figure first: glyphs loaded from the font, caches cold) is
   printed on its own; the medians are of the runs after it, the order of
   figure and floors flipped every round.

ROUNDS (HANDOVER_BENCH_ROUNDS, default 5) rounds after the first, cold one.
Figures are printed and written to tests/benchmarks/_work/results-roster-print.txt
with the load average (a 2-core VM with other work on it: the ratios are the
steadier figures). Nothing fails on time (there is no goal yet); the tests
check what was stored and printed.

Measured on the 2-core VM (5 rounds, load average ~1.1), 7,972 rows and
18,601 activities: on SQLite preview 1.87 s (6.2x its 300 ms read+parse),
apply 2.70 s (31x its 87 ms executemany), both 4.63 s against a 390 ms floor
(11.9x; 12.1x for the re-import); on PostgreSQL 1.79 s, 4.92 s, 6.69 s
against 612 ms (10.9x; 8.2x for the re-import). Where it goes:
`add_entries` (the ORM unit of work over 26,573 new objects; on SQLite one
INSERT ... RETURNING per row, 2.6 s; on PostgreSQL in batches, 4.9 s) and
`validate_roster` (1.4 s, half of it `_check_against` comparing each line
with every earlier one of its agent through datetime.timestamp(), ~780,000
calls). The sheet: 11 pages in 1.02 s (cold 1.09 s), 0.57x the bare
print_ (1.80 s, 12 pages: Qt's print_ relays out a copy of the document) and
1.07x the paged layout + drawContents (0.95 s, 10 pages); its keep-together
pass is 0.22 s of it.
"""

from __future__ import annotations

import csv
import os
import platform
import statistics
import time as clock
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.benchmarks.floor_people import activities as day_activities, agents_file

pytestmark = pytest.mark.benchmark

WORK = Path(__file__).resolve().parent / "_work"
RESULTS = WORK / "results-roster-print.txt"
ROUNDS = int(os.environ.get("HANDOVER_BENCH_ROUNDS", "5"))
AGENTS = 300
DAYS = 31
FIRST_DAY = date(2027, 1, 1)
ZONE = "Asia/Shanghai"
TEAMS = ("Cards", "Loans", "Mortgages", "Business", "Fraud", "Tech support")
SHIFTS = {"Morning": (time(7), time(15, 30)), "Afternoon": (time(15), time(23, 30)), "Night": (time(23), time(7, 30))}
ORDER = ("Morning", "Afternoon", "Night")
PRINT_AGENTS = 300
PRINTED = datetime(2026, 11, 27, 3, 20, tzinfo=timezone.utc)

_recorded: list[str] = []


def _record(*lines: str) -> None:
    for line in lines:
        print(line)
    _recorded.extend(lines)
    WORK.mkdir(exist_ok=True)
    head = [f"# handover-console roster import and sheet printing benchmarks, "
            f"{datetime.now().isoformat(timespec='seconds')}",
            f"# python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.platform()}"]
    RESULTS.write_text("\n".join(head + _recorded) + "\n", encoding="utf-8")


def _load() -> str:
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


# --- the files ---------------------------------------------------------------------------------------



def _roster_file(path: Path) -> tuple[Path, int, int]:
    """The month's schedule export; its path, lines and activities."""
    lines = activities = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["agent_id", "date", "shift", "activities"])
        for d in range(DAYS):
            day = FIRST_DAY + timedelta(days=d)
            for i in range(AGENTS):
                if (d + i) % 7 == 0:  # the day off
                    continue
                shift = ORDER[(i - d // 7) % 3]  # a week on each, backwards: Night, Afternoon, Morning
                acts = day_activities(i, shift, 3)
                out.writerow([f"E{1000 + i}", day.isoformat(), shift, acts])
                lines += 1
                activities += acts.count(";") + 1
    return path, lines, activities


# --- the floor ---------------------------------------------------------------------------------------

SCRATCH = ("bench_floor_activities", "bench_floor_entries")


def _scratch_schema(dialect: str) -> list[str]:
    stamp = "TIMESTAMP WITH TIME ZONE" if dialect == "postgresql" else "DATETIME"
    return [
        "DROP TABLE IF EXISTS bench_floor_activities",
        "DROP TABLE IF EXISTS bench_floor_entries",
        f"CREATE TABLE bench_floor_entries (id INTEGER PRIMARY KEY, site_id INTEGER NOT NULL, "
        f"agent_id INTEGER NOT NULL, day DATE NOT NULL, definition_id INTEGER NOT NULL, start_at {stamp} NOT NULL, "
        f"end_at {stamp} NOT NULL, import_id INTEGER)",
        "CREATE INDEX ix_bench_floor_entries_site_day ON bench_floor_entries (site_id, day)",
        "CREATE INDEX ix_bench_floor_entries_agent_start ON bench_floor_entries (agent_id, start_at)",
        f"CREATE TABLE bench_floor_activities (id INTEGER PRIMARY KEY, entry_id INTEGER NOT NULL, "
        f"kind VARCHAR(16) NOT NULL, start_at {stamp} NOT NULL, end_at {stamp} NOT NULL)",
        "CREATE INDEX ix_bench_floor_activities_entry ON bench_floor_activities (entry_id)",
    ]


def _run_sql(engine, statements: list[str]) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        for sql in statements:
            cur.execute(sql)
        cur.close()
        raw.commit()
    finally:
        raw.close()


def _floor_rows(path: Path, site_id: int, agents: dict[str, int], definitions: dict[str, int], tz: ZoneInfo,
                sqlite: bool) -> tuple[list[tuple], list[tuple]]:
    """The file as entry and activity rows: what any importer of it has to work out."""
    utc = timezone.utc
    hours = {name: SHIFTS[name] for name in definitions}

    def bind(at: datetime):
        at = at.astimezone(utc)
        return at.replace(tzinfo=None).isoformat(" ") if sqlite else at

    entries, activities = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        for entry_id, (agent, day_text, shift, listed) in enumerate(reader, start=1):
            day = date.fromisoformat(day_text)
            start_t, end_t = hours[shift]
            start = datetime.combine(day, start_t, tzinfo=tz)
            end = datetime.combine(day + timedelta(days=1) if end_t <= start_t else day, end_t, tzinfo=tz)
            entries.append((entry_id, site_id, agents[agent], day if not sqlite else day_text,
                            definitions[shift], bind(start), bind(end), None))
            for item in listed.split("; "):
                kind, span = item.split(" ")
                a, b = (time.fromisoformat(t) for t in span.split("-"))
                act_day = day + timedelta(days=1) if end_t <= start_t and a < start_t else day
                activities.append((len(activities) + 1, entry_id, kind,
                                   bind(datetime.combine(act_day, a, tzinfo=tz)),
                                   bind(datetime.combine(act_day, b, tzinfo=tz))))
    return entries, activities


def _floor(engine, path: Path, site_id: int, agents: dict[str, int], definitions: dict[str, int], tz: ZoneInfo,
           *, replace: bool) -> dict[str, float]:
    """Read + parse the file, then (after deleting the month's scratch rows when `replace`) two executemany."""
    sqlite = engine.dialect.name == "sqlite"
    mark = "?" if sqlite else "%s"
    raw = engine.raw_connection()  # from the pool, so opening it is not counted
    try:
        c0, t0 = clock.process_time(), clock.perf_counter()
        entries, activities = _floor_rows(path, site_id, agents, definitions, tz, sqlite)
        t1 = clock.perf_counter()
        cur = raw.cursor()
        if replace:
            first, last = FIRST_DAY, FIRST_DAY + timedelta(days=DAYS - 1)
            bounds = (site_id, first.isoformat(), last.isoformat()) if sqlite else (site_id, first, last)
            in_range = f"SELECT id FROM bench_floor_entries WHERE site_id = {mark} AND day >= {mark} AND day <= {mark}"
            cur.execute(f"DELETE FROM bench_floor_activities WHERE entry_id IN ({in_range})", bounds)
            cur.execute(f"DELETE FROM bench_floor_entries WHERE site_id = {mark} AND day >= {mark} AND day <= {mark}",
                        bounds)
        t2 = clock.perf_counter()
        cur.executemany(f"INSERT INTO bench_floor_entries (id, site_id, agent_id, day, definition_id, start_at, "
                        f"end_at, import_id) VALUES ({', '.join([mark] * 8)})", entries)
        cur.executemany(f"INSERT INTO bench_floor_activities (id, entry_id, kind, start_at, end_at) "
                        f"VALUES ({', '.join([mark] * 5)})", activities)
        raw.commit()
        t3, c3 = clock.perf_counter(), clock.process_time()
        cur.close()
    finally:
        raw.close()
    return {"total": t3 - t0, "cpu": c3 - c0, "read": t1 - t0, "delete": t2 - t1, "insert": t3 - t2,
            "entries": len(entries), "activities": len(activities)}


# --- the import --------------------------------------------------------------------------------------

class Split:
    """Time spent in the services' steps: read_roster, validate_roster, delete_entries, add_entries."""

    def __init__(self, monkeypatch) -> None:
        from app.services import roster as roster_service
        from app.storage import sheet as sheet_store

        self.t: dict[str, float] = {}
        steps = ((roster_service, "read_roster", "read"), (roster_service, "validate_roster", "validate"),
                 (sheet_store, "delete_entries", "delete"), (sheet_store, "add_entries", "insert"))
        for owner, name, key in steps:
            monkeypatch.setattr(owner, name, self._timed(getattr(owner, name), key))

    def _timed(self, fn, key: str):
        def timed(*args, **kwargs):
            t0 = clock.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.t[key] = self.t.get(key, 0.0) + clock.perf_counter() - t0
        return timed


def _import(console, path: Path, split: Split, lines: int, replaced: int) -> dict[str, float]:
    from app.services import roster

    split.t.clear()
    c0, t0 = clock.process_time(), clock.perf_counter()
    preview = roster.preview_roster(console, path)
    t1 = clock.perf_counter()
    applied = roster.apply_roster(console, preview)
    t2, c2 = clock.perf_counter(), clock.process_time()
    assert not preview.problems, preview.problems[:3]
    assert len(preview.plan.drafts) == lines and preview.existing_entries == replaced
    assert (applied.written, applied.replaced, applied.rejected) == (lines, replaced, 0)
    t = split.t
    return {"preview": t1 - t0, "apply": t2 - t1, "total": t2 - t0, "cpu": c2 - c0, "read": t["read"],
            "validate": t["validate"], "preview_rest": t1 - t0 - t["read"] - t["validate"],
            "delete": t.get("delete", 0.0), "insert": t["insert"],
            "apply_rest": t2 - t1 - t.get("delete", 0.0) - t["insert"]}


def _empty_roster(console) -> None:
    from sqlalchemy import delete

    from app.storage.models import RosterActivityRow, RosterEntryRow, RosterImportRow

    with console.db.transaction() as tx:
        tx.execute(delete(RosterActivityRow))
        tx.execute(delete(RosterEntryRow))
        tx.execute(delete(RosterImportRow))


def _stored(console) -> tuple[int, int]:
    from sqlalchemy import func, select

    from app.storage.models import RosterActivityRow, RosterEntryRow

    with console.db.transaction() as tx:
        return (tx.scalar(select(func.count()).select_from(RosterEntryRow)),
                tx.scalar(select(func.count()).select_from(RosterActivityRow)))


def _scratch_stored(engine) -> tuple[int, int]:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        counts = []
        for table in ("bench_floor_entries", "bench_floor_activities"):
            cur.execute(f"SELECT count(*) FROM {table}")
            counts.append(cur.fetchone()[0])
        cur.close()
        raw.rollback()
    finally:
        raw.close()
    return counts[0], counts[1]


def test_roster_import_of_a_month_for_300_agents(db_url, tmp_path, monkeypatch):
    """db_url (tests/conftest.py): a SQLite file, and a fresh PostgreSQL schema when HANDOVER_TEST_PG_URL is set."""
    from app.services import people, shifts
    from app.services.console import Console
    from app.storage import shifts as shift_store

    db_kind = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    path, lines, activities = _roster_file(tmp_path / "roster-2027-01.csv")
    with Console.open(db_url, default_site=("Bench site", ZONE)) as console:
        definitions = {name: shifts.save_definition(console, name, *hours).id for name, hours in SHIFTS.items()}
        imported = people.import_agents(console, agents_file(tmp_path / "agents.csv", AGENTS, TEAMS))
        assert imported.added == AGENTS and not imported.problems
        with console.db.transaction() as tx:
            site = shift_store.site(tx, None)
        agent_ids = {a.employee_no: a.id for a in people.list_agents(console)}
        assert len(agent_ids) == AGENTS
        tz = ZoneInfo(site.timezone)
        engine = console.db.engine
        split = Split(monkeypatch)
        first_imports, reimports, floors, floor_reimports = [], [], [], []
        for r in range(ROUNDS + 1):
            _empty_roster(console)
            _run_sql(engine, _scratch_schema(engine.dialect.name))

            def imports():
                first_imports.append(_import(console, path, split, lines, 0))
                reimports.append(_import(console, path, split, lines, lines))

            def floor():
                floors.append(_floor(engine, path, site.id, agent_ids, definitions, tz, replace=False))
                floor_reimports.append(_floor(engine, path, site.id, agent_ids, definitions, tz, replace=True))

            for step in (imports, floor) if r % 2 == 0 else (floor, imports):
                step()
        assert _stored(console) == (lines, activities)
        assert _scratch_stored(engine) == (lines, activities)
        assert floors[-1]["entries"] == lines and floors[-1]["activities"] == activities
        _run_sql(engine, [f"DROP TABLE {t}" for t in SCRATCH])

    def med(values: list[dict], key: str) -> float:
        return statistics.median(v[key] for v in values[1:])

    def walls(values: list[dict], key: str) -> str:
        return ", ".join(f"{v[key] * 1000:.0f}" for v in values[1:])

    fl, flr = med(floors, "total"), med(floor_reimports, "total")
    fl_read, fl_insert = med(floors, "read"), med(floors, "insert")

    def line(title: str, values: list[dict], key: str, floor: float, floor_name: str) -> str:
        figure = med(values, key)
        return (f"{title:<24}median {_ms(figure)}  floor ({floor_name}) {_ms(floor)}  ratio {figure / floor:5.2f}x  "
                f"[first {values[0][key] * 1000:.0f}; {walls(values, key)}]")

    def parts(values: list[dict]) -> str:
        return (f"  of which: read_roster {_ms(med(values, 'read'))}, validate_roster {_ms(med(values, 'validate'))}, "
                f"rest of preview {_ms(med(values, 'preview_rest'))}; delete_entries {_ms(med(values, 'delete'))}, "
                f"add_entries {_ms(med(values, 'insert'))}, rest of apply {_ms(med(values, 'apply_rest'))} "
                f"(medians of each part); this process's CPU {_ms(med(values, 'cpu'))} of {_ms(med(values, 'total'))}")

    size = path.stat().st_size / 1e6
    _record(
        "",
        f"== roster import, {db_kind}: {AGENTS} agents x {DAYS} days = {lines:,} rows ({activities:,} activities, "
        f"{size:.2f} MB), 3 shifts, zone {ZONE}; {ROUNDS} rounds after a first (cold) one; {_load()}",
        line("preview_roster", first_imports, "preview", fl_read, "read+parse"),
        line("apply_roster", first_imports, "apply", fl_insert, "executemany+commit"),
        line("preview + apply", first_imports, "total", fl, "whole"),
        parts(first_imports),
        line("re-import (both)", reimports, "total", flr, "delete+whole"),
        line("  re-import preview", reimports, "preview", fl_read, "read+parse"),
        line("  re-import apply", reimports, "apply", med(floor_reimports, "delete") + med(floor_reimports, "insert"),
             "delete+executemany+commit"),
        parts(reimports),
        f"floor: whole {_ms(fl)} (read+parse {_ms(fl_read)}, executemany+commit {_ms(fl_insert)}) "
        f"[first {floors[0]['total'] * 1000:.0f}; {walls(floors, 'total')}]; with the month deleted first "
        f"{_ms(flr)} (delete {_ms(med(floor_reimports, 'delete'))}) "
        f"[first {floor_reimports[0]['total'] * 1000:.0f}; {walls(floor_reimports, 'total')}]",
        f"floor CPU (this process) {_ms(med(floors, 'cpu'))}; with the month deleted first "
        f"{_ms(med(floor_reimports, 'cpu'))}; CPU ratio of preview + apply "
        f"{med(first_imports, 'cpu') / med(floors, 'cpu'):.2f}x, "
        f"of the re-import {med(reimports, 'cpu') / med(floor_reimports, 'cpu'):.2f}x",
        f"rows/s: import {lines / med(first_imports, 'total'):,.0f}, floor {lines / fl:,.0f}",
    )


# --- printing ----------------------------------------------------------------------------------------

def _bare_print(html: str, family: str, path: Path) -> None:
    """The floor: the HTML on a bare QTextDocument, QTextDocument.print_ on an A4 landscape QPdfWriter."""
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from app.printing.document import BASE_STYLE, RESOLUTION

    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    doc = QTextDocument()
    font = QFont(family)
    font.setPointSizeF(9.0)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(BASE_STYLE)
    doc.setHtml(html)
    doc.print_(writer)
    del doc, writer


def _paged_paint(html: str, family: str, path: Path) -> int:
    """The second floor: the document laid out once in pages on the writer (paint device and page size set
    before the HTML, as app.printing.document does) and each page painted with drawContents; no header or
    footer band and nothing kept together. Returns the pages."""
    from PySide6.QtCore import QRectF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    from app.printing.document import BASE_STYLE, MARGINS_MM, RESOLUTION

    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont(family)
    font.setPointSizeF(9.0)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(BASE_STYLE)
    doc.setDocumentMargin(0)
    width, height = float(writer.width()), float(writer.height())
    doc.setPageSize(QSizeF(width, height))
    doc.setHtml(html)
    pages = doc.pageCount()
    painter = QPainter(writer)
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * height)
        doc.drawContents(painter, QRectF(0, index * height, width, height))
        painter.restore()
    painter.end()
    del doc, painter, writer
    return pages


class PrintSplit:
    """Time of the figure's steps: the document (HTML laid out in pages) of which the keep-together pass."""

    def __init__(self, monkeypatch) -> None:
        from app.printing import document

        self.t: dict[str, float] = {}
        for name, key in (("_document", "document"), ("_keep_together", "keep")):
            monkeypatch.setattr(document, name, self._timed(getattr(document, name), key))

    def _timed(self, fn, key: str):
        def timed(*args, **kwargs):
            t0 = clock.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.t[key] = clock.perf_counter() - t0
        return timed


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def test_printing_a_300_agent_sheet(qapp, tmp_path, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    from app.printing.document import RESOLUTION
    from app.printing.shift_sheet import build_sheet_html, print_sheet_pdf, sheet_words
    from app.ui.fonts import register_fonts
    from tests.printing.sheet_data import make_sheet

    already = "Handover Noto Sans SC" in QFontDatabase.families()
    t0 = clock.perf_counter()
    family = register_fonts(qapp)
    t_fonts = clock.perf_counter() - t0
    assert family == "Handover Noto Sans SC"
    t0 = clock.perf_counter()
    sheet = make_sheet(PRINT_AGENTS)
    t_sheet = clock.perf_counter() - t0
    t0 = clock.perf_counter()
    html = build_sheet_html(sheet, sheet_words())
    t_html = clock.perf_counter() - t0
    assert len(sheet.rows) == PRINT_AGENTS
    split = PrintSplit(monkeypatch)

    figures, splits, floors, paged, pages, paged_pages = [], [], [], [], [], []
    for r in range(ROUNDS + 1):
        def figure():
            path = tmp_path / f"sheet-{r}.pdf"
            split.t.clear()
            t0 = clock.perf_counter()
            pages.append(print_sheet_pdf(sheet, path, family, printed_at=PRINTED))
            figures.append(clock.perf_counter() - t0)
            splits.append({**split.t, "paint": figures[-1] - split.t["document"],
                           "layout": split.t["document"] - split.t["keep"]})

        def floor():
            path = tmp_path / f"bare-{r}.pdf"
            t0 = clock.perf_counter()
            _bare_print(html, family, path)
            floors.append(clock.perf_counter() - t0)

        def paged_floor():
            path = tmp_path / f"paged-{r}.pdf"
            t0 = clock.perf_counter()
            paged_pages.append(_paged_paint(html, family, path))
            paged.append(clock.perf_counter() - t0)

        steps = (figure, floor, paged_floor)  # the first round: the figure cold
        for step in steps if r % 2 == 0 else steps[::-1]:
            step()
    sheet_pages, bare_pages = _pdf_pages(tmp_path / "sheet-0.pdf"), _pdf_pages(tmp_path / "bare-0.pdf")
    assert set(pages) == {sheet_pages} and sheet_pages > 1 and bare_pages > 1
    assert _pdf_pages(tmp_path / f"bare-{ROUNDS}.pdf") == bare_pages
    assert set(paged_pages) == {_pdf_pages(tmp_path / "paged-0.pdf")}

    figure, floor, floor2 = (statistics.median(v[1:]) for v in (figures, floors, paged))
    layout, keep, painting = (statistics.median(s[k] for s in splits[1:]) for k in ("layout", "keep", "paint"))
    kb = lambda p: (tmp_path / p).stat().st_size / 1024  # noqa: E731
    walls = lambda values: ", ".join(f"{v * 1000:.0f}" for v in values[1:])  # noqa: E731
    _record(
        "",
        f"== sheet PDF, {PRINT_AGENTS} agents, A4 landscape, {RESOLUTION} dpi; {ROUNDS} rounds after a first (cold) "
        f"one; {_load()}",
        f"register_fonts {_ms(t_fonts)}{' (already registered in this process)' if already else ''}; "
        f"make_sheet {_ms(t_sheet)}; build_sheet_html {_ms(t_html)} ({len(html):,} characters)",
        f"print_sheet_pdf         median {_ms(figure)}  {sheet_pages:2d} pages ({kb('sheet-0.pdf'):.0f} KiB)  "
        f"first (cold) {_ms(figures[0])}  [{walls(figures)}]",
        f"  of which (medians of each part): HTML laid out in pages {_ms(layout)}, keep-together pass {_ms(keep)}, "
        f"painting the pages and the rest {_ms(painting)}",
        f"floor: bare print_      median {_ms(floor)}  {bare_pages:2d} pages ({kb('bare-0.pdf'):.0f} KiB)  "
        f"first {_ms(floors[0])} (after the figure's cold run)  [{walls(floors)}]",
        f"ratio {figure / floor:.2f}x the floor (cold: {figures[0] / floors[0]:.2f}x); "
        f"per page {figure / sheet_pages * 1000:.0f} ms vs {floor / bare_pages * 1000:.0f} ms",
        f"second floor: paged layout + drawContents  median {_ms(floor2)}  {paged_pages[0]:2d} pages  "
        f"first {_ms(paged[0])}  [{walls(paged)}]; ratio {figure / floor2:.2f}x",
    )
