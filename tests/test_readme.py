"""The README documents every setting and every CLI command (Datasette's habit)."""

from cli.main import COMMANDS_DOC, build_parser
from maalspor.config import SETTINGS_DOC
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_settings_table():
    for name, (default, _) in SETTINGS_DOC.items():
        assert f"| `{name}` | `{default}` |" in README, name


def test_every_cli_command_is_in_the_readme():
    subcommands = build_parser()._subparsers._group_actions[0].choices
    assert set(subcommands) == set(COMMANDS_DOC)
    for name in subcommands:
        assert f"`maalspor {name}" in README, name


def test_readme_names_the_two_commands_and_ci_calls_the_test_command():
    assert "./run.sh" in README and "./test.sh" in README
    assert "./test.sh" in (REPO / ".ci" / "run").read_text()
