"""Regex parts of the stamp grammar, built once from :mod:`parsers.dates.vocabulary`.

These are fragments (strings) for handlers to compose, plus a few compiled matchers shared by
several modules. Every part is linear: alternations of fixed words (prefix tries), bounded
repetitions, no nested quantifiers.

Time forms: ``14:31``, ``14.31``, ``14h31``, ``7: 15`` (a stray space after the colon),
``0942`` (four digits: *weak*, a year or a number in prose, so only for stamp positions),
``8.40am``, ``4:12 p.m.``, ``10 a. m.``, ``14 Uhr``, ``21 h``, ``午後3時``, ``오후 3:30``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator

from parsers.dates.names import (
    LATIN_END,
    MONTH_NAMES,
    NOT_LETTER_AFTER,
    WEEKDAY_NAMES,
    trie,
)
from parsers.dates.names_data import NAMES
from parsers.dates.vocabulary import (
    AM_SCRIPT,
    AMPM_BEFORE,
    CAPTURE_WORD,
    DATE_LINKS,
    HOUR_WORDS,
    LONG_ZONES,
    ORDINAL_SUFFIXES,
    PM_SCRIPT,
    ZONE_ABBREVIATIONS,
)

YEAR = r"(?:19|20)\d\d"
"""A four-digit year of this or the last century."""
YEAR_RE = re.compile(rf"(?<!\d){YEAR}(?!\d)")

HOUR24 = r"(?:[01]?\d|2[0-3])"
HOUR12 = r"(?:1[0-2]|0?[1-9])"
HM = rf"{HOUR24}(?:[:.]|h)[0-5]\d"
"""Hour and minute with a separator: ``14:31``, ``8.40``, ``21h05``."""
HM_SPACED = rf"{HOUR24}(?::\s?|[.h])[0-5]\d"
""":data:`HM` also with a stray space after the colon (``7: 15``)."""
HM_FOUR = r"(?:[01]\d|2[0-3])[0-5]\d"
"""Four digits read as a 24-hour time (``0942``): weak, see the module docstring."""

AMPM_LATIN = r"(?:[ap]\.\s?m\b\.?|[ap]m\b|vorm\.|nachm\.)"
"""``am``, ``a.m.``, ``a. m.``, ``AM``, ``vorm.``/``nachm.`` (use with ``re.IGNORECASE``)."""
AMPM_AFTER = (
    f"(?:{AMPM_LATIN}|(?:{trie(sorted(AM_SCRIPT + PM_SCRIPT))}){NOT_LETTER_AFTER})"
)
"""Any am/pm word that follows the time (Latin, Arabic, Cyrillic, Devanagari…)."""
AMPM_PREFIX = f"(?:{'|'.join(AMPM_BEFORE)})"
"""Am/pm words written before the hour (``午後3時``, ``오후 3:30``, ``下午3点``)."""
PM_PREFIXES = frozenset(("午後", "下午", "오후"))


def is_pm(word: str) -> bool:
    """True when an am/pm word (either alphabet, either side of the hour) means pm."""
    word = word.strip().casefold()
    if word in PM_PREFIXES or word in PM_SCRIPT:
        return True
    return word[:1] == "p" or word.startswith("nachm")


HOUR_WORD = f"(?:{trie(sorted(HOUR_WORDS))})"
"""``Uhr``, ``uur``, ``h``, ``heures``, ``hrs`` after an hour (use with ``re.IGNORECASE``)."""

ZONE_ABBREVIATION = f"(?:{trie(sorted(ZONE_ABBREVIATIONS))})"
"""Upper-case zone abbreviations (``GMT``, ``EET``, ``AEDT``); match case-sensitively."""
LONG_ZONE = f"(?i:{trie(sorted(LONG_ZONES))})"
"""Zone names in words (``Eastern time``, ``heure de Paris``), any case."""
OFFSET = r"(?:(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[+\-−]\d{2}:?\d{2})"
"""A printed offset: ``UTC+1``, ``GMT -05:00``, ``+0200``."""
ZONE = f"(?:{OFFSET}|{LONG_ZONE}|{ZONE_ABBREVIATION})"
"""Any zone: offset, name or abbreviation."""

ORDINAL = f"(?:{'|'.join(ORDINAL_SUFFIXES)})"
"""Ordinal suffixes after a day number (``3rd``, ``1er``, ``3e``, ``3º``)."""
DATE_LINK = rf"(?:(?:{'|'.join(DATE_LINKS)})\s+)"
"""``de``/``of``/``di``/``du`` between day and month."""

_WORD_CHAR = r"[^\s\d.,;:!?()\[\]{}<>/\\|+=\"'“”‘’«»„*#@&%~^$_\-–—]"
NAME_WORD = rf"{_WORD_CHAR}{{1,24}}(?:[-'’]{_WORD_CHAR}{{1,16}})?"
"""A word that may be a month or weekday name in any script (letters and combining marks,
one inner hyphen or apostrophe: ``terça-feira``, ``п'ятниця``). The grammar matches this
shape and then looks the word up in :data:`~parsers.dates.names.MONTH_NAMES`: a small regex,
whatever the number of languages, instead of an alternation of every name."""
_NAME_RE = re.compile(rf"(?<![^\W\d_])({NAME_WORD})(\.?)")


def name_key(word: str) -> str:
    """How a printed name is looked up: casefolded, NFC, without a final dot."""
    if not word.isascii():
        word = unicodedata.normalize("NFC", word).replace("’", "'")
    return word.casefold().rstrip(".")


class NameMatcher:
    """Finds words of a set (weekday names) in text, with the methods of a compiled pattern.

    Latin-script text (most pages) goes through one compiled alternation of the set's
    Latin-script words; other text through a word-shape regex and a set lookup, so the
    non-Latin names cost nothing until a page uses them.
    """

    def __init__(self, names: Collection[str]) -> None:
        self.names = frozenset(names)
        latin = sorted(n for n in self.names if n.isascii() or max(n) < LATIN_END)
        self.latin = re.compile(
            rf"(?i:(?<![^\W\d_])({trie(latin)})(\.?)(?![^\W\d_]))"
        )

    def _looked_up(self, text: str, pos: int) -> Iterator[re.Match[str]]:
        for found in _NAME_RE.finditer(text, pos):
            if name_key(found[1]) in self.names:
                yield found

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        if text.isascii() or max(text, default="a") < LATIN_END:
            return self.latin.finditer(text, pos)
        return self._looked_up(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return next(iter(self.finditer(text, pos)), None)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        found = self.search(text, pos)
        return found if found is not None and found.start() == pos else None

    def sub(self, repl: str, text: str) -> str:
        if text.isascii() or max(text, default="a") < LATIN_END:
            return self.latin.sub(repl, text)
        names = self.names

        def replace(found: re.Match[str]) -> str:
            return repl if name_key(found[1]) in names else found[0]

        return _NAME_RE.sub(replace, text)


WEEKDAY_RE = NameMatcher(WEEKDAY_NAMES)
"""Weekday names, full or abbreviated, in any of the languages (``Tue.``, ``Dienstag``)."""


class _StampStart:
    """A quick test for lines that may be stamp lines: a digit first, or a month, weekday or
    filler word (``Fri 19 Feb…``, ``Published at…``, ``Dienstag, 5. März``).

    A screen before the parser: a word counts when it is a name of any language, or (for the
    languages whose abbreviations pages stretch: ``Thurs``, ``Sept``, ``Mittw.``) starts with
    the first three letters of one of their names.
    """

    _FIRST = re.compile(rf"[\W_]{{0,3}}(?:(\d)|({NAME_WORD})\.?(?:\s|,))")

    def __init__(self, names: Collection[str], stretched: Collection[str]) -> None:
        self.names = frozenset(names)
        self.prefixes = frozenset(n[:3] for n in stretched if len(n) >= 3)

    def match(self, text: str) -> bool:
        found = self._FIRST.match(text)
        if found is None:
            return False
        if found[1]:
            return True
        word = name_key(found[2])
        return word in self.names or (len(word) <= 12 and word[:3] in self.prefixes)


def _names_of(languages: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for language in languages:
        for key in ("months", "weekdays"):
            for spellings in NAMES[language][key]:
                out.update(filter(None, spellings.split("|")))
    return out


_STAMP_WORDS = {"le", "am", "on", "the", "published", "posted"}
STAMP_START = _StampStart(
    {*MONTH_NAMES, *WEEKDAY_NAMES, *_STAMP_WORDS},
    _names_of(("en", "de", "fr", "es", "it", "nl")) - {"die", "tu", "ma"},
)
"""Lines shaped like the start of a stamp line (see :class:`_StampStart`)."""

CJK_DATE = (
    rf"(?:(?P<cy>{YEAR})\s?[年년]\s?)?(?P<cm>1[0-2]|0?[1-9])\s?[月월]\s?(?P<cd>[0-3]?\d)\s?[日일]"
)
"""``2024年3月5日``, ``3月5日``, ``2024년 3월 5일``."""
CJK_TIME = (
    rf"(?P<kh>{HOUR24})\s?[時时시点點]\s?(?:(?P<km>[0-5]?\d)\s?[分분])?"
)
"""``15時30分``, ``3시 30분``, ``3点``."""

CAPTURE_PREFIX_RE = re.compile(
    rf"^\s*{CAPTURE_WORD}\s+(?P<date>{YEAR}-[01]\d-[0-3]\d)(?:T[0-2]\d:[0-5]\d(?::[0-5]\d)?"
    r"(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?(?:\s+|$)"
)
"""The ``date 2024-03-05`` capture prefix some saved pages start with, maybe followed on the
same line by the page's first stamp."""
