"""The timeline store: order, filtering, and replacing documents as they are re-parsed."""

from __future__ import annotations

import dataclasses

from reader_fixtures import JOE, guardian_blog, kyiv_blog

from parsers.model import Document
from tui.engine.query import Query, parse_query
from tui.engine.timeline import Filter, Timeline


def loaded() -> Timeline:
    timeline = Timeline()
    timeline.upsert_many([kyiv_blog(), guardian_blog()])
    return timeline


def titles(timeline: Timeline, view: Filter | None = None) -> list[str | None]:
    return [item.entry.title for item in timeline.select(view or Filter())]


def test_newest_first_as_instants_then_undated_in_document_order() -> None:
    assert titles(loaded()) == [
        "Zelensky addresses the nation",  # 25 Feb 08:00 UTC
        "Explosions heard in Kyiv",  # 25 Feb 09:05 Kyiv = 07:05 UTC
        "Sanctions announced",  # 24 Feb 22:10 London
        "Troops cross the border",  # 24 Feb 06:00 Kyiv
        "Markets fall",  # 23 Feb, date only
        "Background: the Donbas",  # no time: last
    ]


def test_filters_by_sources_authors_and_query_together() -> None:
    timeline = loaded()
    assert titles(timeline, Filter(sources=frozenset({"/data/guardian.html"}))) == [
        "Zelensky addresses the nation",
        "Markets fall",
        "Background: the Donbas",
    ]
    assert titles(timeline, Filter(authors=frozenset({"Joe Inwood", "Anna Kovalenko"}))) == [
        "Zelensky addresses the nation",
        "Explosions heard in Kyiv",
        "Troops cross the border",
    ]
    query = parse_query("kyiv")
    assert isinstance(query, Query)
    both = Filter(authors=frozenset({"Joe Inwood"}), query=query)
    assert titles(timeline, both) == ["Explosions heard in Kyiv"]
    assert len(titles(timeline, dataclasses.replace(both, hide=False))) == 2  # highlight only


def test_a_narrowing_query_gives_what_a_fresh_search_gives() -> None:
    timeline = loaded()
    for text in ["k", "ky", "kyi", "kyiv", "kyiv -blasts", "kyi", "e", "ex"]:
        query = parse_query(text)
        assert isinstance(query, Query)
        expected = [i.entry.title for i in timeline.items if query.predicate()(i)]
        assert titles(timeline, Filter(query=query)) == expected, text


def test_upsert_replaces_a_document_whole() -> None:
    timeline = loaded()
    blog = kyiv_blog()
    edited = dataclasses.replace(blog.entries[1], body=("Corrected text.",))
    extra = dataclasses.replace(blog.entries[0], id="/data/bbc.txt#new", position=3, title="New")
    again = dataclasses.replace(blog, entries=(blog.entries[0], edited, blog.entries[2], extra))
    change = timeline.upsert(again)
    assert list(change.paths) == ["/data/bbc.txt"]
    assert len(timeline) == 7
    assert len(timeline.documents) == 2
    assert "Corrected text." in [
        paragraph for item in timeline.items for paragraph in item.entry.body
    ]
    assert [item.entry.title for item in timeline.items].count("New") == 1


def test_a_document_with_fewer_entries_drops_the_missing_ones() -> None:
    timeline = loaded()
    blog = kyiv_blog()
    timeline.upsert(dataclasses.replace(blog, entries=blog.entries[:1]))
    assert "Sanctions announced" not in titles(timeline)


def test_mark_gone_keeps_entries_and_flags_the_source() -> None:
    timeline = loaded()
    timeline.mark_gone("/data/bbc.txt")
    assert timeline.gone == {"/data/bbc.txt"}
    assert len(timeline) == 6
    timeline.upsert(kyiv_blog())
    assert timeline.gone == set()


def test_mark_renamed_keeps_ids_and_moves_the_source() -> None:
    timeline = loaded()
    ids = [item.id for item in timeline.items]
    timeline.mark_renamed("/data/bbc.txt", "/data/archive/bbc-2022.txt")
    assert [item.id for item in timeline.items] == ids
    paths = {item.path for item in timeline.items}
    assert paths == {"/data/archive/bbc-2022.txt", "/data/guardian.html"}
    renamed = timeline.document("/data/archive/bbc-2022.txt")
    assert isinstance(renamed, Document) and renamed.source.name == "bbc-2022.txt"
    assert timeline.document("/data/bbc.txt") is None


def test_author_counts_give_role_and_count_most_prolific_first() -> None:
    rows = loaded().author_counts()
    assert rows[0].name == "Joe Inwood"
    assert rows[0].role == JOE.role
    assert rows[0].count == 2
    assert {row.name: row.count for row in rows} == {
        "Joe Inwood": 2,
        "Kate Vinton": 2,
        "Anna Kovalenko": 1,
    }


def test_problems_list_unreadable_documents_first() -> None:
    from parsers.read import unreadable

    timeline = loaded()
    timeline.upsert(unreadable("/data/missing.txt", "no such file"))
    assert [str(p) for p in timeline.problems] == ["/data/missing.txt: no such file"]
    assert timeline.problems[0].fatal


def test_the_timeline_and_query_modules_do_not_import_textual() -> None:
    import subprocess
    import sys

    code = "import sys, tui.engine.timeline, tui.engine.query; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_upserts_into_a_sorted_timeline_give_the_order_a_fresh_one_gives() -> None:
    from reader_fixtures import many_documents

    timeline = loaded()
    assert timeline.items  # sorted once; later upserts merge into it
    docs = many_documents(3, 20)
    blog = kyiv_blog()
    shorter = dataclasses.replace(blog, entries=blog.entries[1:])
    for document in [docs[0], shorter, docs[1], docs[0], docs[2]]:
        timeline.upsert(document)
        _ = timeline.items
    fresh = Timeline()
    fresh.upsert_many([kyiv_blog(), guardian_blog(), *docs])
    fresh.upsert(shorter)
    assert [item.id for item in timeline.items] == [item.id for item in fresh.items]
    assert timeline.author_counts() == fresh.author_counts()


def test_a_packed_sort_key_orders_as_the_reading_order_and_gives_its_instant_back() -> None:
    from tui.engine.timeline import key_instant, sort_key

    far_past, epoch, now, far_future = (
        -62_135_596_800.0,
        0.0,
        1_700_000_000.123456,
        253_402_300_799.0,
    )
    keys = [
        sort_key(far_future, 5, 0),
        sort_key(now, 0, 9),
        sort_key(now, 1, 0),
        sort_key(now, 1, 2),
        sort_key(epoch, 0, 0),
        sort_key(far_past, 0, 0),
        sort_key(None, 0, 3),
        sort_key(None, 2, 0),
    ]
    assert keys == sorted(keys)  # newest first, then sequence, then position; undated last
    back = key_instant(sort_key(now, 7, 3))
    assert back is not None and abs(back - now) < 1e-6
    assert key_instant(sort_key(far_past, 0, 0)) == far_past
    assert key_instant(sort_key(None, 1, 1)) is None
