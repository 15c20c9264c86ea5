"""Add a feed: choose a file and how to read it, import it with a progress bar and Cancel,
then see the summary and the rejected lines (copy or save them).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.calls import FeedFormat
from app.domain.service_level import SlDefinition
from app.services import sources as source_service
from app.services.zones import machine_zone
from app.services.import_common import ImportRequest, ImportState, ImportSummary, read_report, save_text
from app.services.imports import import_feed
from app.ui.errors import describe
from app.ui.service_level.models import definition_name

ZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore", "Asia/Tokyo", "Asia/Jerusalem", "Europe/London",
         "Europe/Berlin", "America/New_York", "America/Chicago", "America/Los_Angeles", "UTC")


class _Progress(QObject):
    """Carries progress from the lane's thread to the dialog (a queued signal)."""

    changed = Signal(int, int)


class AddFeedDialog(QDialog):
    """State: the import under way (its ImportState), the last summary, the rejected lines shown."""

    imported = Signal(object)  # ImportSummary

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add_feed_dialog")
        self.context = context
        self.state: ImportState | None = None
        self.summary: ImportSummary | None = None
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.path_edit = QLineEdit(objectName="path")
        self.browse_button = QPushButton(objectName="browse")
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.format_box = QComboBox(objectName="format")
        for f in FeedFormat:
            self.format_box.addItem(f.value, f.value)  # item data: the plain value (Qt keeps strings exactly)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.source_edit = QLineEdit(objectName="source")
        self.site_box = QComboBox(objectName="site", editable=True)
        self.zone_box = QComboBox(objectName="zone", editable=True)
        self.zone_box.addItems(sorted(set(ZONES) | {machine_zone()}))
        self.zone_box.setCurrentText(machine_zone())
        self.threshold_box = QDoubleSpinBox(objectName="threshold", minimum=0, maximum=3600, value=20, decimals=0)
        self.definition_box = QComboBox(objectName="definition")
        for d in SlDefinition:
            self.definition_box.addItem(definition_name(d), d.value)
        self.target_box = QDoubleSpinBox(objectName="target", minimum=1, maximum=100, value=80, decimals=0)
        self.mapping_edit = QLineEdit(objectName="mapping")
        self.mapping_button = QPushButton(objectName="browse_mapping")
        self.mapping_button.clicked.connect(self._browse_mapping)
        mapping_row = QHBoxLayout()
        mapping_row.addWidget(self.mapping_edit, 1)
        mapping_row.addWidget(self.mapping_button)
        self.live_box = QCheckBox(objectName="live")
        self.form = QFormLayout()
        self.labels = {}
        for key, field in (("file", path_row), ("format", self.format_box), ("source", self.source_edit),
                           ("site", self.site_box), ("zone", self.zone_box), ("threshold", self.threshold_box),
                           ("definition", self.definition_box), ("target", self.target_box),
                           ("mapping", mapping_row), ("live", self.live_box)):
            label = QLabel()
            self.labels[key] = label
            self.form.addRow(label, field)
        self.progress = QProgressBar(objectName="progress", minimum=0, maximum=1000, value=0)
        self.result = QLabel(objectName="result", wordWrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rejected = QTableWidget(0, 3, objectName="rejected")
        self.rejected.horizontalHeader().setStretchLastSection(True)
        self.copy_button = QPushButton(objectName="copy_rejected")
        self.copy_button.clicked.connect(self.copy_rejected)
        self.save_button = QPushButton(objectName="save_rejected")
        self.save_button.clicked.connect(lambda: self.save_rejected())
        rejected_row = QHBoxLayout()
        rejected_row.addStretch(1)
        rejected_row.addWidget(self.copy_button)
        rejected_row.addWidget(self.save_button)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.rejected, 1)
        layout.addLayout(rejected_row)
        layout.addWidget(self.buttons)
        self._set_running(False)
        self._format_changed()
        self.resize(640, 620)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a feed"))
        for key, text in (("file", self.tr("File")), ("format", self.tr("Format")), ("source", self.tr("Source name")),
                          ("site", self.tr("Site")), ("zone", self.tr("Time zone of the file")),
                          ("threshold", self.tr("Threshold T (seconds)")), ("definition", self.tr("Service level")),
                          ("target", self.tr("Target %")), ("mapping", self.tr("Mapping file")),
                          ("live", self.tr("Live"))):
            self.labels[key].setText(text)
        self.browse_button.setText(self.tr("Browse…"))
        self.mapping_button.setText(self.tr("Browse…"))
        self.live_box.setText(self.tr("The ACD keeps appending to this file: poll it"))
        self.import_button.setText(self.tr("Import"))
        self.copy_button.setText(self.tr("Copy rejected lines"))
        self.save_button.setText(self.tr("Save rejected lines…"))
        self.rejected.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Reason"), self.tr("Text")])
        self.mapping_edit.setPlaceholderText(self.tr("needed for interval reports; optional for other CSV exports"))

    def load_sites(self, sites) -> None:
        self.sites = {s.name: s for s in sites}
        self.site_box.clear()
        self.site_box.addItems([s.name for s in sites])
        self.site_box.currentTextChanged.connect(self._site_named)
        self._site_named(self.site_box.currentText())

    def load_sources(self, sources) -> None:
        """Known sources: naming one fills in its settings, so an import into it changes none by mistake."""
        self.sources = {s.name: s for s in sources}
        self.source_edit.textChanged.connect(self._source_named)

    def _site_named(self, name: str) -> None:
        site = getattr(self, "sites", {}).get(name.strip())
        if site is not None:
            self.zone_box.setCurrentText(site.timezone)

    def _source_named(self, name: str) -> None:
        source = getattr(self, "sources", {}).get(name.strip())
        if source is None:
            return
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(source.format)))
        self.site_box.setCurrentText(source.site.name)
        self.zone_box.setCurrentText(source.site.timezone)
        self.threshold_box.setValue(source.settings.threshold_seconds)
        self.definition_box.setCurrentIndex(max(0, self.definition_box.findData(source.settings.definition.value)))
        self.target_box.setValue(source.settings.target_percent)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an ACD file"))
        if path:
            self.path_edit.setText(path)
            if not self.source_edit.text():
                self.source_edit.setText(Path(path).stem)

    def _browse_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a mapping file"), "", "TOML (*.toml)")
        if path:
            self.mapping_edit.setText(path)

    def _format_changed(self) -> None:
        fmt = FeedFormat(self.format_box.currentData())
        self.mapping_edit.setEnabled(fmt in (FeedFormat.CALLS_CSV, FeedFormat.INTERVAL_CSV))
        self.threshold_box.setEnabled(fmt is not FeedFormat.INTERVAL_CSV)

    def request(self) -> ImportRequest:
        fmt = FeedFormat(self.format_box.currentData())
        mapping = self.mapping_edit.text().strip()
        return ImportRequest(
            path=Path(self.path_edit.text().strip()),
            format=fmt,
            source=self.source_edit.text().strip(),
            site=self.site_box.currentText().strip() or None,
            threshold_seconds=None if fmt is FeedFormat.INTERVAL_CSV else self.threshold_box.value(),
            tz=self._zone_asked(),
            sl_definition=SlDefinition(self.definition_box.currentData()),
            mapping=Path(mapping) if mapping else None,
        )

    def _zone_asked(self) -> str | None:
        """None when the file's clock is its site's (the site then decides); else the zone chosen."""
        zone = self.zone_box.currentText().strip() or None
        site = getattr(self, "sites", {}).get(self.site_box.currentText().strip())
        return None if site is not None and zone == site.timezone else zone

    def start_import(self) -> None:
        if not self.path_edit.text().strip() or not self.source_edit.text().strip():
            self.result.setText(self.tr("Choose a file and name the source."))
            return
        request = self.request()
        target = self.target_box.value()
        console = self.context.console
        self.state = ImportState(on_progress=self._progress.changed.emit)
        state = self.state

        live = self.live_box.isChecked()

        def work():
            if live:
                from app.services.live import add_live_source, poll

                add_live_source(console, request)
                result = poll(console, request.source)  # the first poll reads what the file holds
                source_service.set_target(console, request.source, target)
                return result
            summary = import_feed(console, request, state)
            source_service.set_target(console, summary.source, target)
            return summary

        self._set_running(True)
        self.result.setText(self.tr("Importing…"))
        self.context.runner.run(work, on_done=self._done, on_error=self._failed)

    def cancel_import(self) -> None:
        if self.state is not None:
            self.state.cancel()
        else:
            self.reject()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def _set_running(self, running: bool) -> None:
        self.import_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for w in (self.path_edit, self.format_box, self.source_edit, self.site_box, self.zone_box):
            w.setEnabled(not running)

    def _done(self, summary) -> None:
        self.state = None
        self._set_running(False)
        self.summary = summary
        self.progress.setValue(1000)
        if not isinstance(summary, ImportSummary):  # a live source's first poll
            self.result.setText(self.tr(
                "{source} is live: {lines} lines read, {new} new calls; the window polls it from now on."
            ).format(source=summary.source, lines=summary.lines_read, new=summary.new))
            self._show_rejected(summary.first_rejected)
            self.imported.emit(summary)
            return
        what = self.tr("{n} intervals").format(n=summary.intervals_written) if summary.vendor_rule else self.tr(
            "{n} calls ({new} new, {known} already known)"
        ).format(n=summary.calls, new=summary.new, known=summary.known)
        text = self.tr("Imported {what} from {lines} lines into {source}; {rejected} lines rejected.").format(
            what=what, lines=summary.lines_read, source=summary.source, rejected=summary.rejected
        )
        if summary.cancelled:
            text += " " + self.tr("Cancelled: the batches read so far are stored; import again to complete it.")
        self.result.setText(text)
        self._fill_rejected(summary)
        self.imported.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self.state = None
        self._set_running(False)
        self.progress.setValue(0)
        self.result.setText(describe(exc))

    def _fill_rejected(self, summary: ImportSummary) -> None:
        if summary.report_path:
            self.context.runner.run(read_report, summary.report_path, on_done=self._show_rejected,
                                    on_error=lambda _: self._show_rejected(summary.first_rejected))
        else:
            self._show_rejected(summary.first_rejected)

    def _show_rejected(self, lines) -> None:
        self.rejected.setRowCount(len(lines))
        for row, r in enumerate(lines):
            for col, value in enumerate((str(r.line_no), r.reason, r.text)):
                self.rejected.setItem(row, col, QTableWidgetItem(value))

    def rejected_text(self) -> str:
        rows = []
        for row in range(self.rejected.rowCount()):
            rows.append("\t".join(self.rejected.item(row, c).text() for c in range(3)))
        return "\n".join(rows)

    def copy_rejected(self) -> None:
        QGuiApplication.clipboard().setText(self.rejected_text())

    def save_rejected(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected lines"), "rejected.tsv", "TSV (*.tsv)")
            if not path:
                return None
        text = self.rejected_text()
        self.context.runner.run(save_text, path, text, on_error=self._failed)
        return path
