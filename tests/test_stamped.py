"""Stamp-separated live blogs: fixtures in many layouts, separator traps, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import Document, parse_file, parse_text
from parsers.bylines import blog_byline
from parsers.decode import decode
from parsers.formats.stamped import StampedFormat
from parsers.model import ZoneBasis
from parsers.timestamps import RELATIVE_RE, parse_stamp

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "stamped"
CASES = sorted(FIXTURES.glob("*.expected.json"))
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _entry_view(document: Document, index: int) -> dict[str, Any]:
    entry = document.entries[index]
    published = entry.published
    return {
        "published": published.iso() if published else None,
        "zone": published.zone.value if published else None,
        "date_inferred": published.date_inferred if published else False,
        "title": entry.title,
        "labels": list(entry.labels),
        "authors": [{"name": a.name, "role": a.role} for a in entry.authors],
        "captions": [{"text": c.text, "credit": c.credit} for c in entry.captions],
        "body_starts": entry.body[0][:40] if entry.body else None,
        "body_count": len(entry.body),
        "body_ends": entry.body[-1][-40:] if entry.body else None,
        "updated": entry.updated.iso() if entry.updated else None,
    }


def test_every_fixture_has_expectations() -> None:
    texts = sorted(FIXTURES.glob("*.txt"))
    assert len(texts) >= 14
    for text in texts:
        assert text.with_name(text.name.replace(".txt", ".expected.json")).is_file(), text.name


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".")[0])
def test_fixture_parses_as_expected(case: Path) -> None:
    expected = json.loads(case.read_text(encoding="utf-8"))
    document = parse_file(FIXTURES / case.name.replace(".expected.json", ".txt"))
    assert document.format == expected["format"]
    assert len(document.problems) == expected["problem_count"], document.problems
    assert len(document.entries) == expected["entry_count"]
    for key in ("title", "kicker", "standfirst"):
        assert getattr(document, key) == expected[key], key
    assert (document.published.iso() if document.published else None) == expected["published"]
    assert [a.name for a in document.authors] == expected["authors"]
    assert list(document.key_points) == expected["key_points"]
    for index, wanted in enumerate(expected["entries"]):
        got = _entry_view(document, index)
        for key in ("labels", "authors", "captions"):
            wanted.setdefault(key, [])
        wanted.setdefault("updated", None)
        for key, value in wanted.items():
            assert got[key] == value, f"entry {index + 1}: {key}"
    for line in expected["dropped_contains"]:
        assert line in document.dropped


def _parse(text: str) -> Document:
    return parse_text(text, format_name="stamped")


def test_times_in_prose_never_start_entries() -> None:
    document = _parse(
        "Storm live\nMonday 6 March 2023\n\n"
        "14.31 GMT\nRoads closed\n\n"
        "Police closed the coast road (see 14.31) and said it would reopen at 9.30pm.\n"
        "Um 14 Uhr wurde die Straße gesperrt.\n"
        "The council meets at 18:00 GMT.\n\n"
        "13.05 GMT\nThe forecast has worsened since the morning.\n"
    )
    assert [e.published.iso() if e.published else None for e in document.entries] == [
        "2023-03-06T14:31:00+00:00",
        "2023-03-06T13:05:00+00:00",
    ]
    assert "The council meets at 18:00 GMT." in document.entries[0].body


@pytest.mark.parametrize(
    ("stamp", "offset"),
    [("UTC+2:", "+02:00"), ("GMT+02:00 –", "+02:00"), ("UTC−5", "-05:00"), ("+0530 |", "+05:30")],
)
def test_a_printed_offset_is_the_entry_zone(stamp: str, offset: str) -> None:
    document = _parse(
        "Storm live\nMonday 6 March 2023\n\n"
        f"14:31 {stamp} Police closed the coast road for the night.\n\n"
        f"13:05 {stamp} The forecast has worsened since the morning.\n"
    )
    assert [e.published.iso() if e.published else None for e in document.entries] == [
        f"2023-03-06T14:31:00{offset}",
        f"2023-03-06T13:05:00{offset}",
    ]
    assert all(not e.body[0].startswith(("UTC", "GMT", "+")) for e in document.entries)


def test_updated_at_line_is_an_edit_time_not_an_entry() -> None:
    document = _parse(
        "Ferry live\nFri 19 Feb 2021 19.41 GMT\n\n"
        "19.30 GMT\nTalks resume\n\nThe meeting began.\nUpdated at 19.47 GMT\n\n"
        "18.05 GMT\nThe first ferry left late.\n"
    )
    assert len(document.entries) == 2
    first = document.entries[0]
    assert first.updated is not None and first.updated.iso() == "2021-02-19T19:47:00+00:00"
    assert all("Updated" not in paragraph for paragraph in first.body)


def test_diary_list_stays_in_the_first_post() -> None:
    document = parse_file(FIXTURES / "guardian_2011.txt")
    first = document.entries[0]
    assert "10am: The harbour committee takes evidence from port managers." in first.body
    assert "3.30pm: MPs debate the second reading of the harbour bill." in first.body
    assert not any(e.body[0].startswith("The transport secretary") for e in document.entries)


def test_cnn_video_duration_is_dropped_not_an_entry() -> None:
    document = parse_file(FIXTURES / "cnn.txt")
    assert "02:23 - Source: CNN" in document.dropped
    assert all(e.published is not None for e in document.entries)


def test_key_events_list_repeating_titles_is_dropped() -> None:
    document = parse_file(FIXTURES / "guardian_2021.txt")
    titles = [e.title for e in document.entries]
    assert titles.count("Talks resume at the port office") == 1
    assert titles.count("Evening services cancelled") == 1
    assert document.key_points == ()


def test_key_points_not_matching_an_entry_are_kept() -> None:
    document = _parse(
        "Storm live\nSaturday 4 March 2023\nKey points\n"
        "Schools shut across the county View post\n"
        "Roads reopen after floods View post\n\n"
        "17:52\nRoads reopen after floods\n\nThe council reopened both roads.\n\n"
        "16:10\nThe river peaked this afternoon.\n"
    )
    assert document.key_points == ("Schools shut across the county",)
    assert "Roads reopen after floods View post" in document.dropped


def test_page_without_any_date_keeps_no_invented_times() -> None:
    document = _parse("Live\n\n17:52\nOne thing happened.\n\n16:10\nAnother thing happened.\n")
    assert [e.published for e in document.entries] == [None, None]
    assert any("without a date" in p.message for p in document.problems)
    # The printed times are kept as times of day, with no date (issue 9, point 5).
    assert [e.time_of_day.clock() if e.time_of_day else None for e in document.entries] == [
        "17:52",
        "16:10",
    ]
    assert "17:52" not in document.dropped


def test_capture_prefix_is_a_weak_date_hint() -> None:
    document = _parse(
        " date 2022-11-19 Rail strike live\n\n18:20\nTrains stop.\n\n17:05\nTalks end.\n"
    )
    assert document.title == "Rail strike live"
    assert document.entries[0].published is not None
    assert document.entries[0].published.at.date().isoformat() == "2022-11-19"


def test_irish_page_reads_ist_as_irish_time() -> None:
    document = _parse(
        "Irish Times live: budget day\nTuesday 10 October 2023\n\n"
        "14:31 IST\nThe minister rises.\n\n13:05 IST\nThe chamber fills.\n"
    )
    assert document.entries[0].published is not None
    assert document.entries[0].published.at.isoformat() == "2023-10-10T14:31:00+01:00"


def test_ist_means_india_by_default() -> None:
    document = _parse(
        "Budget live\nTuesday 10 October 2023\n\n14:31 IST\nThe minister rises.\n\n"
        "13:05 IST\nThe chamber fills.\n"
    )
    assert document.entries[0].published is not None
    assert document.entries[0].published.at.isoformat() == "2023-10-10T14:31:00+05:30"


def test_oldest_first_page_crossing_midnight_steps_forward() -> None:
    document = _parse(
        "Election night live\nThursday 4 July 2024\nAll times are UK\n\n"
        "22:00\nPolls close.\n\n23:15\nFirst result declared.\n\n"
        "00:20\nTurnout figures arrive.\n\n01:45\nThe count continues.\n"
    )
    stamps = [e.published.iso() for e in document.entries if e.published]
    assert stamps == [
        "2024-07-04T22:00:00+01:00",
        "2024-07-04T23:15:00+01:00",
        "2024-07-05T00:20:00+01:00",
        "2024-07-05T01:45:00+01:00",
    ]
    assert all(e.published and e.published.zone is ZoneBasis.ASSUMED for e in document.entries)


def test_sorting_by_instant_not_wall_clock() -> None:
    document = parse_file(FIXTURES / "twelve_hour.txt")
    instants = [e.published.instant for e in document.entries if e.published]
    assert instants == sorted(instants, reverse=True)


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>14:31</p><p>13:05</p></body></html>",
        '<?xml version="1.0"?><rss><channel><item>14:31</item><item>13:05</item></channel></rss>',
        "<feed xmlns='http://www.w3.org/2005/Atom'>\n14:31\n\n13:05\n</feed>",
    ],
)
def test_sniff_declines_markup(text: str) -> None:
    assert StampedFormat().sniff(text) is None


def test_sniff_declines_prose_with_times() -> None:
    text = (
        "The meeting was due to start at 9.30pm but began late.\n\n"
        "Officials said the vote (see 14.31) would follow at 10pm.\n"
    )
    assert StampedFormat().sniff(text) is None


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_are_not_claimed_over_their_own_formats(seed: Path) -> None:
    expected = json.loads(seed.with_name(seed.name.replace(".txt", ".expected.json")).read_text())
    assert parse_file(seed).format == expected["format"]


def test_sniff_scores_above_the_fallback_only_with_real_stamps() -> None:
    sniff = StampedFormat().sniff((FIXTURES / "sky_2023.txt").read_text(encoding="utf-8"))
    assert sniff is not None and sniff.score > 0.05
    assert "separator" in sniff.reason


# --- nothing is lost -----------------------------------------------------------------------

HEADER_LINES = st.sampled_from(
    [
        "Harbour live: ferries stay in port",
        "Engineers are working through the night to repair the gates.",
        "Samantha Lock (now); Tom Ambrose and Helen Livingstone (earlier)",
        "Share",
        "Sort by:",
        "  • Ferries cancelled until Monday",
    ]
)
STAMPS = st.sampled_from(["19.30 GMT", "17:52", "4:12 p.m. ET", "14:31 Uhr", "12:05 a.m."])
BODY_LINES = st.sampled_from(
    [
        "Crews worked through the night on the harbour gates.",
        "The council said the road would reopen at 9.30pm (see 14.31).",
        "A boat at the pier. Photograph: Jane Roe/Harbour Agency",
        "Copy link",
        "Reuse this content",
        "Officials expect to meet again tomorrow morning.",
    ]
)
TITLES = st.sampled_from(["Gates repaired", "Ferries return", "Union meets port managers", ""])
BYLINES = st.sampled_from(["", "By Anna Green, South West correspondent, in Penzance"])


@st.composite
def stamped_pages(draw: st.DrawFn) -> tuple[str, int]:
    lines = draw(st.lists(HEADER_LINES, min_size=1, max_size=5, unique=True))
    lines.insert(draw(st.integers(min_value=0, max_value=len(lines))), "Sunday 2 July 2023")
    stamps = 0
    for number in range(draw(st.integers(min_value=2, max_value=6))):
        lines.append("")
        if draw(st.booleans()):
            lines.append(f"{draw(st.integers(min_value=1, max_value=9))}h ago")
        lines.append(draw(STAMPS))
        stamps += 1
        if draw(st.booleans()):
            lines.append("Analysis")
        title = draw(TITLES)
        if title:
            lines.append(f"{title} at pier {number}")
        byline = draw(BYLINES)
        if byline:
            lines.append(byline)
        for paragraph in draw(st.lists(BODY_LINES, min_size=1, max_size=3)):
            lines += ["", paragraph]
    return "\n".join(lines), stamps


def _accounted(line: str, document: Document) -> bool:
    fields = [document.title, document.kicker, document.standfirst, *document.key_points]
    fields += list(document.dropped)
    for entry in document.entries:
        fields += [entry.title, *entry.labels, *entry.body]
    captions = [c for e in document.entries for c in e.captions]
    fields += [c.alt for c in captions if c.alt] + [c.text for c in captions if c.text]
    people = [*document.authors, *(a for e in document.entries for a in e.authors)]
    names = [a.name for a in people] + [a.role for a in people if a.role]
    text = line.strip().lstrip("• ").strip()
    if any(field and (text == field or text in field) for field in fields):
        return True
    if any(field and field in text for field in fields if field and len(field) > 8):
        return True
    if any((c.text in text or not c.text) and (c.credit or "") in text for c in captions):
        return True
    if any(c.credit and c.credit in text and len(text) <= len(c.credit) + 12 for c in captions):
        return True
    return bool(names) and any(name in text for name in names)


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(stamped_pages())
def test_every_line_of_a_generated_page_is_kept_somewhere(page: tuple[str, int]) -> None:
    text, stamps = page
    document = parse_text(text)
    assert document.format == "stamped"
    stamp_lines = {"19.30 GMT", "17:52", "4:12 p.m. ET", "14:31 Uhr", "12:05 a.m."}
    for line in text.split("\n"):
        if not line.strip() or line in stamp_lines or line.endswith("h ago"):
            continue
        assert _accounted(line, document), line
    dated = [e for e in document.entries if e.published is not None]
    assert len(dated) == stamps


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text_never_raises_in_the_stamped_parser(text: str) -> None:
    handler = StampedFormat()
    handler.sniff(text)
    draft = handler.parse(text)
    assert isinstance(draft.entries, list)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(STAMPS, BODY_LINES, TITLES, HEADER_LINES, BYLINES, st.text(max_size=40))))
def test_stamp_shaped_noise_never_raises(lines: list[str]) -> None:
    StampedFormat().parse("\n".join(lines))


def _stamp_line(line: str) -> bool:
    """A line that only carries a time (kept as the entry's published time, not as text)."""
    text = line.strip()
    stamp = parse_stamp(text) if len(text) <= 45 else None
    return stamp is not None or RELATIVE_RE.match(text) is not None


@pytest.mark.parametrize(
    "path",
    [*sorted(FIXTURES.glob("*.txt")), *sorted(SEEDS.glob("*.txt"))],
    ids=lambda p: p.name.split(".")[0][:24],
)
def test_no_line_of_a_fixture_or_seed_is_lost(path: Path) -> None:
    document = parse_file(path, format_name="stamped")
    text = decode(path.read_bytes()).text
    assert text is not None
    for line in text.split("\n"):
        if not line.strip() or _stamp_line(line):
            continue
        line = line.strip()
        if line.startswith("date "):
            line = line.split(" ", 2)[-1]
        assert _accounted(line, document), line


def test_a_short_timeline_inside_a_post_does_not_split_it() -> None:
    document = _parse(
        "Strike live\nMonday 6 March 2023\n\n19.30 GMT\nHow the day unfolded\n\n"
        "09:00 - Pickets gather at the gates.\n10:30 - Talks open.\n\n"
        "18.05 GMT\nTalks end without a deal.\n\n17.10 GMT\nUnion leaders arrive.\n\n"
        "16.00 GMT\nThe first ferry is cancelled.\n"
    )
    assert len(document.entries) == 4
    assert "09:00 - Pickets gather at the gates." in document.entries[0].body


def test_epoch_glued_to_the_end_of_a_title() -> None:
    document = _parse(
        "CMS export\n\nPort closed1645996680\nThe port is closed.\n\n"
        "Unions meet1645990000\nThe unions met.\n"
    )
    assert [e.title for e in document.entries] == ["Port closed", "Unions meet"]
    assert document.entries[0].published is not None
    assert document.entries[0].published.iso() == "2022-02-27T21:18:00+00:00"


def test_header_date_only_dateparser_reads_anchors_the_page() -> None:
    document = _parse(
        "River festival live\nthe 12th of June, 2023\n\n14:31Boats gather\nText.\n\n"
        "13:58Parade starts\nMore text.\n"
    )
    assert [e.published.iso() if e.published else None for e in document.entries] == [
        "2023-06-12T14:31:00+00:00",
        "2023-06-12T13:58:00+00:00",
    ]
    assert "the 12th of June, 2023" in document.dropped
    assert document.title == "River festival live"


def test_german_plus_signs_and_bare_title_lines() -> None:
    document = _parse(
        "Liveticker Hochwasser\nSonntag, 12. Februar 2023\n\n"
        "+++ 18:32 Uhr: Feuerwehr sperrt die Uferstraße +++\n"
        "Die Einsatzkräfte beraten am Abend erneut.\n\n"
        "+++ 15:05 Uhr: Pegel steigt weiter +++\n"
        "Der Wetterdienst erwartet weiteren Regen.\n"
    )
    assert [e.title for e in document.entries] == [
        "Feuerwehr sperrt die Uferstraße",
        "Pegel steigt weiter",
    ]
    assert document.entries[0].published is not None
    assert document.entries[0].published.iso() == "2023-02-12T18:32:00+01:00"


def test_name_and_role_lines_are_not_a_title() -> None:
    document = _parse(
        "Summit live\nMonday 21 February 2022\n\n13:11 GMT\nJessica Parker\n"
        "BBC Brussels correspondent\n\nThe ministers met for two hours.\n\n"
        "12:58 GMT\nTalks to resume\n\nBreaking\n\nThe talks will resume tomorrow.\n"
    )
    first, second = document.entries
    assert first.title is None
    assert [(a.name, a.role) for a in first.authors] == [
        ("Jessica Parker", "BBC Brussels correspondent")
    ]
    assert second.title == "Talks to resume" and second.labels == ("Breaking",)


def test_time_in_brackets_at_the_end_of_a_title() -> None:
    document = _parse(
        "Match day live\nSaturday 4 March 2023\n\nTeams arrive (14:05)\nThe buses pulled up.\n\n"
        "Gates open (13:30)\nFans queue outside.\n"
    )
    assert [e.title for e in document.entries] == ["Teams arrive", "Gates open"]
    assert [e.published.iso() if e.published else None for e in document.entries] == [
        "2023-03-04T14:05:00+00:00",
        "2023-03-04T13:30:00+00:00",
    ]


def test_twelve_hour_capitals_telegraph_style() -> None:
    document = _parse(
        "Budget live\nWednesday 15 March 2023\n\n10:37 AM\nChancellor arrives\n\nHe waved.\n\n"
        "9:05 AM\nMarkets open flat.\n"
    )
    assert [e.published.iso() if e.published else None for e in document.entries] == [
        "2023-03-15T10:37:00+00:00",
        "2023-03-15T09:05:00+00:00",
    ]


def test_stamped_key_events_list_is_dropped_before_dating() -> None:
    # The key-events list repeats stamps and titles; its times must not fake a midnight.
    document = _parse(
        "Ferry live\nFri 19 Feb 2021 19.41 GMT\nKey events\n\n"
        "2h ago\n17.20 GMT\nServices cancelled\n\n3h ago\n16.05 GMT\nStrike begins\n\n"
        "Live feed\n\n19.30 GMT\nTalks resume\n\nThe two sides met again.\n\n"
        "17.20 GMT\nServices cancelled\n\nAll evening crossings are off.\n\n"
        "16.05 GMT\nStrike begins\n\nCrews walked out at four.\n"
    )
    assert [e.title for e in document.entries] == [
        "Talks resume",
        "Services cancelled",
        "Strike begins",
    ]
    assert [e.published.iso() if e.published else None for e in document.entries] == [
        "2021-02-19T19:30:00+00:00",
        "2021-02-19T17:20:00+00:00",
        "2021-02-19T16:05:00+00:00",
    ]


def test_edit_notes_and_credits_above_a_stamp_are_not_its_title() -> None:
    document = _parse(
        "Ferry live\nFri 19 Feb 2021 19.41 GMT\n\n19.30 GMT\nTalks resume\n\nThey met.\n\n"
        "Updated at 19.47 GMT\n\n18.05 GMT\nThe first ferry left late.\n\nA ferry at the pier.\n"
        "Pic: Harbour Agency\n\n17.10 GMT\nUnions arrive.\n"
    )
    assert [e.title for e in document.entries] == ["Talks resume", None, None]
    assert document.entries[0].updated is not None
    assert document.entries[1].captions[0].credit == "Harbour Agency"


def test_a_date_closing_an_embedded_post_is_not_a_day_header() -> None:
    document = _parse(
        "Ferry live\nSunday 2 July 2023\n\n18:10\nMinister responds\n\n"
        "The minister posted a short statement.\n\nWe will keep talking.\n\nJune 12, 2019\n\n"
        "17:40\nUnions reply\n\nThe unions said they were ready.\n"
    )
    assert [e.published.iso() if e.published else None for e in document.entries] == [
        "2023-07-02T18:10:00+00:00",
        "2023-07-02T17:40:00+00:00",
    ]
    assert "June 12, 2019" in document.entries[0].body


def test_a_date_line_inside_a_post_stays_body_text() -> None:
    document = _parse(
        "Ferry live\nSunday 2 July 2023\n\n18:10\nMinister responds\n\n"
        "The minister posted a short statement.\n\nJuly 1, 2023\n\nShe repeated it later.\n\n"
        "17:40\nUnions reply\n\nThe unions said they were ready.\n"
    )
    assert document.entries[1].published is not None
    assert document.entries[1].published.iso() == "2023-07-02T17:40:00+00:00"
    assert "July 1, 2023" in document.entries[0].body


@pytest.mark.parametrize(
    ("trailer", "names"),
    [
        ("(Jane Doe)", ["Jane Doe"]),
        ("(Jane Doe and Tom Roe)", ["Jane Doe", "Tom Roe"]),
        ("Jane Doe21 February 2022", ["Jane Doe"]),
        ("Kieren Williams News Reporter.", ["Kieren Williams"]),
    ],
)
def test_trailing_bylines_credit_the_post(trailer: str, names: list[str]) -> None:
    document = _parse(
        "Summit live\nMonday 21 February 2022\n\n13:11 GMT\nMinisters meet\n\n"
        f"The ministers met for two hours.\n\n{trailer}\n\n"
        "12:58 GMT\nTalks to resume\n\nThe talks will resume tomorrow.\n"
    )
    first = document.entries[0]
    assert [a.name for a in first.authors] == names
    assert first.body == ("The ministers met for two hours.",)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Samantha Lock (now); Lois Beckett, Alexandra Topping and Tom Ambrose (earlier)",
         ["Samantha Lock", "Lois Beckett", "Alexandra Topping", "Tom Ambrose"]),
        ("Live reporting by Bhvishya Patel, with Deborah Haynes in Ukraine",
         ["Bhvishya Patel", "Deborah Haynes"]),
        ("By Dan Ascher and Simon Read", ["Dan Ascher", "Simon Read"]),
        ("Mersiha Gadzo, David Child, Arwa Ibrahim, Farah Najjar",
         ["Mersiha Gadzo", "David Child", "Arwa Ibrahim", "Farah Najjar"]),
    ],
)
def test_blog_bylines(line: str, names: list[str]) -> None:
    found = blog_byline(line)
    assert found is not None and [a.name for a in found] == names


