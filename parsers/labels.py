"""Entry labels (``Breaking``, ``Analysis``...) printed alone on a line or glued to a title."""

from __future__ import annotations

import re

LABELS: dict[str, str] = {
    word.casefold(): word
    for word in (
        "Breaking",
        "Breaking News",
        "Analysis",
        "Key event",
        "Key Event",
        "Pinned",
        "Pinned post",
        "Update",
        "Correction",
        "Explainer",
        "Fact check",
        "Opinion",
        "Comment",
        "Context",
        "Reaction",
        "Watch",
        "Video",
        "Live",
        "Exclusive",
        "Eilmeldung",
        "Analyse",
        "Dernière minute",
        "Urgent",
    )
}
"""Known labels by folded spelling, mapped to their display spelling."""

_GLUED = re.compile(
    r"^(?P<label>Breaking News|Breaking|Analysis|Key event|Pinned|Exclusive|Explainer|Correction"
    r"|Eilmeldung|Analyse)(?P<rest>[A-Z“\"‘'].{2,})$"
)


def label_line(line: str) -> str | None:
    """The label when the whole line is one (``Analysis``)."""
    text = line.strip().rstrip(":")
    if len(text) > 24:
        return None
    return LABELS.get(text.casefold())


def glued_label(title: str) -> tuple[str, str] | None:
    """``BreakingHeathrow strike cancelled`` into ``("Breaking", "Heathrow strike...")``."""
    match = _GLUED.match(title.strip())
    if match is None:
        return None
    return LABELS[match["label"].casefold()], match["rest"]
