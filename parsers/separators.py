"""Where entries start in stamp-separated text: the line screen and the separator choice.

:func:`scan` classifies each line once, cheaply (length and first/last-character checks
before any regex; :func:`parsers.timestamps.parse_stamp` only for lines shaped like stamps):

``own``       the whole line is a stamp (fillers such as ``Uhr``, ``published at``, a weekday
              allowed); a date-only line is a day-group header candidate instead;
``lead``      the line starts with a stamp and a ``:``/dash separator: ``8.40am: It's…``;
``glued``     a stamp glued to a capitalised title: ``14:31Scholz arrives``;
``suffix``    a title ending in a stamp: ``Scholz arrives 14:31``, ``…published at 13:11 GMT``;
``epoch``     a Unix epoch glued to the start or end of a title;
``relative``  only when nothing else separates the posts: ``17 hr 44 min ago`` lines;
``space``     a stamp then its headline or first sentence after a plain space:
              ``14:31 Scholz arrives``, ``10:15 a.m. The minister said…``.

Framed lines (``+++ 14:31 +++ Headline``, ``| 14:31 | Headline``) are read inside their frame
and marked ``frame``; a stamp in parentheses closing a headline (``Scholz arrives (0942 GMT)``)
is a ``suffix`` marked ``paren``; four-digit stamps (``0942:``) have the form ``4-digit``.

It also notes relative lines (``1h ago``), edit notes (``Updated at 19.47 GMT``) and page date
lines (``First published on …``). :mod:`parsers.signatures` then weighs the evidence for each
position signature and keeps the separators that really start entries in this document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from parsers.blocks import ends_sentence
from parsers.dates.grammar import (
    AMPM_LATIN,
    HM,
    LONG_ZONE,
    OFFSET,
    STAMP_START,
    ZONE_ABBREVIATION,
)
from parsers.dates.match_minutes import match_minute
from parsers.dates.relative import EPOCH_GLUED_RE, RELATIVE_ENDS, RELATIVE_FIRST
from parsers.dates.vocabulary import (
    EDIT_WORDS,
    FILLERS,
    PAGE_DATE_WORDS,
    TIME_PREPOSITIONS,
    WORD_TIME_LINES,
    ZONE_WORDS,
)
from parsers.timestamps import RELATIVE_RE, WEEKDAY_RE, Stamp, parse_stamp

# Separator kinds (see the module docstring).
OWN = "own"
LEAD = "lead"
GLUED = "glued"
SUFFIX = "suffix"
EPOCH = "epoch"
RELATIVE = "relative"
SPACE = "space"

# Forms of the clock a separator printed.
FORM_HM = "h:mm"
FORM_HOUR = "hour"
FORM_FOUR = "4-digit"
FORM_DATED = "dated"
FORM_MATCH = "match minute"

# --- vocabulary: every word list comes from parsers.dates (one copy for all handlers) ---
_ZONES = f"{OFFSET}|{ZONE_ABBREVIATION}"
"""A printed zone after a clock: an offset (``UTC+2``, ``+0200``) or an abbreviation."""
_HM = HM
_AMPM = rf"\s?(?i:{AMPM_LATIN})"
_ANY_ZONE = f"{_ZONES}|{LONG_ZONE}"
_LEAD_RE = re.compile(
    rf"^(?P<stamp>{_HM}(?:{_AMPM})?(?:\s?(?i:uhr)\b)?(?:\s(?:{_ANY_ZONE})\b)?"
    rf"|(?:1[0-2]|0?[1-9]){_AMPM}|(?:[01]?\d|2[0-3])\s?(?i:uhr)\b)"
    r"\s*(?::|\s[-–—|])\s*(?P<rest>\S.*)$"
)
_GLUED_RE = re.compile(
    rf"^(?P<stamp>{_HM}(?:{_AMPM})?(?:\s?(?:{_ZONES})(?=[A-Z]))?)"
    r"(?P<rest>[A-ZÀ-ÖØ-Þ\"“‘'„«][^\n]{3,})$"
)
_EPOCH_RE = EPOCH_GLUED_RE
_OWN_START = STAMP_START
_DIGIT = re.compile(r"\d")
_RELATIVE_ENDS = RELATIVE_ENDS
_WORD_TIMES = WORD_TIME_LINES
_WORD_TIME_LONGEST = max(map(len, WORD_TIME_LINES))
"""No longer line can be one (case folding never shortens text): skips a casefold per line."""
_WORDS = re.compile(r"[^\W\d_]+")
_FILLERS = FILLERS
_SUFFIX_ENDS = tuple(
    dict.fromkeys(
        (
            "gmt", "bst", "utc", "uhr", "uur", "am", "pm", "a.m.", "p.m.", " et", "edt", "est",
            "time", "cet", "mez", "ist",
            *(f" {w}" if len(w) <= 3 else w[-4:] for w in ZONE_WORDS if len(w) > 1),
        )
    )
)
"""How a title that ends in a stamp may end (zone words, am/pm, ``Uhr``), last 4 chars."""
_SUFFIX_LAST = frozenset(c for end in _SUFFIX_ENDS for c in (end[-1].lower(), end[-1].upper()))
"""Last characters of the words in :data:`_SUFFIX_ENDS`."""
_SUFFIX_CONNECTOR = re.compile(
    r"(?:\s*[-–—|,(\[]\s*|\s*(?:published|posted)(?:\s+(?:at|on))?\s*|\s+)$", re.IGNORECASE
)
_PROSE_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(TIME_PREPOSITIONS)})|[(\[,;:])$",
    re.IGNORECASE,
)
EDIT_RE = re.compile(
    rf"^(?:{'|'.join(EDIT_WORDS)})\b\s*(?:at|on|am|um|le|à)?\s*:?\s*"
    r"(?P<stamp>\S.{2,60})$",
    re.IGNORECASE,
)
"""An edit note: ``Updated at 19.47 GMT`` (the entry's edit time, never a new entry)."""
PAGE_DATE_RE = re.compile(
    rf"^(?:{'|'.join(PAGE_DATE_WORDS)})"
    r"\b\s*(?:on|at|am|le|:)?\s*(?P<stamp>\S.{2,80})$",
    re.IGNORECASE,
)
"""A page date line: ``First published on Fri 19 Feb 2021 17.20 GMT``, ``Stand: …``."""
_SOURCE_AFTER = re.compile(r"^\s*(?:-|–|—)?\s*source\b", re.IGNORECASE)
_SPACE_RE = re.compile(
    rf"^(?P<stamp>{_HM}(?:{_AMPM})?(?:\s?(?i:uhr)\b)?(?P<zone>\s(?:{_ZONES})\b)?)"
    r"\s+(?P<rest>\S.*)$"
)
"""A stamp and its headline (or first sentence) after a plain space: ``14:31 Scholz…``."""
_FOUR_RE = re.compile(
    rf"^(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?:\s?(?P<z>{_ZONES})\b)?"
    r"(?:\s*(?::|\s[-–—|])\s*(?P<rest>\S.*))?$"
)
"""A four-digit stamp: ``0942: …``, ``0942 GMT – …`` (or the whole of ``0942 GMT``)."""
_FOUR_GLUED_RE = re.compile(r"^(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?P<rest>[A-ZÀ-ÖØ-Þ][^\n]{3,})$")
"""A four-digit stamp glued to its headline: ``0206Der Landrat sagte…``."""
_GLUED_SUFFIX_RE = re.compile(
    rf"(?<=[^\W\d_]){_HM}(?:{_AMPM})?(?:\s?(?i:uhr)\b)?(?:\s(?:{_ZONES})\b)?$"
)
"""A stamp glued to the last word of its headline: ``…argini11:32 Uhr`` (on a bounded tail)."""
_AMPM_GLUED_RE = re.compile(rf"^(?P<stamp>{_HM}\s?[ap]\.?m\.?)(?P<rest>[A-ZÀ-ÖØ-Þ][^\n]{{3,}})$")
"""A 12-hour stamp glued to its headline: ``10.03pmLa préfète…`` (``\b`` cannot end ``pm``)."""
_SPACED_CLOCK = re.compile(r"(?<![\d:.])([01]?\d|2[0-3]): (?=[0-5]\d(?!\d))")
"""The stray space of ``7: 15``, between an hour and its minutes."""
_CLOCKISH = re.compile(r"\d(?:[:.h]\s?[0-5]\d|\s?[apAP]\.?[mM])")
"""Something like a time of day (``14:31``, ``9.40``, ``21h05``, ``10am``)."""
_REST_START = frozenset("\"“‘'„«(")
"""Characters a headline may start with besides a capital letter."""


@dataclass(slots=True)
class Separator:
    """A line where an entry starts, and what the line said."""

    line: int
    kind: str
    stamp: Stamp | None = None
    epoch: float | None = None
    title: str | None = None
    """Title text sharing the line (glued, suffix and epoch forms)."""
    rest: str | None = None
    """Text after a ``lead`` stamp's separator."""
    has_minutes: bool = True
    frame: bool = False
    """Printed inside a ``+++``/``|`` frame."""
    paren: bool = False
    """A ``suffix`` stamp in parentheses: ``Title (0942 GMT)``."""
    form: str = FORM_HM
    label: str | None = None
    """A match minute (``45+2'``): where in the match the post belongs, kept as a label."""
    """How the clock was printed: ``h:mm``, an hour only (``10am``) or ``4-digit``."""


@dataclass(slots=True)
class Scan:
    """What the line screen found in a text."""

    separators: list[Separator] = field(default_factory=list)
    day_stamps: dict[int, Stamp] = field(default_factory=dict)
    """Day-group header lines (a date alone on a line) and what they state."""
    relatives: set[int] = field(default_factory=set)
    edits: dict[int, Stamp] = field(default_factory=dict)
    page_dates: set[int] = field(default_factory=set)


_FAST_TIME = re.compile(
    r"^(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:\s?(?P<ap>[aApP])\.?\s?[mM]\.?)?"
    rf"(?:\s?(?P<z>{_ZONES})|\s?(?i:uhr|uur|h))?$"
)


@lru_cache(maxsize=8192)
def fast_time(text: str) -> Stamp | None:
    """The common stamp lines (``19.30 GMT``, ``17:52``, ``4:12 p.m.``) without the full parser."""
    match = _FAST_TIME.match(text)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["m"])
    twelve = match["ap"] is not None
    if twelve:
        if not 1 <= hour <= 12:
            return None
        pm = match["ap"] in "pP"
        hour = (12 if pm else 0) if hour == 12 else hour + (12 if pm else 0)
    return Stamp(0, len(text), hour, minute, zone=match["z"], twelve_hour=twelve)


