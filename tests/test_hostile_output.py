"""Hostile names and fields: nothing raw reaches a terminal or a JSON Lines stream.

Files named with OSC 0 (window title), OSC 52 (clipboard), CSI sequences, a newline and bytes
that are not UTF-8; a JSON Feed holding lone surrogates and C1 controls. Every command's output
must be valid UTF-8 with no ESC and no C1 character, and no file may be lost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tailing_support import posts

from parsers.clean import json_line, shown
from parsers.decode import clean, clean_name
from parsers.read import parse_text
from tui.engine.alerts import alert_message

EVIL_NAMES = [
    b"title\x1b]0;pwned\x07.txt",
    b"clip\x1b]52;c;ZXZpbA==\x07.txt",
    b"csi\x1b[2J\x1b[31m.txt",
    b"fake\nline.txt",
    b"bad\xff\xfeutf8.txt",
    b"c1\xc2\x9b31m\xc2\x9d0;x.txt",
    b"bidi\xe2\x80\xaetxt.exe",
]
SURROGATE_FEED = (
    '{"version": "https://jsonfeed.org/version/1.1", "title": "Feed \\ud800",'
    ' "items": [{"id": "1", "title": "Lone \\udc9b[31m surrogate \\udc9d0;t\\u0007",'
    ' "content_text": "Body \\ud800 with \\udfff.", "date_published": "2024-03-01T10:00:00Z"}]}'
)


def _evil_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, name in enumerate(EVIL_NAMES):
        path = os.path.join(os.fsencode(folder), name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(posts(f"town{number}", 1))
    (folder / "feed.json").write_text(SURROGATE_FEED, encoding="utf-8")
    return folder


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict: a surrogate would crash
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        env=env,
    )


def _assert_safe(output: bytes) -> str:
    text = output.decode("utf-8")  # valid UTF-8, or this raises
    assert "\x1b" not in text and "\x07" not in text
    assert not any(0x80 <= ord(c) <= 0x9F for c in text), "a C1 control came out"
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert "\u202e" not in text
    return text


def test_parse_plain_prints_every_file_with_names_escaped(tmp_path: Path) -> None:
    folder = _evil_folder(tmp_path)
    done = _run("parse", str(folder))
    assert done.returncode == 0, done.stderr
    text = _assert_safe(done.stdout + done.stderr)
    headers = [line for line in text.splitlines() if line.startswith("== ")]
    assert len(headers) == len(EVIL_NAMES) + 1  # every file, the surrogate feed included
    assert any("bad\\xff\\xfeutf8.txt [headlines]" in line for line in headers)
    assert any("fake\\x0aline.txt" in line for line in headers)
    assert any("title\\x1b]0;pwned\\x07.txt" in line for line in headers)


def test_parse_json_is_valid_utf8_with_controls_escaped(tmp_path: Path) -> None:
    folder = _evil_folder(tmp_path)
    done = _run("parse", "--json", str(folder))
    assert done.returncode == 0, done.stderr
    text = _assert_safe(done.stdout + done.stderr)
    rows = [json.loads(line) for line in text.splitlines()]
    assert len({row["source"] for row in rows}) == len(EVIL_NAMES) + 1
    feed = next(row for row in rows if row["source"].endswith("feed.json"))
    assert feed["title"] == "Lone \ufffd[31m surrogate \ufffd0;t"
    assert feed["body"] == "Body \ufffd with \ufffd."
    assert any(row["source"].endswith("bad\\xff\\xfeutf8.txt") for row in rows)
    assert any("\\u001b]0;pwned" in line for line in text.splitlines())


def test_parse_explain_and_problems_escape_names(tmp_path: Path) -> None:
    folder = _evil_folder(tmp_path)
    (folder / "blob\x1b]0;x\x07.bin").write_bytes(b"\x00\x01\x02\x03" * 100)  # a problem on stderr
    done = _run("parse", "--explain", str(folder))
    _assert_safe(done.stdout + done.stderr)
    assert b"blob\\x1b]0;x\\x07.bin" in done.stdout
    plain = _run("parse", str(folder))
    assert plain.returncode == 1
    assert b"blob\\x1b]0;x\\x07.bin: not text" in plain.stderr
    _assert_safe(plain.stdout + plain.stderr)


@pytest.mark.parametrize("as_json", [False, True])
def test_tail_prints_every_file_safely(tmp_path: Path, as_json: bool) -> None:
    folder = _evil_folder(tmp_path)
    args = ["tail", str(folder), "--exit-after", "0", *(["--json"] if as_json else [])]
    done = _run(*args)
    assert done.returncode == 0, done.stderr
    text = _assert_safe(done.stdout + done.stderr)
    if as_json:
        rows = [json.loads(line) for line in text.splitlines()]
        sources = {r["source"] for r in rows if r["event"] == "added"}
        assert len(sources) == len(EVIL_NAMES) + 1
    else:
        assert len([line for line in text.splitlines() if line.startswith("+ ")]) == 8


def test_shown_escapes_controls_and_bytes_and_drops_bidi() -> None:
    name = os.fsdecode(b"a\x1b]52;c;x\x07\xff\n\xc2\x9b\xe2\x80\xae\xc2\xadb")
    assert shown(name) == "a\\x1b]52;c;x\\x07\\xff\\x0a\\x9bb"
    assert shown("\ud800") == "\ufffd"
    assert shown("plain name.txt") == "plain name.txt"
    assert shown(shown(name)) == shown(name)


def test_json_line_escapes_every_control_and_never_fails_to_encode() -> None:
    record = {"source": os.fsdecode(b"x\xff\x1b"), "body": "a\x85b\u2028c\ud800", "n": [1]}
    line = json_line(record)
    line.encode("utf-8")
    assert "\x85" not in line and "\u2028" not in line
    assert json.loads(line) == {"source": "x\\xff\x1b", "body": "a\x85b\u2028c\ufffd", "n": [1]}


def test_json_line_escapes_delete_in_an_otherwise_ascii_record() -> None:
    line = json_line({"title": "a\x7fb", "n": 1})
    assert line == '{"title": "a\\u007fb", "n": 1}'
    assert json_line({"title": "plain"}) == '{"title": "plain"}'


def test_alert_notification_text_is_clean() -> None:
    document = parse_text(posts("kyiv", 1), "/f/evil\x1b]0;pwned\x07.txt")
    entry = document.entries[0]
    title, text = alert_message([(entry, ("kyiv\x1b[31m",))])
    assert "\x1b" not in title + text and "\x07" not in title + text
    assert text.endswith("evil\\x1b]0;pwned\\x07.txt")


def test_invisible_characters_leave_names_and_headlines_but_joiners_stay_in_bodies() -> None:
    assert clean("a\u202eb\u2066c\u200ed\u061ce") == "abcde"
    assert clean("\u0645\u200c\u0627 and \u200d") == "\u0645\u200c\u0627 and \u200d"
    assert clean_name("Pre\u00adsi\u200bdent\u200d \u200cX") == "President X"
    text = "Bad\u202e\u00ad hea\u200bdline\u200d\n\nBy Ann\u200c Lee\n\n"
    text += "A body with \u200d joiner.\n"
    entry = parse_text(text, "x.txt").entries[0]
    assert entry.title is not None and "\u200d" not in entry.title and "\u202e" not in entry.title
    assert "\u00ad" not in entry.title
    assert any("\u200d" in paragraph for paragraph in entry.body)


async def test_reader_full_view_and_key_points_titles_show_names_escaped(tmp_path: Path) -> None:
    from textual.containers import VerticalScroll

    from parsers.read import parse_file
    from tui.app import make_app
    from tui.screens.text_screen import TextScreen

    name = os.path.join(os.fsencode(tmp_path), b"t\x1b]0;pwned\x07\x1b]52;c;eA==\x07\xff.txt")
    with open(name, "w", encoding="utf-8") as handle:
        handle.write("Officials said the crossing reopened at dawn after talks.\n")
    document = parse_file(os.fsdecode(name))
    assert document.entries and document.entries[0].title is None  # no headline: name shown
    app = make_app(documents=[document])
    async with app.run_test(size=(120, 36)) as pilot:
        for key in ("enter", "i"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, TextScreen)
            title = app.screen.query_one("#page", VerticalScroll).border_title
            plain = getattr(title, "plain", str(title))
            assert "\x1b" not in plain and "\x07" not in plain and "\udcff" not in plain
            assert "\\x1b]0;pwned\\x07" in plain or plain == "Key points"
            await pilot.press("escape")
            await pilot.pause()


def test_json_is_read_without_lone_surrogates_but_keeps_pairs() -> None:
    from parsers.decode import load_json

    value = load_json('{"a\\udc00": ["x\\ud800y", "\\ud83d\\ude00", {"k": "\\uDFFF"}], "n": 1}')
    assert value == {"a\ufffd": ["x\ufffdy", "\U0001f600", {"k": "\ufffd"}], "n": 1}
    authors = '"authors": [{"name": "Ann \\ud800 Lee"}], '
    feed = SURROGATE_FEED.replace('"items": [', authors + '"items": [')
    document = parse_text(feed, "feed.json")
    assert [a.name for a in document.authors] == ["Ann \ufffd Lee"]
