"""``liveblog [PATH...]``: arguments reach the app factory."""

from __future__ import annotations

import pytest

import tui.app
import tui.reader_command
from tui.app import ReaderApp
from tui.reader_command import build_parser, run_reader
from tui.sample import sample_dir


def test_flags_for_watching_and_alerts_are_accepted() -> None:
    options = build_parser().parse_args(
        ["a.txt", "feeds/", "--no-watch", "--alert", "Kyiv", "--alert", "ceasefire", "--bell"]
    )
    assert options.paths == ["a.txt", "feeds/"]
    assert options.no_watch and options.bell
    assert options.alert == ["Kyiv", "ceasefire"]


@pytest.mark.parametrize(
    ("argv", "paths", "watch", "alerts"),
    [
        ([], [str(sample_dir())], True, ()),
        (["x.txt", "--no-watch", "--alert", "war"], ["x.txt"], False, ("war",)),
    ],
)
def test_run_reader_builds_the_app_from_the_arguments(
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    paths: list[str],
    watch: bool,
    alerts: tuple[str, ...],
) -> None:
    built: list[ReaderApp] = []

    def run(self: ReaderApp) -> int:
        built.append(self)
        return 0

    monkeypatch.setattr(tui.app.ReaderApp, "run", run)
    assert run_reader(argv) == 0
    (app,) = built
    assert app.paths == paths
    assert app.watch_paths is watch
    assert app.alerts == alerts
    assert tui.reader_command.build_parser is build_parser
