"""Data commands: `validate`, `rules list`, `kb list`, `speakers list`, `schema`."""

from __future__ import annotations

import functools
import json
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claims.cli.options import data_options, follow_symlinks_option
from claims.cli.output import emit, report_error, terminal_width, use_color
from claims.errors import ExitCode
from claims.models import Action, ErrorRecord, Report, Source
from claims.resources import DataFiles, Resources
from claims.textsafe import display
from claims.validation import validate_data_files

DATA_SUFFIXES = {".yaml", ".yml"}


def print_rows(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], fmt: str) -> None:
    """A listing as a terminal table or as JSON objects (for scripts)."""
    if fmt == "json":
        emit(
            json.dumps(
                [dict(zip(headers, row, strict=True)) for row in rows], ensure_ascii=False, indent=2
            ),
            None,
        )
        return
    console = Console(
        width=terminal_width(),
        no_color=not use_color(),
        highlight=False,
        force_terminal=use_color(),
    )
    table = Table(title=title, show_lines=False, expand=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # user data is never rich markup
    console.print(table)


list_format = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)


def pass_resources(func: Callable[..., None]) -> Callable[..., None]:
    """Add --kb/--rules/--speakers to a command and hand it the loaded Resources instead."""

    @data_options
    @functools.wraps(func)
    def command(
        kb_files: tuple[Path, ...],
        rule_files: tuple[Path, ...],
        speaker_files: tuple[Path, ...],
        **kwargs: Any,
    ) -> None:
        func(Resources.load(DataFiles(speaker_files, kb_files, rule_files)), **kwargs)

    return command


@click.group("rules", short_help="List the rules and claim types.")
def rules_group() -> None:
    """Rules that compare statements with documented actions."""


@rules_group.command("list")
@list_format
@pass_resources
def rules_list(res: Resources, fmt: str) -> None:
    """List the rules and the claim types they check.

    \b
    Example:
        claims rules list
        claims rules list --rules my-rules.yaml --format json
    """
    rows = [
        [r.id, r.title, ", ".join(r.claim_types), ", ".join(r.contradicted_by), r.severity]
        for r in res.rules
    ]
    print_rows("Rules", ["id", "title", "claim types", "contradicted by", "severity"], rows, fmt)
    types = [[c.id, c.title] for c in res.claim_types]
    if fmt == "table":
        print_rows("Claim types", ["id", "title"], types, fmt)


@click.group("kb", short_help="List the documented actions (knowledge base).")
def kb_group() -> None:
    """The knowledge base of documented actions."""


@kb_group.command("list")
@list_format
@pass_resources
def kb_list(res: Resources, fmt: str) -> None:
    """List documented actions with their dates and sources.

    \b
    Example:
        claims kb list
        claims kb list --kb extra-actions.yaml --format json
    """
    if fmt == "table":
        emit(action_blocks(res.actions, terminal_width(), use_color()), None)
        return
    rows = [
        [
            a.id,
            a.actor,
            a.category,
            a.start.isoformat(),
            a.end.isoformat() if a.end else "",
            a.description_en,
            "; ".join(f"{s.publisher}: {s.url}" for s in a.sources),
        ]
        for a in res.actions
    ]
    print_rows(
        "Documented actions",
        ["id", "actor", "category", "start", "end", "description", "sources"],
        rows,
        fmt,
    )


def _date(source: Source) -> str:
    """``2022-03-02``, or ``2022-03`` for a source of which only the month is known."""
    return source.date.strftime("%Y-%m") if source.month_only else source.date.isoformat()


