"""A4 documents: an HTML body laid out in pages, with a header and a "page x / y" footer on every page.

Every printed document of the application (shift sheet, agenda, handover
report, seat chart) is an HTML body worded by its builder. This module lays it
out with QTextDocument on a paged device and paints it page by page itself,
because QTextDocument.print_ has no custom header: each page gets the site
name, the shift and the print time at the top and the page number at the
bottom. `paint` works on any QPagedPaintDevice (a QPrinter handed over by a
QPrintPreviewDialog, for one); `write_pdf` makes an A4 PDF file. A document
painted with QPainter instead (the seat chart) gets the same bands from
`paint_bands` and its writer from `pdf_writer`.

The layout runs in the device's own pixels (`setPaintDevice`), so fonts keep
their point sizes and Qt scales the HTML's pixel lengths (padding, borders)
from 96 dpi. With a page size set, Qt moves a table row or a line of text
that would cross the bottom of a page to the next page, and repeats a table's
<thead> rows at the top of each page the table continues on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from app.domain.errors import AppError

RESOLUTION = 300  # dpi of the PDF files
MARGINS_MM = QMarginsF(12, 10, 12, 10)  # left, top, right, bottom
HEADER_MM = 9.0  # band above the body: header text and a rule
FOOTER_MM = 7.0  # band below the body: a rule and the page number
BASE_STYLE = """
body { color: #000; }
h1 { font-size: 15pt; font-weight: bold; margin-top: 0; margin-bottom: 4px; }
h2 { font-size: 11pt; font-weight: bold; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 0; margin-bottom: 3px; }
table { border-collapse: collapse; border-color: #777; }
th { background-color: #e4e4e4; font-weight: bold; text-align: left; }
td, th { border: 1px solid #777; padding: 2px; vertical-align: top; }
.num { text-align: right; }
.muted { color: #555; }
"""


class PrintError(AppError):
    """A document could not be printed or written (the PDF file is not writable, no printer)."""

    code = "print"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}", path=path, reason=reason)
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PageHeader:
    """What the top of every page shows, already worded by the caller: site name, shift, print time."""

    site: str
    shift: str
    printed: str


def page_layout(landscape: bool = False) -> QPageLayout:
    """A4 with the application's margins, portrait or landscape."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter)


def footer_text() -> str:
    """The default footer template, with {page} and {pages}."""
    return QCoreApplication.translate("print", "Page {page} / {pages}")


def _mm(device: QPagedPaintDevice, mm: float) -> float:
    return mm * device.logicalDpiY() / 25.4


def document_font(font_family: str, point_size: float) -> QFont:
    """The font of printed text: `font_family` at `point_size`, without OpenType 'locl' substitutions or ligatures.

    The shipped Noto Sans SC swaps Latin-context digits for alternate glyphs
    through 'locl'; those glyphs have no character in the font's cmap, so the
    PDF could not say which digit they are (search and copy would lose every
    number written next to Latin letters).
    """
    font = QFont(font_family)
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("locl"), 0)
    font.setFeature(QFont.Tag("liga"), 0)  # "ff", "fl" as one glyph would lose letters in PDF text
    return font


def _document(device: QPagedPaintDevice, html: str, font_family: str, point_size: float,
              body: QSizeF) -> QTextDocument:
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(document_font(font_family, point_size))
    doc.setDefaultStyleSheet(BASE_STYLE)
    doc.setDocumentMargin(0)  # the page margins are the device's; the bands are ours
    doc.setPageSize(body)  # before the text: one layout, already in pages
    doc.setHtml(html)
    _keep_together(doc, body.height())
    return doc


def _keep_together(doc: QTextDocument, page_height: float) -> None:
    """Move to the next page what Qt would part: a table row split over two pages, a heading left alone.

    Qt keeps a row whole only when none of its cells' first lines fits; a
    row of two-line cells is otherwise cut between its lines. The row before
    such a row gets a bottom padding reaching the page end, so Qt drops the
    row onto the next page below the repeated header rows (and cuts the
    padded row at the page end). A heading whose table or paragraph would
    start on the next page breaks before itself. One break is fixed per
    pass (a relayout of its table), the scan resuming there: what lies
    before it keeps its place.
    """
    block = doc.begin()
    while block.isValid():
        block = _fix_first_break(doc, block, page_height)


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def _row_extent(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    layout = doc.documentLayout()
    top, bottom = float("inf"), float("-inf")
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        top = min(top, layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottom = max(bottom, layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
    return top, bottom


def _may_cross(doc: QTextDocument, table: QTextTable, row: int, page_height: float) -> bool:
    """False when the row and the next start on one page (so the row lies on it): saves measuring every cell."""
    if row + 1 >= table.rows():
        return True
    layout = doc.documentLayout()
    this = layout.blockBoundingRect(table.cellAt(row, 0).firstCursorPosition().block()).top()
    below = layout.blockBoundingRect(table.cellAt(row + 1, 0).firstCursorPosition().block()).top()
    return _page(this, page_height) != _page(below, page_height)


def _anchor_extent(doc: QTextDocument, heading: QTextBlock) -> tuple[float, float] | None:
    """What a heading must stay with: a table's header and first row, or the next paragraph's first line."""
    layout = doc.documentLayout()
    block = heading.next()
    for _ in range(3):  # a short note between a heading and its table belongs with both
        if not block.isValid() or block.blockFormat().headingLevel() > 0:
            return None
        table = QTextCursor(block).currentTable()
        if table is not None:
            last = min(table.rows() - 1, table.format().headerRowCount())
            return _row_extent(doc, table, 0)[0], _row_extent(doc, table, last)[1]
        rect = layout.blockBoundingRect(block)
        if block.next().isValid() and QTextCursor(block.next()).currentTable() is None:
            line = block.layout().lineAt(0) if block.layout().lineCount() else None
            return rect.top(), rect.top() + (line.height() if line is not None else rect.height())
        block = block.next()
    return None


def _fix_first_break(doc: QTextDocument, block: QTextBlock, page_height: float) -> QTextBlock:
    """Scan on from `block`; fix the first bad break and return where it was, or an invalid block at the end."""
    layout = doc.documentLayout()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is None and block.blockFormat().headingLevel() > 0:
            top = layout.blockBoundingRect(block).top()
            anchor = _anchor_extent(doc, block)
            at_page_top = top - _page(top, page_height) * page_height < 1
            if anchor and not at_page_top and _page(anchor[1] - 1, page_height) > _page(top, page_height) \
                    and anchor[1] - top < page_height / 2:
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.mergeBlockFormat(fmt)
                return block.next()
        elif table is not None:
            cell = table.cellAt(cursor)
            row = cell.row()
            if cell.column() == 0 and row > table.format().headerRowCount() \
                    and cell.firstCursorPosition().block() == block:
                top, bottom = _row_extent(doc, table, row) if _may_cross(doc, table, row, page_height) else (0, 1)
                if _page(top, page_height) != _page(bottom - 1, page_height) and bottom - top < page_height / 2:
                    # padding is in CSS pixels, which Qt scales to the device
                    scale = layout.paintDevice().logicalDpiY() / 96
                    gap = (_page(top, page_height) + 1) * page_height - top + 1
                    cursor.beginEditBlock()  # one relayout for the row, not one per cell
                    for column in range(table.columns()):  # every cell: the row grows by the gap itself
                        above = table.cellAt(row - 1, column)
                        fmt = above.format().toTableCellFormat()
                        fmt.setBottomPadding(fmt.bottomPadding() + gap / scale)
                        above.setFormat(fmt)
                    cursor.endEditBlock()
                    return block.next()
        block = block.next()
    return block


def paint(device: QPagedPaintDevice, html: str, header: PageHeader, font_family: str, *,
          footer: str | None = None, point_size: float = 9.0) -> int:
    """Lay `html` out on `device` and paint every page with the header and footer; returns the page count.

    The device's page layout (size, orientation, margins) is used as set;
    `footer` is a template with {page} and {pages} (default: translated
    "Page {page} / {pages}"). The painter is begun and ended here.
    """
    template = footer if footer is not None else footer_text()
    width, height = float(device.width()), float(device.height())
    header_h, footer_h = _mm(device, HEADER_MM), _mm(device, FOOTER_MM)
    body = QSizeF(width, height - header_h - footer_h)
    doc = _document(device, html, font_family, point_size, body)
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError(type(device).__name__, "the device cannot be painted on")
    try:
        for index in range(pages):
            if index:
                device.newPage()
            _paint_bands(painter, device, header, template.format(page=index + 1, pages=pages),
                         font_family, point_size, width, height, header_h, footer_h)
            painter.save()
            painter.translate(0, header_h - index * body.height())
            doc.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
            painter.restore()
    finally:
        painter.end()
    return pages


def paint_bands(painter: QPainter, device: QPagedPaintDevice, header: PageHeader, page: int, pages: int,
                font_family: str, *, footer: str | None = None, point_size: float = 9.0) -> QRectF:
    """Paint one page's header and "page x / y" footer, as `paint` does; returns the body rectangle between them.

    For documents painted with QPainter rather than laid out as HTML (the
    seat chart): `painter` is active on `device`, `page` counts from 1 and
    `footer` is a template with {page} and {pages} (default: translated
    "Page {page} / {pages}"). The rectangle is in the device's pixels.
    """
    template = footer if footer is not None else footer_text()
    width, height = float(device.width()), float(device.height())
    _paint_bands(painter, device, header, template.format(page=page, pages=pages), font_family, point_size,
                 width, height, _mm(device, HEADER_MM), _mm(device, FOOTER_MM))
    return body_rect(device)


def body_rect(device: QPagedPaintDevice) -> QRectF:
    """Where a page's body goes on `device`, between the header and footer bands (device pixels)."""
    header_h, footer_h = _mm(device, HEADER_MM), _mm(device, FOOTER_MM)
    return QRectF(0, header_h, float(device.width()), float(device.height()) - header_h - footer_h)


def _paint_bands(painter: QPainter, device: QPagedPaintDevice, header: PageHeader, footer: str,
                 font_family: str, point_size: float, width: float, height: float,
                 header_h: float, footer_h: float) -> None:
    """The header (site left, shift centred, print time right, a rule) and the footer (a rule, the page)."""
    small = document_font(font_family, max(6.0, point_size - 1))
    bold = QFont(small)
    bold.setBold(True)
    line_h = QFontMetricsF(small, device).height()
    gap = _mm(device, 1.0)
    y = header_h - gap * 2 - line_h
    shift = _elide(header.shift, small, device, width * 0.4)
    shift_w = QFontMetricsF(small, device).horizontalAdvance(shift)
    side = (width - shift_w) / 2 - gap * 3  # what the site and the print time may take on either side
    middle = Qt.AlignmentFlag.AlignVCenter
    painter.save()
    painter.setPen(QColor("#000000"))
    painter.setFont(bold)
    painter.drawText(QRectF(0, y, side, line_h), Qt.AlignmentFlag.AlignLeft | middle,
                     _elide(header.site, bold, device, side))
    painter.setFont(small)
    painter.drawText(QRectF(0, y, width, line_h), Qt.AlignmentFlag.AlignHCenter | middle, shift)
    painter.drawText(QRectF(width - side, y, side, line_h), Qt.AlignmentFlag.AlignRight | middle,
                     _elide(header.printed, small, device, side))
    pen = QPen(QColor("#555555"))
    pen.setWidthF(_mm(device, 0.2))
    painter.setPen(pen)
    painter.drawLine(QPointF(0, header_h - gap), QPointF(width, header_h - gap))
    bottom = height - footer_h
    painter.drawLine(QPointF(0, bottom + gap), QPointF(width, bottom + gap))
    painter.setPen(QColor("#000000"))
    painter.drawText(QRectF(0, bottom + gap * 2, width, line_h), Qt.AlignmentFlag.AlignRight | middle, footer)
    painter.restore()


def _elide(text: str, font: QFont, device: QPagedPaintDevice, width: float) -> str:
    return QFontMetricsF(font, device).elidedText(text, Qt.TextElideMode.ElideRight, width)


def write_pdf(path: str | Path, html: str, header: PageHeader, font_family: str, *, landscape: bool = False,
              footer: str | None = None, point_size: float = 9.0, title: str = "") -> int:
    """Write `html` to an A4 PDF file at `path` (300 dpi); returns the page count.

    Raises PrintError when the file cannot be written (folder missing, no permission).
    """
    writer = pdf_writer(path, landscape=landscape, title=title)
    try:
        return paint(writer, html, header, font_family, footer=footer, point_size=point_size)
    except PrintError:
        raise PrintError(str(path), "the file cannot be written") from None


def pdf_writer(path: str | Path, *, landscape: bool = False, title: str = "") -> QPdfWriter:
    """An A4 PDF writer for `path` at 300 dpi with the application's margins (nothing is written until painted).

    Raises PrintError when the folder does not exist; a file that cannot be
    written shows when a painter is begun on the writer.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise PrintError(str(path), "the folder does not exist")
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(page_layout(landscape))
    writer.setCreator("Shift Handover Console")
    if title:
        writer.setTitle(title)
    return writer
