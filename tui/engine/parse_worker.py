"""A parsing process: reads paths on stdin, writes their documents on stdout (pickled).

Run by :mod:`tui.engine.loader` as ``python -m tui.engine.parse_worker``. Each message, both
ways, is an 8-byte big-endian length and a pickle: a path in, a
:class:`tui.engine.timeline.Indexed` document out (its entries' search text made here too),
in the order the paths came. End of input ends it.

With arguments (:meth:`tui.engine.parse_cache.ParseCache.arguments`), each document is also
stored in that parse cache, once sent (in a thread: the next file is parsed meanwhile).
"""

from __future__ import annotations

import os
import pickle
import sys
from typing import IO

LENGTH = 8


def send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(LENGTH, "big"))
    stream.write(data)
    stream.flush()


def receive(stream: IO[bytes]) -> object:
    """The next message; raises EOFError at the end of the stream."""
    header = stream.read(LENGTH)
    if len(header) < LENGTH:
        raise EOFError
    size = int.from_bytes(header, "big")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def main() -> None:
    # Only documents go to the real stdout: anything else printed goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    from parsers.read import parse_file, unreadable
    from tui.engine.parse_cache import ParseCache, stat_key
    from tui.engine.timeline import Indexed

    cache = ParseCache.from_arguments(sys.argv[1:]) if len(sys.argv) > 1 else None
    source = sys.stdin.buffer
    while True:
        try:
            path = receive(source)
        except EOFError:
            if cache is not None:
                cache.flush()
            return
        assert isinstance(path, str)
        started = cache.clock() if cache is not None else 0.0
        before = stat_key(path) if cache is not None else None
        try:
            document = parse_file(path)
        except Exception as exc:  # noqa: BLE001 - one bad file must not end the load
            document = unreadable(path, f"could not be parsed: {type(exc).__name__}")
        indexed = Indexed.of(document)
        send(out, indexed)
        if cache is not None and before is not None:
            # Writing the file in a thread: parsing the next one goes on meanwhile.
            cache.store_later(path, before, started, indexed.document, indexed.index)


if __name__ == "__main__":
    main()
