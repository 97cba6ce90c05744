"""The `claims` command line: thin click commands over the library API."""

from __future__ import annotations

import atexit
import gc
import os
import signal
import sys
import traceback
from typing import Any

import click

from claims.errors import DEBUG_ENV, ClaimsError, ExitCode
from claims.textsafe import display

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class ClaimsGroup(click.Group):
    """Turns every error into a short message and a contract exit code (traceback: --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimsError as exc:
            if _debug(ctx):
                traceback.print_exc()
            click.echo(f"claims: error: {exc.describe(display)}", err=True)
            ctx.exit(int(exc.exit_code))
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("claims: interrupted; no output was written", err=True)
            ctx.exit(130)
        except Exception as exc:
            if _debug(ctx):
                traceback.print_exc()
            click.echo(
                f"claims: internal error: {type(exc).__name__}: {display(str(exc))}\n"
                "  hint: run again with --debug for a traceback and report it as a bug",
                err=True,
            )
            ctx.exit(int(ExitCode.INTERNAL_ERROR))


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool(root.obj and root.obj.get("debug"))


#: Every command: module, attribute and its one-line help (the same as the command's own
#: ``short_help``; tests/cli/test_lazy_commands.py keeps them equal). ``claims --help`` and
#: ``--version`` import none of the command modules, so they need neither spaCy nor pydantic.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "analyze": (
        "claims.cli.analyze",
        "analyze_command",
        "Report statements and contradictions in articles.",
    ),
    "check": (
        "claims.cli.check",
        "check_command",
        "CI gate: fail on contradictions not in the baseline.",
    ),
    "eval": ("claims.cli.evaluate", "eval_command", "Score the output against gold annotations."),
    "kb": ("claims.cli.data", "kb_group", "List the documented actions (knowledge base)."),
    "quotes": (
        "claims.cli.analyze",
        "quotes_command",
        "List quotes and indirect speech, without rules.",
    ),
    "rules": ("claims.cli.data", "rules_group", "List the rules and claim types."),
    "schema": ("claims.cli.data", "schema_command", "Print the JSON Schema of the JSON report."),
    "show": (
        "claims.cli.show",
        "show_command",
        "Print everything about one finding or statement.",
    ),
    "speakers": ("claims.cli.data", "speakers_group", "List the speaker registry."),
    "validate": (
        "claims.cli.data",
        "validate_command",
        "Check article and data files without running the NLP.",
    ),
}


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    import claims

    click.echo(f"claims, version {claims.__version__}")
    ctx.exit()


class LazyClaimsGroup(ClaimsGroup):
    """Imports a command's module only when that command runs (or its own help is shown)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        import importlib

        command: click.Command = getattr(importlib.import_module(entry[0]), entry[1])
        self.commands[cmd_name] = command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            (name, COMMANDS[name][2] if name in COMMANDS else self.commands[name].short_help or "")
            for name in self.list_commands(ctx)
            if name not in self.commands or not self.commands[name].hidden
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyClaimsGroup, context_settings=CONTEXT_SETTINGS)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Check what politicians say in German news against what their governments did.

    \b
    Example:
        claims analyze corpus/
        claims analyze corpus/ --format markdown -o report.md
        claims check corpus/ --format github
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    if debug and DEBUG_ENV not in os.environ:
        # an article the analysis fails on raises with its traceback (also in worker processes)
        # instead of becoming an error record; only for this command
        os.environ[DEBUG_ENV] = "1"
        ctx.call_on_close(lambda: os.environ.pop(DEBUG_ENV, None))


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM/SIGHUP end the run like Ctrl-C does: cleanup code runs (a half-written output
    file is removed), then the process exits with 128 + the signal number."""
    raise SystemExit(128 + signum)


def _install_signal_handlers() -> None:
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, _terminate)


def _freeze_at_exit() -> None:
    """Leave the objects alive at exit out of the interpreter's last cyclic collection, which
    would otherwise walk every object of the pipeline and the word tables (0.2 s after a corpus
    run) only to free memory that the end of the process frees anyway."""
    gc.freeze()


def main() -> None:
    """Console-script entry point."""
    _install_signal_handlers()
    atexit.unregister(_freeze_at_exit)  # once, however often main() runs in a process
    atexit.register(_freeze_at_exit)
    try:
        cli.main(prog_name="claims")
    except KeyboardInterrupt:  # pragma: no cover - raised outside a command
        click.echo("claims: interrupted", err=True)
        sys.exit(130)


__all__ = ["cli", "main"]
