"""Number agreement between a speech verb and its subject.

German subjects agree in number with the finite verb, so a single named person after a plural
finite verb (``Viele Bürger nennen Bürgermeister X einen …``, ``Die Forscher haben Minister Y
geschrieben``) is an object or addressee, never the speaker. Only the person after the finite
verb is checked: before it, role nouns are ambiguous (``Die Außenminister X und Y erklärten``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.nlp.speakers.mention import Mention
from claims.nlp.words import word_set

AUXILIARIES = word_set("auxiliaries")
INFINITIVE_ZU = word_set("infinitive_particles")
PLURAL_AUXILIARIES = word_set("plural_auxiliaries")
PLURAL_MODALS = word_set("plural_modals")
COORDINATED = word_set("name_coordinators")

__all__ = ["PLURAL_AUXILIARIES", "disagrees", "plural_finite"]


def plural_finite(doc: Doc, cue: Span, clause_start: int) -> int:
    """The finite verb of the cue when it is plural (``sagten``, ``nennen``, ``haben …
    geschrieben``, ``wollen … prüfen``), else -1: singular forms and non-verbal cues."""
    for t in range(cue.start - 1, clause_start - 1, -1):  # the auxiliary of a final participle
        if doc[t].is_punct or doc[t].is_quote:
            break  # "… werden“, sagte X": not the cue's own clause
        word = doc[t].lower_
        if word in AUXILIARIES:
            return t if word in PLURAL_AUXILIARIES or word in PLURAL_MODALS else -1
    word = cue[0].text
    if not word.islower() or len(word) <= 4 or not word.endswith("en"):
        return -1
    if "ge" in word[:-4] or "zu" in word[1:-4]:
        return -1  # participles ("aufgerufen") and zu-infinitives ("vorzuschlagen")
    following = doc[cue.end].lower_ if cue.end < len(doc) else ""
    if following in AUXILIARIES or (cue.start > 0 and doc[cue.start - 1].lower_ in INFINITIVE_ZU):
        return -1  # "aufgerufen haben", "um zu erklären"
    return cue.start


def disagrees(doc: Doc, cue: Span, clause_start: int, m: Mention) -> bool:
    """Whether ``m``, a single person after a plural finite verb, cannot be its subject."""
    if m.kind not in ("name", "person"):
        return False
    finite = plural_finite(doc, cue, clause_start)
    if finite < 0 or m.start < doc[finite].idx:
        return False
    rest = doc.text[m.end : m.end + 8].split()
    last = doc.text[max(0, m.start - 8) : m.start].split()
    # "sagten X und Y", "X und Y prangerten an": coordinated names are plural
    return not ((rest and rest[0].lower() in COORDINATED) or (last and last[-1] in COORDINATED))
