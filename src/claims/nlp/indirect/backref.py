"""Reports named after their content: ``… . Das bestätigte die Polizei.``

News German often gives the content first and the source in the next sentence, which opens with
a demonstrative as the object of the speech verb (``Das teilte X mit``, ``Dies hat X bestätigt``)
or in a clause after a comma (``…, das teilte X mit``). The demonstrative points back to the
sentence before, so that sentence is the report.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from claims.nlp.extensions import paragraph_starts, sentence_at, span_attr
from claims.nlp.lexicon import lemma_table
from claims.nlp.quotes.marks import QUOTE_MARKS
from claims.nlp.words import word_set

DEMONSTRATIVES = word_set("backref_demonstratives")
# "Das hat X bestätigt", "Dies hatte X bekannt gegeben": the auxiliary opens the clause
AUXILIARIES = word_set("backref_auxiliaries")
# "Diese Einschätzung gab X ab": a demonstrative article before a speech noun
DETERMINERS = word_set("backref_determiners")
# the verbs whose object such a noun is: "gab … ab", "hat … geäußert", "vertrat"
UTTERING = word_set("backref_noun_verbs")


def _opens_with_demonstrative(doc: Doc, cue: Span, s0: int) -> int | None:
    """The index of the demonstrative that opens the cue's clause, if any."""
    d = cue.start - 1
    if d >= s0 and doc[d].lower_ in DEMONSTRATIVES:
        if cue.end < len(doc) and doc[cue.end].is_punct:
            return None  # "das Labor, das bestätigte, dass …": a relative pronoun as subject
        return d
    # "Das hat die Polizei bestätigt": the participle closes the sentence
    opener = doc[s0].lower_
    if opener in DEMONSTRATIVES and s0 + 1 < cue.start and doc[s0 + 1].lower_ in AUXILIARIES:
        return s0
    return None


def _noun_after_demonstrative(doc: Doc, cue: Span, s0: int) -> int | None:
    """``Diese Einschätzung gab X ab``, ``Dieses Statement hat X abgegeben``: the sentence opens
    with a demonstrative article and the speech noun (an adjective may stand between), and a
    verb follows: the noun names the sentence before."""
    if doc[s0].lower_ not in DETERMINERS or not 1 <= cue.start - s0 <= 2:
        return None
    if any(not t.is_lower for t in doc[s0 + 1 : cue.start]):
        return None
    sent = sentence_at(doc, cue.start)
    if cue.end >= sent.end or not _utters(doc, cue.end, sent.end):
        return None  # "Diese Aussage, dass …" has its own content; "Dieser Darstellung
        # widersprach X" reports no one's agreement
    return s0


def _utters(doc: Doc, verb: int, end: int) -> bool:
    """The finite verb at ``verb`` (or the participle closing its clause after an auxiliary)
    makes the noun before it something said: ``gab … ab``, ``hat … geäußert``."""
    table = lemma_table()
    if table.get(doc[verb].text, doc[verb].lower_) in UTTERING:
        return True
    if doc[verb].lower_ not in AUXILIARIES:
        return False
    last = end - 1
    while last > verb and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return table.get(doc[last].text, doc[last].lower_) in UTTERING


def reports_back(doc: Doc, start: int, cue_starts: set[int]) -> bool:
    """The clause at ``start`` is itself a report named after its content (``Dies erklärte X
    …``): a source of it (``…, wie ein Korrespondent berichtet``, ``Dies berichtet das Magazin
    Y``) only passes X's words on."""
    return doc[start].lower_ in DEMONSTRATIVES and start + 1 in cue_starts


def demonstrative_report(
    doc: Doc, cue: Span, s0: int, cue_starts: set[int]
) -> tuple[int, int] | None:
    """Token range of the content a speech verb refers back to with ``das``/``dies``: the clause
    before the comma (``…, das teilte X mit``) or the sentence before in the same paragraph
    (``… . Dies bestätigte X.``), after the colon and quote mark that introduce it (``Weiter
    berichtet X: "…``). Nothing when that sentence is itself such a report."""
    if span_attr(cue, "cue_type") == "noun":
        d = _noun_after_demonstrative(doc, cue, s0)
    elif span_attr(cue, "cue_type") != "verb" or "clause" not in (
        span_attr(cue, "cue_content") or ()
    ):
        return None
    else:
        d = _opens_with_demonstrative(doc, cue, s0)
    if d is None:
        return None
    if d > s0:
        if doc[d - 1].text != "," or d - 1 - s0 < 3:
            return None
        return s0, d - 1
    if s0 == 0:
        return None
    prev = sentence_at(doc, s0 - 1)
    if _paragraph_of(doc, prev.start) != _paragraph_of(doc, s0):
        return None  # "Das" opens a paragraph: it refers to something farther away
    if reports_back(doc, prev.start, cue_starts):
        return None
    start = prev.start
    for k in range(prev.start, prev.end - 2):
        if doc[k].text == ":" and doc[k + 1].text in QUOTE_MARKS:
            start = k + 2
    return start, prev.end


def _paragraph_of(doc: Doc, i: int) -> int:
    return bisect_right(paragraph_starts(doc), doc[i].idx)
