"""Speakers of headline statements, from the article body.

A headline or sub-headline quotes or summarises what the body attributes: ``»Niemand wird …
ausgebildet«`` above ``»Auf unseren Übungsplätzen wird niemand … ausgebildet«, sagte X``, or
``Außenminister weist Vorwürfe zurück`` above ``Der Außenminister hat … zurückgewiesen``. A
headline statement whose speaker is unknown (or only a bare word such as a capital city) takes
the speaker of the body statement that repeats most of its words, else of the body statement
with the same speech verb, else of the first attributed statement of the lead paragraph.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.extensions import doc_text
from claims.nlp.sentences import sentence_of

BODY_MIN_CHARS = 160  # a paragraph this long (or of two sentences) is body text
SENTENCE_MIN_CHARS = 60  # so is a shorter one that ends like a sentence
_SENTENCE_END = re.compile(r"[.!?][\"'“”»«‘’)]*$")
MAX_HEAD_PARAGRAPHS = 8
MIN_SHARED = 0.5  # share of a headline's content words a body statement must repeat
STEM = 5  # compare words by their first letters, so that inflection does not matter
_WORD = re.compile(r"\w{4,}")


_ENDING = re.compile(r"(?:en|er|es|em|e|n|s)$")


def _stems(text: str) -> set[str]:
    """Content words without inflection endings, cut to ``STEM`` letters."""
    return {_ENDING.sub("", w)[:STEM] for w in _WORD.findall(text.lower())}


def body_start(doc: Doc) -> int:
    """Char offset of the first body paragraph (0 when the text has no headline block)."""
    paragraphs: list[tuple[int, int]] = doc._.paragraphs or []
    starts: list[int] = doc._.sent_starts or [0]
    for i, (lo, hi) in enumerate(paragraphs[:MAX_HEAD_PARAGRAPHS]):
        two_sentences = sentence_of(starts, hi - 1) > sentence_of(starts, lo)
        text = doc_text(doc)
        sentence = hi - lo >= SENTENCE_MIN_CHARS and _SENTENCE_END.search(text, lo, hi)
        if hi - lo >= BODY_MIN_CHARS or two_sentences or sentence:
            return lo if i else 0
    return 0


def _unresolved(span: Span) -> bool:
    speaker = span._.speaker
    if speaker is None:
        return True
    name = speaker.removeprefix(OTHER_PREFIX)
    return speaker.startswith(OTHER_PREFIX) and " " not in name and name == span._.speaker_mention


def inherit_headline_speakers(doc: Doc, statements: list[Span]) -> None:
    """Give unresolved headline statements the speaker the body gives them (in place)."""
    text = doc_text(doc)
    for span in statements:  # a quoted subheading: the statement that repeats it
        if span._.content_type == "headline" and span._.speaker is None:
            others = [s for s in statements if s is not span and s._.speaker is not None]
            # the statements after the subheading first: it announces them
            others.sort(key=lambda s: s._.content[0] < span._.content[0])
            _take_speaker(span, _most_shared(text, span, others))
    start = body_start(doc)
    if not start:
        return
    head = [s for s in statements if s._.content[1] <= start and _unresolved(s)]
    body = [s for s in statements if s._.content[0] >= start and s._.speaker is not None]
    if not head or not body:
        return
    paragraphs: list[tuple[int, int]] = doc._.paragraphs or []
    lead_end = next((hi for lo, hi in paragraphs if lo >= start), start)
    lead = next((s for s in body if s._.content[0] < lead_end), None)
    for span in head:
        source = _most_shared(text, span, body)
        if source is None and span._.cue_lemma:
            source = next((s for s in body if s._.cue_lemma == span._.cue_lemma), None)
        _take_speaker(span, source or lead)


def _take_speaker(span: Span, source: Span | None) -> None:
    if source is not None:
        span._.speaker = source._.speaker
        span._.speaker_mention = source._.speaker_mention


def _most_shared(text: str, span: Span, others: list[Span]) -> Span | None:
    """The first of ``others`` that repeats most (at least ``MIN_SHARED``) of the words of
    ``span``."""
    words = _stems(text[span._.content[0] : span._.content[1]])
    best, shared = None, 0.0
    for other in others if words else []:
        share = len(words & _stems(text[other._.content[0] : other._.content[1]])) / len(words)
        if share > shared:
            best, shared = other, share
    return best if shared >= MIN_SHARED else None
