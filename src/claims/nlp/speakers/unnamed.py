"""Unnamed subjects of a speech verb: ``Die Ministerin kündigte neue Kontrollen an``,
``Beobachter werten das Ergebnis als Niederlage``, ``Am Montag verwies ein Sprecher der Armee
auf …``.

A verb with nominal content (kind ``reported``) is a statement only when someone speaks: a
named person, or a person, group or body the text describes without a name. The subject is
the noun phrase right before the verb in second position or right after it when inverted; its
head is a person noun (``Ministerin``, ``Richter``), a group of people (``Beobachter``) or an
institution (``die Staatsanwaltschaft``), or a personal pronoun whose person the text did not
name. The speaker id stays ``None``; the phrase is the statement's speaker span.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.names import DETERMINERS, capitalised
from claims.nlp.speakers.nouns import attributive, institution_word, person_noun, plural_person
from claims.nlp.words import word_set

GROUPS = word_set("speaking_groups") | word_set("speaking_bodies")
GROUP_HEADS = tuple(sorted(g.lower() for g in GROUPS))
MAX_ADJECTIVES = 3
PRONOUNS = word_set("gendered_pronouns")
FOCUS_PARTICLES = word_set("subject_adverbs")


def _group(word: str) -> bool:
    """A group of people, also as a compound's head (``Augenzeugen``, ``Rettungskräfte``)."""
    return word in GROUPS or word.lower().endswith(GROUP_HEADS)


def _speaking_noun(word: str) -> bool:
    return _group(word) or person_noun(word) or plural_person(word) or institution_word(word)


def _phrase_before(doc: Doc, cue: int, s0: int) -> tuple[int, int] | None:
    """``[det] [adj]* Noun [des Noun]`` ending right before token ``cue`` and opening its
    clause (the sentence start or a conjunction-free comma)."""
    b = cue
    k = b - 1
    # an optional genitive attribute: "ein Sprecher der Armee"
    if (
        k - 2 >= s0
        and capitalised(doc[k].text)
        and doc[k - 1].lower_ in ("der", "des")
        and capitalised(doc[k - 2].text)
    ):
        k -= 2  # not "Der Minister …": an article that opens the clause is the subject's
    if k < s0 or not capitalised(doc[k].text) or not _speaking_noun(doc[k].text):
        return None
    a = k
    while a - 1 >= s0 and k - a < MAX_ADJECTIVES and attributive(doc[a - 1].text):
        a -= 1
    if a - 1 >= s0 and doc[a - 1].lower_ in DETERMINERS:
        a -= 1
    if a != s0 and doc[a - 1].text != ",":
        return None
    return a, b


def _phrase_after(doc: Doc, cue: int, s1: int) -> tuple[int, int] | None:
    """``… verwies ein Sprecher der Armee auf …``: the phrase right after an inverted verb."""
    a = cue + 1
    k = _head(doc, a, s1)
    if k is None:
        return None
    if k == a and not _group(doc[k].text):
        return None  # a bare singular noun after the verb is its object, not its subject
    return a, k + 1


def _head(doc: Doc, a: int, end: int) -> int | None:
    """The speaking noun heading ``[det] [adj]* Noun`` from token ``a`` (before ``end``)."""
    k = a
    if k < end and doc[k].lower_ in DETERMINERS:
        k += 1
    while k < end and k - a <= MAX_ADJECTIVES and attributive(doc[k].text):
        k += 1
    if k >= end or not capitalised(doc[k].text) or not _speaking_noun(doc[k].text):
        return None
    return k


def _pronoun(doc: Doc, cue: int, s0: int, s1: int) -> tuple[int, int] | None:
    """``Sie forderten mehr Freiheit``, ``Außerdem forderte er ein Lösegeld``: a personal
    pronoun right before the verb at the clause start or right after it."""
    before = cue - 1 >= s0 and doc[cue - 1].lower_ in PRONOUNS
    if before and (cue - 1 == s0 or doc[cue - 2].text == ","):
        return cue - 1, cue
    if before and cue - 2 == s0 and doc[s0].lower_ in FOCUS_PARTICLES:
        return cue - 1, cue  # "Auch sie forderten …"
    if cue + 1 < s1 and doc[cue + 1].lower_ in PRONOUNS and cue > s0:
        return cue + 1, cue + 2
    return None


def described_agent(doc: Doc, start: int, verb: int) -> Mention | None:
    """``von der Ministerin``, ``von mehreren Ärzten``: the described agent of a passive speech
    act, from token ``start`` (after ``von``) up to the participle at ``verb``."""
    k = _head(doc, start, verb)
    if k is None:
        return None
    span = doc[start : k + 1]
    return Mention(span.start_char, span.end_char, span.text, "role", None)


def unnamed_subject(doc: Doc, cue: Span, sent: Span) -> Mention | None:
    """The described, unnamed subject of the speech verb ``cue`` (first token of the verb)."""
    pronoun = _pronoun(doc, cue.start, sent.start, sent.end)
    if pronoun is not None:
        span = doc[pronoun[0] : pronoun[1]]
        return Mention(span.start_char, span.end_char, span.text, "pronoun", None)
    found = _phrase_before(doc, cue.start, sent.start)
    if found is None and cue.start > sent.start:
        found = _phrase_after(doc, cue.start, sent.end)
    if found is None:
        return None
    a, b = found
    span = doc[a:b]
    return Mention(span.start_char, span.end_char, span.text, "role", None)
