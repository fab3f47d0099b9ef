"""Freeze a handler's draft into the model: clean every field, number entries, give ids."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TypeVar, cast

from parsers.decode import clean, clean_line, clean_name, needs_cleaning
from parsers.draft import DocumentDraft, EntryDraft
from parsers.links import clean_url
from parsers.model import Author, Caption, Document, Entry, Problem, Source

_T = TypeVar("_T", bound=tuple[object, ...])


def _line(text: str | None) -> str | None:
    if text is None:
        return None
    text = clean_line(text)
    return text or None


def _name(text: str | None) -> str | None:
    """:func:`_line` for a name or a headline: zero-width characters and soft hyphens go too."""
    if text is None:
        return None
    text = clean_name(text)
    return text or None


def _clean_line(text: str | None) -> str | None:
    """:func:`_line` for text already known to be clean: only trims and joins lines."""
    if text is None:
        return None
    text = " ".join(text.split()) if "\n" in text else text.strip()
    return text or None


def _paragraphs(paragraphs: Iterable[str], cleaned: bool = False) -> tuple[str, ...]:
    out = []
    for paragraph in paragraphs:
        paragraph = paragraph.strip() if cleaned else clean(paragraph).strip()
        if paragraph:
            out.append(paragraph)
    return tuple(out)


def _entry_is_clean(draft: EntryDraft) -> bool:
    """One check over every text field of an entry (most entries need no cleaning)."""
    labels, authors, body, captions = draft.lists()
    parts = [draft.title or "", *labels, *body]
    parts += [f"{a.name}\n{a.role or ''}" for a in authors]
    parts += [f"{c.text}\n{c.credit or ''}\n{c.alt or ''}" for c in captions]
    return not needs_cleaning("\n".join(parts))


def _authors(authors: Iterable[Author], cleaned: bool = False) -> tuple[Author, ...]:
    line = _clean_line if cleaned else _line
    out: list[Author] = []
    seen: set[tuple[str, str | None]] = set()
    for author in authors:
        name = _clean_line(author.name) if cleaned else _name(author.name)
        if not name:
            continue
        person = Author(name, line(author.role))
        key = (person.name.casefold(), person.role)
        if key not in seen:
            seen.add(key)
            out.append(person)
    return tuple(out)


def _captions(captions: Iterable[Caption], cleaned: bool = False) -> tuple[Caption, ...]:
    line = _clean_line if cleaned else _line
    out = []
    for caption in captions:
        text = line(caption.text) or ""
        credit = line(caption.credit)
        if text or credit:
            out.append(Caption(text, credit, line(caption.alt)))
    return tuple(out)


def _dropped(lines: list[str]) -> tuple[str, ...]:
    if needs_cleaning("\n".join(lines)):
        return tuple(clean_line(x) for x in lines)
    return tuple(" ".join(x.split()) if "\n" in x else x.strip() for x in lines)


def first_words(text: str, limit: int) -> str:
    """``" ".join(text.split())[:limit]`` without splitting all of a long text (a 60 MB
    paragraph would become millions of words in memory)."""
    size = 4 * limit
    while True:
        words = text[:size].split()
        joined = " ".join(words)
        if size >= len(text) or (words and len(joined) - len(words[-1]) > limit):
            return joined[:limit]
        size *= 4


def entry_key(draft: EntryDraft) -> str:
    """What identifies an entry within its document, independent of its position.

    The published time and title when there are any (so an edited body keeps its id);
    otherwise the start of the first paragraph.
    """
    if draft.key is not None:
        return draft.key
    stamp = draft.published.iso() if draft.published else ""
    if draft.title:
        return f"{stamp}\x00{clean_line(draft.title).casefold()}"
    first = ""
    _, _, body, captions = draft.lists()
    for paragraph in body:
        first = first_words(paragraph, 160).casefold()
        if first:
            break
    if not first and captions:
        first = captions[0].text[:160].casefold()
    return f"{stamp}\x00\x00{first}"


def make_id(source_path: str, key: str, occurrence: int) -> str:
    """A short stable id from the document path, the entry key and its repeat count."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(source_path.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update(key.encode("utf-8", "surrogatepass"))
    if occurrence:
        digest.update(f"\x00{occurrence}".encode())
    return digest.hexdigest()


def _shared(shared: dict[tuple[object, ...], tuple[object, ...]], value: _T) -> _T:
    """``value``, or the equal tuple met before (one object for all)."""
    if not value:
        return value
    return cast(_T, shared.setdefault(value, value))


def finish(
    draft: DocumentDraft,
    source: Source,
    format_name: str,
    problems: Iterable[str] = (),
) -> Document:
    """Turn a draft into a frozen :class:`Document`."""
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    page_url = clean_url(draft.url)
    # Equal label and author tuples are one object: entries credited alike share it (in
    # memory, and in a pickle: once).
    shared: dict[tuple[object, ...], tuple[object, ...]] = {}
    for draft_entry in draft.entries:
        if draft_entry.is_empty():
            continue
        key = entry_key(draft_entry)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        cleaned = _entry_is_clean(draft_entry)
        line = _clean_line if cleaned else _name
        labels, authors, body, captions = draft_entry.lists()
        entries.append(
            Entry(
                id=make_id(source.path, key, occurrence),
                source=source,
                position=len(entries),
                published=draft_entry.published,
                title=line(draft_entry.title),
                labels=_shared(shared, tuple(dict.fromkeys(x for x in map(line, labels) if x))),
                authors=_shared(shared, _authors(authors, cleaned)),
                body=_paragraphs(body, cleaned),
                captions=_captions(captions, cleaned),
                updated=draft_entry.updated,
                time_of_day=draft_entry.time_of_day if draft_entry.published is None else None,
                url=clean_url(draft_entry.url, page_url) or page_url,
            )
        )
    all_problems = [Problem(source.path, clean_line(m)) for m in (*problems, *draft.problems)]
    return Document(
        source=source,
        format=format_name,
        entries=tuple(entries),
        problems=tuple(all_problems),
        title=_name(draft.title),
        kicker=_name(draft.kicker),
        standfirst=_line(draft.standfirst),
        key_points=tuple(x for x in map(_line, draft.key_points) if x),
        authors=_authors(draft.authors),
        published=draft.published,
        url=page_url,
        dropped=_dropped(draft.dropped),
    )
