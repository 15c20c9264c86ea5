"""Figure tiles shared by the Now panel and the wallboard, and the wording of a FloorNow."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from app.domain.floor import FloorNow, NeededStatus

GOOD, BAD, NEUTRAL = "#1b7f3b", "#c0392b", "#222222"


@dataclass(frozen=True)
class TileText:
    key: str
    title: str
    value: str
    detail: str
    colour: str = NEUTRAL


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} %"


def tiles_for(now: FloorNow) -> list[TileText]:
    """The figures of the floor as tile texts (state said in words, not by colour alone)."""
    sl = now.service_level
    below = sl is not None and sl < now.target_percent
    sl_detail = (
        QCoreApplication.translate("NowTiles", "▼ below the target of {t:g} %") if below else QCoreApplication.translate("NowTiles", "target {t:g} %")
    ).format(t=now.target_percent)
    unnamed = QCoreApplication.translate("NowTiles", "no reason")
    reasons = ", ".join(f"{reason or unnamed} {n}" for reason, n in now.paused_by_reason)
    needed = {
        NeededStatus.REACHABLE: (_percent(now.needed_service_level), QCoreApplication.translate("NowTiles", "of the remaining calls within T")),
        NeededStatus.ALREADY_MET: ("✓", QCoreApplication.translate("NowTiles", "the target holds for the day")),
        NeededStatus.NOT_REACHABLE: ("✗", QCoreApplication.translate("NowTiles", "the target cannot be reached today")),
        NeededStatus.NO_FORECAST: ("–", QCoreApplication.translate("NowTiles", "no volume of last week to plan with")),
    }[now.needed_status]
    remaining = "" if now.remaining_offered is None else QCoreApplication.translate("NowTiles", " (about {n:.0f} calls to come)").format(
        n=now.remaining_offered
    )
    return [
        TileText("waiting", QCoreApplication.translate("NowTiles", "Waiting now"), str(now.waiting),
                 QCoreApplication.translate("NowTiles", "oldest {wait}").format(wait=clock(now.oldest_wait_seconds)),
                 BAD if now.waiting and (now.oldest_wait_seconds or 0) > 60 else NEUTRAL),
        TileText("agents", QCoreApplication.translate("NowTiles", "Agents logged in"), str(now.logged_in),
                 QCoreApplication.translate("NowTiles", "{on} on a call · {free} available · {paused} paused").format(
                     on=now.on_call, free=now.available, paused=now.paused)),
        TileText("paused", QCoreApplication.translate("NowTiles", "Paused"), str(now.paused), reasons or QCoreApplication.translate("NowTiles", "nobody paused")),
        TileText("service_level", QCoreApplication.translate("NowTiles", "Service level today"), _percent(sl), sl_detail, BAD if below else GOOD),
        TileText("abandoned", QCoreApplication.translate("NowTiles", "Abandoned today"), _percent(now.abandon_percent),
                 QCoreApplication.translate("NowTiles", "{n} of {offered} calls").format(n=now.today.abandoned or 0, offered=now.today.offered or 0)),
        TileText("needed", QCoreApplication.translate("NowTiles", "Needed for the rest of the day"), needed[0], needed[1] + remaining,
                 BAD if now.needed_status is NeededStatus.NOT_REACHABLE else NEUTRAL),
    ]


class Tile(QFrame):
    """State: the labels of one figure; `scale` makes wallboard tiles large."""

    def __init__(self, key: str, scale: float = 1.0, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.value = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        for label, size, bold in ((self.title, 11, True), (self.value, 30, True), (self.detail, 10, False)):
            font = QFont()
            font.setPointSizeF(size * scale)
            font.setBold(bold)
            label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.detail)

    def fit(self, width: int, height: int) -> None:
        """Size the type to a tile of `width` x `height` pixels (the wallboard follows its screen)."""
        value_px = max(12, min(int(height * 0.36), int(width / 5.2)))
        for label, px in ((self.title, max(10, min(int(height * 0.09), int(width / 14)))), (self.value, value_px),
                          (self.detail, max(9, min(int(height * 0.075), int(width / 20))))):
            font = label.font()
            font.setPixelSize(px)
            label.setFont(font)

    def show_text(self, text: TileText) -> None:
        self.title.setText(text.title)
        self.value.setText(text.value)
        self.value.setStyleSheet(f"color: {text.colour}")
        self.detail.setText(text.detail)
