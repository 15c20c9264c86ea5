"""The demo's floor: about 80 seats in three zones, two seats out of service, today's shift seated.

Like the roster, the layout reaches the database the way a center's does:
the demo writes a layout CSV (seat code, x, y, zone, kind, equipment) into
the demo folder and imports it, so a newcomer can open it and import it
again. The shift running now (or the next) is then seated by the automatic
assignment (fixed seats first, teams together, trainees in the training zone).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.domain.seating import SEAT_H, SEAT_W
from app.services import seating, seating_files, shifts
from app.services.console import Console

ZONES = (  # code prefix, names, kind, rows, seats per row, origin
    ("A", {"zh_CN": "A 区（信用卡）", "en": "Zone A (cards)"}, "normal", 5, 8, (40, 60)),
    ("B", {"zh_CN": "B 区（静音区）", "en": "Zone B (quiet)"}, "quiet", 4, 7, (720, 60)),
    ("T", {"zh_CN": "培训区", "en": "Training area"}, "training", 2, 6, (40, 520)),
)
PITCH_X, PITCH_Y, AISLE = SEAT_W + 12, SEAT_H + 30, 40


@dataclass(frozen=True)
class DemoFloor:
    layout_file: str
    seats: int
    seated: int


def _write_layout(folder: Path, key: str) -> tuple[Path, int]:
    path = folder / "demo-layout.csv"
    n = 0
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(("seat_code", "x", "y", "zone", "kind", "equipment"))
        for prefix, names, kind, rows, per_row, (ox, oy) in ZONES:
            number = 0
            for r in range(rows):
                for c in range(per_row):
                    number += 1
                    x = ox + c * PITCH_X + (AISLE if c >= per_row // 2 else 0)
                    y = oy + r * PITCH_Y
                    equipment = ("双屏" if key == "zh_CN" else "two screens") if prefix == "A" and c % 4 == 0 else ""
                    w.writerow((f"{prefix}-{number:02d}", x, y, names[key], kind, equipment))
                    n += 1
    return path, n


def build_demo_floor(console: Console, folder: Path, lang: str, now: datetime, supervisor: str) -> DemoFloor:
    key = "zh_CN" if lang == "zh_CN" else "en"
    floor = seating.add_floor(console, "一楼" if key == "zh_CN" else "Floor 1")
    path, count = _write_layout(folder, key)
    seating_files.import_layout(console, floor.id, path)
    layout = seating.floor_layout(console, floor.id)
    by_code = {s.code: s for s in layout.seats}
    broken = (("A-13", "耳机损坏" if key == "zh_CN" else "headset broken", timedelta(hours=20)),
              ("B-05", "电脑无法开机" if key == "zh_CN" else "PC down", None))
    for code, reason, back in broken:
        seating.set_out_of_service(console, by_code[code].id, reason, now + back if back else None, supervisor,
                                   now - timedelta(hours=3))
    current = shifts.current_shift(console, now)
    slot = current.slot or current.next
    seated = 0
    if slot is not None:
        instance = shifts.ensure_instance(console, slot.day, slot.definition.id)
        seat_map, _ = seating.auto_assign(console, instance.id, supervisor, now)
        seated = len(seat_map.assignments)
    return DemoFloor(str(path), count, seated)
