"""liveblog's parsing core: saved live blogs in, typed documents and entries out.

This package must not import Textual or Rich; a test checks it.
"""

from typing import TYPE_CHECKING

from parsers.model import (
    Author,
    Caption,
    Document,
    Entry,
    Precision,
    Problem,
    Source,
    TimeOfDay,
    Timestamp,
    ZoneBasis,
)

if TYPE_CHECKING:  # the real signatures, for type checkers; loaded lazily at run time
    from parsers.read import (
        expand_paths,
        explain,
        is_ignored,
        parse_bytes,
        parse_file,
        parse_text,
    )

_READING = ("expand_paths", "explain", "is_ignored", "parse_bytes", "parse_file", "parse_text")
"""Loaded with :mod:`parsers.read` on first use: importing the model alone (as the reader's
first screen does) does not load every format handler."""


def __getattr__(name: str) -> object:
    if name in _READING:
        from parsers import read

        return getattr(read, name)
    raise AttributeError(f"module 'parsers' has no attribute {name!r}")

__all__ = [
    "Author",
    "Caption",
    "Document",
    "Entry",
    "Precision",
    "Problem",
    "Source",
    "TimeOfDay",
    "Timestamp",
    "ZoneBasis",
    "expand_paths",
    "explain",
    "is_ignored",
    "parse_bytes",
    "parse_file",
    "parse_text",
]
