"""Authors from machine-readable sources (feed ``author``/``dc:creator``, JSON-LD ``author``).

Structured sources still write bylines as one string (``Ann Lee and Bo Chan``,
``by Sam Lock (now), Rick Lusk on (#60AZV)``, ``news@example.com (Ann Lee)``). This module
normalises those strings and lets :mod:`parsers.bylines` split them into names, leaving out
organisations (``Reuters``, ``CNN Staff``, ``Example News Agency``, ``AFP``). A name a feed
declares as its author is trusted otherwise: names in any script count, not only capitalised
Latin ones.
"""

from __future__ import annotations

import re

from parsers.bylines import ORGANISATION_WORDS, split_names
from parsers.model import Author

MORE_ORGANISATION_WORDS = frozenset(
    """agence apa ansa anadolu bloomberg dpa efe kyodo pa upi xinhua tass yonhap sputnik
    times herald tribune gazette telegraph independent daily weekly online digital radio tv
    television channel broadcasting broadcaster ltd inc llc plc gmbh corp company group
    editors editorial redaktion rédaction""".split()
)
"""Organisation words beyond :data:`parsers.bylines.ORGANISATION_WORDS`."""

_EMAIL_NAME = re.compile(r"^\s*+[^\s@]++@\S+\s*\(([^()]+)\)\s*$")  # possessive: linear
_EMAIL = re.compile(r"(?<!\S)[^\s@]++@\S+")  # starts at a word only: linear
_BY = re.compile(r"^\s*(?:by|von|par|por|from)\s+", re.IGNORECASE)
_PAREN_NOTE = re.compile(r"\s*\((?:now|earlier|later|updates?|[^()]{0,30}time)\)", re.IGNORECASE)
_TRAILING_ON = re.compile(r"\s+on\s*(?:\(#?[A-Za-z0-9]+\))?\s*$")


def is_organisation(name: str, schema_type: str | None = None) -> bool:
    """True when ``name`` (or its schema.org type) is not a person's name."""
    if schema_type is not None:
        return schema_type.casefold() != "person"
    words = re.findall(r"[\w']+", name.casefold())
    if not words or len(name) > 60 or any(c.isdigit() for c in name):
        return True
    if any(w in ORGANISATION_WORDS or w in MORE_ORGANISATION_WORDS for w in words):
        return True
    return len(words) == 1 and name.isupper()  # "AP", "AFP", "REUTERS"


def byline_names(text: str) -> list[str]:
    """The names in one byline string, in order, organisations included."""
    text = " ".join(text.split())
    match = _EMAIL_NAME.match(text)
    if match:
        text = match.group(1)
    text = _EMAIL.sub("", text)
    text = _BY.sub("", text)
    text = _TRAILING_ON.sub("", _PAREN_NOTE.sub("", text))
    names = []
    for part in re.split(r"\s*;\s*", text):
        names += [name.strip(" .:-–—") for name in split_names(part)]
    return [name for name in names if name]


def people(text: str | None, role: str | None = None) -> list[Author]:
    """The people named in a byline string; organisations are left out.

    A lower-case part after a name is that person's role (``Ann Lee, correspondent``).
    """
    if not text:
        return []
    out: list[Author] = []
    last_was_person = False
    for name in byline_names(text):
        if name[:1].islower():
            if last_was_person and out[-1].role is None:
                out[-1] = Author(out[-1].name, name)
            continue
        last_was_person = not is_organisation(name)
        if last_was_person:
            out.append(Author(name, role))
    return out
