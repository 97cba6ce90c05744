"""What counts as a name word: capitalised, no common noun (in any case), no function word.

Shared by the mention finder (:mod:`.mentions`) and the apposition and source rules,
which read a name at a given position (``…, Ulrich Sommer,``, ``laut Mohammed el-Kadi``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.kb.speakers import COUNTRY_NOUNS
from claims.nlp.lexicon import is_common_noun, lemma_table
from claims.nlp.words import word_list, word_set

# Upper-case letters that open a name, Latin with diacritics included ("Štefan", "Łukasz").
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
NAME_TOKEN = r"[" + UPPER + r"][\w'’]*(?:-[" + UPPER + r"][\w'’]*)?"
NOT_SURNAME = word_set("not_surname")
NOT_NAME = word_set("not_name")
# particles between a first name and a surname ("von der", "de la"), in pattern order
NAME_PARTICLES = word_list("name_particles")
SENTENCE_OPENERS = word_set("sentence_openers")
DETERMINERS = word_set("determiners")
OBJECT_MARKERS = word_set("object_markers")
# words a name never contains: articles, prepositions, surname-like function words
FUNCTION_WORDS = DETERMINERS | OBJECT_MARKERS | {w.lower() for w in NOT_SURNAME}
COUNTRY_NAMES = frozenset(n.capitalize() for n in COUNTRY_NOUNS) | {"USA", "Belarus"}
# every state: after a title, a state's genitive is the office's country ("Außenminister Kubas")
STATES = COUNTRY_NAMES | word_set("countries")
# Arabic articles written before a capitalised surname: "el-Kadi", "al-Assad".
HYPHEN_PARTICLE = r"(?:(?:al|el|as|ad|ar|at|an)-)?"
# 1-3 name words (initials and Arabic articles allowed) at a position: an apposition name.
_NAME_AT = re.compile(
    r"(?:(?:(?:["
    + UPPER
    + r"]\.)+|"
    + HYPHEN_PARTICLE
    + NAME_TOKEN
    + r")[ \t]+){0,2}"
    + HYPHEN_PARTICLE
    + NAME_TOKEN
    + r"(?![\w'’-])"
)


def genitive_noun(word: str) -> bool:
    """A common noun in the genitive (``Landtags``, ``Bundestages``): the lemma table knows
    the noun, and a name takes the same ending."""
    return len(word) > 5 and (
        (word.endswith("s") and is_common_noun(word[:-1]))
        or (word.endswith("es") and is_common_noun(word[:-2]))
    )


def inflected_noun(word: str) -> bool:
    """An inflected form of a common noun (``Berichte``, ``Vorwürfe``): never a surname, which
    stays in its base form (``Koch``, ``Müller``)."""
    lemma = lemma_table().get(word)
    return lemma is not None and lemma != word and is_common_noun(lemma)


_LEADING_PARTICLE = re.compile("^" + HYPHEN_PARTICLE)


@lru_cache(maxsize=65536)
def name_like(word: str) -> bool:
    """A capitalised word that can be part of a name (``Bart`` is a noun, so not alone).
    Cached: the mention finder asks it for the same words many times per article."""
    word = _LEADING_PARTICLE.sub("", word)  # "al-Faisal"
    return (
        word not in NOT_NAME
        and word.rstrip("s") not in COUNTRY_NAMES
        and not is_common_noun(word)
        and not genitive_noun(word)
        and len(word) > 1
    )


def name_at(text: str, pos: int) -> str | None:
    """The name that starts at ``pos``: one to three capitalised words, none a common noun or a
    function word (``Ulrich Sommer``, ``Mohammed el-Kadi``), else None."""
    m = _NAME_AT.match(text, pos)
    if m is None:
        return None
    words = m.group(0).split()
    while words and not name_like(words[-1].split("-", 1)[-1]):
        words.pop()
    if not words or not all(name_like(w.split("-", 1)[-1]) for w in words):
        return None
    if words[0] in NOT_SURNAME or words[0].rstrip("s") in COUNTRY_NAMES:
        return None
    return " ".join(words)


def capitalised(word: str) -> bool:
    """Capitalised, also after a hyphenated number (``47-Jährige``)."""
    word = word.rsplit("-", 1)[-1] if word[:1].isdigit() else word
    return word[:1].isupper() and word[:1].isalpha()


def name_word(word: str) -> bool:
    """A capitalised word that can only be (part of) a name: no noun, adverb or title."""
    return (
        not is_common_noun(word)
        and word not in NOT_NAME
        and word not in SENTENCE_OPENERS
        and word.lower() not in FUNCTION_WORDS
    )


def acronym(word: str) -> bool:
    """Two to six capital letters (``SPD``, ``NATO``): a body's short name."""
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()
