"""Handover quality (交接质量): how the site's shift changes of the last 30 days went.

One line per shift change, whether a handover was opened or not: the
service level of the half hours around the change against the rest of the
outgoing and incoming shifts (from the site's first live feed source, by its
own definition; a drop of 5 points or more is tinted), whether both signed
within 15 minutes of the change, and the playbook runs started in the
outgoing shift. Above the table, one line sums it up: the average drop
around the changes and how many were signed on time. Reading only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from app.ui.errors import describe, report_error
from app.ui.handover_quality.model import QualityModel
from app.ui.service_level.models import definition_name


class HandoverQualityView(QWidget):
    """State: the last report shown (QualityReport or None)."""

    view_id = "handover_quality"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.report = None
        self.error = ""
        self.title = QLabel(objectName="quality_title")
        self.title.setStyleSheet("font-weight: bold")
        self.refresh_button = QPushButton(objectName="quality_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.summary = QLabel(objectName="quality_summary", wordWrap=True)
        self.summary.setStyleSheet("font-size: 11pt; padding: 4px 0")
        self.source = QLabel(objectName="quality_source", wordWrap=True)
        self.source.setStyleSheet("color: #555")
        self.model = QualityModel(self)
        self.table = QTableView(objectName="quality_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.source)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def title_text(self) -> str:
        return self.tr("Handover quality")

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.retranslate()
        self._show_texts()

    def start(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        console = self.context.console
        if console is None:
            return
        now = self.context.now()

        def work():
            from app.services.handover_quality import handover_quality

            return handover_quality(console, now)

        self.context.runner.run(work, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, report) -> None:
        self.report, self.error = report, ""
        self.model.set_rows(report.rows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        if report.rows:
            self.table.scrollToBottom()  # the latest changes first in sight
        self._show_texts()

    def _failed(self, exc: BaseException) -> None:
        self.error = describe(exc)
        report_error(exc)
        self._show_texts()

    def _show_texts(self) -> None:
        report = self.report
        if report is None:
            self.title.setText(self.tr("Shift changes of the last 30 days"))
            self.summary.setText(self.error)
            self.source.setText("")
            return
        self.title.setText(self.tr("{site}: shift changes from {first} to {last}").format(
            site=report.site, first=f"{report.first:%Y-%m-%d}", last=f"{report.last:%Y-%m-%d %H:%M}"))
        if not report.rows:
            self.summary.setText(self.tr("No shift change in the last 30 days: set up the site's shifts in "
                                         "Shifts and people."))
        else:
            drop = report.average_drop
            if drop is None:
                first = self.tr("No calls around the changes: no service-level drop to show.")
            elif drop >= 0:
                first = self.tr("Average drop around changes: {drop:.1f} points (changes with calls: {n}).").format(
                    drop=drop, n=report.changes_with_drop)
            else:
                first = self.tr("Around changes the service level rose by {rise:.1f} points on average "
                                "(changes with calls: {n}).").format(rise=-drop, n=report.changes_with_drop)
            second = self.tr("Signed on time: {n} of {m}.").format(n=report.signed_on_time_count, m=report.counted)
            self.summary.setText(f"{first} {second}")
        if report.source is None:
            self.source.setText(self.tr("The site has no feed source: no service level."))
        else:
            self.source.setText(self.tr("Service level of {source} ({definition}, target {target:.0f} %): the half "
                                        "hours overlapping 30 minutes either side of the change against the rest of "
                                        "both shifts. Signed on time: both signatures within 15 minutes of the "
                                        "change.").format(source=report.source,
                                                          definition=definition_name(report.definition),
                                                          target=report.target_percent or 0))
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
