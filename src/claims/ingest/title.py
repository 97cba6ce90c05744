"""Title detection: the first line that reads like a headline."""

from __future__ import annotations

import re

MIN_TITLE_WORDS = 3  # "Belarus" or a byline name above the headline is a section label
MAX_TITLE_CHARS = 150  # a longer first line is a paragraph: its first sentence stands in
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"„“»A-ZÄÖÜ])")
_BYLINE = re.compile(r"^(von|by|text|autor(?:in)?)\s*:?\s", re.IGNORECASE)


def _clean(line: str) -> str:
    return _HEADING_MARK.sub("", line.strip()).strip()


def shorten(line: str, limit: int = MAX_TITLE_CHARS) -> str:
    """A paragraph cut to its first sentence, and that to ``limit`` characters at a word."""
    if len(line) <= limit:
        return line
    first = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(first) <= limit:
        return first
    cut = first[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def find_title(text: str) -> str | None:
    """First line with at least MIN_TITLE_WORDS words that is not a byline; else the first line.

    Furniture is already blanked out of ``text``, so it cannot become the title.
    """
    fallback: str | None = None
    for raw in text.split("\n"):
        line = _clean(raw)
        if not line:
            continue
        if fallback is None:
            fallback = line
        if len(line.split()) >= MIN_TITLE_WORDS and not _BYLINE.match(line):
            return shorten(line)
    return shorten(fallback) if fallback is not None else None
