"""Printing and exporting the work log from the view: PDF off the GUI thread, print preview, Excel.

The document itself is built in app/printing/work_log.py (QtGui only); the
Excel file by app/services/worklog_export.py with the words of the printed
log as its titles. The site's name and time zone (printed on every page,
the wall clock of every time) come from the services, on the task runner;
`view` is any object with a `context` (UiContext).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.ui.errors import report_error
from app.ui.privacy import for_export, for_print_log



def font_family(context) -> str:
    """The shipped Chinese font as registered at start (it has Latin too), else the application's font."""
    return context.font_family or QApplication.font().family()


def site_of(console, site_id: int | None):
    """The site `site_id` (None or unknown: the first site): its name and IANA zone. Runs on the lane."""
    from app.services.sources import list_sites

    sites = list_sites(console)
    return next((s for s in sites if s.id == site_id), sites[0])


def print_log(view, shift_log, path: str) -> str:
    """Write the shift's log to an A4 PDF at `path` off the GUI thread; the status bar says when it is there."""
    from app.printing.work_log import log_words, print_log_pdf
    from app.ui.print_jobs import print_jobs

    context = view.context
    family, now, words = font_family(context), context.now(), log_words()

    def done(pages: int) -> None:
        text = QCoreApplication.translate("work_log_printing", "Work log printed to {path} ({pages} pages).")
        context.status(text.format(path=path, pages=pages))

    def render(site) -> None:
        print_jobs().run(context.runner, print_log_pdf, for_print_log(context, shift_log), path, family,
                         site.timezone, site.name, now,
                         words, on_done=done, on_error=report_error)

    context.runner.run(site_of, context.console, shift_log.instance.site_id, on_done=render, on_error=report_error)
    return path


def preview_log(view, shift_log):
    """Qt's print preview of the shift's log (A4 portrait) for a real printer; it opens once the site is known."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from app.printing.document import page_layout
    from app.printing.work_log import log_words, paint_log

    context = view.context
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(landscape=False))
    dialog = QPrintPreviewDialog(printer, view)
    dialog.setObjectName("work_log_preview")
    family, now, words = font_family(context), context.now(), log_words()

    def show(site) -> None:
        # Masked or not when painted (a preview left open outlives a supervisor's 15 minutes).
        dialog.paintRequested.connect(
            lambda p: paint_log(p, for_print_log(context, shift_log), family, site.timezone, site.name, now, words))
        dialog.open()

    context.runner.run(site_of, context.console, shift_log.instance.site_id, on_done=show, on_error=report_error)
    return dialog


def export_log(view, entries, path: str, heading: str) -> str:
    """Write the entries (a shift's log, a search result) to an Excel workbook at `path` on the task runner."""
    from app.services.worklog_export import export_log_xlsx

    context = view.context
    entries = for_export(context, entries)
    titles = export_titles()
    site_id = entries[0].site_id if entries else None

    def work(console):
        from app.services.access import exported

        return exported(console, export_log_xlsx, entries, path, titles, site_of(console, site_id).timezone, heading)

    def done(written: str) -> None:
        text = QCoreApplication.translate("work_log_printing", "Work log exported to {path} ({count} entries).")
        context.status(text.format(path=written, count=len(entries)))

    context.runner.run(work, context.console, on_done=done, on_error=report_error)
    return path


def export_titles() -> dict[str, str]:
    """Every word the Excel export asks for (title, sheet.log, col.*, category.*, status.*, priority.*, withdrawn,
    yes), in the window's language: the printed log's words."""
    from app.printing.work_log import log_words

    return log_words()
