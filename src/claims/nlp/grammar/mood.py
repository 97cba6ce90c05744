"""Whether a verb form is Konjunktiv, the mood that marks reported speech in German news.

The Konjunktiv I third person singular (``habe``, ``sei``, ``gebe``) looks like the indicative
first person and like inflected adjectives (``eine klare Absage``, ``das achte Land``), so a
form from the word lists counts only where it can be a third-person verb:

* not next to ``ich`` (``ich habe``, ``halte ich``): first person indicative;
* not between an article or adjective and a noun: an attributive adjective;
* not ``anstelle`` before ``von``/``der``/``des``/``dem``: the preposition;
* at least three letters (``je`` is an adverb).

:func:`clause_role` tells whether such a form stands in a main clause (the sentence reports) or
in a subordinate clause (only that clause does), and drops the first person (``ich habe``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claims.nlp.grammar.verbs import is_verb_form
from claims.nlp.lexicon import SUBJUNCTIVE_II, Lexicon
from claims.nlp.words import word_map, word_set

ATTRIBUTIVE_BEFORE = word_set("attributive_before")
PREPOSITION_FORMS = word_map("preposition_forms")
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Konjunktiv II forms of wanting: "Er möchte kandidieren" reports no speech by its mood.
VOLITIVE = word_set("volitive_forms")
# Konjunktiv II forms whose Konjunktiv I differs (sei, seien, habe, könne, dürfe): without a cue
# they state a hypothesis ("Das wäre der Anfang"), since a report would use Konjunktiv I.
# Plural "hätten", "könnten", "würden" stand in for Konjunktiv I forms equal to the indicative.
HYPOTHETICAL = word_set("hypothetical_forms")
NOT_REPORTING_ALONE = VOLITIVE | HYPOTHETICAL


def is_subjunctive(token: Token, lexicon: Lexicon) -> bool:
    """A Konjunktiv I or II verb form in a position where it can be a verb."""
    text = token.text
    if not text[:1].islower() or len(text) < 3:
        return False
    if text not in lexicon.subjunctive and text not in SUBJUNCTIVE_II:
        return False
    doc = token.doc
    i = token.i
    prev = doc[i - 1] if i else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if (prev is not None and prev.lower_ == "ich") or (nxt is not None and nxt.lower_ == "ich"):
        return False
    if nxt is not None and text in PREPOSITION_FORMS and nxt.lower_ in PREPOSITION_FORMS[text]:
        return False
    if (
        nxt is not None
        and prev is not None
        and nxt.text[:1].isupper()
        and nxt.is_alpha
        and text not in SUBJUNCTIVE_II  # "Diese würde Verhandlungen …": never an adjective
    ):
        low = prev.lower_
        if low in ATTRIBUTIVE_BEFORE:
            return False  # "eine klare Absage"
        if (
            prev.is_lower
            and low.endswith(ADJECTIVE_ENDINGS)
            and low not in lexicon.subjunctive
            and low not in SUBJUNCTIVE_II
            and not is_verb_form(low)
        ):
            return False  # "gelegentliche schnelle Gegenangriffe"
    return True


SUBORDINATORS = word_set("subordinators")
FINAL_CONJUNCTIONS = word_set("final_conjunctions")
RELATIVES = word_set("relative_pronouns")
RELATIVE_PREPOSITIONS = word_set("relative_prepositions")
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")"})
MAX_CLAUSE_TOKENS = 40


def clause_role(token: Token, lexicon: Lexicon, sent_start: int) -> str | None:
    """Where a Konjunktiv that carries reported speech stands: ``"main"`` (``Es gebe …``,
    ``…, sei man weit entfernt``) or ``"subordinate"`` (``…, weil sie bedroht sei``, a
    relative clause); None for no such Konjunktiv, also with ``ich`` in its clause (``Ich
    arbeite … und plane …``). ``sent_start`` is the index of the sentence's first token."""
    if not is_subjunctive(token, lexicon):
        return None
    doc = token.doc
    i = token.i
    opener, after_break = clause_opener(doc, i, sent_start)
    if any(t.lower_ == "ich" for t in doc[sent_start : min(len(doc), i + 4)]):
        return None  # first person: "ich habe", "Ich arbeite an X, Y und plane …"
    if opener >= i:
        return "main"  # the verb opens its clause: "…, sei man weit entfernt"
    first = doc[opener].lower_
    if first in SUBORDINATORS:
        # "Da sei nichts zu machen": an adverb right before the verb
        if opener + 1 == i:
            return "main"
        return None if first in FINAL_CONJUNCTIONS else "subordinate"
    if after_break and first in RELATIVES and opener + 1 < i:
        # "…, die Regierung habe": an article, not a relative pronoun
        return "main" if doc[opener + 1].text[:1].isupper() else "subordinate"
    if after_break and first in RELATIVE_PREPOSITIONS and doc[opener + 1].lower_ in RELATIVES:
        return "subordinate"  # "…, auf dem sich nach Angaben X … befunden haben sollen"
    return "main"


def clause_opener(doc: Doc, i: int, sent_start: int) -> tuple[int, bool]:
    """The first word of the clause of token ``i``, and whether a comma or dash opens it."""
    j = i - 1
    while j >= sent_start and i - j < MAX_CLAUSE_TOKENS and doc[j].text not in CLAUSE_BREAKS:
        j -= 1
    after_break = j >= sent_start and doc[j].text in CLAUSE_BREAKS
    opener = j + 1
    while opener < i and not doc[opener].is_alpha:
        opener += 1
    return opener, after_break


def clause_end(doc: Doc, i: int, sent_end: int) -> int:
    """End (exclusive) of the clause of token ``i``: the next comma or dash, or the sentence
    end."""
    return next((t.i for t in doc[i:sent_end] if t.text in CLAUSE_BREAKS), sent_end)
