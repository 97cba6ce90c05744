"""Reports named after their content: ``… . Das bestätigte die Polizei.``

News German often gives the content first and the source in the next sentence, which opens with
a demonstrative as the object of the speech verb (``Das teilte X mit``, ``Dies hat X bestätigt``)
or in a clause after a comma (``…, das teilte X mit``). The demonstrative points back to the
sentence before, so that sentence is the report.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from claims.nlp.extensions import paragraph_starts, sentence_at
from claims.nlp.words import word_set

DEMONSTRATIVES = word_set("backref_demonstratives")
# "Das hat X bestätigt", "Dies hatte X bekannt gegeben": the auxiliary opens the clause
AUXILIARIES = word_set("backref_auxiliaries")


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


def demonstrative_report(doc: Doc, cue: Span, s0: int) -> tuple[int, int] | None:
    """Token range of the content a speech verb refers back to with ``das``/``dies``: the clause
    before the comma (``…, das teilte X mit``) or the sentence before in the same paragraph
    (``… . Dies bestätigte X.``)."""
    if cue._.cue_type != "verb" or "clause" not in (cue._.cue_content or ()):
        return None
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
    return prev.start, prev.end


def _paragraph_of(doc: Doc, i: int) -> int:
    return bisect_right(paragraph_starts(doc), doc[i].idx)
