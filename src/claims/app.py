"""The library API behind the CLI, a straight pipeline:

    ingest -> extract [cached] -> claims -> evidence -> rules -> report

Each stage is a function of the previous stage's output (:func:`_results` chains the per-article
ones); the per-article stages (extract, claims, evidence) run in :mod:`claims.worker` over one
spaCy Doc per article, and :mod:`claims.cache_stage` stores their result per article text.
Articles are streamed: each is ingested, analysed (in this process or in worker processes) and
reduced to its statements and evidence before the next is read. :func:`analyze` collects the
results into a :class:`Report` in memory (handy for libraries and tests on small inputs);
:func:`analyze_streaming`, which the CLI uses, spools them to a temporary file instead and runs
the rule engine in two passes with a bounded evidence index, so memory stays flat however large
the archive. Both give the same report. The incremental cache stores the per-article stage; the
rule engine always re-runs because it is cheap and depends on the whole corpus."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claims import __version__
from claims.cache_stage import CachedStage, FileMemo
from claims.errors import InputError
from claims.ingest import DuplicateArticle, Skipped, load_articles
from claims.ingest.prefetch import fork_available, read_ahead
from claims.models import Article, ErrorRecord, Evidence, Finding, Report, Statement, ToolInfo
from claims.resources import DataFiles, Resources
from claims.spool import Spool, SpooledReport
from claims.worker import ArticleResult, LazyExecutor, PipelineSpec

if TYPE_CHECKING:
    from claims.distributed import DaskExecutor

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
    #: quoted single words are statements too (the quotation benchmark's convention)
    one_word_quotes: bool = False
    max_bytes: int = 5_000_000
    lang: str = "en"
    run_rules: bool = True
    include_text: bool = False
    follow_symlinks: bool = False
    #: a Dask scheduler address: the per-article stage runs on that cluster
    scheduler: str | None = None


@dataclass
class RunState:
    """What a run collected so far; the report is built from it at the end.

    ``paths`` and ``late_warnings`` are all a streamed run keeps per article: the path of each
    article id (to name the original of a duplicate) and the warnings that reach an article
    after it was analysed ("duplicate text also in ...").
    """

    articles: list[Article] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    on_warning: WarningCallback = lambda message: None
    paths: dict[str, str] = field(default_factory=dict)
    late_warnings: dict[str, list[str]] = field(default_factory=dict)


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
    read = read_ahead if _reads_ahead(options) else load_articles
    for item in read(
        paths, max_bytes=options.max_bytes, memo=memo, follow_symlinks=options.follow_symlinks
    ):
        if isinstance(item, Skipped):
            state.on_warning(f"{item.path}: {item.reason}")
        elif isinstance(item, ErrorRecord):
            state.errors.append(item)
            on_error(item)
        elif isinstance(item, DuplicateArticle):
            original = state.paths.get(item.article_id)
            message = f"same text as {original or item.article_id}; analysed once"
            state.on_warning(f"{item.path}: {message}")
            if original is not None:
                late = state.late_warnings.setdefault(item.article_id, [])
                late.append(f"duplicate text also in {item.path}")
        else:
            state.paths[item.id] = item.path
            yield item


def _reads_ahead(options: AnalyzeOptions) -> bool:
    """A local pool run reads and cleans its articles in a forked reader process, on the core
    that is idle while the workers start (:mod:`claims.ingest.prefetch`)."""
    return options.jobs > 1 and not options.scheduler and fork_available()


def analyze(
    paths: Sequence[str | Path],
    options: AnalyzeOptions = AnalyzeOptions(),
    *,
    resources: Resources | None = None,
    on_error: ErrorCallback = lambda record: None,
    on_progress: ProgressCallback = lambda article: None,
    on_warning: WarningCallback = lambda message: None,
) -> Report:
    """Run the whole pipeline over ``paths`` and return the report (held in memory).

    Raises :class:`InputError` when no article at all could be found or read. For large
    inputs use :func:`analyze_streaming`, which gives the same report from a disk spool.
    """
    resources = resources or Resources.load(options.data)
    state = RunState(on_warning=on_warning)
    stage = open_stage(options, state.on_warning)
    try:
        for article, result in _results(paths, resources, options, stage, state, on_error):
            _collect(article, result, options, state)
            on_progress(article)
    finally:
        stage.close()
    if not state.articles:
        raise _nothing_found(paths)
    for article in state.articles:
        article.warnings.extend(state.late_warnings.get(article.id, []))
    findings = _findings(state, resources, options)  # needs the texts: sentences point back
    if not options.include_text:
        for article in state.articles:
            article.text = None
    return Report(
        tool=ToolInfo(version=__version__),
        articles=state.articles,
        statements=state.statements,
        findings=findings,
        errors=state.errors,
    )


def _results(
    paths: Sequence[str | Path],
    resources: Resources,
    options: AnalyzeOptions,
    stage: CachedStage,
    state: RunState,
    on_error: ErrorCallback,
) -> Iterator[tuple[Article, ArticleResult]]:
    """The per-article part of the pipeline, each step a function of the one before:
    ingest -> analysed (cached: extract -> claims -> evidence, one Doc per article) -> located.
    """
    memo = FileMemo(stage.cache, options.max_bytes) if stage.cache is not None else None
    articles = _ingest(paths, options, state, on_error, memo)
    return _located(_analysed(articles, resources, options, stage), state, on_error)


def _analysed(
    articles: Iterable[Article], resources: Resources, options: AnalyzeOptions, stage: CachedStage
) -> Iterator[tuple[Article, ArticleResult]]:
    """Each article with its result: from the cache, else computed in this process, a pool of
    worker processes or on a Dask cluster."""
    executor: LazyExecutor | DaskExecutor
    if options.scheduler:
        from claims.distributed import PART_SIZE, DaskExecutor

        # Connected before the first article is read: a wrong address fails at once. The
        # pipeline is built on the workers, so nothing heavy is loaded here.
        executor = DaskExecutor(
            resources, options.scheduler, pipeline=pipeline_of(options), evidence=options.run_rules
        )
        # enough articles in flight to keep every worker thread busy (two chunks at a time)
        stage.chunk_size = max(stage.chunk_size, PART_SIZE * executor.workers())
    else:
        executor = LazyExecutor(
            resources, jobs=options.jobs, pipeline=pipeline_of(options), evidence=options.run_rules
        )
    try:
        yield from stage.run(articles, executor.submit)
    finally:
        executor.close()


def _located(
    analysed: Iterable[tuple[Article, ArticleResult]], state: RunState, on_error: ErrorCallback
) -> Iterator[tuple[Article, ArticleResult]]:
    """Analysed articles with their statements' columns set; a failed analysis is an error."""
    for article, result in analysed:
        if result.error is not None:  # analysis failed (a worker process died): an error
            state.errors.append(result.error)
            on_error(result.error)
            continue
        text = article.text or ""
        for statement in result.statements:  # for `path:line:col` in the terminal
            statement.column = Article.column_of(statement.start, text)
        yield article, result


