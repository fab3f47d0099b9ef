"""HTML to plain paragraphs and captions, with a small tolerant tokenizer (standard library only).

Tags are removed and entities decoded; block elements (``p``, ``div``, ``li``, headings...)
become paragraphs and ``<br>`` a line break inside one. ``<figcaption>`` and ``<img alt>`` become
:class:`Caption` records with their credit split off where the wording shows it
(``Photograph: …``, ``(AP Photo/…)``, ``[Name/Agency]``, a ``credit`` class). Scripts, styles,
navigation, asides, footers, forms and buttons are dropped. Never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from parsers.captions import credit_only, glued_caption
from parsers.decode import cap_space_runs
from parsers.model import Caption

BLOCK_TAGS = frozenset(
    "address article blockquote body dd details div dl dt figure h1 h2 h3 h4 h5 h6 header hr "
    "li main ol p pre section summary table tbody thead tfoot tr ul caption".split()
)
"""Elements that end the paragraph before them and start a new one."""

PARAGRAPH_TAGS = frozenset({"p", "blockquote", "figure", "table", "ul", "ol", "hr"})
"""Blocks a browser's copied text sets apart with a blank line (the rest with a line break)."""

SKIPPED_TAGS = frozenset(
    "script style noscript template nav aside footer form button select textarea svg math "
    "iframe object embed canvas audio video".split()
)
"""Elements whose whole content is dropped."""

CODE_TAGS = frozenset(
    "script style noscript template svg math iframe object embed canvas audio video".split()
)
"""Dropped elements that hold code or media, not words (not listed among dropped lines)."""

VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_TAG_HINT = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|!--)")
_PLACEHOLDER_ALTS = frozenset({"image", "photo", "picture", "img", "logo", "icon", "video"})


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds at least one tag or comment (plain text is left alone)."""
    return _TAG_HINT.search(text) is not None


def split_credit(text: str) -> tuple[str, str | None]:
    """Split a caption into its text and its credit, where the wording shows a credit."""
    text = _SPACES.sub(" ", text).strip()
    credit = credit_only(text)
    if credit is not None:
        return "", credit
    caption = glued_caption(text)
    if caption is not None:
        return caption.text, caption.credit
    return text, None


@dataclass(slots=True)
class HtmlText:
    """What an HTML fragment or page says, as plain text."""

    paragraphs: list[str] = field(default_factory=list)
    """Body paragraphs in document order (line breaks from ``<br>`` kept as ``\\n``)."""
    captions: list[Caption] = field(default_factory=list)
    """Image captions with credits."""
    blocks: list[str] = field(default_factory=list)
    """Paragraphs and caption texts interleaved in document order, for the text parsers."""
    gaps: list[int] = field(default_factory=list)
    """Line breaks before each block, as a browser's copied text has them: 2 around ``<p>``."""
    caption_blocks: dict[str, Caption] = field(default_factory=dict)
    """Which of the ``blocks`` are captions (the block text as printed, credit included)."""
    title: str | None = None
    """The ``<title>`` of a page, if any."""
    dropped: list[str] = field(default_factory=list)
    """Text of dropped page chrome (navigation, asides, footers, buttons), one line each."""
    meta: dict[str, str] = field(default_factory=dict)
    """``<meta name|property=… content=…>`` values (``og:title``, ``description``...)."""
    canonical: str | None = None
    """The ``href`` of the first ``<link rel="canonical">``, as written."""

    def text(self) -> str:
        """What a reader would copy out of the page (a browser's ``innerText``).

        Blocks are separated by a blank line around paragraphs and by a line break around
        other block elements (headings, list items, divs), so a stamp and its headline stay
        on adjacent lines as they do in text saved from a browser.
        """
        parts: list[str] = []
        for index, block in enumerate(self.blocks):
            if index:
                parts.append("\n" * max(1, min(2, self.gaps[index])))
            parts.append(block)
        return "".join(parts)


@dataclass(slots=True)
class _Figure:
    caption_parts: list[str] = field(default_factory=list)
    credit_parts: list[str] = field(default_factory=list)
    alts: list[str] = field(default_factory=list)
    in_caption: bool = False


