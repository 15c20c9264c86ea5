"""Entry script of the PyInstaller bundle (build.spec): the `handover-console` command.

The same two lines as app/__main__.py. It lives outside app/ because
PyInstaller puts the entry script's folder on the module search path, and
app/ there would make `paths`, `cli`, ... importable as top-level modules.
packaging/ has no __init__.py on purpose: as a regular package at the
repository root it would shadow the `packaging` library (PyInstaller, pip
and pytest import it).
"""

from app.bootstrap import main

raise SystemExit(main())
