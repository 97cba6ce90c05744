"""The cue's own clause (part of ``claims_indirect``): where it ends, whether it is a ``wie``
clause or a fronted topic, and a ``dass`` clause coordinated with the verb's object."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.nlp.grammar.verbs import is_verb_form, wie_before
from claims.nlp.indirect.bounds import CONTENT_CONJ, quoted_name_end
from claims.nlp.indirect.objects import AUXILIARIES
from claims.nlp.quotes.marks import QUOTE_MARKS
from claims.nlp.words import word_set

MAX_COORDINATED_OBJECT = 12  # tokens of the object before "und dass"
MAX_CUE_CLAUSE = 25  # tokens from the cue to the comma that ends its clause
# prepositions that open a fronted topic phrase ("Auf die Frage, ob …")
FRAME_PREPOSITIONS = word_set("adverbial_only_prepositions")


def coordinated_dass(doc: Doc, after: int, s1: int, cue_starts: set[int]) -> int | None:
    """``informierte ihn über die Lage und dass …``: a ``dass`` clause coordinated with the
    verb's object is its content too. The token after ``dass``, if one follows the object
    within the verb's clause."""
    for j in range(after, min(s1 - 2, after + MAX_COORDINATED_OBJECT)):
        if doc[j].text in ",;:" or j in cue_starts or doc[j].text in QUOTE_MARKS:
            return None
        if doc[j].lower_ == "und" and doc[j + 1].lower_ in ("dass", "daß"):
            return j + 2
    return None


def opens_with_wie(doc: Doc, cue: Span, s0: int) -> bool:
    """``Wie die NATO am Montag mitteilte, …``: the cue ends a ``wie`` clause."""
    j = wie_before(doc, cue, s0)
    return j >= 0 and (j == s0 or doc[j - 1].text in (",", "(", "–", ":"))


def next_comma(doc: Doc, start: int, stop: int) -> int | None:
    """The comma (or colon) that ends the cue's own clause, if no quote intervenes."""
    j = start
    while j < min(stop, start + MAX_CUE_CLAUSE):
        text = doc[j].text
        if text in QUOTE_MARKS and j > start and quoted_name_end(doc, j, stop):
            j = quoted_name_end(doc, j, stop)  # "verkündete der „Bund“ dann, dass"
            continue
        if text in QUOTE_MARKS or text in (".", "!", "?", ":"):
            return None
        if text == ",":
            return j
        if doc[j].lower_ in CONTENT_CONJ and j > start and doc[j].lower_ != "wie":
            return j - 1 if doc[j - 1].text == "," else None
        j += 1
    return None


def question_frame(doc: Doc, start: int, end: int) -> bool:
    """A prepositional phrase without a verb, then a content clause (``Auf die Frage, ob …``,
    ``Zu dem Vorwurf, dass …``): the fronted topic of the cue's own clause."""
    if doc[start].lower_ not in FRAME_PREPOSITIONS:
        return False
    comma = next((t.i for t in doc[start:end] if t.text == ","), end)
    return (
        comma + 1 < end
        and doc[comma + 1].lower_ in CONTENT_CONJ
        and not any(t.lower_ in AUXILIARIES or is_verb_form(t.text) for t in doc[start:comma])
    )
