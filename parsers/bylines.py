"""Authors and their roles in the positions live blogs print them."""

from __future__ import annotations

import re

from parsers.model import Author

ROLE_NOUNS = frozenset(
    """correspondent correspondents reporter reporters editor editors writer writers journalist
    journalists producer producers presenter presenters analyst analysts columnist columnists
    contributor contributors commentator anchor host researcher photographer photojournalist
    videographer economist chief head director manager staff desk team intern fellow
    korrespondent korrespondentin redakteur redakteurin reporterin autor autorin
    correspondant correspondante envoyé envoyée journaliste rédacteur rédactrice""".split()
)
"""Words that make a line a role (``BBC Brussels correspondent``), never a name."""

ROLE_WORDS = frozenset(
    """news senior chief deputy associate assistant managing executive political politics foreign
    diplomatic security defence defense business economics economy health science technology
    tech sports sport digital international world global europe european us uk national
    investigations investigative breaking live special social media data video audio
    visual graphics home affairs community lead principal contributing staff trainee
    junior bureau middle east africa asia americas china russia moscow washington
    london brussels paris berlin kyiv legal culture arts environment climate
    entertainment weather north south east west""".split()
)
"""Words that may qualify a role noun (``Senior News Reporter``)."""

ORGANISATION_WORDS = frozenset(
    """news agency agencies staff reuters ap afp press associated bbc cnn sky guardian times
    post journal telegraph aljazeera jazeera network media team desk wire service services
    newsroom editorial bureau correspondents reporters""".split()
)

_PARTICLES = frozenset("de da di del della der den van von la le du dos das bin al el ibn".split())
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|[A-Z]\.)$")
_SPLIT_NAMES = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+(?:and|und|et|y|e)\s+|\s*&\s*)\s*")


def is_role(line: str) -> bool:
    """True for a short line that reads as a role or title."""
    words = line.strip().rstrip(".").split()
    if not 1 <= len(words) <= 10 or len(line) > 90:
        return False
    return any(w.casefold().strip(",") in ROLE_NOUNS for w in words)


_ASCII_DIGIT = re.compile(r"[0-9]")
"""The digits ``str.isdigit`` finds in ASCII text (one search instead of a loop per letter)."""


def is_person_name(text: str) -> bool:
    """True for 2-4 capitalised words (particles allowed) that are not a role or outlet."""
    text = text.strip()
    if not 3 <= len(text) <= 48:
        return False
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    if _ASCII_DIGIT.search(text) if text.isascii() else any(c.isdigit() for c in text):
        return False
    capitalised = 0
    for word in words:
        lower = word.casefold()
        if lower in _PARTICLES:
            continue
        if not _NAME_WORD.match(word):
            return False
        if lower in ROLE_NOUNS or lower in ORGANISATION_WORDS:
            return False
        capitalised += 1
    return capitalised >= 2


def split_names(text: str) -> list[str]:
    """``A, B and C`` into ``[A, B, C]``."""
    text = " ".join(text.split())  # single spaces: the split pattern's runs stay short
    return [part.strip() for part in _SPLIT_NAMES.split(text) if part and part.strip()]


def people(text: str) -> list[Author]:
    """The people in a list of names; organisations (``CNN staff``) are left out."""
    return [Author(name) for name in split_names(text) if is_person_name(name)]


def name_and_role(name_line: str, role_line: str) -> Author | None:
    """BBC-style ``Jessica Parker`` / ``BBC Brussels correspondent`` lines."""
    if is_person_name(name_line) and is_role(role_line) and not is_person_name(role_line):
        return Author(name_line.strip(), role_line.strip().rstrip("."))
    return None


_BY = re.compile(
    r"^(?:By|Von|Par|Por|Di)\s+(?P<names>[^,]{3,160}?)(?:,\s*(?P<role>[^,]{2,80}?))?"
    r"(?:,\s*(?:in|at|reporting from|from|en|à|aus|in der|im)\s+(?P<place>[^,]{2,60}))?\.?$"
)
_FROM_CNN = re.compile(
    r"^From\s+(?P<outlet>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:'s|’s)\s+(?P<names>.+?)\.?$"
)


