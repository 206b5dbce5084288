"""The README documents every setting and every CLI command (Datasette's habit)."""

from dataclasses import fields

from cli.main import COMMANDS_DOC, build_parser
from maalspor.config import SETTINGS, Settings
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_settings_table():
    """Row by row: variable, default and help as defined in maalspor.config.SETTINGS (README's backticks aside)."""
    rows = {line.split("|")[1].strip(" `"): line for line in README.splitlines() if line.startswith("| `MAALSPOR_")}
    assert set(rows) == {setting.env for setting in SETTINGS}
    for setting in SETTINGS:
        expected = f"| {setting.env} | {setting.documented_default} | {setting.help} |"
        assert rows[setting.env].replace("`", "") == expected, setting.env


def test_every_setting_is_a_field_of_settings_and_back():
    assert [setting.field for setting in SETTINGS] == [field.name for field in fields(Settings)]


def test_every_cli_command_is_in_the_readme():
    subcommands = build_parser()._subparsers._group_actions[0].choices
    assert set(subcommands) == set(COMMANDS_DOC)
    for name in subcommands:
        assert f"`maalspor {name}" in README, name


def test_readme_names_the_two_commands_and_ci_calls_the_test_command():
    assert "./run.sh" in README and "./test.sh" in README
    assert "./test.sh" in (REPO / ".ci" / "run").read_text()
