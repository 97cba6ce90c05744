"""`claims eval`: precision and recall against hand-checked annotations."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claims.cli.analyze import RunArgs, run_pipeline
from claims.cli.options import data_options, fixed_format_option, output_option, run_options
from claims.cli.output import emit


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@fixed_format_option(("text", "json"))
@output_option
@data_options
@run_options
def eval_command(
    gold: Path, paths: tuple[Path, ...], fmt: str, output: Path | None, **run: object
) -> None:
    """Score statements, speakers and findings in PATH... against GOLD.jsonl.

    \b
    Example:
        claims eval tests/gold/corpus.jsonl corpus/
    """
    from claims.evaluate import load_gold, render_text, score

    annotations = load_gold(gold)
    args = RunArgs(**run)  # type: ignore[arg-type]
    report, _ = run_pipeline(paths, args, include_text=True)
    texts = {a.id: a.text or "" for a in report.articles}
    result = score(annotations, report, texts)
    if fmt == "json":
        emit(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2), output)
    else:
        emit(render_text(result), output)


def register(group: click.Group) -> None:
    group.add_command(eval_command)
