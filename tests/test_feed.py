"""RSS and Atom feeds: one entry per item, times as instants, people, labels, broken feeds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from stub_text_handler import StampedLines

import parsers.formats
from parsers.formats.feed import FeedFormat
from parsers.model import ZoneBasis
from parsers.read import parse_bytes, parse_file, parse_text

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def test_items_in_four_zones_sort_by_instant_not_by_wall_clock() -> None:
    document = parse_file(FEEDS / "four_zones.rss")
    assert document.format == "feed"
    stamps = [e.published for e in document.entries]
    assert all(s is not None and s.zone is ZoneBasis.STATED for s in stamps)
    offsets = {s.at.utcoffset().total_seconds() / 3600 for s in stamps if s}
    assert offsets == {-5.0, 1.0, 0.0, 9.0}
    by_instant = [e.title for e in sorted(document.entries, key=lambda e: e.published.instant)]
    by_wall_clock = [e.title for e in sorted(document.entries, key=lambda e: e.published.iso())]
    assert by_instant == [
        "Wind warning extended to the islands",  # 23:05 +09:00 = 14:05 UTC
        "Shelters open in the old town",  # 15:10 +01:00 = 14:10 UTC
        "Power restored to the eastern quarter",  # 14:20 GMT
        "Ferries suspended until morning",  # 09:40 -05:00 = 14:40 UTC
    ]
    assert by_wall_clock != by_instant
    first = document.entries[0].published
    assert first is not None and first.at == datetime(2024, 3, 5, 14, 40, tzinfo=UTC)
    assert first.at.hour == 9  # shown in the feed's own wall-clock time


def test_organisation_creator_is_not_a_person_and_email_author_gives_the_name() -> None:
    entries = parse_file(FEEDS / "four_zones.rss").entries
    assert [a.name for a in entries[2].authors] == ["Lena Ortiz"]
    assert entries[3].authors == ()


def test_atom_several_authors_categories_updated_and_captions() -> None:
    document = parse_file(FEEDS / "several_authors.atom")
    first = document.entries[0]
    assert [a.name for a in first.authors] == ["Tom Achterberg", "Sara Quint"]
    assert first.labels == ("Analysis", "Athletics")
    assert first.updated is not None and first.published is not None
    assert first.updated.instant - first.published.instant == 15 * 60
    assert first.captions[0].credit == "Ana Velt/Example Agency"
    assert [a.name for a in document.authors] == ["Priya Natarajan"]
    assert document.standfirst == "Race-day updates from the fictional Valley Marathon"


def test_malformed_feed_keeps_every_item_and_reports_a_problem() -> None:
    document = parse_file(FEEDS / "malformed.rss")
    assert document.readable
    assert [e.title for e in document.entries] == [
        "Council meeting opens",
        "Residents speak for & against",
        "Vote passes",
    ]
    assert document.entries[1].body == ("Nine residents asked to speak; most backed the plan.",)
    assert len(document.problems) == 1
    assert "line 12" in document.problems[0].message


def test_truncated_feed_gives_what_was_read() -> None:
    text = (FEEDS / "four_zones.rss").read_text("utf-8")
    document = parse_text(text[: text.index("Power restored")])
    assert [e.title for e in document.entries][:2] == [
        "Ferries suspended until morning",
        "Shelters open in the old town",
    ]
    assert document.problems


def test_declared_legacy_encoding_is_read_correctly() -> None:
    data = (
        '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel>'
        "<title>Caf\xe9 talks</title><item><title>Na\xefve \u201chope\u201d</title>"
        "<pubDate>Mon, 06 Sep 2021 12:00:00 EST</pubDate></item></channel></rss>"
    ).encode("cp1252")
    document = parse_bytes(data, "x.rss")
    assert document.title == "Café talks"
    assert document.entries[0].title == "Naïve “hope”"
    stamp = document.entries[0].published
    assert stamp is not None and stamp.instant == datetime(2021, 9, 6, 17, tzinfo=UTC).timestamp()


def test_rss_1_rdf_is_recognised() -> None:
    text = (
        '<?xml version="1.0"?>\n<!-- a comment -->\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Old style</title></channel>"
        "<item><title>One</title><dc:date>2002-09-05T12:30:00+02:00</dc:date>"
        "<dc:creator>Ana Pires</dc:creator></item></rdf:RDF>"
    )
    document = parse_text(text)
    assert document.format == "feed"
    entry = document.entries[0]
    assert entry.published is not None and entry.published.iso() == "2002-09-05T12:30:00+02:00"
    assert [a.name for a in entry.authors] == ["Ana Pires"]


@pytest.mark.parametrize(
    "text",
    [
        "Just a paragraph of prose.\n\n14.31 GMT\nA headline",
        "<!doctype html><html><body><p>page</p></body></html>",
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
        "<feedback>not a feed</feedback>",
    ],
)
def test_sniff_leaves_other_texts_alone(text: str) -> None:
    assert FeedFormat().sniff(text) is None


def test_forced_feed_format_on_a_url_never_fetches_or_opens_it(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text('<rss version="2.0"><channel><title>SECRET</title></channel></rss>')
    for text in (str(secret), "https://example.invalid/feed.xml"):
        draft = FeedFormat().parse(text)
        assert draft.title is None
        assert draft.entries == []


def test_item_carrying_a_whole_live_blog_is_split_by_the_text_handlers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parsers.formats, "FORMATS", (*parsers.formats.FORMATS, StampedLines()))
    document = parse_file(FEEDS / "live_blog_item.rss")
    assert [e.title for e in document.entries] == [
        "Talks to resume on Wednesday",
        "Queue of ships grows to 31",
        "Union sets out its demands",
    ]
    first = document.entries[0].published
    assert first is not None and first.at == datetime(2024, 5, 7, 15, 5, tzinfo=UTC)
    assert document.title.startswith("Canal strike live")
    assert document.kicker == "Example Times | World"
    assert [a.name for a in document.authors] == ["Hanna Reyes", "Olu Adeyemi"]
    assert document.dropped == ("Continue reading...",)
    assert document.standfirst.startswith("Dock workers at Selm have stopped work")
    assert (
        document.published is not None and document.published.iso() == "2024-05-07T15:05:00+00:00"
    )
    assert all(entry.labels == ("Shipping",) for entry in document.entries)


def test_item_without_stamped_blocks_stays_one_entry() -> None:
    document = parse_file(FEEDS / "live_blog_item.rss")
    assert len(document.entries) >= 1
    text = "\n".join(p for e in document.entries for p in e.body)
    assert "Tracking data showed 31 vessels" in text
    assert "Continue reading" not in text


def test_live_blog_item_with_the_project_stamped_handler() -> None:
    if "stamped" not in parsers.formats.names():
        pytest.skip("the stamped text handler is not in this tree yet")
    document = parse_file(FEEDS / "live_blog_item.rss")
    assert [(e.title, e.published.iso() if e.published else None) for e in document.entries] == [
        ("Talks to resume on Wednesday", "2024-05-07T16:05:00+01:00"),
        ("Queue of ships grows to 31", "2024-05-07T14:40:00+01:00"),
        ("Union sets out its demands", "2024-05-07T12:15:00+01:00"),
    ]
    assert document.entries[0].published.instant == document.published.instant


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    text = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        '<rss version="2.0"><channel><title>T &x;</title>'
        "<item><title>Item &x;</title><description>Body &x;</description></item>"
        "</channel></rss>"
    )
    document = parse_text(text)
    seen = [document.title or ""] + [f"{e.title} {' '.join(e.body)}" for e in document.entries]
    assert document.entries
    assert not any("TOP-SECRET-VALUE" in field for field in seen)


def test_json_feed_is_recognised_by_its_version_not_its_name() -> None:
    data = (FEEDS / "harbour.json").read_bytes()
    document = parse_bytes(data, "export.txt")
    assert document.format == "jsonfeed"
    assert [a.name for a in document.entries[0].authors] == ["Jonas Berg"]
    assert parse_text('{"version": "1", "items": []}').format != "jsonfeed"
