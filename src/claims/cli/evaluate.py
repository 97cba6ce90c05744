"""`claims eval`: precision and recall against hand-checked annotations."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claims.cli.analyze import RunArgs, run_pipeline
from claims.cli.options import data_options, fixed_format_option, output_option, run_options
from claims.cli.output import emit


@click.command("eval", short_help="Score the output against gold annotations.")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@fixed_format_option(("text", "json"))
@output_option
@click.option(
    "--speakers-only",
    "view",
    multiple=True,
    metavar="ID",
    help="Score only these speakers, and count a statement as found only with the right "
    "speaker. `registered` means every tracked speaker of the registry. Repeatable.",
)
@data_options
@run_options
def eval_command(
    gold: Path,
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    view: tuple[str, ...],
    **run: object,
) -> None:
    """Score statements, speakers and findings in PATH... against GOLD.jsonl.

    Gold lines may mark an item `optional` (neither a miss nor a false hit) and a
    contradiction as `null` (contested: counted neither way).

    \b
    Columns (explained again below the table):
      gold       annotated items that must be found
      predicted  what the tool reported that counts
      found      gold items matched (recall = found/gold)
      correct    predictions inside a gold item (precision = correct/predicted)
      ignored    predictions matching only optional or contested gold
    found and correct count different things: one prediction covering two gold
    items makes found exceed predicted.

    \b
    Examples:
        claims eval tests/gold/corpus.jsonl corpus/
        claims eval gold.jsonl articles/ --speakers-only registered
    """
    from claims.evaluate import load_gold, score
    from claims.report.eval_text import render_text

    annotations = load_gold(gold)
    args = RunArgs(**run)  # type: ignore[arg-type]
    speakers = _view(view, args) if view else None
    report, _ = run_pipeline(paths, args, include_text=True)
    texts = {a.id: a.text or "" for a in report.articles}
    result = score(annotations, report, texts, speakers)
    if fmt == "json":
        emit(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2), output)
    else:
        emit(render_text(result), output)


def _view(view: tuple[str, ...], args: RunArgs) -> list[str]:
    """The speaker ids of ``--speakers-only``; `registered` expands to the tracked speakers."""
    from claims.kb.speakers import load_speakers

    registry = load_speakers(args.speaker_files)
    ids: list[str] = []
    for wanted in view:
        if wanted.casefold() == "registered":
            ids += [s.id for s in registry.speakers if not s.is_other]
        else:
            ids.append(wanted)
    return list(dict.fromkeys(ids))
