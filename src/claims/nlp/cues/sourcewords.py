"""Word tests of the source markers ``laut X`` and ``nach Angaben X``: what may follow
``laut`` as a preposition (a capitalised or hyphenated name, an adjective before a noun) and
which ``nach`` phrases name a source rather than a time."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claims.nlp.words import word_set

DETERMINERS = word_set("determiners")
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
DATIVE_ENDINGS = ("en", "er", "em")
# "nach Ermittlungen der Polizei" names a source, "nach umfangreichen Ermittlungen" is a time
EVENT_NOUNS = word_set("event_source_nouns")
SOURCE_STARTS = word_set("source_starts")
# "nach anderen Angaben": an alternative figure, no source
ALTERNATIVE_WORDS = word_set("alternative_source_words")


def capitalised_word(text: str) -> bool:
    """A capitalised word, hyphenated ones too (``Karl-Heinz``, ``UN-Sprecher``)."""
    return text[:1].isupper() and text.replace("-", "").isalpha()


def adjective_before_noun(doc: Doc, i: int) -> bool:
    """``laut örtlichen Medien``: an adjective in the dative and a noun after the preposition;
    after an article ``laut`` is the adverb (``die laut rufenden Fans``)."""
    if i + 2 >= len(doc) or (i and doc[i - 1].lower_ in DETERMINERS):
        return False
    return _adjective(doc[i + 1]) and capitalised_word(doc[i + 2].text)


def _adjective(tok: Token) -> bool:
    """An adjective in the dative that ``laut`` governs (``örtlichen``, ``jüngstem``,
    ``offizieller``), not the accusative after the adverb (``sangen laut schöne Lieder``)."""
    return tok.is_lower and tok.is_alpha and tok.lower_.endswith(DATIVE_ENDINGS)


def names_a_source(doc: Doc, i: int, j: int, noun: str) -> bool:
    """Whether ``nach`` (at ``i``) with the marker noun (at ``j``) reports a source: not an
    alternative figure (``nach anderen Angaben 110 Kilometer``), and a noun of an event only
    with its source after it (``nach Ermittlungen der Polizei``)."""
    if any(t.lower_ in ALTERNATIVE_WORDS for t in doc[i + 1 : j]):
        return False
    if noun in EVENT_NOUNS or doc[j].text in EVENT_NOUNS:
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        return nxt is not None and nxt.lower_ in SOURCE_STARTS
    return True
