"""How the clause after a speech verb opens, where that decides whether it is the report:
with a quote that the clause goes on from (``sagte, „Ausreden“ werde es nicht geben``), with
a conjunction used as an adverb (``erklärte, damit solle …``), or with a bare plural subject
(``…, belarussische Truppen bleiben …``)."""

from __future__ import annotations

from spacy.tokens import Doc

from claims.nlp.grammar.mood import is_subjunctive
from claims.nlp.lexicon import Lexicon
from claims.nlp.quotes.marks import CLOSING_QUOTES
from claims.nlp.words import word_set

ADVERB_CONJUNCTIONS = word_set("adverb_conjunctions")


def quote_opens_report(doc: Doc, first: int, end: int, lexicon: Lexicon) -> bool:
    """A quote that only opens the clause (``first``..``end``), which goes on after it with a
    Konjunktiv verb, is part of a report."""
    close = next((t.i for t in doc[first + 1 : end] if t.text in CLOSING_QUOTES), None)
    return close is not None and any(is_subjunctive(t, lexicon) for t in doc[close + 1 : end])


def adverb_opens(doc: Doc, first: int, end: int, lexicon: Lexicon) -> bool:
    """``damit``, ``da``, ``so`` right before a Konjunktiv finite verb: an adverb opening a
    verb-second report, not a conjunction (``damit es … gebe``)."""
    return (
        doc[first].lower_ in ADVERB_CONJUNCTIONS
        and first + 1 < end
        and is_subjunctive(doc[first + 1], lexicon)
    )


def bare_plural_subject(doc: Doc, first: int, end: int) -> bool:
    """``…, belarussische Truppen bleiben …``: an adjective and a noun with no article open
    the clause, then a verb."""
    return (
        first + 2 < end
        and doc[first].is_lower
        and doc[first].text.endswith("e")
        and doc[first + 1].text[:1].isupper()
        and doc[first + 2].is_lower
    )
