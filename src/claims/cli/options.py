"""Option decorators shared by several commands, so every command spells them the same way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from claims.errors import UsageError

F = TypeVar("F", bound=Callable[..., Any])

# The format an -o file's extension implies (no --format given). An extension not listed here is a
# usage error rather than a guess: `-o report.html` must not get the terminal table.
EXTENSION_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".txt": "table",
}
CHECK_EXTENSION_FORMATS = {".sarif": "sarif", ".json": "json", ".txt": "text"}


def _compose(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


def paths_argument(func: F) -> F:
    return click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))(func)


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the output to FILE (atomically) instead of standard output.",
)


def fixed_format_option(formats: tuple[str, ...]) -> Callable[[F], F]:
    """``--format`` for commands whose output does not follow the -o file's extension."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(formats),
        default=formats[0],
        show_default=True,
        help="Output format.",
    )


def output_options(formats: tuple[str, ...]) -> Callable[[F], F]:
    return _compose(
        click.option(
            "--format",
            "fmt",
            type=click.Choice(formats),
            default=None,
            help=f"Output format (default: {formats[0]}, or from the -o file's extension).",
        ),
        output_option,
        click.option(
            "--lang",
            type=click.Choice(["en", "de"]),
            default="en",
            help="Language of report text and explanations.",
        ),
    )


def data_options(func: F) -> F:
    return _compose(
        click.option(
            "--kb",
            "kb_files",
            multiple=True,
            type=click.Path(path_type=Path),
            help="Extra knowledge-base file (actions, categories). Repeatable.",
        ),
        click.option(
            "--rules",
            "rule_files",
            multiple=True,
            type=click.Path(path_type=Path),
            help="Extra rules / claim-types file. Repeatable.",
        ),
        click.option(
            "--speakers",
            "speaker_files",
            multiple=True,
            type=click.Path(path_type=Path),
            help="Extra speaker registry file. Repeatable.",
        ),
    )(func)


def speaker_help() -> str:
    """Help of ``--speaker``, naming the tracked speakers of the built-in registry."""
    try:
        from claims.kb.speakers import load_speakers

        ids = ", ".join(s.id for s in load_speakers().tracked())
    except Exception:  # help must never fail; the registry error shows when a command runs
        ids = "see `claims speakers list`"
    return (
        f"Only these speakers: a registered id ({ids}) or a name of one, in any case; "
        "other:NAME, other (every unregistered speaker), none (speaker not known). Repeatable."
    )


class SpeakerOption(click.Option):
    """``--speaker``: its help lists the registry's speakers, read when help is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = speaker_help()
        return super().get_help_record(ctx)


follow_symlinks_option = click.option(
    "--follow-symlinks",
    is_flag=True,
    help="In folders, also read symbolic links that point outside the folder given.",
)


def run_options(func: F) -> F:
    return _compose(
        click.option(
            "--speaker",
            "speaker_ids",
            multiple=True,
            metavar="ID",
            cls=SpeakerOption,
            help="Only these speakers (see `claims speakers list`). Repeatable.",
        ),
        click.option(
            "--jobs",
            type=click.IntRange(1, 64),
            default=1,
            show_default=True,
            help="Worker processes.",
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Cache folder (default: $CLAIMS_CACHE_DIR, else the user cache folder of the "
            "platform, e.g. ~/.cache/claims).",
        ),
        click.option(
            "--model",
            default=None,
            metavar="NAME",
            help="An installed spaCy pipeline to use instead of the rule-based default.",
        ),
        click.option(
            "--one-word-quotes",
            is_flag=True,
            help="Also report a quoted single word inside a sentence (nannte den Plan "
            "„lächerlich“) as a direct statement, as the German news quotation benchmark "
            "annotates them. By default a word is not a statement.",
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(1),
            default=5_000_000,
            show_default=True,
            help="Largest article file to read.",
        ),
        follow_symlinks_option,
        click.option(
            "--scheduler",
            default=None,
            metavar="ADDRESS",
            envvar="DASK_SCHEDULER_ADDRESS",
            help="Run the per-article analysis on this Dask scheduler's cluster, e.g. "
            "tcp://10.0.0.5:8786 (default: $DASK_SCHEDULER_ADDRESS; needs the 'dask' extra). "
            "Rules and report run here. See docs/scale.md.",
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on stderr."),
    )(func)


def check_format_option(formats: tuple[str, ...]) -> Callable[[F], F]:
    """``--format`` of ``claims check``: default text, or the -o file's extension."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(formats),
        default=None,
        help=f"Output format (default: {formats[0]}, or from the -o file's extension: "
        + ", ".join(f"{ext} {name}" for ext, name in CHECK_EXTENSION_FORMATS.items())
        + ").",
    )


def resolve_format(
    fmt: str | None,
    output: Path | None,
    default: str,
    extensions: dict[str, str] = EXTENSION_FORMATS,
) -> str:
    """The format asked for, else the one the output file's extension implies, else default.

    An output file without an extension (``-o /dev/stdout``) gets the default; one with an
    extension that names no format is a :class:`UsageError`.
    """
    if fmt:
        return fmt
    if output is None or not output.suffix:
        return default
    suffix = output.suffix.lower()
    if suffix in extensions:
        return extensions[suffix]
    known = ", ".join(f"{ext} ({name})" for ext, name in extensions.items())
    raise UsageError(
        f"cannot tell the output format from the extension of {output} ({suffix})",
        hint=f"choose one with --format, or use an extension claims knows: {known}",
    )
