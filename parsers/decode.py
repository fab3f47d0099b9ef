"""Bytes to clean text: encoding sniffing, line endings, odd spaces, control characters.

Everything a file says passes through :func:`clean` before it can reach a field of the model,
so no escape sequence or control character from a file ever reaches a terminal.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from typing import Any

from parsers.clean import BIDI_CONTROLS, INVISIBLE_IN_NAMES

MAX_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused rather than read into memory."""

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL/ST, payload included),
# DCS/SOS/PM/APC strings (ESC P/X/^/_ ... ST), two-character escapes, and a lone ESC.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b\n]*(?:\x1b\\)?"
    r"|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x9d[^\x07\x1b\x9c\n]*(?:\x07|\x9c)?"
)
# C0 controls except TAB and LF, DEL, C1 controls, zero-width/BOM characters, bidi controls.
_CONTROLS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff\ufffe" + BIDI_CONTROLS + "]+"
)
# Lone surrogates (a JSON ``\\ud800`` escape, a name decoded with surrogateescape): not text.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Invisible in a name or a headline (kept in body text, where scripts need the joiners).
_INVISIBLE_IN_NAMES = re.compile("[" + INVISIBLE_IN_NAMES + "]+")
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ODD_BREAKS = re.compile(r"[\u2028\u2029]")
_NEEDS_WORK = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f"
    r"\u2060\u3000\ufeff\ufffe\ud800-\udfff" + BIDI_CONTROLS + INVISIBLE_IN_NAMES + "]"
)


_ASCII_CONTROLS = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])
"""The characters of :data:`_NEEDS_WORK` that are ASCII."""


def _has_odd_characters(text: str) -> bool:
    """``_NEEDS_WORK.search(text) is not None``, without a regex scan for most texts.

    ASCII text: a byte deletion of the ASCII controls. Other text: every character of
    :data:`_NEEDS_WORK` is non-printable, so printable text (newlines aside) has none.
    """
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_CONTROLS)) != len(text)
    if text.replace("\n", " ").isprintable():
        return False
    return _NEEDS_WORK.search(text) is not None


def needs_cleaning(text: str) -> bool:
    """True when :func:`clean` would change more than line endings' ``\r``... or anything."""
    return "\r" in text or _has_odd_characters(text)


def clean(text: str) -> str:
    """Normalise line endings and spaces; remove escape sequences and control characters.

    Keeps ``\\n``. Tabs and no-break or other unusual spaces become plain spaces, and runs of
    more than :data:`MAX_SPACE_RUN` spaces are cut to that length. Lone
    surrogates become U+FFFD; bidi controls (which reorder what is around them) go.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\xa0" in text:  # by far the commonest odd space: a plain replace is much cheaper
        text = text.replace("\xa0", " ")
    if not _has_odd_characters(text):  # then every space is a plain space
        return _LONG_SPACE_RUN.sub(_SPACE_RUN, text) if _RUN_PROBE in text else text
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPES.sub("", text)
    if _ODD_BREAKS.search(text):
        text = _ODD_BREAKS.sub("\n", text)
    if _ODD_SPACES.search(text):
        text = _ODD_SPACES.sub(" ", text)
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    return _LONG_SPACE_RUN.sub(_SPACE_RUN, text) if _RUN_PROBE in text else text


MAX_SPACE_RUN = 8
"""Longer runs of spaces are cut to this length: no pattern ever sees a long run, so none that
backtracks over whitespace (``\\s*`` next to ``\\s*``) can take more than linear time."""
_LONG_SPACE_RUN = re.compile(
    r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{" + str(MAX_SPACE_RUN + 1) + ",}"
)
_SPACE_RUN = " " * MAX_SPACE_RUN
_RUN_PROBE = " " * (MAX_SPACE_RUN + 1)


def cap_space_runs(text: str) -> str:
    """``text`` with every run of more than :data:`MAX_SPACE_RUN` spaces cut to that length."""
    return _LONG_SPACE_RUN.sub(_SPACE_RUN, text)


def clean_line(text: str) -> str:
    """Like :func:`clean`, for one-line fields: newlines become spaces, ends are trimmed."""
    text = clean(text)
    if "\n" in text:
        text = " ".join(text.split())
    return text.strip()


def clean_name(text: str) -> str:
    """Like :func:`clean_line`, for names and headlines: soft hyphens and zero-width characters
    (joiners included) go too, so two names that look alike are alike."""
    text = clean_line(text)
    if _INVISIBLE_IN_NAMES.search(text):
        text = _INVISIBLE_IN_NAMES.sub("", text).strip()
    return text


@dataclass(frozen=True, slots=True)
class Decoded:
    """The result of decoding a file's bytes."""

    text: str | None
    """Clean text, or None when the bytes are not text at all."""
    encoding: str
    """The encoding used (``utf-8``, ``utf-16``, ``cp1252``...) or ``binary``."""
    problems: tuple[str, ...] = ()
    """Messages about what had to be repaired or why nothing could be read."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(head: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its pattern of NUL bytes in ASCII-heavy text."""
    sample = head[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NULs, many controls)."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * 0.1


_DECLARED = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{2,40})["']"""
    rb"""|<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]{2,40})""",
    re.IGNORECASE,
)
_LATIN1_ALIASES = frozenset({"latin_1", "iso8859_1"})


def declared_encoding(data: bytes) -> str | None:
    """The encoding an XML declaration or an HTML ``<meta charset>`` names, if we know it."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec in _LATIN1_ALIASES:
        return "cp1252"  # as browsers do: ISO-8859-1 labels mean windows-1252
    return None if codec in ("utf-8", "ascii") or codec.startswith("utf-16") else codec


def decode(data: bytes) -> Decoded:
    """Decode bytes robustly: BOM sniffing, UTF-16 patterns, strict UTF-8, then cp1252."""
    if not data:
        return Decoded("", "utf-8")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            problems: tuple[str, ...] = ()
            if "\ufffd" in text:
                problems = (f"some bytes are not valid {encoding.removesuffix('-sig')}",)
            return Decoded(clean(text), encoding.removesuffix("-sig"), problems)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = data.decode(utf16, errors="replace")
        return Decoded(clean(text), utf16)
    if looks_binary(data):
        return Decoded(None, "binary", ("not text (binary data); skipped",))
    declared = declared_encoding(data) if data.lstrip()[:1] == b"<" else None
    if declared is not None:
        try:
            return Decoded(clean(data.decode(declared)), declared)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(clean(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as exc:
        position = exc.start
    text = data.decode("cp1252", errors="replace")
    # cp1252 leaves five bytes undefined; "replace" turns them into U+FFFD.
    return Decoded(
        clean(text),
        "cp1252",
        (f"not valid UTF-8 (first bad byte at offset {position}); read as cp1252",),
    )


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATES.sub("\ufffd", value) if _SURROGATES.search(value) else value
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def load_json(text: str) -> Any:
    """``json.loads`` (lenient about control characters in strings) whose strings hold no lone
    surrogate: a ``\\ud800`` escape becomes U+FFFD as it is read, like any bad byte."""
    value = json.loads(text, strict=False)
    if _SURROGATE_ESCAPE.search(text) is None:
        return value
    return _without_surrogates(value)
