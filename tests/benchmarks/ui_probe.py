"""One measured start of the window in a process of its own (for test_ui_benchmarks).

    python -m tests.benchmarks.ui_probe bare|window DB_URL

`bare`: QApplication + QMainWindow + one pyqtgraph PlotWidget, shown (the floor).
`window`: the console's DesktopApp on DB_URL, shown; then, separately, the time
until the service-level chart holds the day's data.
Prints one JSON line: {"shown": seconds, "data": seconds or null}.
"""

from __future__ import annotations

import json
import sys
import time

T0 = time.perf_counter()


def main() -> int:
    mode, url = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None
    if mode == "bare":
        import pyqtgraph as pg
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setCentralWidget(pg.PlotWidget())
        window.show()
        app.processEvents()
        print(json.dumps({"shown": time.perf_counter() - T0, "data": None}))
        return 0
    # The way `handover-console --db URL` starts: parse the arguments, then the window.
    from app.cli_parser import build_parser
    from app.ui.app import DesktopApp

    args = build_parser().parse_args(["--db", url, "--lang", "en"])
    desktop = DesktopApp(args.db, args.lang)
    desktop.start()
    desktop.qt.processEvents()
    shown = time.perf_counter() - T0
    deadline = time.perf_counter() + 60
    while desktop.window.service_level.current is None and time.perf_counter() < deadline:
        desktop.qt.processEvents()
        desktop.wait_idle(50)
    data = time.perf_counter() - T0
    print(json.dumps({"shown": shown, "data": data}))
    desktop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
