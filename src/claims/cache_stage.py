"""The cached per-article stage: reuse statements and evidence of articles seen before.

A cached result holds what the later stages need (tagged statements and corpus evidence), so a
cached article needs no Doc, no tokens and no spaCy pipeline at all.

The key covers the extraction pipeline version, the tool version and every data file that the
per-article stage reads (speakers, claim types, evidence categories), so changing a rule reruns
only the rule engine, and adding an article analyses only that article.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, TypeAdapter

from claims import __version__
from claims.models import Article, ErrorRecord, Evidence, Statement
from claims.worker import ArticleResult, PipelineSpec

if TYPE_CHECKING:
    from claims.cache import Cache
    from claims.resources import DataFiles

STAGE = "article"
#: the package data files the per-article stage reads (beyond the user's files)
#: Every package data file the stage reads: editing one must not reuse cached statements.
BUILTIN_DATA = (
    "speakers.yaml",
    "claim_types.yaml",
    "categories.yaml",
    "rule_words.yaml",
    "nlp_words.yaml",
    "speech_cues.yaml",
    "abbreviations.txt",
    "nlp_first_names.txt",
)
STATEMENTS_ONLY = ":statements"
Pending = Callable[[], list[ArticleResult]]
Submit = Callable[[list[Article]], Pending]


def _nothing() -> list[ArticleResult]:
    return []


_STATEMENTS = TypeAdapter(list[Statement])
_EVIDENCE = TypeAdapter(list[Evidence])


class _Entry(BaseModel):
    """A cached value as stored: ``{"evidence": [...], "statements": [...]}``."""

    statements: list[Statement]
    evidence: list[Evidence]


def _encode(result: ArticleResult) -> str:
    return json.dumps(
        {
            "statements": _STATEMENTS.dump_python(result.statements, mode="json"),
            "evidence": _EVIDENCE.dump_python(result.evidence, mode="json"),
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def _decode(value: str) -> ArticleResult | None:
    try:
        entry = _Entry.model_validate_json(value)  # parsed and validated in one pass
    except ValueError:
        return None  # an unreadable entry is recomputed, never trusted
    return ArticleResult(entry.statements, entry.evidence)


@dataclass
class CachedStage:
    cache: Cache | None
    key: str
    chunk_size: int = 64
    #: keys a stored result may be found under, best first (a run without rules also takes
    #: the full results of an earlier run with them); results are stored under the first
    lookup_keys: tuple[str, ...] = ()
    warn: Callable[[str], None] = lambda message: None
    _warned: int = 0

    @classmethod
    def open(
        cls,
        data: DataFiles,
        *,
        use_cache: bool = True,
        cache_dir: Path | None = None,
        pipeline: PipelineSpec | None = None,
        run_rules: bool = True,
        warn: Callable[[str], None] = lambda message: None,
    ) -> CachedStage:
        """The stage for one run: keyed by the data files and the pipeline (model, options),
        off without ``use_cache``."""
        if not use_cache:
            return cls(None, "")
        from claims.cache import Cache, data_key
        from claims.datafiles import package_data

        builtin = [package_data(n) for n in BUILTIN_DATA]
        key = data_key(
            __version__,
            code_fingerprint(),  # covers PIPELINE_VERSION and any edit of the stage's code
            (pipeline or PipelineSpec()).key(),
            *[p for p in builtin if p.exists()],
            *data.speakers,
            *data.rules,
            *data.kb,
        )
        cache = Cache(cache_dir or Cache.default_dir())
        if run_rules:
            stage = cls(cache, key, warn=warn, lookup_keys=(key,))
        else:  # statements without corpus evidence (`claims quotes` never computes it)
            stage = cls(
                cache, key + STATEMENTS_ONLY, warn=warn, lookup_keys=(key + STATEMENTS_ONLY, key)
            )
        stage.report_warnings()
        return stage

    def report_warnings(self) -> None:
        """Pass on the cache's new warnings (a database found corrupt mid-run and moved
        aside, a lock that turned the cache off) as they happen."""
        if self.cache is not None:
            for message in self.cache.warnings[self._warned :]:
                self.warn(message)
            self._warned = len(self.cache.warnings)

    def run(
        self, articles: Iterable[Article], submit: Submit
    ) -> Iterator[tuple[Article, ArticleResult]]:
        """Every article with its result, in input order, computing only cache misses.

        ``submit`` starts the work on a chunk and returns a function that waits for it, so the
        next chunk is read and looked up while worker processes compute the current one.
        """
        waiting: tuple[list[Article], dict[int, ArticleResult], list[int], Pending] | None = None
        for chunk in _chunks(articles, self.chunk_size):
            found = self._lookup(chunk)
            self.report_warnings()
            todo = [i for i in range(len(chunk)) if i not in found]
            pending = submit([chunk[i] for i in todo]) if todo else _nothing
            if waiting is not None:
                yield from self._finish(*waiting)
            waiting = (chunk, found, todo, pending)
        if waiting is not None:
            yield from self._finish(*waiting)

    def _lookup(self, chunk: list[Article]) -> dict[int, ArticleResult]:
        found: dict[int, ArticleResult] = {}
        if self.cache is not None:
            keys = self.lookup_keys or (self.key,)
            for index, article in enumerate(chunk):
                for key in keys:
                    value = self.cache.get(STAGE, article.sha256, key)
                    result = _decode(value) if value is not None else None
                    if result is not None and self._fits(article, result):
                        found[index] = rebind(article, result)
                        break
        return found

    def _finish(
        self,
        chunk: list[Article],
        found: dict[int, ArticleResult],
        todo: list[int],
        pending: Pending,
    ) -> Iterator[tuple[Article, ArticleResult]]:
        computed = dict(zip(todo, pending(), strict=True))
        if self.cache is not None and computed:
            self.cache.put_many(
                (STAGE, chunk[i].sha256, self.key, _encode(r))
                for i, r in computed.items()
                if r.error is None  # a failure is never remembered
            )
        for index, article in enumerate(chunk):
            yield article, found[index] if index in found else computed[index]

    @staticmethod
    def _fits(article: Article, result: ArticleResult) -> bool:
        """A cached result is used only if every statement still points into this text."""
        text = article.text or ""
        return all(text[s.start : s.end] == s.text for s in result.statements) and all(
            s.article_id == article.id for s in result.statements
        )

    def close(self) -> None:
        if self.cache is not None:
            self.report_warnings()
            self.cache.close()


class FileMemo:
    """What an unchanged article file ingested to, so a re-run does not decode and clean it again.

    Keyed on the path as given (the article records carry it) and the SHA-256 of the bytes
    read, so an edit that keeps size and modification time (``cp -p``, ``rsync -a``) is seen;
    the key also covers the ingest code and its data (furniture patterns, word lists). A file
    that could not be read is not stored (see :func:`claims.ingest.loader.load_articles`).
    """

    STAGE = "file"
    _ITEMS = TypeAdapter(list[Article | ErrorRecord])

    def __init__(self, cache: Cache, max_bytes: int) -> None:
        from claims.cache import data_key
        from claims.datafiles import package_data

        self.cache = cache
        self.key = data_key(
            __version__,
            source_fingerprint(("ingest",)),
            str(max_bytes),
            *[package_data(n) for n in ("furniture.yaml", "function_words.yaml")],
        )

    @staticmethod
    def _token(path: Path, digest: str) -> str:
        return f"{path}|{digest}"

    def get(self, path: Path, digest: str) -> list[Article | ErrorRecord] | None:
        value = self.cache.get(self.STAGE, self._token(path, digest), self.key)
        if value is None:
            return None
        try:
            return self._ITEMS.validate_json(value)
        except ValueError:
            return None

    def put(self, path: Path, digest: str, results: list[Article | ErrorRecord]) -> None:
        self.cache.put(
            self.STAGE, self._token(path, digest), self.key, self._ITEMS.dump_json(results).decode()
        )


def rebind(article: Article, result: ArticleResult) -> ArticleResult:
    """Point a cached result at this file: the same text may stand at another path or line.

    Updates ``result`` in place (it is freshly decoded from the cache) and returns it.
    """
    from claims.rules.evidence import citation

    text = article.text or ""
    for statement in result.statements:
        statement.line = article.line_of(statement.start, text)
    for evidence in result.evidence:
        if evidence.kind == "corpus":
            evidence.source = citation(article, evidence.start or 0, text)
            evidence.url = article.url
    return result


def code_fingerprint() -> str:
    """Hash of the source of the cached stage, so an edited checkout never reuses stale entries."""
    return source_fingerprint(("nlp", "rules", "kb"))


@lru_cache(maxsize=4)
def source_fingerprint(folders: tuple[str, ...]) -> str:
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for folder in folders:
        for source in sorted((package / folder).rglob("*.py")):
            digest.update(source.relative_to(package).as_posix().encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
