"""The source a marker names: ``laut einem Artikel der „Berliner Zeitung“``, ``den Behörden in
Hamburg zufolge``, ``nach Angaben aus Moskau``, ``so der Vorsitzende der Partei, Hans Maier``.

The marker's own phrase (:func:`~claims.nlp.indirect.markers.marker_phrase`) ends at the first
word that is no noun; for the speaker the phrase goes on over quoted names, genitives and place
phrases.
The speaker is the first person or body named in it; a document (``Artikel``,
``Pressemitteilung``) is where the source speaks, not the source.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.extensions import doc_text, span_attr
from claims.nlp.indirect.bounds import Quotes
from claims.nlp.indirect.markers import marker_phrase
from claims.nlp.lexicon import is_common_noun, is_lower_case_word, load_lexicon
from claims.nlp.speakers.appositions import apposition_name
from claims.nlp.speakers.coref import pronoun
from claims.nlp.speakers.doccontext import DocContext, mentions_between
from claims.nlp.speakers.linking import mention_in
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.names import DETERMINERS, NOT_NAME, acronym
from claims.nlp.speakers.nouns import (
    attributive,
    institution_word,
    name_adjective,
    person_noun,
    spokesperson_body,
)
from claims.nlp.speakers.phrases import noun_phrase
from claims.nlp.speakers.salience import BODY_DESCRIPTIONS, recent_body
from claims.nlp.words import word_list, word_set

DOCUMENTS = word_set("source_documents")
OPINION_OPENERS = word_set("opinion_openers")
LOWER_CASE_AGENCIES = word_set("lower_case_agencies")
AUXILIARIES = word_set("auxiliaries")
# prepositions that attach a place or a body to a source ("Behörden in Hamburg", "aus Moskau")
PLACE_LINKS = word_set("place_links")
GENITIVE_LINKS = word_set("genitive_articles")
OPENING = '„“"»«‚'
CLOSING = '“”"«»‘'
MAX_SOURCE = 16  # tokens
MARKER_NOUNS = word_list("marker_nouns")


_BEFORE_SOURCE = re.compile(
    r"(?:^|\s)(?:laut|gemäß)\s+(?:de[mnrs]|die|das|ein(?:e[mnrs]?)?)?\s*\W?$"
)
_AFTER_SOURCE = re.compile(r"\W?\s+zufolge\b")


def names_source(text: str, start: int, end: int) -> bool:
    """The quoted phrase ``start``..``end`` names the source of a marker: ``laut „Spiegel“``,
    ``dem „Kurier“ zufolge``."""
    return (
        _BEFORE_SOURCE.search(text, max(0, start - 16), start) is not None
        or _AFTER_SOURCE.match(text, end) is not None
    )


def _namelike(tok: Token) -> bool:
    """Capitalised, or a lower-case web address (``example.com``)."""
    text = tok.text
    return (
        text[:1].isupper()
        or ("." in text[1:-1] and text[:1].isalnum())
        or text in LOWER_CASE_AGENCIES  # "laut dpa"
    )


def _closing(doc: Doc, i: int, stop: int) -> int | None:
    """Index of the closing quote mark of the quote opened at ``i`` (a short name only)."""
    for k in range(i + 1, min(stop, i + 9)):
        if doc[k].text in CLOSING:
            return k
    return None


NEXT_PHRASE = word_set("source_next_phrase")


def _common_noun_before(doc: Doc, i: int, s0: int) -> bool:
    """A common noun (or a document noun the lemma table lacks: ``Webseite``) before ``i``."""
    if i <= s0 or not doc[i - 1].text[:1].isupper():
        return False
    return doc[i - 1].text in DOCUMENTS or is_common_noun(doc[i - 1].text)


def _goes_on(doc: Doc, b: int, s1: int, opened: int) -> bool:
    """Token ``b`` (no name, no quote) still belongs to the source phrase before it."""
    tok, prev = doc[b], doc[b - 1]
    if b + 1 >= s1:
        return False
    nxt = doc[b + 1]
    low = tok.lower_
    if low in AUXILIARIES:
        return False  # "laut der Zeitung X hat …": the clause goes on
    if low in PLACE_LINKS:  # "Behörden in Hamburg", "Angaben aus Moskau", not "X in Korat"
        named = prev.i >= opened and not is_common_noun(prev.text) and prev.text not in CLOSING
        return not named and (_namelike(nxt) or nxt.lower_ in DETERMINERS)
    if low in GENITIVE_LINKS and _common_noun_before(doc, b, 0):
        return True  # "Artikel der …": a genitive after a common noun
    if low in DETERMINERS:  # an article right after the marker or a preposition
        return prev.i < opened or prev.lower_ in PLACE_LINKS
    if low in NEXT_PHRASE and prev.i >= opened:
        return False  # "laut Polizeibericht keine Schäden": the clause's own phrase
    return attributive(tok.text) and (_namelike(nxt) or nxt.text in OPENING)


def widen(doc: Doc, cue: Span, a: int, b: int, s0: int, s1: int) -> tuple[int, int]:
    """The marker phrase ``a``..``b`` with the rest of its noun phrase (see module doc)."""
    if span_attr(cue, "cue_lemma") == "so":
        return a, b
    if span_attr(cue, "cue_lemma") == "zufolge":
        return _widen_back(doc, cue, a, s0), b
    return a, _extend(doc, b, s1, cue.end)


def _extend(doc: Doc, b: int, s1: int, opened: int) -> int:
    """The end of a source's noun phrase that goes on at token ``b`` (its article may follow
    token ``opened``, the marker's end)."""
    start = b
    while b < s1 and b - start < MAX_SOURCE:
        if doc[b].text in OPENING:
            k = _closing(doc, b, s1)
            if k is None:
                break
            b = k + 1
        elif _namelike(doc[b]) or _goes_on(doc, b, s1, opened):
            b += 1
        else:
            break
    return b