def action_blocks(actions: Sequence[Action], width: int, color: bool = False) -> str:
    """One block per documented action: the id whole on its first line, the description
    wrapped at word boundaries, each source with its URL whole on a line of its own."""

    def wrap(text: str, first: str, rest: str) -> list[str]:
        return textwrap.wrap(
            text,
            width=max(40, width),
            initial_indent=first,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        )

    def bold(text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if color else text

    blocks = [bold(f"Documented actions: {len(actions)}")]
    for action in actions:
        period = f"{action.start.isoformat()} – {action.end.isoformat() if action.end else ''}"
        lines = [bold(display(action.id))]
        lines += wrap(
            display(f"{action.actor} · {action.category} · {period.rstrip()}"), "  ", "    "
        )
        lines += wrap(display(action.description("en")), "  ", "    ")
        for source in action.sources:
            lines += wrap(
                display(f"• {source.publisher}: {source.title} ({_date(source)})"),
                "  ",
                "      ",
            )
            lines.append("    " + display(source.url))
        blocks.append("\n".join(line.rstrip() for line in lines))
    return "\n\n".join(blocks) + "\n"


@click.group("speakers", short_help="List the speaker registry.")
def speakers_group() -> None:
    """The speaker registry."""


@speakers_group.command("list")
@list_format
@pass_resources
def speakers_list(res: Resources, fmt: str) -> None:
    """List registered speakers, their name forms and roles.

    \b
    Example:
        claims speakers list
        claims speakers list --speakers team.yaml --format json
    """
    rows = []
    for s in res.registry.speakers:
        roles = "; ".join(
            f"{r.title} ({r.start or '…'}–{r.end or ''})" for r in getattr(s, "roles", [])
        )
        rows.append([s.id, s.name, ", ".join(s.names), roles])
    print_rows("Speakers", ["id", "name", "name forms", "roles"], rows, fmt)


@click.command("validate", short_help="Check article and data files without running the NLP.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--max-bytes",
    type=click.IntRange(1),
    default=5_000_000,
    show_default=True,
    help="Largest article file to read.",
)
@follow_symlinks_option
@click.option("-q", "--quiet", is_flag=True, help="Only print problems.")
@click.pass_context
def validate_command(
    ctx: click.Context, paths: tuple[Path, ...], max_bytes: int, follow_symlinks: bool, quiet: bool
) -> None:
    """Check article files and data files (speakers, KB, rules) without running the NLP.

    Reports every problem of every file in one run, each with file and line, including
    references between data files (categories, actors, speakers, rule -> claim type); exits 2
    when there is any.

    \b
    Examples:
        claims validate corpus/
        claims validate my-rules.yaml my-kb.yaml corpus/new-article.txt
    """
    from claims.ingest import DuplicateArticle, Skipped, load_articles

    problems = 0
    data_paths = [path for path in paths if path.suffix.lower() in DATA_SUFFIXES]
    article_paths = [str(path) for path in paths if path.suffix.lower() not in DATA_SUFFIXES]
    for path, summary, found in validate_data_files(data_paths):
        for exc in found:
            click.echo(f"claims: {exc.describe(display)}", err=True)
        problems += len(found)
        if not found and not quiet:
            click.echo(f"ok   {display(str(path))}: {summary}")
    articles = 0
    if article_paths:
        for item in load_articles(
            article_paths, max_bytes=max_bytes, follow_symlinks=follow_symlinks
        ):
            if isinstance(item, Skipped):
                if not quiet:
                    click.echo(f"skip {display(item.path)}: {item.reason}")
            elif isinstance(item, ErrorRecord):
                problems += 1
                report_error(item)
            elif isinstance(item, DuplicateArticle):
                if not quiet:
                    click.echo(f"warn {display(item.path)}: same text as another article")
            else:
                articles += 1
                if not quiet:
                    for message in item.warnings:
                        click.echo(f"warn {display(item.path)}: {display(message)}")
        if not quiet:
            click.echo(f"{articles} article(s) valid")
    ctx.exit(int(ExitCode.USAGE_ERROR if problems else ExitCode.OK))


def report_schema() -> dict[str, Any]:
    """The JSON Schema of the JSON report (published by `claims schema`, kept in the repo)."""
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "claims report (schema_version 1)"
    return schema


@click.command("schema", short_help="Print the JSON Schema of the JSON report.")
def schema_command() -> None:
    """Print the JSON Schema of `--format json` reports.

    \b
    Example:
        claims schema > report.schema.json
    """
    emit(json.dumps(report_schema(), indent=2, ensure_ascii=False, sort_keys=True), None)
