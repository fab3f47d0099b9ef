"""Month and weekday names of many languages, as lookups and as compiled-once regex parts.

The names come from :mod:`parsers.dates.names_data` (generated from dateparser's locale data);
accent-free spellings (``fevrier``, ``aout``) are added, and a few transliterations pages use
(``maerz``). Lookups take any case: keys are casefolded.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from parsers.dates.names_data import NAMES

LANGUAGES: tuple[str, ...] = tuple(NAMES)
"""The languages whose names the grammar knows."""

_EXTRA_MONTHS = {"maerz": 3, "sept": 9}
_EXTRA_WEEKDAYS = ("weds", "thur", "thurs", "sat", "satur")
_AMBIGUOUS_WEEKDAYS = frozenset(("die", "tu", "ma", "to", "on", "ti"))
"""Weekday abbreviations that are everyday words (German ``die``, English ``to``)."""


def strip_accents(word: str) -> str:
    """``février`` → ``fevrier`` (combining marks removed)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_UNACCENTED = ("fr", "de", "es", "it", "el")
"""Languages whose pages often drop accents (``fevrier``, ``aout``; Greek capitals drop the
tonos): their names are also matched without them. Elsewhere an accent-free spelling is
another word (``marc``)."""


def _build() -> tuple[dict[str, int], dict[str, int]]:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    plain: dict[str, int] = {}
    plain_days: dict[str, int] = {}
    for language, parts in NAMES.items():
        if language in _UNACCENTED:
            for number, spellings in enumerate(parts["months"], start=1):
                for word in filter(None, spellings.split("|")):
                    plain.setdefault(strip_accents(word), number)
            for number, spellings in enumerate(parts["weekdays"]):
                for word in filter(None, spellings.split("|")):
                    plain_days.setdefault(strip_accents(word), number)
        for number, spellings in enumerate(parts["months"], start=1):
            for word in filter(None, spellings.split("|")):
                months.setdefault(word, number)
        for number, spellings in enumerate(parts["weekdays"]):
            for word in filter(None, spellings.split("|")):
                if word not in _AMBIGUOUS_WEEKDAYS:
                    weekdays.setdefault(word, number)
    for word, number in _EXTRA_MONTHS.items():
        months.setdefault(word, number)
    for word in _EXTRA_WEEKDAYS:
        weekdays.setdefault(word, {"w": 2, "t": 3, "s": 5}[word[0]])
    for table in (months, weekdays):
        # Names printed in capitals: "SALI" casefolds to "sali", not Turkish "salı".
        for word, number in list(table.items()):
            table.setdefault(word.upper().casefold(), number)
    for table, extra in ((months, plain), (weekdays, plain_days)):
        for word, number in extra.items():
            if word not in _AMBIGUOUS_WEEKDAYS:
                table.setdefault(word, number)
    return months, weekdays


MONTH_NAMES, WEEKDAY_NAMES = _build()
"""Casefolded month name → 1-12; weekday name → 0 (Monday) to 6."""


@lru_cache(maxsize=4096)
def month_number(name: str) -> int | None:
    """The month a printed name stands for (``März``, ``Sept.``, ``марта``), or None."""
    word = name.casefold().rstrip(".")
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)
    number = MONTH_NAMES.get(word)
    if number is None and not word.isascii():
        number = MONTH_NAMES.get(strip_accents(word))
    return number


def trie(words: list[str]) -> str:
    """An alternation of ``words`` nested by shared prefixes (``ja(?:n|nuary|…)``).

    The regex engine then tries one branch per first letter instead of every word, which
    makes date search several times faster; longer words come first within a branch.
    """
    if not words:
        return ""
    groups: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    if not groups:
        return ""
    parts = []
    for first in sorted(groups, key=lambda c: (-max(len(w) for w in groups[c]), c)):
        rest = trie(groups[first])
        parts.append(re.escape(first) + (f"(?:{rest})" if rest else ""))
    body = "|".join(parts)
    return f"(?:{body})?" if ends else body


NOT_LETTER_AFTER = r"(?![^\W\d_])"
"""Ends a name: no letter follows (``\\b`` fails after marks such as Devanagari ``॰``)."""


LATIN_END = "\u0370"
"""Characters below this are Latin script (Basic Latin to IPA): see :func:`is_latin`."""


def is_latin(text: str) -> bool:
    """True when ``text`` holds no character of another script (fast: C-level checks)."""
    return text.isascii() or max(text) < LATIN_END