def _widen_back(doc: Doc, cue: Span, a: int, s0: int) -> int:
    """``den Behörden in Hamburg zufolge``, ``dem „Kurier“ zufolge``: back to the article."""
    while a > s0 and cue.start - a < MAX_SOURCE:
        tok = doc[a - 1]
        if tok.text in CLOSING:
            opening = [k for k in range(max(s0, a - 10), a - 1) if doc[k].text in OPENING]
            if not opening:
                break
            a = opening[-1]
        elif tok.lower_ in DETERMINERS:
            a -= 1
            if not _common_noun_before(doc, a, s0):
                break  # "dem Bericht der Zeitung": a genitive goes on after a common noun
        elif _namelike(tok) or tok.lower_ in PLACE_LINKS or attributive(tok.text):
            a -= 1
        else:
            break
    return a


def _without_marker_noun(word: str) -> str:
    """``Polizeiangaben`` -> ``Polizei``: the source inside a compound marker noun."""
    for noun in MARKER_NOUNS:
        if word.lower().endswith(noun) and len(word) > len(noun) + 2:
            return word[: -len(noun)].rstrip("-")
    prefix, _, head = word.rpartition("-")
    if prefix and head in DOCUMENTS:
        return prefix  # "OSZE-Bericht" -> "OSZE"
    return word


def _part_of_name(tok: Token) -> bool:
    """A capitalised word before a name that belongs to it (``Radio`` in ``Radio Nord``)."""
    text = tok.text
    return (
        text[:1].isupper()
        and text not in DOCUMENTS
        and text not in load_lexicon().nouns
        and not is_lower_case_word(text)
    )


