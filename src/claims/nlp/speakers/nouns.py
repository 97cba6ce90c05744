"""Nouns that tell who speaks: institutions and their members, person nouns, spokespeople of a
body, and adjectives that open a body's name. Word-level tests, shared by the noun phrases
(:mod:`claims.nlp.speakers.phrases`) and the sources (:mod:`claims.nlp.speakers.sources`)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from claims.nlp.grammar.verbs import is_finite_verb
from claims.nlp.lexicon import (
    feminine_person_noun,
    is_lower_case_word,
    is_noun_form,
    lemma_table,
    verb_lemmas,
)
from claims.nlp.speakers.mentions import EPITHET_SUFFIXES
from claims.nlp.words import word_set

INSTITUTIONS = word_set("institutions")
INSTITUTIONS_LOWER = frozenset(w.lower() for w in INSTITUTIONS)
MEDIA_NOUNS = tuple(sorted(word_set("media_nouns")))
FEMININE_ENDINGS = tuple(sorted(word_set("feminine_noun_endings")))
ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")
# job, title and epithet nouns with their inflections ("sprecher", "sprecherin", "47-jährige")
_PERSON_NOUNS = tuple(
    sorted(
        {
            t + e
            for t in [*word_set("title_suffixes"), *EPITHET_SUFFIXES, "jährige"]
            if t.isalpha()
            for e in ("", "in", "n", "en", "r")
        }
    )
)
INSTITUTION_STEMS = tuple(sorted(w.lower() for w in INSTITUTIONS if len(w) > 4))
_MEMBER_ENDINGS = ("er", "erin", "ern", "erinnen", "ler", "lerin")
# "gewerkschafter": a member of the institution, not the institution
_MEMBER_FORMS = {stem: tuple(stem + e for e in _MEMBER_ENDINGS) for stem in INSTITUTION_STEMS}


@lru_cache(maxsize=65536)
def institution_word(word: str) -> bool:
    """A noun naming an institution, also inflected or compounded (``Verteidigungsministeriums``,
    ``Nachrichtenagentur``)."""
    low = word.split("-")[-1].lower()
    return low in INSTITUTIONS_LOWER or any(
        stem in low and not low.endswith(_MEMBER_FORMS[stem]) for stem in INSTITUTION_STEMS
    )  # not "Gewerkschafter": a member of the institution


def name_adjective(tok: Token) -> bool:
    """An adjective capitalised inside a sentence opens a name (``die Vereinten Nationen``,
    ``des Roten Kreuzes``, ``das Weiße Haus``, ``die Berliner Zeitung``)."""
    text = tok.text
    if not text[:1].isupper() or tok.is_sent_start or text.isupper():
        return False
    low = text.lower()
    table = lemma_table()
    for ending in ADJECTIVE_ENDINGS:
        stem = low.removesuffix(ending)
        if stem != low and any(table.get(stem + e) == stem for e in ADJECTIVE_ENDINGS):
            return True  # an inflected adjective: "Rote", "Weiße", "Europäische"
    if low.endswith(("te", "ten", "ter", "tes")) and is_lower_case_word(text):
        return not is_noun_form(text)  # a participle: "Vereinten", "Vereinigten"
    return _place_adjective(tok)


def _place_adjective(tok: Token) -> bool:
    """``Berliner`` in ``die Berliner Zeitung``, ``Kölner`` in ``die Kölner Polizei``: a
    capitalised place adjective in -er before an institution or a medium."""
    doc = tok.doc
    if not tok.text.endswith("er") or len(tok.text) < 5 or tok.i + 1 >= len(doc):
        return False
    head = doc[tok.i + 1].text
    return head[:1].isupper() and (institution_word(head) or head.lower().endswith(MEDIA_NOUNS))


def plural_person(word: str) -> bool:
    """``Demokraten`` of ``Demokrat``: the plural of a person noun."""
    return word.endswith("en") and person_noun(word[:-2]) and not person_noun(word[:-1])


def spokesperson_body(word: str) -> str | None:
    """``Polizeisprecher`` -> ``Polizei``, ``Regierungssprecherin`` -> ``Regierung``: the
    institution a closed compound of ``Sprecher`` speaks for (not ``Pressesprecher``)."""
    low = word.lower()
    cut = next((low.rfind(e) for e in ("sprecherin", "sprecher") if e in low[3:]), -1)
    if cut < 3 or not low[cut:].startswith("sprecher"):
        return None
    for stem in (word[:cut], word[:cut].removesuffix("s")):
        if stem.lower() in INSTITUTIONS_LOWER:
            return stem
    return None


def person_noun(word: str) -> bool:
    return word.lower().endswith(_PERSON_NOUNS)


def feminine_noun(word: str) -> bool:
    """A singular feminine noun by its ending (``Zeitung``, ``Nachrichtenagentur``,
    ``Polizei``) or a feminine person noun (``Ministerin``): after ``der`` it is in the dative
    or genitive, never the subject."""
    return word.lower().endswith(FEMININE_ENDINGS) or feminine_person_noun(word)


def attributive(word: str) -> bool:
    """A lower-case inflected adjective (``belarussische``, ``neuen``)."""
    return (
        word.islower()
        and word.endswith(ADJECTIVE_ENDINGS)
        and len(word) > 3
        and not is_finite_verb(word)
        and word not in verb_lemmas()  # "der Studie des Instituts schlafen Kinder"
    )
