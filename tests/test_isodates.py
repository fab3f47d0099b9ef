"""Machine-written dates (feeds, JSON-LD) to aware timestamps, offsets kept."""

from __future__ import annotations

import time

import pytest

from parsers.isodates import from_struct_time, parse_machine_date
from parsers.model import Precision, ZoneBasis


@pytest.mark.parametrize(
    ("text", "iso", "zone"),
    [
        ("2024-03-09T17:42:00+00:00", "2024-03-09T17:42:00+00:00", ZoneBasis.STATED),
        ("2007-07-13T18:30:02-05:00", "2007-07-13T18:30:02-05:00", ZoneBasis.STATED),
        ("2003-12-13T18:30:02Z", "2003-12-13T18:30:02+00:00", ZoneBasis.STATED),
        ("2024-03-09T17:42:00.5+0530", "2024-03-09T17:42:00.500000+05:30", ZoneBasis.STATED),
        ("2024-03-09T17:42:00", "2024-03-09T17:42:00+00:00", ZoneBasis.ASSUMED),
        ("Thu, 21 Sep 2017 17:23:18 GMT", "2017-09-21T17:23:18+00:00", ZoneBasis.STATED),
        ("06 Sep 2021 12:00:00 EST", "2021-09-06T12:00:00-05:00", ZoneBasis.STATED),
        ("Tue, 07 May 2024 16:05:00 BST", "2024-05-07T16:05:00+01:00", ZoneBasis.STATED),
        ("Tue, 07 May 2024 16:05:00 CEST", "2024-05-07T16:05:00+02:00", ZoneBasis.STATED),
        ("Mon, 06 Sep 2021 12:00:00 -0000", "2021-09-06T12:00:00+00:00", ZoneBasis.ASSUMED),
        ("Mon, 06 Sep 2021 12:00:00", "2021-09-06T12:00:00+00:00", ZoneBasis.ASSUMED),
    ],
)
def test_machine_dates_keep_their_stated_offset(text: str, iso: str, zone: ZoneBasis) -> None:
    stamp = parse_machine_date(text)
    assert stamp is not None
    assert (stamp.iso(), stamp.zone) == (iso, zone)


def test_a_bare_date_is_date_only() -> None:
    stamp = parse_machine_date("2024-03-09")
    assert stamp is not None and stamp.precision is Precision.DATE and stamp.iso() == "2024-03-09"


@pytest.mark.parametrize(
    "text", ["", "yesterday", "2024-13-45T00:00:00Z", "32 Foo 2024", "9" * 500]
)
def test_anything_else_is_none(text: str) -> None:
    assert parse_machine_date(text) is None


def test_feedparser_struct_time_becomes_aware_utc() -> None:
    stamp = from_struct_time(time.struct_time((2024, 1, 2, 3, 4, 5, 1, 2, 0)))
    assert stamp is not None and stamp.at.utcoffset() is not None
    assert stamp.iso() == "2024-01-02T03:04:05+00:00"
