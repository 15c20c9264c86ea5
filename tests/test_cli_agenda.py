"""`handover-console agenda`: the pre-shift agenda of a shift printed to PDF from the command line (a subprocess,
offscreen, on a SQLite file built here): built when none was prepared, the prepared one otherwise; printed in the
language it was prepared in unless --lang says otherwise; nothing stored by printing; exit 2 with one clear line
for a site or shift that does not exist."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from app.domain.meetings import PartKind
from app.services import meetings, roster, shifts
from app.services.console import Console
from app.services.sources import list_sites
from tests.printing.conftest import page_texts
from tests.services.shift_world import DAY, at, build

ZH_TUNING = unicodedata.normalize("NFKC", "问候语“调音”练习")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'floor.sqlite3'}"
    console = Console.open(url)
    w = build(console)
    for no in ("1001", "1002", "1003"):
        roster.add_entry(console, w.agents[no].id, DAY, w.morning.id)
    site = list_sites(console)[0].name
    console.close()
    return url, w, site


def run(*args: str, url: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("HANDOVER_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "app", *args, "--db", url], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def agenda(url: str, out: Path, site: str, *extra: str, shift="早班") -> subprocess.CompletedProcess:
    return run("agenda", "--site", site, "--date", DAY.isoformat(), "--shift", shift, "--pdf", str(out), *extra,
               url=url)


def test_an_agenda_is_built_when_none_was_prepared_then_the_prepared_one_is_printed(db, tmp_path):
    url, w, site = db
    out = tmp_path / "agenda.pdf"
    done = agenda(url, out, site)
    assert done.returncode == 0, done.stderr
    assert "none was prepared" in done.stdout and str(out) in done.stdout and "1 page" in done.stdout
    (text,) = page_texts(out)
    assert "Pre-shift meeting" in text and site in text and "早班" in text
    assert all(name in text for name in ("Zhang Wei", "Anna Li", "李娜")) and text.count("\u25a1") == 3 + 1
    assert "06:45–06:47" in text and 'Greeting "tuning" practice' in text
    with Console.open(url) as console:
        instance = shifts.ensure_instance(console, DAY, w.morning.id)
        built = meetings.get_agenda(console, instance.id)
        assert built is None  # printing did not prepare it
        built = meetings.build_agenda(console, instance.id, at(console, DAY, 6), "en")
        own = replace(built.part(PartKind.CLOSING), text="Fire drill at 10:00, use exit B")
        meetings.save_agenda(console, replace(built, parts=built.parts[:-1] + (own,)), "王丽", at(console, DAY, 6))
    done = agenda(url, out, site)
    assert done.returncode == 0, done.stderr
    assert "prepared by 王丽, revision 1" in done.stdout
    assert "Fire drill at 10:00, use exit B" in page_texts(out)[0]


def test_the_chinese_agenda_prints_in_the_shipped_font(db, tmp_path):
    url, _, site = db
    out = tmp_path / "agenda-zh.pdf"
    done = agenda(url, out, site, "--lang", "zh_CN")
    assert done.returncode == 0, done.stderr
    text = page_texts(out)[0]
    assert ZH_TUNING in text and "李娜" in text


@pytest.mark.parametrize("site, shift, said", [
    ("Nowhere", "早班", "site 'Nowhere': no such site"),
    (None, "Brunch", "shift 'Brunch': no such shift"),
])
def test_a_site_or_shift_that_does_not_exist_is_one_clear_line(db, tmp_path, site, shift, said):
    url, _, real = db
    out = tmp_path / "agenda.pdf"
    done = agenda(url, out, site or real, shift=shift)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and said in done.stderr and done.stderr.startswith("handover-console: error:")
    assert not out.exists()


def test_a_prepared_agenda_prints_in_its_own_language_unless_lang_says_otherwise(db, tmp_path):
    url, w, site = db
    with Console.open(url) as console:
        instance = shifts.ensure_instance(console, DAY, w.morning.id)
        built = meetings.build_agenda(console, instance.id, at(console, DAY, 6), "zh_CN")
        meetings.save_agenda(console, built, "王丽", at(console, DAY, 6))
    out = tmp_path / "agenda.pdf"
    done = agenda(url, out, site)  # no --lang: the language it was prepared in
    assert done.returncode == 0, done.stderr
    text = page_texts(out)[0]
    assert "班前会议程" in text and "Pre-shift meeting" not in text and ZH_TUNING in text
    assert "prepared by 王丽, revision 1; printed in zh_CN)" in done.stdout
    done = agenda(url, out, site, "--lang", "en")  # the words follow --lang, the content stays as prepared
    assert done.returncode == 0, done.stderr
    text = page_texts(out)[0]
    assert "Pre-shift meeting" in text and "班前会议程" not in text and ZH_TUNING in text
    assert "printed in en, written in zh_CN)" in done.stdout


def _count(url: str, table: str) -> int:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_printing_the_agenda_of_a_shift_not_opened_yet_stores_nothing(db, tmp_path):
    url, _, site = db
    before = {t: _count(url, t) for t in ("shift_instances", "agendas", "warmups")}
    out = tmp_path / "agenda.pdf"
    done = agenda(url, out, site, shift="Evening")
    assert done.returncode == 0, done.stderr
    assert {t: _count(url, t) for t in before} == before == {"shift_instances": 0, "agendas": 0, "warmups": 0}
    text = page_texts(out)[0]
    assert "Evening" in text and 'Greeting "tuning" practice' in text
    assert "none was prepared" in done.stdout and "printed in en)" in done.stdout
