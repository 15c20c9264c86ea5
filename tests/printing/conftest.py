"""Printing tests: the shipped Chinese font registered once, and a PDF read back page by page."""

from __future__ import annotations

import re
import unicodedata

import pytest


@pytest.fixture(scope="session")
def font_family(qapp):
    """The family of the shipped fonts (resources/fonts/NotoSansSC-*-GB2312.otf), registered as the window does."""
    from app.ui.fonts import register_fonts

    family = register_fonts(qapp)
    assert family == "Handover Noto Sans SC"
    return family


def page_texts(path) -> list[str]:
    """The text of each page, whitespace collapsed.

    NFKC: where a machine has the full Noto Sans CJK installed, Qt names a
    glyph shared by an ideograph and a Kangxi radical (心 / ⼼) with the lower
    code point; folding makes the check independent of the fonts installed.
    """
    from pypdf import PdfReader

    out = []
    for page in PdfReader(str(path)).pages:
        text = unicodedata.normalize("NFKC", page.extract_text())
        out.append(re.sub(r"\s+", " ", text.replace("\u2012", "\u2013")))
    return out
