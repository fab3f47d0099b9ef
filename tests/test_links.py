"""Entry.url: every format keeps the address the source gives, cleaned and absolute."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers.links import clean_url, url_in_line, url_in_text_head
from parsers.read import parse_file, parse_text
from tui.cli import main

FEEDS = Path(__file__).parent / "fixtures" / "feeds"

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour live</title><link>https://example.org/live</link>
<item><title>Ferry cancelled</title><link>https://example.org/live#post-2</link>
<pubDate>Tue, 07 May 2024 10:05:00 GMT</pubDate><description>No ferries today.</description></item>
<item><title>No link here</title>
<pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate><description>Calm so far.</description></item>
<item><title>Script link</title><link>javascript:alert(1)</link>
<pubDate>Tue, 07 May 2024 08:00:00 GMT</pubDate><description>Odd.</description></item>
</channel></rss>
"""


def test_rss_item_link_and_the_feed_link_for_an_item_without_one() -> None:
    document = parse_text(RSS, "harbour.rss")
    assert document.format == "feed"
    assert document.url == "https://example.org/live"
    urls = [e.url for e in document.entries]
    assert urls == [
        "https://example.org/live#post-2",
        "https://example.org/live",
        "https://example.org/live",  # javascript: is never kept
    ]


def test_atom_link_alternate() -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Storm</title>
<link rel="alternate" href="https://example.com/storm"/>
<entry><title>Wind</title><link rel="alternate" href="https://example.com/storm/1"/>
<updated>2024-05-07T10:00:00Z</updated><content>Strong wind.</content></entry></feed>"""
    document = parse_text(atom, "storm.atom")
    assert [e.url for e in document.entries] == ["https://example.com/storm/1"]


def test_json_feed_url() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Harbour",
        "home_page_url": "https://example.org/harbour",
        "items": [
            {"id": "1", "url": "https://example.org/harbour/1", "content_text": "One."},
            {"id": "2", "content_text": "Two."},
        ],
    }
    document = parse_text(json.dumps(feed), "harbour.json")
    assert document.format == "jsonfeed"
    assert [e.url for e in document.entries] == [
        "https://example.org/harbour/1",
        "https://example.org/harbour",
    ]


def _ld_page(updates: list[dict[str, object]], head: str = "") -> str:
    blog = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Canal strike",
        "url": "https://example.net/live/canal",
        "liveBlogUpdate": updates,
    }
    return (
        f"<!doctype html><html><head>{head}<script type=\"application/ld+json\">"
        f"{json.dumps(blog)}</script></head><body><p>Live.</p></body></html>"
    )


def test_json_ld_url_then_id_when_it_is_an_address() -> None:
    updates: list[dict[str, object]] = [
        {"@type": "BlogPosting", "headline": "A", "url": "https://example.net/live/canal/a",
         "datePublished": "2024-05-07T10:00:00Z", "articleBody": "First."},
        {"@type": "BlogPosting", "headline": "B", "@id": "#post-b",
         "datePublished": "2024-05-07T09:00:00Z", "articleBody": "Second."},
        {"@type": "BlogPosting", "headline": "C", "@id": "urn:uuid:1234",
         "datePublished": "2024-05-07T08:00:00Z", "articleBody": "Third."},
    ]
    document = parse_text(_ld_page(updates), "canal.html")
    assert document.format == "jsonld"
    assert [e.url for e in document.entries] == [
        "https://example.net/live/canal/a",
        "https://example.net/live/canal#post-b",  # an anchor on the page
        "https://example.net/live/canal",  # a URN is no address: the page's
    ]


HTML = """<!doctype html><html><head><title>Storm live</title>
<link rel="canonical" href="https://news.example/storm-live">
<meta property="og:url" content="https://news.example/other"></head><body>
<p>10:05 GMT</p><p>Ferries cancelled</p><p>All ferries are cancelled today.</p>
<p>09:40 GMT</p><p>Wind rising</p><p>The wind is rising along the coast.</p>
</body></html>"""


def test_html_canonical_link_beats_og_url_and_reaches_every_entry() -> None:
    document = parse_text(HTML, "storm.html")
    assert document.url == "https://news.example/storm-live"
    assert document.entries and {e.url for e in document.entries} == {
        "https://news.example/storm-live"
    }


def test_html_og_url_and_browser_saved_from_comment() -> None:
    og = HTML.replace('<link rel="canonical" href="https://news.example/storm-live">', "")
    assert parse_text(og, "storm.html").url == "https://news.example/other"
    saved = "<!-- saved from url=(0027)https://saved.example/live -->\n" + og.replace(
        '<meta property="og:url" content="https://news.example/other">', ""
    )
    assert parse_text(saved, "storm.html").url == "https://saved.example/live"


TEXT = """Storm live: ferries cancelled
Source: https://news.example/storm-live

10:05 GMT
Ferries cancelled
All ferries are cancelled today.

09:40 GMT
Wind rising
The wind is rising along the coast.
"""


def test_text_page_keeps_the_url_its_head_names() -> None:
    document = parse_text(TEXT, "storm.txt")
    assert document.url == "https://news.example/storm-live"
    assert all(e.url == "https://news.example/storm-live" for e in document.entries)
    bare = TEXT.replace("Source: ", "")
    assert parse_text(bare, "storm.txt").url == "https://news.example/storm-live"


def test_text_page_without_an_address_line_has_no_url() -> None:
    prose = TEXT.replace(
        "Source: https://news.example/storm-live", "See https://x.example for more"
    )
    document = parse_text(prose, "storm.txt")
    assert document.url is None
    assert all(e.url is None for e in document.entries)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://a.example/x", "https://a.example/x"),
        ("  https://a.example/x\n", "https://a.example/x"),
        ("https://a.example/\x1b[31mx", "https://a.example/x"),
        ("https://a.example/\x07y\x00", "https://a.example/y"),
        ("https://a.example/a b", None),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("/relative", None),
        ("https://[::1", None),
        (42, None),
        ("https://a.example/" + "x" * 3000, None),
    ],
)
def test_clean_url(value: object, expected: str | None) -> None:
    assert clean_url(value) == expected


def test_clean_url_resolves_relative_links_on_a_base() -> None:
    assert clean_url("#p3", "https://a.example/live") == "https://a.example/live#p3"
    assert clean_url("/b", "https://a.example/live/x") == "https://a.example/b"


def test_url_lines() -> None:
    assert url_in_line("URL: <https://a.example/x>") == "https://a.example/x"
    assert url_in_line("Saved from: https://a.example/x") == "https://a.example/x"
    assert url_in_line("Read https://a.example/x now") is None
    head = "\n".join(["line"] * 50 + ["https://late.example/"])
    assert url_in_text_head(head) is None


def test_parse_json_gives_url(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "harbour.rss"
    path.write_text(RSS, encoding="utf-8")
    assert main(["parse", "--json", str(path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["url"] == "https://example.org/live#post-2"
    assert all("url" in row for row in rows)


def test_fixture_feed_with_links() -> None:
    document = parse_file(FEEDS / "four_zones.rss")
    assert document.entries[0].url == "https://example.org/harbour-storm#a"