@lru_cache(maxsize=8192)
def own_stamp(text: str) -> Stamp | None:
    """The stamp when the whole line is one (with allowed fillers), else None."""
    fast = fast_time(text)
    if fast is not None:
        return fast
    stamp = parse_stamp(text)
    if stamp is None:
        return None
    leftover = f"{text[: stamp.start]} {text[stamp.end :]}"
    if any(c.isdigit() for c in leftover):
        return None
    leftover = WEEKDAY_RE.sub(" ", leftover)
    for word in _WORDS.findall(leftover):
        if word.casefold() not in _FILLERS:
            return None
    return stamp


@lru_cache(maxsize=8192)
def _suffix(text: str) -> tuple[str, Stamp] | None:
    """``Title 14:31`` / ``Titlepublished at 13:11 GMT 21 February 2022`` split apart."""
    space = text.rfind(" ")
    stamp = fast_time(text[space + 1 :]) if space > 0 else None
    if stamp is None and space > 2 and len(text) - space == 5 and text[space - 1] in "–—-|":
        # "Title – 0844": four digits only after a dash or a bar, never after prose.
        stamp = four_digit(text[space + 1 :])
    if stamp is not None:
        tail_start = space + 1
        tail = text[tail_start:]
    else:
        tail_start = max(0, len(text) - 60)
        tail = text[tail_start:]
        stamp = parse_stamp(tail)
        if stamp is None:
            # "Via libera per i treni00:16 BST": the stamp glued to the headline's last word.
            glued = _GLUED_SUFFIX_RE.search(text, max(0, len(text) - 30))
            if glued is not None:
                tail_start, tail = glued.start(), glued.group(0)
                stamp = fast_time(tail) or parse_stamp(tail)
    if stamp is None or not stamp.has_time or stamp.end < len(tail.rstrip(" .)]")):
        return None
    # The stamp must own everything from its start to the end of the line.
    head = text[: tail_start + stamp.start]
    if len(head) < 3 or head[-1].isdigit():
        return None
    connector = _SUFFIX_CONNECTOR.search(head)
    title = head[: connector.start()] if connector else head
    if not title or _PROSE_BEFORE.search(title.rstrip()):
        return None
    # "…published at 12:03": the connector makes it a stamp even after a full stop.
    if ends_sentence(title) and not (connector and connector.group(0).strip()[:1] in "pP"):
        return None
    if len(title.split()) > 25:
        return None
    return title.strip(), stamp


