"""Packed entry bodies (tui/engine/packed_text.py): read exactly as the tuple they hold,
through pickling (the parse workers) and the parse cache, and smaller."""

from __future__ import annotations

import pickle
import random
import sys
from pathlib import Path

import pytest

from parsers.model import Document, Entry, Source
from tui.engine import packed_text
from tui.engine.packed_text import SMALLEST, PackedText, pack
from tui.engine.parse_cache import ParseCache, stat_key
from tui.engine.timeline import Indexed, Timeline

WORDS = "troops city said the council ferry «quoted» “curly” Київ 東京 naïve ☃".split()


def paragraphs(seed: int, count: int = 3) -> tuple[str, ...]:
    rng = random.Random(seed)
    return tuple(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 80))) for _ in range(count)
    )


def entry(number: int, body: tuple[str, ...]) -> Entry:
    return Entry(
        id=f"e{number}", source=Source("/x/page.txt", "page.txt"), position=number, body=body
    )


@pytest.mark.parametrize("seed", range(6))
def test_a_packed_body_reads_as_the_tuple_it_holds(seed: int) -> None:
    body = paragraphs(seed, count=seed % 4 + 1)
    packed = PackedText.of(body)
    assert packed is not None
    assert tuple(packed) == body
    assert len(packed) == len(body)
    assert packed[0] == body[0] and packed[-1] == body[-1] and packed[1:] == body[1:]
    assert packed == body and body == packed and list(body) == list(packed)
    assert hash(packed) == hash(body)
    assert "\n\n".join(packed) == "\n\n".join(body)
    assert body[0] in packed


def test_it_is_smaller_than_the_strings_it_replaces() -> None:
    body = paragraphs(1, count=4)
    packed = PackedText.of(body)
    assert packed is not None
    held = sys.getsizeof(packed) + sys.getsizeof(packed.data)
    plain = sys.getsizeof(body) + sum(map(sys.getsizeof, body))
    assert held < plain / 2


def test_short_bodies_and_bodies_holding_the_separator_stay_as_they_are() -> None:
    assert PackedText.of(("More to follow.",)) is None
    assert PackedText.of(()) is None
    odd = ("a" * SMALLEST + packed_text.SEPARATOR + "b", "c")
    assert PackedText.of(odd) is None
    document = Document(Source("/x/p", "p"), "text", entries=(entry(1, ("short",)),))
    assert pack(document) is document


def test_lone_surrogates_from_undecodable_bytes_survive() -> None:
    body = ("caf\udce9 " * 60, "after")
    packed = PackedText.of(body)
    assert packed is not None and tuple(packed) == body


def test_entries_with_packed_and_plain_bodies_are_equal_and_hash_alike() -> None:
    body = paragraphs(2)
    plain = entry(1, body)
    (packed,) = pack(Document(plain.source, "text", entries=(plain,))).entries
    assert isinstance(packed.body, PackedText)
    assert packed == plain and hash(packed) == hash(plain)
    assert packed != entry(1, paragraphs(3))


def test_pickling_keeps_it_packed() -> None:
    packed = PackedText.of(paragraphs(4))
    again = pickle.loads(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
    assert isinstance(again, PackedText) and again.data == packed.data and again == packed


def test_reading_many_bodies_keeps_only_a_few_open() -> None:
    bodies = [PackedText.of(paragraphs(seed)) for seed in range(packed_text.OPEN_LIMIT + 50)]
    for body in bodies:
        assert body is not None
        assert body[0]
    assert len(packed_text._open) <= packed_text.OPEN_LIMIT


def test_the_timeline_searches_packed_bodies(tmp_path: Path) -> None:
    bodies = [paragraphs(seed) for seed in range(5)]
    bodies[3] = (bodies[3][0] + " zebracrossing here",) + bodies[3][1:]
    document = Document(
        Source(str(tmp_path / "p.txt"), "p.txt"),
        "text",
        entries=tuple(entry(n, body) for n, body in enumerate(bodies)),
    )
    indexed = Indexed.of(document)
    assert all(isinstance(e.body, PackedText) for e in indexed.document.entries)
    timeline = Timeline()
    timeline.upsert_many([indexed])
    from tui.engine.query import parse_query
    from tui.engine.timeline import Filter

    found = timeline.select(Filter(query=parse_query("zebracrossing")))
    assert [item.id for item in found] == ["e3"]
    phrase = timeline.select(Filter(query=parse_query('"zebracrossing here"')))
    assert [item.id for item in phrase] == ["e3"]


def test_the_parse_cache_stores_bodies_packed_and_gives_them_back(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("x")
    bodies = [paragraphs(seed) for seed in range(3)] + [("short one",)]
    document = Document(
        Source(str(page), "page.txt"),
        "text",
        entries=tuple(entry(n, body) for n, body in enumerate(bodies)),
    )
    indexed = Indexed.of(document)
    cache = ParseCache(tmp_path / "cache", settled=0.0)
    key = stat_key(str(page))
    assert key is not None
    assert cache.store(str(page), key, cache.clock() + 1, indexed.document, indexed.index)
    found = cache.find(str(page))
    assert found is not None
    loaded, _ = cache.load_indexed(found)
    assert [tuple(e.body) for e in loaded.entries] == bodies
    kinds = [type(e.body) for e in loaded.entries]
    assert kinds == [PackedText, PackedText, PackedText, tuple]
    assert loaded.entries == indexed.document.entries
