"""The panes' rows say a source's state in words, and those words are never cut first."""

from __future__ import annotations

import pytest
from reader_fixtures import screen_text
from textual.app import App, ComposeResult

from tui.app import source_note
from tui.widgets.pick_list import PickList, Row, fit_note

LONG = "Russia-Ukraine war: what we know on day 2 of the invasion, live updates"


class PaneApp(App[None]):
    CSS = "PickList { width: 100%; height: 1fr; }"

    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield PickList(id="sources")

    def on_mount(self) -> None:
        self.query_one(PickList).set_rows(self.rows)


ROWS = [
    Row("/a/live.txt", LONG, 12, gone=True, note="gone"),
    Row("/a/bad.bin", "bad.bin", 0, gone=True, note="unreadable"),
    Row("/a/new.txt", LONG, 7, note="renamed from old-name.txt"),
    Row("/a/plain.txt", LONG, 3),
]


@pytest.mark.parametrize("width", [30, 46, 80, 200])
async def test_gone_unreadable_and_renamed_read_as_words_at_every_width(width: int) -> None:
    app = PaneApp(ROWS)
    async with app.run_test(size=(width, 8)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
    gone, bad, renamed, plain = lines[:4]
    assert gone.rstrip().endswith(" gone 12")
    assert bad.rstrip().endswith(" unreadable 0")
    if width >= 46:
        assert renamed.rstrip().endswith(" renamed from old-name.txt 7")
    else:
        assert renamed.rstrip().endswith(" renamed 7")
    assert gone.startswith("  [ ] Russia")  # the label keeps a few cells
    assert plain.rstrip().endswith(" 3")
    assert ("…" in plain) is (width < 6 + len(LONG) + 2)  # cut only for want of room


def test_a_note_keeps_its_words_and_cuts_the_file_name_in_the_middle() -> None:
    note = "renamed from 003_816f4847ca21db51.txt"
    assert fit_note(note, 40) == note
    assert fit_note(note, 27) == "renamed from 003_81…b51.txt"
    assert fit_note(note, 13) == "renamed"
    assert fit_note("gone", 10) == "gone"


def test_source_note_names_the_state() -> None:
    assert source_note(gone=True, readable=True, renamed_from="/x/y.txt") == "gone"
    assert source_note(gone=False, readable=False, renamed_from=None) == "unreadable"
    assert source_note(gone=False, readable=True, renamed_from="/x/dir/") == "renamed from dir"
    assert source_note(gone=False, readable=True, renamed_from=None) is None


async def test_a_row_counted_for_unread_entries_says_unread_of_all() -> None:
    rows = [Row("/a/x.txt", LONG, 20, unread=3), Row("/a/y.txt", "y.txt", 5)]
    app = PaneApp(rows)
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert lines[0].rstrip().endswith(" 3/20") and "Russia" in lines[0]
        assert lines[1].rstrip().endswith(" 5") and "/" not in lines[1]  # not counted