def _digit_first(text: str, index: int, found: Scan) -> bool:
    """Classify a line that starts with a digit; True when it was taken."""
    seps = found.separators
    match = _LEAD_RE.match(text)
    if match is not None:
        rest = match["rest"]
        stamp = fast_time(match["stamp"]) or parse_stamp(match["stamp"])
        # A headline may start with a digit when the stamp carries a zone: "14:31 GMT: 3 …".
        if not rest[0].isdigit() or (stamp is not None and stamp.zone):
            if stamp is not None and not _SOURCE_AFTER.match(rest):
                minutes = any(c in match["stamp"] for c in ":.h")
                form = FORM_HM if minutes else FORM_HOUR
                seps.append(
                    Separator(index, LEAD, stamp, rest=rest, has_minutes=minutes, form=form)
                )
                return True
            return False
    four = (
        _FOUR_RE.match(text)
        if len(text) == 4 or (len(text) > 4 and text[4] in " :-–—|GBUCEMPIJA")
        else None
    )
    if four is not None and (four["rest"] is None or not four["rest"][0].isdigit()):
        stamp = Stamp(0, len(text), int(four["h"]), int(four["m"]), zone=four["z"])
        if four["rest"] is not None:
            seps.append(Separator(index, LEAD, stamp, rest=four["rest"], form=FORM_FOUR))
        else:
            seps.append(Separator(index, OWN, stamp, form=FORM_FOUR))
        return True
    match = _GLUED_RE.match(text)
    if match is not None:
        stamp = fast_time(match["stamp"]) or parse_stamp(match["stamp"])
        if stamp is not None:
            seps.append(Separator(index, GLUED, stamp, title=match["rest"]))
            return True
    match = _AMPM_GLUED_RE.match(text) if len(text) > 8 else None
    if match is not None:
        stamp = fast_time(match["stamp"]) or parse_stamp(match["stamp"])
        if stamp is not None:
            seps.append(Separator(index, GLUED, stamp, title=match["rest"]))
            return True
    match = _FOUR_GLUED_RE.match(text) if len(text) > 8 and text[4].isupper() else None
    if match is not None:
        stamp = Stamp(0, 4, int(match["h"]), int(match["m"]))
        seps.append(Separator(index, GLUED, stamp, title=match["rest"], form=FORM_FOUR))
        return True
    size = len(text)
    if size > 10 and text[9].isdigit() and text[0] == "1":
        epoch = _EPOCH_RE.match(text)
        if epoch is not None and epoch["e1"] and not epoch["rest1"][0].isspace():
            seps.append(Separator(index, EPOCH, epoch=float(epoch["e1"]), title=epoch["rest1"]))
            return True
    if size <= 70:
        stamp = own_stamp(text)
        if stamp is not None:
            _add_own(found, index, stamp)
            return True
    match = _SPACE_RE.match(text) if size <= 400 else None
    if match is not None:
        rest = match["rest"]
        first = rest[0]
        if first.isupper() or first in _REST_START or (first.isdigit() and match["zone"]):
            stamp = fast_time(match["stamp"]) or parse_stamp(match["stamp"])
            if stamp is not None and stamp.has_time:
                seps.append(Separator(index, SPACE, stamp, rest=rest))
                return True
    if size <= 200 and _dated_lead(text, index, found):
        return True
    return _match_lead(text, index, found)


