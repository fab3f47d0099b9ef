"""The parse cache (issue 14): reopening a folder loads its documents without parsing them,
never serves a stale or damaged one, and stays bounded."""

from __future__ import annotations

import os
import shutil
import threading
import time
import zlib
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import msgspec
import pytest

import parsers.read
import tui.engine.loader
import tui.engine.parse_cache as parse_cache
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
from parsers.read import parse_file, parse_text
from tui.engine.loader import read_all
from tui.engine.parse_cache import (
    MAGIC,
    CacheError,
    FileKey,
    Found,
    ParseCache,
    cache_folder,
    decode,
    encode,
    source_digest,
)
from tui.sample import sample_dir

ROOT = Path(__file__).resolve().parent.parent
KEY = FileKey(10, 1, 2, 3, 4)
EXAMPLES = sorted(
    p
    for folder in (ROOT / "tests" / "fixtures", ROOT / "seeds")
    for p in folder.rglob("*")
    if p.is_file() and not p.name.endswith(".expected.json")
)


def cache_at(folder: Path, **options: object) -> ParseCache:
    """A cache that stores files however recently they were written (tests write them now)."""
    settings: dict[str, object] = {"settled": -60.0, **options}
    return ParseCache(folder, **settings)  # type: ignore[arg-type]


def cache_file(cache: ParseCache, path: Path | str) -> Path:
    """The cache file of ``path`` as it is now."""
    key = parse_cache.stat_key(str(path))
    file = None if key is None else cache.file_for(str(path), key)
    assert file is not None
    return Path(file)


def same(a: Document, b: Document) -> bool:
    """Equal, and equal in every detail equality does not see: the zone each time carries,
    its wall clock and fold, what is left out of the repr."""
    return a == b and repr(a) == repr(b) and a.dropped == b.dropped


