"""``liveblog parse`` as a user runs it: a subprocess, its output and exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KEYS = {"id", "source", "published", "title", "labels", "authors", "body", "captions"}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "parse", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        timeout=120,
    )


def test_json_lines_for_the_sample() -> None:
    result = run("--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 25
    assert all(KEYS <= set(row) for row in rows)
    bbc = [r for r in rows if r["source"].endswith("003_816f4847ca21db51.txt")]
    assert bbc[0]["published"] == "2022-02-21T13:11:00+00:00"
    assert bbc[0]["authors"] == [{"name": "Jessica Parker", "role": "BBC Brussels correspondent"}]
    article = next(r for r in rows if r["source"].endswith("002_10c3b9bf737cc8ab.txt"))
    assert article["published"] == "2022-02-25"
    assert "\n\n" in article["body"]
    # Piped output carries no progress bar and no escape sequences.
    assert "\x1b" not in result.stdout + result.stderr


def test_source_is_the_path_as_given(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A headline\n\nSome body text here.\n")
    result = run("--json", "a.txt", cwd=tmp_path)
    assert json.loads(result.stdout)["source"] == "a.txt"


def test_unreadable_input_exits_1_and_others_still_print(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A headline\n\nSome body text here.\n")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    result = run("--json", str(good), str(binary), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    problems = result.stderr.splitlines()
    assert any("blob.bin" in line and "not text" in line for line in problems)
    assert any("missing.txt" in line for line in problems)


def test_usage_error_exits_2() -> None:
    assert run("--no-such-flag").returncode == 2
    assert run("--format", "nonsense", "x").returncode == 2


def test_plain_listing_is_readable() -> None:
    result = run(str(SEEDS / "003_816f4847ca21db51.txt"))
    assert result.returncode == 0
    assert "2022-02-21 13:11 UTC  EU agrees to provide Ukraine" in result.stdout
    assert "[Analysis] Kremlin quashes fresh hopes" in result.stdout
    assert "By Jessica Parker (BBC Brussels correspondent)" in result.stdout


def test_explain_names_the_chosen_format() -> None:
    result = run("--explain", str(SEEDS / "003_816f4847ca21db51.txt"))
    assert result.returncode == 0
    assert "chosen: numbered" in result.stdout


def test_format_override(tmp_path: Path) -> None:
    result = run("--json", "--format", "headlines", str(SEEDS / "003_816f4847ca21db51.txt"))
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) < 20


def test_escape_sequences_in_a_file_never_reach_the_output(tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_bytes(b"Head\x1b]0;owned\x07line [bold]x[/]\n\nBody \x1b[2J\x1b[31mred\x9b1m.\n")
    result = run(str(evil))
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    assert "[bold]x[/]" in result.stdout


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty

    for index in range(3):
        (tmp_path / f"page{index}.txt").write_text(f"Headline {index}\n\nSome body text.\n")
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tui", "parse", "--json", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=terminal,
            stdin=subprocess.DEVNULL,
            timeout=120,
            env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"},
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 3
    assert b"3/3 files" in shown  # files counted as files
    assert b" MB" in shown and b"kB" not in shown  # bytes as MB, never file counts as kB


def _head_one_line(*args: str) -> tuple[str, int]:
    """``liveblog parse ARGS | head -1``: the first line and the command's exit status."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "parse", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    process.stdout.close()  # the reader goes away: the next writes meet a broken pipe
    return first, process.wait(timeout=120)


@pytest.mark.parametrize(("missing", "status"), [(False, 0), (True, 1)])
def test_a_broken_pipe_keeps_the_exit_status(tmp_path: Path, missing: bool, status: int) -> None:
    for copy in range(30):  # far more output than a pipe holds
        for seed in SEEDS.glob("*.txt"):
            (tmp_path / f"{copy:02}_{seed.name}").write_bytes(seed.read_bytes())
    args = [str(tmp_path / "MISSING")] if missing else []
    first, code = _head_one_line(*args, str(tmp_path))
    assert first.startswith("== ")
    assert code == status


def test_merge_prints_each_post_of_copies_once(tmp_path: Path) -> None:
    """Two identical copies of the BBC page: 40 entries by default, 20 with ``--merge``."""
    from copies_fixtures import seed_with_new_post

    bbc = (SEEDS / "003_816f4847ca21db51.txt").read_text(encoding="utf-8")
    (tmp_path / "bbc-1.txt").write_text(bbc, encoding="utf-8")
    (tmp_path / "bbc-2.txt").write_text(bbc, encoding="utf-8")
    assert len(run("--json", str(tmp_path)).stdout.splitlines()) == 40
    merged = run("--json", "--merge", str(tmp_path))
    assert merged.returncode == 0, merged.stderr
    rows = [json.loads(line) for line in merged.stdout.splitlines()]
    assert len(rows) == 20 and len({r["id"] for r in rows}) == 20
    assert {r["source"] for r in rows} == {str(tmp_path / "bbc-1.txt")}
    # A later snapshot with one post on top adds that post only; other pages stay apart.
    later = seed_with_new_post("Kremlin answers the sanctions threat", "A spokesman spoke.")
    (tmp_path / "bbc-3.txt").write_text(later, encoding="utf-8")
    (tmp_path / "other.txt").write_text("A headline\n\nSome body text here.\n")
    output = run("--json", "--merge", str(tmp_path)).stdout
    rows = [json.loads(line) for line in output.splitlines()]
    assert len(rows) == 22
    assert sum(r["title"] == "Kremlin answers the sanctions threat" for r in rows) == 1
