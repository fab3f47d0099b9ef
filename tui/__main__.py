"""``python -m tui`` runs the ``liveblog`` command."""

from tui.cli import main

raise SystemExit(main())
