"""The reader's entry actions driven like a user: o opens the link, y copies, e exports,
t goes to a time, H shows the activity strip; and the config applied to the app."""

from __future__ import annotations

import dataclasses
import json
import webbrowser
from pathlib import Path
from typing import Any

import pytest
from reader_fixtures import NEW_YORK, guardian_blog, kyiv_blog, many_documents, screen_text

from parsers.model import Document, Problem
from tui.app import ReaderApp, make_app
from tui.engine.config import Config, Loaded, parse_config
from tui.entry_actions import EntryActions, nearest_in_span
from tui.screens.export_prompt import ExportPrompt
from tui.screens.time_prompt import TimePrompt
from tui.widgets.activity_strip import ActivityStrip
from tui.widgets.feed import Feed

SIZE = (120, 40)
LINK = "https://example.com/live/kyiv#post-1"


def linked_kyiv_blog() -> Document:
    """The BBC-like blog, its newest entry with a link."""
    blog = kyiv_blog()
    first = dataclasses.replace(blog.entries[0], url=LINK)
    return dataclasses.replace(blog, entries=(first, *blog.entries[1:]))


def reader(*documents: Document, settings: Loaded | None = None) -> ReaderApp:
    return make_app(
        documents=list(documents) or [linked_kyiv_blog(), guardian_blog()],
        local_zone=NEW_YORK,
        settings=settings,
    )


