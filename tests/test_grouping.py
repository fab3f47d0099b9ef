"""Near-duplicate posts across pages (wire copy) are grouped, shown once with `also in:`."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from copies_fixtures import html_page, lightly_edited, make_posts, wire_paragraph

from parsers.model import Document
from parsers.read import parse_text
from tui.engine.grouping import Background, Grouper
from tui.engine.query import Query, parse_query
from tui.engine.timeline import Filter, Timeline


def _outlet(seed: int, name: str, extra: list) -> Document:
    posts = [*make_posts(seed, 5), *extra]
    page = html_page(posts, title=f"{name} live", url=f"https://{name.lower()}.example/live")
    return parse_text(page, f"/w/{name.lower()}.html")


def _wire_pair(apart: timedelta = timedelta(minutes=25), words: int = 45) -> list[Document]:
    base = make_posts(90, 1)[0]
    wire = wire_paragraph(4, words)
    first = replace(base, title="Agency: port talks collapse", body=(wire,))
    second = replace(
        base,
        title="Talks at the port break down",
        at=base.at + apart,
        body=(lightly_edited(wire, 5),),
    )
    return [_outlet(91, "Northern", [first]), _outlet(92, "Coastal", [second])]


def _grouped(documents: list[Document]) -> Timeline:
    timeline = Timeline()
    timeline.upsert_many(documents)
    grouper = Grouper()
    grouper.add((item.entry, item.path, item.document.display_name) for item in timeline.items)
    timeline.set_groups(grouper.groups())
    return timeline


def test_two_outlets_carrying_one_wire_paragraph_show_it_once_with_also_in() -> None:
    timeline = _grouped(_wire_pair())
    assert len(timeline) == 12
    assert len(timeline.groups.members) == 1
    shown = timeline.select(Filter())
    assert len(shown) == 11
    wire = [item for item in shown if item.id in timeline.groups.group_of]
    assert len(wire) == 1
    other_page = ({"Northern live", "Coastal live"} - {wire[0].document.display_name}).pop()
    assert timeline.note(wire[0].id) == f"also in: {other_page}"
    # Expanded, or with grouping off, both show.
    (group,) = timeline.groups.members
    assert len(timeline.select(Filter(expanded=frozenset({group})))) == 12
    assert len(timeline.select(Filter(group=False))) == 12


def test_is_grouped_and_also_select_grouped_posts() -> None:
    timeline = _grouped(_wire_pair())

    def count(text: str) -> int:
        query = parse_query(text)
        assert isinstance(query, Query)
        return len(timeline.select(Filter(query=query, group=False)))

    assert count("is:grouped") == 2
    assert count("also:coastal") == 1
    assert count("also:nowhere") == 0
    assert count("is:grouped port") <= 2


def test_posts_far_apart_or_short_or_of_one_page_are_never_grouped() -> None:
    assert not _grouped(_wire_pair(apart=timedelta(hours=7))).groups.members
    assert not _grouped(_wire_pair(words=12)).groups.members  # short, generic
    # The same wire paragraph twice on one page: two posts of one page stay two.
    base = make_posts(93, 2)
    wire = wire_paragraph(6)
    posts = [replace(base[0], body=(wire,)), replace(base[1], body=(lightly_edited(wire, 7),))]
    page = parse_text(html_page(posts, title="One live", url=None), "/w/one.html")
    assert not _grouped([page]).groups.members


def test_unrelated_posts_of_many_pages_are_not_grouped() -> None:
    documents = []
    for n in range(20):
        posts = [
            replace(post, body=(wire_paragraph(1000 * n + k),))
            for k, post in enumerate(make_posts(200 + n, 5))
        ]
        documents.append(
            parse_text(html_page(posts, title=f"Outlet {n}", url=None), f"/w/o{n}.html")
        )
    timeline = _grouped(documents)
    assert len(timeline) == 100
    assert not timeline.groups.members


def _many_outlets(standard: bool = True) -> list[Document]:
    """Ten pages; six wire paragraphs carried by two to four of them, one standard paragraph
    (more posts than a band's limit) by all unless not ``standard``, the rest their own."""
    documents = []
    for n in range(10):
        posts = make_posts(300 + n, 12)
        for wire in range(6):
            if n % (wire + 2) == 0 or n == wire:
                text = lightly_edited(wire_paragraph(500 + wire), 10 * n + wire)
                posts[wire] = replace(posts[wire], body=(text,))
        for k in range(6, 11):
            posts[k] = replace(posts[k], body=(wire_paragraph(900 if standard else 1000 * n + k),))
        posts[11] = replace(posts[11], body=(wire_paragraph(2000 + n),))
        page = html_page(posts, title=f"Outlet {n}", url=f"https://o{n}.example/live")
        documents.append(parse_text(page, f"/w/o{n}.html"))
    return documents


def test_a_first_load_and_posts_arriving_one_by_one_find_the_same_groups(monkeypatch) -> None:
    monkeypatch.setattr("tui.engine.grouping.BULK", 16)  # the first-load path, on a few posts
    timeline = Timeline()
    timeline.upsert_many(_many_outlets())
    triples = [(item.entry, item.path, item.document.display_name) for item in timeline.items]
    assert len(triples) == 120

    at_once = Grouper()
    at_once.add(triples)
    one_by_one = Grouper()
    for triple in triples:
        one_by_one.add([triple])
    found = at_once.groups()
    assert len(found.members) >= 6
    assert found == one_by_one.groups()

    # Live changes after a first load: some posts withdrawn, others added. (Without a band
    # shared by too many posts, which then proposes to the earliest only, order is moot.)
    timeline = Timeline()
    timeline.upsert_many(_many_outlets(standard=False))
    triples = [(item.entry, item.path, item.document.display_name) for item in timeline.items]
    gone = [entry.id for entry, _, _ in triples[:80:7]]
    later = Grouper()
    later.add(triples[:80])
    for entry_id in gone:
        later.remove(entry_id)
    for triple in triples[80:]:
        later.add([triple])
    reference = Grouper()
    for triple in triples:
        if triple[0].id not in gone:
            reference.add([triple])
    assert later.groups() == reference.groups()
    assert len(later.groups().members) >= 6


def test_posts_held_while_files_load_are_grouped_in_their_latest_version_only() -> None:
    timeline = _grouped(_wire_pair())
    triples = [(item.entry, item.path, item.document.display_name) for item in timeline.items]
    (wire,) = timeline.groups.members.values()
    background = Background()
    first = next(t for t in triples if t[0].id == wire[0])
    stale = (replace(first[0], body=("An earlier version.",)), first[1], first[2])
    background.hold([stale], ())
    background.hold(triples, ())
    withdrawn = next(t[0].id for t in triples if t[0].id not in wire)
    background.hold((), [withdrawn])
    batch = background.take((), ())
    assert batch is not None
    posts, gone = batch
    assert [p[0] for p in posts] == [t[0] for t in triples if t[0].id != withdrawn]
    assert gone == {withdrawn}
    assert background.run(batch).members == timeline.groups.members
