"""Separators induced from the page: every stamp position, the evidence, the page head."""

from __future__ import annotations

import pytest
from separator_layouts import (
    BODIES,
    CHROME,
    KICKER,
    STANDFIRST,
    TITLE,
    combinations,
    layout,
)

from parsers import Document, explain, parse_text
from parsers.formats.stamped import StampedParser


def _parse(text: str) -> Document:
    return parse_text(text)


def _times(document: Document) -> list[tuple[int, int] | None]:
    return [
        (e.published.at.hour, e.published.at.minute) if e.published else None
        for e in document.entries
    ]


@pytest.mark.parametrize(("form", "position", "head"), combinations())
def test_every_stamp_position_separates_the_posts(form: str, position: str, head: str) -> None:
    page = layout(form, position, head)
    document = _parse(page.text)
    assert document.format == "stamped"
    assert tuple(e.title for e in document.entries) == page.titles
    assert tuple(_times(document)) == page.times
    assert document.title == TITLE


@pytest.mark.parametrize("position", ["own", "space", "colon", "plus_frame", "paren"])
def test_the_page_head_is_the_documents_header(position: str) -> None:
    document = _parse(layout("24h", position, "chrome").text)
    assert document.kicker == KICKER
    assert document.standfirst == STANDFIRST
    assert [a.name for a in document.authors] == ["Mara Quill", "Tobin Ash"]
    assert len(document.entries) == 4
    everything = " ".join(" ".join((e.title or "", *e.body)) for e in document.entries)
    for chrome in (*CHROME, "Comments 112", "Waves break over the harbour wall"):
        assert chrome not in everything
        assert any(chrome in line for line in document.dropped)


def test_prose_above_the_first_stamp_is_an_opening_post() -> None:
    page = layout("24h", "own")
    opening = (
        "Good evening and welcome to our coverage of the storm, which reached the coast "
        "this afternoon and is expected to strengthen overnight."
    )
    text = page.text.replace(
        "Tuesday 7 May 2024\n", f"Tuesday 7 May 2024\n{STANDFIRST}\nShare\n\n{opening}\n", 1
    )
    document = _parse(text)
    assert document.standfirst == STANDFIRST
    assert len(document.entries) == 5
    assert document.entries[0].body == (opening,)
    assert document.entries[0].published is None


def test_a_diary_list_inside_a_post_never_wins() -> None:
    text = layout("dotted", "own").text.replace(
        BODIES[0],
        f"{BODIES[0]}\n\nThe council's plan for tomorrow:\n\n10am: roads reopen\n"
        "11am: ferries resume\n2pm: schools reopen\n\n"
        "Police said they would review it (see 20.15).",
    )
    document = _parse(text)
    assert len(document.entries) == 4
    assert "11am: ferries resume" in document.entries[0].body
    explained = StampedParser(text).induction.explain()
    assert any("not kept" in line and "hour" in line for line in explained)


def test_a_list_of_years_is_a_timeline_not_a_clock() -> None:
    text = (
        f"{TITLE}\nTuesday 7 May 2024\n\n"
        "2009: The harbour wall was built after the last great storm hit the town.\n\n"
        "2014: A second wall went up on the eastern side of the harbour.\n\n"
        "2019: The council promised a third wall that was never finished.\n"
    )
    document = _parse(text)
    assert document.format != "stamped"


def test_times_scattered_through_prose_are_body_text() -> None:
    text = (
        f"{TITLE}\nTuesday 7 May 2024\n\n"
        "The first ferry left at 9.30am and the second was due at 11.15am, the operator said.\n\n"
        "Buses ran until 20:15 Police asked drivers to stay away from the coast road.\n\n"
        "Forecasters said gusts would peak at around 23:00, then ease before dawn.\n"
    )
    document = _parse(text)
    assert document.format != "stamped"


def test_twelve_hour_stamps_inline_under_day_headers() -> None:
    text = (
        "Storm on the coast: what we know\n\nBy Mara Quill\n\n"
        "Tuesday, May 7, 2024 (local time)\n\n"
        "9:40 p.m. The harbour master stopped all sailings for the night, the port said.\n\n"
        "8:15 p.m. Forecasters raised the warning for the whole coast after dark.\n\n"
        "Monday, May 6, 2024 (local time)\n\n"
        "11:05 p.m. The town hall said it would stay open overnight for anyone stranded.\n\n"
        "10:20 p.m. Workers shut the harbour lights after a cable came loose.\n"
    )
    document = _parse(text)
    assert [e.published.iso() if e.published else None for e in document.entries] == [
        "2024-05-07T21:40:00+00:00",
        "2024-05-07T20:15:00+00:00",
        "2024-05-06T23:05:00+00:00",
        "2024-05-06T22:20:00+00:00",
    ]
    assert document.entries[0].body[0].startswith("The harbour master")


