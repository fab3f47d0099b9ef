"""Where the built-in sample (the ``seeds/`` documents) lives, in a checkout or a wheel."""

from __future__ import annotations

from pathlib import Path


def sample_dir() -> Path:
    """The folder holding the sample documents.

    A wheel carries them as ``tui/seeds``; a checkout (and an editable install) has them in
    ``seeds/`` at the top of the repository.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the built-in sample (seeds/) is missing from this installation")
