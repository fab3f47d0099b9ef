"""Read state, marks, the last visit and the view, as the reader shows and keeps them."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from reader_fixtures import NEW_YORK, guardian_blog, kyiv_blog, screen_text
from textual.widgets import Static

from parsers.model import Problem
from tests.reader_fixtures import ready, until
from tui.app import ReaderApp, make_app
from tui.engine.state import FILE_NAME, StateStore, ViewSettings
from tui.engine.timeline import Item
from tui.messages import StateProblem
from tui.reader_command import build_parser
from tui.sample import sample_dir
from tui.screens.text_screen import TextScreen
from tui.time_display import ZoneMode
from tui.widgets.pick_list import PickList

SIZE = (120, 40)
QUICK = 0.15
"""Seconds on an entry before it counts as read, in these tests."""


def status(app: ReaderApp) -> str:
    return screen_text(app).splitlines()[-1]


def unread_shown(app: ReaderApp) -> int:
    found = re.search(r"(\d+) unread", status(app))
    assert found, status(app)
    return int(found.group(1))


def synthetic_app(**options: object) -> ReaderApp:
    return make_app(
        documents=[kyiv_blog(), guardian_blog()],
        local_zone=NEW_YORK,
        **options,  # type: ignore[arg-type]
    )


def line_of(app: ReaderApp, title: str) -> str:
    return next(line for line in screen_text(app).splitlines() if title in line)


def line_of_item(item: Item) -> str:
    published = item.entry.published
    return "" if published is None else f"{published.at:%H:%M}"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "state" / FILE_NAME


# -- read state ---------------------------------------------------------------------------


async def test_an_entry_is_read_after_a_while_under_the_cursor_not_when_passed_over() -> None:
    app = synthetic_app(read_after=1.0)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        first = app.feed.current
        assert first is not None and app.state is not None
        assert "• 08:00 UTC" in line_of(app, "Zelensky addresses the nation")
        assert unread_shown(app) == 6
        await pilot.press("j", "j", "j")  # quickly over two entries
        third = app.feed.current
        assert third is not None and third.entry.title == "Troops cross the border"
        assert not app.state.is_read(third.id)
        await until(pilot, lambda: app.state is not None and app.state.is_read(third.id), "read")
        await pilot.pause()
        read = {item.entry.title for item in app.feed.items if app.state.is_read(item.id)}
        assert "Explosions heard in Kyiv" not in read
        assert "Sanctions announced" not in read
        assert unread_shown(app) == 6 - len(read)
        assert "• " not in line_of(app, "Troops cross the border")[:40]


async def test_opening_an_entry_reads_it_at_once() -> None:
    app = synthetic_app(read_after=30)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextScreen)
        item = app.feed.current
        assert item is not None and app.state is not None and app.state.is_read(item.id)


async def test_u_toggles_and_an_unread_entry_stays_so_under_the_cursor() -> None:
    app = synthetic_app(read_after=QUICK)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        item = app.feed.current
        assert item is not None and app.state is not None
        await until(pilot, lambda: app.state is not None and app.state.is_read(item.id), "read")
        await pilot.press("u")
        await pilot.pause(QUICK * 3)
        assert not app.state.is_read(item.id)  # the timer does not read it again
        assert "• 08:00 UTC" in line_of(app, "Zelensky addresses the nation")
        await pilot.press("u")
        assert app.state.is_read(item.id)


async def test_U_reads_every_entry_shown_and_only_those() -> None:
    app = synthetic_app(read_after=30)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("slash", *"kyiv", "enter")
        await pilot.pause()
        assert unread_shown(app) == 2
        await pilot.press("U")
        await pilot.pause()
        assert unread_shown(app) == 0
        await pilot.press("x")
        await pilot.pause()
        assert unread_shown(app) == 4
        assert app.state is not None
        read = {item.entry.title for item in app.feed.items if app.state.is_read(item.id)}
        assert read == {"Zelensky addresses the nation", "Explosions heard in Kyiv"}


async def test_the_sources_pane_counts_unread_entries() -> None:
    app = synthetic_app(read_after=30)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        assert "guardian.html        3/3" in screen_text(app)
        await pilot.press("u", "j", "j", "j", "j", "u")  # Zelensky and Markets (guardian)
        await pilot.pause()
        screen = screen_text(app)
        assert "guardian.html        1/3" in screen
        assert "Ukraine invasion li… 3/3" in screen


async def test_brackets_go_to_the_next_and_previous_unread_entry() -> None:
    app = synthetic_app(read_after=30)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        assert app.state is not None
        items = app.feed.items
        app.state.set_read([items[1].id, items[2].id, items[4].id])
        await pilot.press("right_square_bracket")
        assert app.feed.cursor == 3
        await pilot.press("right_square_bracket")
        assert app.feed.cursor == 5
        await pilot.press("right_square_bracket")  # around to the top
        assert app.feed.cursor == 0
        await pilot.press("left_square_bracket")
        assert app.feed.cursor == 5
        app.state.set_read([item.id for item in items])
        await pilot.press("right_square_bracket")
        assert app.feed.cursor == 5
        assert any("No unread entry" in n.message for n in app._notifications)


async def test_is_unread_filters_on_the_state_when_typed() -> None:
    app = synthetic_app(read_after=QUICK)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        state = app.state
        assert state is not None
        first = app.feed.items[0]
        await until(pilot, lambda: state.is_read(first.id), "the first entry read")
        await pilot.press("slash", *"is:unread", "enter")
        await pilot.pause()
        titles = [item.entry.title for item in app.feed.items]
        assert "Zelensky addresses the nation" not in titles and len(titles) == 5
        current = app.feed.current
        assert current is not None
        await until(pilot, lambda: state.is_read(current.id), "the cursor's entry read")
        await pilot.pause()
        assert len(app.feed.items) == 5  # it stays in the list
        assert unread_shown(app) == 4
        await pilot.press("U")
        await pilot.pause()
        assert len(app.feed.items) == 5 and unread_shown(app) == 0
        await pilot.press("slash", "space", "enter")  # the query again: nothing unread left
        await pilot.pause()
        assert app.feed.items == []
        await pilot.press("slash", *(["backspace"] * 10), *"is:read", "enter")
        await pilot.pause()
        assert len(app.feed.items) == 6


# -- marks --------------------------------------------------------------------------------


async def test_m_marks_in_both_views_quotes_jump_and_is_marked_filters() -> None:
    app = synthetic_app(read_after=30)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("j", "m", "j", "j", "j", "m", "g")
        await pilot.pause()
        assert "•★ 09:05 EET" in line_of(app, "Explosions heard in Kyiv")
        await pilot.press("v")
        await pilot.pause()
        assert re.search(r"•★ 23 Feb 2022 .* Markets fall", line_of(app, "Markets fall"))
        await pilot.press("apostrophe")
        assert app.feed.cursor == 1
        await pilot.press("apostrophe")
        assert app.feed.cursor == 4
        await pilot.press("apostrophe")
        assert app.feed.cursor == 1
        await pilot.press("quotation_mark")
        assert app.feed.cursor == 4
        await pilot.press("slash", *"is:marked", "enter")
        await pilot.pause()
        titles = [item.entry.title for item in app.feed.items]
        assert titles == ["Explosions heard in Kyiv", "Markets fall"]
        await pilot.press("m")  # unmarked: it stays until the query is typed again
        await pilot.pause()
        assert len(app.feed.items) == 2
        assert "★" not in line_of(app, "Explosions heard in Kyiv")


# -- across sessions ----------------------------------------------------------------------


async def test_the_sample_read_over_three_entries_is_remembered_after_a_restart(
    db: Path,
) -> None:
    app = make_app([sample_dir()], keep_state=True, state_path=db, read_after=QUICK)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        assert unread_shown(app) == 25 - 1 or unread_shown(app) == 25
        state = app.state
        assert state is not None
        for _ in range(3):
            await pilot.press("j")
            item = app.feed.current
            assert item is not None
            await until(pilot, lambda: state.is_read(item.id), "the entry read")  # noqa: B023
        await pilot.press("m")
        await pilot.pause()
        marked = app.feed.current
        assert marked is not None
    again = make_app([sample_dir()], keep_state=True, state_path=db, read_after=30)
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot, again)
        assert again.state is not None
        read = [item for item in again.feed.items if again.state.is_read(item.id)]
        assert len(read) >= 3
        assert unread_shown(again) == 25 - len(read) <= 22
        assert again.state is not None and again.state.is_marked(marked.id)
        await pilot.press("apostrophe")
        assert again.feed.current is not None and again.feed.current.id == marked.id
        assert "★" in screen_text(again)


async def test_the_view_zone_and_panes_are_restored(db: Path) -> None:
    app = synthetic_app(keep_state=True, state_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("v", "z", "z", "s")
        await pilot.pause()
    store = StateStore(db)
    assert store.view() == ViewSettings(zone="utc", panes=(), mode="list")
    store.close()
    again = synthetic_app(keep_state=True, state_path=db)
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot, again)
        assert again.feed.list_view and again.mode is ZoneMode.UTC
        assert again.query_one("#sidebar").region.width == 0
        assert "07:05 UTC" in line_of(again, "Explosions heard in Kyiv")
        assert "times: UTC (z)" in status(again)
        await pilot.press("s", "v")
    again = synthetic_app(keep_state=True, state_path=db)
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot, again)
        assert not again.feed.list_view
        assert again.query_one("#sidebar").region.width > 0


async def test_new_since_the_last_visit_is_shown_between_newer_and_older_entries(
    tmp_path: Path, db: Path
) -> None:
    folder = tmp_path / "blog"
    shutil.copytree(sample_dir(), folder)
    store = StateStore(db)
    store.record_visit(str(folder), datetime(2022, 2, 21, 11, 40, tzinfo=UTC))
    store.close()
    app = make_app([folder], keep_state=True, state_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("v")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        at = next(n for n, line in enumerate(lines) if "new since your last visit" in line)
        assert "11:49 UTC" in lines[at - 1]
        assert "11:33 UTC" in lines[at + 1]
        await pilot.press("v")  # in the feed too, above the first older entry
        older = next(i for i, item in enumerate(app.feed.items) if "11:33" in line_of_item(item))
        app.feed.go_to(older)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        at = next(n for n, line in enumerate(lines) if "new since your last visit" in line)
        assert "11:33 UTC" in lines[at + 1]
    # This visit is recorded: nothing is new the next time.
    again = make_app([folder], keep_state=True, state_path=db)
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot, again)
        await pilot.press("v")
        await pilot.pause()
        assert "new since your last visit" not in screen_text(again)


async def test_no_state_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert build_parser().parse_args(["--no-state"]).no_state
    assert not build_parser().parse_args([]).no_state
    app = make_app([sample_dir()], keep_state=False, read_after=QUICK)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("m", "v")
        await pilot.pause(QUICK * 3)
        assert app.state is not None and not app.state.persistent
        assert app.state.marked_ids
    assert not (tmp_path / "xdg").exists()


async def test_by_default_the_state_goes_under_xdg_state_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    app = synthetic_app(keep_state=True)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("m")
    assert StateStore(tmp_path / "xdg" / "liveblog" / FILE_NAME).marked_ids


# -- a database that cannot be used -------------------------------------------------------


async def test_a_corrupt_database_gives_a_warning_and_a_working_reader(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database " * 100)
    app = make_app([sample_dir()], keep_state=True, state_path=db, read_after=QUICK)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert warnings and "damaged" in warnings[0].message
        assert "1 problem (p)" in status(app)
        await pilot.press("j", "m", "v")
        item = app.feed.current
        assert item is not None and app.state is not None
        await until(pilot, lambda: app.state is not None and app.state.is_read(item.id), "read")
        await pilot.pause()
        assert unread_shown(app) <= 24
        assert "★" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert "damaged" in screen_text(app)
    assert db.read_bytes().startswith(b"this is not a database")  # left alone


async def test_a_locked_database_gives_a_warning_and_a_working_reader(db: Path) -> None:
    import sqlite3

    StateStore(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        app = synthetic_app(keep_state=True, state_path=db)
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.state is not None, "the state")
            await pilot.pause()
            assert any("locked" in n.message for n in app._notifications)
            await pilot.press("m")
            assert app.state is not None and app.state.marked_ids
    finally:
        holder.execute("ROLLBACK")
        holder.close()


async def test_saving_that_fails_later_is_a_warning() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        app.post_message(StateProblem(Problem("state.sqlite3", "saving failed: disk full")))
        await pilot.pause()
        assert any("disk full" in n.message for n in app._notifications)
        assert "1 problem (p)" in status(app)


async def test_the_counts_stay_true_through_any_mix_of_keys() -> None:
    import random

    from reader_fixtures import many_documents

    rng = random.Random(12)
    keys = ["j", "k", "u", "U", "m", "v", "G", "g", "right_square_bracket", "x", "apostrophe"]
    keys += ["enter", "escape"]  # opening reads
    app = make_app(documents=[*many_documents(3, 30), kyiv_blog()], read_after=3600)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, app)
        for step in range(50):
            if step % 10 == 5:
                await pilot.press("slash", *rng.choice(["update 1", "is:unread", "war"]), "enter")
            else:
                await pilot.press(rng.choice(keys))
            await pilot.pause()
            state = app.state
            assert state is not None
            unread = sum(1 for item in app.feed.items if not state.is_read(item.id))
            said = str(app.query_one("#status", Static).content)  # a view may cover it
            assert f"│ {unread} unread" in said, (step, said)
            for row in app.query_one("#sources", PickList).rows:
                document = app.timeline.document(row.key)
                assert document is not None
                assert row.unread == sum(1 for e in document.entries if not state.is_read(e.id))


async def test_the_default_view_applies_until_a_view_is_saved(db: Path) -> None:
    app = synthetic_app(keep_state=True, state_path=db)
    app.default_view = "list"  # as a config file's view = "list" sets it
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        assert app.feed.list_view
        await pilot.press("v")
    again = synthetic_app(keep_state=True, state_path=db)
    again.default_view = "list"
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot, again)
        assert not again.feed.list_view  # the view saved wins
