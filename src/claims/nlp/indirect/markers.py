"""The phrase of a source marker and the report it makes of its sentence.

``laut der Agentur X``, ``X zufolge``, ``nach Angaben von X``, ``…, so X``: the marker with its
source is cut from the sentence and the rest is the report. A marker inside a relative or
subordinate clause (``…, die nach Angaben der Polizei …``, ``…, da laut X …``) qualifies only
that clause, not the sentence: the clause is the report.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.nlp.extensions import span_attr
from claims.nlp.grammar.verbs import is_finite_verb
from claims.nlp.lexicon import load_lexicon, verb_lemmas
from claims.nlp.words import word_set

CLAUSE_OPENERS = word_set("marker_clause_openers")
AGENT_PREPOSITIONS = word_set("agent_prepositions")
MARKER_POSTPOSITIONS = word_set("marker_postpositions")
ADDITIVE_CONJUNCTIONS = word_set("additive_conjunctions")
CLAUSE_PREPOSITIONS = word_set("relative_prepositions")
# words that open the phrase after a source ("der Zeitung seine Kollegen", "des Amtes die Zahl")
NEXT_PHRASE = word_set("source_next_phrase")
CLAUSE_BREAKS = frozenset({",", "(", "–", "—", ";", ":"})
MAX_CLAUSE_LOOKBACK = 20
MARKER_ADVERBS = frozenset(w.lower() for w in load_lexicon().markers.adverbs)
ARTICLES = word_set("articles")
MAX_ATTRIBUTE = 8  # tokens
MAX_APPOSITION = 5  # words of a name in apposition after "so X,"
ATTRIBUTE_OPENERS = word_set("attribute_openers")


def in_subordinate_clause(doc: Doc, cue: Span, s0: int) -> bool:
    """The marker stands in a clause opened by a comma and a relative pronoun or subordinator
    (the pronoun may follow a preposition: ``…, auf dem sich nach Angaben X …``)."""
    j = cue.start - 1
    while j >= s0 and cue.start - j < MAX_CLAUSE_LOOKBACK and doc[j].text not in CLAUSE_BREAKS:
        j -= 1
    if j < s0 or doc[j].text not in (",", "(", "–", "—") or j + 1 >= cue.start:
        return False
    first = doc[j + 1].lower_
    if first in CLAUSE_OPENERS:
        return True
    # "…, auf dem sich nach Angaben X …", "…, unter denen …"
    return (
        j + 2 < cue.start
        and doc[j + 1].lower_ in CLAUSE_PREPOSITIONS
        and doc[j + 2].lower_ in CLAUSE_OPENERS
    )


def marker_content(doc: Doc, cue: Span, s0: int, s1: int) -> tuple[int, int]:
    a, b = marker_phrase(doc, cue, s0, s1)
    if span_attr(cue, "cue_lemma") == "so" and b < s1 and doc[b].text == ",":
        rest = [t for t in doc[b + 1 : s1] if not t.is_punct]
        if 0 < len(rest) <= MAX_APPOSITION and all(t.text[:1].isupper() for t in rest):
            b = s1  # "…, so der Sprecher der Feuerwehr, Karl Haas.": the name closes it
    body_start, body_end = s0, s1
    if a <= s0 + 1:
        body_start = b
    elif b >= s1 - 1 or (b < s1 and doc[b].is_punct and b + 1 >= s1 - 1):
        body_end = a
        if (
            span_attr(cue, "cue_lemma") == "so"
        ):  # "X sagte …: Die Strafe sei …, so Y.": after the colon
            colons = [t.i for t in doc[s0:a] if t.text in (":", ";")]
            body_start = colons[-1] + 1 if colons else s0
    return body_start, body_end


def marker_phrase(doc: Doc, cue: Span, s0: int, s1: int) -> tuple[int, int]:
    """Token range of a marker with its source: ``laut der Agentur Belta``, ``X zufolge``."""
    lemma = span_attr(cue, "cue_lemma")
    if doc[cue.start].lower_ in MARKER_ADVERBS:
        return cue.start, cue.end  # "Demnach …": the adverb alone, its source is before
    if lemma == "zufolge":
        a = cue.start
        while a > s0 and _np_token(doc[a - 1], doc[a]):
            a -= 1
        return a, cue.end
    if lemma == "so":  # ", so X." or the parenthetical ", so X, …"
        return cue.start - 1, next((t.i for t in doc[cue.end : s1] if t.text == ","), s1)
    b = cue.end
    if lemma == "nach" and b < s1 and doc[b].lower_ in AGENT_PREPOSITIONS:
        b += 1
    b = _after_extended_attribute(doc, b, s1)
    while b < s1 and (
        _np_token(doc[b], doc[b + 1] if b + 1 < len(doc) else None) or _joins_names(doc, b, s1)
    ):
        if b > cue.end and doc[b].lower_ in NEXT_PHRASE and doc[b - 1].text[:1].isupper():
            break  # "nach Angaben der Zeitung seine Kollegen": the next phrase
        b += 1
    if lemma == "nach" and b < s1 and doc[b].lower_ in MARKER_POSTPOSITIONS:
        b += 1
    return cue.start, b


def _joins_names(doc: Doc, b: int, s1: int) -> bool:
    """``und`` between two names of sources (``der Agenturen dpa und AFP``)."""
    if doc[b].lower_ not in ADDITIVE_CONJUNCTIONS or b + 2 >= s1 or b == 0:
        return False
    before, after = doc[b - 1].text, doc[b + 1].text
    name_before = before[:1].isupper() or before in LOWER_CASE_AGENCIES
    name_after = after.isupper() or after in LOWER_CASE_AGENCIES
    return name_before and name_after


def _after_extended_attribute(doc: Doc, b: int, s1: int) -> int:
    """``laut einer am Dienstag veröffentlichten Mitteilung``: past the article and the
    attribute (a phrase that ends in an inflected participle or adjective before the noun) to
    the noun; ``b`` unchanged when no such attribute follows an article."""
    if b + 1 >= s1 or doc[b].lower_ not in ARTICLES or doc[b + 1].lower_ not in ATTRIBUTE_OPENERS:
        return b  # the attribute opens with a preposition: "einer am Dienstag …"
    for k in range(b + 1, min(s1 - 1, b + MAX_ATTRIBUTE)):
        tok = doc[k]
        if tok.is_punct:
            return b
        if (
            k > b + 1
            and tok.text.islower()
            and tok.text.endswith(("e", "en", "er", "es", "em"))
            and not is_finite_verb(tok.text)
            and doc[k + 1].text[:1].isupper()
        ):
            return k + 1
    return b


_NP_FUNCTION_WORDS = word_set("source_np_function_words")
LOWER_CASE_AGENCIES = word_set("lower_case_agencies")


def _np_token(tok: Token, nxt: Token | None) -> bool:
    """A token that can belong to the name or noun phrase of a source."""
    if tok.is_punct or tok.is_space:
        return False
    text = tok.text
    if text[:1].isupper() or text.lower() in _NP_FUNCTION_WORDS or text in LOWER_CASE_AGENCIES:
        return True
    # an attributive adjective before a noun: "der staatlichen Agentur"
    return (
        text.islower()
        and text.endswith(("e", "en", "er", "es", "em"))
        and not is_finite_verb(text)
        and text not in verb_lemmas()  # "nach einer Studie der X schlafen Kinder …"
        and nxt is not None
        and nxt.text[:1].isupper()
    )


def subordinate_content(doc: Doc, cue: Span, s0: int, s1: int) -> tuple[int, int] | None:
    """The clause a marker in a subordinate clause qualifies, up to its comma: the rest after
    the marker when the marker opens it (``…, das nach Angaben der Werft nicht rechtzeitig
    abgeschlossen werden konnte``), else the whole clause from its opener (``…, weil die
    Mission nach Angaben der UN überfordert ist``)."""
    j = cue.start - 1
    while j > s0 and doc[j].text not in CLAUSE_BREAKS:
        j -= 1
    opener = j + 1
    _, b = marker_phrase(doc, cue, s0, s1)
    end = next((t.i for t in doc[b:s1] if t.text in (",", ";", "(", ")", "–", ":")), s1)
    if cue.start - opener <= 1:
        return (b, end) if end - b >= 2 else None
    return opener, end
