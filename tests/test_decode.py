"""Reading bytes: encodings, line endings, odd spaces, escapes, and files that are not text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parsers import parse_bytes, parse_file
from parsers.decode import clean, decode


def test_utf8_bom_is_sniffed_and_removed() -> None:
    decoded = decode("\ufeffHello — world".encode())
    assert decoded.text == "Hello — world"
    assert decoded.encoding == "utf-8"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom(encoding: str) -> None:
    text = "Kyiv braces\n\nSirens sounded across the city at dawn.\n"
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    assert decoded.problems == ()


def test_cp1252_fallback_is_reported() -> None:
    decoded = decode("Minister\u2019s statement \u2014 caf\u00e9".encode("cp1252"))
    assert decoded.text == "Minister\u2019s statement \u2014 caf\u00e9"
    assert decoded.encoding == "cp1252"
    assert "cp1252" in decoded.problems[0]


def test_line_endings_are_normalised() -> None:
    assert decode(b"a\r\nb\rc\nd").text == "a\nb\nc\nd"


def test_unusual_spaces_become_plain_spaces() -> None:
    assert clean("a\u00a0b\u202fc\u2009d\te") == "a b c d e"


@pytest.mark.parametrize(
    "raw",
    [
        "red \x1b[31mALERT\x1b[0m text",
        "title \x1b]0;pwned\x07here",
        "link \x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\",
        "lone \x1b escape",
        "c1 \x9b31m csi",
        "bell \x07 and backspace \x08 and nul \x00",
    ],
)
def test_escape_sequences_and_controls_are_removed(raw: str) -> None:
    cleaned = clean(raw)
    assert not any(ord(c) < 32 and c != "\n" for c in cleaned)
    assert not any(0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert "pwned" not in cleaned and "http://evil" not in cleaned


def test_markup_like_text_stays_literal() -> None:
    document = parse_bytes(b"Headline [bold]here[/]\n\nBody with [link=http://x]a link[/link].\n")
    entry = document.entries[0]
    assert "[bold]here[/]" in (entry.title or "")
    assert "Body with [link=http://x]a link[/link]." in entry.body


def test_empty_file_gives_no_entries_and_no_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    document = parse_file(path)
    assert document.entries == () and document.problems == ()


def test_whitespace_only_file_gives_no_entries(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\n \r\n\t\n")
    document = parse_file(path)
    assert document.entries == () and document.problems == ()


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 8)
    document = parse_file(path)
    assert document.entries == ()
    assert not document.readable
    assert "not text" in document.problems[0].message


def test_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(2048)
    document = parse_file(path, max_bytes=1024)
    assert not document.readable
    assert "too large" in document.problems[0].message


def test_missing_and_directory_paths_are_problems(tmp_path: Path) -> None:
    assert "no such file" in parse_file(tmp_path / "gone.txt").problems[0].message
    assert "directory" in parse_file(tmp_path).problems[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody.\n")
    path.chmod(0)
    assert "permission denied" in parse_file(path).problems[0].message


def test_half_written_utf8_is_read_with_a_problem() -> None:
    data = "Kyiv \u2014 sirens".encode()[:-3] + "\u2014".encode()[:2]
    document = parse_bytes(data)
    assert document.readable
    assert document.entries


def test_declared_xml_encoding_is_honoured() -> None:
    feed = (
        '<?xml version="1.0" encoding="koi8-r"?>\n<rss version="2.0"><channel>'
        "<title>Новости</title><item><title>Киев: сирены</title>"
        "<pubDate>Fri, 25 Feb 2022 10:00:00 +0200</pubDate></item></channel></rss>"
    ).encode("koi8-r")
    decoded = decode(feed)
    assert decoded.encoding == "koi8-r"
    assert "Киев: сирены" in (decoded.text or "")
    assert parse_bytes(feed).entries[0].title == "Киев: сирены"


def test_declared_html_charset_is_honoured() -> None:
    page = '<html><head><meta charset="iso-8859-7"></head><body><p>Αθήνα</p></body></html>'
    decoded = decode(page.encode("iso-8859-7"))
    assert decoded.encoding == "iso8859-7"
    assert "Αθήνα" in (decoded.text or "")


def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    document = parse_file(fifo)
    assert not document.readable
    assert "not a regular file" in document.problems[0].message


@pytest.mark.parametrize("context", ["Scholz arrives{}\nin Paris", "Scholz arrivé{}\nà Paris"])
def test_needs_cleaning_finds_exactly_what_clean_changes(context: str) -> None:
    # The fast screen (ASCII bytes, printable text) must agree with clean() on every
    # character of the Basic Multilingual Plane, in ASCII and in accented text; characters
    # that only names lose (soft hyphen, joiners) count as changes too.
    from parsers.clean import INVISIBLE_IN_NAMES
    from parsers.decode import needs_cleaning

    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue  # lone surrogates never come out of a decoder
        text = context.format(chr(code))
        changed = clean(text) != text or chr(code) in INVISIBLE_IN_NAMES
        assert needs_cleaning(text) == changed, hex(code)
