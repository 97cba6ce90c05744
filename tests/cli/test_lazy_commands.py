"""`claims --help` and `--version` load no command module (no spaCy, no pydantic)."""

from __future__ import annotations

import subprocess
import sys

import click
from click.testing import CliRunner

from claims.cli import COMMANDS, cli

PROBE = """
import sys
from claims.cli import main
sys.argv = ["claims", {flag!r}]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in ("spacy", "pydantic", "rich", "yaml", "claims.app", "claims.models")
               if m in sys.modules)
print("HEAVY", heavy)
"""


def test_every_command_is_listed_with_its_own_short_help() -> None:
    ctx = click.Context(cli)
    for name, (_, _, short_help) in COMMANDS.items():
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name
        assert command.short_help == short_help


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name, (_, _, short_help) in COMMANDS.items():
        assert name in result.output
        assert short_help[:30] in result.output


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["analyse-this"])
    assert result.exit_code == 2


def test_help_and_version_import_no_heavy_module() -> None:
    for flag in ("--help", "--version"):
        out = subprocess.run(
            [sys.executable, "-c", PROBE.format(flag=flag)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "HEAVY []" in out, (flag, out)