def _match_lead(text: str, index: int, found: Scan) -> bool:
    """A match minute opening a line (``45+2': Goal!``, ``67 min``): no clock time."""
    minute = match_minute(text) if len(text) <= 400 else None
    if minute is None:
        return False
    rest = minute.rest
    if rest is not None and not (rest[0].isupper() or rest[0] in _REST_START):
        return False
    kind = LEAD if rest else OWN
    found.separators.append(
        Separator(index, kind, None, rest=rest, form=FORM_MATCH, label=minute.label)
    )
    return True


def _dated_lead(text: str, index: int, found: Scan) -> bool:
    """A dated stamp opening a line, then its headline: ``7 May 2024, 14:31: Title``.

    After ``:``/a dash/``|`` it is a ``lead``, after a space a ``space``, with nothing
    between a ``glued`` stamp (``December 8, 2022, 10:04 a.m.Closer watch…``).
    """
    if _CLOCKISH.search(text, 0, 60) is None:
        return False  # no time of day near the start: prose (a cheap test before the grammar)
    stamp = parse_stamp(text[:80])
    if stamp is None or not stamp.has_time or not stamp.has_date:
        return False
    if stamp.start and WEEKDAY_RE.sub("", text[: stamp.start]).strip(" ,"):
        return False
    rest = text[stamp.end :]
    stripped = rest.lstrip()
    if stripped[:1] in (":", "–", "—", "-", "|") and stripped[:1]:
        body, kind = stripped[1:].lstrip(), LEAD
    elif rest[:1].isspace():
        body, kind = stripped, SPACE
    else:
        body, kind = rest, GLUED
    if len(body) < 4 or not (body[0].isupper() or body[0] in _REST_START):
        return False
    if kind == GLUED:
        found.separators.append(Separator(index, GLUED, stamp, title=body, form=FORM_DATED))
    else:
        found.separators.append(Separator(index, kind, stamp, rest=body, form=FORM_DATED))
    return True


