"""Use case: export what the service-level view shows to CSV or Excel (.xlsx).

One row per half hour (unknown intervals left empty, not 0) and a
volume-weighted total row. Column titles come from the caller, so the file
speaks the language of the window that exported it.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from app.domain.errors import AppError
from app.domain.service_level import IntervalFigures
from app.services.day_view import DayView

FIELDS = (
    "interval", "offered", "answered", "abandoned", "other", "waiting", "answered_within",
    "abandoned_within", "service_level", "asa_seconds", "aht_seconds", "max_wait_seconds",
)


class ExportError(AppError):
    code = "export"

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}", path=path, reason=reason)
        self.path = path
        self.reason = reason


def _values(label: str, figures: IntervalFigures | None, sl: float | None) -> list:
    if figures is None:
        return [label] + [None] * (len(FIELDS) - 1)
    f = figures
    rnd = lambda v: None if v is None else round(v, 2)  # noqa: E731
    return [
        label, f.offered, f.answered, f.abandoned, f.other, f.waiting, f.answered_within,
        f.abandoned_within, rnd(sl), rnd(f.asa_seconds), rnd(f.aht_seconds), rnd(f.max_wait_seconds),
    ]


def table_rows(view: DayView, total_label: str) -> list[list]:
    rows = [_values(s.label, s.figures, s.service_level) for s in view.slots]
    rows.append(_values(total_label, view.total, view.total_service_level))
    return rows


def export_day(view: DayView, path: Path, titles: list[str], total_label: str) -> Path:
    """Write the day to `path` (.csv or .xlsx by its suffix); returns the path written."""
    path = Path(path)
    rows = table_rows(view, total_label)
    try:
        if path.suffix.lower() == ".xlsx":
            book = Workbook()
            sheet = book.active
            sheet.title = view.day.isoformat()
            sheet.append([f"{view.source} · {view.site} · {view.day.isoformat()} ({view.timezone})"])
            sheet.append(titles)
            for cell in sheet[2]:
                cell.font = Font(bold=True)
            for row in rows:
                sheet.append(row)
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
            book.save(path)
        else:
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(titles)
                writer.writerows([["" if v is None else v for v in row] for row in rows])
    except OSError as exc:
        raise ExportError(str(path), exc.strerror or str(exc)) from None
    return path
