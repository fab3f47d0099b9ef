"""Showing published times honestly, in the source's zone, the local zone or UTC."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from enum import StrEnum

from parsers.model import Precision, TimeOfDay, Timestamp, ZoneBasis


class ZoneMode(StrEnum):
    """Which clock times are shown on."""

    SOURCE = "source"
    LOCAL = "local"
    UTC = "UTC"

    def next(self) -> ZoneMode:
        order = list(ZoneMode)
        return order[(order.index(self) + 1) % len(order)]

    def label(self) -> str:
        return {
            ZoneMode.SOURCE: "source zone",
            ZoneMode.LOCAL: "local",
            ZoneMode.UTC: "UTC",
        }[self]


@dataclass(frozen=True, slots=True)
class ShownTime:
    """A timestamp as displayed: the clock text, the day it falls on, and caveats."""

    clock: str
    """``10:05 GMT``; for a date-only time, the date itself."""
    day: date
    notes: tuple[str, ...]
    """``zone assumed``, ``date only``, ``date inferred``."""


def convert(at: datetime, mode: ZoneMode, local: tzinfo | None) -> datetime:
    if mode is ZoneMode.UTC:
        return at.astimezone(UTC)
    if mode is ZoneMode.LOCAL:
        return at.astimezone(local) if local is not None else at.astimezone()
    return at


def zone_name(at: datetime) -> str:
    name = at.tzname() or ""
    if not name or name.startswith(("+", "-")) and len(name) > 3:
        offset = at.strftime("%z")
        return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return name


def show(stamp: Timestamp, mode: ZoneMode, local: tzinfo | None = None) -> ShownTime:
    """How ``stamp`` reads in ``mode``. Date-only times are never converted or given a clock."""
    notes: list[str] = []
    if stamp.precision is Precision.DATE:
        day = stamp.at.date()
        notes.append("date only")
        return ShownTime(day.strftime("%d %b %Y").lstrip("0"), day, tuple(notes))
    at = convert(stamp.at, mode, local)
    if stamp.zone is ZoneBasis.ASSUMED:
        notes.append("zone assumed")
    if stamp.date_inferred:
        notes.append("date inferred")
    return ShownTime(f"{at:%H:%M} {zone_name(at)}", at.date(), tuple(notes))


def day_label(day: date) -> str:
    """``Friday 25 February 2022``."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def full(
    stamp: Timestamp, mode: ZoneMode, local: tzinfo | None = None, *, iso: bool = True
) -> str:
    """A complete, unambiguous rendering for the full view (``iso``: with the ISO 8601 form)."""
    shown = show(stamp, mode, local)
    if stamp.precision is Precision.DATE:
        text = f"{day_label(shown.day)}"
    else:
        at = convert(stamp.at, mode, local)
        text = f"{day_label(at.date())}, {shown.clock}"
        if iso:
            text += f" ({at.isoformat()})"
    if shown.notes:
        text += f"  [{', '.join(shown.notes)}]"
    return text


NO_DATE = "no date"


def _zone_label(zone: str) -> str:
    """``UTC``, ``UTC+05:30``, or the IANA name's place (``Europe/London`` → ``London time``)."""
    if zone == "UTC" or zone[:1] in "+-":
        return zone if zone == "UTC" else f"UTC{zone}"
    return f"{zone.rsplit('/', 1)[-1].replace('_', ' ')} time"


def show_clock(clock: TimeOfDay, mode: ZoneMode) -> tuple[str, tuple[str, ...]]:
    """A time of day that has no date: ``("22:15", ("no date",))``.

    It is never converted to another zone: without a date the offset (summer time or not)
    is unknown, so in the local and UTC modes it says it shows the source's clock.
    """
    text = clock.clock()
    notes = [NO_DATE]
    if clock.zone is not None and clock.basis is ZoneBasis.STATED:
        text += f" {_zone_label(clock.zone)}"
    elif clock.zone is not None:
        notes.append(f"assumed {_zone_label(clock.zone)}")
    if mode is not ZoneMode.SOURCE:
        notes.append("source clock")
    return text, tuple(notes)


def full_clock(clock: TimeOfDay, mode: ZoneMode) -> str:
    """The full view of a time of day without a date, with what the page printed."""
    text, notes = show_clock(clock, mode)
    if clock.printed:
        text += f" (printed {clock.printed!r})"
    return f"{text}  [{', '.join(notes)}]"