def sample_copy(folder: Path) -> Path:
    """``folder`` holding a copy of the built-in sample's pages."""
    folder.mkdir()
    for seed in sorted(sample_dir().glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    return folder


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def page(headline: str, body: str) -> str:
    """A live blog of two timed posts, the first with this headline and body."""
    return (
        f"Live: the storm\n\n6 January 2025 10:15 GMT\n{headline}\n{body}\n\n"
        "6 January 2025 09:20 GMT\nEarlier\nThe first post.\n"
    )


# -- the format ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_and_seed_comes_back_exactly_as_parsed(path: Path) -> None:
    document = parse_file(path)
    data = encode(str(path), KEY, document)
    assert data is not None
    header, back = decode(data)
    assert header[1:7] == (str(path), *KEY)
    assert same(back, document)


UNDATED_PAGE = (
    "Live: storm over the coast\n\n"
    "22:15\nPower cut in the north\nThousands of homes lost power.\n\n"
    "21:40 GMT\nFerries cancelled\nAll crossings were cancelled.\n\n"
    "Tuesday 20:05\nWarnings issued\nForecasters issued warnings.\n"
)
"""Times of day with no date (no fixture has them)."""


def test_a_page_of_times_without_dates_comes_back_exactly() -> None:
    document = parse_text(UNDATED_PAGE, "storm.txt")
    _, back = decode(encode("storm.txt", KEY, document) or b"")
    assert same(back, document)


def test_the_examples_cover_what_the_round_trip_must_keep() -> None:
    documents = [parse_file(path) for path in EXAMPLES] + [parse_text(UNDATED_PAGE)]
    entries = [e for d in documents for e in d.entries]
    zones = {type(e.published.at.tzinfo) for e in entries if e.published}
    assert {ZoneInfo, timezone} <= zones
    assert any(e.time_of_day for e in entries)
    assert any(e.url for e in entries) and any(d.url for d in documents)
    assert any(e.updated for e in entries) and any(e.captions for e in entries)
    assert any(d.problems for d in documents) and any(d.dropped for d in documents)
    assert any(e.published and e.published.precision is Precision.DATE for e in entries)


def test_unusual_times_and_every_field_come_back_exactly() -> None:
    london = ZoneInfo("Europe/London")
    source = Source("/x/blog.txt", "blog.txt")
    stamps = [
        Timestamp(datetime(2024, 3, 31, 1, 30, tzinfo=london)),  # in the spring-forward gap
        Timestamp(datetime(2024, 10, 27, 1, 30, tzinfo=london, fold=1)),  # the second 01:30
        Timestamp(datetime(2024, 10, 27, 1, 30, tzinfo=london)),  # the first
        Timestamp(datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=timezone(timedelta(hours=5.5)))),
        Timestamp(datetime(2024, 1, 2, tzinfo=timezone(timedelta(hours=-3), "BRT"))),
        Timestamp(datetime(2024, 1, 2, tzinfo=UTC), Precision.DATE, ZoneBasis.NONE, True),
        Timestamp(datetime(2024, 6, 1, tzinfo=timezone(timedelta(seconds=3601, microseconds=7)))),
    ]
    entries = tuple(
        Entry(
            id=f"e{n}",
            source=source,
            position=n,
            published=stamp,
            title="Héadline ✓" if n % 2 else None,
            labels=("Breaking", "Analysis"),
            authors=(Author("A. Writer", "Correspondent"), Author("B")),
            body=("One.", "", "Three \u00a0 spaced"),
            captions=(Caption("Caption", "Reuters", "alt text"), Caption("")),
            updated=stamps[(n + 1) % len(stamps)] if n % 3 else None,
            url=f"https://example.com/{n}" if n % 2 else None,
        )
        for n, stamp in enumerate(stamps)
    )
    untimed = Entry(
        "u", source, 99, time_of_day=TimeOfDay(22, 15, 30, "+05:30", ZoneBasis.STATED, "10.15pm")
    )
    document = Document(
        source,
        "stamped",
        (*entries, untimed),
        (Problem("/x/blog.txt", "something odd"), Problem("/x/blog.txt", "fatal", True)),
        title="T",
        kicker="K",
        standfirst="S",
        key_points=("one", "two"),
        authors=(Author("Desk"),),
        published=stamps[0],
        url="https://example.com/",
        dropped=("Share", "Promo"),
    )
    _, back = decode(encode(source.path, KEY, document) or b"")
    assert same(back, document)
    assert back.entries[0].published is not None
    assert back.entries[0].published.at.tzinfo is london
    assert [e.published.at.fold for e in back.entries[:3] if e.published] == [0, 1, 0]


def test_a_loaded_document_shares_one_source_and_one_object_per_author() -> None:
    seeds = [parse_file(path) for path in sorted(sample_dir().glob("*.txt"))]
    document = max(seeds, key=lambda d: sum(len(e.authors) for e in d.entries))
    _, back = decode(encode(document.source.path, KEY, document) or b"")
    assert len(back.entries) > 5 and sum(len(e.authors) for e in back.entries) > 5
    assert all(entry.source is back.source for entry in back.entries)
    names = [a for e in back.entries for a in e.authors]
    assert len({id(a) for a in names}) == len(set(names))


def test_a_zone_of_an_unknown_kind_is_not_stored() -> None:
    class Odd(tzinfo):
        def utcoffset(self, dt: datetime | None) -> timedelta:
            return timedelta(hours=1)

        def dst(self, dt: datetime | None) -> timedelta:
            return timedelta(0)

    source = Source("/x/a.txt", "a.txt")
    odd = Entry("e", source, 0, Timestamp(datetime(2024, 1, 1, tzinfo=Odd())))
    assert encode(source.path, KEY, Document(source, "text", (odd,))) is None


