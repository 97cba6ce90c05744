"""`claims check`: the CI gate — fail on contradictions that are not in the baseline."""

from __future__ import annotations

from pathlib import Path

import click

from claims.atomic import write_text_atomic
from claims.check import CHECK_FORMATS
from claims.cli.analyze import RunArgs, streamed_pipeline
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
    help=f"Accepted findings (default: {DEFAULT_BASELINE} if present).",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Write the current contradictions as the new baseline and exit 0.",
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
    fmt: str | None,
    output: Path | None,
    lang: str,
    **run: object,
) -> None:
    """Exit 1 when PATH... has contradictions not in the baseline, or an invalid article.

    \b
    Examples:
        claims check corpus/                      # gate a pull request
        claims check corpus/ --update-baseline    # accept the current findings
        claims check corpus/ --format github      # annotations in GitHub Actions
        claims check corpus/ --format sarif -o claims.sarif
    """
    from claims.check import (
        baseline_from_report,
        compare,
        dump_baseline,
        load_baseline,
        render_check,
    )

    args = RunArgs(**run)  # type: ignore[arg-type]
    fmt = resolve_format(fmt, output, CHECK_FORMATS[0], CHECK_EXTENSION_FORMATS)
    with streamed_pipeline(paths, args, lang=lang) as (spooled, resources):
        report = spooled.report(every_statement=False)  # a check needs only the findings'
    target = baseline or DEFAULT_BASELINE
    if update_baseline:
        accepted = baseline_from_report(report)
        write_text_atomic(target, dump_baseline(accepted))
        if not args.quiet:
            click.echo(
                f"claims: wrote {len(accepted.findings)} accepted findings to {target}", err=True
            )
        ctx.exit(int(ExitCode.OK))
    known = None
    if baseline is not None or DEFAULT_BASELINE.is_file():
        known = load_baseline(target)
    result = compare(report, known)
    titles = {rule.id: rule.title for rule in resources.rules}
    emit(render_check(result, fmt, lang=lang, rules=titles), output)
    ctx.exit(int(ExitCode.NEW_FINDINGS if result.failed else ExitCode.OK))


def register(group: click.Group) -> None:
    group.add_command(check_command)