_BYLINE_OPENERS = ("By ", "From ", "Von ", "Par ", "Por ", "Di ")
"""Every form :func:`byline` reads starts with one of these (a cheap first check)."""


def byline(line: str) -> list[Author] | None:
    """People on a byline line, or None when the line is not a byline.

    ``By Siobhan Robbins, Europe correspondent, in Warsaw``, ``By A and B``,
    ``From CNN's A, B and C``. ``From CNN staff`` is a byline with no person in it (``[]``).
    """
    line = line.strip()
    if len(line) > 200 or not line.startswith(_BYLINE_OPENERS):
        return None
    match = _FROM_CNN.match(line)
    if match:
        return people(match["names"])
    if re.fullmatch(r"From [A-Z][\w.]*(?: [A-Z][\w.]*)? staff\.?", line):
        return []
    match = _BY.match(line)
    if match is None:
        return None
    names = split_names(match["names"])
    if not names or not all(is_person_name(n) or _is_organisation(n) for n in names):
        return None
    role = match["role"]
    if role and not is_role(role):
        if match["place"] is None and _is_place(role):
            role = None
        elif not is_role(role):
            return None
    found = [Author(n) for n in names if is_person_name(n)]
    if role and len(found) == 1:
        found = [Author(found[0].name, role.strip())]
    return found


def _is_organisation(text: str) -> bool:
    words = text.casefold().split()
    return bool(words) and any(w in ORGANISATION_WORDS for w in words)


def _is_place(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


def trailer(line: str) -> Author | None:
    """A byline sentence at the end of a story: ``Kieren Williams News Reporter.``"""
    line = line.strip()
    if len(line) > 80:
        return None
    words = line.rstrip(".").split()
    if not 3 <= len(words) <= 9:
        return None
    split = None
    for index, word in enumerate(words):
        lower = word.casefold().strip(",")
        if lower in ROLE_WORDS or lower in ROLE_NOUNS:
            split = index
            break
    if split is None or split < 2:
        return None
    name, role_words = " ".join(words[:split]).rstrip(","), words[split:]
    if not is_person_name(name):
        return None
    if role_words[-1].casefold() not in ROLE_NOUNS:
        return None
    if not all(w.casefold() in ROLE_WORDS or w.casefold() in ROLE_NOUNS for w in role_words):
        return None
    return Author(name, " ".join(role_words))


_LIVE_REPORTING = re.compile(
    r"^(?:live reporting|reporting|edited|compiled|written|updates?)\s+by\s+(?P<names>.{3,300})$",
    re.IGNORECASE,
)
_SHIFT = re.compile(r"\s*\((?:now|earlier|later|until \S+|from \S+)\)\s*", re.IGNORECASE)
_IN_PLACE = re.compile(r"\s+(?:in|at|from)\s+[A-Z][\w'’. -]{1,40}$")


def blog_byline(line: str) -> list[Author] | None:
    """People on a page-level byline line, or None when the line is not one.

    Besides :func:`byline` forms: ``Live reporting by A, with B in Ukraine``, the Guardian's
    shift list ``A (now); B, C and D (earlier)``, and a bare list of two or more names
    (``A, B, C, D``).
    """
    line = line.strip()
    if len(line) > 320:
        return None
    found = byline(line)
    if found is not None:
        return found
    match = _LIVE_REPORTING.match(line)
    text = match["names"] if match else line
    if not match and "(" not in text and ("," not in text and " and " not in text):
        return None
    text = _SHIFT.sub(";", text).replace(" with ", ", ").strip(" ;.")
    names: list[str] = []
    for part in text.split(";"):
        for name in split_names(part):
            name = _IN_PLACE.sub("", name.strip()).strip(" .")
            for joiner in ("with ", "and ", "& "):
                if name.casefold().startswith(joiner):
                    name = name[len(joiner) :]
            if name:
                names.append(name)
    persons = [n for n in names if is_person_name(n)]
    if match:
        return [Author(n) for n in persons]
    if len(persons) >= 2 and len(persons) == len(names):
        return [Author(n) for n in persons]
    return None
