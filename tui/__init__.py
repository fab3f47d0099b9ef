"""liveblog's terminal side: the command line and the Textual reader."""

__version__ = "0.1.0"
"""The fallback version, for a source tree that is not installed (keep in step with
``pyproject.toml``)."""


def version() -> str:
    """The installed distribution's version, else :data:`__version__`."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("liveblog")
    except PackageNotFoundError:
        return __version__
