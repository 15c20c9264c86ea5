"""The seat map's files and seat menu: layout CSV in and out, the printed chart, the list for the door,
and putting a seat out of service (with a reason and when it is expected back) or back in service (checked
against the map on screen, like a seating change)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMenu, QMessageBox,
    QVBoxLayout,
)

from app.ui.errors import report_error


def import_layout(actions, path: str | None) -> None:
    from app.services import seating_files

    layout = actions._layout()
    floor_id = layout.floor.id if layout is not None else actions.view.floor_id
    if floor_id is None:
        actions.context.status(QCoreApplication.translate("seat_map", "Add a floor first."))
        return
    path = path or actions.ask_path(QCoreApplication.translate("seat_map", "Import a layout"), "",
                                    QCoreApplication.translate("seat_map", "Layouts (*.csv *.xlsx);;All files (*)"), False)
    if not path:
        return

    def done(result) -> None:
        actions.context.status(QCoreApplication.translate(
            "seat_map", "Layout imported: {added} seats added, {updated} updated, {zones} zones created, {problems} rows rejected.").format(
            added=result.added, updated=result.updated, zones=result.zones_created, problems=len(result.problems)))
        actions.view.undo.clear()  # an import is not undone seat by seat
        actions.import_result = result
        if result.problems:
            from app.ui.seat_map import words

            box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("seat_map", "Import a layout"),
                              QCoreApplication.translate("seat_map", "{n} rows of {path} were not imported.").format(
                                  n=len(result.problems), path=result.path), parent=actions.view)
            box.setObjectName("layout_import_result")
            box.setDetailedText("\n".join(QCoreApplication.translate("seat_map", "line {line}: {reason} — {row}").format(
                line=p.line, reason=words.layout_problem(p.code, p.detail), row=p.text) for p in result.problems))
            actions.dialog = box
            box.open()

    actions.run_layout(lambda c: seating_files.import_layout(c, floor_id, path), done)


def export_layout(actions, path: str | None) -> None:
    from app.services import seating_files

    layout = actions._layout()
    if layout is None:
        return
    path = path or actions.ask_path(QCoreApplication.translate("seat_map", "Export the layout"),
                                    f"layout-{layout.floor.name}.csv", "CSV (*.csv)", True)
    if path:
        from app.services.access import exported

        actions.context.runner.run(exported, actions.context.console, seating_files.export_layout,
                                   actions.context.console, layout.floor.id, path,
                                   on_done=lambda p: actions.context.status(
                                       QCoreApplication.translate("seat_map", "Layout exported to {path}.").format(path=p)),
                                   on_error=report_error)


def print_chart(actions, path: str | None) -> None:
    from app.printing.seat_chart import print_seat_chart_pdf
    from app.ui.print_jobs import print_jobs

    seat_map = actions.view.seat_map
    if seat_map is None:
        return
    path = path or actions.ask_path(QCoreApplication.translate("seat_map", "Print the seat chart to PDF"),
                                    "seat-chart.pdf", "PDF (*.pdf)", True)
    if not path:
        return
    family = actions.context.font_family or ""
    now, floor_id = actions.context.now(), actions.view.floor_id
    print_jobs().run(actions.context.runner, print_seat_chart_pdf, seat_map, path, family, now, floor_id,
                     on_done=lambda pages: actions.context.status(QCoreApplication.translate(
                         "seat_map", "Seat chart printed to {path} ({pages} pages).").format(path=path, pages=pages)),
                     on_error=report_error)


def export_list(actions, path: str | None) -> None:
    from app.services import seating_files

    seat_map = actions.view.seat_map
    if seat_map is None:
        return
    path = path or actions.ask_path(QCoreApplication.translate("seat_map", "Export the list agent → seat"),
                                    "seats.xlsx", "Excel (*.xlsx);;CSV (*.csv)", True)
    if not path:
        return
    titles = {
        "name": QCoreApplication.translate("seat_map", "Agent"),
        "employee_no": QCoreApplication.translate("seat_map", "Employee no."),
        "team": QCoreApplication.translate("seat_map", "Team"),
        "seat": QCoreApplication.translate("seat_map", "Seat"),
        "floor": QCoreApplication.translate("seat_map", "Floor"),
        "unseated": QCoreApplication.translate("seat_map", "not seated"),
        "no_team": QCoreApplication.translate("seat_map", "no team"),
        "sheet": QCoreApplication.translate("seat_map", "Seats"),
    }
    from app.services.access import exported

    actions.context.runner.run(exported, actions.context.console, seating_files.export_seat_list, seat_map, path,
                               titles,
                               on_done=lambda p: actions.context.status(
                                   QCoreApplication.translate("seat_map", "List exported to {path}.").format(path=p)),
                               on_error=report_error)


class OutOfServiceDialog(QDialog):
    """Why the seat cannot be used, and when it is expected back (optional)."""

    def __init__(self, code: str, now: datetime, tz, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("out_of_service_dialog")
        self.setWindowTitle(self.tr("Seat {code} out of service").format(code=code))
        self.reason = QComboBox(objectName="oos_reason", editable=True)
        self.reason.addItems([self.tr("headset broken"), self.tr("PC down"), self.tr("phone line fault"),
                              self.tr("chair or desk damaged")])
        self.has_back = QCheckBox(self.tr("Expected back"), objectName="oos_has_back", checked=True)
        self.back = QDateTimeEdit(objectName="oos_back", displayFormat="yyyy-MM-dd HH:mm", calendarPopup=True)
        local = (now + timedelta(days=1)).astimezone(tz)
        self.back.setDateTime(QDateTime.fromString(local.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm"))
        self.has_back.toggled.connect(self.back.setEnabled)
        self.tz = tz
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.has_back, self.back)
        self.error = QLabel(wordWrap=True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(box)

    def values(self) -> tuple[str, datetime | None]:
        back = None
        if self.has_back.isChecked():
            back = datetime.strptime(self.back.dateTime().toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M").replace(tzinfo=self.tz)
        return self.reason.currentText().strip(), back


def seat_menu(actions, seat_item, global_pos) -> None:
    from app.services import seating

    view = actions.view
    if seat_item is None or view.seat_map is None:
        return
    seat = seat_item.seat
    menu = QMenu(view)
    by, now = actions._by(), actions.context.now()
    if seat.out_of_service is None:
        out = menu.addAction(QCoreApplication.translate("seat_map", "Out of service…"))
        out.triggered.connect(lambda: ask_out_of_service(actions, seat))
    else:
        back = menu.addAction(QCoreApplication.translate("seat_map", "Back in service"))
        back.triggered.connect(lambda: actions.run_seat(
            lambda c, seen: seating.clear_out_of_service(c, seat.id, by, now, seen=seen)))
    if seat_item.agent_ids:
        free = menu.addAction(QCoreApplication.translate("seat_map", "Free this seat"))
        free.triggered.connect(lambda: actions.unseat(seat.id))
    actions.menu_open = menu
    menu.popup(global_pos)


def ask_out_of_service(actions, seat) -> OutOfServiceDialog:
    from app.services import seating

    dialog = OutOfServiceDialog(seat.code, actions.context.now(), actions.view.tz, actions.view)
    by = actions._by()

    def accepted() -> None:
        reason, back = dialog.values()
        now = actions.context.now()
        actions.run_seat(lambda c, seen: seating.set_out_of_service(c, seat.id, reason, back, by, now, seen=seen))

    dialog.accepted.connect(accepted)
    actions.dialog = dialog
    dialog.open()
    return dialog
