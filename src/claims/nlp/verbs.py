"""Verb forms and clause shapes by the lookup lemma table (no parser needed).

German word order tells main from subordinate clauses: the finite verb stands second in a main
clause (``die Lage ist ernst``) and last in a subordinate one (``der keine Milch enthält``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.nlp.lexicon import lemma_table, verb_lemmas
from claims.nlp.mood import SUBORDINATORS
from claims.nlp.words import word_set

AUXILIARIES = word_set("auxiliaries")
V2_STARTERS = word_set("v2_starters")
CLAUSE_SUBORDINATORS = SUBORDINATORS | {"während", "als", "wie", "seit", "seitdem", "bis"}


def is_verb_form(text: str) -> bool:
    """A lower-case inflected form of a verb (also ``verliefen``, ``gegeben``)."""
    if not text.islower():
        return False
    lemma = lemma_table().get(text)
    return (
        lemma is not None
        and lemma != text
        and lemma.islower()
        and lemma.endswith(("en", "ern", "eln"))
    )


def is_finite_verb(text: str) -> bool:
    """A lower-case inflected verb form (``weigerte``, ``wurde``), by the lookup lemma table."""
    if not text.islower() or text in V2_STARTERS:
        return False
    lemma = lemma_table().get(text)
    return (
        lemma is not None
        and lemma != text
        and lemma.islower()
        and lemma.endswith(("en", "ern", "eln"))
        and text.endswith(("t", "te", "ten", "e"))
    )


def verb_last(clause: Span) -> bool:
    """The clause's verbs all stand at its end (``der keine Milch enthält``, ``das die
    Grundlage schaffen soll``): a subordinate word order."""
    words = [t for t in clause if not (t.is_punct or t.is_space)]
    verbs = [
        k
        for k, t in enumerate(words)
        if t.lower_ in AUXILIARIES or is_verb_form(t.text) or t.text in verb_lemmas()
    ]
    if not verbs or len(words) <= 2:
        return False
    return verbs[0] == len(words) - 1 or (verbs[0] == len(words) - 2 and len(verbs) >= 2)


def main_clause(doc: Doc, a: int, b: int) -> bool:
    """Tokens ``a:b`` open with a main clause: no subordinator first, and a verb before the
    first comma (not ``Die Sprecherin der Partei, Anna X``, ``In seiner Rede, die …``,
    ``Während sich die Opposition zurückgehalten hat``)."""
    if a >= b or doc[a].lower_ in CLAUSE_SUBORDINATORS:
        return False
    end = next((t.i for t in doc[a:b] if t.text == ","), b)
    return any(
        t.lower_ in AUXILIARIES or is_verb_form(t.text) or t.text in verb_lemmas()
        for t in doc[a:end]
    )