def record_notes(app: ReaderApp) -> list[tuple[str, str]]:
    """Every notification's (severity, text), as the app shows them."""
    notes: list[tuple[str, str]] = []
    shown = app.notify

    def notify(message: str, **options: Any) -> None:
        notes.append((options.get("severity", "information"), message))
        shown(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    return notes


def current_title(app: ReaderApp) -> str | None:
    item = app.query_one(Feed).current
    return item.entry.title if item else None


class FakeBrowser(webbrowser.BaseBrowser):
    """A browser that remembers what it was asked to open."""

    def __init__(self, works: bool = True) -> None:
        super().__init__("fake")
        self.opened: list[str] = []
        self.works = works

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return self.works


# -- o ---------------------------------------------------------------------------------------


async def test_o_opens_the_entrys_link_in_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("j")  # Explosions heard in Kyiv: the linked entry
        assert current_title(app) == "Explosions heard in Kyiv"
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert browser.opened == [LINK]
        assert notes == [("information", f"Opening {LINK} in the browser…")]


async def test_o_says_so_when_the_entry_has_no_link(monkeypatch: pytest.MonkeyPatch) -> None:
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("o")  # Zelensky addresses the nation: no link
        await app.workers.wait_for_complete()
        assert browser.opened == []
        assert notes == [
            (
                "warning",
                "“Zelensky addresses the nation” has no link to open (its source gave none).",
            )
        ]


async def test_o_reports_a_browser_that_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webbrowser, "get", lambda using=None: FakeBrowser(works=False))
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("j", "o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert notes[-1][0] == "error"
        assert f"Could not open {LINK}: the browser did not start" in notes[-1][1]


async def test_o_with_no_browser_at_all_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def none(using: str | None = None) -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", none)
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("j", "o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert notes[-1] == (
            "error",
            f"Could not open {LINK}: could not locate runnable browser "
            "(y copies the entry with its link).",
        )


async def test_a_link_that_is_not_a_web_address_is_never_handed_to_a_browser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    blog = kyiv_blog()
    odd = dataclasses.replace(blog.entries[0], url="--new-window=file:///etc/passwd")
    app = reader(dataclasses.replace(blog, entries=(odd,)))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert browser.opened == []
        assert notes[0][0] == "warning" and "has no link" in notes[0][1]


# -- y ---------------------------------------------------------------------------------------


async def test_y_copies_the_entry_as_plain_text_and_says_what() -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("j", "y")
        assert app.clipboard == (
            "Explosions heard in Kyiv\n"
            "2022-02-25 09:05 EET · bbc.txt\n"
            "By Joe Inwood\n"
            "\n"
            "Several blasts were heard before dawn.\n"
            "\n"
            "Air raid sirens sounded.\n"
            "\n"
            f"{LINK}\n"
        )
        assert notes == [
            (
                "information",
                "Copied “Explosions heard in Kyiv” to the clipboard: headline, time, source, "
                "body, link (9 lines).",
            )
        ]


async def test_y_copies_times_on_the_clock_shown() -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z", "z", "j", "y")  # UTC
        assert "2022-02-25 07:05 UTC · bbc.txt" in app.clipboard


async def test_y_keeps_escape_sequences_out_of_the_clipboard() -> None:
    blog = kyiv_blog()
    nasty = dataclasses.replace(
        blog.entries[0],
        title="Title\x1b]52;c;ZXZpbA==\x07",
        source=dataclasses.replace(blog.entries[0].source, name="bbc\x1b[31m.txt"),
    )
    app = reader(dataclasses.replace(blog, entries=(nasty,)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        assert "\x1b" not in app.clipboard and "\x07" not in app.clipboard
        assert "bbc\\x1b[31m.txt" in app.clipboard


# -- e ---------------------------------------------------------------------------------------


async def export(app: ReaderApp, pilot: Any, folder: Path, *keys: str) -> list[Path]:
    app.export_folder = str(folder)
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ExportPrompt)
    await pilot.press(*keys)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return sorted(folder.iterdir())


async def test_e_exports_the_filtered_timeline_as_markdown_named_from_the_query(
    tmp_path: Path,
) -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("slash", *"kyiv", "enter")
        shown = [item.entry.title for item in app.query_one(Feed).items]
        assert shown == ["Zelensky addresses the nation", "Explosions heard in Kyiv"]
        (path,) = await export(app, pilot, tmp_path, "m")
        assert path.name.startswith("liveblog-kyiv-") and path.suffix == ".md"
        text = path.read_text(encoding="utf-8")
        assert text.index("## Zelensky addresses") < text.index("## Explosions heard in Kyiv")
        assert "Sanctions announced" not in text
        assert "query: `kyiv`" in text
        assert notes[-1] == ("information", f"Wrote 2 entries as Markdown to {path}")


async def test_e_then_j_writes_json_lines_in_the_order_shown(tmp_path: Path) -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        (path,) = await export(app, pilot, tmp_path, "j")
        assert path.name.startswith("liveblog-all-") and path.suffix == ".jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [row["title"] for row in rows] == [
            item.entry.title for item in app.query_one(Feed).items
        ]
        assert rows[1]["url"] == LINK


async def test_e_then_esc_writes_nothing(tmp_path: Path) -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        assert await export(app, pilot, tmp_path, "escape") == []
        assert not isinstance(app.screen, ExportPrompt)


async def test_e_into_a_folder_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        app.export_folder = str(tmp_path / "missing")
        await pilot.press("e", "m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert notes[-1][0] == "error"
        assert notes[-1][1].startswith(f"Could not export to {tmp_path / 'missing'}: ")


async def test_a_highlight_only_query_exports_everything_under_a_plain_name(
    tmp_path: Path,
) -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"kyiv", "ctrl+t", "enter")
        (path,) = await export(app, pilot, tmp_path, "j")
        assert path.name.startswith("liveblog-all-")
        assert len(path.read_text(encoding="utf-8").splitlines()) == 6


async def test_e_on_a_large_timeline_writes_off_the_ui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import tui.engine.export

    threads: list[threading.Thread] = []
    write = tui.engine.export.write_export

    def recorded(*args: Any, **options: Any) -> Path:
        threads.append(threading.current_thread())
        return write(*args, **options)

    monkeypatch.setattr(tui.engine.export, "write_export", recorded)
    app = make_app(documents=many_documents(20, 500))
    async with app.run_test(size=SIZE) as pilot:
        (path,) = await export(app, pilot, tmp_path, "j")
        assert len(path.read_text(encoding="utf-8").splitlines()) == 10_000
        assert len(threads) == 1 and threads[0] is not threading.main_thread()


# -- t ---------------------------------------------------------------------------------------


async def go_to(app: ReaderApp, pilot: Any, text: str) -> None:
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(app.screen, TimePrompt)
    await pilot.press(*text, "enter")
    await pilot.pause()


async def test_t_moves_to_the_entry_nearest_a_date_and_time() -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "2022-02-24 07:00")  # on the cursor's clock, EET
        assert not isinstance(app.screen, TimePrompt)
        assert current_title(app) == "Troops cross the border"  # 06:00 EET
        assert len(app.query_one(Feed).items) == 6  # nothing filtered


