"""Shared text helpers: page bylines and credits under prose."""

from __future__ import annotations

from parsers import parse_text
from parsers.blocks import paragraphs
from parsers.body import fill_body
from parsers.bylines import blog_byline
from parsers.draft import DocumentDraft, EntryDraft

GUARDIAN_LIKE = """Storm live: ferries cancelled as gusts reach 90mph
Fri 14 Nov 2025 18.02 GMT

Mara Quill (now) and Tom Ashby (earlier)

17.45 GMT
Ferries suspended until Saturday

The harbour authority said all crossings would stay in port overnight.

Photograph: Jo Tern/Agency

16.10 GMT
Rail lines closed north of the river

Trains were halted after a tree fell on the line near the viaduct.
"""


def test_shift_byline_joined_by_and() -> None:
    people = blog_byline("Mara Quill (now) and Tom Ashby (earlier)")
    assert [a.name for a in people or []] == ["Mara Quill", "Tom Ashby"]


def test_credit_under_a_finished_sentence_does_not_eat_it() -> None:
    entry, draft = EntryDraft(), DocumentDraft()
    groups = [["The harbour stayed shut overnight."], ["Photograph: Jo Tern/Agency"]]
    fill_body(entry, groups, draft)
    assert entry.body == ["The harbour stayed shut overnight."]
    assert entry.captions[0].credit == "Jo Tern/Agency"
    assert entry.captions[0].text == ""


def test_caption_line_right_above_its_credit() -> None:
    entry, draft = EntryDraft(), DocumentDraft()
    fill_body(entry, [["Boats tied up in the harbour.", "Image: REUTERS"]], draft)
    assert entry.body == []
    assert entry.captions[0].text == "Boats tied up in the harbour."


def test_page_byline_is_the_documents_not_an_entry() -> None:
    document = parse_text(GUARDIAN_LIKE)
    assert [a.name for a in document.authors] == ["Mara Quill", "Tom Ashby"]
    assert len(document.entries) == 2
    assert document.entries[0].title == "Ferries suspended until Saturday"
    assert document.entries[0].body == (
        "The harbour authority said all crossings would stay in port overnight.",
    )


def test_article_keeps_its_id_when_the_page_grows_more_posts() -> None:
    first = "Harbour closed by storm\n\nThe harbour authority shut the port at noon.\n"
    grown = first + "\nFerries resume service\n\nThe first ferry left at dawn on Saturday.\n"
    before = parse_text(first, "page.txt")
    after = parse_text(grown, "page.txt")
    assert len(before.entries) == 1 and len(after.entries) == 2
    assert before.entries[0].title == "Harbour closed by storm"
    assert before.entries[0].id in {e.id for e in after.entries}


def test_numbered_page_takes_its_zone_from_the_header_statement() -> None:
    page = (
        "Live Reporting\n\nAll times stated are UK\n\n"
        "  1. Second updatepublished at 14:05 1 July 2022\n\n    Text of the later post.\n\n"
        "  2. First updatepublished at 13:50 1 July 2022\n\n    Text of the earlier post.\n"
    )
    document = parse_text(page)
    assert document.format == "numbered"
    first = document.entries[0].published
    assert first is not None and first.zone.value == "assumed"
    assert first.at.isoformat() == "2022-07-01T14:05:00+01:00"  # BST on that date
    assert "All times stated are UK" in document.dropped


def test_lines_that_each_end_a_sentence_are_not_one_wrapped_paragraph() -> None:
    wrapped = [
        "The mayor of Port Alder warned outside the town hall that the",
        "bridge would be inspected before the ferries sail again tomorrow.",
    ]
    assert paragraphs(wrapped) == [" ".join(wrapped)]
    sentences = [
        "The mayor of Port Alder warned outside the town hall on Monday.",
        "The coast road under water near the old mill. Photograph: Jane Doe/Agency",
    ]
    assert paragraphs(sentences) == sentences


def test_spanish_and_italian_updated_lines_are_edit_times_not_posts() -> None:
    for word in ("Actualizado", "Aggiornato"):
        document = parse_text(
            f"Live\n\n{word} 00:26\n\n"
            "11:02\nEl alcalde dijo que la carretera seguirá cortada.\n\n"
            "11:46\nLa agencia confirmó que llegan más equipos.\n\n"
            "12:26\nEl puerto vuelve a abrir mañana por la mañana.\n",
            "page.txt",
        )
        # Read as the page's update time (after midnight), it makes 11:02 a 12-hour 23:02.
        clocks = [e.time_of_day for e in document.entries]
        assert [(c.hour, c.minute) if c else None for c in clocks] == [(23, 2), (23, 46), (0, 26)]
