"""`claims analyze` and `claims quotes`: run the pipeline and render a report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import click

from claims.app import AnalyzeOptions, analyze
from claims.cli.options import (
    data_options,
    output_options,
    paths_argument,
    resolve_format,
    run_options,
)
from claims.cli.output import Progress, emit, report_error, terminal_width, use_color, warn
from claims.errors import ExitCode
from claims.models import Report
from claims.resources import DataFiles, Resources


@dataclass(frozen=True)
class RunArgs:
    """The options shared by every command that runs the pipeline."""

    kb_files: tuple[Path, ...]
    rule_files: tuple[Path, ...]
    speaker_files: tuple[Path, ...]
    speaker_ids: tuple[str, ...]
    jobs: int
    no_cache: bool
    cache_dir: Path | None
    model: str | None
    max_bytes: int
    quiet: bool

    def data(self) -> DataFiles:
        return DataFiles(self.speaker_files, self.kb_files, self.rule_files)


def run_pipeline(
    paths: tuple[Path, ...],
    args: RunArgs,
    *,
    lang: str = "en",
    run_rules: bool = True,
    include_text: bool = False,
) -> tuple[Report, Resources]:
    """Run the analysis with stderr messages for bad articles and a progress line."""
    resources = Resources.load(args.data())
    for problem in resources.problems:
        warn(problem, args.quiet)
    options = AnalyzeOptions(
        data=args.data(),
        speakers=args.speaker_ids,
        jobs=args.jobs,
        use_cache=not args.no_cache,
        cache_dir=args.cache_dir,
        model=args.model,
        max_bytes=args.max_bytes,
        lang=lang,
        run_rules=run_rules,
        include_text=include_text,
    )
    with Progress(args.quiet) as progress:
        report = analyze(
            [str(p) for p in paths],
            options,
            resources=resources,
            on_error=lambda record: report_error(record, args.quiet),
            on_progress=progress.advance,
            on_warning=lambda message: warn(message, args.quiet),
        )
    for article in report.articles:
        for message in article.warnings:
            warn(f"{article.path}: {message}", args.quiet)
    return report, resources


MAX_TABLE_STATEMENTS = 500  # beyond this the terminal table points to `claims quotes`


def render_report(
    report: Report,
    resources: Resources,
    fmt: str,
    lang: str,
    paths: tuple[Path, ...],
    include_text: bool = False,
    to_terminal: bool = True,
    rules_ran: bool = True,
) -> str:
    from claims.report import RenderOptions, render

    options = RenderOptions(
        lang=lang,
        color=to_terminal and use_color(),
        width=terminal_width() if to_terminal else 100,
        include_text=include_text,
        actions=tuple(resources.actions),
        corpus=" ".join(str(p) for p in paths),
        generated=dt.date.today().isoformat(),
        speaker_names=resources.speaker_names(),
        claim_type_names={c.id: c.title for c in resources.claim_types},
        statements_table=not rules_ran or len(report.statements) <= MAX_TABLE_STATEMENTS,
        findings_table=rules_ran,
    )
    return render(report, fmt, options)


def _exit_code(report: Report) -> int:
    """Exit 2 when a PATH argument itself was bad (a usage error); 0 otherwise."""
    return int(ExitCode.USAGE_ERROR) if any(e.code == "not-found" for e in report.errors) else 0


FORMATS = ("table", "markdown", "json", "jsonl", "csv")


@click.command("analyze")
@paths_argument
@output_options(FORMATS)
@data_options
@run_options
@click.option("--include-text", is_flag=True, help="json/jsonl: include each article's text.")
@click.pass_context
def analyze_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
    lang: str,
    include_text: bool,
    **run: object,
) -> None:
    """Find statements and contradictions in articles under PATH... and print a report.

    PATH is an article file (.txt, .md, .jsonl) or a folder searched recursively.

    \b
    Examples:
        claims analyze corpus/
        claims analyze corpus/ --speaker lukashenko --format json -o findings.json
        claims analyze corpus/ -o report.md --lang de
    """
    args = RunArgs(**run)  # type: ignore[arg-type]
    report, resources = run_pipeline(paths, args, lang=lang, include_text=include_text)
    fmt = resolve_format(fmt, output, "table")
    emit(render_report(report, resources, fmt, lang, paths, include_text, output is None), output)
    ctx.exit(_exit_code(report))


@click.command("quotes")
@paths_argument
@output_options(FORMATS)
@data_options
@run_options
@click.option(
    "--include-text",
    is_flag=True,
    help="json/jsonl: include each article's ingested text (the offsets refer to it).",
)
@click.pass_context
def quotes_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
    lang: str,
    include_text: bool,
    **run: object,
) -> None:
    """List the statements (quotes and indirect speech) in PATH..., without rules.

    \b
    Examples:
        claims quotes corpus/
        claims quotes article.txt --format json --include-text
    """
    args = RunArgs(**run)  # type: ignore[arg-type]
    report, resources = run_pipeline(
        paths, args, lang=lang, run_rules=False, include_text=include_text
    )
    fmt = resolve_format(fmt, output, "table")
    text = render_report(
        report, resources, fmt, lang, paths, include_text, output is None, rules_ran=False
    )
    emit(text, output)
    ctx.exit(_exit_code(report))


def register(group: click.Group) -> None:
    group.add_command(analyze_command)
    group.add_command(quotes_command)
