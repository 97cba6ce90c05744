"""Stable ids: hashes of content, never of paths, clocks or run order."""

from __future__ import annotations

import hashlib


def digest(*parts: object, length: int = 16) -> str:
    """Hex digest of the parts, separated so that ("ab", "c") != ("a", "bc")."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    return "a-" + sha256_text(text)[:12]


def statement_id(article: str, start: int, end: int, kind: str) -> str:
    return "s-" + digest(article, start, end, kind, length=12)


def finding_id(statement: str, rule: str, actions: list[str]) -> str:
    return "f-" + digest(statement, rule, *sorted(actions), length=12)
