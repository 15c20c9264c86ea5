"""The packaged build: build.spec makes a one-folder bundle that runs like `python -m app`.

Slow (a PyInstaller build, about a minute): deselected by default, run by
`.ci/run` through `pytest -m slow`, or by hand:

    .venv/bin/python -m pytest -m slow tests/test_packaging.py

The bundle is built once for the module into a temporary folder (--distpath,
--workpath), never into the checkout's dist/ and build/. What it proves
inside the bundle: the version comes from the package; db/ is there for
Alembic (every command migrates a fresh database first); the zone data ship
with it (the bundle runs with PYTHONTZPATH empty, so zoneinfo can only use
the bundled tzdata package, as on Windows); psycopg runs on its bundled
libpq (PSYCOPG_IMPL=binary; PostgreSQL case); resources/ is there (demo).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import APP_NAME, __version__
from tests.conftest import JANUARY

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
DAY = "1999-01-04"
BUILD_TIMEOUT = 1200
RUN_TIMEOUT = 300


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The executable of a fresh one-folder build of build.spec."""
    pytest.importorskip(
        "PyInstaller", reason="PyInstaller is not installed: pip install -e '.[build]' to test the packaged build"
    )
    out = tmp_path_factory.mktemp("pyinstaller")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(ROOT / "build.spec")],
        cwd=out, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )
    assert build.returncode == 0, f"PyInstaller failed:\n{build.stderr[-6000:]}"
    exe = out / "dist" / APP_NAME / (APP_NAME + (".exe" if sys.platform == "win32" else ""))
    assert exe.is_file(), f"no executable at {exe}"
    return exe


def run(command: list, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, **(env or {})}, cwd=ROOT, timeout=RUN_TIMEOUT,
    )
    assert proc.returncode == 0, f"{command[1:]} exited {proc.returncode}:\n{proc.stderr[-4000:]}"
    return proc


def bundled(exe: Path, *args) -> subprocess.CompletedProcess:
    # No system zone database: zoneinfo must find Asia/Jerusalem in the
    # bundled tzdata. PSYCOPG_IMPL=binary: psycopg must load the bundled
    # libpq, never fall back to a client library installed on this machine.
    return run([exe, *args], env={"PYTHONTZPATH": "", "PSYCOPG_IMPL": "binary"})


def import_and_report(cli, db_url: str) -> list[dict]:
    """Import the January file with `cli` and return its JSON report of DAY over all queues."""
    imported = cli("feed", "import", JANUARY, "--format", "anonymous-bank", "--source", "bank",
                   "--site", "Bank", "--tz", "Asia/Jerusalem", "--db", db_url)
    assert "calls imported" in imported.stdout
    report = cli("report", "intervals", "--source", "bank", "--date", DAY, "--queue", "*",
                 "--format", "json", "--db", db_url)
    return json.loads(report.stdout)


def test_bundle_runs_the_command_line_like_python_m_app(bundle, db_url, tmp_path):
    assert bundled(bundle, "--version").stdout.strip() == f"{APP_NAME} {__version__}"

    packaged = import_and_report(lambda *args: bundled(bundle, *args), db_url)
    # The same commands from the checkout, on a SQLite file of their own.
    source = import_and_report(lambda *args: run([sys.executable, "-m", "app", *args]),
                               f"sqlite:///{tmp_path / 'source.sqlite3'}")

    assert len(packaged) == 48  # every half hour of the day: migrations ran, the import stored the month
    # Asia/Jerusalem is UTC+2 in January: the bundled zone data were read.
    assert all(r["interval_start"].startswith(DAY) and r["interval_start"].endswith("+02:00") for r in packaged)
    offered = sum(r["offered"] for r in packaged)
    assert offered > 0
    assert offered == sum(r["offered"] for r in source)
    assert packaged == source


def test_bundle_builds_the_demo_and_renders_the_window(bundle, _data_dir, tmp_path):
    from datetime import date

    from pypdf import PdfReader

    out = bundled(bundle, "demo", "--no-window", "--lang", "en").stdout
    assert out.startswith("Demo database: sqlite:///"), out[:500]
    assert (_data_dir / "demo.sqlite3").is_file()
    # A printed pre-shift agenda from the bundle (Qt's PDF writer and the shipped font inside the bundle).
    pdf = tmp_path / "agenda.pdf"
    printed = bundled(bundle, "agenda", "--site", "Demo contact centre (floor 1)", "--date", date.today().isoformat(),
                      "--shift", "Afternoon", "--pdf", pdf, "--db", f"sqlite:///{_data_dir / 'demo.sqlite3'}")
    assert printed.stdout.startswith("Agenda of Afternoon ") and pdf.is_file()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Pre-shift meeting" in text and "Attendance" in text and "Afternoon" in text
    # The window from the bundle: Qt, pyqtgraph, the fonts and the compiled Chinese catalog.
    shots = tmp_path / "shots"
    bundled(bundle, "--screenshots", shots, "--lang", "zh_CN", "--db", f"sqlite:///{_data_dir / 'demo.sqlite3'}")
    assert {p.stem for p in shots.glob("*.png")} >= {"service_level", "now", "wallboard"}
    assert (shots / "service_level.png").stat().st_size > 20_000
