"""What a format handler is: a name, a cheap content sniff, and a parse into a draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from parsers.draft import DocumentDraft


@dataclass(frozen=True, slots=True)
class Sniff:
    """A handler's claim on a text: how sure it is, and why (for ``parse --explain``)."""

    score: float
    """0 < score <= 1; higher wins. Handlers that do not recognise a text return None."""
    reason: str
    """One line a user can read: which signature was seen."""


class FormatHandler(Protocol):
    """One live-blog layout. Handlers must never raise on any input."""

    name: str
    """Short unique name, used by ``--format`` and shown by ``--explain``."""

    def sniff(self, text: str) -> Sniff | None:
        """Say whether ``text`` looks like this format; cheap, reads the head mostly."""
        ...

    def parse(self, text: str) -> DocumentDraft:
        """Split ``text`` (already decoded and cleaned) into a document draft."""
        ...
