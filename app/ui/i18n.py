"""One translation pipeline: .ts sources in resources/i18n, .qm built from them, translators installed.

The .qm files are not committed: they are built at start (into the user data
folder, when missing or older than their .ts) with the lrelease that ships
with PySide6, and a packaged build carries them prebuilt in resources/i18n.
Qt's own translations (qtbase: dialog buttons and the like) are installed too.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import paths

log = logging.getLogger(__name__)
LANGUAGES = ("zh_CN", "en")
CATALOG = "handover"


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def _lrelease() -> Path | None:
    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/bin/lrelease", "Qt/libexec/lrelease"):
        if (folder / name).exists():
            return folder / name
    return None


def build_catalogs(out_dir: Path | None = None) -> Path:
    """Compile every .ts that is newer than its .qm; returns the folder holding the .qm files."""
    source_dir = paths.resources_dir() / "i18n"
    prebuilt = [p for p in source_dir.glob("*.qm")]
    if paths.is_frozen() and prebuilt:
        return source_dir
    out_dir = out_dir or (paths.user_data_dir() / "i18n")
    out_dir.mkdir(parents=True, exist_ok=True)
    tool = _lrelease()
    for ts in source_dir.glob("*.ts"):
        qm = out_dir / ts.with_suffix(".qm").name
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if tool is None:
            log.warning("no lrelease found: %s is not compiled", ts.name)
            continue
        result = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
        if result.returncode != 0:
            log.warning("lrelease failed on %s: %s", ts.name, result.stderr.strip())
    return out_dir


class Translators:
    """State: the translators installed for the current language."""

    def __init__(self) -> None:
        self.installed: list[QTranslator] = []
        self.language = "en"
        self.folder: Path | None = None

    def switch(self, language: str) -> str:
        """Install the translators of `language` (zh_CN or en); returns the language in force."""
        app = QCoreApplication.instance()
        for t in self.installed:
            app.removeTranslator(t)
        self.installed = []
        language = language if language in LANGUAGES else system_language()
        self.language = language
        QLocale.setDefault(QLocale(language))
        if language == "en":
            return language
        if self.folder is None:
            self.folder = build_catalogs()
        ours = QTranslator(app)
        if ours.load(f"{CATALOG}_{language}", str(self.folder)):
            app.installTranslator(ours)
            self.installed.append(ours)
        else:
            log.warning("no catalog %s_%s in %s", CATALOG, language, self.folder)
        qt = QTranslator(app)
        if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            self.installed.append(qt)
        return language


def _main() -> int:
    """`python -m app.ui.i18n`: build the catalogs into resources/i18n (before a packaged build)."""
    folder = build_catalogs(paths.resources_dir() / "i18n")
    print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(_main())
