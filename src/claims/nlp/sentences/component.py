"""The ``claims_sentencizer`` component: sets the boundaries :mod:`.segment` finds."""

from __future__ import annotations

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claims.nlp import extensions as _ext  # noqa: F401
from claims.nlp.extensions import doc_text, set_doc_attr
from claims.nlp.lexicon import load_lexicon
from claims.nlp.sentences.segment import paragraph_ranges, sentence_starts


class ClaimsSentencizer:
    """Sets ``token.is_sent_start`` and ``doc._.paragraphs`` / ``doc._.sent_starts``."""

    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations

    def __call__(self, doc: Doc) -> Doc:
        paragraphs = paragraph_ranges(doc_text(doc))
        starts = sentence_starts(doc_text(doc), paragraphs, self.abbreviations)
        self.set_annotations(doc, paragraphs, starts)
        return doc

    def set_annotations(
        self, doc: Doc, paragraphs: list[tuple[int, int]], starts: list[int]
    ) -> None:
        set_doc_attr(doc, "paragraphs", paragraphs)
        set_doc_attr(doc, "sent_starts", starts)
        if not len(doc):
            return
        idx = doc.to_array("IDX").astype(np.int64)
        values = np.full(len(doc), -1, dtype=np.int64)
        values[0] = 1
        if starts:
            tokens = np.searchsorted(idx, np.asarray(starts, dtype=np.int64))
            values[tokens[tokens < len(doc)]] = 1
        column = values.astype(np.uint64).reshape(-1, 1)
        doc.from_array([SENT_START], column)  # type: ignore[arg-type]


@Language.factory("claims_sentencizer", assigns=["token.is_sent_start", "doc._.paragraphs"])
def make_sentencizer(nlp: Language, name: str) -> ClaimsSentencizer:
    return ClaimsSentencizer(load_lexicon().abbreviations)
