"""Copies of one page (snapshots, a feed beside its page) are one source, each post once."""

from __future__ import annotations

from copies_fixtures import edited, html_page, make_posts, rss_feed

from parsers.model import Document
from parsers.read import parse_text
from tui.engine.copies import EDITED, REMOVED, merge_documents
from tui.engine.ingest import Added, PageChanged, Removed, SourceRead, Tracker, Updated
from tui.engine.timeline import Timeline

URL = "https://news.example.org/live/harbour-strike"
TITLE = "Harbour strike: live"


def _html(posts: list, path: str, *, title: str = TITLE, url: str | None = URL) -> Document:
    document = parse_text(html_page(posts, title=title, url=url), path)
    assert len(document.entries) == len(posts)  # the generated page parses as meant
    return document


def _snapshots() -> tuple[list[Document], list]:
    """Three snapshots: each adds two posts on top; the second edits post 3, the third
    no longer has post 4."""
    posts = make_posts(11, 10)
    first = posts[:6]
    second = [*posts[:3], edited(posts[3]), *posts[4:8]]
    third = [*posts[:3], edited(posts[3]), *posts[5:10]]
    paths = ("/w/harbour-0800.html", "/w/harbour-0805.html", "/w/harbour-0810.html")
    return [_html(p, path) for p, path in zip((first, second, third), paths, strict=True)], posts


def _by_title(document: Document) -> dict[str, object]:
    return {entry.title: entry for entry in document.entries}


def test_three_snapshots_are_one_source_with_each_post_once() -> None:
    documents, posts = _snapshots()
    timeline = Timeline()
    timeline.upsert_many(documents)
    assert len(timeline) == 10
    rows = [(d.source.path, n) for d, n in timeline.source_counts()]
    assert rows == [(documents[0].source.path, 10)]  # the page once, counting posts
    info = timeline.page_info[documents[0].source.path]
    assert len(info.copies) == 3
    shown = {item.entry.title: item.entry for item in timeline.items}
    assert shown[posts[3].title].body == edited(posts[3]).body  # the newest copy's version
    # Ids are the first copy's: read state and marks keyed by id survive new snapshots.
    first_ids = {e.title: e.id for e in documents[0].entries}
    assert all(shown[title].id == entry_id for title, entry_id in first_ids.items())
    marks = {shown_title: timeline.marks.get(e.id) for shown_title, e in shown.items()}
    assert marks[posts[3].title] == EDITED
    assert marks[posts[4].title] == REMOVED
    assert {t for t, m in marks.items() if m} == {posts[3].title, posts[4].title}


def test_snapshots_arriving_one_by_one_report_only_what_each_adds_or_edits() -> None:
    documents, posts = _snapshots()
    tracker = Tracker()
    first = tracker.parsed(documents[0].source.path, documents[0], None)
    assert [type(e) for e in first] == [SourceRead, Added]
    assert len(first[1].entries) == 6  # type: ignore[union-attr]

    second = tracker.parsed(documents[1].source.path, documents[1], None)
    added = [e for e in second if isinstance(e, Added)]
    updated = [e for e in second if isinstance(e, Updated)]
    assert [entry.title for event in added for entry in event.entries] == [
        posts[7].title,
        posts[6].title,
    ]
    assert [entry.title for event in updated for entry in event.entries] == [posts[3].title]
    assert updated[0].copy_of(0) == documents[1].source.path  # which copy it came from
    # Entry events are of the page: its first copy's path.
    assert {e.source.path for event in added for e in event.entries} == {documents[0].source.path}
    changed = [e for e in second if isinstance(e, PageChanged)]
    assert len(changed) == 1 and len(changed[0].info.copies) == 2
    assert changed[0].copy == documents[1].source.path

    third = tracker.parsed(documents[2].source.path, documents[2], None)
    assert sum(len(e.entries) for e in third if isinstance(e, Added)) == 2
    assert not [e for e in third if isinstance(e, Updated | Removed)]  # a deleted post stays
    (page,) = [e for e in third if isinstance(e, PageChanged)]
    marks = dict(page.info.marks)
    removed = next(e.id for e in documents[0].entries if e.title == posts[4].title)
    assert marks[removed] == REMOVED
    assert list(marks.values()).count(EDITED) == 1

    # The same copy read again reports nothing.
    assert tracker.parsed(documents[2].source.path, documents[2], None) == []


