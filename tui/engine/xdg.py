"""Where liveblog keeps its files: the XDG base directories (config, state, cache)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def xdg_home(variable: str, fallback: str, environ: Mapping[str, str] | None = None) -> Path:
    """``$variable/liveblog``, or ``~/fallback/liveblog`` when it is unset, empty or relative
    (a relative XDG directory is ignored, as the XDG Base Directory spec says).

    ``xdg_home("XDG_STATE_HOME", ".local/state")`` is ``~/.local/state/liveblog`` by default.
    """
    env = os.environ if environ is None else environ
    base = env.get(variable, "")
    if not base or not os.path.isabs(base):
        home = env.get("HOME") or os.path.expanduser("~")
        base = os.path.join(home, *fallback.split("/"))
    return Path(base) / "liveblog"
