"""Suggestions from live data, shown without blocking: a bar above the views, one line per open alert.

Each line names what fired and the playbook to run, with **Start** (the run
begins at once, in the work log too) and **Dismiss…** (asks why). An alert
fires once per source, rule and interval; the bar only shows it.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.playbook_rules import (
    CRITICAL, LOGIN_GAP, OLDEST_WAIT, SL_BELOW_TARGET, SL_BELOW_TARGET_TWICE, TRAFFIC_PEAK, Alert,
)

LEVEL_COLOURS = {CRITICAL: ("#f8d7da", "#842029"), "warning": ("#fff3cd", "#664d03")}


def rule_names() -> dict[str, str]:
    return {
        SL_BELOW_TARGET: QCoreApplication.translate("alerts", "service level below target"),
        SL_BELOW_TARGET_TWICE: QCoreApplication.translate("alerts", "service level below target twice in a row"),
        TRAFFIC_PEAK: QCoreApplication.translate("alerts", "traffic far above last week"),
        OLDEST_WAIT: QCoreApplication.translate("alerts", "a caller waiting far too long"),
        LOGIN_GAP: QCoreApplication.translate("alerts", "agents present but not logged in"),
    }


def alert_text(alert: Alert, tz: ZoneInfo) -> str:
    """What fired, with its figures, in the window's language."""
    d = alert.detail_dict()
    interval = f"{alert.interval_start.astimezone(tz):%H:%M}"
    if alert.rule == SL_BELOW_TARGET_TWICE:
        return QCoreApplication.translate("alerts", "{source} {interval}: service level {sl:.0f} % after {previous:.0f} %, target {target:.0f} % "
                  "— below target twice in a row").format(source=alert.source, interval=interval,
                                                          sl=d.get("service_level") or 0,
                                                          previous=d.get("previous_service_level") or 0,
                                                          target=d.get("target_percent") or 0)
    if alert.rule == SL_BELOW_TARGET:
        return QCoreApplication.translate("alerts", "{source} {interval}: service level {sl:.0f} %, target {target:.0f} %").format(
            source=alert.source, interval=interval, sl=d.get("service_level") or 0, target=d.get("target_percent") or 0)
    if alert.rule == TRAFFIC_PEAK:
        return QCoreApplication.translate("alerts", "{source} {interval}: {calls} calls, {last} in the same half hour last week").format(
            source=alert.source, interval=interval, calls=d.get("arrived"), last=d.get("last_week_offered"))
    if alert.rule == OLDEST_WAIT:
        return QCoreApplication.translate("alerts", "{source} {interval}: the oldest caller has waited {wait} s (limit {limit:.0f} s)").format(
            source=alert.source, interval=interval, wait=round(float(d.get("oldest_wait_seconds") or 0)),
            limit=float(d.get("limit_seconds") or 0))
    if alert.rule == LOGIN_GAP:
        return QCoreApplication.translate("alerts", "{source} {interval}: {present} agents present on the sheet, {logged} of them logged in "
                  "to the ACD").format(source=alert.source, interval=interval, present=d.get("present"),
                                       logged=d.get("logged_in"))
    return f"{alert.source} {interval}: {alert.rule}"


class AlertLine(QFrame):
    start_requested = Signal(object)  # Alert
    dismiss_requested = Signal(object)  # Alert

    def __init__(self, alert: Alert, text: str, playbook_title: str, parent=None, running: bool = False) -> None:
        super().__init__(parent, objectName=f"alert_{alert.id}")
        self.alert = alert
        back, fore = LEVEL_COLOURS.get(alert.level, LEVEL_COLOURS["warning"])
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ background: {back}; border: 1px solid {fore}; "
                           f"border-radius: 3px }} QLabel {{ color: {fore} }} QPushButton {{ padding: 1px 8px }}")
        sign = "■" if alert.level == CRITICAL else "▲"  # both in the shipped font (GB 2312)
        self.label = QLabel(f"{sign} {text}")
        self.label.setToolTip(text)
        self.label.setMinimumWidth(80)
        self.more = QLabel(objectName="alert_more")
        label = (self.tr("Add to the running “{title}”") if running else self.tr("Start “{title}”"))
        self.start = QPushButton(label.format(title=playbook_title), objectName="alert_start")
        self.dismiss = QPushButton(self.tr("Dismiss…"), objectName="alert_dismiss")
        self.start.clicked.connect(lambda: self.start_requested.emit(self.alert))
        self.dismiss.clicked.connect(lambda: self.dismiss_requested.emit(self.alert))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 6, 1)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.start)
        layout.addWidget(self.dismiss)


class AlertBar(QWidget):
    """State: the open alerts (critical first, then newest). One line shows the first, with Start and Dismiss;
    the others are counted on it and come up one by one as each is started or dismissed."""

    MAX = 1
    start_requested = Signal(object)
    dismiss_requested = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent, objectName="alert_bar")
        self.alerts: tuple[Alert, ...] = ()
        self.titles: dict[str, str] = {}
        self.tz = ZoneInfo("UTC")
        self.lines: list[AlertLine] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 2)
        self.box.setSpacing(2)
        self.hide()

    def show_alerts(self, alerts, titles: dict[str, str], tz: ZoneInfo, running=frozenset()) -> None:
        """Show the open alerts (`titles`: playbook key -> title of the playbook each names; `running`: the keys
        of the playbooks with an active run, which take such an alert up instead of starting another run)."""
        self.running = frozenset(running)
        self.alerts = tuple(sorted((a for a in alerts if a.open), key=lambda a: (a.level != CRITICAL, -a.fired_at.timestamp(), -a.id)))
        self.titles, self.tz = dict(titles), tz
        for line in self.lines:
            line.setParent(None)
            line.deleteLater()
        self.lines = []
        for alert in self.alerts[:self.MAX]:
            line = AlertLine(alert, alert_text(alert, tz), titles.get(alert.playbook_key, alert.playbook_key), self,
                             running=alert.playbook_key in self.running)
            line.start_requested.connect(self.start_requested)
            line.dismiss_requested.connect(self.dismiss_requested)
            self.box.addWidget(line)
            self.lines.append(line)
        hidden = len(self.alerts) - len(self.lines)
        if self.lines:
            self.lines[-1].more.setText(self.tr("(+{n} more)").format(n=hidden) if hidden > 0 else "")
            self.lines[-1].more.setToolTip("\n".join(alert_text(a, tz) for a in self.alerts[len(self.lines):][:20]))
        self.setVisible(bool(self.alerts))

    def retranslate(self) -> None:
        self.show_alerts(self.alerts, self.titles, self.tz, getattr(self, "running", frozenset()))
