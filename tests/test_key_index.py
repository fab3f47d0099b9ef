"""The compact key index behaves as a dict filled by ``setdefault``, whatever its sorts."""

from __future__ import annotations

import random

import pytest
from copies_fixtures import html_page, make_posts

from parsers.read import parse_text
from tui.engine.copies import Pages
from tui.engine.key_index import LEAST, NUMBER_LIMIT, KeyIndex

URL = "https://news.example.org/live/harbour-strike"


def test_an_empty_index_knows_no_key() -> None:
    index = KeyIndex()
    assert index.get(0) is None
    assert 5 not in index
    assert len(index) == 0


def test_a_key_keeps_its_first_number_before_and_after_a_sort() -> None:
    index = KeyIndex()
    index.add(7, 1)
    index.add(7, 2)
    assert index.get(7) == 1
    for key in range(1000, 1000 + 3 * LEAST):  # sorts the fresh keys in, more than once
        index.add(key, 3)
    index.add(7, 4)  # a key already sorted, given again: still its first number
    assert index.get(7) == 1
    for key in range(-3 * LEAST, 0):
        index.add(key, 5)
    assert index.get(7) == 1
    assert len(index) == 1 + 6 * LEAST
    assert index.get(999) is None


def test_the_extreme_keys_and_numbers_are_kept() -> None:
    index = KeyIndex()
    extremes = [-(2**63), 2**63 - 1, 0, -1, hash("a"), hash((1, "h", "storm"))]
    for n, key in enumerate(extremes):
        index.add(key, NUMBER_LIMIT - 1 - n)
    len(index)  # sorted in
    for n, key in enumerate(extremes):
        assert index.get(key) == NUMBER_LIMIT - 1 - n
    assert index.get(2**62) is None


def test_a_number_out_of_range_is_refused() -> None:
    index = KeyIndex()
    with pytest.raises(ValueError):
        index.add(1, -1)
    with pytest.raises(ValueError):
        index.add(1, NUMBER_LIMIT)
    assert index.get(1) is None


def test_split_gives_the_numbers_found_in_order_and_the_keys_missing() -> None:
    index = KeyIndex()
    index.add_all([10, None, 11], 1)
    for key in range(100, 100 + 2 * LEAST):  # 10 and 11 sorted, the rest fresh
        index.add(key, 2)
    assert index.split([11, None, 12, 100, 10, 13, 12]) == ([1, 2, 1], [12, 13, 12])
    index.add_missing([12, 13, 12], 3)
    assert index.split([13, 12, 99]) == ([3, 3], [99])


@pytest.mark.parametrize("seed", range(4))
def test_random_adds_and_lookups_agree_with_a_dict(seed: int) -> None:
    rng = random.Random(seed)
    index = KeyIndex()
    expected: dict[int, int] = {}
    pool = [rng.getrandbits(64) - 2**63 for _ in range(6 * LEAST)]
    for step in range(20 * LEAST):
        key = rng.choice(pool)
        draw = rng.random()
        if draw < 0.3:
            number = rng.randrange(1000)
            index.add(key, number)
            expected.setdefault(key, number)
        elif draw < 0.6:  # as the pages add a document: look its keys up, add those missing
            keys = [rng.choice(pool) for _ in range(rng.randrange(1, 30))]
            numbers, missing = index.split(keys)
            assert numbers == [expected[k] for k in keys if k in expected], step
            assert missing == [k for k in keys if k not in expected], step
            number = rng.randrange(1000)
            index.add_missing(missing, number)
            for k in missing:
                expected.setdefault(k, number)
        else:
            assert index.get(key) == expected.get(key), step
    assert len(index) == len(expected)
    assert all(index.get(key) == number for key, number in expected.items())


def _document(posts: list, path: str):  # type: ignore[no-untyped-def]
    return parse_text(html_page(posts, title="Harbour strike: live", url=URL), path)


def test_a_copy_arriving_after_its_page_was_renamed_joins_the_renamed_page() -> None:
    posts = make_posts(8, 10)
    pages = Pages()
    first = pages.add(_document(posts[:6], "/w/a.html"))
    assert pages.rename("/w/a.html", "/w/b.html") is first
    assert first.path == "/w/b.html"
    later = pages.add(_document(posts[2:8], "/w/c.html"))
    assert later is first
    assert set(pages.pages) == {"/w/b.html"}
    assert sorted(e.title or "" for e in pages.document(first).entries) == sorted(
        post.title for post in posts[:8]
    )


def test_pages_that_share_no_posts_stay_apart() -> None:
    posts = make_posts(12, 10)
    pages = Pages()
    one = pages.add(_document(posts[:6], "/w/one.html"))
    two = pages.add(_document(posts[6:], "/w/two.html"))
    assert one is not two
    assert pages.add(_document(posts[7:], "/w/three.html")) is two


def test_packing_after_a_batch_keeps_every_number_and_the_first_one_wins_after() -> None:
    index = KeyIndex()
    index.add_all(range(50), 1)  # fewer than a sort waits for: all fresh
    index.pack()
    assert [index.get(key) for key in (0, 49, 50)] == [1, 1, None]
    index.add_all([49, 50], 2)
    index.pack()
    assert index.split([49, 50]) == ([1, 2], [])
