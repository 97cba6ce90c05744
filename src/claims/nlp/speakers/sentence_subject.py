"""Subjects a sentence's shape gives without its cue: bare capitalised words that open it
(``Bakary Sanogo, der Polizeichef der Region, sagte …``) and a person named right after the
finite verb (``Dazu hält sich X zurück``), for :mod:`.cue_subject` and the sentences around a
statement."""

from __future__ import annotations

import re

from spacy.tokens import Span

from claims.nlp.extensions import sentence_at
from claims.nlp.grammar.verbs import is_finite_verb, is_verb_form
from claims.nlp.lexicon import is_lower_case_word, load_lexicon
from claims.nlp.speakers.appositions import inverted_apposition
from claims.nlp.speakers.clauses import phrase_starting_at
from claims.nlp.speakers.doccontext import DocContext, mentions_between, sent_end
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.names import (
    DETERMINERS,
    FUNCTION_WORDS,
    NOT_NAME,
    OBJECT_MARKERS,
    SENTENCE_OPENERS,
    capitalised,
    name_word,
)
from claims.nlp.speakers.nouns import attributive
from claims.nlp.speakers.phrases import noun_phrase
from claims.nlp.words import word_set

AUXILIARIES = word_set("auxiliaries")
SUBJECT_ADVERBS = word_set("subject_adverbs")
MAX_FRONT_ADVERBIAL = 14  # tokens before the finite verb of "Am Rande der Sitzung nahm X …"


def name_ends(ctx: DocContext) -> set[int]:
    """Token indices where a mention ends (computed once)."""
    if ctx.name_ends is None:
        spans = (ctx.doc.char_span(m.end - 1, m.end, alignment_mode="expand") for m in ctx.mentions)
        ctx.name_ends = {span.end - 1 for span in spans if span is not None}
    return ctx.name_ends


def bare_sentence_subject(ctx: DocContext, sent: Span, cue: Span) -> Mention | None:
    """``Bakary Sanogo, der Polizeichef der Region, sagte …``: bare capitalised words that
    open the sentence, followed by an apposition or the verb."""
    doc = ctx.doc
    a = sent.start
    while a < cue.start and doc[a].text in '„“"»«(':
        a += 1
    if a < cue.start and doc[a].lower_ in FUNCTION_WORDS:
        return None  # "In Vietnam forderte …": a prepositional phrase
    b = a
    while b < cue.start and b - a < 3 and capitalised(doc[b].text):
        b += 1
    if b == a or b >= cue.start:
        return None
    if doc[b].text != "," and b != cue.start:
        # "Podolski war anwesend und sagte", "Ken Rice vom Institut … erklärte": bare
        # name words, then a lower-case word, open the sentence of a singular verb
        words = [t.text for t in doc[a:b]]
        if not doc[b].text[:1].islower() or not name_word(words[0]):
            return None
        if not all(name_word(w) or is_lower_case_word(w) for w in words[1:]):
            return None  # "Amnesty International" is a name, "Maier Partei" no
        first = words[0] in load_lexicon().first_names
        if attributive(doc[b].text) or (len(words) > 1 and words[0][-1] == "s" and not first):
            return None  # "Berlins früherer Bürgermeister", "Obamas Team": a possessor
        if not first and len(words) < 2 and not _named_elsewhere(ctx, words[-1]):
            return None  # "Darin wird …", "Zwar hatte …": a capitalised function word
    return noun_phrase(ctx, b - 1, cue, backwards=True)


def inverted_subject(ctx: DocContext, k: int, adverbial: bool = False) -> Mention | None:
    """``2009 will BYD 180.000 Autos verkaufen``, ``Dabei hält sich Gall zurück``: the
    name right after the finite verb of sentence ``k`` when an adverbial, not a noun
    phrase, stands before the verb (``adverbial``: the caller knows the front is no
    subject, as before a verb coordinated with "und")."""
    doc = ctx.doc
    span = doc.char_span(ctx.sent_starts[k], ctx.sent_starts[k] + 1, alignment_mode="expand")
    if span is None:
        return None
    sent = sentence_at(doc, span.start)
    first = doc[sent.start]
    if first.lower_ in DETERMINERS or not (
        adverbial
        or first.text[:1].isdigit()
        or first.lower_ in OBJECT_MARKERS
        or first.text in SENTENCE_OPENERS
        or first.text in NOT_NAME
    ):
        return None  # "Die Firma will BYD kaufen": the noun phrase is the subject
    for t in range(sent.start + 1, min(sent.end - 1, sent.start + MAX_FRONT_ADVERBIAL)):
        if doc[t].is_punct:
            return None
        if doc[t].text[:1].islower() and (
            doc[t].lower_ in AUXILIARIES or is_verb_form(doc[t].text)
        ):
            j = t + 1 + (doc[t + 1].lower_ == "sich")
            while j < sent.end and doc[j].lower_ in SUBJECT_ADVERBS:
                j += 1  # "nahm jetzt auch der Ministerpräsident …"
            if j >= sent.end:
                return None
            found = inverted_apposition(ctx, j, sent.end, None) or phrase_starting_at(
                ctx, j, doc[t : t + 1]
            )
            return found if found is not None and found.speaker else None
    return None


def sole_inverted_subject(ctx: DocContext, k: int) -> Mention | None:
    """:meth:`inverted_subject` when sentence ``k`` names no other person (``Dazu trifft
    sich X mit Y.``: either may be the actor the next sentence reports)."""
    subject = inverted_subject(ctx, k) or _acronym_opener(ctx, k)
    if subject is None:
        return None
    others = mentions_between(ctx, ctx.sent_starts[k], sent_end(ctx, k))
    if any(m.speaker not in (None, subject.speaker) for m in others):
        return None
    return subject


def _acronym_opener(ctx: DocContext, k: int) -> Mention | None:
    """``XYZ gibt keine Entwarnung.``: a body written as an acronym before the verb."""
    lo = ctx.sent_starts[k]
    span = ctx.doc.char_span(lo, lo + 1, alignment_mode="expand")
    if span is None or span.start + 2 >= len(ctx.doc):
        return None
    tok, verb = ctx.doc[span.start], ctx.doc[span.start + 1 : span.start + 2]
    if not (3 <= len(tok) <= 6 and tok.is_alpha and tok.is_upper and verb.text.islower()):
        return None
    if not (verb.text in AUXILIARIES or is_finite_verb(verb.text)):
        return None
    return phrase_starting_at(ctx, span.start, verb)


def bare_opener(ctx: DocContext, i: int, clause_start: int) -> bool:
    """Tokens from the clause start to ``i`` are one to three name words (``Thaksin``,
    ``Mats Berger``) that are a known first name or stand capitalised inside a sentence."""
    doc = ctx.doc
    a = clause_start
    while a < i and doc[a].text in '„“"»«(':
        a += 1
    words = [t.text for t in doc[a : i + 1]]
    if not 0 < len(words) <= 3 or not all(capitalised(w) and name_word(w) for w in words):
        return False
    return words[0] in load_lexicon().first_names or _named_elsewhere(ctx, words[-1])


def _named_elsewhere(ctx: DocContext, word: str) -> bool:
    """The word also stands capitalised inside a sentence: a name, no sentence opener."""
    pattern = r"[a-zäöüß,] " + re.escape(word) + r"(?:s|'|’)?\b"
    return re.search(pattern, ctx.text) is not None
