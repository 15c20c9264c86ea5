"""The seven pages of the handover session, each showing its part of a snapshot (app.services.handover_snapshot).

A draft shows a snapshot built now; a signed handover its frozen one, so the
same pages show both. The words of the printed report (app.printing
.handover_report.report_words) name the columns, so the screen and the paper
say the same. Pages that act (notices, items, the talk) emit signals; the
view does the work and reads the handover again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton,
    QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.printing.handover_report import sl_facts

ALARM = QColor("#b00020")
GOOD = QColor("#1b5e20")
ID_ROLE = Qt.ItemDataRole.UserRole
COUNT_KEYS = ("scheduled", "present", "late", "absent", "leave", "swapped", "left_early", "unmarked", "expected")


def clock(iso: str | None, day: bool = False) -> str:
    """An instant of the snapshot (ISO, in the site's local time) as HH:MM, or MM-DD HH:MM; "" for none."""
    if not iso:
        return ""
    at = datetime.fromisoformat(iso)
    return at.strftime("%m-%d %H:%M" if day else "%H:%M")


def pct(value) -> str:
    return "" if value is None else f"{value:.1f} %"


def table(name: str) -> QTableWidget:
    t = QTableWidget(objectName=name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    t.verticalHeader().hide()
    t.verticalHeader().setDefaultSectionSize(24)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill(t: QTableWidget, headers: list[str], rows: list[list], colours: list[QColor | None] | None = None,
         ids: list | None = None) -> None:
    """Put `rows` (cells as text or numbers) in `t`; a row colour paints its text; `ids` go in column 0's data."""
    t.clearContents()
    t.setColumnCount(len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if colours and colours[r] is not None:
                item.setForeground(colours[r])
            if c == 0 and ids is not None:
                item.setData(ID_ROLE, ids[r])
            t.setItem(r, c, item)
    t.resizeColumnsToContents()
    for c in range(t.columnCount() - 1):
        if t.columnWidth(c) > 360:
            t.setColumnWidth(c, 360)
    t.horizontalHeader().setSectionResizeMode(t.columnCount() - 1, QHeaderView.ResizeMode.Stretch) \
        if t.columnCount() else None


def heading(name: str) -> QLabel:
    label = QLabel(objectName=name)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class Page(QWidget):
    """A step's page. Each of the seven subclasses draws its step with `show_snapshot(snapshot, words, read_only)`;
    `has_content` says whether there is anything to go through (an empty page is ticked "nothing to go through" by
    Next)."""

    has_content = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def retranslate(self) -> None:
        pass


class SheetPage(Page):
    """Step 1: attendance counts of both shifts, personnel changes, notices with the incoming acknowledgement."""

    acknowledge_notice = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.counts = table("handover_counts")
        self.counts.setMaximumHeight(90)
        self.changes_title = heading("handover_changes_title")
        self.changes = table("handover_changes")
        self.notices_title = heading("handover_notices_title")
        self.notices = table("handover_notices")
        for w in (self.counts, self.changes_title, self.changes, self.notices_title, self.notices):
            self.layout_.addWidget(w)
        self.layout_.setStretch(2, 1)
        self.layout_.setStretch(4, 2)
        self.notice_rows: list[dict] = []

    def show_snapshot(self, s, w, read_only) -> None:
        from app.domain.attendance import ChangeKind
        from app.ui.shift_sheet.words import change_kinds

        sheet = s["sheet"]
        fill(self.counts, [w["count.shift"]] + [w["count." + k] for k in COUNT_KEYS],
             [[f"{w[side]} · {s[side]['shift']}"] + [sheet[side]["counts"].get(k, 0) for k in COUNT_KEYS]
              for side in ("outgoing", "incoming")])
        kinds = change_kinds()
        self.changes_title.setText(w["changes"])
        fill(self.changes, [w["count.shift"], w["col.change"], w["col.name"], w["col.note"], w["col.by"]],
             [[s[c["shift"]]["shift"] + " " + clock(c["at"]), kinds.get(ChangeKind(c["kind"]), c["kind"]),
               c["agent"], c["text"], c["by"]] for c in sheet["changes"]])
        self.notices_title.setText(w["notices"])
        self.notice_rows = list(sheet["notices"])
        headers = [w["col.notice"], w["col.acked_by"], w["col.where"], w["col.incoming_ack"]]
        fill(self.notices, headers,
             [[f"{n['title']} ({w['notice.version'].format(version=n['version'], priority=w['priority.' + n['priority']])})",
               ", ".join(n["acknowledged_by"]), n.get("kb_path") or "",
               "\u2713" if n["acknowledged_by_incoming"] else ""] for n in self.notice_rows],
             [GOOD if n["acknowledged_by_incoming"] else ALARM for n in self.notice_rows],
             [n["id"] for n in self.notice_rows])
        last = len(headers) - 1
        for row, notice in enumerate(self.notice_rows):
            if notice["acknowledged_by_incoming"] or read_only:
                continue
            button = QPushButton(self.tr("Acknowledge…"), objectName=f"handover_ack_notice_{notice['id']}")
            button.clicked.connect(lambda _=False, n=notice: self.acknowledge_notice.emit(n))
            self.notices.setCellWidget(row, last, button)


class ItemsPage(Page):
    """Step 2: the open items the incoming shift takes over; acknowledge one, or hand it to a new owner."""

    acknowledge = Signal(dict)
    hand_over = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.counts = heading("handover_item_counts")
        self.ack_button = QPushButton(objectName="handover_ack_item")
        self.owner_button = QPushButton(objectName="handover_ack_item_owner")
        bar = QHBoxLayout()
        bar.addWidget(self.counts, 1)
        bar.addWidget(self.ack_button)
        bar.addWidget(self.owner_button)
        self.items = table("handover_items")
        self.detail = QLabel(objectName="handover_item_detail", wordWrap=True)
        self.detail.setStyleSheet("background: #f6f6f6; border: 1px solid #ddd; padding: 4px")
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.items, 1)
        self.layout_.addWidget(self.detail)
        self.rows: list[dict] = []
        self.ack_button.clicked.connect(lambda: self._emit(self.acknowledge))
        self.owner_button.clicked.connect(lambda: self._emit(self.hand_over))
        self.items.itemSelectionChanged.connect(self._selected)
        self.items.doubleClicked.connect(lambda _: self._emit(self.acknowledge))
        self.read_only = False

    def retranslate(self) -> None:
        self.ack_button.setText(self.tr("Acknowledge"))
        self.owner_button.setText(self.tr("Hand to a new owner…"))

    def selected(self) -> dict | None:
        row = self.items.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select(self, item_id: int) -> None:
        for row, item in enumerate(self.rows):
            if item["id"] == item_id:
                self.items.selectRow(row)

    def _emit(self, signal) -> None:
        item = self.selected()
        if item is not None and not self.read_only:
            signal.emit(item)

    def _selected(self) -> None:
        item = self.selected()
        open_ = item is not None and not self.read_only
        self.ack_button.setEnabled(open_ and not item["acknowledged_by_incoming"])
        self.owner_button.setEnabled(open_)
        if item is None:
            self.detail.setText("")
            return
        w = self._words
        lines = [f"#{item['id']} · {item['text']}"]
        if item.get("customer_name") or item.get("customer_ref"):
            lines.append(w["item.customer"].format(
                customer=" ".join(x for x in (item.get("customer_name"), item.get("customer_ref")) if x)))
        if item.get("promise"):
            lines.append(w["item.promise"].format(promise=item["promise"]))
        lines.append(w["item.written"].format(time=clock(item["event_at"], day=True), author=item["author"]))
        for a in item["acks"]:
            lines.append(self.tr("Acknowledged by {by} at {time} (owner {owner})").format(
                by=a["by"], time=clock(a["at"], day=True), owner=a["owner"] or "—"))
        self.detail.setText("\n".join(lines))

    def show_snapshot(self, s, w, read_only) -> None:
        self._words = w
        self.read_only = read_only
        keep = self.selected()
        self.rows = list(s["items"])
        counts = s["item_counts"]
        self.counts.setText(w["items.counts"].format(**counts))
        fill(self.items, ["#", w["col.due"], w["col.owner"], w["col.taken_over"], w["col.item"]],
             [[i["id"], clock(i["due"], day=True) + (f" ({w['item.overdue']})" if i["overdue"] else ""),
               i["owner"] or "", self._taken(i, s), i["text"]] for i in self.rows],
             [ALARM if i["overdue"] else (GOOD if i["acknowledged_by_incoming"] else None) for i in self.rows],
             [i["id"] for i in self.rows])
        self.ack_button.setVisible(not read_only)
        self.owner_button.setVisible(not read_only)
        if keep is not None:
            self.select(keep["id"])
        elif self.rows:
            self.items.selectRow(0)
        self._selected()

    @staticmethod
    def _taken(item: Mapping, s: Mapping) -> str:
        incoming = s["incoming"]["instance_id"]
        acks = [a for a in item["acks"] if a["instance_id"] == incoming]
        if not acks:
            return ""
        a = acks[-1]
        return f"\u2713 {a['by']} {clock(a['at'])}" + (f" → {a['owner']}" if a["owner"] else "")


class PlaybooksPage(Page):
    """Step 3: playbook runs still active and those finished in the outgoing shift."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.runs = table("handover_runs")
        self.layout_.addWidget(self.runs)

    def show_snapshot(self, s, w, read_only) -> None:
        runs = [(w["runs.active"], r) for r in s["playbooks"]["active"]] + \
               [(w["runs.finished"], r) for r in s["playbooks"]["finished"]]
        self.has_content = bool(runs)

        def last(r):
            if r["next_step"]:
                return w["run.next"].format(step=r["next_step"], text=r["next_step_text"])
            return r["outcome"] or ""

        fill(self.runs, [w["col.playbook"], w["status"], w["col.started"], w["col.steps"], w["col.next"]],
             [[r["title"], group, f"{clock(r['started_at'], day=True)} {r['started_by']}",
               w["run.steps"].format(marked=r["steps_marked"], steps=r["steps"]), last(r)] for group, r in runs],
             [ALARM if r["status"] == "active" else None for _, r in runs])


class SeatsPage(Page):
    """Step 4: seats out of service; how many of the incoming shift's agents are seated, and who is not."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.summary = heading("handover_seats_summary")
        self.unseated = QLabel(objectName="handover_unseated", wordWrap=True)
        self.out_title = heading("handover_seats_out_title")
        self.out = table("handover_seats_out")
        for w in (self.summary, self.unseated, self.out_title, self.out):
            self.layout_.addWidget(w)
        self.layout_.setStretch(3, 1)

    def show_snapshot(self, s, w, read_only) -> None:
        seats = s["seats"]
        self.summary.setText(w["seats.summary"].format(seated=seats["incoming_seated"],
                                                       expected=seats["incoming_expected"], seats=seats["seats"]))
        self.unseated.setText(w["seats.unseated"].format(names=", ".join(seats["unseated"]))
                              if seats["unseated"] else "")
        self.out_title.setText(w["seats.out"])
        fill(self.out, [w["col.seat"], w["col.reason"], w["col.since"], w["col.back"]],
             [[f"{o['code']} ({o['floor']})" if o.get("floor") else o["code"], o["reason"],
               clock(o["since"], day=True), clock(o["expected_back"], day=True)] for o in seats["out_of_service"]])


class ServiceLevelPage(Page):
    """Step 5: the outgoing shift's service level per half hour (definition, threshold and target named), a chart,
    the worst half hours below target with the work-log entries written in them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        from app.ui.handover.chart import HandoverChart

        self.source_box = QComboBox(objectName="handover_sl_source")
        self.source_box.currentIndexChanged.connect(lambda _: self._show_source())
        self.facts = QLabel(objectName="handover_sl_facts", wordWrap=True)
        self.total = heading("handover_sl_total")
        self.chart = HandoverChart()
        self.chart.setMinimumHeight(150)
        self.intervals = table("handover_sl_intervals")
        self.worst_title = heading("handover_sl_worst_title")
        self.worst = QLabel(objectName="handover_sl_worst", wordWrap=True)
        self.worst.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.worst.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.worst_scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.worst_scroll.setWidget(self.worst)
        self.worst_scroll.setMaximumHeight(170)
        top = QHBoxLayout()
        top.addWidget(self.source_box)
        top.addWidget(self.total, 1)
        row = QHBoxLayout()
        row.addWidget(self.intervals, 3)
        row.addWidget(self.chart, 2)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.facts)
        self.layout_.addLayout(row, 1)
        self.layout_.addWidget(self.worst_title)
        self.layout_.addWidget(self.worst_scroll)
        self.sources: list[dict] = []
        self._words: Mapping[str, str] = {}

    def retranslate(self) -> None:
        self.chart.retranslate()

    def show_snapshot(self, s, w, read_only) -> None:
        self._words = w
        self.sources = list(s["service_level"])
        keep = self.source_box.currentText()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        for source in self.sources:
            self.source_box.addItem(source["source"])
        if self.source_box.findText(keep) >= 0:
            self.source_box.setCurrentIndex(self.source_box.findText(keep))
        self.source_box.blockSignals(False)
        self.source_box.setVisible(len(self.sources) > 1)
        self._show_source()

    def _show_source(self) -> None:
        w = self._words
        i = self.source_box.currentIndex()
        source = self.sources[i] if 0 <= i < len(self.sources) else None
        if source is None:
            self.facts.setText(w.get("sl.no_data", ""))
            self.total.setText("")
            fill(self.intervals, [], [])
            self.worst_title.setText("")
            self.worst.setText("")
            self.chart.show_intervals([], 80.0)
            return
        facts = sl_facts(source, w)
        if source.get("vendor_rule"):
            facts += " · " + w["sl.vendor"].format(rule=source["vendor_rule"])
        self.facts.setText(facts)
        self.total.setText(w["sl.total"].format(sl=pct(source["service_level"]), offered=source["offered"]))
        rows = source["intervals"]
        fill(self.intervals, [w["col.interval"], w["col.offered"], w["col.answered"], w["col.abandoned"],
                              w["col.sl"], w["col.asa"]],
             [[r["label"] + (" " + w["sl.provisional"] if r["provisional"] else ""), r["offered"], r["answered"],
               r["abandoned"], pct(r["service_level"]), "" if r["asa_seconds"] is None else f"{r['asa_seconds']:.0f}"]
              for r in rows],
             [ALARM if r["below_target"] else None for r in rows])
        self.chart.show_intervals(rows, source["target_percent"])
        self.worst_title.setText(w["sl.worst"])
        lines = []
        for r in source["worst"]:
            lines.append("<b>" + _e(w["sl.worst.line"].format(interval=r["label"], sl=pct(r["service_level"]),
                                                                 offered=r["offered"])) + "</b>")
            notes = r.get("notes") or []
            lines += [f"&nbsp;&nbsp;{_e(clock(n['at']))} {_e(n['author'])}: {_e(n['text'])}" for n in notes] or \
                [f"&nbsp;&nbsp;<i>{_e(w['sl.no_notes'])}</i>"]
        self.worst.setText("<br/>".join(lines) if lines else _e(w["none"]))


def _e(text: str) -> str:
    import html

    return html.escape(str(text))


class LongCallsPage(Page):
    """Step 6: agents still on long calls at the shift change."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.calls = table("handover_long_calls")
        self.layout_.addWidget(self.calls)

    def show_snapshot(self, s, w, read_only) -> None:
        calls = s["long_calls"]
        self.has_content = bool(calls)
        fill(self.calls, [w["col.agent"], w["col.queue"], w["col.answered_at"], w["col.minutes"], w["col.shift_end"]],
             [[f"{c['agent_name'] or ''} ({c['agent_login']})", c["queue"] or "", clock(c["answered_at"]),
               c["minutes"], clock(c["shift_end"])] for c in calls])


class TalkPage(Page):
    """Step 7: the face-to-face talk: done or not, and a free note (stored with Save progress)."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.done = QCheckBox(objectName="handover_talk_done")
        self.note_label = QLabel()
        self.note = QPlainTextEdit(objectName="handover_note")
        self.note_label.setBuddy(self.note)
        self.layout_.addWidget(self.done)
        self.layout_.addWidget(self.note_label)
        self.layout_.addWidget(self.note, 1)
        self.done.toggled.connect(lambda _: self.changed.emit())
        self.note.textChanged.connect(self.changed.emit)

    def retranslate(self) -> None:
        self.done.setText(self.tr("Face-to-face talk done"))
        self.note_label.setText(self.tr("&Note (what else the incoming supervisor must know)"))
        font = QFont(self.done.font())
        font.setBold(True)
        self.done.setFont(font)

    def show_snapshot(self, s, w, read_only) -> None:
        talk = s["talk"]
        self.set_values(bool(talk["done"]), talk["note"] or "")
        self.done.setEnabled(not read_only)
        self.note.setReadOnly(read_only)

    def set_values(self, done: bool, note: str) -> None:
        self.blockSignals(True)
        self.done.blockSignals(True)
        self.note.blockSignals(True)
        self.done.setChecked(done)
        if self.note.toPlainText() != note:
            self.note.setPlainText(note)
        self.done.blockSignals(False)
        self.note.blockSignals(False)
        self.blockSignals(False)
