"""`claims show ID PATH...`: everything about one finding or statement, in context."""

from __future__ import annotations

from pathlib import Path

import click

from claims.cli.analyze import RunArgs, render_options, run_pipeline
from claims.cli.options import data_options, paths_argument, run_options
from claims.cli.output import emit
from claims.errors import UsageError
from claims.models import Article, Finding, Statement

MIN_PREFIX = 6


def sentence_context(article: Article, statement: Statement) -> tuple[str, str, str]:
    """The sentence before the statement, the sentence(s) it stands in, and the one after
    (sentences as the rule engine splits them: at . ! ? before a capital, and at line breaks)."""
    from claims.rules.clauses import sentence_bounds
    from claims.rules.tokens import shared_tokenizer

    text = article.text or ""
    if not text:
        return "", statement.text, ""
    tokens = shared_tokenizer()(text)
    spans = [
        (tokens.start_char(s), tokens.end_char(e - 1)) for s, e in sentence_bounds(tokens) if e > s
    ]
    first = next((i for i, (_, e) in enumerate(spans) if e > statement.start), None)
    if first is None:
        return "", statement.text, ""
    last = first
    while last + 1 < len(spans) and spans[last + 1][0] < statement.end:
        last += 1
    before = text[spans[first - 1][0] : spans[first - 1][1]] if first > 0 else ""
    sentence = text[spans[first][0] : spans[last][1]]
    after = text[spans[last + 1][0] : spans[last + 1][1]] if last + 1 < len(spans) else ""
    # an opening quote mark is split off with the sentence before it: give it back
    sentence, after = _opening_quote(sentence, after)
    before, sentence = _opening_quote(before, sentence)
    return before, sentence, after


def _opening_quote(first: str, second: str) -> tuple[str, str]:
    """Move an opening quote mark (``„``, ``‚``, or ``"`` after a space) from the end of
    ``first`` to the start of ``second``."""
    stripped = first.rstrip()
    if stripped.endswith(("„", "‚")) or (stripped.endswith('"') and stripped[-2:-1].isspace()):
        return stripped[:-1].rstrip(), stripped[-1] + second
    return first, second


@click.command("show", short_help="Print everything about one finding or statement.")
@click.argument("item_id", metavar="ID")
@paths_argument
@click.option(
    "--lang",
    type=click.Choice(["en", "de"]),
    default="en",
    help="Language of labels and explanations.",
)
@data_options
@run_options
@click.pass_context
def show_command(
    ctx: click.Context, item_id: str, paths: tuple[Path, ...], lang: str, **run: object
) -> None:
    """Print everything about one finding or statement ID found in PATH...

    Runs the analysis on PATH... (as `claims analyze` does, with the same options) and prints
    the statement in context (the sentences before and after it in the article), its speaker,
    cue and claim types, and for a finding the rule, the explanation and every evidence item
    with its sources. ID is a finding id (f-...) or a statement id (s-...) as printed by
    `claims analyze` or found in its JSON; a prefix of at least 6 characters is enough.

    \b
    Examples:
        claims show f-6b23809b67cf corpus/
        claims show 6b2380 corpus/ --lang de
    """
    from claims.report.common import ReportView
    from claims.report.table import Context, find_item, render_item

    args = RunArgs(**run)  # type: ignore[arg-type]
    query = item_id.strip()
    if len(query) < MIN_PREFIX:
        raise UsageError(
            f"id {query!r} is too short",
            hint=f"give at least {MIN_PREFIX} characters of a finding or statement id, "
            "as `claims analyze` prints them (f-... or s-...)",
        )
    report, resources = run_pipeline(paths, args, lang=lang, include_text=True)
    view = ReportView.build(report, tuple(resources.actions))
    found = find_item(view, query)
    where = " ".join(str(p) for p in paths)
    if not found:
        raise UsageError(
            f"no finding or statement with id {query!r} in {where}",
            hint="list the ids with `claims analyze PATH` (findings) or "
            "`claims quotes PATH --format json` (statements); ids depend on the article text "
            "and, for findings, on the rules and the knowledge base (--kb/--rules)",
        )
    if len(found) > 1:
        ids = ", ".join(item.id for item in found[:8]) + (", …" if len(found) > 8 else "")
        raise UsageError(
            f"id {query!r} matches {len(found)} ids: {ids}", hint="give more characters"
        )
    item = found[0]
    statement = view.statement_of(item) if isinstance(item, Finding) else item
    article = view.article_of(statement)
    context = None
    if statement is not None and article is not None:
        context = Context(*sentence_context(article, statement))
    options = render_options(resources, lang, paths, verbose=True)
    emit(render_item(view, item, options, context), None)