@pytest.mark.parametrize(
    "line",
    ["Talks resume at the port office", "Ferries, buses and trains are cancelled", ""],
)
def test_not_blog_bylines(line: str) -> None:
    assert blog_byline(line) is None


@pytest.mark.parametrize(
    ("text", "first", "zone"),
    [
        (
            "Directo: elecciones\n5 de marzo de 2023\n\nhace 5 minutos\n21:05\nEl recuento avanza"
            "\n\nYa se ha escrutado el 80% de los votos.\n\nhace 40 minutos\n20:30\n"
            "Los colegios cierran a las 20 horas.\n",
            "2023-03-05T21:05:00+01:00",
            "Europe/Madrid",
        ),
        (
            "Liveblog storm\nzaterdag 4 maart 2023\n\n14:31 uur\nBomen omgewaaid\n\n"
            "In Utrecht zijn bomen omgewaaid en is het verkeer van de weg.\n\n13:05 uur\n"
            "De storm trekt naar het oosten.\n",
            "2023-03-04T14:31:00+01:00",
            "Europe/Amsterdam",
        ),
    ],
)
def test_other_languages(text: str, first: str, zone: str) -> None:
    document = _parse(text)
    published = document.entries[0].published
    assert published is not None and published.iso() == first
    assert str(published.at.tzinfo) == zone and published.zone is ZoneBasis.ASSUMED


