"""The one cleaning step for text leaving liveblog: what reaches a terminal or a JSON stream.

A document's fields are cleaned when they are read (:mod:`parsers.decode`), but file and folder
names, problem messages and texts built from them are not document text: a file may be named
``ESC ] 52 ; ...`` (a clipboard write), hold a newline (a fake listing line) or bytes that are
not UTF-8. :func:`shown` makes any such string safe and visible; :func:`json_line` writes a
record as one line of valid UTF-8 JSON. Everything printed goes through one of the two.
"""

from __future__ import annotations

import json
import re
from typing import Any

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Characters that reorder the text around them: removed from every field and every name."""

INVISIBLE_IN_NAMES = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"
"""Soft hyphen and zero-width characters: removed from names, headlines and author names
(zero-width joiners stay in body text, where scripts need them)."""

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff" + BIDI_CONTROLS + "\u00ad\u200b\u2060\ufeff\u2028\u2029]"
)
_REMOVED = frozenset(BIDI_CONTROLS + "\u00ad\u200b\u2060\ufeff")


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _REMOVED:
        return ""
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF:  # a lone surrogate from a JSON escape: not a character
        return "\ufffd"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def shown(text: object) -> str:
    """``text`` (a path, a message, a notification) as safe, visible, one-line text.

    Control characters (C0, DEL, C1: ESC, CSI, OSC and newlines included) become visible escapes
    such as ``\\x1b`` and ``\\x0a``; a byte of a file name that is not UTF-8 is shown as
    ``\\xff``; a lone surrogate becomes U+FFFD; bidi controls, soft hyphens and zero-width
    spaces are removed. The result never holds an escape sequence and always encodes as UTF-8.
    """
    string = str(text)
    if _UNSAFE.search(string) is None:
        return string
    return _UNSAFE.sub(_replace, string)


_SURROGATES = re.compile("[\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029" + BIDI_CONTROLS + "]")


def _json_value(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATES.sub(_replace, value) if _SURROGATES.search(value) else value
    if isinstance(value, dict):
        return {_json_value(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value


def json_line(record: Any) -> str:
    """``record`` as one line of JSON (no newline at the end): always valid UTF-8.

    Every control character is ``\\u``-escaped (C0 by :mod:`json`, DEL, C1, line and paragraph
    separators and bidi controls here); bytes of a file name that are not UTF-8 appear as the
    text ``\\xff``, lone surrogates as U+FFFD.
    """
    text = json.dumps(record, ensure_ascii=False)
    if text.isascii() and "\x7f" not in text:  # nothing below to replace: all beyond DEL
        return text
    if _SURROGATES.search(text) is not None:  # lone surrogates stay as they are in dumps
        text = json.dumps(_json_value(record), ensure_ascii=False)
    if _JSON_UNSAFE.search(text) is None:
        return text
    # Outside strings JSON holds only ASCII punctuation, digits and words: every match is
    # inside a string, where a \\u escape means the same character.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def guard_stream(stream: Any) -> Any:
    """Make a text stream write what it cannot encode as escapes instead of failing.

    A last line of defence (everything written is :func:`shown` or :func:`json_line` first),
    also under a strict ``PYTHONIOENCODING``. Returns the stream.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # a closed or detached stream: nothing to guard
            pass
    return stream
