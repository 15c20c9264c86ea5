"""Printing the handover report from the view: PDF off the GUI thread, Qt's print preview for a printer.

The document is built in app/printing/handover_report.py over the handover's
snapshot (the frozen one once signed, one built at loading for a draft).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.errors import report_error
from app.ui.privacy import for_print_handover
from app.ui.work_log.printing import font_family


def print_report(view, handover, path: str) -> str:
    """Write the report of `handover` (with its snapshot) to an A4 PDF at `path`; the status bar says when done."""
    from app.printing.handover_report import print_report_pdf, report_words
    from app.ui.print_jobs import print_jobs

    context = view.context

    def done(pages: int) -> None:
        text = QCoreApplication.translate("handover_printing", "Handover report printed to {path} ({pages} pages).")
        context.status(text.format(path=path, pages=pages))

    print_jobs().run(context.runner, print_report_pdf, for_print_handover(context, handover), path,
                     font_family(context), report_words(),
                     context.now(), on_done=done, on_error=report_error)
    return path


def preview_report(view, handover):
    """Qt's print preview of the report (A4 portrait) for a real printer."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from app.printing.document import page_layout
    from app.printing.handover_report import paint_report, report_words

    context = view.context
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(landscape=False))
    dialog = QPrintPreviewDialog(printer, view)
    dialog.setObjectName("handover_preview")
    family, now, words = font_family(context), context.now(), report_words()
    # Masked or not when painted (a preview left open outlives a supervisor's 15 minutes).
    dialog.paintRequested.connect(lambda p: paint_report(p, for_print_handover(context, handover), family, words, now))
    dialog.open()
    return dialog
