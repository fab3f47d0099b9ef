"""A large feed reaches the reader in two steps: its first items at once, then the whole.

The first document holds the feed's first entries exactly as the whole document has them (the
same ids, so the reader's cursor and marks stay put when the whole one replaces it); the last
one is the document ``parse_file`` gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_fixtures import screen_text

import tui.app
import tui.engine.loader
from parsers.formats.feed import FIRST_ITEMS
from parsers.read import parse_file, parse_file_parts
from tui.app import make_app
from tui.engine.loader import read_all
from tui.messages import DocumentsLoaded
from tui.widgets.feed import Feed


def rss_feed(items: int) -> str:
    """An RSS feed of ``items`` items of about 900 bytes each, newest first."""
    body = "<p>The council said the bridge would open in spring, after the flood.</p>" * 8
    rows = [
        f"<item><title>Update {n}</title><link>https://example.com/{n}</link>"
        f"<pubDate>Tue, 05 Mar 2024 {23 - n // 60 % 24:02d}:{59 - n % 60:02d}:00 GMT</pubDate>"
        f"<category>News</category><content:encoded><![CDATA[{body}]]></content:encoded></item>"
        for n in range(items)
    ]
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Big blog</title>'
        "<link>https://example.com/</link>" + "".join(rows) + "</channel></rss>"
    )


@pytest.fixture(scope="module")
def large_feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("feeds") / "large.xml"
    path.write_text(rss_feed(1500), encoding="utf-8")  # about 1.4 MB
    return path


def test_a_large_feed_comes_first_as_its_first_items_then_whole(large_feed: Path) -> None:
    parts = list(parse_file_parts(str(large_feed)))
    assert [whole for _, whole in parts] == [False, True]
    first, last = parts[0][0], parts[1][0]
    assert last == parse_file(large_feed)
    assert len(last.entries) == 1500
    assert FIRST_ITEMS <= len(first.entries) < 300
    assert first.entries == last.entries[: len(first.entries)]
    assert (first.title, first.url, first.source) == (last.title, last.url, last.source)


def test_a_large_feed_the_fast_reader_gives_up_on_still_ends_as_feedparser_reads_it(
    tmp_path: Path,
) -> None:
    text = rss_feed(1500)
    cut = text.index("<item>", len(text) // 2)  # an element the fast reader does not model
    text = text[:cut] + "<item><title>Odd</title><media:title>M</media:title></item>" + text[cut:]
    path = tmp_path / "odd.xml"
    path.write_text(text, encoding="utf-8")
    parts = list(parse_file_parts(str(path)))
    assert [whole for _, whole in parts] == [False, True]
    assert parts[-1][0] == parse_file(path)
    assert len(parts[-1][0].entries) == 1501


def test_a_small_feed_or_page_comes_whole(tmp_path: Path) -> None:
    small = tmp_path / "small.xml"
    small.write_text(rss_feed(20), encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\nSome text of the page.\n", encoding="utf-8")
    for path in (small, page):
        parts = list(parse_file_parts(str(path)))
        assert len(parts) == 1 and parts[0][1]
        assert parts[0][0] == parse_file(path)


def test_the_loader_hands_over_a_large_feed_in_two_steps(large_feed: Path) -> None:
    steps = [(done, total, len(indexed.document.entries)) for done, total, indexed in
             read_all([str(large_feed)])]  # fmt: skip
    assert [(done, total) for done, total, _ in steps] == [(0, 1), (1, 1)]
    assert steps[0][2] < steps[1][2] == 1500


async def test_the_reader_shows_a_large_feed_before_it_is_read_to_its_end(
    large_feed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int]] = []
    original = tui.app.ReaderApp.on_documents_loaded

    def record(self: tui.app.ReaderApp, message: DocumentsLoaded) -> None:
        seen.append((message.done, sum(len(d.document.entries) for d in message.documents)))
        original(self, message)

    monkeypatch.setattr(tui.app.ReaderApp, "on_documents_loaded", record)
    monkeypatch.setattr(tui.engine.loader, "POOL_MIN_FILES", 64)
    app = make_app([str(large_feed)])
    async with app.run_test(size=(100, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        feed = app.query_one(Feed)
        assert len(feed.items) == 1500
        assert "loading" not in screen_text(app)
    assert seen[0][0] == 0 and FIRST_ITEMS <= seen[0][1] < 1500  # the first items, at once
    assert seen[-1] == (1, 1500)
