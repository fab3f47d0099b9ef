"""``liveblog [PATH...]``: open the reader (on the built-in sample without paths)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from tui.sample import sample_dir


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
        "--no-watch", action="store_true", help="do not follow changes to the files and folders"
    )
    parser.add_argument(
        "--alert",
        action="append",
        default=[],
        metavar="WORD",
        help="flag new entries containing WORD (repeatable)",
    )
    parser.add_argument("--bell", action="store_true", help="ring the terminal bell on an alert")
    return parser


def run_reader(args: Sequence[str]) -> int:
    """Parse the arguments, run the reader, return the exit status."""
    options = build_parser().parse_args(list(args))
    paths = options.paths or [str(sample_dir())]
    from tui.app import make_app

    app = make_app(paths, watch=not options.no_watch, alerts=options.alert, bell=options.bell)
    result = app.run()
    return result if isinstance(result, int) else 0
