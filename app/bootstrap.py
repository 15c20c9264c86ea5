"""The composition root: the only module that knows every layer.

Routes the command line: a command (demo, feed, report) goes to `app.cli`;
otherwise the desktop window starts (`app.ui.app`: QApplication,
translators, fonts, settings, the database lane, the console, the window),
or `--screenshots DIR` renders every view and exits.
"""

from __future__ import annotations

import os
import sys

from app import cli, paths


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    db_url = os.environ.get("HANDOVER_DB_URL") or None
    try:
        args = cli.build_parser().parse_args(argv)
        url = getattr(args, "db", None) or db_url
        if args.command:
            code = cli.main(argv, db_url=db_url)
            if args.command == "demo" and code == 0 and not args.no_window:
                from app.ui.app import run

                return run(f"sqlite:///{paths.demo_db_path()}", getattr(args, "lang", None))
            return code
        if args.screenshots:
            from app.ui.app import screenshots

            return screenshots(args.screenshots, url, args.lang)
        from app.ui.app import run

        return run(url, args.lang)
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
