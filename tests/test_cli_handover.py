"""`handover-console handover report`: the handover of a shift printed to PDF from the command line (a subprocess,
offscreen, on a SQLite file built here); exit 2 with one clear line for a site, shift or handover that does not exist."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from app.services import handover as ho
from app.services.console import Console
from tests.printing.conftest import page_texts
from tests.services.handover_world import DAY, OTHER_PIN, PIN, build_handover_world

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'floor.sqlite3'}"
    console = Console.open(url)
    hw = build_handover_world(console, tmp_path)
    h = ho.open_handover(console, hw.morning.id, hw.now)
    ho.save_progress(console, h.id, {1: "done", 2: "done"}, True, "IT ticket INC-4411 open", hw.now)
    console.close()
    return url, hw, h


def run(*args: str, url: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("HANDOVER_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "app", *args, "--db", url], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def report(url: str, out: Path, *extra: str, site="Main site", day=DAY.isoformat(), shift="早班"):
    return run("handover", "report", "--site", site, "--date", day, "--shift", shift, "--pdf", str(out), *extra,
               url=url)


def test_a_draft_and_then_the_signed_handover_printed(db, tmp_path):
    url, hw, h = db
    draft = tmp_path / "draft.pdf"
    done = report(url, draft)
    assert done.returncode == 0, done.stderr
    assert "a draft, not signed" in done.stdout and str(draft) in done.stdout
    whole = " ".join(page_texts(draft))
    assert "draft, not signed" in whole and "Call back about the double charge" in whole and "IT ticket" in whole
    assert "*-**8 · Mr Zhou" in whole and "C-778" not in whole  # the customer id masked on paper

    with Console.open(url) as console:
        ho.sign_outgoing(console, h.id, hw.outgoing.id, PIN, hw.now, talk_done=True)
        ho.sign_incoming(console, h.id, hw.incoming.id, OTHER_PIN, hw.now + timedelta(minutes=3))
    signed = tmp_path / "signed.pdf"
    done = report(url, signed, "--lang", "zh_CN")
    assert done.returncode == 0, done.stderr
    assert "signed by both" in done.stdout and done.stderr == ""
    texts = page_texts(signed)
    assert all("Main site" in t and "早班" in t for t in texts)
    whole = " ".join(texts)
    assert "王丽" in whole and "Li Ming" in whole and "Call back about the double charge" in whole


@pytest.mark.parametrize("kw, message", [
    ({"site": "Nowhere"}, "unknown site: 'Nowhere'"),
    ({"shift": "Brunch"}, "shift 'Brunch': no such shift at the site Main site"),
    ({"shift": "Evening"}, "no handover of the shift 'Evening' of 2026-12-01 at the site 'Main site'"),
    ({"day": "2026-12-02"}, "no handover of the shift '早班' of 2026-12-02"),
    ({"day": "2026-13-01"}, "is not a date YYYY-MM-DD"),
])
def test_what_does_not_exist_exits_2_with_one_line(db, tmp_path, kw, message):
    url, _, _ = db
    out = tmp_path / "none.pdf"
    done = report(url, out, **kw)
    assert done.returncode == 2
    assert message in done.stderr and not out.exists()
    if "date" not in message:
        assert len(done.stderr.strip().splitlines()) == 1


def test_an_unwritable_pdf_exits_2(db, tmp_path):
    url, _, _ = db
    done = report(url, tmp_path / "no" / "such" / "folder.pdf")
    assert done.returncode == 2 and "the folder does not exist" in done.stderr
