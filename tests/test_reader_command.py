"""``liveblog [PATH...]``: arguments reach the app factory; misuse and crashes exit non-zero."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import tui.app
import tui.reader_command
from tui.app import ReaderApp
from tui.reader_command import build_parser, exit_status, run_reader
from tui.sample import sample_dir


def test_flags_for_watching_and_alerts_are_accepted() -> None:
    options = build_parser().parse_args(
        ["a.txt", "feeds/", "--no-watch", "--alert", "Kyiv", "--alert", "ceasefire", "--bell"]
    )
    assert options.paths == ["a.txt", "feeds/"]
    assert options.no_watch and options.bell
    assert options.alert == ["Kyiv", "ceasefire"]


def fake_run(monkeypatch: pytest.MonkeyPatch, return_code: int | None = 0) -> list[ReaderApp]:
    """Replace ``ReaderApp.run``; the apps it was called on are collected in the list."""
    built: list[ReaderApp] = []

    def run(self: ReaderApp) -> int | None:
        built.append(self)
        self._return_code = return_code  # what Textual leaves after the app stopped
        return None

    monkeypatch.setattr(tui.app.ReaderApp, "run", run)
    return built


@pytest.mark.parametrize(
    ("argv", "paths", "watch", "alerts"),
    [
        ([], [str(sample_dir())], False, ()),  # the built-in sample is not watched
        (["x.txt"], ["x.txt"], True, ()),
        (["x.txt", "--no-watch", "--alert", "war"], ["x.txt"], False, ("war",)),
    ],
)
def test_run_reader_builds_the_app_from_the_arguments(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    argv: list[str],
    paths: list[str],
    watch: bool,
    alerts: tuple[str, ...],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text("Headline\n\nBody.\n")
    built = fake_run(monkeypatch)
    assert run_reader(argv, terminal=True) == 0
    (app,) = built
    assert app.paths == paths
    assert app.watch_paths is watch
    assert app.alerts == alerts
    assert tui.reader_command.build_parser is build_parser


@pytest.mark.parametrize("argv", [["hepl"], ["nowhere/page.txt"], ["x.txt", "missing.txt"]])
def test_a_missing_path_says_so_and_exits_1_without_opening_the_reader(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text("Headline\n\nBody.\n")
    built = fake_run(monkeypatch)
    assert run_reader(argv, terminal=True) == 1
    assert built == []
    error = capsys.readouterr().err
    missing = [path for path in argv if path != "x.txt"]
    assert all(line.startswith("liveblog: ") for line in error.splitlines())
    for path in missing:
        assert f"liveblog: {path}: no such file or folder" in error
    assert ("liveblog --help" in error) is (argv == ["hepl"])  # a typo of a command


def test_a_crash_is_not_success(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_run(monkeypatch, return_code=1)  # Textual's code after an unhandled exception
    assert run_reader([], terminal=True) == 1
    assert exit_status(None, None) == 1  # the app never stopped normally
    assert exit_status(0, None) == 0
    assert exit_status(0, 3) == 3


def test_not_a_terminal_points_at_liveblog_parse_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Headline\n\nBody.\n")
    result = subprocess.run(
        [sys.executable, "-m", "tui", str(tmp_path / "x.txt")],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    assert result.returncode == 2
    assert result.stdout == ""  # no escape sequences into the pipe
    assert "liveblog parse" in result.stderr


async def test_an_exception_in_the_app_leaves_a_non_zero_return_code() -> None:
    app = tui.app.make_app(documents=[])
    with pytest.raises(ZeroDivisionError):
        async with app.run_test() as pilot:
            app.call_later(lambda: 1 / 0)
            await pilot.pause()
    assert exit_status(app.return_code, app.return_value) == 1
