"""Span helpers for :mod:`claims.nlp.attribution`: trimming a report after its source,
deduplicating statements."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.nlp.extensions import doc_text
from claims.nlp.indirect import trim
from claims.nlp.mentions import Mention

NOMINATIVE_ARTICLES = frozenset({"der", "die", "das", "ein", "eine"})
MAX_TITLE_WORDS = 12


def opens(doc: Doc, span: Span, mention: Mention) -> bool:
    """The mention opens the span, maybe after an article and adjectives (``der
    Parteivorsitzende X``)."""
    if not span.start_char <= mention.start < span.end_char:
        return False
    head = doc_text(doc)[span.start_char : mention.start].split()
    if len(head) <= 3 and all(w.islower() for w in head):
        return True
    # "der amerikanische Autohersteller X": a title before the name, opened by an article
    return (
        0 < len(head) <= MAX_TITLE_WORDS
        and head[0] in NOMINATIVE_ARTICLES
        and all(w.islower() or w[:1].isupper() for w in head)
        and not any(w[-1] in ",.;:" for w in head)
    )


def name_end(doc: Doc, end: int) -> int:
    """The end of a name with its bracketed short form (``X (SSC)``)."""
    text = doc_text(doc)
    rest = text[end : end + 14]
    if rest.startswith(" (") and ")" in rest:
        return end + rest.index(")") + 1
    return end


def after(doc: Doc, span: Span, offset: int) -> Span | None:
    """The same report starting after ``offset`` (None when too little is left)."""
    rest = doc.char_span(offset, span.end_char, alignment_mode="contract")
    if rest is None or len(rest) < 2:
        return None
    a, b = trim(doc, rest.start, rest.end)
    if b - a < 2:
        return None
    new = doc[a:b]
    for attr in (
        "cue",
        "cue_lemma",
        "cue_type",
        "cue_content",
        "content_type",
        "opinion",
        "particle",
        "source",
    ):
        setattr(new._, attr, getattr(span._, attr))
    new._.kind = span._.kind
    new._.content = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
    return new


def dedupe(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for span in spans:
        key = (*span._.content, span._.kind)
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out
