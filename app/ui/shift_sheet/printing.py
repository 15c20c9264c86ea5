"""Printing and exporting the sheet from the view: PDF on the lane, print preview for a printer, Excel.

The document itself is built in app/printing/ (QtGui only); the Excel file
by app/services/sheet_export.py with the column titles worded here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.ui.errors import report_error


def font_family(context) -> str:
    """The shipped Chinese font as registered at start (it has Latin too), else the application's font."""
    return context.font_family or QApplication.font().family()


def print_sheet(view, sheet, path: str) -> str:
    """Write the sheet to an A4 PDF at `path` off the GUI thread; the status bar says when it is there."""
    from app.printing.shift_sheet import print_sheet_pdf

    family = font_family(view.context)
    now = view.context.now()

    def done(pages: int) -> None:
        view.context.status(QCoreApplication.translate("sheet", "Sheet printed to {path} ({pages} pages).").format(
            path=path, pages=pages))

    from app.ui.print_jobs import print_jobs

    print_jobs().run(view.context.runner, print_sheet_pdf, sheet, path, family, now, on_done=done, on_error=report_error)
    return path


def preview_sheet(view, sheet):
    """Open Qt's print preview of the sheet (A4 landscape) for a real printer."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from app.printing.document import page_layout
    from app.printing.shift_sheet import paint_sheet

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(landscape=True))
    dialog = QPrintPreviewDialog(printer, view)
    dialog.setObjectName("sheet_preview")
    family, now = font_family(view.context), view.context.now()
    dialog.paintRequested.connect(lambda p: paint_sheet(p, sheet, family, now))
    dialog.open()
    return dialog


def export_sheet(view, sheet, path: str) -> str:
    from app.services.sheet_export import export_sheet_xlsx

    titles = export_titles()

    def done(written: str) -> None:
        view.context.status(QCoreApplication.translate("sheet", "Sheet exported to {path}.").format(path=written))

    from app.services.access import exported

    view.context.runner.run(exported, view.context.console, export_sheet_xlsx, sheet, path, titles, on_done=done,
                            on_error=report_error)
    return path


def export_titles() -> dict[str, str]:
    """The export's column titles and words: the printed sheet's, in the window's language."""
    from app.printing.shift_sheet import sheet_words

    return sheet_words()
