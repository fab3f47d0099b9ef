"""Relative ages (``1h ago``, ``vor 5 Minuten``, ``il y a 3 h``) and Unix epochs."""

from __future__ import annotations

import re

RELATIVE_RE = re.compile(
    r"^(?:(?:updated\s+)?(?:about\s+)?\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)"
    r"(?:\s+\d+\s*(?:m|mins?|minutes?|s|secs?))?\s+ago"
    r"|vor\s+\d+\s+(?:minuten|minute|stunden|stunde|tagen|tag)"
    r"|il y a\s+\d+\s*(?:min|minutes?|h|heures?|jours?)"
    r"|hace\s+\d+\s*(?:min|minutos?|h|horas?|días?)"
    r"|\d+\s*(?:min|minuti|minuto|ore|ora|giorni)\s+fa"
    r"|\d+\s*(?:min|minuten|minuut|uur|dagen|dag)\s+geleden"
    r"|just now|now|gerade eben|à l'instant)$",
    re.IGNORECASE,
)
"""A line that only says how long ago something was (``1h ago``, ``17 hr 44 min ago``)."""

RELATIVE_ENDS: tuple[str, ...] = ("ago", "now", " fa", "geleden", "eben", "instant")
"""How the lines of :data:`RELATIVE_RE` end (those not starting vor/il/just/hace)."""
RELATIVE_FIRST = "viVIjJhH"
"""First letters of the lines of :data:`RELATIVE_RE` that start with a word."""

EPOCH_RE = re.compile(r"(?<!\d)(1[0-9]{9})(?:\.\d+)?(?!\d)")
"""A Unix epoch in seconds between 2001 and 2033."""
EPOCH_GLUED_RE = re.compile(r"^(?P<e1>1\d{9})(?P<rest1>\D.*)$|^(?P<rest2>.*\D)(?P<e2>1\d{9})$")
"""An epoch glued to the start or the end of a title."""
