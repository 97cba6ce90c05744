"""Per-article analysis (extraction, claim tagging, corpus evidence), in-process or in a pool.

A worker process builds its spaCy pipeline once and then analyses a stream of articles; the
parent keeps order, so ``--jobs N`` gives the same report as ``--jobs 1``.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claims.errors import DEBUG_ENV
from claims.models import Article, ErrorRecord, Evidence, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claims.resources import Resources


@dataclass
class ArticleResult:
    """What one article contributes to the report besides its metadata."""

    statements: list[Statement]
    evidence: list[Evidence]
    error: ErrorRecord | None = None  # the article could not be analysed (its worker died)


@dataclass(frozen=True)
class PipelineSpec:
    """Which extraction pipeline a run uses: sent to every worker and part of the cache key.

    ``model``: an installed spaCy pipeline instead of ``blank("de")``; ``one_word_quotes``:
    quoted single words count as statements (the quotation benchmark's convention)."""

    model: str | None = None
    one_word_quotes: bool = False

    def key(self) -> str:
        """The cache-key part (``blank`` for the default, as before the flag existed)."""
        return (self.model or "blank") + (":one-word-quotes" if self.one_word_quotes else "")


class Worker:
    """Holds the pipeline and matchers; builds them once, then analyses article after article."""

    def __init__(
        self, resources: Resources, pipeline: PipelineSpec | None = None, evidence: bool = True
    ) -> None:
        from claims.nlp.extract import StatementExtractor
        from claims.rules.claim_types import ClaimTagger
        from claims.rules.evidence import CorpusEvidenceFinder
        from claims.rules.tokens import Tokenizer

        spec = pipeline or PipelineSpec()
        self.extractor = StatementExtractor(
            resources.registry, model=spec.model, one_word_quotes=spec.one_word_quotes
        )
        # One Doc per article: the tagger and the evidence finder read the extractor's tokens
        # (its vocabulary, and its tokenizer for the few pieces they must tokenise themselves)
        # and share one word-form cache and the extractor's lemma table.
        self.tokenizer = Tokenizer(lemmas=_extractor_lemmas(), nlp=self.extractor.nlp)
        self.tagger = ClaimTagger(resources.claim_types, self.tokenizer)
        # Corpus evidence (reporter sentences) only serves the rules: `claims quotes` skips it.
        self.evidence = (
            CorpusEvidenceFinder(resources.categories, self.tokenizer) if evidence else None
        )

    def analyse(self, article: Article) -> ArticleResult:
        return self._claims_and_evidence(article, *self.extractor.extract_doc(article))

    def analyse_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        batch = list(articles)
        docs = self.extractor.extract_docs(batch)
        for article, (doc, statements) in zip(batch, docs, strict=True):
            yield self._claims_and_evidence(article, doc, statements)

    def _claims_and_evidence(
        self, article: Article, doc: Doc, statements: list[Statement]
    ) -> ArticleResult:
        """The stages after extraction (claims, then evidence), over the article's one Doc."""
        from claims.rules.doc_tokens import article_tokens

        tokens = article_tokens(self.tokenizer, doc, article.text or "")
        tagged = self.tagger.tag(statements, tokens)
        found = [] if self.evidence is None else self.evidence.find(article, tagged, tokens)
        return ArticleResult(tagged, found)


def _extractor_lemmas() -> Mapping[str, str] | None:
    """The lookup lemma table the extractor already read (the same spacy-lookups-data file)."""
    try:
        from claims.nlp.lexicon import lemma_table
    except ImportError:
        return None
    return lemma_table()


def _load_tables() -> None:
    """The extractor's word tables in full (not looked up word by word from their index)."""
    try:
        from claims.nlp.lexicon import load_tables
    except ImportError:
        return
    load_tables()


#: A batch of this many articles looks up far more words than the tables' index is for
#: (:mod:`claims.nlp.table_index`: ≈ 1,200 per short article, read in full after 4,000), so an
#: in-process run reads the tables in full before it (4,000 index look-ups, 0.05 s, saved).
FULL_TABLES_AT = 16

_WORKER: Worker | None = None


def _init_worker(
    resources: Resources | None, pipeline: PipelineSpec | None, evidence: bool = True
) -> None:
    """Pool initializer: a forked child already holds the parent's worker (copy-on-write)."""
    global _WORKER
    for name in ("SIGTERM", "SIGHUP"):  # a worker ends at once (the CLI's handler is for the
        number = getattr(signal, name, None)  # parent, which cleans up its output file)
        if number is not None:
            signal.signal(number, signal.SIG_DFL)
    if _WORKER is None:
        assert resources is not None
        _WORKER = Worker(resources, pipeline=pipeline, evidence=evidence)


def _run_chunk(articles: list[Article]) -> list[ArticleResult]:
    assert _WORKER is not None, "worker process not initialised"
    return analyse_isolated(_WORKER, articles)


WORKER_DIED = "worker-died"
ANALYSIS_FAILED = "analysis-failed"


def analyse_isolated(
    worker: Worker,
    articles: list[Article],
    what: str = "analysing this article failed",
    hint: str = "",
) -> list[ArticleResult]:
    """``worker.analyse_many``, but an article the analysis fails on (a bug in a rule) fails
    alone: its error lands in the run's errors and the other articles are analysed."""
    try:
        return list(worker.analyse_many(articles))
    except Exception:
        if os.environ.get(DEBUG_ENV):
            raise
    results = []
    for article in articles:
        try:
            results.append(worker.analyse(article))
        except Exception as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            results.append(failed(article, exc, what, hint))
    return results


def failed(article: Article, exc: BaseException, what: str, hint: str = "") -> ArticleResult:
    """The error result of an article whose analysis raised ``exc``."""
    last = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return ArticleResult(
        [],
        [],
        ErrorRecord(
            path=article.path,
            code=ANALYSIS_FAILED,
            message=f"{what} ({last}); this is a bug in claims: run `claims --debug` on this "
            f"article alone for a traceback and report it{hint}",
        ),
    )


def gather(
    parts: list[list[Article]],
    futures: list[Any],
    result: Callable[[Any], list[ArticleResult] | None],
    one_by_one: Callable[[list[Article]], list[ArticleResult]],
) -> list[ArticleResult]:
    """The results of each part in order; a part whose worker died is tried article by
    article (shared by the local pool and the Dask cluster)."""
    results: list[ArticleResult] = []
    for part, future in zip(parts, futures, strict=True):
        done = result(future)
        results.extend(done if done is not None else one_by_one(part))
    return results


def died(article: Article) -> ArticleResult:
    """The error result of an article whose worker died on it twice."""
    return ArticleResult(
        [],
        [],
        ErrorRecord(
            path=article.path,
            code=WORKER_DIED,
            message="the worker process analysing this article died twice (killed, or out of"
            " memory) — analyse it alone with --jobs 1 to see why",
        ),
    )


class Executor:
    """Analyses lists of articles in this process (jobs=1) or in a pool of worker processes.

    A worker process that dies (killed, out of memory) breaks the pool: the articles it was
    given are retried once, one by one, in a new pool; an article that kills its worker again
    comes back as an :class:`ArticleResult` with an ``error`` (code ``worker-died``), and the
    run goes on. The parent never waits for a dead process.
    """

    def __init__(
        self,
        resources: Resources,
        jobs: int = 1,
        pipeline: PipelineSpec | None = None,
        evidence: bool = True,
    ) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False
        self._worker: Worker | None = None
        self._frozen = False
        if jobs > 1:
            global _WORKER
            if "fork" in multiprocessing.get_all_start_methods():
                # Build the pipelines once, before forking: children share them instead of
                # spending their first second on loading lemma tables and patterns again.
                _WORKER = Worker(resources, pipeline=pipeline, evidence=evidence)
                _load_tables()  # read in full here, shared by the children
                # Objects that exist now (pipeline, tables) stay out of the collector's sweeps:
                # the children's collections then do not touch (and copy) the shared pages.
                gc.freeze()
                self._frozen = True
                self._context: multiprocessing.context.BaseContext = multiprocessing.get_context(
                    "fork"
                )
                self._initargs: tuple[Resources | None, PipelineSpec | None, bool] = (
                    None,
                    pipeline,
                    evidence,
                )
            else:
                self._context = multiprocessing.get_context("spawn")
                self._initargs = (resources, pipeline, evidence)
            self._pool = self._new_pool()
        else:
            self._worker = Worker(resources, pipeline=pipeline, evidence=evidence)

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=self._context,
            initializer=_init_worker,
            initargs=self._initargs,
        )

    def _healthy_pool(self) -> ProcessPoolExecutor:
        assert self._pool is not None
        if self._broken:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            self._broken = False
        return self._pool

    def compute(self, articles: list[Article]) -> list[ArticleResult]:
        """Results in input order."""
        return self.submit(articles)()

    def submit(self, articles: list[Article]) -> Callable[[], list[ArticleResult]]:
        """Start analysing ``articles``; the returned function waits for the results (in order).

        In-process the work is done at once; with a pool the caller can read the next articles
        while the workers compute.
        """
        if self._worker is not None:
            if len(articles) >= FULL_TABLES_AT:
                _load_tables()  # thousands of words ahead: the index would only delay this
            results = analyse_isolated(self._worker, articles)
            return lambda: results
        size = max(1, -(-len(articles) // (self.jobs * 4)))
        parts = [articles[i : i + size] for i in range(0, len(articles), size)]
        futures = [self._start(part) for part in parts]

        return lambda: gather(parts, futures, self._result, self._one_by_one)

    def _start(self, part: list[Article]) -> Future[list[ArticleResult]] | None:
        try:
            return self._healthy_pool().submit(_run_chunk, part)
        except BrokenProcessPool:
            self._broken = True
            return None

    def _result(self, future: Future[list[ArticleResult]] | None) -> list[ArticleResult] | None:
        """The results of a part, or None when its worker (or another one) died."""
        if future is None:
            return None
        try:
            return future.result()
        except BrokenProcessPool:
            self._broken = True
            return None

    def _one_by_one(self, part: list[Article]) -> list[ArticleResult]:
        """The second try: each article alone, so only the one that kills a worker fails."""
        results = []
        for article in part:
            done = self._result(self._start([article]))
            results.extend(done if done is not None else [died(article)])
        return results

    def close(self) -> None:
        global _WORKER
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            _WORKER = None
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LazyExecutor:
    """An :class:`Executor` built on the first ``submit``: a fully cached run never loads a
    spaCy pipeline."""

    def __init__(
        self,
        resources: Resources,
        jobs: int = 1,
        pipeline: PipelineSpec | None = None,
        evidence: bool = True,
    ) -> None:
        self._args = (resources, jobs, pipeline, evidence)
        self._executor: Executor | None = None

    def submit(self, articles: list[Article]) -> Callable[[], list[ArticleResult]]:
        if self._executor is None:
            resources, jobs, pipeline, evidence = self._args
            self._executor = Executor(resources, jobs=jobs, pipeline=pipeline, evidence=evidence)
        return self._executor.submit(articles)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.close()
