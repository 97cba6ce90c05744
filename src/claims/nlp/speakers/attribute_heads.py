"""A person named as the attribute of another person noun does not speak.

``Ein Berater Lukaschenkos sagte``, ``Der Sprecher von Wladimir Putin sagte``, ``Putins engster
Verbündeter sagte``: the one speaking is the adviser, the spokesman, the ally; the name is a
genitive (or ``von``) attribute of that noun. A definite ally-like description (``der enge
Verbündete des russischen Präsidenten``) is the person the text is about, like ``der
Staatschef``; any other such phrase names nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from claims.nlp.lexicon import load_lexicon
from claims.nlp.speakers.doccontext import DocContext, mentions_between
from claims.nlp.speakers.linking import resolve_mention
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.salience import record_subject
from claims.nlp.words import word_set

ATTRIBUTE_HEADS = tuple(sorted(word_set("attribute_heads")))
ALLY_HEADS = tuple(sorted(word_set("ally_heads")))
#: Words that link a head noun to its attribute ("der Sprecher des Präsidenten", "von Putin").
LINKS = word_set("attribute_links")
DEFINITE = word_set("person_definite_articles")
#: Endings of a name that are not a genitive -s ("Klaus", "Boris"; "Lukaschenkos" is one).
_NOT_GENITIVE = ("ss", "us", "is", "x", "z")
#: Most words between a possessive name and its head ("Putins engster Verbündeter").
_MAX_AFTER = 3


@dataclass(frozen=True)
class Attribute:
    """The person noun a mention is the attribute of."""

    head: str
    definite: bool

    @property
    def ally(self) -> bool:
        """A description that stands for a person of the text (``der Verbündete``)."""
        return self.definite and self.head.lower().endswith(ALLY_HEADS)


def _is_head(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(ATTRIBUTE_HEADS)


def _genitive(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_GENITIVE)


def _determiner(words: list[str]) -> bool:
    """Whether the phrase before a head (adjectives, then an article) is definite."""
    for word in reversed(words):
        if word.islower() and word not in DEFINITE and word.endswith(("e", "en", "er", "em")):
            continue  # an adjective: "der enge Verbündete"
        return word.lower() in DEFINITE
    return False


def attribute_of(text: str, m: Mention, lo: int, hi: int) -> Attribute | None:
    """The person noun whose attribute mention ``m`` is, in the clause ``lo``..``hi`` (the
    text before a speech verb); None when ``m`` is itself the subject."""
    words = m.text.split()
    if not words or m.kind not in ("name", "person", "role", "institution"):
        return None
    if m.kind == "institution" and words[0] not in load_lexicon().first_names:
        return None  # "Anhänger der Organisation X": members speak for their body
    after = text[m.end : hi].split()
    if (
        _genitive(words[-1])
        and 0 < len(after) <= _MAX_AFTER
        and _is_head(after[-1])
        and all(w.islower() for w in after[:-1])
    ):  # "Putins engster Verbündeter sagte": a possessive name before its head
        return Attribute(after[-1], True)
    before = text[lo : m.start].split()
    if _genitive(words[-1]):
        # "Ein Berater Lukaschenkos", "Berater Lukaschenkos" (the head read as a title)
        seq = before + words[:-1]
        if seq and _is_head(seq[-1]):
            return Attribute(seq[-1], _determiner(seq[:-1]))
    seq = before + words[:-1]
    i = len(seq) - 1
    while i >= 0 and seq[i].lower() not in LINKS:
        word = seq[i]
        if not (word[:1].isupper() or (word.islower() and word.endswith(("e", "en", "er")))):
            return None  # not a title, name or adjective: the phrase ends here
        i -= 1
    if i >= 1 and _is_head(seq[i - 1]):
        # "Der Sprecher von Wladimir Putin", "Ein Vertrauter des Präsidenten Lukaschenko"
        return Attribute(seq[i - 1], _determiner(seq[: i - 1]))
    return None


def unless_attribute(
    ctx: DocContext, cue: Span, found: Mention | None, clause_start: int
) -> Mention | None:
    """The cue subject ``found`` unless it is the attribute of a person noun before the verb
    (``Ein Berater Lukaschenkos sagte``: nobody named); ``der enge Verbündete Putins`` is the
    latest other person named, like a definite description."""
    text = ctx.text
    lo = ctx.doc[clause_start].idx
    named = found
    if named is None:  # "Der Verbündete von Kremlchef Putin betonte": the front phrase
        front = mentions_between(ctx, lo, cue.start_char)
        named = front[0] if front and len(text[lo : front[0].start].split()) <= 4 else None
    if named is None or not lo <= named.start < cue.start_char:
        return found
    attribute = attribute_of(text, named, lo, cue.start_char)
    if attribute is None:
        return found
    if not attribute.ally:
        return None
    owner = resolve_mention(ctx, named)
    for m in reversed(mentions_between(ctx, max(0, lo - ctx.window), lo)):
        r = resolve_mention(ctx, m)
        if r is None or not r.speaker or r.kind == "institution":
            continue
        if owner is None or r.speaker != owner.speaker:
            # the whole phrase: "Der enge Verbündete des … Putin", "Putins engster Verbündeter"
            start = min(lo, named.start)
            end = max(named.end, text.find(attribute.head, lo) + len(attribute.head))
            return record_subject(
                ctx, Mention(start, end, text[start:end], "description", r.speaker)
            )
    return None
