"""Chrome lines found by repetition: short lines a page prints again and again between posts.

``Share``, ``Copy link``, ``Comment ()``, ``View post``, ``Teilen``, ``Partager``... A word list
never knows them all, but the page gives them away: the same short line, recurring at fairly
regular spacing, each time right after a post's last sentence. A line that recurs right after
headlines instead (``Breaking``) is a label, not chrome; see :mod:`parsers.boundaries`.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.blocks import ends_sentence
from parsers.boilerplate import is_boilerplate
from parsers.labels import label_line

MAX_WORDS = 4
MAX_CHARS = 40


def short_line(text: str) -> bool:
    """Short enough to be a button, a tag or a marker (not a sentence)."""
    return len(text) <= MAX_CHARS and len(text.split()) <= MAX_WORDS


def prose(text: str) -> bool:
    """A paragraph that reads as running text: a finished sentence, or long."""
    return ends_sentence(text) or len(text.split()) >= 14


def textual(text: str) -> bool:
    """Body text, even one that lost its final full stop (eight words and more)."""
    return prose(text) or len(text.split()) >= 8


def _post_end(text: str) -> bool:
    """What a post ends with: body text, or a closing credit (``(Jane Doe)``, ``— Jane Doe``)."""
    return textual(text) or (len(text) <= 80 and text.startswith(("(", "—", "–")))


@dataclass(frozen=True, slots=True)
class Repeat:
    """One short line printed several times on the page."""

    text: str
    """The line (as printed the first time)."""
    positions: tuple[int, ...]
    """Paragraph indexes where it stands."""
    after_prose: int
    """Occurrences right after a prose paragraph."""
    before_prose: int
    """Occurrences right before a prose paragraph."""

    @property
    def regularity(self) -> float:
        """1 for evenly spaced occurrences, towards 0 for bunched ones."""
        gaps = [b - a for a, b in zip(self.positions, self.positions[1:], strict=False)]
        if not gaps:
            return 0.0
        mean = sum(gaps) / len(gaps)
        if mean < 2:
            return 0.0  # side by side: a list, not a line between posts
        spread = (sum((g - mean) ** 2 for g in gaps) / len(gaps)) ** 0.5
        return max(0.0, 1.0 - spread / mean)


def repeats(paras: list[str], least: int = 2) -> list[Repeat]:
    """Short lines that occur at least ``least`` times, each with its neighbours' shape."""
    where: dict[str, list[int]] = {}
    first: dict[str, str] = {}
    for index, paragraph in enumerate(paras):
        if not short_line(paragraph) or ends_sentence(paragraph.rstrip(":")):
            continue
        key = paragraph.casefold()
        where.setdefault(key, []).append(index)
        first.setdefault(key, paragraph)
    out = []
    for key, positions in where.items():
        if len(positions) < least:
            continue
        after = sum(1 for i in positions if i and _post_end(paras[i - 1]))
        before = sum(1 for i in positions if i + 1 < len(paras) and prose(paras[i + 1]))
        out.append(Repeat(first[key], tuple(positions), after, before))
    return out


def closing_chrome(paras: list[str]) -> set[str]:
    """The folded texts of repeated lines that close posts (chrome), by the page's evidence.

    A known chrome line (:func:`~parsers.boilerplate.is_boilerplate`) counts from two
    occurrences; an unknown one needs three, evenly spaced, mostly right after prose, and
    must not read as a label, or it needs to close the page too (a last post's button).
    """
    found: set[str] = set()
    last = len(paras) - 1
    for repeat in repeats(paras):
        key = repeat.text.casefold()
        count = len(repeat.positions)
        if is_boilerplate(repeat.text):
            found.add(key)
            continue
        if label_line(repeat.text) is not None:
            continue
        closes_page = repeat.positions[-1] >= last - 1
        if (
            count >= 3
            and repeat.after_prose * 3 >= count * 2
            and repeat.regularity >= 0.3
            and (closes_page or repeat.before_prose < repeat.after_prose)
        ):
            found.add(key)
    return found