async def test_t_reads_a_time_of_day_on_the_day_being_read() -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G", "k", "k")  # Troops cross the border, 24 Feb 06:00 EET
        await go_to(app, pilot, "22:00")  # 24 Feb 22:00 EET = 20:00 UTC
        assert current_title(app) == "Sanctions announced"  # 22:10 GMT
        await go_to(app, pilot, "yesterday 06:00")
        assert current_title(app) == "Markets fall"  # the date alone, 23 Feb


async def test_t_follows_the_zone_shown() -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z", "z")  # UTC
        await go_to(app, pilot, "2022-02-25 07:10")
        assert current_title(app) == "Explosions heard in Kyiv"  # 07:05 UTC
        await go_to(app, pilot, "2022-02-25 07:50")
        assert current_title(app) == "Zelensky addresses the nation"  # 08:00 UTC


async def test_t_with_a_bad_time_says_why_and_stays_open() -> None:
    app = reader()
    async with app.run_test(size=SIZE) as pilot:
        before = current_title(app)
        await go_to(app, pilot, "half past nine")
        assert isinstance(app.screen, TimePrompt)
        assert "not a time: write a time (10:00" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, TimePrompt)
        assert current_title(app) == before


async def test_t_on_an_empty_feed_says_there_is_nothing_to_go_to() -> None:
    app = make_app(documents=[])
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await go_to(app, pilot, "10:00")
        assert notes == [("warning", "No entry shown has a time to go to.")]


# -- H ---------------------------------------------------------------------------------------


async def show_strip(app: ReaderApp, pilot: Any) -> ActivityStrip:
    await pilot.press("H")
    return await counted(app, pilot)


async def counted(app: ReaderApp, pilot: Any) -> ActivityStrip:
    """The strip once it counted what the feed shows now."""
    strip = app.query_one(ActivityStrip)
    await pilot.pause(0.4)  # a poll of the strip
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if strip.activity is not None and not strip.pending:
            break
    return strip


async def test_H_shows_entries_per_hour_with_the_cursor_marked() -> None:
    app = make_app(documents=many_documents(4, 60))  # 240 entries a minute apart: 4 hours
    async with app.run_test(size=SIZE) as pilot:
        strip = await show_strip(app, pilot)
        assert strip.display and strip.size.height == 1
        assert strip.activity is not None
        assert strip.activity.counts == (60, 60, 60, 60)
        line = screen_text(app).splitlines()[strip.region.y]
        assert "█" * 40 in line
        assert "24 Feb 06:00 – 24 Feb 09:00 per hour UTC · █ 60" in line
        assert strip.cursor == app.query_one(Feed).current.published.at.timestamp()  # type: ignore[union-attr]
        await pilot.press("H")
        assert not strip.display


