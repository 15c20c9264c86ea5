"""Per-queue service-level settings of a source: a queue may keep its own threshold, target
and definition (a priority queue at 90/10 beside 80/20 for the rest). Applying recomputes
the stored intervals of the source.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QTableWidget,
    QVBoxLayout,
)

from app.domain.service_level import SlDefinition
from app.domain.sources import FeedSource
from app.ui.service_level.models import definition_name


class QueueSettingsDialog(QDialog):
    """State: the source edited and one row of editors per queue."""

    applied = Signal(object)  # the FeedSource after the change

    def __init__(self, context, source: FeedSource, queues: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("queue_settings")
        self.context = context
        self.source = source
        self.queues = queues
        self.note = QLabel(wordWrap=True)
        self.table = QTableWidget(len(queues), 4, objectName="queue_table")
        self.rows = []
        for r, queue in enumerate(queues):
            own = source.overrides.get(queue)
            settings = source.settings_for(queue)
            use = QCheckBox(queue)
            use.setChecked(own is not None)
            threshold = QDoubleSpinBox(minimum=0, maximum=3600, decimals=0, value=settings.threshold_seconds)
            target = QDoubleSpinBox(minimum=1, maximum=100, decimals=0, value=settings.target_percent)
            definition = QComboBox()
            for d in SlDefinition:
                definition.addItem(definition_name(d), d.value)
            definition.setCurrentIndex(list(SlDefinition).index(settings.definition))
            for c, w in enumerate((use, threshold, target, definition)):
                self.table.setCellWidget(r, c, w)
            self.rows.append((queue, use, threshold, target, definition))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.result_label = QLabel(objectName="result", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(640, 420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Queue settings of {source}").format(source=self.source.name))
        self.note.setText(self.tr(
            "Tick a queue to give it its own threshold, target and definition; the others follow the source "
            "({t:g} s, {target:g} %). Applying recomputes the stored figures."
        ).format(t=self.source.settings.threshold_seconds, target=self.source.settings.target_percent))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Own settings"), self.tr("Threshold T (s)"), self.tr("Target %"), self.tr("Definition")]
        )

    def changes(self) -> list[tuple[str, float | None, float | None, SlDefinition | None]]:
        """(queue, threshold, target, definition) for every queue; None keeps the source's value."""
        out = []
        for queue, use, threshold, target, definition in self.rows:
            if use.isChecked():
                out.append((queue, threshold.value(), target.value(), SlDefinition(definition.currentData())))
            else:
                out.append((queue, None, None, None))
        return out

    def apply(self) -> None:
        from app.domain.sources import QueueOverride
        from app.services.sources import set_queue_overrides

        console, name = self.context.console, self.source.name
        overrides = {q: QueueOverride(t, target, d) for q, t, target, d in self.changes()}

        def work():
            return set_queue_overrides(console, name, overrides)

        def done(changed) -> None:
            self.result_label.setText(self.tr("Saved; {n} intervals recomputed.").format(n=changed.intervals_recomputed))
            self.applied.emit(changed.source)

        self.context.runner.run(work, on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from app.ui.errors import describe

        self.result_label.setText(describe(exc))
