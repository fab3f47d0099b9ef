"""Alert words, and the tailing engine staying free of the UI libraries."""

from __future__ import annotations

import subprocess
import sys

from parsers.model import Author, Caption, Entry, Source
from tui.engine.alerts import Alerts


def entry(**fields: object) -> Entry:
    base: dict[str, object] = {"id": "abc", "source": Source("feeds/a.txt", "a.txt"), "position": 0}
    return Entry(**{**base, **fields})  # type: ignore[arg-type]


def test_alert_words_match_whole_words_in_any_field() -> None:
    alerts = Alerts(["kyiv", "Zelensky", " "])
    assert alerts.words == ("kyiv", "Zelensky")
    assert alerts.matches(entry(title="Sirens in KYIV")) == ("kyiv",)
    assert alerts.matches(entry(body=("Kyivstar network down",))) == ()
    assert alerts.matches(entry(authors=(Author("Zelensky"),), body=("Kyiv.",))) == (
        "kyiv",
        "Zelensky",
    )
    assert alerts.matches(entry(captions=(Caption("Kyiv at night"),))) == ("kyiv",)
    assert not Alerts([]) and Alerts([]).matches(entry(title="Kyiv")) == ()


def test_the_engine_never_imports_textual_or_rich() -> None:
    code = (
        "import sys, tui.engine.ingest, tui.engine.watcher, tui.tail_command, tui.engine.alerts;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
