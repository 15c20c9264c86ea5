"""Starting the desktop window: QApplication, translators, fonts, settings, lane, console, window.

`run` is what `handover-console` does without a command; `--screenshots DIR`
renders every view to DIR/<view>.png offscreen and exits.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app import paths
from app.services.lane import Lane
from app.ui.context import UiContext
from app.ui.fonts import register_fonts
from app.ui.i18n import Translators, system_language
from app.ui.main_window import MainWindow
from app.ui.preferences import PreferencesDialog
from app.ui.settings import LANGUAGE, Settings
from app.ui.task_runner import TaskRunner


class DesktopApp:
    """State: the QApplication, translators, settings, lane, context and main window."""

    def __init__(self, db_url: str | None, lang: str | None = None, settings_path: Path | None = None,
                 lane: Lane | None = None, scheduled: bool = True, sign_in: bool = False) -> None:
        self.qt = QApplication.instance() or QApplication(sys.argv[:1])
        QCoreApplication.setApplicationName("handover-console")
        QCoreApplication.setOrganizationName("handover-console")
        store = QSettings(str(settings_path or paths.user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)
        self.settings = Settings(store)
        self.translators = Translators()
        self.translators.switch(lang or self.settings.get(LANGUAGE) or system_language())
        self.font_family = register_fonts(self.qt)
        self.lane = lane or Lane()
        runner = TaskRunner(self.lane)
        self.db_url = db_url
        self.context = UiContext(None, runner, self.settings, font_family=self.font_family)
        self.window = MainWindow(self.context, load_demo=self.load_demo, preferences=self.preferences,
                                 scheduled=scheduled, sign_in=sign_in)

    def start(self) -> MainWindow:
        """Show the window, then open the database on the lane (SQLAlchemy and pandas load there)."""
        self.window.show()
        self.context.runner.run(_open_console, self.db_url, on_done=self._opened, on_error=self._not_opened)
        return self.window

    def _not_opened(self, exc: BaseException) -> None:
        """The database could not be opened (another console has the SQLite file, a bad URL...): said in the
        window, which stays without a database."""
        from PySide6.QtWidgets import QMessageBox

        from app.ui.errors import describe

        text = describe(exc)
        self.window.show_message(text)
        title = QCoreApplication.translate("errors", "The database cannot be opened")
        box = QMessageBox(QMessageBox.Icon.Critical, title, text,
                          QMessageBox.StandardButton.Close, self.window)
        box.setObjectName("open_error")
        box.open()
        self.open_error, self.window.open_error_box = exc, box

    def _opened(self, console) -> None:
        self.context.console = console
        self.window.refresh()

    def load_demo(self) -> None:
        lang = self.translators.language

        now = self.context.now()

        def work():
            from app.services.demo import build_demo

            return _open_console(build_demo(lang, now=now).db_url)

        def opened(console) -> None:
            self.window.live.stop()
            self.window.live.plan = ((), None)
            old, self.context.console = self.context.console, console
            if old is not None:
                self.lane.submit(old.close)
            self.window.refresh()

        self.context.runner.run(work, on_done=opened)

    def preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self.translators.switch, self.window)
        signing = self.window.signing  # the desk's lock time is a supervisor's to set
        dialog.idle.setEnabled(not signing.required or (signing.user is not None
                                                        and signing.user.role.value == "supervisor"))
        dialog.open()
        self.window.preferences_dialog = dialog

    def wait_idle(self, timeout_ms: int = 30000) -> None:
        """Process events until the lane has delivered every result (screenshots, tests)."""
        from app.ui.print_jobs import print_jobs

        deadline = QDeadlineTimer(timeout_ms)
        while (self.context.runner.pending or print_jobs().pending) and not deadline.hasExpired():
            self.qt.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        self.qt.processEvents()

    def close(self) -> None:
        from app.ui.print_jobs import wait_for_print_jobs

        wait_for_print_jobs()
        self.window.live.stop()
        self.window.close()
        self.lane.shutdown()
        if self.context.console is not None:
            self.context.console.close()


def _open_console(url: str | None):
    from app.services.console import Console

    return Console.open(url, desk=True)


def run(db_url: str | None, lang: str | None) -> int:
    desktop = DesktopApp(db_url, lang, sign_in=True)  # the desk asks who is there once a supervisor exists
    desktop.start()
    code = desktop.qt.exec()
    desktop.close()
    return code


def screenshots(folder: Path, db_url: str | None, lang: str | None) -> int:
    from app.ui.screenshots import render_all

    # Fresh settings (not the user's remembered window), kept out of the pictures' folder.
    scratch = tempfile.TemporaryDirectory()
    desktop = DesktopApp(db_url, lang, settings_path=Path(scratch.name) / "settings.ini")
    desktop.start()
    desktop.wait_idle()
    written = render_all(desktop, Path(folder))
    for path in written:
        print(path)
    QTimer.singleShot(0, desktop.qt.quit)
    desktop.close()
    scratch.cleanup()
    return 0
