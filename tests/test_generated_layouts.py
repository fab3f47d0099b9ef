"""Generated live blogs in many layouts parse to their ground truth (issue 9).

``layout_generator`` writes pages from independent choices and knows each post's truth;
``accuracy_support`` parses them as ``liveblog parse --json`` does and scores them. The
issue's targets are below; the committed test holds the regression floors (what the parser
achieved when this test was written, minus 0.02), so a change that loses ground fails. The
targets are asserted too (the merged parsers of issue 9 meet them); the floors catch a
smaller loss on any single choice value.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest
from accuracy_support import (
    Result,
    Tally,
    by_choice,
    describe_worst,
    match,
    score,
    score_pages,
    shortfalls,
    total,
    words,
)
from layout_generator import AXES, Page, TruthPost, corpus

from parsers.decode import decode

F1_TARGET = 0.95
"""Issue 9: entry F1 over the generated pages."""
TIME_TARGET = 0.95
"""Issue 9: timestamp accuracy over the matched entries."""
PER_CHOICE_TARGET = 0.85
"""Issue 9: no single choice value below this, in F1 or timestamp accuracy."""

# Regression floors: what the merged issue-9 parsers achieve (1000 pages, seed 9) minus 0.02,
# from `python benchmarks/accuracy.py --floors`. Raise them when the parsers improve (rerun
# the benchmark and paste its output here); never lower them to make a change pass.
# The time floors count right times over *all* truth posts (time_found),
# not over matched entries as the target does: finding more entries must never read as a
# loss of timestamp accuracy.
FLOOR_F1 = 0.96
FLOOR_TIME_FOUND = 0.92
FLOOR_PER_CHOICE: dict[str, tuple[float, float]] = {
    "byline=by": (0.96, 0.92),
    "byline=name_role": (0.96, 0.92),
    "byline=none": (0.96, 0.92),
    "byline=trailer": (0.96, 0.92),
    "caption=none": (0.96, 0.91),
    "caption=paren_credit": (0.96, 0.92),
    "caption=photograph": (0.96, 0.92),
    "caption=pic_line": (0.96, 0.92),
    "chrome=Advertisement": (0.96, 0.93),
    "chrome=Copy link": (0.96, 0.91),
    "chrome=Share": (0.97, 0.92),
    "chrome=local_share": (0.96, 0.92),
    "chrome=none": (0.95, 0.91),
    "chrome=updated": (0.96, 0.93),
    "encoding=cp1252": (0.96, 0.93),
    "encoding=utf-16": (0.96, 0.92),
    "encoding=utf-8": (0.96, 0.92),
    "encoding=utf-8-sig": (0.95, 0.91),
    "headline=absent": (0.96, 0.93),
    "headline=after": (0.95, 0.92),
    "headline=before": (0.97, 0.92),
    "headline_style=bullet": (0.96, 0.96),
    "headline_style=indented": (0.97, 0.96),
    "headline_style=plain": (0.96, 0.91),
    "label=Analysis": (0.95, 0.92),
    "label=Breaking": (0.96, 0.92),
    "label=local": (0.97, 0.95),
    "label=none": (0.95, 0.9),
    "language=de": (0.96, 0.92),
    "language=en": (0.96, 0.91),
    "language=es": (0.96, 0.92),
    "language=fr": (0.96, 0.92),
    "language=it": (0.95, 0.91),
    "line_ending=CRLF": (0.96, 0.92),
    "line_ending=LF": (0.96, 0.92),
    "order=day_headers": (0.96, 0.93),
    "order=newest": (0.96, 0.93),
    "order=newest_midnight": (0.96, 0.91),
    "order=oldest": (0.95, 0.93),
    "order=oldest_midnight": (0.96, 0.89),
    "page_head=full": (0.96, 0.92),
    "page_head=none": (0.95, 0.92),
    "page_head=title": (0.96, 0.91),
    "page_head=title_date": (0.96, 0.93),
    "page_head=title_zone": (0.96, 0.91),
    "separator=blank": (0.96, 0.91),
    "separator=none": (0.96, 0.92),
    "separator=rule": (0.96, 0.93),
    "stamp_form=dated_dmy": (0.95, 0.84),
    "stamp_form=dated_iso": (0.96, 0.87),
    "stamp_form=dated_mdy": (0.92, 0.8),
    "stamp_form=dated_ordinal": (0.95, 0.89),
    "stamp_form=dated_time_first": (0.93, 0.83),
    "stamp_form=four_digit": (0.97, 0.85),
    "stamp_form=french_h": (0.97, 0.93),
    "stamp_form=h12_bare": (0.96, 0.83),
    "stamp_form=h12_compact": (0.96, 0.95),
    "stamp_form=h12_dotted": (0.96, 0.93),
    "stamp_form=h24_colon": (0.96, 0.95),
    "stamp_form=h24_dot": (0.97, 0.95),
    "stamp_form=match_minute": (0.96, 0.96),
    "stamp_form=none": (0.94, 0.96),
    "stamp_form=spaced": (0.95, 0.91),
    "stamp_form=uhr": (0.96, 0.94),
    "stamp_form=zone_BST": (0.98, 0.98),
    "stamp_form=zone_CET": (0.98, 0.97),
    "stamp_form=zone_EET": (0.97, 0.96),
    "stamp_form=zone_ET": (0.97, 0.97),
    "stamp_form=zone_GMT": (0.97, 0.95),
    "stamp_form=zone_offset": (0.98, 0.97),
    "stamp_position=end_dash": (0.97, 0.9),
    "stamp_position=end_paren": (0.97, 0.94),
    "stamp_position=framed_pipe": (0.96, 0.95),
    "stamp_position=framed_plus": (0.97, 0.95),
    "stamp_position=glued": (0.97, 0.86),
    "stamp_position=line_after_headline": (0.97, 0.97),
    "stamp_position=none": (0.94, 0.96),
    "stamp_position=own_line": (0.97, 0.97),
    "stamp_position=prefix_colon": (0.95, 0.92),
    "stamp_position=prefix_dash": (0.94, 0.89),
    "stamp_position=prefix_pipe": (0.95, 0.9),
    "stamp_position=prefix_space": (0.94, 0.84),
}
"""``axis=value``: (F1 floor, floor of right times over all posts)."""

PAGES = 1000
SEED = 9


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return corpus(PAGES, SEED)


@pytest.fixture(scope="module")
def results(pages: list[Page]) -> list[Result]:
    return score_pages(pages)


# --- the generator's truth -----------------------------------------------------------------


def test_same_seed_same_pages_other_seed_other_pages() -> None:
    first, again, other = corpus(20, 3), corpus(20, 3), corpus(20, 4)
    assert [p.data for p in first] == [p.data for p in again]
    assert [p.data for p in first] != [p.data for p in other]


def test_every_value_of_every_axis_is_written(pages: list[Page]) -> None:
    for axis, values in AXES.items():
        seen = Counter(page.choices[axis] for page in pages)
        assert set(seen) == set(values), axis
        assert min(seen.values()) >= 20, (axis, seen)


def test_bytes_decode_to_the_text_written(pages: list[Page]) -> None:
    for page in pages:
        encoding = page.choices["encoding"]
        raw = page.data.decode("utf-16" if encoding == "utf-16" else encoding)
        assert raw.lstrip("\ufeff").replace("\r\n", "\n") == page.text, page.name
        assert ("\r\n" in raw) == (page.choices["line_ending"] == "CRLF")
        assert decode(page.data).text is not None


def _in_page(fragment: str, text: str) -> bool:
    return " ".join(fragment.split()) in " ".join(text.split())


def test_truth_posts_are_printed_in_their_page(pages: list[Page]) -> None:
    for page in pages:
        assert 3 <= len(page.posts) <= 8
        firsts = [post.first_words for post in page.posts]
        assert len(set(firsts)) == len(firsts), page.name
        for post in page.posts:
            assert post.first_words and _in_page(post.first_words, page.text), page.name
            if post.title is not None:
                assert _in_page(post.title, page.text), page.name
            for name in post.authors:
                assert name in page.text, page.name
            for label in post.labels:
                assert f"\n{label}\n" in page.text, page.name


def _instants(posts: tuple[TruthPost, ...]) -> list[datetime]:
    return [datetime.fromisoformat(post.published) for post in posts if post.published]


def test_truth_times_follow_the_page_order(pages: list[Page]) -> None:
    for page in pages:
        choices, posts = page.choices, page.posts
        if choices["stamp_form"] in ("none", "match_minute"):
            assert all(p.published is None and p.time_of_day is None for p in posts)
            continue
        assert all(p.time_of_day for p in posts)
        instants = _instants(posts)
        dated = (
            choices["stamp_form"].startswith("dated")
            or choices["page_head"] in ("title_date", "full")
            or choices["order"] == "day_headers"
        )
        assert len(instants) == (len(posts) if dated else 0), page.name
        for post, instant in zip(posts, instants, strict=False):
            assert f"{instant:%H:%M}" == post.time_of_day
        if instants:
            newest_first = not choices["order"].startswith("oldest")
            assert instants == sorted(instants, reverse=newest_first), page.name
        clocks = [p.time_of_day or "" for p in posts]
        if not choices["order"].startswith("oldest"):
            clocks.reverse()
        wraps = sum(later < earlier for earlier, later in zip(clocks, clocks[1:], strict=False))
        crosses = choices["order"].endswith("midnight") or choices["order"] == "day_headers"
        assert wraps == (1 if crosses else 0), page.name


# --- the scorer ------------------------------------------------------------------------------


def _perfect(page: Page) -> list[dict[str, object]]:
    return [
        {
            "published": post.published,
            "time_of_day": post.time_of_day,
            "title": post.title,
            "authors": [{"name": name, "role": None} for name in post.authors],
            "labels": list(post.labels),
            "body": "\n\n".join(post.body),
        }
        for post in page.posts
    ]


def test_scorer_gives_a_perfect_parse_full_marks(pages: list[Page]) -> None:
    for page in pages[:50]:
        tally = score(page.posts, _perfect(page))
        assert (tally.f1, tally.time, tally.rate("title"), tally.rate("author")) == (1, 1, 1, 1)


def test_scorer_counts_a_swallowing_entry_as_one_post() -> None:
    page = corpus(1, 5)[0]
    entries = _perfect(page)
    merged = dict(entries[0], body="\n\n".join(str(e["body"]) for e in entries))
    tally = score(page.posts, [merged])
    assert tally.matched == 1 and tally.precision == 1.0
    assert tally.recall == pytest.approx(1 / len(page.posts))


def test_scorer_wants_time_of_day_and_no_instant_on_undated_pages() -> None:
    post = TruthPost(None, "22:15", "Ferries stop", ("Anna Holt",), (), "The ferries stopped.")
    entry: dict[str, object] = {"title": "Ferries stop", "body": "The ferries stopped."}
    assert score([post], [entry]).time_ok == 0
    assert score([post], [dict(entry, time_of_day="22:15")]).time_ok == 1
    invented = dict(entry, time_of_day="22:15", published="2024-03-05T22:15:00+00:00")
    assert score([post], [invented]).time_ok == 0


def test_scorer_compares_instants_not_strings() -> None:
    post = TruthPost("2024-03-05T14:31:00+01:00", "14:31", None, (), (), "Roads closed.")
    assert score([post], [{"published": "2024-03-05T13:31:00+00:00", "body": "Roads closed."}]
                 ).time_ok == 1
    assert score([post], [{"published": "2024-03-05T14:31:00+00:00", "body": "Roads closed."}]
                 ).time_ok == 0


def test_matching_ignores_case_punctuation_and_glued_stamps() -> None:
    post = TruthPost(None, "14:31", None, (), (), "The mayor said, calmly, that roads reopen.")
    assert words("14:31The mayor said") == "14 31the mayor said"
    assert match([post], [{"title": None, "body": "14:31: THE MAYOR SAID calmly that roads "
                                                  "reopen."}]) == [(0, 0)]
    assert match([post], [{"title": None, "body": "Something else."}]) == []


# --- the parser on generated pages -------------------------------------------------------------


def _failure(results: list[Result], problems: list[str]) -> str:
    overall = total(results)
    head = (
        f"F1 {overall.f1:.3f} (P {overall.precision:.3f}, R {overall.recall:.3f}), "
        f"time {overall.time:.3f}, title {overall.rate('title'):.3f}"
    )
    return "\n".join([head, *problems[:30], describe_worst(results, 10)])


def _below_floors(results: list[Result]) -> list[str]:
    problems = []
    overall = total(results)
    if overall.f1 < FLOOR_F1:
        problems.append(f"entry F1 {overall.f1:.3f} < floor {FLOOR_F1}")
    if overall.time_found < FLOOR_TIME_FOUND:
        problems.append(f"right times {overall.time_found:.3f} < floor {FLOOR_TIME_FOUND}")
    tallies: dict[tuple[str, str], Tally] = by_choice(results)
    for key, (f1_floor, time_floor) in FLOOR_PER_CHOICE.items():
        axis, _, value = key.partition("=")
        tally = tallies.get((axis, value))
        if tally is None:
            problems.append(f"{key}: no pages")
        elif tally.f1 < f1_floor or tally.time_found < time_floor:
            problems.append(
                f"{key}: F1 {tally.f1:.3f} (floor {f1_floor}), "
                f"right times {tally.time_found:.3f} (floor {time_floor})"
            )
    return problems


def test_generated_layouts_hold_the_regression_floors(results: list[Result]) -> None:
    problems = _below_floors(results)
    assert not problems, _failure(results, problems)


def test_generated_layouts_meet_the_issue_targets(results: list[Result]) -> None:
    problems = shortfalls(results, F1_TARGET, TIME_TARGET, PER_CHOICE_TARGET)
    assert not problems, _failure(results, problems)


def test_floors_are_rates_of_known_choices() -> None:
    assert 0 < FLOOR_F1 <= 1 and 0 < FLOOR_TIME_FOUND <= 1
    assert set(FLOOR_PER_CHOICE) <= {f"{a}={v}" for a, values in AXES.items() for v in values}


def test_scorer_counts_page_head_lines_carried_by_entries() -> None:
    post = TruthPost(None, "14:31", None, (), (), "Roads closed.")
    head = ["Storm on the coast: live", "Crews work through the night."]
    leaked = {"title": "Storm on the coast: live", "body": "Roads closed."}
    assert score([post], [leaked], head).head_leaks == 1
    assert score([post], [{"title": None, "body": "Roads closed."}], head).head_leaks == 0


def test_page_head_prose_is_recorded_for_pages_that_print_one(pages: list[Page]) -> None:
    for page in pages:
        kind = page.choices["page_head"]
        assert len(page.head) == {"none": 0, "full": 3}.get(kind, 1), page.name
        assert all(page.text.startswith(line) or f"\n{line}\n" in page.text for line in page.head)


def test_scorer_lets_a_match_minute_be_a_label() -> None:
    post = TruthPost(None, None, None, (), (), "The keeper saved.")
    for labels, right in ((["67'"], 1), (["45+2'", "Breaking"], 0), (["12 min"], 1)):
        assert score([post], [{"labels": labels, "body": "The keeper saved."}]).label_ok == right
