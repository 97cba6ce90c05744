"""Noun-phrase contents of speech verbs (``bestritt Panzerlieferungen an Russland``).

German puts the object of a speech verb in one of three places, and each has its own rule:

* after a verb in second position, up to the end of the clause (``X warnte Polen vor …``);
* between the finite auxiliary and a clause-final participle (``X hat Berichte … abgetan``);
* before the verb, when the sentence opens with an accusative noun phrase (``Einen Rücktritt
  schloss der Trainer aus``).

Leading adverbials (``am Dienstag``, ``am Rande des Gipfels``), fillers and a subject pronoun
are not part of the object; a subject named after the auxiliary is cut by the attribution step,
which knows the mentions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.nlp.extensions import span_attr
from claims.nlp.grammar.verbs import is_finite_verb
from claims.nlp.lexicon import is_common_noun, is_role_noun
from claims.nlp.quotes.marks import QUOTE_MARKS
from claims.nlp.words import word_map, word_set

AUXILIARIES = word_set("auxiliaries")
OBJECT_END_CONJUNCTIONS = word_set("object_end_conjunctions")
GENITIVE_RELATIVES = word_set("genitive_relatives")
VERB_COORDINATORS = word_set("verb_coordinators")
PERSON_DEFINITE = word_set("person_definite_articles")
ADVERBIAL_PREPOSITIONS = word_set("adverbial_prepositions")
ACCUSATIVE_DETERMINERS = word_set("accusative_determiners")
OBJECT_TRAILERS = word_set("object_trailers")
ALS_VERBS = word_set("als_verbs")
PREPOSITIONAL_OPENERS = word_set("prepositional_subordinators")
FILLERS = word_set("object_fillers")
DETERMINERS = word_set("determiners")
PASSIVE = word_set("passive_auxiliaries")
COORDINATING = word_set("main_clause_conjunctions")
SUBORDINATORS = (word_set("not_v2_start") | word_set("content_conjunctions")) - COORDINATING
RELATIVES = word_set("object_relatives")
SUBJECT_PRONOUNS = word_set("subject_pronouns")
OBJECT_STOPS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "–", "—"})
DEMONSTRATIVES = word_set("object_demonstratives")
GENITIVE_ARTICLES = word_set("genitive_articles")
MAX_OBJECT_TOKENS = 40
# Prepositions that open an adverbial, never the claim itself ("in einer Rede", "mit den
# Worten"); "vor", "für", "gegen" stay: "warnte vor …", "trat für … ein" take their object so.
PP_ONLY = word_set("adverbial_only_prepositions")
CONTRACTED_PREPOSITIONS = word_set("contracted_prepositions")
# Object nouns (word endings) that select a sense of the verb in which nobody speaks: a
# disaster "fordert Menschenleben", a team "bestreitet ein Spiel", a government "räumt Rechte
# ein".
NON_SPEECH_OBJECTS = {
    verb: tuple(sorted(nouns)) for verb, nouns in word_map("non_speech_objects").items()
}
PERSON_OBJECT_NON_SPEECH = word_set("person_object_non_speech")
# Nouns that announce the content after them ("lehnte ab mit den Worten: …").
ANNOUNCING_NOUNS = word_set("announcing_nouns")
NOUN_PHRASE_STARTS = DETERMINERS | ACCUSATIVE_DETERMINERS | word_set("noun_phrase_starts")


def _verb(text: str) -> bool:
    return text.lower() in AUXILIARIES or is_finite_verb(text)


def _stop(tok: Token) -> bool:
    return tok.is_space or tok.text in OBJECT_STOPS


def verb_final(doc: Doc, cue: Span, s1: int) -> bool:
    """The cue closes its clause (``… zurückgewiesen.``, ``… dementiert habe,``)."""
    j = cue.end
    if j < s1 and doc[j].lower_ in AUXILIARIES:
        j += 1
    return j >= s1 or _stop(doc[j]) or doc[j].lower_ in OBJECT_END_CONJUNCTIONS


def _clause_start(doc: Doc, i: int, s0: int) -> int:
    j = i - 1
    while j >= s0 and not _stop(doc[j]):
        j -= 1
    return j + 1


def skip_adverbials(doc: Doc, a: int, b: int) -> int:
    """First token of the object after fillers, a subject pronoun and adverbial phrases."""
    while a < b:
        low = doc[a].lower_
        if low in FILLERS or low in SUBJECT_PRONOUNS:
            a += 1
            continue
        if low in ADVERBIAL_PREPOSITIONS and a + 2 < b:
            # "am Rande der UN-Vollversammlung": preposition, modifiers, noun, genitive
            j = a + 1
            while j < b and (doc[j].is_lower or doc[j].like_num) and j - a < 4:
                j += 1
            if j >= b or not doc[j].text[:1].isupper():
                return a
            j += 1
            if j + 1 < b and doc[j].lower_ in GENITIVE_ARTICLES:
                j += 1
                while j < b and doc[j].is_lower and j - a < 8:
                    j += 1
                j += 1
            if b - j < 1:
                return a
            a = j
            continue
        return a
    return a


def _trim_trailers(doc: Doc, a: int, b: int) -> int:
    while b > a and (doc[b - 1].lower_ in OBJECT_TRAILERS or doc[b - 1].is_punct):
        b -= 1
    return b


def clause_region(doc: Doc, cue: Span, after: int, s0: int, s1: int) -> tuple[int, int] | None:
    """Where the complements of a speech verb in a main clause stand: after a verb in second
    position up to the clause end (``after`` is the token after the verb), or between the
    auxiliary and a clause-final verb; None in a passive, subordinate or relative clause, whose
    speaker is not its subject."""
    start = _clause_start(doc, cue.start, s0)
    if any(t.lower_ in PASSIVE for t in doc[start : min(s1, cue.end + 2)]):
        return None  # "wurden … verurteilt", "konnten nicht bestätigt werden": no speaker
    first = doc[start].lower_ if start < cue.start else ""
    if start == s0 and first in GENITIVE_RELATIVES:
        first = ""  # "Dessen Sprecher X forderte …": a possessive opening a main clause
    if first in PREPOSITIONAL_OPENERS and not verb_final(doc, cue, s1):
        first = ""  # "Seit Jahren fordert X …", "Als Grund nannte X …": a phrase, verb second
    if first in SUBORDINATORS or (start > s0 and doc[start - 1].text == "," and first in RELATIVES):
        return None  # a subordinate or relative clause: "…, die … angekündigt hatten"
    if verb_final(doc, cue, s1):
        aux = next(
            (j for j in range(cue.start - 1, start - 1, -1) if doc[j].lower_ in AUXILIARIES), -1
        )
        if aux < 0:
            return None  # a subordinate or relative clause: no main-clause object
        return aux + 1, cue.start
    if doc[start].lower_ in DEMONSTRATIVES and start + 1 == cue.start:
        return None  # "Dies bestätigte X": the object is the pronoun
    b = after
    while b < min(s1, after + MAX_OBJECT_TOKENS) and not _stop(doc[b]):
        if doc[b].lower_ in VERB_COORDINATORS and b + 1 < s1 and _verb(doc[b + 1].text):
            break  # "bezeichnete X als Y und erklärte …"
        b += 1
    return after, b


def verb_object(doc: Doc, cue: Span, after: int, s0: int, s1: int) -> tuple[int, int] | None:
    """Token range of the object of a speech verb whose content is a noun phrase."""
    if span_attr(cue, "particle"):
        return None  # "schließt … aus": the separable verb's own rule
    region = clause_region(doc, cue, after, s0, s1)
    if region is None:
        return None
    a, b = region
    a = skip_adverbials(doc, a, b)
    b = _trim_trailers(doc, a, b)
    if span_attr(cue, "cue_lemma") in ALS_VERBS and not any(t.lower_ == "als" for t in doc[a:b]):
        return None  # "bezeichnete X als Y": without "als" the verb reports nothing here
    if b <= a or (b - a == 1 and not doc[a].text[:1].isupper()):
        return None
    if doc[a].lower_ in ADVERBIAL_PREPOSITIONS and b - a <= 3:
        return None  # only an adverbial is left: "am Abend"
    return a, b


def fronted_object(doc: Doc, cue: Span, s0: int) -> tuple[int, int] | None:
    """``Einen Rücktritt schloss der Trainer aus``: an accusative phrase before the verb."""
    a = s0
    while a < cue.start and doc[a].is_punct:
        a += 1
    if a >= cue.start or doc[a].lower_ not in ACCUSATIVE_DETERMINERS:
        return None
    if any(_stop(t) for t in doc[a : cue.start]) or cue.start - a > 12:
        return None
    return a, cue.start


def is_claim_object(doc: Doc, a: int, b: int) -> bool:
    """Whether an object phrase can carry a claim, also once a name right after the auxiliary
    (the subject: ``hatte Kanzlerin Anna Roth in einer Rede verkündet``) is cut off."""
    if not _claim_phrase(doc, a, b):
        return False
    k = a
    while k < b and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    if k == a or k >= b or is_common_noun(doc[k - 1].text) or doc[a - 1].lower_ not in AUXILIARIES:
        return True  # no subject after an auxiliary: "Panzerlieferungen an Russland" is the claim
    return doc[k].lower_ not in PP_ONLY or _claim_phrase(doc, k, b)


def _claim_phrase(doc: Doc, a: int, b: int) -> bool:
    """Whether an object phrase can carry a claim: not only an adverbial prepositional phrase
    (``hatte in einer Rede verkündet``, ``lehnte die Ausführung mit den Worten ab``), not a
    genitive left over from the subject (``warnte die Sprecherin eines Senders``), not a bare
    pronoun or verb (``bestätigte dies anschließend``, ``gewarnt sein können``)."""
    words = doc[a:b]
    first = words[0].lower_
    if first in GENITIVE_ARTICLES - {"der"}:
        return False
    if (
        first in PERSON_DEFINITE
        and len(words) >= 2
        and is_role_noun(words[1].text)
        and (len(words) == 2 or words[2].lower_ in GENITIVE_ARTICLES)
    ):
        return False  # "warnte die Sprecherin eines Senders": the subject after the verb
    if not any(t.text[:1].isupper() or t.lower_ == "als" for t in words):
        return False  # no noun: "sein können", "dieses anschließend"
    if first in DEMONSTRATIVES and not any(t.text[:1].isupper() for t in words[1:]):
        return False
    if first in PP_ONLY:
        # the object starts after the adverbial: only a noun phrase that follows counts, with
        # an article or a bare plural right after the adverbial's noun ("am Montag Berichte")
        rest = [t for t in words[2:] if t.lower_ in NOUN_PHRASE_STARTS]
        if not rest and not _bare_noun_after_adverbial(words):
            return False
    # "… mit der Begründung", "… mit den Worten": the content follows the noun
    announces = words[-1].text in ANNOUNCING_NOUNS
    return not (announces and "mit" in [t.lower_ for t in words[-3:-1]])


def _bare_noun_after_adverbial(words: Span) -> bool:
    """``wies am Montag Berichte über … zurück``: after a prepositional adverbial (preposition,
    article, adjectives, noun) another noun opens the object."""
    i = 1
    if i < len(words) and words[i].lower_ in DETERMINERS:
        i += 1
    elif words[0].lower_ not in CONTRACTED_PREPOSITIONS:
        return False  # "von Michael Gordon": a name goes on, no second noun
    while i < len(words) and words[i].is_lower:
        i += 1  # adjectives of the adverbial's noun
    i += 1  # the adverbial's noun
    return i < len(words) and words[i].text[:1].isupper() and words[i].text.isalpha()


def non_speech_sense(doc: Doc, a: int, b: int, lemma: str) -> bool:
    """The object makes the verb one of acting, not of saying (``Das Beben forderte 92
    Menschenleben``, ``Die Elf bestreitet ihr zweites Gruppenspiel``, ``erwartet den
    Präsidenten``)."""
    if lemma in PERSON_OBJECT_NON_SPEECH:
        head = next((t for t in doc[a:b] if t.text[:1].isupper() and t.is_alpha), None)
        if head is not None and is_role_noun(head.text):
            return True
    endings = NON_SPEECH_OBJECTS.get(lemma, ())
    return bool(endings) and any(
        t.text[:1].isupper() and t.lower_.endswith(endings) for t in doc[a:b]
    )


AGENT_PREPOSITIONS = word_set("agent_prepositions")
NOMINATIVE_DETERMINERS = word_set("nominative_determiners")
MAX_PASSIVE_SUBJECT = 12


def passive_subject(doc: Doc, cue: Span, s0: int, s1: int) -> tuple[int, int] | None:
    """``Eine Beteiligung wurde von X bestritten``, ``Die Vorwürfe wurden vom Ministerium
    zurückgewiesen``: in a passive clause with an agent the subject before the auxiliary is
    what the agent's speech act is about (the agent is the speaker). Only a noun phrase that
    opens the sentence and the participle that closes it. The claim of an ``als`` verb is split
    around the agent (``Die Berichte wurden von X als Lüge bezeichnet``): the content runs from
    the subject through the ``als`` phrase, auxiliary and agent included."""
    if not cue[-1].is_lower:
        return None
    end = cue.end
    if end < s1 and not doc[end].is_punct:
        return None  # the participle closes the clause
    aux = next((t.i for t in doc[s0 : cue.start] if t.lower_ in PASSIVE), None)
    if aux is None or aux - s0 < 2 or aux - s0 > MAX_PASSIVE_SUBJECT:
        return None
    first = doc[s0]
    if not (first.lower_ in DETERMINERS or first.text[:1].isupper()) or first.lower_ in PP_ONLY:
        return None
    if first.lower_ in DETERMINERS and first.lower_ not in NOMINATIVE_DETERMINERS:
        return None  # "Dem Mann wird von X vorgeworfen, …": the one spoken to
    if any(t.is_punct or t.lower_ in AGENT_PREPOSITIONS for t in doc[s0:aux]):
        return None
    between = doc[aux + 1 : cue.start]
    if not any(t.lower_ in AGENT_PREPOSITIONS for t in between) or any(
        t.text in (",", ";", ":") or t.text in QUOTE_MARKS for t in between
    ):
        return None
    if span_attr(cue, "cue_lemma") in ALS_VERBS:
        return (s0, cue.start) if any(t.lower_ == "als" for t in between) else None
    return s0, aux