def test_dated_stamp_line_with_nothing_under_it_is_the_page_date() -> None:
    document = _parse(
        "War: Live Updates\nFeb. 26, 2022, 2:59 a.m. ET\n\nFeb. 26, 2022, 2:41 a.m. ET\n"
        "Kyiv braces\n\nResidents sheltered.\n\nFeb. 26, 2022, 1:15 a.m. ET\nA video was posted.\n"
    )
    assert len(document.entries) == 2
    assert document.published is not None
    assert document.published.iso() == "2022-02-26T02:59:00-05:00"


def test_lead_stamps_with_a_name_or_a_label() -> None:
    document = _parse(
        "Storm live\nSaturday 4 March 2023\n\n14:31 – Jane Doe\nThe wind dropped at lunchtime.\n\n"
        "13:05 | Breaking\nThe bridge is closed.\n\n12:40 – Tom Roe\nRain is on its way.\n"
    )
    assert [[a.name for a in e.authors] for e in document.entries] == [
        ["Jane Doe"],
        [],
        ["Tom Roe"],
    ]
    assert document.entries[1].labels == ("Breaking",)
    assert document.entries[1].body == ("The bridge is closed.",)


def test_footer_date_anchors_a_page_whose_header_has_none() -> None:
    document = _parse(
        "Ferry live\n\n19.30 GMT\nTalks resume\n\nThey met.\n\n18.05 GMT\nThe ferry left late.\n\n"
        "Last modified on Fri 19 Feb 2021 21.03 GMT\n"
    )
    assert [e.published.iso() if e.published else None for e in document.entries] == [
        "2021-02-19T19:30:00+00:00",
        "2021-02-19T18:05:00+00:00",
    ]


