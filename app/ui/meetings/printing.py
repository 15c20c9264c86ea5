"""Printing the agenda from the view: the PDF off the GUI thread (print jobs), Qt's print preview for a printer.

The document is app/printing/agenda.py's; the words are taken in the window's
language when asked, the font is the shipped one as registered at start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.errors import report_error
from app.ui.work_log.printing import font_family


def print_agenda(view, agenda, path: str, site: str = "") -> str:
    """Write `agenda` to an A4 PDF at `path`; the status bar (and `view.printed`, if any) says when it is there."""
    from app.printing.agenda import agenda_words, print_agenda_pdf
    from app.ui.print_jobs import print_jobs

    context = view.context

    def done(pages: int) -> None:
        text = QCoreApplication.translate("meetings_printing", "Agenda printed to {path} ({pages} pages).")
        context.status(text.format(path=path, pages=pages))

    print_jobs().run(context.runner, print_agenda_pdf, agenda, path, font_family(context), agenda_words(), site,
                     context.now(), on_done=done, on_error=report_error)
    return path


def preview_agenda(view, agenda, site: str = ""):
    """Qt's print preview of the agenda (A4 portrait), open at once."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from app.printing.agenda import agenda_words, paint_agenda
    from app.printing.document import page_layout

    context = view.context
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(landscape=False))
    dialog = QPrintPreviewDialog(printer, view)
    dialog.setObjectName("agenda_preview")
    family, now, words = font_family(context), context.now(), agenda_words()
    dialog.paintRequested.connect(lambda p: paint_agenda(p, agenda, family, words, site, now))
    dialog.open()
    return dialog
