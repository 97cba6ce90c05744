"""The `claims` command line: thin click commands over the library API."""

from __future__ import annotations

import signal
import sys
import traceback
from typing import Any

import click

from claims import __version__
from claims.errors import ClaimsError, ExitCode
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


@click.group(cls=ClaimsGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="claims")
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


def _register() -> None:
    from claims.cli import analyze, check, data, evaluate, show

    for module in (analyze, show, check, data, evaluate):
        module.register(cli)


_register()


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM/SIGHUP end the run like Ctrl-C does: cleanup code runs (a half-written output
    file is removed), then the process exits with 128 + the signal number."""
    raise SystemExit(128 + signum)


def _install_signal_handlers() -> None:
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, _terminate)


def main() -> None:
    """Console-script entry point."""
    _install_signal_handlers()
    try:
        cli.main(prog_name="claims")
    except KeyboardInterrupt:  # pragma: no cover - raised outside a command
        click.echo("claims: interrupted", err=True)
        sys.exit(130)


__all__ = ["cli", "main"]
