"""Freeze a handler's draft into the model: clean every field, number entries, give ids."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from parsers.decode import clean, clean_line
from parsers.draft import DocumentDraft, EntryDraft
from parsers.model import Author, Caption, Document, Entry, Problem, Source


def _line(text: str | None) -> str | None:
    if text is None:
        return None
    text = clean_line(text)
    return text or None


def _paragraphs(paragraphs: Iterable[str]) -> tuple[str, ...]:
    out = []
    for paragraph in paragraphs:
        paragraph = clean(paragraph).strip()
        if paragraph:
            out.append(paragraph)
    return tuple(out)


def _authors(authors: Iterable[Author]) -> tuple[Author, ...]:
    out: list[Author] = []
    seen: set[tuple[str, str | None]] = set()
    for author in authors:
        name = _line(author.name)
        if not name:
            continue
        person = Author(name, _line(author.role))
        key = (person.name.casefold(), person.role)
        if key not in seen:
            seen.add(key)
            out.append(person)
    return tuple(out)


def _captions(captions: Iterable[Caption]) -> tuple[Caption, ...]:
    out = []
    for caption in captions:
        text = _line(caption.text) or ""
        credit = _line(caption.credit)
        if text or credit:
            out.append(Caption(text, credit, _line(caption.alt)))
    return tuple(out)


def entry_key(draft: EntryDraft) -> str:
    """What identifies an entry within its document, independent of its position.

    The published time and title when there are any (so an edited body keeps its id);
    otherwise the start of the first paragraph.
    """
    stamp = draft.published.iso() if draft.published else ""
    if draft.title:
        return f"{stamp}\x00{clean_line(draft.title).casefold()}"
    first = ""
    for paragraph in draft.body:
        first = " ".join(paragraph.split())[:160].casefold()
        if first:
            break
    if not first and draft.captions:
        first = draft.captions[0].text[:160].casefold()
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


def finish(
    draft: DocumentDraft,
    source: Source,
    format_name: str,
    problems: Iterable[str] = (),
) -> Document:
    """Turn a draft into a frozen :class:`Document`."""
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for draft_entry in draft.entries:
        if draft_entry.is_empty():
            continue
        key = entry_key(draft_entry)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        entries.append(
            Entry(
                id=make_id(source.path, key, occurrence),
                source=source,
                position=len(entries),
                published=draft_entry.published,
                title=_line(draft_entry.title),
                labels=tuple(dict.fromkeys(x for x in map(_line, draft_entry.labels) if x)),
                authors=_authors(draft_entry.authors),
                body=_paragraphs(draft_entry.body),
                captions=_captions(draft_entry.captions),
                updated=draft_entry.updated,
            )
        )
    all_problems = [Problem(source.path, clean_line(m)) for m in (*problems, *draft.problems)]
    return Document(
        source=source,
        format=format_name,
        entries=tuple(entries),
        problems=tuple(all_problems),
        title=_line(draft.title),
        kicker=_line(draft.kicker),
        standfirst=_line(draft.standfirst),
        key_points=tuple(x for x in map(_line, draft.key_points) if x),
        authors=_authors(draft.authors),
        published=draft.published,
        dropped=tuple(clean_line(x) for x in draft.dropped),
    )
