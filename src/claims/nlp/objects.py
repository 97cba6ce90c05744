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

from claims.nlp.words import word_set

AUXILIARIES = word_set("auxiliaries")
ADVERBIAL_PREPOSITIONS = word_set("adverbial_prepositions")
ACCUSATIVE_DETERMINERS = word_set("accusative_determiners")
OBJECT_TRAILERS = word_set("object_trailers")
ALS_VERBS = word_set("als_verbs")
FILLERS = word_set("object_fillers")
DETERMINERS = word_set("determiners")
PASSIVE = frozenset({"werden", "wird", "wurde", "wurden", "worden", "würde", "würden"})
SUBORDINATORS = (word_set("not_v2_start") | word_set("content_conjunctions")) - {"und", "aber"}
RELATIVES = frozenset({"der", "die", "das", "den", "dem", "deren", "dessen", "denen", "welche"})
SUBJECT_PRONOUNS = frozenset({"er", "sie", "es", "man", "wir", "ich"})
OBJECT_STOPS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "–", "—"})
DEMONSTRATIVES = frozenset({"dies", "das", "dieses", "diese", "es", "dem", "darauf", "dazu"})
GENITIVE_ARTICLES = frozenset({"des", "der", "eines", "einer"})
MAX_OBJECT_TOKENS = 40


def _verb(text: str) -> bool:
    from claims.nlp.indirect import is_finite_verb  # a late import: indirect imports us

    return text.lower() in AUXILIARIES or is_finite_verb(text)


def _stop(tok: Token) -> bool:
    return tok.is_space or tok.text in OBJECT_STOPS


def verb_final(doc: Doc, cue: Span, s1: int) -> bool:
    """The cue closes its clause (``… zurückgewiesen.``, ``… dementiert habe,``)."""
    j = cue.end
    if j < s1 and doc[j].lower_ in AUXILIARIES:
        j += 1
    return j >= s1 or _stop(doc[j]) or doc[j].lower_ in ("und", "oder", "sondern")


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


def verb_object(doc: Doc, cue: Span, after: int, s0: int, s1: int) -> tuple[int, int] | None:
    """Token range of the object of a speech verb whose content is a noun phrase."""
    if cue._.particle:
        return None  # "schließt … aus": the separable verb's own rule
    start = _clause_start(doc, cue.start, s0)
    if any(t.lower_ in PASSIVE for t in doc[start : min(s1, cue.end + 2)]):
        return None  # "wurden … verurteilt", "konnten nicht bestätigt werden": no speaker
    first = doc[start].lower_ if start < cue.start else ""
    if first in SUBORDINATORS or (start > s0 and doc[start - 1].text == "," and first in RELATIVES):
        return None  # a subordinate or relative clause: "…, die … angekündigt hatten"
    if verb_final(doc, cue, s1):
        aux = next(
            (j for j in range(cue.start - 1, start - 1, -1) if doc[j].lower_ in AUXILIARIES), -1
        )
        if aux < 0:
            return None  # a subordinate or relative clause: no main-clause object
        a, b = aux + 1, cue.start
    else:
        if doc[start].lower_ in DEMONSTRATIVES and start + 1 == cue.start:
            return None  # "Dies bestätigte X": the object is the pronoun
        a = after
        b = a
        while b < min(s1, a + MAX_OBJECT_TOKENS) and not _stop(doc[b]):
            if doc[b].lower_ in ("und", "oder") and b + 1 < s1 and _verb(doc[b + 1].text):
                break  # "bezeichnete X als Y und erklärte …"
            b += 1
    a = skip_adverbials(doc, a, b)
    b = _trim_trailers(doc, a, b)
    if cue._.cue_lemma in ALS_VERBS and not any(t.lower_ == "als" for t in doc[a:b]):
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
