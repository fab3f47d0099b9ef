"""Messages the loading worker posts to the app (thread-safe: ``post_message``)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from parsers.model import Document


@dataclass
class DocumentsLoaded(Message):
    """A batch of documents was parsed; ``done`` of ``total`` files are read so far."""

    documents: list[Document]
    done: int
    total: int


@dataclass
class LoadFinished(Message):
    """Every file given has been read (``total`` files)."""

    total: int
