"""Write :mod:`parsers.dates.names_data` from the locale data ``dateparser`` installs.

Run ``python -m parsers.dates.generate_names`` after upgrading dateparser; the test
``tests/test_date_names.py`` fails when the committed module and the installed data disagree.
This module imports dateparser's data files (not dateparser's parser) and is never imported
by the reader or the parsers at run time.
"""

from __future__ import annotations

import importlib
import sys
import unicodedata
from pathlib import Path

LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "ar", "hi", "ja", "zh", "ko", "tr",
    "pl", "id", "sv", "nb", "da", "fi", "cs", "el", "he", "ro", "hu", "ms", "bn", "fa", "th",
)
"""Languages in order of precedence: when two give one word different months, the first wins.

The languages of the largest news markets (North America, Europe, East and South Asia,
Latin America, the Middle East)."""

MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TARGET = Path(__file__).with_name("names_data.py")


def _word(name: str) -> str | None:
    """A name as the grammar matches it: casefolded, NFC, only letters, marks, ``.``, ``-``.

    Names with digits (``1月``) are left to the numeric CJK date form; names with other
    characters (``(月)``) are left out.
    """
    word = unicodedata.normalize("NFC", name.strip()).casefold().rstrip(".")
    if not word or any(c.isdigit() for c in word):
        return None
    if not all(c.isalpha() or unicodedata.category(c).startswith("M") or c in ".-'" for c in word):
        return None
    return word


def _latin(word: str) -> bool:
    return word.isascii() or "LATIN" in unicodedata.name(word[0], "")


def _shortest(word: str, latin: int) -> int:
    """Latin-script names need ``latin`` letters (``oc`` is no month); ideographs need two."""
    return latin if _latin(word) else 2


def _names(info: dict[str, object], keys: tuple[str, ...], shortest: int) -> tuple[str, ...]:
    out = []
    for key in keys:
        raw = info.get(key) or []
        assert isinstance(raw, list)
        words = dict.fromkeys(w for w in map(_word, raw) if w and len(w) >= _shortest(w, shortest))
        out.append("|".join(words))
    return tuple(out)


def _ampm(info: dict[str, object], key: str) -> str:
    """Am/pm words beyond ``am``/``pm``: other scripts, and German ``vorm.``/``nachm.``."""
    raw = info.get(key) or []
    assert isinstance(raw, list)
    words = dict.fromkeys(
        w
        for w in map(_word, raw)
        if w and w not in ("am", "pm") and (not w.isascii() or len(w) > 3)
    )
    return "|".join(words)


def extract() -> dict[str, dict[str, tuple[str, ...]]]:
    """``{language: {"months": 12 names, "weekdays": 7, "am": (..), "pm": (..)}}``."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for language in LANGUAGES:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{language}")
        info = module.info
        out[language] = {
            "months": _names(info, MONTH_KEYS, 3),
            "weekdays": _names(info, WEEKDAY_KEYS, 2),
            "ampm": (_ampm(info, "am"), _ampm(info, "pm")),
        }
    return out


def render(data: dict[str, dict[str, tuple[str, ...]]]) -> str:
    lines = [
        '"""Month and weekday names by language, from dateparser\'s locale data (generated).',
        "",
        "Written by ``python -m parsers.dates.generate_names``; do not edit by hand. Each entry",
        "holds 12 months (or 7 weekdays, Monday first), each a ``|``-joined list of casefolded",
        "spellings; ``ampm`` holds the am and the pm words beyond ``am``/``pm``.",
        '"""',
        "",
        "NAMES: dict[str, dict[str, tuple[str, ...]]] = {",
    ]
    for language, parts in data.items():
        lines.append(f"    {language!r}: {{")
        for key, values in parts.items():
            lines.append(f"        {key!r}: (")
            lines.extend(f"            {value!r}," for value in values)
            lines.append("        ),")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    TARGET.write_text(render(extract()), encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
