"""The shipped Chinese font (Noto Sans SC regular and bold, subset to Latin + GB 2312), registered at start.

It becomes the fallback of the application font, so Chinese shows and
prints on a machine that has no Chinese system font; system fonts stay the
fallback for rarer characters.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app import paths

FONT_FILES = ("NotoSansSC-Regular-GB2312.otf", "NotoSansSC-Bold-GB2312.otf")  # one family, two weights


def register_fonts(app: QApplication) -> str | None:
    """Register the fonts (regular, and bold so bold text is not synthesised) behind the default family;
    returns their family name."""
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.resources_dir() / "fonts" / name))
        if font_id >= 0:
            family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    if family is None:
        return None
    base = app.font()
    font = QFont(base)
    font.setFamilies([base.family(), family])
    app.setFont(font)
    return family