def source_name(tokens: list[Token]) -> Mention | None:
    """A source without a known person: ``der Agentur Belta`` -> ``other:Agentur Belta``,
    ``einem Artikel der „Berliner Zeitung“`` -> ``other:Berliner Zeitung``. An unnamed group
    (``Analysten``, ``Experten``) is no speaker: None."""
    if not tokens:
        return None  # "wurde von ihm zurückgewiesen": a pronoun agent names no source
    nouns = load_lexicon().nouns
    words = [(tok, _without_marker_noun(tok.text.strip(OPENING + CLOSING))) for tok in tokens]
    doc = tokens[0].doc
    quoted = {  # a capitalised word in quotes is a name, also a noun: laut dem „Spiegel“
        tok.i
        for tok in tokens
        if 0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].text in OPENING
        and doc[tok.i + 1].text in CLOSING
        and tok.text[:1].isupper()
    }
    kept = [
        (tok, word)
        for tok, word in words
        if word
        and _namelike(tok)
        and (word not in nouns or tok.i in quoted or name_adjective(tok))
        and word not in DOCUMENTS
        and word not in NOT_NAME
    ]
    strong = [
        k
        for k, (tok, w) in enumerate(kept)
        if not is_common_noun(w)
        or institution_word(w)
        or acronym(w)
        or tok.i in quoted
        or name_adjective(tok)
    ]
    if not strong:
        return None
    kept = kept[strong[0] :]  # "Mitarbeiter einer Organisation X": from the body on
    first = kept[0][0]
    k = first.i
    while k > tokens[0].i and _namelike(doc[k - 1]):
        k -= 1
    closing = None
    if k > tokens[0].i and doc[k - 1].text in OPENING:
        first = doc[k]  # a quoted name is one name: „Kieler Rundschau“
        closing = next((t for t in doc[k : tokens[-1].i + 1] if t.text in CLOSING), None)
    while first.i > tokens[0].i and (
        _part_of_name(doc[first.i - 1]) or name_adjective(doc[first.i - 1])
    ):
        first = doc[first.i - 1]  # "Radio Nord", "Deutschen Roten Kreuzes"
    last = closing if closing is not None else tokens[-1]  # not what follows the name
    while last.i > first.i and not _namelike(last) and last.text not in CLOSING:
        last = doc[last.i - 1]
    if name_adjective(last) and last.i < tokens[-1].i:
        last = doc[last.i + 1]  # "der Berliner Zeitung": the noun the adjective names
    text = doc_text(doc)[first.idx : last.idx + len(last)].strip(OPENING + CLOSING)
    if first.i == kept[0][0].i and first.text != kept[0][1]:  # "Polizeiangaben": "Polizei"
        text = kept[0][1] + text[len(first.text) :]
    return Mention(tokens[0].idx, last.idx + len(last), text, "source", OTHER_PREFIX + text)


#: Personal pronouns a ``zufolge`` marker takes as its source ("Ihm zufolge", "ihr zufolge").
DATIVE_PRONOUNS = word_set("zufolge_pronouns")


