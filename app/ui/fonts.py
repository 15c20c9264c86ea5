"""The shipped Chinese font (Noto Sans SC, subset to Latin + GB 2312), registered at start.

It becomes the fallback of the application font, so Chinese shows and
prints on a machine that has no Chinese system font; system fonts stay the
fallback for rarer characters.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app import paths

FONT_FILE = "NotoSansSC-Regular-GB2312.otf"


def register_fonts(app: QApplication) -> str | None:
    """Register the font and put it behind the default family; returns its family name."""
    font_id = QFontDatabase.addApplicationFont(str(paths.resources_dir() / "fonts" / FONT_FILE))
    if font_id < 0:
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    base = app.font()
    font = QFont(base)
    font.setFamilies([base.family(), family])
    app.setFont(font)
    return family
