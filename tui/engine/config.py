"""The user's settings: ``$XDG_CONFIG_HOME/liveblog/config.toml`` (default
``~/.config/liveblog/config.toml``), read with :mod:`tomllib` into a frozen :class:`Config`.

Example::

    zone = "local"            # source, local or utc: the clock times are shown on
    alerts = ["evacuation", "explosion"]
    theme = "light"           # dark, light or ansi (the terminal's own colours)
    view = "list"             # feed (entries in full) or list (one line each)
    settle = 0.5              # seconds a changed file must keep still before it is read
    read_after = 1.0          # seconds on an entry before it counts as read
    group = true              # near-duplicate posts of several pages shown once (also in: …)

    [keys]                    # remaps: action = "key" or "key1,key2" (Textual key names)
    toggle_view = "v"
    toggle_mark = "M"

Nothing here raises: a missing file is the defaults; a TOML syntax error, an unknown key or a
bad value is a :class:`~parsers.model.Problem` that names the line, and that setting keeps
its default. Pure: no Textual, no Rich.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from parsers.decode import clean_line
from parsers.model import Problem
from tui.engine.xdg import xdg_home

ZONES = ("source", "local", "utc")
THEMES = ("dark", "light", "ansi")
VIEWS = ("feed", "list")
MAX_SECONDS = 60.0

DEFAULT_KEYS: dict[str, str] = {
    "quit": "q",
    "help": "question_mark",
    "search": "slash",
    "cycle_zone": "z",
    "toggle_sidebar": "s",
    "follow": "f",
    "toggle_view": "v",
    "toggle_read": "u",
    "read_all": "U",
    "next_unread": "right_square_bracket",
    "previous_unread": "left_square_bracket",
    "toggle_mark": "m",
    "next_mark": "apostrophe",
    "previous_mark": "quotation_mark",
    "open_link": "o",
    "copy_entry": "y",
    "export": "e",
    "jump_time": "t",
    "activity": "H",
}
"""The main actions a user may remap, with their default keys."""

_KEY = re.compile(r"[A-Za-z0-9_+\-]{1,40}|[!-~]")
"""One Textual key name (``ctrl+l``, ``f5``, ``question_mark``) or one printable character."""


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/liveblog/config.toml``, or ``~/.config/liveblog/config.toml``."""
    return xdg_home("XDG_CONFIG_HOME", ".config", environ) / "config.toml"


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting, with its default."""

    zone: str = "source"
    """The clock times are shown on at start: ``source``, ``local`` or ``utc``."""
    alerts: tuple[str, ...] = ()
    """Words that flag new entries (added to ``--alert``)."""
    theme: str = "dark"
    """``dark``, ``light`` or ``ansi``."""
    view: str = "feed"
    """``feed`` or ``list``."""
    settle: float | None = None
    """Seconds a changed file must keep still before it is read (None: the reader's default)."""
    read_after: float = 1.0
    """Seconds an entry must be the cursor entry before it counts as read."""
    group: bool = True
    """Group near-duplicate posts of several pages (wire copy) into one (``--no-group``)."""
    keys: tuple[tuple[str, str], ...] = field(default=tuple(DEFAULT_KEYS.items()))
    """Each main action and its key(s), as a Textual binding spells them (``"v,ctrl+l"``)."""

    def key_for(self, action: str) -> str:
        """The key(s) bound to ``action``."""
        return dict(self.keys)[action]


@dataclass(frozen=True, slots=True)
class Loaded:
    """A config and what was wrong with its file."""

    config: Config
    problems: tuple[Problem, ...] = ()


def load_config(path: str | os.PathLike[str] | None = None) -> Loaded:
    """Read the config file (default: :func:`config_path`); never raises."""
    where = Path(path) if path is not None else config_path()
    try:
        raw = where.read_bytes()
    except FileNotFoundError:
        return Loaded(Config())
    except OSError as exc:
        return Loaded(Config(), (Problem(str(where), f"cannot read: {exc.strerror or exc}"),))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Loaded(Config(), (Problem(str(where), f"not UTF-8 text (byte {exc.start})"),))
    return parse_config(text, str(where))


def parse_config(text: str, source: str = "config.toml") -> Loaded:
    """Read config ``text``; ``source`` names it in problems."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Loaded(Config(), (Problem(source, f"not valid TOML: {clean_line(str(exc))}"),))
    reader = _Reader(text, source)
    config = Config()
    for key, value in data.items():
        if key == "keys":
            if not isinstance(value, dict):
                reader.warn(None, key, "keys must be a table: [keys] with action = \"key\" lines")
                continue
            config = replace(config, keys=reader.keys(value))
            continue
        setter = _SETTERS.get(key)
        if setter is None:
            known = ", ".join([*_SETTERS, "[keys]"])
            reader.warn(None, key, f"unknown setting {_show(key)} (known: {known})")
            continue
        try:
            config = replace(config, **{key: setter(value)})
        except _Bad as bad:
            reader.warn(None, key, f"{key}: {bad}; using the default")
    return Loaded(config, tuple(reader.problems))


def _show(key: str) -> str:
    return repr(clean_line(key)[:60])


class _Bad(ValueError):
    """A value that does not fit its setting; the message says why."""


def _choice(options: tuple[str, ...]) -> Any:
    def check(value: object) -> str:
        if isinstance(value, str) and value.strip().lower() in options:
            return value.strip().lower()
        raise _Bad(f"must be one of {', '.join(options)}, not {_value_text(value)}")

    return check


def _seconds(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Bad(f"must be a number of seconds, not {_value_text(value)}")
    if not 0 <= value <= MAX_SECONDS:
        raise _Bad(f"must be between 0 and {MAX_SECONDS:g} seconds, not {value}")
    return float(value)


def _alerts(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"must be a list of words, not {_value_text(value)}")
    words = [clean_line(v) for v in value]
    return tuple(dict.fromkeys(w for w in words if w))


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"must be true or false, not {_value_text(value)}")
    return value


def _value_text(value: object) -> str:
    if isinstance(value, str):
        return repr(clean_line(value)[:60])
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return clean_line(repr(value))[:60]


_SETTERS: dict[str, Any] = {
    "zone": _choice(ZONES),
    "alerts": _alerts,
    "theme": _choice(THEMES),
    "view": _choice(VIEWS),
    "settle": _seconds,
    "group": _flag,
    "read_after": _seconds,
}


class _Reader:
    """Collects problems, each with the line its key is on."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source
        self.problems: list[Problem] = []

    def line_of(self, table: str | None, key: str) -> int | None:
        """The 1-based line where ``key`` is set in ``[table]`` (None: the top level)."""
        current: str | None = None
        for number, line in enumerate(self.lines, 1):
            stripped = line.strip()
            if stripped.startswith("["):
                header = stripped.strip("[] \t").split("#", 1)[0].strip().strip("\"'")
                current = header
                if table is None and header == key:
                    return number  # ``[keys]`` itself, when a top-level key is a table
                continue
            if "=" not in stripped:
                continue
            name = stripped.split("=", 1)[0].strip().strip("\"'")
            if current == table and name == key:
                return number
            if current is None and table is not None and name == f"{table}.{key}":
                return number
        return None

    def warn(self, table: str | None, key: str, message: str) -> None:
        number = self.line_of(table, key)
        where = f"line {number}: " if number is not None else ""
        self.problems.append(Problem(self.source, f"{where}{message}"))

    def keys(self, table: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        keys = dict(DEFAULT_KEYS)
        for action, value in table.items():
            if action not in DEFAULT_KEYS:
                known = ", ".join(DEFAULT_KEYS)
                self.warn("keys", action, f"unknown action {_show(action)} (known: {known})")
                continue
            spelled = _key_list(value)
            if spelled is None:
                self.warn(
                    "keys",
                    action,
                    f"keys.{action}: {_value_text(value)} is not a key "
                    '(write "v", "ctrl+l" or "v,ctrl+l"); using the default',
                )
                continue
            keys[action] = spelled
        # Actions left at their default keep their keys; a remap onto a key another action
        # holds is refused (the file's first claim wins among remaps).
        remapped = [a for a in table if a in DEFAULT_KEYS and keys[a] != DEFAULT_KEYS[a]]
        taken: dict[str, str] = {}
        for action in [a for a in DEFAULT_KEYS if a not in remapped] + remapped:
            clash = next((k for k in keys[action].split(",") if k in taken), None)
            if clash is not None and action in remapped:
                self.warn(
                    "keys",
                    action,
                    f"keys.{action}: {clash!r} is already the key of {taken[clash]}; "
                    "using the default",
                )
                keys[action] = DEFAULT_KEYS[action]
            for key in keys[action].split(","):
                taken.setdefault(key, action)
        return tuple(keys.items())


def _key_list(value: object) -> str | None:
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        parts = [v.strip() for v in value]
    elif isinstance(value, str):
        parts = [v.strip() for v in value.split(",")]
    else:
        return None
    if not parts or not all(_KEY.fullmatch(p) for p in parts):
        return None
    return ",".join(parts)
