"""Fictional live blogs written from independent choices: stamp form × position × page head.

Each page knows its ground truth (titles and times of its posts), so the tests can check
that the separators induced from the page are the ones the page was written with.
"""

from __future__ import annotations

from dataclasses import dataclass

HEADLINES = (
    "Ferries halted at the outer pier",
    "Gale warning upgraded for the coast",
    "Council opens a rest centre",
    "Harbour lights switched off",
    "Rail line closed by fallen trees",
)
BODIES = (
    "The harbour master stopped all sailings this evening and passengers waited inside.",
    "Forecasters raised the warning for the whole coast after the afternoon gusts.",
    "The town hall will stay open overnight for anyone who cannot get home.",
    "Workers shut the lights after a cable came loose, and nobody was hurt.",
    "The operator said buses would replace trains until the line was cleared.",
)
TIMES = ((21, 40), (20, 15), (18, 5), (16, 32), (14, 8))
"""Newest first, as live pages print them."""

FORMS = ("24h", "dotted", "12h", "compact", "zone", "four", "four_zone", "uhr", "dated", "spaced")
POSITIONS = (
    "own", "colon", "dash", "pipe", "space", "suffix", "glued", "plus_frame", "pipe_frame",
    "before", "paren", "end_dash", "end_glued",
)
HEADS = ("plain", "chrome")


def stamp(form: str, hour: int, minute: int) -> str:
    if form == "24h":
        return f"{hour:02d}:{minute:02d}"
    if form == "dotted":
        return f"{hour}.{minute:02d}"
    if form == "12h":
        return f"{hour % 12 or 12}:{minute:02d} p.m." if hour >= 12 else f"{hour}:{minute:02d} a.m."
    if form == "zone":
        return f"{hour:02d}:{minute:02d} GMT"
    if form == "four":
        return f"{hour:02d}{minute:02d}"
    if form == "four_zone":
        return f"{hour:02d}{minute:02d} GMT"
    if form == "compact":
        return f"{hour % 12 or 12}.{minute:02d}{'pm' if hour >= 12 else 'am'}"
    if form == "dated":
        return f"7 May 2024, {hour:02d}:{minute:02d}"
    if form == "spaced":
        return f"{hour}: {minute:02d}"
    return f"{hour:02d}:{minute:02d} Uhr"


def valid(form: str, position: str) -> bool:
    """The combinations real pages print (a bare four-digit number needs a position)."""
    if form == "four":
        return position in ("own", "colon", "dash", "paren", "glued", "end_dash")
    if form == "four_zone":
        return position in ("own", "colon", "dash", "paren")
    if position == "glued":
        return form in ("24h", "dotted", "compact", "dated")
    if position == "end_glued":
        return form in ("24h", "dotted", "zone", "uhr")
    if form == "dated":
        return position not in ("suffix", "paren", "end_dash")
    if form == "uhr":
        return position in ("own", "colon", "dash", "plus_frame", "pipe_frame", "space")
    return True


def post(position: str, text: str, headline: str, body: str) -> list[str]:
    shapes = {
        "own": [text, headline, "", body],
        "colon": [f"{text}: {headline}", "", body],
        "dash": [f"{text} – {headline}", "", body],
        "pipe": [f"{text} | {headline}", "", body],
        "space": [f"{text} {headline}", "", body],
        "suffix": [f"{headline} {text}", "", body],
        "glued": [f"{text}{headline}", body],
        "plus_frame": [f"+++ {text} +++ {headline}", body],
        "pipe_frame": [f"| {text} | {headline}", body],
        "before": [headline, text, body],
        "paren": [f"{headline} ({text})", "", body],
        "end_dash": [f"{headline} – {text}", "", body],
        "end_glued": [f"{headline}{text}", "", body],
    }
    return shapes[position]


TITLE = "Harbour storm live: ferries halted as gales reach the coast"
STANDFIRST = "Sailings stopped and a rest centre opened as the storm arrived on Tuesday"
CHROME = ("Skip to main content", "Menu", "Search", "Coast Herald")
KICKER = "Storm"


def head(kind: str) -> list[str]:
    if kind == "plain":
        return [TITLE, "Tuesday 7 May 2024", ""]
    return [
        *CHROME, KICKER, TITLE, STANDFIRST,
        "Waves break over the harbour wall on Tuesday evening",
        "By Mara Quill and Tobin Ash",
        "Tue 7 May 2024 22.02 BST",
        "Share", "Comments 112", "",
    ]


@dataclass(frozen=True, slots=True)
class Layout:
    """One generated page and what it holds."""

    text: str
    titles: tuple[str, ...]
    times: tuple[tuple[int, int], ...]


def layout(form: str, position: str, head_kind: str = "plain", posts: int = 4) -> Layout:
    lines = head(head_kind)
    for index in range(posts):
        hour, minute = TIMES[index]
        lines += post(position, stamp(form, hour, minute), HEADLINES[index], BODIES[index])
        lines.append("")
    return Layout("\n".join(lines), HEADLINES[:posts], TIMES[:posts])


def combinations() -> list[tuple[str, str, str]]:
    return [
        (form, position, kind)
        for form in FORMS
        for position in POSITIONS
        for kind in HEADS
        if valid(form, position)
    ]
