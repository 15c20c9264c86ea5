"""Where the application's files are: resources/, db/ and the user data folder.

The only module that knows whether we run from a checkout or inside a
PyInstaller bundle (sys.frozen / sys._MEIPASS).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "handover-console"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def install_root() -> Path:
    """The folder holding resources/ and db/."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def migrations_dir() -> Path:
    return install_root() / "db"


def user_data_dir() -> Path:
    """The user data folder (HANDOVER_DATA_DIR overrides it, e.g. for tests)."""
    override = os.environ.get("HANDOVER_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    return f"sqlite:///{user_data_dir() / 'handover.sqlite3'}"


def demo_db_path() -> Path:
    return user_data_dir() / "demo.sqlite3"


def reports_dir() -> Path:
    path = user_data_dir() / "reports"
    path.mkdir(parents=True, exist_ok=True)
    return path
