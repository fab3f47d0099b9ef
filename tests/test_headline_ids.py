"""Ids of untimed posts survive a page growing from one post to many, in either order."""

from __future__ import annotations

import itertools

import pytest

from parsers import parse_text

HEAD = (
    "Storm hits the coast as thousands lose power\n\n"
    "Engineers are working to restore supplies after high winds\n\n"
)
POSTS = [
    (
        "Coastal road closed after landslip",
        "A section of the coast road has been shut after part of a cliff gave way, police said.\n\n"
        "Drivers are being asked to avoid the area until tomorrow.",
    ),
    (
        "Power restored to half of homes",
        "About half of the homes that lost power overnight have it back, the operator says.\n\n"
        "Engineers remain at a substation near the harbour.",
    ),
    (
        "Ferries cancelled for the day",
        "All sailings from the harbour are off until the swell drops, the operator said.",
    ),
]


def _page(head: str, posts: list[tuple[str, str]]) -> str:
    return head + "".join(f"{title}\n\n{body}\n\n" for title, body in posts)


def _ids_by_first_line(text: str) -> dict[str, str]:
    """Each entry's id, by the post it holds (told by the start of its own text)."""
    document = parse_text(text, "page.txt")
    out = {}
    for entry in document.entries:
        text_of = "\n".join(entry.body)
        for title, body in POSTS:
            if body.split(".")[0] in text_of:
                out[title] = entry.id
    return out


@pytest.mark.parametrize(
    ("head", "newest_first"), list(itertools.product([HEAD, ""], [True, False]))
)
def test_every_post_keeps_its_id_as_the_page_grows(head: str, newest_first: bool) -> None:
    seen: dict[str, str] = {}
    for count in range(1, len(POSTS) + 1):
        posts = POSTS[:count]
        page = _page(head, list(reversed(posts)) if newest_first else posts)
        ids = _ids_by_first_line(page)
        assert len(ids) == count
        for title, entry_id in ids.items():
            assert seen.setdefault(title, entry_id) == entry_id, (count, title)


def test_the_one_post_page_is_still_an_article_under_the_page_title() -> None:
    document = parse_text(_page(HEAD, POSTS[:1]), "page.txt")
    assert len(document.entries) == 1
    article = document.entries[0]
    assert article.title == "Storm hits the coast as thousands lose power"
    assert article.body[0] == "Engineers are working to restore supplies after high winds"
    assert "Coastal road closed after landslip" in article.body


def test_a_headline_right_under_the_page_head_titles_the_opening_post() -> None:
    document = parse_text(_page(HEAD, POSTS[:2]), "page.txt")
    assert [e.title for e in document.entries] == [title for title, _ in POSTS[:2]]
    assert document.title == "Storm hits the coast as thousands lose power"


@pytest.mark.parametrize("newest_first", [True, False])
def test_tailing_a_growing_page_leaves_no_first_version_behind(newest_first: bool) -> None:
    from tui.engine.ingest import Added, Tracker

    tracker = Tracker()
    added = 0
    for count in range(1, len(POSTS) + 1):
        posts = POSTS[:count]
        page = _page(HEAD, list(reversed(posts)) if newest_first else posts)
        events = tracker.parsed("page.txt", parse_text(page, "page.txt"), None)
        added += sum(len(e.entries) for e in events if isinstance(e, Added))
    assert added == len(POSTS)
    assert len(tracker.known()) == len(POSTS)
