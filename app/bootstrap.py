"""The composition root: the only module that knows every layer.

Routes the command line: a command (demo, feed, report) goes to `app.cli`;
otherwise the desktop window starts (`app.ui.app`: QApplication,
translators, fonts, settings, the database lane, the console, the window),
or `--screenshots DIR` renders every view and exits.
"""

from __future__ import annotations

import os
import sys

from app import paths
from app.cli_parser import build_parser


def _no_display() -> bool:
    """On Linux without a display (and no Qt platform chosen), a window cannot open."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


NO_DISPLAY = (
    "handover-console: no display to open the window on (set DISPLAY, or QT_QPA_PLATFORM=offscreen "
    "for --screenshots)"
)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    db_url = os.environ.get("HANDOVER_DB_URL") or None
    try:
        args = build_parser().parse_args(argv)
        url = getattr(args, "db", None) or db_url
        if args.command:
            from app import cli  # the commands' services load only when a command runs

            code = cli.main(argv, db_url=db_url)
            if args.command == "demo" and code == 0 and not args.no_window:
                if _no_display():
                    print(NO_DISPLAY + "; the demo database is built and its report printed above", file=sys.stderr)
                    return 0
                from app.ui.app import run

                return run(f"sqlite:///{paths.demo_db_path()}", getattr(args, "lang", None))
            return code
        if args.screenshots:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # rendered without a screen
            from app.ui.app import screenshots

            return screenshots(args.screenshots, url, args.lang)
        if _no_display():
            print(NO_DISPLAY, file=sys.stderr)
            return 2
        from app.ui.app import run

        return run(url, args.lang)
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