class _Marker:
    """Unpickling this creates a file: what a tampered pickle could do."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (self.path, "w"))


def test_a_tampered_cache_file_holding_a_pickle_runs_nothing(tmp_path: Path) -> None:
    import pickle

    marker = tmp_path / "ran"
    document = parse_file(EXAMPLES[0])
    data = encode(str(EXAMPLES[0]), KEY, document) or b""
    header, _ = decode(data)
    body = pickle.dumps(_Marker(str(marker)))
    head = msgspec.msgpack.encode((*header[:7], zlib.crc32(body)))  # a checksum that fits
    with pytest.raises(CacheError):
        decode(MAGIC + len(head).to_bytes(4, "big") + head + body)
    assert not marker.exists()
    pickle.loads(body).close()  # what the same bytes do when unpickled
    assert marker.exists()


# -- the version -------------------------------------------------------------------------------


def test_the_parser_version_changes_with_any_parser_source(tmp_path: Path) -> None:
    copy = tmp_path / "parsers"
    shutil.copytree(ROOT / "parsers", copy, ignore=shutil.ignore_patterns("__pycache__"))
    first = source_digest(copy)
    assert first is not None and source_digest(copy) == first
    handler = copy / "formats" / "stamped.py"
    handler.write_text(handler.read_text(encoding="utf-8") + "\n# tweak\n", encoding="utf-8")
    assert source_digest(copy) != first


def test_a_document_cached_by_another_parser_version_is_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "a.txt", page("Old parser", "Body."))
    cache = cache_at(tmp_path / "cache")
    cache.parse(str(path), parse_file)
    cache.flush()
    assert isinstance(cache.find(str(path)), Found)
    monkeypatch.setattr(parse_cache, "parser_version", lambda: "another")
    assert cache.find(str(path)) is None


# -- hits and misses ---------------------------------------------------------------------------


def test_cache_folder_follows_xdg() -> None:
    assert cache_folder({"XDG_CACHE_HOME": "/c", "HOME": "/h"}) == Path("/c/liveblog/parsed")
    assert cache_folder({"HOME": "/h"}) == Path("/h/.cache/liveblog/parsed")
    assert cache_folder({"XDG_CACHE_HOME": "rel", "HOME": "/h"}) == Path(
        "/h/.cache/liveblog/parsed"
    )


def test_reopening_loads_every_document_without_reading_or_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = sample_copy(tmp_path / "blogs")
    cache = cache_at(tmp_path / "cache")
    first = [d for _, _, d in read_all([str(folder)], workers=0, cache=cache)]
    cache.flush()

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("read or parsed")

    monkeypatch.setattr(parsers.read, "parse_file", refuse)
    monkeypatch.setattr(parsers.read, "read_file", refuse)
    again = [d for _, _, d in read_all([str(folder)], workers=0, cache=cache)]
    assert [d.texts for d in again] == [d.texts for d in first]
    assert all(same(a.document, b.document) for a, b in zip(again, first, strict=True))


def test_a_reopen_takes_each_document_s_word_index_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Indexing the text was most of a reopen's time: the index is stored beside the document.
    import tui.engine.timeline
    from tui.engine.query import parse_query
    from tui.engine.timeline import Filter, Timeline

    folder = sample_copy(tmp_path / "blogs")
    cache = cache_at(tmp_path / "cache")
    first = [d for _, _, d in read_all([str(folder)], workers=0, cache=cache)]
    cache.flush()

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("indexed again")

    monkeypatch.setattr(tui.engine.timeline.TextIndex, "of", refuse)
    again = [d for _, _, d in read_all([str(folder)], workers=0, cache=cache)]
    assert [d.index for d in again] == [d.index for d in first]
    found = []
    for documents in (first, again):
        timeline = Timeline()
        timeline.upsert_many(documents)
        found.append([item.id for item in timeline.select(Filter(query=parse_query("kyiv")))])
    assert found[0] and found[1] == found[0]


def test_without_a_cache_nothing_is_stored(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", page("Headline", "Body."))
    list(read_all([str(tmp_path)], workers=0))
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]


def test_workers_store_what_they_parse_and_a_reopen_parses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.engine.loader, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(tui.engine.loader, "FIRST_IN_THREAD", 2)
    folder = tmp_path / "blogs"
    folder.mkdir()
    for n in range(9):
        write(folder / f"b{n}.txt", page(f"Blog {n}", f"Text {n}."))
    cache = cache_at(tmp_path / "cache")
    first = [d for _, _, d in read_all([str(folder)], workers=2, cache=cache)]
    cache.flush()
    assert len(list((tmp_path / "cache").glob("*.lbdoc"))) == 9
    parsed: list[str] = []
    monkeypatch.setattr(tui.engine.loader, "_Worker", None)  # no process may start
    monkeypatch.setattr(
        tui.engine.loader, "_parse_file", lambda path: parsed.append(path) or parse_file(path)
    )
    again = [d for _, _, d in read_all([str(folder)], workers=2, cache=cache)]
    assert parsed == []
    assert [d.document for d in again] == [d.document for d in first]


def test_only_the_changed_files_of_a_folder_are_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "blogs"
    folder.mkdir()
    for n in range(5):
        write(folder / f"b{n}.txt", page(f"Blog {n}", f"Text {n}."))
    cache = cache_at(tmp_path / "cache")
    list(read_all([str(folder)], workers=0, cache=cache))
    cache.flush()
    write(folder / "b3.txt", page("Blog 3", "Text 3, and more since."))
    write(folder / "b5.txt", page("Blog 5", "New."))
    parsed: list[str] = []
    monkeypatch.setattr(
        tui.engine.loader, "_parse_file", lambda path: parsed.append(path) or parse_file(path)
    )
    again = [d.document for _, _, d in read_all([str(folder)], workers=0, cache=cache)]
    assert [os.path.basename(p) for p in parsed] == ["b3.txt", "b5.txt"]
    assert again[3].entries[0].body == ("Text 3, and more since.",)
    assert [d.entries[0].title for d in again] == [f"Blog {n}" for n in range(6)]


# -- never stale -------------------------------------------------------------------------------


def test_a_file_edited_within_the_same_second_with_the_same_size_is_not_served_stale(
    tmp_path: Path,
) -> None:
    # The real rule, the real clock: a file touched under SETTLED_SECONDS ago is not stored,
    # so an edit in the same second (or the same coarse timestamp) cannot hide behind it.
    path = write(tmp_path / "a.txt", page("Headline", "Version A."))
    cache = ParseCache(tmp_path / "cache")
    assert read_all_bodies(path, cache) == ("Version A.",)
    write(path, page("Headline", "Version B."))
    assert read_all_bodies(path, cache) == ("Version B.",)


def read_all_bodies(path: Path, cache: ParseCache) -> tuple[str, ...]:
    documents = [d.document for _, _, d in read_all([str(path)], workers=0, cache=cache)]
    cache.flush()
    return documents[0].entries[0].body


def test_a_file_touched_too_recently_is_not_stored_even_when_its_status_cannot_tell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A filesystem whose timestamps only have seconds (or 2 s): two versions of the same
    # size written in one second have the very same status. Only the settling rule helps.
    path = write(tmp_path / "a.txt", page("Headline", "Version A."))
    second = 1_700_000_000

    def coarse(name: str) -> FileKey | None:
        size = os.path.getsize(name)
        return FileKey(size, second * 10**9, second * 10**9, 7, 8)

    monkeypatch.setattr(parse_cache, "stat_key", coarse)
    racing = ParseCache(tmp_path / "cache", clock=lambda: second + 0.5)
    assert read_all_bodies(path, racing) == ("Version A.",)
    write(path, page("Headline", "Version B."))
    assert read_all_bodies(path, racing) == ("Version B.",)
    # The same files settled long ago are stored (and then nobody could tell them apart).
    settled = ParseCache(tmp_path / "cache", clock=lambda: second + 10.0)
    assert read_all_bodies(path, settled) == ("Version B.",)
    assert isinstance(settled.find(str(path)), Found)


def test_a_file_changed_while_it_is_parsed_is_not_stored(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", page("Headline", "Version A."))
    cache = cache_at(tmp_path / "cache")

    def parse_then_edit(name: str) -> Document:
        document = parse_file(name)
        write(path, page("Headline", "Version B, longer."))
        return document

    assert cache.parse(str(path), parse_then_edit).entries[0].body == ("Version A.",)
    cache.flush()
    assert cache.find(str(path)) is None
    assert read_all_bodies(path, cache) == ("Version B, longer.",)


def test_restoring_the_mtime_after_an_edit_of_the_same_size_does_not_hide_it(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "a.txt", page("Headline", "Version A."))
    status = os.stat(path)
    cache = cache_at(tmp_path / "cache")
    assert read_all_bodies(path, cache) == ("Version A.",)
    assert isinstance(cache.find(str(path)), Found)
    time.sleep(0.01)
    write(path, page("Headline", "Version B."))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # as cp -p or rsync -t do
    assert os.stat(path).st_mtime_ns == status.st_mtime_ns
    assert read_all_bodies(path, cache) == ("Version B.",)


def test_a_file_replaced_by_another_with_the_same_status_but_inode_is_parsed(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "a.txt", page("Headline", "Version A."))
    cache = cache_at(tmp_path / "cache")
    assert read_all_bodies(path, cache) == ("Version A.",)
    other = write(tmp_path / "new.tmp", page("Headline", "Version B."))
    os.replace(other, path)
    assert read_all_bodies(path, cache) == ("Version B.",)


def test_a_relative_and_an_absolute_path_each_name_their_own_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", page("Headline", "Body."))
    cache = cache_at(tmp_path / "cache")
    for shown in ("a.txt", str(tmp_path / "a.txt"), "a.txt"):
        documents = [d.document for _, _, d in read_all([shown], workers=0, cache=cache)]
        cache.flush()
        assert documents[0].source.path == shown
    assert len(list((tmp_path / "cache").glob("*.lbdoc"))) == 2


# -- damaged files -----------------------------------------------------------------------------


def damage_truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def damage_flip(data: bytes) -> bytes:
    return data[:-40] + bytes([data[-40] ^ 0x55]) + data[-39:]


def damage_garbage(data: bytes) -> bytes:
    return os.urandom(len(data))


def damage_header(data: bytes) -> bytes:
    start = len(MAGIC) + 4
    return data[:start] + b"\xc1" * 8 + data[start + 8 :]


def damage_empty(data: bytes) -> bytes:
    return b""


def tamper_zone(data: bytes) -> bytes:
    """A well-formed file (checksum recomputed) naming a zone that is a path."""
    header, document = decode(data)
    body = msgspec.msgpack.encode((document, ["../../../etc/passwd"], [0], {}))
    fresh = (*header[:7], zlib.crc32(body))
    head = msgspec.msgpack.encode(fresh)
    return MAGIC + len(head).to_bytes(4, "big") + head + body


def tamper_index(data: bytes) -> bytes:
    """A well-formed file whose word index points past the document's entries."""
    header, _ = decode(data)
    start = len(MAGIC) + 4
    raw = msgspec.msgpack.decode(data[start + int.from_bytes(data[start - 4 : start], "big") :])
    count, vocabulary, offsets_code, offsets, _, postings = raw[4]
    raw[4] = [count, vocabulary, offsets_code, offsets, "B", bytes([200]) * len(postings)]
    body = msgspec.msgpack.encode(raw)
    head = msgspec.msgpack.encode((*header[:7], zlib.crc32(body)))
    return MAGIC + len(head).to_bytes(4, "big") + head + body


