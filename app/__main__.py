"""`python -m app`: the same program as the `handover-console` command."""

from app.bootstrap import main

raise SystemExit(main())
