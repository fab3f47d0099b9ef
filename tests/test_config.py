"""config.toml: typed settings; every mistake is a warning naming its line, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.engine.config import DEFAULT_KEYS, Config, config_path, load_config, parse_config


def test_config_path_follows_xdg() -> None:
    assert config_path({"XDG_CONFIG_HOME": "/c", "HOME": "/h"}) == Path("/c/liveblog/config.toml")
    assert config_path({"HOME": "/h"}) == Path("/h/.config/liveblog/config.toml")


def test_missing_file_is_the_defaults(tmp_path: Path) -> None:
    loaded = load_config(tmp_path / "nope.toml")
    assert loaded.config == Config() and loaded.problems == ()
    assert loaded.config.key_for("toggle_view") == "v"


def test_every_setting_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        """# mine
zone = "UTC"
alerts = ["evacuation", "explosion", "evacuation"]
theme = "light"
view = "list"
settle = 0.5
read_after = 2

[keys]
toggle_view = "V"
toggle_mark = ["M", "ctrl+k"]
""",
        encoding="utf-8",
    )
    loaded = load_config(path)
    assert loaded.problems == ()
    config = loaded.config
    assert (config.zone, config.theme, config.view) == ("utc", "light", "list")
    assert config.alerts == ("evacuation", "explosion")
    assert config.settle == 0.5 and config.read_after == 2.0
    assert config.key_for("toggle_view") == "V"
    assert config.key_for("toggle_mark") == "M,ctrl+k"
    assert config.key_for("quit") == "q"


def test_unknown_key_names_its_line() -> None:
    loaded = parse_config('theme = "dark"\n\ncolour = "red"\n', "c.toml")
    (problem,) = loaded.problems
    assert problem.source == "c.toml"
    assert problem.message.startswith("line 3: unknown setting 'colour'")
    assert "theme" in problem.message  # lists what is known
    assert loaded.config == Config()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('zone = "mars"', 1, "must be one of source, local, utc, not 'mars'"),
        ('\ntheme = 3', 2, "must be one of dark, light, ansi, not 3"),
        ("settle = -1", 1, "between 0 and 60"),
        ('settle = "fast"', 1, "number of seconds"),
        ("read_after = true", 1, "number of seconds, not True"),
        ("alerts = [1, 2]", 1, "list of words"),
        ('view = "grid"', 1, "feed, list"),
    ],
)
def test_bad_value_names_its_line_and_keeps_the_default(text: str, line: int, words: str) -> None:
    loaded = parse_config(f"{text}\n")
    (problem,) = loaded.problems
    assert problem.message.startswith(f"line {line}: ")
    assert words in problem.message and problem.message.endswith("using the default")
    assert loaded.config == Config()


def test_good_settings_survive_a_bad_neighbour() -> None:
    loaded = parse_config('zone = "local"\ntheme = "neon"\n')
    assert loaded.config.zone == "local" and loaded.config.theme == "dark"
    assert len(loaded.problems) == 1


def test_syntax_error_names_the_line() -> None:
    loaded = parse_config('zone = "local"\ntheme = \n', "c.toml")
    (problem,) = loaded.problems
    assert "not valid TOML" in problem.message and "line 2" in problem.message
    assert loaded.config == Config()


def test_key_remaps_unknown_action_bad_key_and_clash() -> None:
    text = """[keys]
toggle_view = "ctrl+l"
fly = "F"
copy_entry = "not a key"
toggle_mark = "q"
"""
    loaded = parse_config(text)
    messages = [p.message for p in loaded.problems]
    assert messages[0].startswith("line 3: unknown action 'fly'")
    assert messages[1].startswith("line 4: keys.copy_entry: 'not a key' is not a key")
    assert messages[2].startswith("line 5: keys.toggle_mark: 'q' is already the key of quit")
    config = loaded.config
    assert config.key_for("toggle_view") == "ctrl+l"
    assert config.key_for("copy_entry") == DEFAULT_KEYS["copy_entry"]
    assert config.key_for("toggle_mark") == "m"
    assert config.key_for("quit") == "q"


def test_two_remaps_swapping_keys_are_allowed() -> None:
    loaded = parse_config('[keys]\nquit = "v"\ntoggle_view = "q"\n')
    assert loaded.problems == ()
    assert loaded.config.key_for("quit") == "v" and loaded.config.key_for("toggle_view") == "q"


def test_dotted_key_line_and_keys_not_a_table() -> None:
    loaded = parse_config('zone = "utc"\nkeys.fly = "x"\n')
    assert loaded.problems[0].message.startswith("line 2: unknown action 'fly'")
    loaded = parse_config('keys = "v"\n')
    assert loaded.problems[0].message.startswith("line 1: keys must be a table")


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    folder = tmp_path / "config.toml"
    folder.mkdir()
    assert "cannot read" in load_config(folder).problems[0].message
    latin = tmp_path / "latin.toml"
    latin.write_bytes('alerts = ["caf\xe9"]\n'.encode("latin-1"))
    loaded = load_config(latin)
    assert "not UTF-8" in loaded.problems[0].message and loaded.config == Config()


def test_control_characters_in_values_never_reach_a_message() -> None:
    loaded = parse_config('zone = "\\u001b[31mred"\n')
    assert "\x1b" not in loaded.problems[0].message
    loaded = parse_config('alerts = ["\\u001b[2Jboom"]\n')
    assert loaded.config.alerts == ("boom",)