def tamper_naive(data: bytes) -> bytes:
    """A well-formed file whose document breaks the model's rules (a naive time)."""
    header, document = decode(data)
    start = len(MAGIC) + 4
    raw = msgspec.msgpack.decode(data[start + int.from_bytes(data[start - 4 : start], "big") :])
    raw[0]["entries"][0]["published"]["at"] = "2024-01-01T10:00:00"
    body = msgspec.msgpack.encode(raw)
    head = msgspec.msgpack.encode((*header[:7], zlib.crc32(body)))
    return MAGIC + len(head).to_bytes(4, "big") + head + body


@pytest.mark.parametrize(
    "damage",
    [
        damage_truncate,
        damage_flip,
        damage_garbage,
        damage_header,
        damage_empty,
        tamper_zone,
        tamper_naive,
        tamper_index,
    ],
)
def test_a_damaged_cache_file_is_parsed_again_with_a_warning(
    tmp_path: Path, damage: object
) -> None:
    path = write(tmp_path / "a.txt", page("Headline", "Body."))
    cache = cache_at(tmp_path / "cache")
    clean = [d.document for _, _, d in read_all([str(path)], workers=0, cache=cache)][0]
    cache.flush()
    assert clean.entries and clean.entries[0].published is not None
    file = cache_file(cache, path)
    assert callable(damage)
    file.write_bytes(damage(file.read_bytes()))
    warned = [d.document for _, _, d in read_all([str(path)], workers=0, cache=cache)][0]
    cache.flush()
    assert warned.entries == clean.entries
    assert warned.readable
    assert [p.message for p in warned.problems if "cache" in p.message] == [
        next(p.message for p in warned.problems if p.message.startswith("its parse cache file"))
    ]
    # Stored again, whole: the next load is a hit with no warning.
    assert isinstance(cache.find(str(path)), Found)
    again = [d.document for _, _, d in read_all([str(path)], workers=0, cache=cache)][0]
    assert same(again, clean)


