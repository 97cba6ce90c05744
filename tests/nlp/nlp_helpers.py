"""Small helpers shared by the extractor tests: pick statements out of a result, run the quote
finder on its own, and find the cue of a quote.

tests/nlp is no package, so pytest (default ``prepend`` import mode) puts this directory on
``sys.path`` and the test modules import these helpers with ``from nlp_helpers import ...``. The
module name is prefixed so it cannot shadow another test directory's ``helpers`` module.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from claims.ids import article_id, sha256_text
from claims.models import Article, Statement, coarse_kind
from claims.nlp.extract import StatementExtractor
from claims.nlp.lexicon import load_lexicon
from claims.nlp.quotes.component import QuoteRange, find_quotes, split_names
from claims.nlp.sentences.segment import paragraph_ranges, sentence_starts
from claims.nlp.speakers.quotecue import quote_cue

Extract = Callable[[str], list[Statement]]
"""The type of the session fixture ``extract`` (see conftest.py)."""


def of_kind(statement: Statement, kind: str | None) -> bool:
    """``kind`` None: any; ``direct``/``indirect``: the coarse kind (``indirect`` is reported
    speech of every kind: indirect, reported, free_indirect); else exactly that kind."""
    if kind in (None, statement.kind):
        return True
    return kind == "indirect" and coarse_kind(statement.kind) == "indirect"


def texts(statements: list[Statement], kind: str | None = None) -> list[str]:
    """The texts of all statements, or of those of one kind (:func:`of_kind`)."""
    return [s.text for s in statements if of_kind(s, kind)]


def by_text(statements: list[Statement], fragment: str) -> Statement:
    """The first statement whose text contains ``fragment``; fails if there is none."""
    found = [s for s in statements if fragment in s.text]
    assert found, f"no statement with {fragment!r} in {[s.text for s in statements]}"
    return found[0]


def shortest_by_text(
    statements: list[Statement], fragment: str, kind: str | None = None
) -> Statement:
    """The shortest statement (of ``kind``, if given) whose text contains ``fragment``.

    The shortest one, because a report and a partial quote inside it both contain a fragment
    of the quote.
    """
    matches = [s for s in statements if fragment in s.text and of_kind(s, kind)]
    assert matches, f"no statement contains {fragment!r}: {[s.text for s in statements]}"
    return min(matches, key=lambda s: len(s.text))


def by_exact_text(statements: list[Statement], text: str) -> Statement:
    """The first statement whose text is exactly ``text``; fails if there is none."""
    found = [s for s in statements if s.text == text]
    assert found, f"no statement {text!r}: {texts(statements)}"
    return found[0]


def _quote_spans(text: str) -> tuple[list[tuple[int, int]], list[QuoteRange]]:
    paragraphs = paragraph_ranges(text)
    starts = sentence_starts(text, paragraphs, load_lexicon().abbreviations)
    return paragraphs, find_quotes(text, paragraphs, starts)


def quote_texts(text: str) -> list[str]:
    """The texts between quote marks the quote finder sees in ``text``."""
    _, quotes = _quote_spans(text)
    return [text[q.start : q.end] for q in quotes]


def split_quote_texts(text: str) -> tuple[list[str], list[str]]:
    """The quoted texts of ``text`` split into (speech, names) by ``split_names``."""
    paragraphs, quotes = _quote_spans(text)
    speech, names = split_names(text, quotes, paragraphs, frozenset())
    return [text[q.start : q.end] for q in speech], [text[q.start : q.end] for q in names]


def quote_and_cue(extractor: StatementExtractor, text: str) -> tuple[Doc, Span, Span | None]:
    """Run the pipeline on ``text``; return the doc, its first quote and the cue of that quote."""
    article = Article(id=article_id(text), path="t.txt", sha256=sha256_text(text), text=text)
    doc = extractor._make_doc(article)
    for _, component in extractor.nlp.pipeline:
        doc = component(doc)
    quote = doc.spans["quotes"][0]
    cues = list(doc.spans["cues"])
    return doc, quote, quote_cue(doc, quote, cues, [c.start_char for c in cues])
