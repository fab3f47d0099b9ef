"""The words stamps are made of, in one place: zones, am/pm, noon, fillers, time units.

Every handler builds its matchers from these lists (via :mod:`parsers.dates.grammar`), so a
zone known to one module is known to all. Zone words map to IANA names here;
:mod:`parsers.zones` resolves them through the tz database for the date in question.
"""

from __future__ import annotations

from parsers.dates.names_data import NAMES

ZONE_NAMES: dict[str, str] = {
    "gmt": "UTC",
    "utc": "UTC",
    "z": "UTC",
    "greenwich mean time": "UTC",
    "coordinated universal time": "UTC",
    "bst": "Europe/London",
    "british summer time": "Europe/London",
    "uk": "Europe/London",
    "uk time": "Europe/London",
    "london time": "Europe/London",
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "eastern": "America/New_York",
    "eastern time": "America/New_York",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "central time": "America/Chicago",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pacific time": "America/Los_Angeles",
    "cet": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "mez": "Europe/Berlin",
    "mesz": "Europe/Berlin",
    "heure de paris": "Europe/Paris",
    "wet": "Europe/Lisbon",
    "west": "Europe/Lisbon",
    "eet": "Europe/Kyiv",
    "eest": "Europe/Kyiv",
    "kyiv time": "Europe/Kyiv",
    "msk": "Europe/Moscow",
    "moscow time": "Europe/Moscow",
    "ist": "Asia/Kolkata",
    "pkt": "Asia/Karachi",
    "wib": "Asia/Jakarta",
    "jst": "Asia/Tokyo",
    "kst": "Asia/Seoul",
    "hkt": "Asia/Hong_Kong",
    "sgt": "Asia/Singapore",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
    "acst": "Australia/Adelaide",
    "awst": "Australia/Perth",
    "nzst": "Pacific/Auckland",
    "nzdt": "Pacific/Auckland",
    "ast": "Asia/Riyadh",
    "gst": "Asia/Dubai",
    "sast": "Africa/Johannesburg",
    "wat": "Africa/Lagos",
    "eat": "Africa/Nairobi",
    "cat": "Africa/Maputo",
    "brt": "America/Sao_Paulo",
    "art": "America/Argentina/Buenos_Aires",
}
"""Printed zone words (casefolded) to IANA names. Abbreviations that name one side of a DST
pair (EST/EDT, CET/CEST) map to the zone, so the offset is the one in force on that date:
pages print "EST" in July as often as they get it right."""

ZONE_WORDS: list[str] = sorted(ZONE_NAMES, key=len, reverse=True)
"""Every zone word, longest first (for building regexes)."""
ZONE_ABBREVIATIONS: list[str] = [
    w.upper() for w in ZONE_WORDS if " " not in w and len(w) <= 5 and w != "eastern"
]
"""Zone abbreviations as pages print them (upper case only: ``et`` in prose is no zone)."""
LONG_ZONES: list[str] = [w for w in ZONE_WORDS if w.upper() not in ZONE_ABBREVIATIONS]
"""Zone names of several letters or words (matched in any case)."""

HOME_ZONE_WORDS: dict[str, str] = {
    "eastern": "America/New_York",
    "pacific": "America/Los_Angeles",
    "british": "Europe/London",
}
"""Adjectives an ``All times are …`` line uses for a zone."""

AM_WORDS: tuple[str, ...] = ("am", "a.m.", "a. m.", "a.m", "vorm.")
PM_WORDS: tuple[str, ...] = ("pm", "p.m.", "p. m.", "p.m", "nachm.")
"""The Latin-script am/pm spellings (matched in any case)."""


def _script_ampm(index: int) -> list[str]:
    words: list[str] = []
    for parts in NAMES.values():
        for word in filter(None, parts["ampm"][index].split("|")):
            if not word.isascii() and word not in words:
                words.append(word)
    return words


AM_SCRIPT: list[str] = _script_ampm(0)
PM_SCRIPT: list[str] = _script_ampm(1)
"""Am/pm words of other scripts (``午前``, ``오후``, ``مساءً``), from the locale data."""
AMPM_BEFORE: tuple[str, ...] = ("午前", "午後", "上午", "下午", "오전", "오후")
"""Am/pm words printed before the hour (Japanese, Chinese, Korean)."""

NOON_WORDS: tuple[str, ...] = (
    "noon", "midday", "midi", "mittag", "mezzogiorno", "mediodía", "meio-dia",
)
MIDNIGHT_WORDS: tuple[str, ...] = (
    "midnight", "minuit", "mitternacht", "mezzanotte", "medianoche", "meia-noite",
    "middernacht",
)
"""Words for 12:00 and 00:00."""
CLOCK_WORDS: tuple[str, ...] = ("noon", "midnight", "midi", "minuit", "mitternacht")
"""The noon/midnight words read as times inside a stamp (``Mittag`` is a meal as often)."""
WORD_TIME_LINES: frozenset[str] = frozenset((*CLOCK_WORDS, "mittag"))
"""Noon/midnight words that make a stamp line on their own."""

HOUR_WORDS: tuple[str, ...] = ("uhr", "uur", "h", "heures", "heure", "hrs", "hr", "horas")
"""Words after an hour that make it a clock time (``14 Uhr``, ``21h05``, ``0942 hrs``)."""

FILLERS: frozenset[str] = frozenset(
    """uhr uur h hrs published posted at on am um le à a the den der du de local time heure
    locale ortszeit el del""".split()
)
"""Words a stamp line may hold besides the stamp (``Published at 14:31 local time``)."""

ORDINAL_SUFFIXES: tuple[str, ...] = ("st", "nd", "rd", "th", "er", "e", "de", "ste", "º", "ª")
"""After a day number: ``3rd``, ``1er``, ``3e``, ``3de``, ``3º`` (``3.`` is handled apart)."""
DATE_LINKS: tuple[str, ...] = ("de", "of", "di", "du")
"""Between day and month (``3 de marzo``, ``the 3rd of March``)."""

TIME_PREPOSITIONS: tuple[str, ...] = (
    "at", "um", "à", "a", "from", "to", "until", "till", "since", "by", "before", "after",
    "around", "about", "see", "gegen", "vers", "bis", "ab", "seit", "von", "and", "or", "und",
    "et", "between", "zwischen", "entre", "dès", "depuis", "vor", "nach", "is", "was", "of",
)
"""Words that put a following time in prose (``at 9.30pm``), not in separator position."""

EDIT_WORDS: tuple[str, ...] = (
    "updated", "update", "edited", "aktualisiert", "mis à jour", "actualizado", "aggiornato",
)
PAGE_DATE_WORDS: tuple[str, ...] = (
    "first published", "last modified", "last updated", "published", "publié",
    "veröffentlicht", "stand",
)
"""Words that open an edit note / a page date line."""

CAPTURE_WORD = "date"
"""The word of the ``date YYYY-MM-DD`` capture prefix saved pages start with."""
