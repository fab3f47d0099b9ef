"""Authors from machine-readable sources (feed ``author``/``dc:creator``, JSON-LD ``author``).

Structured sources still write bylines as one string (``Ann Lee and Bo Chan``,
``by Sam Lock (now), Rick Lusk``, ``news@example.com (Ann Lee)``). This module splits them into
people and leaves out what is clearly an organisation (``Reuters``, ``CNN Staff``, ``BBC News``):
an organisation is not a person.
"""

from __future__ import annotations

import re

from parsers.model import Author

_ORG_WORDS = frozenset(
    "news newsroom staff desk team agency agencies press reuters afp ap apa dpa ansa efe bbc cnn "
    "sky guardian times post herald journal telegraph tribune gazette media ltd inc llc plc gmbh "
    "corp corporation company group editors editorial wire wires service services network "
    "networks online digital radio tv television channel broadcasting associated "
    "redaktion rédaction".split()
)
"""Words that mark a byline as an organisation rather than a person."""

_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\(([^()]+)\)\s*$")
_EMAIL = re.compile(r"\S+@\S+")
_BY = re.compile(r"^\s*(?:by|von|par|from)\s+", re.IGNORECASE)
_PAREN_NOTE = re.compile(r"\s*\((?:now|earlier|later|updates?|[^()]{0,30}time)\)", re.IGNORECASE)
_TRAILING_JUNK = re.compile(r"\s+on\s*\(#?[A-Za-z0-9]+\)\s*$|\s+on\s*$")
_SEPARATORS = re.compile(r"\s*(?:;|,|\band\b|\bund\b|\bet\b|&)\s*")


def is_organisation(name: str, schema_type: str | None = None) -> bool:
    """True when ``name`` (or its schema.org type) shows an organisation, not a person."""
    if schema_type and schema_type.casefold() not in ("person", ""):
        return True
    words = re.findall(r"[\w']+", name.casefold())
    if not words:
        return True
    if any(word in _ORG_WORDS for word in words):
        return True
    return name.isupper() and len(name) > 1 and len(words) == 1


def split_byline(text: str) -> list[str]:
    """The names in one byline string, in order (organisations included)."""
    text = " ".join(text.split())
    match = _EMAIL_NAME.match(text)
    if match:
        text = match.group(1)
    text = _EMAIL.sub("", text)
    text = _BY.sub("", text)
    text = _TRAILING_JUNK.sub("", _PAREN_NOTE.sub("", text))
    names = []
    for part in _SEPARATORS.split(text):
        part = part.strip(" .:-–—")
        if part:
            names.append(part)
    return names


def people(text: str | None, role: str | None = None) -> list[Author]:
    """The people named in a byline string; organisations are left out."""
    if not text:
        return []
    out: list[Author] = []
    last_was_person = False
    for name in split_byline(text):
        if not name[0].isupper() and not name[0].isdigit():
            if last_was_person and out[-1].role is None:  # "Ann Lee, correspondent"
                out[-1] = Author(out[-1].name, name)
            continue
        last_was_person = not is_organisation(name)
        if last_was_person:
            out.append(Author(name, role))
    return out
