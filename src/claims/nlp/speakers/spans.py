"""Small helpers on statement spans shared by the attribution steps."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from claims.nlp.extensions import doc_text, paragraph_starts, set_span_attr, span_attr
from claims.nlp.located import located, pieces_of
from claims.nlp.speakers.mention import Mention


def paragraph_gap(doc: Doc, previous: Span, span: Span) -> int:
    """How many paragraphs lie between two statements (0: the same paragraph)."""
    starts = paragraph_starts(doc)
    p_prev = bisect_left(starts, span_attr(previous, "content")[0] + 1) - 1
    p_this = bisect_left(starts, span_attr(span, "content")[0] + 1) - 1
    return p_this - p_prev


def overlaps(covered: list[tuple[int, int]], lo: int, hi: int) -> bool:
    k = bisect_left(covered, (hi, hi))
    return any(a < hi and lo < b for a, b in covered[max(0, k - 8) : k])


def set_speaker(span: Span, mention: Mention | None) -> None:
    """The speaker a mention names; the mention's words keep where they stand
    (:mod:`claims.nlp.located`), also when it names nobody the registry can tell."""
    words = None if mention is None else located(mention.text, (mention.start, mention.end))
    where = pieces_of(words)
    set_span_attr(span, "speaker_span", where[0] if where else None)
    if mention is None or mention.speaker is None:
        set_span_attr(span, "speaker", None)
        set_span_attr(span, "speaker_mention", None)
        return
    set_span_attr(span, "speaker", mention.speaker)
    set_span_attr(span, "speaker_mention", words)


def quote_only(cue: Span) -> bool:
    """A verb cue that takes only a quoted phrase (``nannte ihn „…“``, ``hält ihn für „…“``):
    it opens no clause, so it ends no report and a sentence holding it may still be one."""
    return span_attr(cue, "cue_type") == "verb" and tuple(span_attr(cue, "cue_content") or ()) == (
        "quote",
    )


def as_mention(span: Span) -> Mention:
    """A stand-in mention carrying a statement's speaker (for :func:`set_speaker`), and for
    an unnamed speaker where it was described."""
    where = span_attr(span, "speaker_span")
    if span_attr(span, "speaker_mention") is None and where is not None:
        text = doc_text(span.doc)[where[0] : where[1]]
        return Mention(where[0], where[1], text, "statement", span_attr(span, "speaker"))
    return Mention(
        0, 0, span_attr(span, "speaker_mention") or "", "statement", span_attr(span, "speaker")
    )


def copy_speaker(span: Span, source: Span) -> None:
    """``span`` says what ``source`` says: the same speaker, its words and where they stand."""
    set_span_attr(span, "speaker", span_attr(source, "speaker"))
    set_span_attr(span, "speaker_mention", span_attr(source, "speaker_mention"))
    set_span_attr(span, "speaker_span", span_attr(source, "speaker_span"))


def holds(offsets: list[int], lo: int, hi: int, besides: set[int] | None = None) -> bool:
    """Whether a sorted list of offsets has one in ``[lo, hi)`` (other than ``besides``)."""
    a, b = bisect_left(offsets, lo), bisect_left(offsets, hi)
    if not besides:
        return a < b
    return any(x not in besides for x in offsets[a:b])
