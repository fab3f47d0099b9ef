"""Pages that print no times: posts found from headlines, repeated chrome, trailers, tags, markers.

Every page here is written from independent choices (how a headline is printed, what stands
between posts, whether paragraphs keep their final full stop...), with fictional text, and the
parse must give back the posts the page was written with.
"""

from __future__ import annotations

import itertools
import random

import pytest

from parsers import parse_text
from parsers.boundaries import closing_name, is_day_header, is_tag
from parsers.chrome import closing_chrome

TITLE = "Flood watch on the Arle: live updates"
HEADLINES = [
    "Ferries held in port until the swell drops",
    "School buses cancelled across the valley",
    "Volunteers fill sandbags at the old mill",
    "Power cut hits two villages near Westbrook",
    "Coastguard warns walkers away from the cliffs",
]
SENTENCES = [
    "The harbour master said no crossing would leave before the evening tide",
    "Parents were told by text message shortly after seven in the morning",
    "Dozens of people turned out despite the rain, a council spokeswoman said",
    "Engineers expect to restore supplies to most homes by the end of the day",
    "The path along the headland has been closed since a section gave way",
    "Residents were asked to keep away from the river banks overnight",
    "A second pump was brought in from a neighbouring district",
    "The road will stay shut until the water level falls below the bridge",
]
REPORTERS = ["Nora Haldane", "Tomas Vell", "Iris Maple"]
TAGS = ["TRANSPORT", "SCHOOLS", "COMMUNITY", "POWER", "SAFETY"]
CHROME = ["Comment ()", "View post", "Teilen", "Partager", "Advertisement"]


def _paragraphs(rng: random.Random, stop: bool) -> list[str]:
    """One to three paragraphs; without ``stop`` the last one lost its final full stop."""
    out = [
        " ".join(s + "." for s in rng.sample(SENTENCES, rng.randint(1, 2)))
        for _ in range(rng.randint(1, 3))
    ]
    if not stop:
        # A paragraph of two sentences that lost its final full stop (a single short sentence
        # without one reads as a headline: that case is left open).
        out[-1] = " ".join(s + "." for s in rng.sample(SENTENCES, 2))[:-1]
    return out


def write_page(choices: dict[str, str], seed: int = 0) -> tuple[str, list[str | None]]:
    """A page from ``choices`` and the titles of its posts (None for an untitled post)."""
    rng = random.Random(seed)
    lines: list[str] = []
    if choices["head"] == "chrome":
        lines += ["Menu", "Home", "News", "Local", ""]
    lines += [TITLE, ""]
    titles: list[str | None] = []
    chrome = rng.choice(CHROME)
    for number in range(4):
        headline = HEADLINES[number]
        style = choices["headline"]
        post: list[str] = []
        if style == "plain":
            post += [headline, ""]
        elif style == "bulleted":
            post += [f"• {headline}", ""]
        elif style == "indented":
            post += [f"    {headline}", ""]
        elif style == "tagged":
            post += [TAGS[number], headline, ""]
        titles.append(None if style == "none" else headline)
        post += [p + "\n" for p in _paragraphs(rng, choices["stop"] == "kept" or style == "none")]
        between = choices["between"]
        if style == "none" or between == "reporter":
            post += [f"({REPORTERS[number % 3]})", ""]
        if between == "updated":
            post += [f"Updated {3 + number} March", ""]
        elif between == "chrome":
            post += [chrome, ""]
        lines += post
        if choices["headline_only"] == "yes" and number == 1:
            lines += ["Rail line reopens after inspection", ""]
            titles.append("Rail line reopens after inspection")
    return "\n".join(lines), titles


CHOICES = {
    "headline": ("plain", "bulleted", "indented", "tagged", "none"),
    "between": ("blank", "updated", "chrome", "reporter"),
    "stop": ("kept", "lost"),
    "headline_only": ("no", "yes"),
    "head": ("plain", "chrome"),
}


def _cases() -> list[dict[str, str]]:
    out = []
    for values in itertools.product(*CHOICES.values()):
        choices = dict(zip(CHOICES, values, strict=True))
        if choices["headline"] == "none" and choices["headline_only"] == "yes":
            continue  # a headline-only post needs posts with headlines around it
        out.append(choices)
    return out


@pytest.mark.parametrize("choices", _cases(), ids=lambda c: "-".join(c.values()))
def test_untimed_posts_are_found(choices: dict[str, str]) -> None:
    text, titles = write_page(choices, seed=len(str(choices)))
    document = parse_text(text)
    assert document.format == "headlines"
    got = [entry.title for entry in document.entries]
    assert got == titles, text
    assert document.title == TITLE
    everything = "\n".join(p for e in document.entries for p in e.body)
    assert "Updated" not in everything and "Menu" not in everything