def test_a_headline_starting_with_a_digit_after_a_zoned_stamp() -> None:
    text = (
        f"{TITLE}\nTuesday 7 May 2024\n\n"
        "14:31 GMT 3 ferries stuck at the outer pier\nThe harbour master stopped all sailings.\n\n"
        "13:58 GMT 40 homes without power\nEngineers were on their way, the utility said.\n\n"
        "13:12 GMT Council opens rest centre\nThe town hall will stay open overnight.\n"
    )
    document = _parse(text)
    assert [e.title for e in document.entries] == [
        "3 ferries stuck at the outer pier", "40 homes without power", "Council opens rest centre"
    ]


def test_a_capture_date_prefix_on_the_first_stamp_line() -> None:
    text = (
        " date 2024-05-07 14:31 Ferries halted at the outer pier\n"
        "The harbour master stopped all sailings.\n\n"
        "13:58 Gale warning upgraded\nForecasters raised the warning.\n\n"
        "13:12 Council opens rest centre\nThe town hall will stay open overnight.\n"
    )
    document = _parse(text)
    assert [e.title for e in document.entries][0] == "Ferries halted at the outer pier"
    assert [e.published.iso() if e.published else None for e in document.entries][0] == (
        "2024-05-07T14:31:00+00:00"
    )


def test_an_epoch_glued_to_a_title_with_the_author_glued_to_a_date() -> None:
    text = (
        "Harbour crisis: live export\n\n"
        "1715096700Ferries halted at the outer pier\n"
        "The harbour master stopped all sailings this evening. Passengers waited inside.\n"
        "Mara Quill7 May 2024\n\n"
        "1715094600Gale warning upgraded\n"
        "Forecasters raised the warning for the whole coast on Tuesday afternoon.\n"
        "Tobin Ash7 May 2024\n"
    )
    document = _parse(text)
    authors = [[a.name for a in e.authors] for e in document.entries]
    assert authors == [["Mara Quill"], ["Tobin Ash"]]
    assert [len(e.body) for e in document.entries] == [1, 1]


def test_a_title_case_headline_and_its_sentence_on_one_line() -> None:
    text = (
        f"{TITLE}\nTuesday 7 May 2024\n\n"
        "14:31 Ferries Halted at Outer Pier The harbour master stopped all sailings.\n\n"
        "13:58 Gale Warning Upgraded The warning now covers the whole coast.\n\n"
        "13:12 Prime Minister Jonas Hale said the coast guard was ready for the night.\n"
    )
    document = _parse(text)
    assert [e.title for e in document.entries] == [
        "Ferries Halted at Outer Pier", "Gale Warning Upgraded", None
    ]
    assert document.entries[2].body[0].startswith("Prime Minister Jonas Hale said")


def test_a_long_headline_directly_above_its_body_line() -> None:
    headline = "Ferries halted at the outer pier as the harbour master warns of worse tonight"
    text = (
        f"{TITLE}\nTuesday 7 May 2024\n\n"
        f"14:31\n{headline}\nThe harbour master stopped all sailings this evening. "
        "Passengers waited in the terminal for news of the last boats.\n\n"
        "13:58\nGale warning upgraded\nForecasters raised the warning for the whole coast.\n"
    )
    document = _parse(text)
    assert document.entries[0].title == headline
    assert document.entries[0].body[0].startswith("The harbour master")


def test_explain_shows_the_signatures_their_evidence_and_the_winner() -> None:
    lines = explain(layout("24h", "space").text.encode("utf-8"))
    text = "\n".join(lines)
    assert "chosen: stamped" in text
    winner = next(line for line in lines if "WINNER" in line)
    assert "paragraph start, then a space" in winner
    assert "4 found" in winner and "ordered 1.00" in winner


def test_the_same_trailer_under_every_post_closes_it_and_is_no_publish_time() -> None:
    text = (
        f"{TITLE}\n\n"
        + "\n\n".join(f"{h}\n\n{b}\n\nRevised {t}" for h, b, t in zip(
            ("Ferries halted at the outer pier", "Gale warning upgraded", "Rest centre opens"),
            BODIES[:3],
            ("21:40", "20:15", "18:05"),
            strict=True,
        ))
        + "\n"
    )
    document = _parse(text)
    assert [e.body[-1] for e in document.entries] == list(BODIES[:3])
    assert all(e.published is None for e in document.entries)
    assert not any("Revised" in (e.title or "") for e in document.entries)


def test_match_minutes_separate_posts_and_stay_labels_never_clock_times() -> None:
    text = (
        "Cup final live\nSaturday 4 May 2024\n\n"
        "12': Harbour United score first\nA low shot from the edge of the box beat the keeper.\n\n"
        "45+2': Second goal before the break\nThe winger curled it into the top corner.\n\n"
        "67 min\nRed card for the visitors\nThe defender was sent off after a late tackle.\n"
    )
    document = _parse(text)
    assert [e.title for e in document.entries] == [
        "Harbour United score first", "Second goal before the break", "Red card for the visitors"
    ]
    assert [e.labels for e in document.entries] == [("12'",), ("45+2'",), ("67'",)]
    assert all(e.published is None and e.time_of_day is None for e in document.entries)
