"""Scoring parsed pages against their truth: entries matched one to one, then field accuracy.

Shared by ``tests/test_generated_layouts.py`` and ``benchmarks/accuracy.py``. A page is parsed
the way ``liveblog parse --json`` does it (:func:`parsers.read.parse_bytes`, then
:func:`parsers.export.entry_to_dict`), so the scores are those of the JSON a user sees.

Matching: a parsed entry matches a truth post when the post's first sentence (or, lacking one,
its title) appears in the entry's title and body, compared word by word ignoring case and
punctuation; each entry and each post is used at most once, earliest appearance first. An
entry that swallowed three posts matches one of them; the other two are missed.

Time: a post whose page gives a date wants ``published`` at the same instant. A post whose
page prints a time but no date wants ``published`` null and ``time_of_day`` equal to the
printed time (the ``time_of_day`` key may be absent in older parsers: that counts as wrong).
A post without a printed clock time (none at all, or a match minute) wants both null.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from layout_generator import Page, TruthPost

from parsers.export import entry_to_dict
from parsers.model import Entry
from parsers.read import parse_bytes

_WORD = re.compile(r"\w+")
_MATCH_MINUTE = re.compile(r"\d{1,3}(?:\+\d{1,2})?(?:'|’| ?min)|HT|FT")
"""A match minute kept as a label (the issue allows a label or a field); applied to labels."""


def words(text: str | None) -> str:
    """Lower-case words joined by single spaces (punctuation and stamps' colons dropped)."""
    return " ".join(_WORD.findall((text or "").casefold()))


def _clock_text(value: object) -> str | None:
    if value is None:
        return None
    hour, minute = getattr(value, "hour", None), getattr(value, "minute", None)
    if isinstance(hour, int) and isinstance(minute, int):  # datetime.time or a model record
        return f"{hour:02d}:{minute:02d}"
    return str(value)


def json_view(entry: Entry) -> dict[str, Any]:
    """The entry as ``liveblog parse --json`` prints it, with ``time_of_day`` always present.

    Parsers that keep the time of day on the model but not (yet) in the JSON still score it.
    """
    data = entry_to_dict(entry)
    if "time_of_day" not in data:
        value = getattr(entry, "time_of_day", None)
        if value is None and entry.published is not None:
            value = getattr(entry.published, "time_of_day", None)
        data["time_of_day"] = _clock_text(value)
    return data


def parse_for_scoring(data: bytes, name: str) -> tuple[str, list[dict[str, Any]]]:
    """The chosen format and the entries as ``liveblog parse --json`` prints them."""
    document = parse_bytes(data, name)
    return document.format, [json_view(entry) for entry in document.entries]


def match(truth: Sequence[TruthPost], parsed: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one ``(truth index, parsed index)`` pairs, earliest appearance first.

    A post with neither first words nor title (a sparse fixture expectation) pairs with the
    entry at its own position, if that one is still free.
    """
    texts = [words(" ".join(filter(None, (e.get("title"), e.get("body"))))) for e in parsed]
    candidates: list[tuple[int, int, int, int]] = []
    for t_index, post in enumerate(truth):
        key = words(post.first_words) or words(post.title)
        if not key:
            continue
        for p_index, text in enumerate(texts):
            at = text.find(key)
            if at >= 0:
                candidates.append((at, abs(t_index - p_index), t_index, p_index))
    pairs: list[tuple[int, int]] = []
    used_truth: set[int] = set()
    used_parsed: set[int] = set()
    for _at, _distance, t_index, p_index in sorted(candidates):
        if t_index in used_truth or p_index in used_parsed:
            continue
        used_truth.add(t_index)
        used_parsed.add(p_index)
        pairs.append((t_index, p_index))
    for t_index, post in enumerate(truth):
        keyless = not (words(post.first_words) or words(post.title))
        if keyless and t_index < len(parsed) and t_index not in used_parsed:
            used_parsed.add(t_index)
            pairs.append((t_index, t_index))
    return sorted(pairs)


def _same_instant(wanted: str, got: str | None) -> bool:
    if got is None:
        return False
    try:
        a, b = datetime.fromisoformat(wanted), datetime.fromisoformat(got)
    except ValueError:
        return wanted == got
    if a.tzinfo is None or b.tzinfo is None or len(wanted) <= 10 or len(got) <= 10:
        return wanted == got
    return a == b


def time_right(post: TruthPost, entry: dict[str, Any]) -> bool:
    """Whether the entry's time is what the page printed (see the module docstring)."""
    published = entry.get("published")
    if post.published is not None:
        return _same_instant(post.published, published)
    if post.time_of_day is not None:
        return published is None and str(entry.get("time_of_day") or "")[:5] == post.time_of_day
    return published is None and not entry.get("time_of_day")


def _title(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


@dataclass(slots=True)
class Tally:
    """Counts that add up over pages; rates computed on demand."""

    pages: int = 0
    truth: int = 0
    parsed: int = 0
    matched: int = 0
    time_ok: int = 0
    title_ok: int = 0
    author_ok: int = 0
    label_ok: int = 0
    head_leaks: int = 0
    """Parsed entries that carry a line of the page head (title, standfirst, page byline)."""

    def add(self, other: Tally) -> None:
        for name in self.__slots__:  # type: ignore[attr-defined]
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched / self.parsed if self.parsed else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.truth if self.truth else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def rate(self, name: str) -> float:
        """``time``, ``title``, ``author`` or ``label`` accuracy over matched entries."""
        return getattr(self, f"{name}_ok") / self.matched if self.matched else 0.0

    @property
    def time(self) -> float:
        """Timestamp accuracy as the issue counts it: right times over the entries found."""
        return self.rate("time")

    @property
    def time_found(self) -> float:
        """Right times over all truth posts: rises with recall too, so floors use it."""
        return self.time_ok / self.truth if self.truth else 1.0


def score(
    truth: Sequence[TruthPost], parsed: Sequence[dict[str, Any]], head: Sequence[str] = ()
) -> Tally:
    """The tally of one page (``head``: page-head lines no entry should carry)."""
    tally = Tally(pages=1, truth=len(truth), parsed=len(parsed))
    head_keys = [key for key in map(words, head) if key]
    for entry in parsed:
        text = words(" ".join(filter(None, (entry.get("title"), entry.get("body")))))
        tally.head_leaks += any(key in text for key in head_keys)
    for t_index, p_index in match(truth, parsed):
        post, entry = truth[t_index], parsed[p_index]
        tally.matched += 1
        tally.time_ok += time_right(post, entry)
        tally.title_ok += _title(post.title) == _title(entry.get("title"))
        names = sorted(str(a["name"]) for a in entry.get("authors") or [])
        tally.author_ok += names == sorted(post.authors)
        labels = [str(x) for x in entry.get("labels") or [] if not _MATCH_MINUTE.fullmatch(str(x))]
        tally.label_ok += sorted(labels) == sorted(post.labels)
    return tally


@dataclass(slots=True)
class Result:
    """One page, how it was parsed and its tally."""

    name: str
    choices: dict[str, str]
    format: str
    tally: Tally


def score_pages(pages: Iterable[Page]) -> list[Result]:
    """Parse and score every generated page."""
    results = []
    for page in pages:
        chosen, parsed = parse_for_scoring(page.data, page.name)
        tally = score(page.posts, parsed, page.head)
        results.append(Result(page.name, page.choices, chosen, tally))
    return results


def total(results: Iterable[Result]) -> Tally:
    overall = Tally()
    for result in results:
        overall.add(result.tally)
    return overall


def by_choice(results: Iterable[Result]) -> dict[tuple[str, str], Tally]:
    """A tally per ``(axis, value)``, plus ``("format", chosen handler)``."""
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for result in results:
        for axis, value in (*result.choices.items(), ("format", result.format)):
            tallies[(axis, value)].add(result.tally)
    return dict(tallies)


def worst_combinations(
    results: Sequence[Result], count: int = 10, min_pages: int = 4
) -> list[tuple[tuple[tuple[str, str], tuple[str, str]], Tally]]:
    """The pairs of choice values with the lowest entry F1 (then timestamp accuracy)."""
    tallies: dict[tuple[tuple[str, str], tuple[str, str]], Tally] = defaultdict(Tally)
    for result in results:
        items = sorted(result.choices.items())
        for pair in combinations(items, 2):
            tallies[pair].add(result.tally)
    ranked = sorted(
        ((pair, tally) for pair, tally in tallies.items() if tally.pages >= min_pages),
        key=lambda item: (item[1].f1 + item[1].time, item[1].f1),
    )
    return ranked[:count]


def shortfalls(
    results: Sequence[Result], f1: float, time: float, per_choice: float
) -> list[str]:
    """Each way the results fall short of the targets, worst first; empty when they meet them."""
    problems: list[str] = []
    overall = total(results)
    if overall.f1 < f1:
        problems.append(f"entry F1 {overall.f1:.3f} < {f1}")
    if overall.time < time:
        problems.append(f"timestamp accuracy {overall.time:.3f} < {time}")
    choices = sorted(by_choice(results).items(), key=lambda item: min(item[1].f1, item[1].time))
    for (axis, value), tally in choices:
        if axis == "format":
            continue
        if tally.f1 < per_choice or tally.time < per_choice:
            problems.append(
                f"{axis}={value}: F1 {tally.f1:.3f}, time {tally.time:.3f} "
                f"({tally.pages} pages) < {per_choice}"
            )
    return problems


def describe_worst(results: Sequence[Result], count: int = 10) -> str:
    """The worst combinations and pages, one per line, for a failing test or the benchmark."""
    lines = ["worst combinations (F1, time, pages):"]
    for (first, second), tally in worst_combinations(results, count):
        lines.append(
            f"  {first[0]}={first[1]} & {second[0]}={second[1]}: "
            f"F1 {tally.f1:.3f}, time {tally.time:.3f}, {tally.pages} pages"
        )
    worst_pages = sorted(results, key=lambda r: (r.tally.f1 + r.tally.time, r.name))[:count]
    lines.append("worst pages:")
    for result in worst_pages:
        shown = ", ".join(f"{k}={v}" for k, v in result.choices.items())
        lines.append(
            f"  {result.name} [{result.format}] F1 {result.tally.f1:.2f} time "
            f"{result.tally.time:.2f}: {shown}"
        )
    return "\n".join(lines)


# --- fixtures and seeds ------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Fixture:
    """A sample document with its sidecar expectations as truth posts."""

    path: Path
    format: str
    posts: tuple[TruthPost, ...] = field(default=())


def _author_names(authors: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(a["name"] if isinstance(a, dict) else a[0]) for a in authors)


def _truth_from_expectation(entry: dict[str, Any]) -> TruthPost:
    body = entry.get("body")
    if isinstance(body, list):
        first = body[0] if body else None
    else:
        first = entry.get("body_starts") or (entry.get("body_contains") or [None])[0]
    return TruthPost(
        published=entry.get("published"),
        time_of_day=entry.get("time_of_day"),
        title=entry.get("title"),
        authors=_author_names(entry.get("authors", [])),
        labels=tuple(entry.get("labels", [])),
        first_words=first,
    )


def fixtures() -> list[Fixture]:
    """The seeds and every test fixture that has an ``*.expected.json`` sidecar."""
    found: list[Fixture] = []
    sidecars = sorted((ROOT / "seeds").glob("*.expected.json")) + sorted(
        (ROOT / "tests" / "fixtures").glob("**/*.expected.json")
    )
    for sidecar in sidecars:
        stem = sidecar.name.removesuffix(".expected.json")
        document = sidecar.with_name(stem)
        if not document.exists():
            document = sidecar.with_name(stem + ".txt")
        if not document.exists():
            continue
        expected = json.loads(sidecar.read_text(encoding="utf-8"))
        posts = tuple(_truth_from_expectation(e) for e in expected.get("entries", []))
        found.append(Fixture(document, expected.get("format", "?"), posts))
    return found


def score_fixture(fixture: Fixture) -> tuple[str, Tally]:
    """The chosen format and tally of one fixture; unmatchable posts pair by position."""
    chosen, parsed = parse_for_scoring(fixture.path.read_bytes(), str(fixture.path))
    return chosen, score(fixture.posts, parsed)
