"""Broken feeds: one bad item or reference never empties the feed, and salvage is one pass."""

from __future__ import annotations

import time

import pytest

from parsers.formats import feed as feed_module
from parsers.read import parse_text


def _rss(items: list[str]) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
        + "".join(items)
        + "</channel></rss>"
    )


def _item(n: int, extra: str = "") -> str:
    return (
        f"<item><title>Item {n}{extra}</title><description>Body of item {n}.</description>"
        f"<pubDate>Mon, 01 Jan 2024 10:{n:02d}:00 GMT</pubDate></item>"
    )


@pytest.mark.parametrize(
    "reference", ["&#xd800;", "&#xDFFF;", "&#x110000;", "&#99999999999;", "&#0;", "&#x1;"]
)
def test_a_bad_character_reference_becomes_fffd_and_the_rest_is_read(reference: str) -> None:
    document = parse_text(_rss([_item(1), _item(2, reference), _item(3)]), "f.xml")
    assert [e.title for e in document.entries] == ["Item 1", "Item 2\ufffd", "Item 3"]
    assert any("character reference" in p.message for p in document.problems)


def test_good_references_are_left_alone() -> None:
    document = parse_text(_rss([_item(1, "&#x41;&#66;&#x1F600;")]), "f.xml")
    assert [e.title for e in document.entries] == ["Item 1AB\U0001f600"]
    assert not document.problems


def test_an_atom_feed_with_a_bad_reference_is_read() -> None:
    text = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
        "<entry><title>One &#xd800;</title><updated>2024-01-01T10:00:00Z</updated>"
        "<content>First body.</content></entry>"
        "<entry><title>Two</title><updated>2024-01-01T11:00:00Z</updated>"
        "<content>Second body.</content></entry></feed>"
    )
    assert [e.title for e in parse_text(text, "a.xml").entries] == ["One \ufffd", "Two"]


def test_a_garbled_tag_in_one_item_keeps_the_others() -> None:
    garbled = _item(2).replace("</title>", "</tit")
    document = parse_text(_rss([_item(1), garbled, _item(3)]), "f.xml")
    titles = [e.title for e in document.entries]
    assert titles[0] == "Item 1" and titles[-1] == "Item 3" and len(titles) == 3


def test_unclosed_items_are_salvaged_in_one_feedparser_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = [f"<item><title>Item {n}</title><description>B {n}.</description>" for n in range(40)]
    calls = []
    real = feed_module._feedparser

    def counting(text: str) -> object:
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(feed_module, "_feedparser", counting)
    document = parse_text(_rss(items), "f.xml")
    assert len(document.entries) == 40
    assert [e.title for e in document.entries][:2] == ["Item 0", "Item 1"]
    assert len(calls) <= 2  # the feed as it is, then once repaired: never once per item


def test_salvage_time_grows_linearly_with_the_feed() -> None:
    def cost(count: int) -> float:
        items = [f"<item><title>T {n}</title><description>B</description>" for n in range(count)]
        text = _rss(items)
        start = time.perf_counter()
        parse_text(text, "f.xml")
        return time.perf_counter() - start

    assert cost(1600) / cost(400) < 8  # linear: about 4
