"""``liveblog [PATH...]``: open the reader (on the built-in sample without paths)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tui.sample import sample_dir

NOT_A_TERMINAL = 2
"""Exit status when standard output is not a terminal (a pipe or a file): misuse."""

MISSING = 1
"""Exit status when a path given does not exist (as ``less`` does)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liveblog",
        description="Read live blogs (text, feeds, HTML) as one searchable timeline.",
        epilog="Other commands: liveblog parse ..., liveblog tail ... (see --help of each).",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: the built-in sample)"
    )
    parser.add_argument(
        "--no-watch",
        action="store_true",
        help="do not follow changes to the files and folders given (the built-in sample is "
        "never watched)",
    )
    parser.add_argument(
        "--alert",
        action="append",
        default=[],
        metavar="WORD",
        help="flag new entries containing WORD (repeatable)",
    )
    parser.add_argument("--bell", action="store_true", help="ring the terminal bell on an alert")
    parser.add_argument(
        "--no-state",
        action="store_true",
        help="remember nothing between sessions: read entries, marks, visits and the view "
        "last only until quitting (by default they are kept in $XDG_STATE_HOME/liveblog/, "
        "~/.local/state/liveblog/ when unset)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every file again: neither use nor fill the cache of parsed documents "
        "($XDG_CACHE_HOME/liveblog, by default ~/.cache/liveblog)",
    )
    parser.add_argument(
        "--no-group",
        action="store_true",
        help="do not group near-duplicate posts of several pages (wire copy) into one",
    )
    return parser


def missing_paths(paths: Sequence[str]) -> list[str]:
    """The paths given that name nothing on disk (a dangling symlink counts as there)."""
    return [path for path in paths if not (os.path.exists(path) or os.path.islink(path))]


def missing_message(path: str) -> str:
    """``liveblog: hepl: no such file or folder``, with a hint when it looks like a command."""
    from parsers.decode import clean_line

    message = f"liveblog: {clean_line(path) or repr(path)}: no such file or folder"
    if os.sep not in path and "." not in path:
        message += " (commands: liveblog parse, liveblog tail; see liveblog --help)"
    return message


def run_reader(args: Sequence[str], *, terminal: bool | None = None) -> int:
    """Parse the arguments, run the reader, return the exit status.

    ``terminal``: whether standard output is a terminal (by default, asked of ``sys.stdout``).
    The reader draws a full screen: into a pipe or a file it would write escape sequences, so
    it refuses there and points at ``liveblog parse``.
    """
    options = build_parser().parse_args(list(args))
    if terminal is None:
        terminal = sys.stdout.isatty()
    if not terminal:
        print(
            "liveblog: standard output is not a terminal; to print entries, use "
            "liveblog parse [PATH...] (--json for JSON Lines)",
            file=sys.stderr,
        )
        return NOT_A_TERMINAL
    missing = missing_paths(options.paths)
    if missing:
        for path in missing:
            print(missing_message(path), file=sys.stderr)
        return MISSING
    paths = options.paths or [str(sample_dir())]
    # The built-in sample ships with the program: nothing will change there, so it is not
    # watched. Every file and folder given is.
    watch = bool(options.paths) and not options.no_watch
    from tui.app import make_app
    from tui.engine.config import load_config
    from tui.engine.parse_cache import ParseCache, cache_folder

    # The config file (zone, alert words, theme, view, settle time, keys): its problems are
    # shown in the reader, never raised.
    settings = load_config()
    group = not options.no_group and settings.config.group
    cache = None if options.no_cache else ParseCache(cache_folder())
    app = make_app(
        paths,
        watch=watch,
        alerts=options.alert,
        bell=options.bell,
        keep_state=not options.no_state,
        cache=cache,
        group=group,
        settings=settings,
    )
    result = app.run()
    if cache is not None:
        cache.flush()  # the documents parsed last, stored before the process ends
    return exit_status(app.return_code, result)


def exit_status(return_code: int | None, result: object) -> int:
    """The process status once the app has stopped.

    Textual sets ``return_code`` to 1 after an unhandled exception (having printed its
    traceback) and leaves it None when the app never exited normally: neither is success.
    """
    if return_code is None:
        return 1
    if return_code:
        return return_code
    return result if isinstance(result, int) else 0