def marker_source(
    doc: Doc, cue: Span, sent: Span, ctx: DocContext, quote: tuple[int, int] | None = None
) -> tuple[Mention | None, tuple[int, int]]:
    """Who a marker says is speaking (``laut X``, ``X zufolge``, ``nach Angaben X``, ``so X``)
    and the char range of the marker with its source. No one when the ``quote`` is part of the
    source's name (``laut der „Berliner Zeitung“``)."""
    a, b = marker_phrase(doc, cue, sent.start, sent.end)
    if (
        span_attr(cue, "cue_lemma") == "zufolge"
        and cue.start - 1 == a
        and doc[a].lower_ in DATIVE_PRONOUNS
    ):
        # "Ihm zufolge …": the person the pronoun refers to
        found = pronoun(ctx, doc[a].idx, doc[a].text)
        return found, (doc[a].idx, cue.end_char)
    if span_attr(cue, "cue_lemma") == "so" and b + 1 < sent.end and doc[b].text == ",":
        found = apposition_name(ctx, b + 1, sent.end)  # "so der Vorsitzende, Hans Maier"
        if found is not None:
            return found, (doc[a].idx, found.end)
    own = mention_in(ctx, doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) if b > a else None
    a, b = widen(doc, cue, a, b, sent.start, sent.end)
    if b <= a:
        return None, (cue.start_char, cue.end_char)
    if own is not None:  # a person in the marker's own phrase: "laut Sergei X der Sprecher …"
        return own, (doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
    phrase = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
    if quote is not None and phrase[0] <= quote[0] < phrase[1]:
        return None, phrase
    mention = mention_in(ctx, *phrase)
    if mention is not None and mention.kind in ("name", "person", "guess"):
        return mention, phrase
    if (
        b + 1 < sent.end
        and doc[b].text == ","
        and any(person_noun(t.text.removesuffix("s")) for t in doc[a:b])
    ):
        found = apposition_name(ctx, b + 1, sent.end)  # "nach Angaben des Chefs, X,"
        if found is not None:
            return found, (phrase[0], found.end)
    if mention is not None:
        return mention, phrase
    if span_attr(cue, "cue_lemma") == "so" and cue.end < b:
        found = noun_phrase(ctx, cue.end, cue, backwards=False, bare=False)
        if found is not None:  # "„…“, so der Minister": the person the description means
            return found, phrase
    tokens = [
        t
        for t in doc[a:b]
        if not cue.start <= t.i < cue.end or _without_marker_noun(t.text) != t.text
    ]
    words = [t.text for t in tokens if t.lower_ not in DETERMINERS and not t.is_punct]
    body_name = spokesperson_body(words[0]) if len(words) == 1 else None
    if body_name is not None:  # "nach Auskunft eines Polizeisprechers": the police
        return Mention(*phrase, words[0], "institution", OTHER_PREFIX + body_name), phrase
    if len(words) == 1 and words[0] in BODY_DESCRIPTIONS:
        body = recent_body(ctx, phrase[0])  # "so die Organisation": the body before
        return (replace(body, start=phrase[0], end=phrase[1]) if body else None), phrase
    return (source_name(tokens) if tokens else None), phrase


_HEISST = word_set("heissen_forms")
# prepositions of the place where "es heißt" ("heißt es in der Erklärung", "hieß es vom X")
SOURCE_PREPOSITIONS = word_set("source_prepositions")


def heisst_es_source(doc: Doc, sent: Span, ctx: DocContext) -> Mention | None:
    """``…, hieß es bei Radio Nord``, ``In der Erklärung der Partei X heißt es``, ``wie es
    auf der Pressekonferenz der Firma Y hieß``: the source named by the phrase of place of an
    impersonal ``es heißt``."""
    verb = next((t.i for t in sent if t.lower_ in _HEISST), None)
    if verb is None or not any(t.lower_ == "es" for t in doc[max(sent.start, verb - 3) : verb + 3]):
        return None
    return place_source(doc, sent, max(sent.start, verb - 12), verb, verb + 5, ctx)


def place_source(
    doc: Doc,
    sent: Span,
    lo: int,
    verb: int,
    hi: int,
    ctx: DocContext,
    documents_only: bool = False,
) -> Mention | None:
    """The source named by a phrase of place between tokens ``lo`` and ``hi`` that does
    not contain ``verb`` (``in der Erklärung der Partei X``, ``bei Radio Nord``); with
    ``documents_only``, only a phrase that names a document (``In einem Bericht der X``)."""
    quoted = Quotes(doc)
    starts = [
        t.i
        for t in doc[lo : min(sent.end, hi)]
        if t.lower_ in SOURCE_PREPOSITIONS and t.i + 1 < sent.end and not quoted.covers(t.idx)
    ]  # "„Änderungen in einem Parlament …“, hieß es": the quote names no source
    for p in starts:
        end = _extend(doc, p + 1, sent.end, p + 1)
        if end <= p + 1 or (p < verb < end):
            continue
        if documents_only and not any(t.text in DOCUMENTS for t in doc[p + 1 : end]):
            continue
        phrase = (doc[p + 1].idx, doc[end - 1].idx + len(doc[end - 1]))
        found = mention_in(ctx, *phrase) or source_name(list(doc[p + 1 : end]))
        if found is not None:
            return found
    return None


_OPINION_VERBS = word_set("opinion_copulas")


def fuer_source(doc: Doc, sent: Span, ctx: DocContext) -> Mention | None:
    """``Für den Theologen Hans Kühn sei der Rücktritt „verständlich“``: an opinion of the
    person named after a sentence-initial ``Für`` before the verb."""
    a = sent.start
    while a < sent.end and (doc[a].text in OPENING or doc[a].text in OPINION_OPENERS):
        a += 1
    if a >= sent.end or doc[a].text != "Für":
        return None
    verb = next(
        (t.i for t in doc[a + 1 : min(sent.end, a + 12)] if t.lower_ in _OPINION_VERBS), None
    )
    if verb is None:
        return None
    for m in mentions_between(ctx, doc[a].idx, doc[verb].idx):
        if m.kind in ("name", "person", "role", "guess") and m.speaker is not None:
            return m
    return None
