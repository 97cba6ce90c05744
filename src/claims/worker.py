"""Per-article analysis (extraction, claim tagging, corpus evidence), in-process or in a pool.

A worker process builds its spaCy pipeline once and then analyses a stream of articles; the
parent keeps order, so ``--jobs N`` gives the same report as ``--jobs 1``.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claims.models import Article, Evidence, Statement

if TYPE_CHECKING:
    from claims.resources import Resources


@dataclass
class ArticleResult:
    """What one article contributes to the report besides its metadata."""

    statements: list[Statement]
    evidence: list[Evidence]


class Worker:
    """Holds the pipeline and matchers; builds them once, then analyses article after article."""

    def __init__(self, resources: Resources, model: str | None = None) -> None:
        from claims.nlp.extract import StatementExtractor
        from claims.rules import ClaimTagger, CorpusEvidenceFinder
        from claims.rules.tokens import Tokenizer

        self.extractor = StatementExtractor(resources.registry, model=model)
        # The tagger and the evidence finder share one tokenizer and word-form cache, and the
        # extractor's lemma table; with the built-in blank pipeline also its tokenizer (the same
        # rules, and its cache already holds the article's words).
        shared = self.extractor.nlp if model is None else None
        tokenizer = Tokenizer(lemmas=_extractor_lemmas(), nlp=shared)
        self.tagger = ClaimTagger(resources.claim_types, tokenizer)
        self.evidence = CorpusEvidenceFinder(resources.categories, tokenizer)

    def analyse(self, article: Article) -> ArticleResult:
        statements = self.tagger.tag(self.extractor.extract(article))
        return ArticleResult(statements, self.evidence.find(article, statements))

    def analyse_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        batch = list(articles)
        for article, statements in zip(batch, self.extractor.extract_many(batch), strict=True):
            tagged = self.tagger.tag(statements)
            yield ArticleResult(tagged, self.evidence.find(article, tagged))


def _extractor_lemmas() -> Mapping[str, str] | None:
    """The lookup lemma table the extractor already read (the same spacy-lookups-data file)."""
    try:
        from claims.nlp.lexicon import lemma_table
    except ImportError:
        return None
    return lemma_table()


_WORKER: Worker | None = None


def _init_worker(resources: Resources | None, model: str | None) -> None:
    """Pool initializer: a forked child already holds the parent's worker (copy-on-write)."""
    global _WORKER
    if _WORKER is None:
        assert resources is not None
        _WORKER = Worker(resources, model=model)


def _run_chunk(articles: list[Article]) -> list[ArticleResult]:
    assert _WORKER is not None, "worker process not initialised"
    return list(_WORKER.analyse_many(articles))


class Executor:
    """Analyses lists of articles in this process (jobs=1) or in a pool of worker processes."""

    def __init__(self, resources: Resources, jobs: int = 1, model: str | None = None) -> None:
        self.jobs = jobs
        self._pool: multiprocessing.pool.Pool | None = None
        self._worker: Worker | None = None
        if jobs > 1:
            global _WORKER
            if "fork" in multiprocessing.get_all_start_methods():
                # Build the pipelines once, before forking: children share them instead of
                # spending their first second on loading lemma tables and patterns again.
                _WORKER = Worker(resources, model=model)
                context: multiprocessing.context.BaseContext = multiprocessing.get_context("fork")
                initargs: tuple[Resources | None, str | None] = (None, model)
            else:
                context = multiprocessing.get_context("spawn")
                initargs = (resources, model)
            self._pool = context.Pool(processes=jobs, initializer=_init_worker, initargs=initargs)
        else:
            self._worker = Worker(resources, model=model)

    def compute(self, articles: list[Article]) -> list[ArticleResult]:
        """Results in input order."""
        return self.submit(articles)()

    def submit(self, articles: list[Article]) -> Callable[[], list[ArticleResult]]:
        """Start analysing ``articles``; the returned function waits for the results (in order).

        In-process the work is done at once; with a pool the caller can read the next articles
        while the workers compute.
        """
        if self._worker is not None:
            results = list(self._worker.analyse_many(articles))
            return lambda: results
        assert self._pool is not None
        size = max(1, -(-len(articles) // (self.jobs * 4)))
        parts = [articles[i : i + size] for i in range(0, len(articles), size)]
        running = self._pool.map_async(_run_chunk, parts)
        return lambda: [result for part in running.get() for result in part]

    def close(self) -> None:
        global _WORKER
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
            _WORKER = None

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
