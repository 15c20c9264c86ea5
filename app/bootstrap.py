"""The composition root: the only module that knows every layer.

Today it routes the command line; the desktop window (QApplication,
translators, fonts, settings, scheduler) is composed here as it arrives.
"""

from __future__ import annotations

import os
import sys

from app import cli


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return cli.main(argv, db_url=os.environ.get("HANDOVER_DB_URL") or None)
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
