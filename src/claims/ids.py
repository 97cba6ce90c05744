"""Stable ids: hashes of content, never of paths, clocks or run order."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


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


def normalise(text: str) -> str:
    """The text as a fingerprint sees it: NFKC, case-folded, without punctuation, one space.

    Typography that reformatting changes - quote styles, dashes, line breaks, non-breaking spaces,
    soft hyphens, full-width forms - disappears; words and their order stay.
    """
    chars = []
    for ch in unicodedata.normalize("NFKC", text).casefold():
        category = unicodedata.category(ch)
        if category == "Cf":  # soft hyphen, zero-width space: invisible, so dropped
            continue
        # Punctuation (quote marks, dashes) becomes a space, so "a-b" and "a - b" agree.
        chars.append(" " if ch.isspace() or category[0] == "P" or category == "Cc" else ch)
    return _SPACE.sub(" ", "".join(chars)).strip()
