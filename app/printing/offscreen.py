"""Qt for printing from the command line: a QGuiApplication without a screen, the shipped fonts, the translator.

The command line (app.cli) may not import Qt itself, nor the window's
modules; a command that prints a document calls `prepare(language)` first
and gets the family to print in. The catalogs are the window's own: the .qm
files compiled from resources/i18n/*.ts (by the window at start, into the
user data folder, or prebuilt in a packaged build); when none is there yet,
the lrelease that ships with PySide6 compiles the one needed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication

from app import paths

LANGUAGES = ("zh_CN", "en")
CATALOG = "handover"
FONT_GLOB = "NotoSansSC-*-GB2312.otf"  # the shipped family, regular and bold
_state: dict[str, object] = {}


def prepare(language: str | None) -> str:
    """Make sure a Qt application exists (offscreen when none does), register the shipped fonts and install the
    translator of `language` (zh_CN or en; None: en); returns the font family to print in ("" when no font)."""
    if QCoreApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _state["app"] = QGuiApplication(["handover-console"])
    family = _register_fonts()
    _install(language if language in LANGUAGES else "en")
    return family


def _register_fonts() -> str:
    if "family" in _state:
        return _state["family"]  # type: ignore[return-value]
    family = ""
    for path in sorted((paths.resources_dir() / "fonts").glob(FONT_GLOB)):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0 and not family:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    _state["family"] = family
    return family


def _install(language: str) -> None:
    app = QCoreApplication.instance()
    old = _state.pop("translator", None)
    if old is not None:
        app.removeTranslator(old)
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return
    qm = _catalog(language)
    translator = QTranslator(app)
    if qm is not None and translator.load(str(qm)):
        app.installTranslator(translator)
        _state["translator"] = translator


def _catalog(language: str) -> Path | None:
    """The compiled catalog of `language`: prebuilt, or the window's, or compiled now from its .ts."""
    name = f"{CATALOG}_{language}"
    source = paths.resources_dir() / "i18n" / f"{name}.ts"
    built = paths.user_data_dir() / "i18n" / f"{name}.qm"
    for qm in (paths.resources_dir() / "i18n" / f"{name}.qm", built):
        if qm.exists() and (not source.exists() or qm.stat().st_mtime >= source.stat().st_mtime):
            return qm
    tool = next((p for p in (Path(PySide6.__file__).parent / n for n in
                             ("lrelease", "lrelease.exe", "Qt/bin/lrelease", "Qt/libexec/lrelease")) if p.exists()),
                None)
    if tool is None or not source.exists():
        return built if built.exists() else None
    built.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([str(tool), "-silent", str(source), "-qm", str(built)], capture_output=True, text=True)
    return built if result.returncode == 0 and built.exists() else None
