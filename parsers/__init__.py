"""liveblog's parsing core: saved live blogs in, typed documents and entries out.

This package must not import Textual or Rich; a test checks it.
"""

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
from parsers.read import expand_paths, explain, is_ignored, parse_bytes, parse_file, parse_text

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
