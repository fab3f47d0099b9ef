"""The parsing core knows nothing of the UI: importing it never loads Textual or Rich."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys

import pytest

import parsers


def _core_modules() -> list[str]:
    found = ["parsers"]
    for info in pkgutil.walk_packages(parsers.__path__, "parsers."):
        found.append(info.name)
    return found


def test_parsers_import_no_ui_libraries() -> None:
    modules = _core_modules()
    assert len(modules) > 5
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    from parsers import parse_bytes\n"
        "parse_bytes(b'Title here\\n\\nA paragraph of text.\\n')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')\n"
        "    or (m.startswith('tui.') and not m.startswith('tui.engine')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_import_linter_contracts_are_kept() -> None:
    """The layers in pyproject.toml (``lint-imports``; CI runs it too)."""
    linter = shutil.which("lint-imports", path=os.path.dirname(sys.executable))
    if linter is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    result = subprocess.run([linter], capture_output=True, text=True, cwd=root)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "0 broken" in result.stdout


def test_engine_imports_no_ui_libraries() -> None:
    import tui.engine

    modules = ["tui.engine"] + [
        info.name for info in pkgutil.walk_packages(tui.engine.__path__, "tui.engine.")
    ]
    assert len(modules) >= 6
    new = {"state", "config", "export", "time_jump", "activity"}
    assert {f"tui.engine.{name}" for name in new} <= set(modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
