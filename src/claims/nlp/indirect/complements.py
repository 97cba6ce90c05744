"""Prepositional complements of speech verbs (``sprach von einem Erfolg``, ``drohte mit einem
Streik``, ``rief die Fans zu Ruhe auf``, ``geht von Brandstiftung aus``).

Journalists often report a speech act by what it was about rather than by what was said: the
verb governs a preposition (``speech_cues.yaml``, ``prepositions``) and the phrase it opens is
the content, a statement of kind ``reported``. The phrase is looked for where the object of the
verb stands (:func:`~claims.nlp.indirect.objects.clause_region`); it runs from the preposition
to the clause end, or to the separable particle. A range (``von 20 bis 22 Uhr``) or a phrase
without a noun (``sprach von sich``) is no content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.nlp.extensions import span_attr
from claims.nlp.indirect.objects import OBJECT_STOPS, clause_region, skip_adverbials
from claims.nlp.quotes.marks import QUOTE_MARKS
from claims.nlp.words import word_set

# "von 20 bis 22 Uhr", "von 3 auf 5 Prozent": a range, not a topic
RANGE_WORDS = word_set("range_prepositions")
MAX_RANGE_DISTANCE = 5
SUBJUNCTIVE_II = word_set("subjunctive_ii")
SEIN_FORMS = word_set("sein_forms")
SEIN_PERFECT = word_set("sein_perfect_speech_verbs")
RELATIVES = word_set("object_relatives")
MAX_RELATIVE_TOKENS = 30
FILLERS = word_set("object_fillers")
PRONOUNS = word_set("third_person_pronouns")


def complement(
    doc: Doc, cue: Span, prepositions: frozenset[str], after: int, s0: int, s1: int
) -> tuple[int, int] | None:
    """Token range of the prepositional complement of the speech verb ``cue`` (``after``: the
    token after the verb or after its separable particle), from the preposition on."""
    if after < s1 and doc[after].text[:1] == ")":
        return None  # "(X berichtete):": a parenthesis reports nothing outside it
    if span_attr(cue, "particle"):
        if clause_region(doc, cue, cue.end, s0, s1) is None:
            return None
        a, b = cue.end, after - 1  # "rief … zu Ruhe auf": up to the particle
    else:
        region = clause_region(doc, cue, after, s0, s1)
        if region is None:
            return None
        a, b = region
        if a < cue.start and not _speech_act(doc[a - 1].lower_, span_attr(cue, "cue_lemma") or ""):
            return None
        if b < s1 and a > cue.start:
            b = _relative_clause_end(doc, b, s1)
    k = next((j for j in range(a, b) if doc[j].lower_ in prepositions), -1)
    if k < 0 or not _topic_phrase(doc, k, b):
        return None
    if span_attr(cue, "particle"):
        # "rief seine Partei zur Geschlossenheit auf": the object before it goes too
        while a < k and (doc[a].lower_ in FILLERS or doc[a].lower_ in PRONOUNS):
            a += 1
        return min(skip_adverbials(doc, a, k), k), b
    return k, b


def _speech_act(aux: str, lemma: str) -> bool:
    """Whether the auxiliary before a clause-final verb makes a speech act: not a hypothesis
    (``hätten mit 39 Prozent rechnen können``) nor a state (``waren zur Wahl aufgerufen``:
    ``sein`` with the participle of a verb whose perfect takes ``haben``)."""
    if aux in SUBJUNCTIVE_II:
        return False
    return aux not in SEIN_FORMS or lemma in SEIN_PERFECT


def _relative_clause_end(doc: Doc, b: int, s1: int) -> int:
    """``sprach von Nazis in Kiew, die … reagiert hätten``: a relative clause right after the
    phrase belongs to its noun; its end (the next comma or the sentence end), else ``b``."""
    if doc[b].text != "," or b + 1 >= s1 or doc[b + 1].lower_ not in RELATIVES:
        return b
    j = b + 1
    while j < min(s1, b + MAX_RELATIVE_TOKENS) and doc[j].text not in OBJECT_STOPS:
        j += 1
    return j if j == s1 or doc[j].text in OBJECT_STOPS else b


def _topic_phrase(doc: Doc, k: int, b: int) -> bool:
    """The phrase after the preposition at ``k`` names something (a noun), and is no range."""
    words = doc[k + 1 : b]
    head = next((t for t in words if t.text[:1].isupper() and t.is_alpha), None)
    if head is None:
        return False  # "sprach von sich", "drohte mit nichts"
    if (
        0 < head.i < len(doc) - 1
        and doc[head.i - 1].text in QUOTE_MARKS
        and (doc[head.i + 1].text in QUOTE_MARKS)
    ):
        return False  # "sprach von einer „Operation“": a term in scare quotes, no content
    near = [t.lower_ for t in words[:MAX_RANGE_DISTANCE]]
    # "von 3 auf 5 Prozent", "von 20 bis 22 Uhr"; "berichtete von 25 Verletzten" names some
    return not (words[0].like_num and any(w in RANGE_WORDS for w in near))