def test_damaged_files_among_many_are_warned_about_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.engine.loader, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(tui.engine.loader, "FIRST_IN_THREAD", 0)
    folder = tmp_path / "blogs"
    folder.mkdir()
    for n in range(3):
        write(folder / f"b{n}.txt", page(f"Blog {n}", "Text."))
    cache = cache_at(tmp_path / "cache")
    list(read_all([str(folder)], workers=1, cache=cache))
    cache_file(cache, folder / "b1.txt").write_bytes(b"nonsense")
    cache_file(cache, folder / "b2.txt").write_bytes(b"nonsense, again")
    again = [d.document for _, _, d in read_all([str(folder)], workers=1, cache=cache)]
    assert [bool(d.problems) for d in again] == [False, True, True]


def test_a_cache_folder_that_cannot_be_written_only_makes_misses(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", page("Headline", "Body."))
    blocked = write(tmp_path / "cache", "a file where the folder should be")
    cache = cache_at(blocked)
    assert read_all_bodies(path, cache) == ("Body.",)
    assert read_all_bodies(path, cache) == ("Body.",)


# -- shared and bounded ------------------------------------------------------------------------


def test_readers_never_see_a_half_written_file_while_another_process_writes(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "a.txt", page("Headline", "Body " * 2000))
    writer = cache_at(tmp_path / "cache")
    reader = cache_at(tmp_path / "cache")
    document = parse_file(path)
    key = parse_cache.stat_key(str(path))
    assert key is not None
    done = threading.Event()

    def write_again() -> None:
        while not done.is_set():
            writer.store(str(path), key, time.time(), document)

    thread = threading.Thread(target=write_again)
    thread.start()
    try:
        loaded = 0
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            found = reader.find(str(path))
            if found is not None:
                assert reader.load(found) == document  # never a CacheError
                loaded += 1
    finally:
        done.set()
        thread.join()
    assert loaded > 0
    assert list((tmp_path / "cache").glob("*.tmp")) == []


def test_the_folder_is_bounded_the_least_recently_used_going_first(tmp_path: Path) -> None:
    names = [f"b{n}.txt" for n in range(6)]
    for name in names:
        write(tmp_path / name, page(name, "Some text. " * 300))
    probe = cache_at(tmp_path / "probe")
    probe.parse(str(tmp_path / names[0]), parse_file)
    probe.flush()
    size = next((tmp_path / "probe").glob("*.lbdoc")).stat().st_size
    cache = cache_at(tmp_path / "cache", max_bytes=int(size * 3.5))
    for n, name in enumerate(names):
        path = str(tmp_path / name)
        key = parse_cache.stat_key(path)
        assert key is not None
        assert cache.store(path, key, time.time(), parse_file(path))
        os.utime(cache_file(cache, path), (1000 + n, 1000 + n))  # used in this order
        cache.evict()
    kept = [name for name in names if cache_file(cache, tmp_path / name).exists()]
    assert kept == names[-3:]
    total = sum(p.stat().st_size for p in (tmp_path / "cache").iterdir())
    assert total <= size * 3.5


def test_temporary_files_left_by_a_dead_writer_are_removed_in_time(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    old = write(folder / "abc.tmp", "half a file")
    recent = write(folder / "def.tmp", "being written now")
    os.utime(old, (time.time() - 2 * 3600,) * 2)
    cache_at(folder).evict()
    assert sorted(p.name for p in folder.iterdir()) == [recent.name]


# -- the reader --------------------------------------------------------------------------------


@pytest.mark.parametrize(("flags", "cached"), [([], True), (["--no-cache"], False)])
def test_the_reader_uses_the_xdg_cache_unless_told_not_to(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, flags: list[str], cached: bool
) -> None:
    import tui.app
    from tui.reader_command import run_reader

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    write(tmp_path / "a.txt", page("Headline", "Body."))
    built: list[tui.app.ReaderApp] = []

    def run(self: tui.app.ReaderApp) -> None:
        built.append(self)
        self._return_code = 0

    monkeypatch.setattr(tui.app.ReaderApp, "run", run)
    assert run_reader([str(tmp_path / "a.txt"), *flags], terminal=True) == 0
    cache = built[0].cache
    assert (cache.folder if cache else None) == (
        str(tmp_path / "xdg" / "liveblog" / "parsed") if cached else None
    )


async def test_the_reader_reopening_a_folder_shows_the_same_entries_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import make_app

    folder = tmp_path / "blogs"
    folder.mkdir()
    for n in range(3):
        write(folder / f"b{n}.txt", page(f"Blog {n}", f"Text {n}."))
    cache = cache_at(tmp_path / "cache")
    shown: list[list[str]] = []
    for _ in range(2):
        app = make_app([folder], cache=cache)
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown.append([item.entry.id for item in app.timeline.items])
        cache.flush()
        monkeypatch.setattr(parsers.read, "parse_file", None)  # the second time: no parse
    assert shown[0] == shown[1] and len(shown[0]) == 6


def test_a_damaged_file_is_warned_about_once_even_when_it_cannot_be_stored_again(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "a.txt", page("Headline", "Body."))
    read_all_bodies(path, cache_at(tmp_path / "cache"))
    file = cache_file(cache_at(tmp_path / "cache"), path)
    file.write_bytes(file.read_bytes()[:-10])
    strict = ParseCache(tmp_path / "cache")  # the file is too fresh to be stored again
    loads = [
        [d.document for _, _, d in read_all([str(path)], workers=0, cache=strict)][0]
        for _ in range(2)
    ]
    strict.flush()
    assert [len(d.problems) for d in loads] == [1, 0]
    assert not file.exists()


def test_the_files_of_older_versions_of_a_document_go_once_unused_for_a_day(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "a.txt", page("Headline", "Version A."))
    cache = cache_at(tmp_path / "cache")
    read_all_bodies(path, cache)
    old = cache_file(cache, path)
    os.utime(old, (time.time() - 2 * 86400,) * 2)
    write(path, page("Headline", "Version B, longer."))
    read_all_bodies(path, cache)
    other = write(tmp_path / "b.txt", page("Other", "Unchanged for long."))
    read_all_bodies(other, cache)
    unchanged = cache_file(cache, other)
    os.utime(unchanged, (time.time() - 2 * 86400,) * 2)
    cache.evict()
    assert not old.exists()
    assert cache_file(cache, path).exists() and unchanged.exists()