def pipeline_of(options: AnalyzeOptions) -> PipelineSpec:
    """The extraction pipeline ``options`` ask for."""
    return PipelineSpec(options.model, options.one_word_quotes)


def open_stage(options: AnalyzeOptions, warn: WarningCallback) -> CachedStage:
    """The cached per-article stage for ``options``."""
    return CachedStage.open(
        options.data,
        use_cache=options.use_cache,
        cache_dir=options.cache_dir,
        pipeline=pipeline_of(options),
        run_rules=options.run_rules,
        warn=warn,
    )


def _nothing_found(paths: Sequence[str | Path]) -> InputError:
    where = ", ".join(str(p) for p in paths)
    return InputError(
        f"no article could be analysed in {where}",
        hint="give .txt, .md or .jsonl article files (see the errors above)",
    )


def _collect(
    article: Article, result: ArticleResult, options: AnalyzeOptions, state: RunState
) -> None:
    state.articles.append(article)
    for statement in result.statements:
        if speaker_selected(statement.speaker, options.speakers):
            state.statements.append(statement)
    state.evidence.extend(result.evidence)


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
        speaker_names=resources.speaker_names(options.lang),
        categories=resources.categories,
    )


@contextmanager
def analyze_streaming(
    paths: Sequence[str | Path],
    options: AnalyzeOptions = AnalyzeOptions(),
    *,
    resources: Resources | None = None,
    on_error: ErrorCallback = lambda record: None,
    on_progress: ProgressCallback = lambda article: None,
    on_warning: WarningCallback = lambda message: None,
) -> Iterator[SpooledReport]:
    """The report of :func:`analyze`, kept in a temporary disk spool while the block runs.

    Memory stays flat however many articles there are: each article's statements and evidence
    go to the spool as soon as it is analysed, the rule engine runs in two passes with a bounded
    evidence index (:mod:`claims.rules.streaming`), and the formatters read the report back
    article by article. The spool is a temporary SQLite database that never outlives the process
    (see :mod:`claims.spool`); it is closed and deleted when the block ends, also on an error.
    """
    resources = resources or Resources.load(options.data)
    with Spool() as spool:
        yield _spooled_run(paths, options, resources, spool, on_error, on_progress, on_warning)


def _spooled_run(
    paths: Sequence[str | Path],
    options: AnalyzeOptions,
    resources: Resources,
    spool: Spool,
    on_error: ErrorCallback,
    on_progress: ProgressCallback,
    on_warning: WarningCallback,
) -> SpooledReport:
    from claims.rules.engine import prepare
    from claims.rules.streaming import StreamingEngine, corpus_only

    state = RunState(on_warning=on_warning)
    engine = StreamingEngine(
        prepare(
            resources.actions,
            resources.rules,
            resources.actors,
            lang=options.lang,
            actor_info=resources.actor_info,
            speaker_names=resources.speaker_names(options.lang),
            categories=resources.categories,
        )
    )
    keys: list[tuple[str, str, int]] = []
    warned: dict[int, tuple[str, list[str]]] = {}
    said = 0
    stage = open_stage(options, state.on_warning)
    try:
        for article, result in _results(paths, resources, options, stage, state, on_error):
            statements = [
                s for s in result.statements if speaker_selected(s.speaker, options.speakers)
            ]
            cites = {}
            checked = options.run_rules and any(engine.checks(s) for s in statements)
            if options.run_rules:
                corpus = corpus_only(result.evidence)
                cites = engine.cites(corpus, engine.attribute(article, corpus))
                engine.add(article.id, cites)
            if not options.include_text:
                article.text = None  # offsets are resolved; the spool keeps no text
            seq = spool.add(article, statements, cites if checked else {}, checked)
            said += len(statements)
            keys.append((article.path, article.id, seq))
            if article.warnings:
                warned[seq] = (article.path, list(article.warnings))
            on_progress(article)
    finally:
        stage.close()
    if not keys:
        raise _nothing_found(paths)
    if options.run_rules:
        for seq, article, statements, cites in spool.records():
            spool.set_findings(seq, engine.findings(article, statements, cites))
    return SpooledReport(
        spool,
        ToolInfo(version=__version__),
        errors=state.errors,
        keys=keys,
        late_warnings=state.late_warnings,
        own_warnings=warned,
        statement_count=said,
    )


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))
