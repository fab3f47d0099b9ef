"""The reader driven like a user drives it: keys, mouse and what the screen then shows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reader_fixtures import NEW_YORK, guardian_blog, kyiv_blog, many_documents, screen_text
from textual.binding import Binding

from parsers.read import expand_paths, parse_file
from tui.app import ReaderApp, make_app
from tui.sample import sample_dir
from tui.screens.help_screen import HelpScreen
from tui.screens.text_screen import Page, TextScreen
from tui.widgets.feed import Feed
from tui.widgets.pick_list import PickList
from tui.widgets.query_bar import QueryBar

SIZE = (120, 40)


def synthetic_app() -> ReaderApp:
    return make_app(documents=[kyiv_blog(), guardian_blog()], local_zone=NEW_YORK)


def feed_titles(app: ReaderApp) -> list[str | None]:
    return [item.entry.title for item in app.query_one(Feed).items]


def current_title(app: ReaderApp) -> str | None:
    item = app.query_one(Feed).current
    return item.entry.title if item else None


async def test_starts_on_the_seeds_and_shows_every_entry() -> None:
    expected = sum(len(parse_file(path).entries) for path, _ in expand_paths([str(sample_dir())]))
    app = make_app([sample_dir()])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.query_one(Feed).items) == expected
        assert f"showing {expected} of {expected} entries" in screen_text(app)


async def test_the_feed_shows_times_badges_bylines_and_day_separators() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_text(app)
        assert "── Friday 25 February 2022" in screen
        assert "08:00 UTC" in screen and "Zelensky addresses the nation" in screen
        assert "09:05 EET" in screen
        assert "Breaking" in screen and "Analysis" in screen
        assert "by Joe Inwood (BBC Kyiv correspondent) · Ukraine invasion live" in screen
        assert "22:10 GMT (zone assumed)" in screen
        assert "── Thursday 24 February 2022" in screen


async def test_date_only_and_undated_entries_say_so() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")
        await pilot.pause()
        screen = screen_text(app)
        assert "23 Feb 2022 (date only)" in screen
        assert "── undated" in screen
        assert "no time  Background: the Donbas" in screen


async def test_j_k_g_and_G_move_the_cursor() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        assert current_title(app) == "Zelensky addresses the nation"
        await pilot.press("j", "j")
        assert current_title(app) == "Sanctions announced"
        await pilot.press("k")
        assert current_title(app) == "Explosions heard in Kyiv"
        await pilot.press("G")
        assert current_title(app) == "Background: the Donbas"
        await pilot.press("g")
        assert current_title(app) == "Zelensky addresses the nation"
        await pilot.press("down", "end", "up", "home")
        assert current_title(app) == "Zelensky addresses the nation"


async def test_paging_moves_through_a_long_feed_and_back() -> None:
    app = make_app(documents=many_documents(3, 100))
    async with app.run_test(size=(80, 24)) as pilot:
        feed = app.query_one(Feed)
        await pilot.press("space")
        first_page = feed.cursor
        assert first_page > 0
        await pilot.press("space")
        assert feed.cursor > first_page
        await pilot.press("b", "b")
        assert feed.cursor == 0
        await pilot.press("G")
        await pilot.pause()
        assert "Update 0-0" in screen_text(app)  # the oldest entry is on screen
        await pilot.press("pagedown")
        assert feed.cursor == 299


async def test_the_sources_pane_filters_and_the_selection_clears() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        sources = app.query_one("#sources", PickList)
        sources.focus()
        await pilot.press("down", "space")  # the second source: guardian.html
        await pilot.pause()
        assert feed_titles(app) == [
            "Zelensky addresses the nation",
            "Markets fall",
            "Background: the Donbas",
        ]
        screen = screen_text(app)
        assert "[x] guardian.html" in screen
        assert "1 selected · c clears" in screen
        assert "showing 3 of 6 entries │ from: guardian.html" in screen
        await pilot.press("c")
        await pilot.pause()
        assert len(feed_titles(app)) == 6
        assert "[x]" not in screen_text(app)


async def test_the_authors_pane_filters_by_several_authors() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")  # from the feed: wraps to the sources pane
        await pilot.press("tab")
        assert app.focused is app.query_one("#authors")
        # Authors are listed most prolific first: Joe Inwood, Kate Vinton, Anna Kovalenko.
        await pilot.press("space", "down", "down", "space")
        await pilot.pause()
        assert feed_titles(app) == [
            "Zelensky addresses the nation",
            "Explosions heard in Kyiv",
            "Troops cross the border",
        ]
        assert "[x] Joe Inwood BBC Kyiv c" in screen_text(app)  # name, role, count
        assert "by: Anna Kovalenko, Joe Inwood" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert len(feed_titles(app)) == 6


async def test_a_click_on_a_pane_row_selects_it() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        sources = app.query_one("#sources", PickList)
        await pilot.click(sources, offset=(5, 1))  # the first row, inside the border
        await pilot.pause()
        assert sources.selected == {"/data/bbc.txt"}
        assert len(feed_titles(app)) == 3


async def test_the_panes_mark_the_source_and_authors_of_the_current_entry() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j")  # Troops cross the border: Joe and Kate, on the BBC
        await pilot.pause()
        assert app.query_one("#sources", PickList).marked == {"/data/bbc.txt"}
        assert app.query_one("#authors", PickList).marked == {"Joe Inwood", "Kate Vinton"}
        screen = screen_text(app)
        assert "● [ ] Ukraine invasion li" in screen
        assert "● [ ] Joe Inwood" in screen
        assert "  [ ] Anna Kovalenko" in screen


async def test_the_query_bar_filters_as_you_type_and_esc_clears() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"kyiv")
        await pilot.pause()
        assert feed_titles(app) == ["Zelensky addresses the nation", "Explosions heard in Kyiv"]
        assert "filter: kyiv" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(feed_titles(app)) == 6
        assert app.focused is app.query_one(Feed)


async def test_each_query_form_works_from_the_bar() -> None:
    cases = {
        '"new sanctions"': ["Sanctions announced"],
        "kyiv -blasts": ["Zelensky addresses the nation"],
        "author:kate": ["Sanctions announced", "Troops cross the border"],
        "source:guardian markets": ["Markets fall"],
        "label:breaking": ["Explosions heard in Kyiv"],
        "since:2022-02-25": ["Zelensky addresses the nation", "Explosions heard in Kyiv"],
        "until:2022-02-23": ["Markets fall"],
    }
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        for text, expected in cases.items():
            await pilot.press("slash")
            app.query_one("#query", QueryBar).value = text
            await pilot.press("enter")
            await pilot.pause()
            assert feed_titles(app) == expected, text
            await pilot.press("x")


async def test_an_invalid_query_is_shown_and_not_applied() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        app.query_one("#query", QueryBar).value = "since:soon"
        await pilot.pause()
        screen = screen_text(app)
        assert "invalid query (not applied): since:soon is not a date" in screen
        assert len(feed_titles(app)) == 6
        assert app.query_one("#query").has_class("-invalid")


async def test_highlight_only_keeps_every_entry_and_n_N_step_through_matches() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"kate", "ctrl+t", "enter")
        await pilot.pause()
        assert len(feed_titles(app)) == 6
        assert "highlight: kate" in screen_text(app)
        assert current_title(app) == "Sanctions announced"  # the cursor stayed on its entry
        await pilot.press("g", "n")
        assert current_title(app) == "Sanctions announced"
        await pilot.press("n")
        assert current_title(app) == "Troops cross the border"
        await pilot.press("n")  # wraps around
        assert current_title(app) == "Sanctions announced"
        await pilot.press("N")
        assert current_title(app) == "Troops cross the border"


async def test_esc_in_the_feed_clears_a_query_left_in_place() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"kyiv", "enter")
        assert len(feed_titles(app)) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert len(feed_titles(app)) == 6
        assert "filter:" not in screen_text(app)


async def test_n_steps_through_matches_while_filtering_too() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"kyiv", "enter", "n")
        assert current_title(app) == "Explosions heard in Kyiv"


async def test_matches_are_highlighted_in_headlines_and_bodies() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"blasts", "enter")
        await pilot.pause()
        feed = app.query_one(Feed)
        lines = feed.lines(0)
        styled = [
            segment.text
            for strip in lines
            for segment in strip
            if segment.style is not None and segment.style.bgcolor is not None
        ]
        assert "blasts" in styled


async def test_the_zone_key_cycles_source_local_and_utc() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # Explosions heard in Kyiv, 09:05 Kyiv time
        await pilot.pause()
        assert "09:05 EET" in screen_text(app)
        assert "times: source zone (z)" in screen_text(app)
        await pilot.press("z")
        await pilot.pause()
        assert "02:05 EST" in screen_text(app)  # New York
        assert "times: local (z)" in screen_text(app)
        await pilot.press("z")
        await pilot.pause()
        assert "07:05 UTC" in screen_text(app)
        assert "times: UTC (z)" in screen_text(app)
        await pilot.press("z")
        await pilot.pause()
        assert "09:05 EET" in screen_text(app)


async def test_help_lists_every_key_of_the_feed_and_the_app() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for key in [
            "esc",
            "j / down",
            "space / pgdn",
            "g / home",
            "G / end",
            "enter",
            "/",
            "n / N",
            "ctrl+t",
            "tab",
            "z",
            "i",
            "p",
            "x",
            "s",
            "q",
            "?",
            "since:",
        ]:
            assert key in text, key
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_enter_opens_the_entry_alone_with_every_field() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextScreen)
        text = screen_text(app)
        assert "Troops cross the border" in text
        # The three times, each saying which it is (NEW_YORK is "your zone" here).
        assert "published  source zone  Thursday 24 February 2022, 06:00 EET" in text
        assert "your zone    Wednesday 23 February 2022, 23:00 EST" in text
        assert "UTC          Thursday 24 February 2022, 04:00 UTC" in text
        assert "Joe Inwood (BBC Kyiv correspondent)" in text
        assert "Kate Vinton (Live reporter)" in text
        assert "Tanks near the border — Reuters" in text
        assert "/data/bbc.txt" in text
        await pilot.press("escape")
        assert isinstance(app.query_one(Feed), Feed) and not isinstance(app.screen, TextScreen)


async def test_i_shows_the_key_points_of_the_entrys_document() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "i")
        await pilot.pause()
        text = screen_text(app)
        assert "Key points" in text
        assert "• Russia invades Ukraine" in text


async def test_an_unreadable_file_is_listed_as_a_problem(tmp_path: Path) -> None:
    good = tmp_path / "blog.txt"
    good.write_text("Headline\n\nSome text about the war.\n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    app = make_app([tmp_path, tmp_path / "missing.txt"])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = screen_text(app)
        assert "2 problems, 2 unreadable (p)" in screen
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(app)
        assert "unreadable" in text and "missing.txt" in text
        assert "no such file or" in text
        assert "image.txt" in text and "not text" in text


async def test_untrusted_text_is_shown_literally_never_as_markup_or_escapes() -> None:
    from reader_fixtures import document, entry

    hostile = document(
        "/data/[bold]evil[/].txt",
        [
            entry(
                "/data/[bold]evil[/].txt",
                0,
                title="[bold]Bold?[/] [link=http://x]click[/link]",
                body=("Red \x1b[31mtext\x1b[0m and \x1b]8;;http://x\x07link\x1b]8;;\x07 end [/]",),
            )
        ],
        title="[red]Evil blog[/red]",
    )
    app = make_app(documents=[hostile])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape", "i")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        screen = screen_text(app)
        assert "[bold]Bold?[/] [link=http://x]click[/link]" in screen
        assert "Red text and link end [/]" in screen
        assert "\x1b" not in screen
        assert "[red]Evil blog[/red]" in screen


async def test_the_sidebar_hides_and_the_feed_takes_the_width() -> None:
    app = synthetic_app()
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.query_one(Feed).size.width
        await pilot.press("s")
        await pilot.pause()
        assert app.query_one(Feed).size.width > before
        assert "Sources" not in screen_text(app)


async def test_a_click_picks_an_entry_and_a_double_click_opens_it() -> None:
    app = make_app(documents=many_documents(1, 50))
    async with app.run_test(size=(80, 24)) as pilot:
        feed = app.query_one(Feed)
        # Rows: a day separator, then 6 rows an entry (heading, byline, paragraph, blank
        # between paragraphs, paragraph, blank).
        await pilot.click(Feed, offset=(10, 8))
        assert feed.cursor == 1
        await pilot.double_click(Feed, offset=(10, 14))
        await pilot.pause()
        assert feed.cursor == 2
        assert isinstance(app.screen, TextScreen)
        assert "Update 0-47" in screen_text(app)


async def test_a_click_on_the_scrollbar_jumps_through_the_feed() -> None:
    app = make_app(documents=many_documents(1, 50))
    async with app.run_test(size=(80, 24)) as pilot:
        feed = app.query_one(Feed)
        await pilot.click(Feed, offset=(feed.size.width - 1, feed.size.height - 1))
        assert feed.cursor == 49


async def test_the_mouse_wheel_scrolls_the_feed_and_keeps_the_cursor_in_view() -> None:
    from textual import events

    app = make_app(documents=many_documents(1, 50))
    async with app.run_test(size=(80, 24)) as pilot:
        feed = app.query_one(Feed)
        for _ in range(8):  # 24 lines: the first entries leave the screen
            feed.post_message(events.MouseScrollDown(feed, 10, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert feed.top[0] > 0
        assert feed.cursor >= feed.top[0]
        assert "Update 0-49" not in screen_text(app)
        feed.post_message(events.MouseScrollUp(feed, 10, 5, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert feed.top[0] > 0


async def test_dragging_the_scrollbar_moves_through_the_feed() -> None:
    app = make_app(documents=many_documents(1, 50))
    async with app.run_test(size=(80, 24)) as pilot:
        feed = app.query_one(Feed)
        bar = feed.size.width - 1
        await pilot.mouse_down(Feed, offset=(bar, 0))
        await pilot.hover(Feed, offset=(bar, feed.size.height // 2))
        await pilot.pause()
        assert 20 <= feed.cursor <= 30
        await pilot.hover(Feed, offset=(bar, feed.size.height - 1))
        await pilot.mouse_up(Feed, offset=(bar, feed.size.height - 1))
        assert feed.cursor == 49


async def test_entries_arriving_above_do_not_move_the_entry_being_read() -> None:
    from reader_fixtures import document, entry, stamp

    app = make_app(documents=many_documents(1, 50))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "space", "j")
        await pilot.pause()
        reading = current_title(app)
        before = screen_text(app).splitlines()
        later = document(
            "/data/later.txt",
            [entry("/data/later.txt", 0, title="Newer news", published=stamp("2022-02-26T10:00"))],
        )
        app.show_change(app.timeline.upsert(later))
        await pilot.pause()
        after = screen_text(app).splitlines()
        assert current_title(app) == reading
        feed = app.query_one(Feed)
        left = feed.region.x
        right = left + feed.size.width - 1  # without the scrollbar: its thumb moved
        assert [line[left:right] for line in after[:-1]] == [
            line[left:right] for line in before[:-1]
        ]  # the same lines on the same rows
        assert "showing 51 of 51 entries" in after[-1]


def test_the_help_table_names_every_bound_key() -> None:
    from tui.screens.help_screen import KEYS
    from tui.widgets.query_bar import QueryBar as Bar

    shown = {
        word.strip(",")
        for _, rows in KEYS
        for keys, _ in rows
        for word in keys.replace("(in the bar)", "").split()
    }
    names = {
        "question_mark": "?",
        "slash": "/",
        "pagedown": "pgdn",
        "pageup": "pgup",
        "escape": "esc",
        "apostrophe": "'",
        "quotation_mark": '"',
        "left_square_bracket": "[",
        "right_square_bracket": "]",
    }
    for widget in (ReaderApp, Feed, PickList, Bar, Page, TextScreen, HelpScreen):
        for binding in widget.BINDINGS:
            assert isinstance(binding, Binding)
            for key in binding.key.split(","):
                assert names.get(key, key) in shown, (widget.__name__, key)


async def test_any_sequence_of_moves_keeps_the_cursor_on_screen() -> None:
    import random

    rng = random.Random(5)
    keys = ["j", "k", "space", "b", "g", "G", "pagedown", "pageup", "down", "up", "z"]
    app = make_app(documents=[*many_documents(3, 40), kyiv_blog(), guardian_blog()])
    async with app.run_test(size=(70, 15)) as pilot:
        feed = app.query_one(Feed)
        for _ in range(60):
            await pilot.press(rng.choice(keys))
            assert 0 <= feed.cursor < len(feed.items)
            rows = feed._rows_from_top()
            assert any(index == feed.cursor for index, _ in rows), (feed.cursor, feed.top)
            assert rows[0][0] == feed.top[0]


async def test_engine_events_update_mark_gone_and_rename_while_running() -> None:

    from tui.engine.ingest import SourceGone, SourceRenamed, Updated
    from tui.messages import EngineEvents

    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        blog = kyiv_blog()
        edited = dataclasses.replace(blog.entries[0], title="Explosions heard in Kyiv (updated)")
        app.post_message(EngineEvents([Updated((edited,))]))
        await pilot.pause(0.3)
        assert "Explosions heard in Kyiv (updated)" in screen_text(app)
        assert len(app.timeline) == 6
        app.post_message(EngineEvents([SourceGone("/data/guardian.html")]))
        await pilot.pause(0.3)
        assert "guardian.html (file gone)" in screen_text(app)
        app.query_one("#sources", PickList).focus()
        await pilot.press("space")  # select the BBC blog
        app.post_message(EngineEvents([SourceRenamed("/data/bbc.txt", "/data/bbc-archive.txt")]))
        await pilot.pause(0.3)
        assert app.sources_selected == {"/data/bbc-archive.txt"}
        assert feed_titles(app)[0] == "Explosions heard in Kyiv (updated)"
        assert len(feed_titles(app)) == 3


async def test_an_empty_feed_says_why() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"nothing-like-this", "enter")
        await pilot.pause()
        assert "No entry matches the filter (x clears it)." in screen_text(app)
        assert "showing 0 of 6 entries" in screen_text(app)


async def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    app = make_app([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = screen_text(app)
        assert f"No files found in {tmp_path}." in screen


async def test_undated_entries_of_a_dated_page_sit_at_the_pages_date() -> None:
    from reader_fixtures import document, entry, stamp

    from parsers.model import Precision, ZoneBasis

    page = document(
        "/data/article.txt",
        [entry("/data/article.txt", 0, title="An undated post")],
        published=stamp("2022-02-24T00:00", precision=Precision.DATE, basis=ZoneBasis.NONE),
    )
    app = make_app(documents=[kyiv_blog(), guardian_blog(), page])
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        titles = feed_titles(app)
        assert titles.index("An undated post") == titles.index("Troops cross the border") + 1
        assert titles[-1] == "Background: the Donbas"  # no date at all: still last
        screen = screen_text(app)
        assert "no time (page dated 24 Feb 2022)  An undated post" in screen
        assert screen.count("── Thursday 24 February 2022") == 1


async def test_the_full_view_scrolls_with_the_feeds_keys_and_end_jumps_at_once() -> None:
    long_body = tuple(f"Paragraph {n} of a long post." for n in range(80))
    blog = kyiv_blog()
    first = dataclasses.replace(blog.entries[0], body=long_body)
    app = make_app(documents=[dataclasses.replace(blog, entries=(first,))])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        page = app.screen.query_one(Page)
        assert app.focused is page
        await pilot.press("G")
        assert page.scroll_y == page.max_scroll_y > 0  # at the bottom now, not animating
        assert "Paragraph 79 of a long post." in screen_text(app)
        await pilot.press("g")
        assert page.scroll_y == 0
        await pilot.press("end")
        assert page.scroll_y == page.max_scroll_y
        await pilot.press("home", "j", "j")
        assert page.scroll_y == 2
        await pilot.press("k")
        assert page.scroll_y == 1
        await pilot.press("space")
        assert page.scroll_y == 1 + page.size.height - 1
        await pilot.press("b")
        assert page.scroll_y == 1
        await pilot.press("escape")
        assert not isinstance(app.screen, TextScreen)


async def test_ctrl_c_quits_from_the_feed_the_query_bar_and_a_view() -> None:
    for keys in ([], ["slash", "k"], ["enter"], ["question_mark"]):
        app = synthetic_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*keys, "ctrl+c")
            await pilot.pause()
            assert not app.is_running, keys
            assert app.return_code == 0, keys


async def test_since_until_follow_the_zone_shown_and_the_status_says_which() -> None:
    app = synthetic_app()  # local time is New York
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("slash", *"since:03:00 until:03:30", "enter")
        await pilot.pause()
        assert feed_titles(app) == []  # nothing at 03:00-03:30 on the sources' clocks
        assert "(times in each source's zone)" in screen_text(app)
        await pilot.press("z")  # local time: Zelensky spoke at 03:00 EST
        await pilot.pause()
        assert feed_titles(app) == ["Zelensky addresses the nation"]
        screen = screen_text(app)
        assert "03:00 EST" in screen
        assert "filter: since:03:00 until:03:30 (times in local time)" in screen
        await pilot.press("z")
        await pilot.pause()
        assert feed_titles(app) == []
        assert "(times in UTC)" in screen_text(app)