def four_digit(text: str) -> Stamp | None:
    """``0942`` or ``0942 GMT`` as a stamp (the whole text), else None."""
    match = _FOUR_RE.match(text)
    if match is None or match["rest"] is not None:
        return None
    return Stamp(0, len(text), int(match["h"]), int(match["m"]), zone=match["z"])


def _paren_suffix(text: str) -> tuple[str, Stamp, str] | None:
    """``Scholz arrives (0942 GMT)``: a headline closed by a stamp in parentheses."""
    open_at = text.rfind("(", max(0, len(text) - 32))
    if open_at < 3:
        return None
    inner = text[open_at + 1 : -1].strip()
    stamp = fast_time(inner)
    form = FORM_HM
    if stamp is None:
        stamp, form = four_digit(inner), FORM_FOUR
        if stamp is None:
            return None
    title = text[:open_at].strip()
    if not title or ends_sentence(title) or _PROSE_BEFORE.search(title):
        return None
    if len(title.split()) > 25:
        return None
    return title, stamp, form


def _add_own(found: Scan, index: int, stamp: Stamp) -> None:
    """A stamp alone on its line: a separator if it has a time, else a day header."""
    if stamp.has_time:
        found.separators.append(Separator(index, OWN, stamp))
    else:
        found.day_stamps[index] = stamp


