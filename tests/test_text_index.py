"""The timeline's word index answers searches exactly as a lower-cased substring search."""

from __future__ import annotations

import random

from parsers.model import Author, Caption, Document, Entry, Source
from tui.engine.query import Query, parse_query
from tui.engine.text_index import TextIndex
from tui.engine.timeline import Filter, Item, Timeline, _hay

WORDS = (
    "Kyiv kyiv's KYIV troops troopship Troops u.s. U.S. 10:30 10.30 naïve NAÏVE Straße "
    "strasse İstanbul ceasefire cease-fire ‘quoted’ don’t e-mail x_y Ωmega ΟΔΟΣ"
).split()


def corpus(seed: int) -> list[Document]:
    rng = random.Random(seed)
    documents = []
    for d in range(6):
        source = Source(f"/tmp/blog-{d}.txt", f"blog-{d}.txt")
        entries = tuple(
            Entry(
                id=f"{d}-{n}",
                source=source,
                position=n,
                title=" ".join(rng.choices(WORDS, k=3)) if rng.random() < 0.7 else None,
                body=tuple(" ".join(rng.choices(WORDS, k=6)) for _ in range(rng.randint(0, 3))),
                labels=("Breaking",) if rng.random() < 0.2 else (),
                authors=(Author("Joe İnwood", "Reporter"),) if rng.random() < 0.3 else (),
                captions=(Caption("Kyiv at dawn", "Reuters"),) if rng.random() < 0.2 else (),
            )
            for n in range(rng.choice((1, 40, 300)))  # more than 255 entries: wider postings
        )
        points = ("Troops gather",) if d == 2 else ()
        documents.append(Document(source=source, format="test", entries=entries, key_points=points))
    return documents


def plain(items: list[Item], query: Query) -> list[str]:
    """The ids a search over stored lower-cased copies finds (how search used to work)."""
    needles = query.words + query.phrases
    return [
        item.id
        for item in items
        if all(n in _hay(item.entry) or n in item.page_lc for n in needles)
        and not any(n in _hay(item.entry) for n in query.excluded)
    ]


def test_word_index_search_finds_what_a_lower_cased_substring_search_finds() -> None:
    timeline = Timeline()
    timeline.upsert_many(corpus(1))
    items = timeline.items
    rng = random.Random(2)
    texts = [
        "kyiv",
        "KYIV",
        "troop",
        "s",
        "u.s",
        '"kyiv troops"',
        "10:30",
        "-kyiv",
        "naïve",
        "i",
        "istanbul",
        "’",
        "‘quoted’",
        "don",
        "e-mail",
        "x_y",
        "ς",
        "οδος",
        "gather",
        "troops -gather",
        "zzz",
        '"at dawn"',
        "reuters",
        "joe",
    ]
    for _ in range(150):
        word = rng.choice(WORDS).lower()
        start = rng.randrange(len(word))
        texts.append(word[start : start + rng.randint(1, len(word))])
        texts.append(f"{rng.choice(WORDS)[:3]} -{rng.choice(WORDS)[:4]}")
    for text in texts:
        query = parse_query(text)
        assert isinstance(query, Query)
        timeline._last = None
        found = [item.id for item in timeline.select(Filter(query=query))]
        assert found == plain(items, query), text


def test_the_index_keeps_each_word_once_and_is_smaller_than_the_text() -> None:
    document = corpus(3)[-1]
    index = TextIndex.of(document.entries, _hay)
    words = index.vocabulary.split("\n")[:-1]
    assert len(words) == len(set(words))
    text = sum(len(_hay(entry)) for entry in document.entries)
    assert len(index.vocabulary) + index.postings.itemsize * len(index.postings) < text


def test_a_document_indexed_elsewhere_or_not_at_all_searches_alike() -> None:
    documents = corpus(4)
    given, built = Timeline(), Timeline()
    from tui.engine.timeline import Indexed

    given.upsert_many(Indexed.of(document) for document in documents)
    built.upsert_many(documents)  # indexed at the first search
    query = parse_query("troops -kyiv")
    assert isinstance(query, Query)
    assert [i.id for i in given.select(Filter(query=query))] == [
        i.id for i in built.select(Filter(query=query))
    ]