def test_numbered_titles_above_their_stamps_lose_the_number() -> None:
    document = _parse(
        "Markets live\nAll times stated are UK\nTuesday 8 October 2019\n\n"
        "  1. Good night\n16:58\nThat is all from us today.\n\n"
        "  2. US markets follow UK woes\n16:31\nShares fell in New York too.\n"
    )
    assert [e.title for e in document.entries] == ["Good night", "US markets follow UK woes"]
    assert document.entries[0].published is not None
    assert document.entries[0].published.iso() == "2019-10-08T16:58:00+01:00"


def test_relative_times_alone_still_separate_posts() -> None:
    text = (
        "Live Updates\nHarbour crisis news\n\n17 hr 44 min ago\nPort reopens to cargo\n"
        "From CNN's Maria Lopez\n\nShips entered the port again.\n\n"
        "18 hr 50 min ago\nChannel cleared\n\nDivers removed the last debris.\n"
    )
    sniff = StampedFormat().sniff(text)
    assert sniff is not None and 0.05 < sniff.score < 0.4
    document = parse_text(text)
    assert document.format == "stamped"
    assert [e.title for e in document.entries] == ["Port reopens to cargo", "Channel cleared"]
    assert all(e.published is None for e in document.entries)
    assert "17 hr 44 min ago" in document.dropped
    assert [a.name for a in document.entries[0].authors] == ["Maria Lopez"]


def test_stamps_that_close_their_posts() -> None:
    document = _parse(
        "Harbour live\nSaturday 4 March 2023\n\n"
        "Ferries return\nThe first ferry in three days has docked, to cheers from the quay and "
        "the harbour master.\n14:31\n\n"
        "Crews have been working since dawn to clear the last of the debris from the channel "
        "entrance.\n13:05\n\nShare\n"
    )
    assert [e.title for e in document.entries] == ["Ferries return", None]
    assert [e.published.iso() if e.published else None for e in document.entries] == [
        "2023-03-04T14:31:00+00:00",
        "2023-03-04T13:05:00+00:00",
    ]
    assert document.entries[1].body[0].startswith("Crews have been working")
    assert document.title == "Harbour live"
