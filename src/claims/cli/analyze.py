"""`claims analyze` and `claims quotes`: run the pipeline and render a report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

import click

from claims.app import (
    AnalyzeOptions,
    ErrorCallback,
    ProgressCallback,
    WarningCallback,
    analyze,
    analyze_streaming,
)
from claims.cli.options import (
    data_options,
    output_options,
    paths_argument,
    resolve_format,
    run_options,
)
from claims.cli.output import (
    Progress,
    emit,
    emit_chunks,
    report_error,
    terminal_width,
    use_color,
    warn,
)
from claims.errors import ExitCode, UsageError
from claims.models import Report
from claims.resources import DataFiles, Resources
from claims.spool import SpooledReport

if TYPE_CHECKING:
    from claims.report import RenderOptions


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
    one_word_quotes: bool = False
    follow_symlinks: bool = False
    scheduler: str | None = None

    def data(self) -> DataFiles:
        return DataFiles(self.speaker_files, self.kb_files, self.rule_files)


def _analyze_options(
    args: RunArgs, resources: Resources, lang: str, run_rules: bool, include_text: bool
) -> AnalyzeOptions:
    return AnalyzeOptions(
        data=args.data(),
        speakers=selected_speakers(args, resources),
        jobs=args.jobs,
        use_cache=not args.no_cache,
        cache_dir=args.cache_dir,
        model=args.model,
        one_word_quotes=args.one_word_quotes,
        max_bytes=args.max_bytes,
        lang=lang,
        run_rules=run_rules,
        include_text=include_text,
        follow_symlinks=args.follow_symlinks,
        scheduler=args.scheduler or None,
    )


def selected_speakers(args: RunArgs, resources: Resources) -> tuple[str, ...]:
    """``--speaker`` values checked against the registry (a UsageError names the valid ids)."""
    return resources.registry.resolve_filter(args.speaker_ids)


def _load_resources(args: RunArgs) -> Resources:
    resources = Resources.load(args.data())
    for problem in resources.problems:
        warn(problem, args.quiet)
    return resources


class _Callbacks(TypedDict):
    on_error: ErrorCallback
    on_progress: ProgressCallback
    on_warning: WarningCallback


def _callbacks(args: RunArgs, progress: Progress) -> _Callbacks:
    """Bad articles and warnings go to stderr, progress to the progress line."""
    return _Callbacks(
        on_error=lambda record: report_error(record, args.quiet),
        on_progress=progress.advance,
        on_warning=lambda message: warn(message, args.quiet),
    )


def run_pipeline(
    paths: tuple[Path, ...],
    args: RunArgs,
    *,
    lang: str = "en",
    run_rules: bool = True,
    include_text: bool = False,
) -> tuple[Report, Resources]:
    """Run the analysis with stderr messages for bad articles and a progress line."""
    resources = _load_resources(args)
    options = _analyze_options(args, resources, lang, run_rules, include_text)
    with Progress(args.quiet) as progress:
        report = analyze(
            [str(p) for p in paths], options, resources=resources, **_callbacks(args, progress)
        )
    for article in report.articles:
        for message in article.warnings:
            warn(f"{article.path}: {message}", args.quiet)
    return report, resources


@contextmanager
def streamed_pipeline(
    paths: tuple[Path, ...],
    args: RunArgs,
    *,
    lang: str = "en",
    run_rules: bool = True,
    include_text: bool = False,
) -> Iterator[tuple[SpooledReport, Resources]]:
    """:func:`run_pipeline` with the report in a disk spool (flat memory); removed on exit."""
    resources = _load_resources(args)
    options = _analyze_options(args, resources, lang, run_rules, include_text)
    with ExitStack() as stack:
        with Progress(args.quiet) as progress:
            report = stack.enter_context(
                analyze_streaming(
                    [str(p) for p in paths],
                    options,
                    resources=resources,
                    **_callbacks(args, progress),
                )
            )
        for path, message in report.article_warnings():
            warn(f"{path}: {message}", args.quiet)
        yield report, resources


MAX_TABLE_STATEMENTS = 500  # beyond this the terminal table points to `claims quotes`


def render_options(
    resources: Resources,
    lang: str,
    paths: tuple[Path, ...],
    include_text: bool = False,
    to_terminal: bool = True,
    rules_ran: bool = True,
    statement_count: int = 0,
    verbose: bool = False,
) -> RenderOptions:
    from claims.report import RenderOptions

    return RenderOptions(
        lang=lang,
        color=to_terminal and use_color(),
        width=terminal_width() if to_terminal else 100,
        include_text=include_text,
        actions=tuple(resources.actions),
        corpus=" ".join(str(p) for p in paths),
        generated=dt.date.today().isoformat(),
        speaker_names=resources.speaker_names(lang),
        claim_type_names={
            c.id: (c.title_de if lang == "de" and c.title_de else c.title)
            for c in resources.claim_types
        },
        statements_table=not rules_ran or (verbose and statement_count <= MAX_TABLE_STATEMENTS),
        findings_table=rules_ran,
        verbose=verbose,
        paths=tuple(str(p) for p in paths),
    )


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
    from claims.report import render

    options = render_options(
        resources, lang, paths, include_text, to_terminal, rules_ran, len(report.statements)
    )
    return render(report, fmt, options)


def emit_spooled(
    report: SpooledReport,
    resources: Resources,
    fmt: str,
    lang: str,
    paths: tuple[Path, ...],
    include_text: bool,
    output: Path | None,
    rules_ran: bool = True,
    verbose: bool = False,
) -> None:
    """Write a spooled report: json, jsonl and csv streamed piece by piece, table and
    markdown from a view of counts and findings (see below)."""
    from claims.report import render_view
    from claims.report.stream import STREAM_FORMATS, stream

    to_terminal = output is None
    if fmt in STREAM_FORMATS:
        options = render_options(resources, lang, paths, include_text, to_terminal, rules_ran)
        emit_chunks(stream(report, fmt, options), output)
        return
    # The terminal report of an analysis lists no statements (unless --verbose, up to
    # MAX_TABLE_STATEMENTS): counts and the findings' statements suffice. Markdown (its index)
    # and the table of `claims quotes` list every statement, so for them all are read in.
    count = report.statement_count
    options = render_options(
        resources, lang, paths, include_text, to_terminal, rules_ran, count, verbose
    )
    every = fmt == "markdown" or options.statements_table
    emit(render_view(report.view(options.actions, every), fmt, options), output)


def _exit_code(report: Report | SpooledReport) -> int:
    """Exit 2 when a PATH argument itself was bad (a usage error); 0 otherwise."""
    return int(ExitCode.USAGE_ERROR) if any(e.code == "not-found" for e in report.errors) else 0


FORMATS = ("table", "markdown", "json", "jsonl", "csv")


@click.command("analyze", short_help="Report statements and contradictions in articles.")
@paths_argument
@output_options(FORMATS)
@data_options
@run_options
@click.option("--include-text", is_flag=True, help="json/jsonl: include each article's text.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="table: every evidence item with its sources, and every statement.",
)
@click.pass_context
def analyze_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
    lang: str,
    include_text: bool,
    verbose: bool,
    **run: object,
) -> None:
    """Find statements and contradictions in articles under PATH... and print a report.

    PATH is an article file (.txt, .md, .jsonl) or a folder searched recursively.

    \b
    Examples:
        claims analyze corpus/
        claims analyze corpus/ --verbose          # every evidence item and source
        claims show f-6b23809b67cf corpus/       # one finding in full
        claims analyze corpus/ --speaker lukashenko --format json -o findings.json
        claims analyze corpus/ -o report.md --lang de
    """
    args = RunArgs(**run)  # type: ignore[arg-type]
    fmt = resolve_format(fmt, output, "table")
    with streamed_pipeline(paths, args, lang=lang, include_text=include_text) as (report, data):
        emit_spooled(report, data, fmt, lang, paths, include_text, output, verbose=verbose)
        code = _exit_code(report)
    ctx.exit(code)


QUOTE_FORMATS = (*FORMATS, "spkatt")


@click.command("quotes", short_help="List quotes and indirect speech, without rules.")
@paths_argument
@output_options(QUOTE_FORMATS)
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
        claims quotes corpus/ --format spkatt -o spkatt/

    `--format spkatt` writes one JSON file per article into the folder -o DIR, in the
    annotation format of the German quotation attribution datasets (GermEval SpkAtt).
    """
    args = RunArgs(**run)  # type: ignore[arg-type]
    if fmt == "spkatt":
        ctx.exit(_quotes_spkatt(paths, args, output))
    fmt = resolve_format(fmt, output, "table")
    with streamed_pipeline(paths, args, lang=lang, run_rules=False, include_text=include_text) as (
        report,
        data,
    ):
        emit_spooled(report, data, fmt, lang, paths, include_text, output, rules_ran=False)
        code = _exit_code(report)
    ctx.exit(code)


def _quotes_spkatt(paths: tuple[Path, ...], args: RunArgs, output: Path | None) -> int:
    """One SpkAtt JSON document per article in the folder ``output``."""
    from claims.atomic import write_text_atomic
    from claims.report.spkatt import document, document_name, dumps

    if output is None:
        raise UsageError(
            "--format spkatt writes one file per article and needs a folder",
            hint="give one with -o DIR (it is created if missing)",
        )
    if output.exists() and not output.is_dir():
        raise UsageError(
            f"{output} is not a folder",
            hint="--format spkatt writes one file per article into -o DIR",
        )
    output.mkdir(parents=True, exist_ok=True)
    with streamed_pipeline(paths, args, lang="en", run_rules=False, include_text=True) as (
        report,
        _data,
    ):
        used: set[str] = set()
        for article, statements, _ in report.rows():
            name = document_name(article, used)
            write_text_atomic(output / f"{name}.json", dumps(document(article, statements, name)))
        return _exit_code(report)