def test_tags_become_labels_of_their_posts() -> None:
    text, _ = write_page(
        {"headline": "tagged", "between": "blank", "stop": "kept", "headline_only": "no",
         "head": "plain"}
    )
    document = parse_text(text)
    assert [e.labels for e in document.entries] == [(tag,) for tag in TAGS[:4]]


def test_reporter_lines_credit_the_post_they_close() -> None:
    text, _ = write_page(
        {"headline": "none", "between": "reporter", "stop": "kept", "headline_only": "no",
         "head": "plain"}
    )
    document = parse_text(text)
    assert [[a.name for a in e.authors] for e in document.entries] == [
        [REPORTERS[n % 3]] for n in range(4)
    ]


def test_a_day_header_over_posts_that_start_with_a_marker() -> None:
    posts = [
        f"■ {SENTENCES[n]}, officials said.\n\n{SENTENCES[n + 1]}." for n in range(0, 6, 2)
    ]
    text = f"{TITLE}\n\nTuesday, May 7 (local time)\n\n" + "\n\n".join(posts) + "\n"
    document = parse_text(text)
    assert len(document.entries) == 3
    assert all(e.body[0].startswith(SENTENCES[2 * n][:20]) for n, e in enumerate(document.entries))
    assert "Tuesday, May 7 (local time)" in document.dropped


def test_chrome_is_found_by_repetition_not_by_a_word_list() -> None:
    paras = []
    for number in range(4):
        paras += [HEADLINES[number], SENTENCES[number] + ".", "Ulat pa"]
    assert closing_chrome(paras) == {"ulat pa"}
    # The same short line right after each headline is a label, never chrome.
    labels = [p for n in range(4) for p in (HEADLINES[n], "Ulat pa", SENTENCES[n] + ".")]
    assert closing_chrome(labels) == set()


def test_a_page_with_no_consistent_structure_stays_one_article() -> None:
    text = TITLE + "\n\n" + "\n\n".join(s + "." for s in SENTENCES) + "\n"
    document = parse_text(text)
    assert len(document.entries) == 1
    assert document.entries[0].title == TITLE


@pytest.mark.parametrize(
    ("line", "tag", "day", "name"),
    [
        ("POLITICS", True, False, None),
        ("Tuesday, May 7 (local time)", False, True, None),
        ("Saturday 18 May 2019", False, True, None),
        ("(Nora Haldane)", False, False, "Nora Haldane"),
        ("— Tomas Vell", False, False, "Tomas Vell"),
        ("The vote is on 18 May 2019", False, False, None),
        ("NATO", True, False, None),
        ("(AFP)", False, False, None),
    ],
)
def test_line_shapes(line: str, tag: bool, day: bool, name: str | None) -> None:
    assert is_tag(line) is tag
    assert is_day_header(line) is day
    author = closing_name(line)
    assert (author.name if author else None) == name


def test_the_page_head_is_the_documents_header() -> None:
    head = (
        f"{TITLE}\n\nThe river is expected to peak overnight, the agency said.\n\n"
        "By Nora Haldane and Tomas Vell\n\nAll times are GMT\n\nSaturday 18 May 2019\n\n"
    )
    text, titles = write_page(
        {"headline": "plain", "between": "blank", "stop": "kept", "headline_only": "no",
         "head": "plain"}
    )
    document = parse_text(head + text.split("\n", 2)[2])
    assert document.standfirst == "The river is expected to peak overnight, the agency said."
    assert [a.name for a in document.authors] == ["Nora Haldane", "Tomas Vell"]
    assert document.published is not None and document.published.iso() == "2019-05-18"
    assert [e.title for e in document.entries] == titles
    everything = "\n".join(p for e in document.entries for p in e.body)
    for line in ("By Nora Haldane", "All times are GMT", "Saturday 18 May 2019", "peak overnight"):
        assert line not in everything


def test_a_byline_right_under_its_headline_in_any_language() -> None:
    posts = [
        f"{HEADLINES[n]}\nPar {REPORTERS[n]}, correspondante\n\n{SENTENCES[n]}." for n in range(3)
    ]
    document = parse_text(f"{TITLE}\n\n" + "\n\n".join(posts) + "\n")
    assert [e.title for e in document.entries] == HEADLINES[:3]
    assert [[a.name for a in e.authors] for e in document.entries] == [[r] for r in REPORTERS]
