"""The ``liveblog`` command: a thin dispatcher.

``liveblog [PATH...]`` opens the reader (the built-in sample without paths),
``liveblog parse ...`` prints entries, ``liveblog tail ...`` follows folders without the UI,
``liveblog --version`` prints the version.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

SUBCOMMANDS = ("parse", "tail")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in (["--version"], ["-V"]):
        from tui import version

        print(f"liveblog {version()}")
        return 0
    try:
        if args and args[0] == "parse":
            from tui.parse_command import run_parse

            return run_parse(args[1:])
        if args and args[0] == "tail":
            from tui.tail_command import run_tail

            return run_tail(args[1:])
        from tui.reader_command import run_reader

        return run_reader(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``liveblog parse | head``): not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
