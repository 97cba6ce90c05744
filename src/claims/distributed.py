"""The per-article stage on a Dask distributed cluster (``--scheduler ADDRESS``).

The client (the ``claims`` process) reads the articles, sends them in small parts to the
cluster's workers and gets back each article's statements and corpus evidence, in input order;
the corpus-level rule engine and the report stay on the client, so the output is the same as
a local run. Each worker process builds the extraction pipeline once (per set of data files) and
keeps it for every later task. An article whose analysis raises on a worker comes back as an
error record (``analysis-failed``); a part whose worker dies is retried article by article, and an
article that fails again that way comes back as ``worker-died``: the other articles are never
lost.

Dask is an optional dependency, the extra ``dask`` of claims-check: ``pip install -e ".[dask]"``
in a checkout.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from claims.errors import UsageError
from claims.models import Article
from claims.worker import ArticleResult, PipelineSpec, Worker, analyse_isolated, died, gather

if TYPE_CHECKING:
    from claims.resources import Resources

EXTRA_HINT = (
    'install the optional Dask extra claims-check[dask]: pip install -e ".[dask]" in the claims '
    "checkout (or the wheel with [dask])"
)
#: Articles per task: small enough to spread a chunk over many workers, large enough that the
#: scheduler's per-task overhead (a few ms) stays small against ~5-20 ms per article.
PART_SIZE = 8


def _client_class() -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise UsageError(
            "--scheduler needs Dask (the 'dask' extra), which is not installed",
            hint=EXTRA_HINT,
        ) from exc
    return Client


# --- on the workers ---------------------------------------------------------------------------

_WORKERS: dict[str, tuple[Worker, threading.Lock]] = {}
_BUILDING = threading.Lock()


def _worker_for(
    token: str, resources: Resources, pipeline: PipelineSpec | None, evidence: bool
) -> Any:
    """This process's :class:`Worker` for these data files, built on first use."""
    with _BUILDING:
        found = _WORKERS.get(token)
        if found is None:
            found = _WORKERS[token] = (
                Worker(resources, pipeline=pipeline, evidence=evidence),
                threading.Lock(),
            )
    return found


def analyse_part(
    token: str,
    resources: Resources,
    pipeline: PipelineSpec | None,
    evidence: bool,
    articles: list[Article],
) -> list[ArticleResult]:
    """The Dask task: analyse ``articles`` (one failing article fails alone)."""
    worker, lock = _worker_for(token, resources, pipeline, evidence)
    with lock:  # a worker process may run tasks in threads: one pipeline, one at a time
        return analyse_isolated(
            worker,
            articles,
            "analysing this article failed on a Dask worker",
            " (without --scheduler)",
        )


# --- on the client ----------------------------------------------------------------------------


class DaskExecutor:
    """The :class:`claims.worker.Executor` interface over a Dask cluster."""

    def __init__(
        self,
        resources: Resources,
        address: str,
        pipeline: PipelineSpec | None = None,
        evidence: bool = True,
        client: Any = None,
    ) -> None:
        client_class = _client_class()
        self._own_client = client is None
        if client is None:
            try:
                client = client_class(address, timeout="20s", set_as_default=False)
            except OSError as exc:
                raise UsageError(
                    f"cannot reach the Dask scheduler at {address} ({exc})",
                    hint="start it with 'dask scheduler' (and workers with 'dask worker "
                    "ADDRESS'), or check --scheduler / DASK_SCHEDULER_ADDRESS",
                ) from exc
        self.client = client
        self.pipeline = pipeline
        self.evidence = evidence
        payload = pickle.dumps((resources, pipeline, evidence))
        self.token = hashlib.sha256(payload).hexdigest()[:16]
        # sent once to every worker, then referred to by every task
        self._resources = client.scatter(resources, broadcast=True, hash=False)

    def workers(self) -> int:
        """Threads across the cluster's workers now (at least 1)."""
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def _start(self, part: list[Article]) -> Any:
        return self.client.submit(
            analyse_part,
            self.token,
            self._resources,
            self.pipeline,
            self.evidence,
            part,
            pure=False,
            retries=0,
        )

    def _result(self, future: Any) -> list[ArticleResult] | None:
        try:
            result: list[ArticleResult] = future.result()
            return result
        except ImportError as exc:  # a worker without claims (or another version of it)
            raise UsageError(
                f"the Dask workers cannot run claims ({type(exc).__name__}: {exc})",
                hint="install the same claims version on every worker: "
                'pip install -e ".[dask]" (claims-check[dask])',
            ) from exc
        except Exception:  # the worker died (KilledWorker), lost connection, ...
            return None

    def submit(self, articles: list[Article]) -> Callable[[], list[ArticleResult]]:
        parts = [articles[i : i + PART_SIZE] for i in range(0, len(articles), PART_SIZE)]
        futures = [self._start(part) for part in parts]

        return lambda: gather(parts, futures, self._result, self._one_by_one)

    def compute(self, articles: list[Article]) -> list[ArticleResult]:
        return self.submit(articles)()

    def _one_by_one(self, part: list[Article]) -> list[ArticleResult]:
        futures = [self._start([article]) for article in part]
        results = []
        for article, future in zip(part, futures, strict=True):
            done = self._result(future)
            results.extend(done if done is not None else [died(article)])
        return results

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
