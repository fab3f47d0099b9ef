"""Image captions and credits in their common printed forms."""

from __future__ import annotations

import re

from parsers.model import Caption

_CREDIT_WORDS = (
    r"image source|image credit|picture source|photo credit|photograph|photo|picture|pic"
    r"|image|credit|credits|foto|bild|crédit photo|crédit|source photo"
)
# A line that is only a credit: "Image: REUTERS", "Pic: AP", "Photograph: Name/Agency".
_CREDIT_ONLY = re.compile(rf"^(?:{_CREDIT_WORDS})\s*[:,]\s*(?P<credit>\S.{{0,100}})$", re.I)
# "Credit...Name for The Times"
_CREDIT_DOTS = re.compile(r"^credit\s*(?:\.\.\.|…)\s*(?P<credit>\S.{0,100})$", re.I)
# BBC 2022: caption glued to its credit: "Ben WallaceImage source, Reuters".
_GLUED = re.compile(r"\s*Image source,\s*(?P<credit>\S.{0,100})$")
# "… the square. Photograph: Jane Doe/Agency" / "… Pic: AP" at the end of a caption.
_TRAILING = re.compile(
    r"\s(?:Photograph|Photo|Pic|Picture|Image|Credit|Foto)\s*:\s*(?P<credit>[^:]{2,100})$"
)
_AGENCIES = (
    r"AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Getty Images|Shutterstock|PA|PA Media|Anadolu Agency"
    r"|Bloomberg|Xinhua|TASS|Sputnik|dpa|DPA|ANSA|NurPhoto|SOPA Images|Alamy"
)
# "(AP Photo/Name)", "(State Emergency Service of Ukraine/Anadolu Agency/Getty Images)".
_PAREN = re.compile(
    rf"\s*\((?P<credit>(?:AP|AFP|Reuters) Photo[^()]*"
    rf"|[^()]{{0,80}}/(?:{_AGENCIES})[^()]{{0,40}}"
    rf"|[^()]{{0,80}}(?:{_AGENCIES})/[^()]{{1,60}})\)$"
)
# "[Name/Agency]" at the end (Al Jazeera).
_BRACKET = re.compile(r"\s*\[(?P<credit>[^\[\]]{1,60}/[^\[\]]{1,60})\]$")
# "REUTERS/Name", "© Name / AFP"
_AGENCY_LINE = re.compile(
    rf"^(?:©\s*.{{1,60}}/\s*(?:{_AGENCIES})|(?:{_AGENCIES})/[\w .'-]{{2,60}})$"
)

# A bracketed credit on its own line, repeated under a caption: "(AP Photo/Jane Doe)",
# "[File: Jane Doe/AP Photo]".
_CREDIT_ALONE = re.compile(
    rf"^\((?P<credit>(?:AP|AFP|Reuters) Photo[^()]*|[^()]{{0,80}}/(?:{_AGENCIES})[^()]{{0,40}})\)$"
    r"|^\[(?P<bracket>[^\[\]]{1,60}/[^\[\]]{1,60})\]$"
)

CAPTION_MARKER = re.compile(r"^(?:Image caption|Media caption|Caption)\s*,?$", re.I)
"""BBC's visually hidden ``Image caption,`` line: the next paragraph is the caption."""


def credit_only(line: str) -> str | None:
    """The credit, when the whole line is a credit line (``Image: REUTERS``)."""
    line = line.strip()
    if len(line) > 110:
        return None
    match = _CREDIT_ONLY.match(line) or _CREDIT_DOTS.match(line)
    if match:
        return match["credit"].strip()
    if _AGENCY_LINE.match(line):
        return line
    match = _CREDIT_ALONE.match(line)
    if match:
        return (match["credit"] or match["bracket"]).strip()
    return None


def glued_caption(line: str) -> Caption | None:
    """A caption and its credit printed on one line, in any of the known forms."""
    line = line.strip()
    if len(line) > 600:
        return None
    tail_at = max(0, len(line) - 200)
    candidates = []
    if "Image source," in line:
        candidates.append((_GLUED, 0))
    if line.endswith(")"):
        candidates.append((_PAREN, tail_at))
    if line.endswith("]"):
        candidates.append((_BRACKET, tail_at))
    if ":" in line[-110:]:
        candidates.append((_TRAILING, tail_at))
    for pattern, start in candidates:
        match = pattern.search(line, start)
        if match and (match.start() >= 3 or pattern is _GLUED):
            return Caption(line[: match.start()].strip(), match["credit"].strip())
    return None
