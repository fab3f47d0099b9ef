"""Messages the app's workers post to it (thread-safe: ``post_message``).

They carry engine data (documents, engine events) up to the app, which applies them to the
timeline and updates the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from parsers.model import Problem

if TYPE_CHECKING:  # the engine loads once watching starts
    from tui.engine.grouping import Groups
    from tui.engine.ingest import IngestEvent
    from tui.engine.timeline import Indexed


@dataclass
class DocumentsLoaded(Message):
    """A batch of documents was parsed; ``done`` of ``total`` files are read so far."""

    documents: list[Indexed]
    """Each with its entries' search text."""
    done: int
    total: int


@dataclass
class LoadFinished(Message):
    """Every file given has been read (``total`` files)."""

    total: int


@dataclass
class EngineEvents(Message):
    """One list of events from the tailing engine (:mod:`tui.engine.ingest`)."""

    events: list[IngestEvent]


@dataclass
class WatchStopped(Message):
    """Following the paths failed; ``reason`` says why (the reader stays usable)."""

    reason: str


@dataclass
class StateProblem(Message):
    """Saving the read state failed mid-session (posted from the state store's writer)."""

    problem: Problem


@dataclass
class GroupsFound(Message):
    """The background grouping of near-duplicate posts across pages has new groups."""

    groups: Groups
