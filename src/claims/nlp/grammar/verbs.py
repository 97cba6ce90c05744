"""Verb forms and clause shapes by the lookup lemma table (no parser needed).

German word order tells main from subordinate clauses: the finite verb stands second in a main
clause (``die Lage ist ernst``) and last in a subordinate one (``der keine Milch enthält``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.nlp.extensions import span_attr, token_lowers, token_texts
from claims.nlp.lexicon import lemma_table, verb_lemmas
from claims.nlp.words import word_set

AUXILIARIES = word_set("auxiliaries")
DEFINITE_ARTICLES = word_set("definite_articles")
V2_STARTERS = word_set("v2_starters")
CLAUSE_SUBORDINATORS = word_set("subordinators") | word_set("clause_subordinators")
MAX_SUBJECT_TAIL = 16
# words after a comma that open a clause, not an apposition ("…, sagte X, der …")
NOT_APPOSITION = word_set("not_apposition")
# lower-case words that make the words after an article a clause (auxiliaries, modals)
APPOSITION_BREAKERS = word_set("auxiliaries")
PERFECT_AUXILIARIES = word_set("perfect_auxiliaries")
# tokens between the auxiliary and the participle ("hatte VW-Chef X in einem Interview erklärt")
MAX_PERFECT_BRACKET = 14
SENTENCE_END = frozenset({".", "!", "?", ";"})


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
    return text not in V2_STARTERS and text.endswith(("t", "te", "ten", "e")) and is_verb_form(text)


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


# Verbs that deny or refuse: negated, they still report ("schloss nicht aus, dass …").
NEGATIVE_VERBS = word_set("negative_verbs")


def negated(doc: Doc, cue: Span) -> bool:
    """``wollte nicht bestätigen, dass …``, ``sagte nicht, ob …``: ``nicht`` right before the
    speech verb or right after it (not ``nicht nur``) denies the report, so nobody claims its
    content. Verbs of denial keep it: ``schloss nicht aus, dass …`` is a claim."""
    if span_attr(cue, "cue_lemma") in NEGATIVE_VERBS:
        return False
    if cue.start and doc[cue.start - 1].lower_ == "nicht":
        return True
    nxt = doc[cue.end].lower_ if cue.end < len(doc) else ""
    return nxt == "nicht" and (cue.end + 1 >= len(doc) or doc[cue.end + 1].lower_ != "nur")


QUESTION_WORDS = word_set("question_conjunctions")


def open_question(doc: Doc, cue: Span, first: int) -> bool:
    """``um zu sagen, ob …``, ``weigerte sich zu erklären, warum …``: a speech verb in the
    ``zu``-infinitive before a question names something left unsaid, so the question is
    nobody's claim (``beeilte sich zu versichern, dass …`` still reports)."""
    if first >= len(doc) or doc[first].lower_ not in QUESTION_WORDS:
        return False
    return doc[cue.start].lower_ == "zu" or (cue.start > 0 and doc[cue.start - 1].lower_ == "zu")


MAX_WIE_SUBJECT = 12
MAX_WIE_CLAUSE = 20
_ARTICLES = word_set("wie_subject_articles")


def wie_before(doc: Doc, cue: Span, s0: int) -> int:
    """Index of the ``wie`` that opens the cue's clause (``wie X mitteilte``), else -1. The
    subject may carry an apposition between commas (``wie X, Chef der Y, mitteilte``)."""
    commas = 0
    texts, lowers = token_texts(doc), token_lowers(doc)
    for j in range(cue.start - 1, max(s0, cue.start - MAX_WIE_CLAUSE) - 1, -1):
        text = texts[j]
        if lowers[j] == "wie":
            if commas and not _opens_subject(doc, j + 1):
                return -1
            return j if not commas or j + 1 < cue.start else -1
        if text in (".", ":", ";"):
            return -1
        if text == ",":
            commas += 1
            if commas > 2 or cue.start - j > MAX_WIE_CLAUSE or is_finite_verb(texts[j - 1]):
                return -1
        elif commas == 0 and cue.start - j > MAX_WIE_SUBJECT:
            return -1
        elif is_finite_verb(text):
            return -1  # "…, wie er sagte, sei X gekommen": the clause has a verb of its own
    return -1


def _opens_subject(doc: Doc, i: int) -> bool:
    """A noun phrase starts at ``i``: a capitalised word or an article."""
    return i < len(doc) and (doc[i].text[:1].isupper() or doc[i].lower_ in _ARTICLES)


def subject_tail(doc: Doc, a: int, s1: int) -> bool:
    """The words after a cue that ends a report are only its subject, with appositions
    (``…, erklärte der Direktor der Bank (EBRD), Thomas Berger.``, ``…, sagte X, kanadischer
    General``): short, and after a comma only a noun phrase, not a clause of its own (``…, sagte
    X, der …``, ``…, sagte X, und …``)."""
    if s1 - a > MAX_SUBJECT_TAIL:
        return False
    for j in range(a, s1):
        if doc[j].text != ",":
            continue
        if j + 1 >= s1 or not doc[j + 1].is_alpha:
            return False
        if doc[j + 1].lower_ in NOT_APPOSITION and not _article_apposition(doc, j + 1, s1):
            return False
        if any(is_finite_verb(t.text) for t in doc[j + 1 : s1]):
            return False
    return True


def _article_apposition(doc: Doc, i: int, s1: int) -> bool:
    """``…, der Direktor der Reederei.``: an article, a noun and no verb up to the end (not
    the relative clause ``…, der die Reederei leitet``)."""
    if doc[i].lower_ not in DEFINITE_ARTICLES or i + 1 >= s1:
        return False
    if not (doc[i + 1].text[:1].isupper() or doc[i + 1].text.endswith(("e", "en"))):
        return False
    return not any(
        t.is_lower and (is_verb_form(t.text) or t.lower_ in APPOSITION_BREAKERS)
        for t in doc[i + 1 : s1]
    )


def perfect_tail(doc: Doc, cue: Span, s0: int, s1: int) -> int | None:
    """``Man wolle mehr, hat X am Montag gesagt.``, ``„…“, hatte X erklärt.``: the comma before
    the finite auxiliary when a participle cue closes the sentence and the auxiliary opens its
    clause (the subject stands between them), else None."""
    if not cue[-1].is_lower or (cue.end < s1 and doc[cue.end].text not in SENTENCE_END):
        return None
    for aux in range(cue.start - 1, max(s0, cue.start - MAX_PERFECT_BRACKET - 1), -1):
        tok = doc[aux]
        if tok.is_punct or tok.is_quote:
            return None
        if tok.lower_ in PERFECT_AUXILIARIES:
            if doc[aux + 1].lower_ == "sich":
                return None  # "…, hatte sich schon angekündigt": a reflexive, nobody speaks
            return aux - 1 if aux - 1 > s0 and doc[aux - 1].text == "," else None
    return None
