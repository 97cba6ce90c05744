"""`claims check`: the CI gate — fail on contradictions that are not in the baseline."""

from __future__ import annotations

from pathlib import Path

import click

from claims.atomic import write_text_atomic
from claims.check import CHECK_FORMATS
from claims.cli.analyze import RunArgs, selected_speakers, streamed_pipeline
from claims.cli.options import (
    CHECK_EXTENSION_FORMATS,
    check_format_option,
    data_options,
    output_option,
    paths_argument,
    resolve_format,
    run_options,
)
from claims.cli.output import emit
from claims.errors import ExitCode

DEFAULT_BASELINE = Path("claims-baseline.json")


@click.command("check", short_help="CI gate: fail on contradictions not in the baseline.")
@paths_argument
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Reviewed findings (default: {DEFAULT_BASELINE} if present).",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Accept every current contradiction into the baseline and exit 0; entries of articles "
    "and speakers outside this run are kept.",
)
@click.option(
    "--accept",
    "accept_ids",
    multiple=True,
    metavar="ID",
    help="Record the finding ID (finding_id or fingerprint) as accepted. Repeatable.",
)
@click.option(
    "--reject",
    "reject_ids",
    multiple=True,
    metavar="ID",
    help="Record the finding ID as a false positive. Repeatable.",
)
@click.option("--reason", default=None, help="Why (needed by --accept and --reject).")
@click.option("--by", default=None, help="Reviewer's name (default: git user.name, or $USER).")
@click.option(
    "--force",
    is_flag=True,
    help="--update-baseline even when articles failed to load (their entries are kept).",
)
@check_format_option(CHECK_FORMATS)
@output_option
@click.option("--lang", type=click.Choice(["en", "de"]), default="en", help="Message language.")
@data_options
@run_options
@click.pass_context
def check_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    baseline: Path | None,
    update_baseline: bool,
    accept_ids: tuple[str, ...],
    reject_ids: tuple[str, ...],
    reason: str | None,
    by: str | None,
    force: bool,
    fmt: str | None,
    output: Path | None,
    lang: str,
    **run: object,
) -> None:
    """Exit 1 when PATH... has contradictions not in the baseline, or an invalid article.

    Reviewers record findings in the baseline by id (shown as [id f-…] in the text output):
    --accept ID for a right contradiction, --reject ID for a false positive, each with --reason.

    \b
    Examples:
        claims check corpus/                      # gate a pull request
        claims check corpus/ --accept f-1a2b3c4d5e6f --reason "checked the sources"
        claims check corpus/ --reject f-6f5e4d3c2b1a --reason "the speaker is quoting someone"
        claims check corpus/ --update-baseline    # accept every current finding
        claims check corpus/ --format github      # annotations in GitHub Actions
        claims check corpus/ --format sarif -o claims.sarif
    """
    from claims.check import (
        Review,
        RunScope,
        apply_review,
        compare,
        describe_change,
        dump_baseline,
        load_baseline,
    )
    from claims.report.checks import render_check

    args = RunArgs(**run)  # type: ignore[arg-type]
    review = Review(update_baseline, accept_ids, reject_ids, reason, by, force)
    review.check_options()
    if not review.writes:
        fmt = resolve_format(fmt, output, CHECK_FORMATS[0], CHECK_EXTENSION_FORMATS)
    target = baseline or DEFAULT_BASELINE
    known = None
    # Read before the analysis, so a bad baseline stops the run at once. A missing --baseline
    # FILE is an error unless it is to be written; so is anything at the default path that is
    # not a readable file (a directory, a pipe, a link to nowhere) - never silently ignored.
    named = baseline is not None or target.is_symlink()
    if target.exists() or (named and not review.writes):
        known = load_baseline(target)
    with streamed_pipeline(paths, args, lang=lang) as (spooled, resources):
        report = spooled.report(every_statement=False)  # a check needs only the findings'
    scope = RunScope.of(report, selected_speakers(args, resources), paths)
    result = compare(report, known, scope, baseline_path=str(target))
    if review.writes:
        updated, change = apply_review(known, result, scope, review)
        write_text_atomic(target, dump_baseline(updated))
        if not args.quiet:
            click.echo("\n".join(describe_change(change, str(target))), err=True)
        ctx.exit(int(ExitCode.OK))
    titles = {rule.id: rule.title for rule in resources.rules}
    emit(render_check(result, fmt or CHECK_FORMATS[0], lang=lang, rules=titles), output)
    ctx.exit(int(ExitCode.NEW_FINDINGS if result.failed else ExitCode.OK))