def test_an_rss_copy_and_an_html_copy_of_one_blog_merge_preferring_the_richer_version() -> None:
    posts = make_posts(23, 6)
    feed = parse_text(rss_feed(posts, title=TITLE, url=URL), "/w/harbour.rss")
    page = _html(posts, "/w/harbour.html", title="Harbour strike: live updates from the port")
    assert feed.format != page.format and len(feed.entries) == 6
    for documents in ((feed, page), (page, feed)):
        (merged,) = merge_documents(documents)
        assert len(merged.entries) == 6
        assert all(entry.authors for entry in merged.entries)  # the page's bylines
        assert sum(1 for entry in merged.entries if entry.captions) == sum(
            1 for post in posts if post.caption
        )
        assert all(len(entry.body) == 2 for entry in merged.entries)  # not the feed's summary

    tracker = Tracker()
    tracker.parsed(feed.source.path, feed, None)
    events = tracker.parsed(page.source.path, page, None)
    assert not [e for e in events if isinstance(e, Added)]
    assert sum(len(e.entries) for e in events if isinstance(e, Updated)) == 6  # now richer
    (changed,) = [e for e in events if isinstance(e, PageChanged)]
    assert not changed.info.marks  # neither edited nor removed: the feed is a summary


def test_unrelated_pages_sharing_a_generic_title_stay_apart() -> None:
    """Both are "Live updates" with no address; they even share one wire post."""
    wire = make_posts(5, 1)[0]
    one = [*make_posts(31, 5), wire]
    two = [*make_posts(32, 5), wire]
    timeline = Timeline()
    timeline.upsert_many(
        [
            _html(one, "/w/a/live.html", title="Live updates", url=None),
            _html(two, "/w/b/live.html", title="Live updates", url=None),
        ]
    )
    assert len(timeline.source_counts()) == 2
    assert len(timeline) == 12
    assert not timeline.page_info


def test_two_outlets_carrying_the_same_wire_paragraph_are_two_sources() -> None:
    wire = make_posts(7, 1)[0]
    one = _html([*make_posts(41, 4), wire], "/w/one.html", title="Storm live", url=URL + "-a")
    two = _html([*make_posts(42, 4), wire], "/w/two.html", title="Storm latest", url=URL + "-b")
    assert len(merge_documents([one, two])) == 2
    timeline = Timeline()
    timeline.upsert_many([one, two])
    assert len(timeline) == 10


def test_a_copy_sharing_no_post_with_a_page_of_its_address_is_still_apart() -> None:
    """Identity alone does not merge: the overlap of posts decides."""
    one = _html(make_posts(51, 4), "/w/x1.html")
    two = _html(make_posts(52, 4), "/w/x2.html")
    assert len(merge_documents([one, two])) == 2


def test_a_growing_file_is_still_one_copy() -> None:
    posts = make_posts(61, 6)
    tracker = Tracker()
    tracker.parsed("/w/g.html", _html(posts[:3], "/w/g.html"), None)
    events = tracker.parsed("/w/g.html", _html(posts, "/w/g.html"), None)
    assert sum(len(e.entries) for e in events if isinstance(e, Added)) == 3
    assert not [e for e in events if isinstance(e, PageChanged)]


def test_tracker_seeded_with_a_timelines_copies_gives_the_same_ids() -> None:
    documents, _ = _snapshots()
    timeline = Timeline()
    timeline.upsert_many(documents[:2])
    tracker = Tracker()
    tracker.seed(timeline.read_documents)
    events = tracker.parsed(documents[2].source.path, documents[2], None)
    timeline.apply(events)
    assert len(timeline) == 10
    assert len(timeline.source_counts()) == 1
    assert len(timeline.page_info[documents[0].source.path].copies) == 3
    assert REMOVED in timeline.marks.values()


def test_a_deleted_copy_leaves_the_page_until_its_last_copy_goes() -> None:
    from tui.engine.ingest import SourceGone

    documents, _ = _snapshots()
    tracker = Tracker()
    for document in documents[:2]:
        tracker.parsed(document.source.path, document, None)
    page = documents[0].source.path
    first = tracker.missing(page)
    assert not [e for e in first if isinstance(e, SourceGone)]
    (changed,) = first
    assert isinstance(changed, PageChanged) and changed.info.copies == (documents[1].source.path,)
    last = tracker.missing(documents[1].source.path)
    assert SourceGone(page) in last
    timeline = Timeline()
    timeline.upsert_many(documents[:2])
    timeline.apply(first + last)
    assert page in timeline.gone and len(timeline) == 8  # the posts stay, marked gone