def scan(lines: list[str], enough: int | None = None) -> Scan:
    """Screen every line for stamps in separator position, day headers, edits and relatives.

    Prose lines fall through a few length and first/last-character checks; only lines shaped
    like stamps reach a regex. With ``enough``, stop once that many separator candidates are
    found (for sniffing).
    """
    found = Scan()
    seps = found.separators
    framed: set[int] = set()
    limit = len(lines) + 1 if enough is None else enough
    for index, raw in enumerate(lines):
        if not raw:
            continue
        if len(seps) >= limit:
            break
        text = raw.strip()
        if not text:
            continue
        if len(text) <= 200 and ": " in text:
            colon = text.find(": ")
            while colon > 0 and not text[colon - 1].isdigit():
                colon = text.find(": ", colon + 2)
            if colon > 0:
                text = _SPACED_CLOCK.sub(r"\1:", text)  # "11: 43" is read as "11:43"
        if text[0] == "+" and text.startswith("++"):
            # Tickers: "+++ 14:31 Uhr: Scholz trifft Macron +++", "+++ 14:31 +++ Scholz".
            text = text.strip("+ ")
            if not text:
                continue
            framed.add(index)
            cut = text.find("++", 0, 40)
            if cut > 0:
                text = f"{text[:cut].rstrip()}: {text[cut:].lstrip('+ ')}"
        elif text[0] == "|" and len(text) > 6 and "|" in text[2:60]:
            # "| 14:31 | Scholz trifft Macron |"
            text = text.strip("| ")
            framed.add(index)
        size = len(text)
        first = text[0]
        if size > 200 and not first.isdigit():
            continue
        if first.isdigit():
            if size <= 40:
                stamp = fast_time(text)
                if stamp is not None:
                    seps.append(Separator(index, OWN, stamp))
                    continue
                if text.endswith(("ago", "now", " fa", "geleden")) and RELATIVE_RE.match(text):
                    found.relatives.add(index)
                    continue
            if _digit_first(text, index, found):
                continue
        elif size <= 200 and (
            (_DIGIT.search(text, 0, 40) and _OWN_START.match(text))
            or (size <= _WORD_TIME_LONGEST and text.casefold() in _WORD_TIMES)
        ):
            stamp = own_stamp(text) if size <= 70 else None
            if stamp is not None:
                _add_own(found, index, stamp)
                continue
            if _dated_lead(text, index, found):
                continue
        if size <= 32 and (text.endswith(_RELATIVE_ENDS) or first in RELATIVE_FIRST):
            if RELATIVE_RE.match(text):
                found.relatives.add(index)
                continue
        has_digit = size <= 120 and _DIGIT.search(text) is not None
        if has_digit and size <= 90 and first in "UuEeAaMm":
            match = EDIT_RE.match(text)
            if match is not None:
                stamp = parse_stamp(match["stamp"])
                if stamp is not None and stamp.has_time:
                    found.edits[index] = stamp
                    continue
        if has_digit and first in "FfLlPpVvSs":
            match = PAGE_DATE_RE.match(text)
            if match is not None and parse_stamp(match["stamp"]) is not None:
                found.page_dates.add(index)
                continue
        if 8 <= size <= 200:
            last = text[-1]
            if last == ")" and text[-2] != "(" and (paren := _paren_suffix(text)) is not None:
                title, stamp, form = paren
                seps.append(Separator(index, SUFFIX, stamp, title=title, paren=True, form=form))
                continue
            if last.isdigit() and size > 14 and text[-10:].isdigit() and not text[-11].isdigit():
                epoch = _EPOCH_RE.match(text)
                if epoch is not None and epoch["e2"]:
                    rest = epoch["rest2"]
                    if rest and not rest[-1].isspace():
                        seps.append(Separator(index, EPOCH, epoch=float(epoch["e2"]), title=rest))
                        continue
            if (
                last.isdigit()
                or (last in ")]" and text[-2].isdigit())
                or (last in _SUFFIX_LAST and text[-4:].casefold().endswith(_SUFFIX_ENDS))
            ):
                split = _suffix(text)
                if split is not None:
                    title, stamp = split
                    form = FORM_FOUR if text.rsplit(" ", 1)[-1].isdigit() else FORM_HM
                    seps.append(Separator(index, SUFFIX, stamp, title=title, form=form))
    if framed:
        for sep in seps:
            sep.frame = sep.line in framed
    return found


def stamp_minutes(stamp: Stamp) -> int:
    """Minutes after midnight of a stamp's time (0 when it has none)."""
    return (stamp.hour or 0) * 60 + (stamp.minute or 0)


def select(found: Scan, lines: list[str]) -> list[Separator]:
    """The separators that really start entries (see :func:`parsers.signatures.induce`)."""
    from parsers.signatures import induce  # signatures builds on this module

    return induce(found, lines).chosen
