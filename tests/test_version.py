"""``liveblog --version``: the installed version, else the package's own."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError
from pathlib import Path

import pytest

import tui
from tui.cli import main

PYPROJECT = Path(__file__).parent.parent / "pyproject.toml"


def _project_version() -> str:
    return str(tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"])


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_flag_prints_the_version(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([flag]) == 0
    assert capsys.readouterr().out == f"liveblog {_project_version()}\n"


def test_fallback_version_matches_pyproject(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise PackageNotFoundError(name)

    monkeypatch.setattr("importlib.metadata.version", missing)
    assert tui.version() == tui.__version__ == _project_version()


def test_version_from_the_console_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("liveblog ")
    assert result.stdout.split()[1][0].isdigit()
