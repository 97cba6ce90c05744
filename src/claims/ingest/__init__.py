"""Ingest: article files, directories and JSONL into :class:`~claims.models.Article` records.

Everything here streams (one file or JSONL line at a time) and turns a bad input into an
:class:`~claims.models.ErrorRecord`, so one broken article never stops the others.
"""

from __future__ import annotations

from claims.ingest.common import IngestError
from claims.ingest.dates import find_date
from claims.ingest.decode import decode_bytes
from claims.ingest.discover import Skipped, discover
from claims.ingest.loader import DuplicateArticle, LoadResult, article_from_text, load_articles

__all__ = [
    "DuplicateArticle",
    "IngestError",
    "LoadResult",
    "Skipped",
    "article_from_text",
    "decode_bytes",
    "discover",
    "find_date",
    "load_articles",
]
