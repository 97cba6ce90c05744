"""Where an article's headline block ends and its body begins.

Headlines (title, kicker, sub-headlines) are short paragraphs without sentence punctuation
before the first body paragraph. Several stages treat them differently (headlines report in the
indicative; their speakers come from the body), so the boundary is found here, in the sentence
stage, once the paragraphs and sentences are known.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claims.nlp.extensions import doc_attr, doc_text
from claims.nlp.sentences.segment import sentence_of

BODY_MIN_CHARS = 160  # a paragraph this long (or of two sentences) is body text
SENTENCE_MIN_CHARS = 60  # so is a shorter one that ends like a sentence
_SENTENCE_END = re.compile(r"[.!?][\"'“”»«‘’)]*$")
MAX_HEAD_PARAGRAPHS = 8


def body_start(doc: Doc) -> int:
    """Char offset of the first body paragraph (0 when the text has no headline block)."""
    paragraphs: list[tuple[int, int]] = doc_attr(doc, "paragraphs") or []
    starts: list[int] = doc_attr(doc, "sent_starts") or [0]
    for i, (lo, hi) in enumerate(paragraphs[:MAX_HEAD_PARAGRAPHS]):
        two_sentences = sentence_of(starts, hi - 1) > sentence_of(starts, lo)
        text = doc_text(doc)
        sentence = hi - lo >= SENTENCE_MIN_CHARS and _SENTENCE_END.search(text, lo, hi)
        if hi - lo >= BODY_MIN_CHARS or two_sentences or sentence:
            return lo if i else 0
    return 0
