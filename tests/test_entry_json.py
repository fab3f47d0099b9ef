"""The JSON shape of an entry, shared by ``parse --json`` and ``tail --json``."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

from parsers.model import Author, Caption, Entry, Precision, Source, Timestamp, ZoneBasis
from tui.alerts import Alerts
from tui.entry_json import dumps, entry_to_json

KYIV = timezone(timedelta(hours=2))


def entry(**fields: object) -> Entry:
    base: dict[str, object] = {"id": "abc", "source": Source("feeds/a.txt", "a.txt"), "position": 0}
    return Entry(**{**base, **fields})  # type: ignore[arg-type]


def test_all_fields() -> None:
    record = entry_to_json(
        entry(
            published=Timestamp(datetime(2022, 2, 25, 9, 30, tzinfo=KYIV)),
            title="Explosions heard",
            labels=("Breaking",),
            authors=(Author("Jessica Parker", "BBC Brussels correspondent"), Author("Anon")),
            body=("First paragraph.", "Second paragraph."),
            captions=(Caption("Smoke over the city", "Reuters"),),
        )
    )
    assert record == {
        "id": "abc",
        "source": "feeds/a.txt",
        "published": "2022-02-25T09:30:00+02:00",
        "title": "Explosions heard",
        "labels": ["Breaking"],
        "authors": [
            {"name": "Jessica Parker", "role": "BBC Brussels correspondent"},
            {"name": "Anon", "role": None},
        ],
        "body": "First paragraph.\n\nSecond paragraph.",
        "captions": [{"text": "Smoke over the city", "credit": "Reuters"}],
    }


def test_date_only_and_missing_times() -> None:
    day = Timestamp(datetime(2022, 2, 25, tzinfo=UTC), Precision.DATE, ZoneBasis.NONE)
    assert entry_to_json(entry(published=day))["published"] == "2022-02-25"
    assert entry_to_json(entry())["published"] is None


def test_one_line_per_record_and_text_kept() -> None:
    line = dumps(entry_to_json(entry(body=("Київ\nline two", "x"))))
    assert "\n" not in line
    assert json.loads(line)["body"] == "Київ\nline two\n\nx"
    assert "Київ" in line


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
        "import sys, tui.ingest, tui.watcher, tui.tail_command, tui.entry_json, tui.alerts;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
