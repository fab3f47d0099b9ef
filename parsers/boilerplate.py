"""Page chrome that is dropped, never promoted to an entry (FORMATS.md §5).

Each pattern matches a whole line (after trimming). Dropped lines are kept in
``DocumentDraft.dropped`` so nothing disappears silently.
"""

from __future__ import annotations

import re

_LINES = (
    r"show key events only(?:\s*please turn on javascript to use this feature)?",
    r"please turn on javascript to use this feature",
    r"live feed",
    r"key events",
    r"share(?: this(?: (?:article|post|story))?)?:?",
    r"share on (?:facebook|twitter|x|whatsapp|linkedin|email)",
    r"reuse this content",
    r"explore more on these topics",
    r"most viewed",
    r"continue reading\s*(?:\.\.\.|…)?",
    r"copy link",
    r"link copied!?",
    r"sort by:?",
    r"latest\s*sort by latest\s*oldest\s*sort by oldest",
    r"sort by\s*latest\s*oldest",
    r"\d+ posts?",
    r"\d+ new updates?",
    r"why you can trust sky news",
    r"listen to .{1,120} while you scroll\.?",
    r"watch: .{0,160}",
    r"having connection issues\? .{0,120}",
    r"want to help\? .{0,200}",
    r"our live coverage (?:has moved|of .{1,80} has (?:moved|ended)).{0,160}",
    r"go here for the latest\.?",
    r"recommended videos?",
    r"full screen",
    r"\d{1,3} / \d{1,3}",
    r"copyright \d{4} the associated press\. all rights reserved\.?",
    r"follow ap'?s coverage (?:at|of) .{1,160}",
    r"_{3,}|-{3,}|\*{3,}|={3,}",
    r"here are the latest updates:?",
    r"end of list",
    r"source: al jazeera and news agencies",
    r"read the full story here.{0,40}",
    r"leave a (?:reply|comment)",
    r"your email address will not be published\.?(?: required fields are marked \*)?",
    r"required fields are marked \*",
    r"videoplayer",
    r"tmg\.video\.placeholder.{0,200}",
    r"image",
    r"advertisement",
    r"skip (?:to content|advert(?:isement)?|past .{1,40})",
    r"auto update:.{0,40}",
    r"view more on (?:twitter|x|instagram|facebook|youtube)",
    r"load (?:more|earlier|older) (?:posts|updates|entries)?",
    r"show (?:more|fewer)",
    r"loading\.\.\.",
    r"related topics",
    r"more on this story",
    r"back to top",
    r"print this page",
    r"\d{1,2}:\d{2}\s*-\s*source:\s*.{1,40}",
    r"(?:[\w.-]{2,40}\s+)?(?:©|\(c\)|copyright)\s*(?:\d{4}\s+)?.{0,100}"
    r"(?:limited|ltd|inc|llc|gmbh|all rights reserved)\.?(?:\s*\d{4})?\.?",
)

BOILERPLATE_RE = re.compile(r"(?:" + "|".join(_LINES) + r")", re.IGNORECASE)

_HEADINGS = re.compile(
    r"(?:in )?summary|key (?:points|events|developments)|what we (?:know|covered)"
    r"|where things stand|the latest|highlights|zusammenfassung|das wichtigste|l'essentiel",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """True when the whole (trimmed) line is page chrome."""
    line = line.strip()
    if not line or len(line) > 220:
        return False
    return BOILERPLATE_RE.fullmatch(line) is not None


def is_summary_heading(line: str) -> bool:
    """True for a heading that introduces summary bullets (``Summary``, ``Key points``)."""
    line = line.strip().rstrip(":")
    return len(line) <= 40 and _HEADINGS.fullmatch(line) is not None
