"""The A4 page renderer: bands on every page, rows and headings kept whole, any paged device, errors."""

from __future__ import annotations

import pytest

from app.printing.document import PageHeader, PrintError, page_layout, paint, write_pdf
from tests.printing.conftest import page_texts

HEADER = PageHeader("徐汇站点", "夜班 · 2026-11-27", "打印于 2026-11-27 23:05")


def _rows(n: int) -> str:
    """Rows of three lines: a key on the first line of one cell, the row's end on the third of another."""
    return "".join(f"<tr><td>K{i:03d}a</td><td>行一<br/>行二<br/>Z{i:03d}z</td></tr>" for i in range(n))


def _table(rows: str) -> str:
    return f'<table width="100%"><thead><tr><th>Key</th><th>Text</th></tr></thead><tbody>{rows}</tbody></table>'


@pytest.mark.parametrize("filler", range(4))
def test_a_row_is_never_cut_between_pages_and_the_header_row_repeats(qapp, font_family, tmp_path, filler):
    html = "<p>intro</p>" * filler + _table(_rows(90))
    pages = write_pdf(tmp_path / "t.pdf", html, HEADER, font_family)
    texts = page_texts(tmp_path / "t.pdf")
    assert pages == len(texts) > 2
    for i in range(90):
        on = [n for n, t in enumerate(texts) if f"K{i:03d}a" in t]
        assert len(on) == 1 and f"Z{i:03d}z" in texts[on[0]], (filler, i)
    for number, text in enumerate(texts, start=1):
        assert text.startswith("徐汇站点 夜班 · 2026-11-27 打印于 2026-11-27 23:05")
        assert f"Page {number} / {pages}" in text
        assert "Key Text" in text


def test_a_heading_stays_with_what_follows_it(qapp, font_family, tmp_path):
    pages_seen = set()
    for filler in range(40, 80, 2):  # moves the heading down to the end of page 1 and beyond
        html = "<p>line</p>" * filler + "<h2>HEADING</h2>" + _table(_rows(3))
        write_pdf(tmp_path / "h.pdf", html, HEADER, font_family)
        texts = page_texts(tmp_path / "h.pdf")
        heading = [n for n, t in enumerate(texts) if "HEADING" in t]
        first = [n for n, t in enumerate(texts) if "K000a" in t]
        assert heading == first, filler
        pages_seen.add(heading[0])
    assert pages_seen == {0, 1}  # both cases were tried: on page 1, and moved to page 2


def test_paints_on_a_printer_with_the_callers_footer(qapp, font_family, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setPageLayout(page_layout(landscape=True))
    pages = paint(printer, _table(_rows(60)), HEADER, font_family, footer="第 {page} 页，共 {pages} 页")
    texts = page_texts(tmp_path / "printer.pdf")
    assert pages == len(texts) > 1
    assert all(f"第 {n} 页,共 {pages} 页" in t for n, t in enumerate(texts, start=1))  # NFKC: ， is ,


def test_an_unwritable_file_is_a_print_error(qapp, font_family, tmp_path):
    with pytest.raises(PrintError) as caught:
        write_pdf(tmp_path / "missing" / "x.pdf", "<p>x</p>", HEADER, font_family)
    assert caught.value.path.endswith("x.pdf")
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    with pytest.raises(PrintError):
        write_pdf(folder, "<p>x</p>", HEADER, font_family)