async def test_a_click_on_the_strip_jumps_to_that_hour() -> None:
    app = make_app(documents=many_documents(4, 60))
    async with app.run_test(size=SIZE) as pilot:
        strip = await show_strip(app, pilot)
        columns, cells = strip.columns()
        assert columns == 4 and cells > 1  # four hours, widened to fill the line
        await pilot.click(ActivityStrip, offset=(1, 0))  # padding 1: the first column
        await pilot.pause()
        item = app.query_one(Feed).current
        assert item is not None and item.published is not None
        assert item.published.at.hour == 6  # the oldest hour, 06:00-07:00
        await pilot.click(ActivityStrip, offset=(1 + 3 * cells + cells // 2, 0))
        await pilot.pause()
        item = app.query_one(Feed).current
        assert item is not None and item.published is not None
        assert item.published.at.hour == 9
        assert app.query_one(Feed).has_focus  # a click leaves the keys with the feed
        strip.focus()  # as tab does
        await pilot.press("left")
        await pilot.pause()
        item = app.query_one(Feed).current
        assert item is not None and item.published is not None
        assert item.published.at.hour == 8


async def test_the_strip_follows_a_filter_and_a_resize() -> None:
    app = make_app(documents=many_documents(4, 60))
    async with app.run_test(size=SIZE) as pilot:
        strip = await show_strip(app, pilot)
        assert strip.activity is not None and strip.activity.total == 240
        await pilot.press("slash", *"update 3-", "enter")
        strip = await counted(app, pilot)
        assert strip.activity is not None and strip.activity.total == 60
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        line = screen_text(app).splitlines()[strip.region.y]
        assert "█ 60" in line and len(line) <= 60


def test_nearest_in_span_prefers_entries_inside_the_span() -> None:
    keys = [-10.0, -9.0, -5.0, -1.0]  # entries at 10, 9, 5, 1 (newest first)
    assert nearest_in_span(keys, 4, 6) == 2
    assert nearest_in_span(keys, 5, 10) == 1  # inside: 9 and 5, nearest the middle 7.5: 9
    assert nearest_in_span(keys, 2, 3) in (2, 3)  # nothing inside: nearest anywhere
    assert nearest_in_span([], 0, 1) is None


async def test_the_strip_stays_cheap_at_100k_entries() -> None:
    app = make_app(documents=many_documents(100, 1000))
    async with app.run_test(size=SIZE) as pilot:
        strip = await show_strip(app, pilot)
        assert strip.activity is not None and strip.activity.total == 100_000
        await pilot.press("j")
        await pilot.pause()
        item = app.query_one(Feed).current
        assert item is not None and item.published is not None
        assert strip.cursor == item.published.at.timestamp()


# -- config ----------------------------------------------------------------------------------


async def test_the_config_sets_zone_view_settle_read_time_and_alerts() -> None:
    loaded = parse_config(
        'zone = "utc"\nview = "list"\nsettle = 0.5\nread_after = 2\nalerts = ["ceasefire"]\n'
    )
    assert loaded.problems == ()
    app = make_app(documents=[kyiv_blog()], alerts=["kyiv"], settings=loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "times: UTC (z)" in screen_text(app)
        assert "07:05 UTC" in screen_text(app)
        assert app.default_view == "list"
        assert app.settle_seconds == 0.5 and app.read_after == 2.0
        assert app.alerts == ("kyiv", "ceasefire")


async def test_the_config_settle_time_reaches_the_watch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nBody.\n")
    app = make_app([tmp_path], watch=True, settings=parse_config("settle = 0.4\n"))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            if app.ingest is not None:
                break
            await pilot.pause(0.05)
        assert app.ingest is not None and app.ingest.settle == 0.4


async def test_config_problems_are_shown_and_listed_never_raised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notes: list[tuple[str, str, str]] = []
    shown = ReaderApp.notify

    def notify(self: ReaderApp, message: str, **options: Any) -> None:
        notes.append((options.get("severity", ""), options.get("title", ""), message))
        shown(self, message, **options)

    monkeypatch.setattr(ReaderApp, "notify", notify)
    where = "/home/me/.config/liveblog/config.toml"
    loaded = parse_config('zone = "mars"\ncolour = 1\n', where)
    assert len(loaded.problems) == 2
    app = make_app(documents=[kyiv_blog()], settings=loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "2 problems (p)" in screen_text(app)
        assert notes == [
            (
                "warning",
                f"Config: {where}",
                "line 1: zone: must be one of source, local, utc, not 'mars'; using the "
                "default (+1 more, p lists them)",
            )
        ]
        await pilot.press("p")
        await pilot.pause()
        assert "line 2: unknown setting 'colour'" in screen_text(app)


async def test_key_remaps_from_the_config_move_the_actions() -> None:
    loaded = parse_config('[keys]\ncopy_entry = "Y"\njump_time = "ctrl+g"\nfollow = "F"\n')
    assert loaded.problems == ()
    app = make_app(documents=[kyiv_blog()], settings=loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        assert app.clipboard == ""
        await pilot.press("Y")
        assert app.clipboard.startswith("Explosions heard in Kyiv\n")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, TimePrompt)
        await pilot.press("escape", "j", "F")
        assert current_title(app) == "Explosions heard in Kyiv"


async def test_every_remappable_action_of_this_part_has_a_binding_id() -> None:
    ids = {binding.id for binding in EntryActions.BINDINGS}
    assert {"open_link", "copy_entry", "export", "jump_time", "activity"} <= ids
    app_ids = {binding.id for binding in ReaderApp.BINDINGS}
    assert {"quit", "help", "search", "cycle_zone", "toggle_sidebar", "follow"} <= app_ids


def test_run_reader_reads_the_config_under_xdg_config_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tui.reader_command

    folder = tmp_path / "liveblog"
    folder.mkdir()
    (folder / "config.toml").write_text('theme = "light"\nalerts = ["sirens"]\nbogus = 1\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    built: list[ReaderApp] = []

    def run(self: ReaderApp) -> None:
        built.append(self)
        self._return_code = 0

    monkeypatch.setattr(ReaderApp, "run", run)
    assert tui.reader_command.run_reader(["--alert", "kyiv"], terminal=True) == 0
    (app,) = built
    assert app.theme == "liveblog-light"
    assert app.alerts == ("kyiv", "sirens")
    assert [p.message for p in app.settings_problems] == [
        "line 3: unknown setting 'bogus' (known: zone, alerts, theme, view, settle, group, "
        "read_after, [keys])"
    ]
    assert isinstance(app.settings_problems[0], Problem)


async def test_without_settings_the_defaults_hold() -> None:
    app = make_app(documents=[kyiv_blog()], settings=Loaded(Config()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.default_view == "feed" and "times: source zone (z)" in screen_text(app)


def test_the_help_names_every_key_of_this_part() -> None:
    from tui.reader_settings import SettingsApp
    from tui.screens.help_screen import KEYS

    shown = {
        word.strip(",;")
        for _, rows in KEYS
        for keys, _ in rows
        for word in keys.split()
    }
    names = {"escape": "esc"}
    for widget in (EntryActions, SettingsApp, ActivityStrip, TimePrompt, ExportPrompt):
        for binding in widget.BINDINGS:
            assert not isinstance(binding, tuple)
            for key in binding.key.split(","):
                assert names.get(key, key) in shown, (widget.__name__, key)


async def test_a_remap_onto_a_key_in_use_is_said_once(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = parse_config('[keys]\ncopy_entry = "x"\n')
    app = make_app(documents=[kyiv_blog()], settings=loaded)
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("x", "j", "x")
        assert app.clipboard.startswith("Sanctions announced\n")
        clashes = [text for _, text in notes if text.startswith("Config keys:")]
        assert clashes == [
            "Config keys: a remapped key was the key of clear_filters, which has no key now "
            "([keys] in the config)"
        ]


@pytest.mark.asyncio
async def test_a_config_problem_names_its_file_without_escape_sequences(tmp_path: Path) -> None:
    from tui.engine.config import load_config

    folder = tmp_path / "evil\x1b[2J\x07" / "liveblog"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text("bogus = 1\n")
    app = make_app(documents=[], settings=load_config(folder / "config.toml"))
    said: list[str] = []
    original = app.notify

    def notify(message: str, **options: Any) -> None:
        said.append(message + str(options.get("title", "")))
        original(message, **options)

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert said and "bogus" in said[0]
    assert not any(ch in text for text in said for ch in "\x1b\x07")
