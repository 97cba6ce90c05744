"""The library API behind the CLI: ingest -> statements -> claims -> findings -> Report.

Articles are streamed: each is ingested, analysed (in this process or in worker processes) and
reduced to its statements and evidence before the next is read, so memory stays flat on large
archives. The incremental cache stores the per-article stage; the rule engine always re-runs
because it is cheap and depends on the whole corpus.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claims import __version__
from claims.cache_stage import CachedStage, FileMemo
from claims.errors import InputError
from claims.ingest import DuplicateArticle, load_articles
from claims.models import Article, ErrorRecord, Evidence, Finding, Report, Statement, ToolInfo
from claims.resources import DataFiles, Resources
from claims.worker import ArticleResult, Executor

ErrorCallback = Callable[[ErrorRecord], None]
ProgressCallback = Callable[[Article], None]
WarningCallback = Callable[[str], None]


@dataclass(frozen=True)
class AnalyzeOptions:
    """How to run an analysis; the CLI builds this from its options."""

    data: DataFiles = field(default_factory=DataFiles)
    speakers: tuple[str, ...] = ()
    jobs: int = 1
    use_cache: bool = True
    cache_dir: Path | None = None
    model: str | None = None
    max_bytes: int = 5_000_000
    lang: str = "en"
    run_rules: bool = True
    include_text: bool = False


@dataclass
class RunState:
    """What a run collected so far; the report is built from it at the end."""

    articles: list[Article] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    on_warning: WarningCallback = lambda message: None
    by_id: dict[str, Article] = field(default_factory=dict)


def speaker_selected(speaker: str | None, wanted: Sequence[str]) -> bool:
    """``--speaker`` filter: an id, ``other`` for every unregistered speaker, ``none``."""
    if not wanted:
        return True
    for item in wanted:
        if item == speaker:
            return True
        if item == "other" and speaker is not None and speaker.startswith("other:"):
            return True
        if item in ("none", "null") and speaker is None:
            return True
        if (
            item.startswith("other:")
            and speaker is not None
            and speaker.casefold() == item.casefold()
        ):
            return True
    return False


def _ingest(
    paths: Sequence[str | Path],
    options: AnalyzeOptions,
    state: RunState,
    on_error: ErrorCallback,
    memo: FileMemo | None,
) -> Iterator[Article]:
    for item in load_articles(paths, max_bytes=options.max_bytes, memo=memo):
        if isinstance(item, ErrorRecord):
            state.errors.append(item)
            on_error(item)
        elif isinstance(item, DuplicateArticle):
            original = state.by_id.get(item.article_id)
            message = (
                f"same text as {original.path if original else item.article_id}; analysed once"
            )
            state.on_warning(f"{item.path}: {message}")
            if original is not None:
                original.warnings.append(f"duplicate text also in {item.path}")
        else:
            state.by_id[item.id] = item
            yield item


def analyze(
    paths: Sequence[str | Path],
    options: AnalyzeOptions = AnalyzeOptions(),
    *,
    resources: Resources | None = None,
    on_error: ErrorCallback = lambda record: None,
    on_progress: ProgressCallback = lambda article: None,
    on_warning: WarningCallback = lambda message: None,
) -> Report:
    """Run the whole pipeline over ``paths`` and return the report.

    Raises :class:`InputError` when no article at all could be found or read.
    """
    resources = resources or Resources.load(options.data)
    state = RunState(on_warning=on_warning)
    stage = CachedStage.open(resources, options, state.on_warning)
    try:
        memo = FileMemo(stage.cache, options.max_bytes) if stage.cache is not None else None
        articles = _ingest(paths, options, state, on_error, memo)
        for article, result in _analyse(articles, resources, options, stage):
            _collect(article, result, options, state)
            on_progress(article)
    finally:
        stage.close()
    if not state.articles:
        where = ", ".join(str(p) for p in paths)
        raise InputError(
            f"no article could be analysed in {where}",
            hint="give .txt, .md or .jsonl article files (see the errors above)",
        )
    findings = _findings(state, resources, options)
    return Report(
        tool=ToolInfo(version=__version__),
        articles=state.articles,
        statements=state.statements,
        findings=findings,
        errors=state.errors,
    )


def _analyse(
    articles: Iterable[Article], resources: Resources, options: AnalyzeOptions, stage: CachedStage
) -> Iterator[tuple[Article, ArticleResult]]:
    pending: list[Article] = []

    def remember(batch: Iterable[Article]) -> Iterator[Article]:
        for article in batch:
            pending.append(article)
            yield article

    executor: Executor | None = None

    def submit(batch: list[Article]) -> Callable[[], list[ArticleResult]]:
        # Built on the first cache miss: a fully cached re-run never loads a spaCy pipeline.
        nonlocal executor
        if executor is None:
            executor = Executor(resources, jobs=options.jobs, model=options.model)
        return executor.submit(batch)

    try:
        for result in stage.run(remember(articles), submit):
            yield pending.pop(0), result
    finally:
        if executor is not None:
            executor.close()


def _collect(
    article: Article, result: ArticleResult, options: AnalyzeOptions, state: RunState
) -> None:
    state.articles.append(article)
    for statement in result.statements:
        if speaker_selected(statement.speaker, options.speakers):
            state.statements.append(statement)
    state.evidence.extend(result.evidence)
    if not options.include_text:
        article.text = None  # keep memory flat: offsets are already resolved


def _findings(state: RunState, resources: Resources, options: AnalyzeOptions) -> list[Finding]:
    if not options.run_rules:
        return []
    from claims.rules import evaluate

    return evaluate(
        state.statements,
        state.articles,
        resources.actions,
        state.evidence,
        resources.rules,
        resources.actors,
        lang=options.lang,
        actor_info=resources.actor_info,
        speaker_names=resources.speaker_names(),
    )


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
