"""The parsing core knows nothing of the UI: importing it never loads Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

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
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


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