_TOKEN = re.compile(
    r"<(/?)([a-zA-Z][^\s/<>]*)((?:[^<>\"']|\"[^\"]{0,2000}\"|'[^']{0,2000}')*)>"  # a tag
    r"|<!--.*?(?:-->|$)|<![^>]*>|<\?[^>]*>",  # comment, doctype/CDATA, processing instruction
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def _attributes(text: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for match in _ATTRIBUTE.finditer(text):
        value = match.group(2)
        if value is not None:
            if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1:
                value = value[1:-1]
            value = unescape(value)
        out.append((match.group(1).lower(), value))
    return out


class _Converter:
    """Walks tags and text found by one C-speed regex (html.parser's pure-Python tokenizer
    was most of the cost), with the same tolerance: stray ``<`` is text, unclosed tags are
    closed by their parents, entities are decoded like ``html.unescape``."""

    def __init__(self) -> None:
        self.out = HtmlText()
        self._buffer: list[str] = []
        self._skip: list[str] = []
        self._pre = 0
        self._figures: list[_Figure] = []
        self._credit_depth = 0
        self._in_title = False
        self._title_parts: list[str] = []
        self._gap = 0
        self._chrome: list[str] = []

    def feed(self, html: str) -> None:
        position = 0
        for match in _TOKEN.finditer(html):
            if match.start() > position:
                self.handle_data(unescape(html[position : match.start()]))
            position = match.end()
            name = match.group(2)
            if name is None:
                continue  # comment, doctype, processing instruction
            tag = name.lower()
            if match.group(1):
                self.handle_endtag(tag)
                continue
            raw = match.group(3)
            attrs = _attributes(raw) if raw.strip() else []
            if raw.rstrip().endswith("/"):
                self.handle_startendtag(tag, attrs)
            else:
                self.handle_starttag(tag, attrs)
        if position < len(html):
            self.handle_data(unescape(html[position:]))

    # -- helpers -----------------------------------------------------------------------------
    def _flush_chrome(self) -> None:
        line = _SPACES.sub(" ", " ".join(self._chrome)).strip()
        self._chrome = []
        if line:
            self.out.dropped.append(line)

    def _block(self, text: str) -> None:
        self.out.blocks.append(text)
        self.out.gaps.append(self._gap)
        self._gap = 0

    def _boundary(self, tag: str) -> None:
        self._flush()
        self._gap = max(self._gap, 2 if tag in PARAGRAPH_TAGS else 1)

    def _flush(self) -> None:
        if not self._buffer:
            return
        raw = "".join(self._buffer)
        self._buffer = []
        lines = []
        for line in raw.split("\n"):
            line = cap_space_runs(line.strip()) if self._pre else _SPACES.sub(" ", line).strip()
            if line:
                lines.append(line)
        if lines:
            paragraph = "\n".join(lines)
            self.out.paragraphs.append(paragraph)
            self._block(paragraph)

    def _add_caption(self, figure: _Figure) -> None:
        text = _SPACES.sub(" ", "".join(figure.caption_parts)).strip()
        printed = _SPACES.sub(" ", " ".join(figure.credit_parts)).strip()
        credit = (credit_only(printed) or printed) if printed else None
        if credit and printed == credit:
            printed = f"Photograph: {credit}"
        shown = f"{text} {printed}".strip()
        if credit is None and text:
            text, credit = split_credit(text)
        alt = next((a for a in figure.alts if a.casefold() != text.casefold()), None)
        if not text and not credit:
            if alt is None:
                return
            text, alt = alt, None
        caption = Caption(text, credit, alt)
        self.out.captions.append(caption)
        if shown:
            self._block(shown)
            self.out.caption_blocks[shown] = caption

    # -- parser callbacks --------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[-1] and tag not in VOID_TAGS:
                self._skip.append(tag)
            return
        values = {k: (v or "") for k, v in attrs}
        if tag == "title":
            self._in_title = True
            return
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key and "content" in values and key.lower() not in self.out.meta:
                self.out.meta[key.lower()] = values["content"]
            return
        if tag == "link":
            if self.out.canonical is None and "canonical" in values.get("rel", "").lower().split():
                self.out.canonical = values.get("href") or None
            return
        if tag in SKIPPED_TAGS or "hidden" in values:
            if tag not in VOID_TAGS:
                self._skip.append(tag)
            return
        if tag == "br":
            self._buffer.append("\n")
            return
        if tag == "img":
            alt = _SPACES.sub(" ", values.get("alt", "")).strip()
            if not alt or alt.casefold() in _PLACEHOLDER_ALTS:
                return
            if self._figures:
                self._figures[-1].alts.append(alt)
            elif len(alt.split()) >= 3:
                self._flush()
                self.out.captions.append(Caption(*split_credit(alt)))
            return
        if tag == "figure":
            self._flush()
            self._figures.append(_Figure())
            return
        if tag == "figcaption" and self._figures:
            self._flush()
            self._figures[-1].in_caption = True
            return
        if self._figures and self._figures[-1].in_caption and tag not in VOID_TAGS:
            classes = values.get("class", "").lower()
            if self._credit_depth or "credit" in classes or "copyright" in classes:
                self._credit_depth += 1
            return
        if tag in ("td", "th"):
            self._buffer.append(" ")
        if tag in BLOCK_TAGS:
            self._boundary(tag)
            if tag == "pre":
                self._pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            elif tag in self._skip:  # an unclosed inner element: unwind to the match
                while self._skip and self._skip.pop() != tag:
                    pass
            if not self._skip:
                self._flush_chrome()
            return
        if tag == "title":
            self._in_title = False
            return
        if self._figures and self._figures[-1].in_caption:
            if tag == "figcaption":
                self._figures[-1].in_caption = False
                self._credit_depth = 0
            elif self._credit_depth:
                self._credit_depth -= 1
            return
        if tag == "figure" and self._figures:
            self._flush()
            self._add_caption(self._figures.pop())
            return
        if tag in BLOCK_TAGS:
            self._boundary(tag)
            if tag == "pre" and self._pre:
                self._pre -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
            return
        if self._skip:
            if self._skip[0] not in CODE_TAGS:
                self._chrome.append(data)
            return
        if self._figures and self._figures[-1].in_caption:
            figure = self._figures[-1]
            (figure.credit_parts if self._credit_depth else figure.caption_parts).append(data)
            return
        self._buffer.append(data if self._pre else data.replace("\n", " "))

    def finish(self) -> HtmlText:
        self._flush()
        self._flush_chrome()
        while self._figures:
            self._add_caption(self._figures.pop())
        title = _SPACES.sub(" ", "".join(self._title_parts)).strip()
        self.out.title = title or None
        return self.out


_RAW_BLOCK = re.compile(r"<(script|style|noscript|template|svg)(?=[\s>/])|<!--", re.IGNORECASE)


def drop_raw_blocks(html: str) -> str:
    """Remove scripts, styles, SVG and comments in one linear pass (C-speed searches).

    Saved news pages are mostly inline scripts and styles; the pure-Python HTML parser need
    not walk them. An unclosed block runs to the end, as it does in a browser.
    """
    match = _RAW_BLOCK.search(html)
    if match is None:
        return html
    lower = html.lower()
    out: list[str] = []
    position = 0
    while match is not None:
        out.append(html[position : match.start()])
        name = match.group(1)
        if name is None:
            end = lower.find("-->", match.end())
            position = len(html) if end < 0 else end + 3
        else:
            end = lower.find(f"</{name.lower()}", match.end())
            close = lower.find(">", end) if end >= 0 else -1
            position = len(html) if close < 0 else close + 1
        match = _RAW_BLOCK.search(html, position)
    out.append(html[position:])
    return "".join(out)


def html_to_text(html: str) -> HtmlText:
    """Convert HTML (a page or a fragment) into paragraphs and captions. Never raises."""
    converter = _Converter()
    try:
        converter.feed(drop_raw_blocks(html))
        return converter.finish()
    except Exception:  # noqa: BLE001 - the converter is tolerant; keep what was read if not
        converter._flush()
        return converter.out


def plain_paragraphs(text: str) -> list[str]:
    """Split plain text (entities decoded) into paragraphs: one per non-empty line."""
    text = unescape(text)
    return [line.strip() for line in text.split("\n") if line.strip()]


def strip_tags(text: str) -> str:
    """One line of text from an HTML or plain snippet: tags removed, entities decoded."""
    if looks_like_html(text):
        converted = html_to_text(text)
        text = " ".join(converted.paragraphs + [c.text for c in converted.captions])
    else:
        text = unescape(text)
    return _SPACES.sub(" ", text).strip()


def body_of(text: str) -> tuple[list[str], list[Caption]]:
    """Paragraphs and captions of a body that may be HTML or plain text."""
    if looks_like_html(text):
        converted = html_to_text(text)
        return converted.paragraphs, converted.captions
    return plain_paragraphs(text), []
