"""Synthetic documents and screen reading for the reader's tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from textual.app import App
from textual.pilot import Pilot

if TYPE_CHECKING:
    from tui.app import ReaderApp

from parsers.model import (
    Author,
    Caption,
    Document,
    Entry,
    Precision,
    Source,
    Timestamp,
    ZoneBasis,
)

LONDON = ZoneInfo("Europe/London")
KYIV = ZoneInfo("Europe/Kyiv")
NEW_YORK = ZoneInfo("America/New_York")


def stamp(
    text: str,
    zone: timezone | ZoneInfo = KYIV,
    *,
    basis: ZoneBasis = ZoneBasis.STATED,
    precision: Precision = Precision.TIME,
) -> Timestamp:
    return Timestamp(datetime.fromisoformat(text).replace(tzinfo=zone), precision, basis)


def entry(
    path: str,
    position: int,
    *,
    title: str | None = None,
    body: tuple[str, ...] = ("Body text.",),
    published: Timestamp | None = None,
    authors: tuple[Author, ...] = (),
    labels: tuple[str, ...] = (),
    captions: tuple[Caption, ...] = (),
) -> Entry:
    return Entry(
        id=f"{path}#{position}",
        source=Source(path, path.rsplit("/", 1)[-1]),
        position=position,
        published=published,
        title=title,
        labels=labels,
        authors=authors,
        body=body,
        captions=captions,
    )


def document(path: str, entries: list[Entry], **fields: object) -> Document:
    return Document(
        source=Source(path, path.rsplit("/", 1)[-1]),
        format="synthetic",
        entries=tuple(entries),
        **fields,  # type: ignore[arg-type]
    )


KATE = Author("Kate Vinton", "Live reporter")
JOE = Author("Joe Inwood", "BBC Kyiv correspondent")
ANNA = Author("Anna Kovalenko")


def kyiv_blog() -> Document:
    """A BBC-like blog: three timed entries on two days, one assumed zone, two authors."""
    path = "/data/bbc.txt"
    return document(
        path,
        [
            entry(
                path,
                0,
                title="Explosions heard in Kyiv",
                body=("Several blasts were heard before dawn.", "Air raid sirens sounded."),
                published=stamp("2022-02-25T09:05"),
                authors=(JOE,),
                labels=("Breaking",),
            ),
            entry(
                path,
                1,
                title="Sanctions announced",
                body=("The UK announced new sanctions on Russian banks.",),
                published=stamp("2022-02-24T22:10", LONDON, basis=ZoneBasis.ASSUMED),
                authors=(KATE,),
            ),
            entry(
                path,
                2,
                title="Troops cross the border",
                body=("Russian troops crossed into Ukraine from the north.",),
                published=stamp("2022-02-24T06:00"),
                authors=(JOE, KATE),
                captions=(Caption("Tanks near the border", "Reuters"),),
            ),
        ],
        title="Ukraine invasion live",
        key_points=("Russia invades Ukraine", "Sanctions follow"),
    )


def guardian_blog() -> Document:
    """A second source: one timed entry, one date-only, one undated."""
    path = "/data/guardian.html"
    return document(
        path,
        [
            entry(
                path,
                0,
                title="Zelensky addresses the nation",
                body=("The president spoke from Kyiv.", "He asked for a ceasefire."),
                published=stamp("2022-02-25T08:00", UTC),
                authors=(ANNA,),
                labels=("Analysis",),
            ),
            entry(
                path,
                1,
                title="Markets fall",
                body=("Stocks fell across Europe.",),
                published=stamp(
                    "2022-02-23T00:00", UTC, precision=Precision.DATE, basis=ZoneBasis.NONE
                ),
            ),
            entry(path, 2, title="Background: the Donbas", body=("A short history.",)),
        ],
    )


def many_documents(count: int, per_document: int) -> list[Document]:
    """``count`` documents of ``per_document`` entries, a minute apart, newest first."""
    start = datetime(2022, 2, 24, 6, 0, tzinfo=UTC)
    docs = []
    for d in range(count):
        path = f"/bulk/blog{d:03}.txt"
        entries = [
            entry(
                path,
                i,
                title=f"Update {d}-{i}",
                body=(f"Paragraph about item {d}-{i} and the war.", "Another line of text."),
                published=Timestamp(start + timedelta(minutes=d * per_document + i)),
                authors=(Author(f"Reporter {i % 7}"),),
            )
            for i in range(per_document)
        ]
        docs.append(document(path, entries))
    return docs


def screen_text(app: App[object]) -> str:
    """What the terminal shows now, one line per row, styles dropped."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def until(
    pilot: Pilot[int], condition: Callable[[], bool], what: str, limit: float = 10.0
) -> None:
    """Let the app run until ``condition`` holds (at most ``limit`` seconds)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.01)


async def ready(pilot: Pilot[int], app: ReaderApp) -> None:
    """Wait for the loading and the state store."""
    await until(pilot, lambda: app.loading is None and app.state is not None, "the reader")
    await pilot.pause()
