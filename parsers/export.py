"""Plain data views of the model, for JSON Lines output (``liveblog parse --json``, ``tail``)."""

from __future__ import annotations

from typing import Any

from parsers.model import Entry, Timestamp


def timestamp_fields(stamp: Timestamp | None) -> dict[str, Any]:
    """``published`` plus what is known about it."""
    if stamp is None:
        return {"published": None, "precision": None, "zone": None, "date_inferred": False}
    return {
        "published": stamp.iso(),
        "precision": stamp.precision.value,
        "zone": stamp.zone.value,
        "date_inferred": stamp.date_inferred,
    }


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """One entry as JSON-ready data, with the keys ``liveblog parse --json`` documents."""
    data: dict[str, Any] = {
        "id": entry.id,
        "source": entry.source.path,
        "position": entry.position,
    }
    data.update(timestamp_fields(entry.published))
    data.update(
        {
            "title": entry.title,
            "labels": list(entry.labels),
            "authors": [{"name": a.name, "role": a.role} for a in entry.authors],
            "body": "\n\n".join(entry.body),
            "captions": [{"text": c.text, "credit": c.credit} for c in entry.captions],
            "updated": entry.updated.iso() if entry.updated else None,
            "url": entry.url,
        }
    )
    clock = entry.clock
    if clock is not None:
        # The printed time of day, present whenever the page printed one; with
        # "published": null it is all that is known (no date, so no instant).
        data["time_of_day"] = clock.clock()
        data["time_of_day_zone"] = clock.zone
    else:
        data["time_of_day"] = None
        data["time_of_day_zone"] = None
    return data
