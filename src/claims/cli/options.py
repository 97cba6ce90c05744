"""Option decorators shared by several commands, so every command spells them the same way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

EXTENSION_FORMATS = {".md": "markdown", ".json": "json", ".jsonl": "jsonl", ".csv": "csv"}


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
            help="Only these speakers (lukashenko, putin, other:NAME, other, none). Repeatable.",
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
            "--max-bytes",
            type=click.IntRange(1),
            default=5_000_000,
            show_default=True,
            help="Largest article file to read.",
        ),
        follow_symlinks_option,
        click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on stderr."),
    )(func)


def resolve_format(fmt: str | None, output: Path | None, default: str) -> str:
    """The format asked for, else the one the output file's extension implies, else default."""
    if fmt:
        return fmt
    if output is not None and output.suffix.lower() in EXTENSION_FORMATS:
        return EXTENSION_FORMATS[output.suffix.lower()]
    return default
