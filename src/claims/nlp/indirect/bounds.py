"""Where reported content starts and ends (helpers of :mod:`claims.nlp.indirect.component`).

The clause a cue reports ends at the sentence end, before another cue, before a coordinated main
clause of the reporter (``…, bekräftigte jedoch, dass``) or a contrasting indicative clause
(``…, doch die Richterin blieb hart``). It starts after an apposition or a quoted name that
follows the inverted subject (``meldete der Sender, Radio X, dass …``); a relative clause after a
speech noun (``ein Hinweis, auf den …``) is no content.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from claims.nlp.extensions import sentence_at, span_attr, token_texts
from claims.nlp.grammar.mood import is_subjunctive
from claims.nlp.grammar.verbs import is_finite_verb, is_verb_form
from claims.nlp.indirect.objects import AUXILIARIES
from claims.nlp.lexicon import load_lexicon
from claims.nlp.quotes.marks import OPENING_QUOTES, QUOTE_MARKS
from claims.nlp.words import word_set

ENGLISH_CLOSER = "”"  # typed as the closing mark of a German „ quote

CONTENT_CONJ = word_set("content_conjunctions")
VERB_COORDINATORS = word_set("verb_coordinators")
CONTENT_SUBORDINATORS = word_set("content_subordinators")
OBLIQUE_RELATIVES = word_set("oblique_relatives")
THIRD_PERSON_SUBJECTS = word_set("third_person_subjects")


NOT_V2_START = word_set("not_v2_start")


ARTICLE_OR_RELATIVE = word_set("article_or_relative")
# Prepositions that may open a verb-second clause with a Konjunktiv ("…, ohne X gäbe es …").
PP_OPENERS = word_set("v2_prepositions")


# "…, auf den …", "…, mit dem …": a preposition and a relative pronoun open a relative clause
PREPOSITIONS = word_set("relative_clause_prepositions")
RELATIVE_PRONOUNS = word_set("relative_pronouns")
LEADING_FILLERS = word_set("object_fillers")


MAX_CLAUSE_TOKENS = 120
SENTENCE_CLOSERS = frozenset({".", "!", "?", ";", ")"})
CONTRAST_CONJUNCTIONS = word_set("contrast_conjunctions")
MAX_CONTRAST_WORDS = 8
SUBJECT_OPENERS = word_set("subject_openers")


class Quotes:
    """Char ranges of direct quotes (content plus marks) for fast membership tests."""

    def __init__(self, doc: Doc) -> None:
        groups = (doc.spans.get("quotes", []), doc.spans.get("titles", []))
        ranges = sorted(span_attr(span, "content") for group in groups for span in group)
        self.starts = [s - 1 for s, _ in ranges]
        self.ends = [e + 1 for _, e in ranges]

    def covers(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


def after_quote(doc: Doc, cue: Span) -> bool:
    """The cue follows a quote that opens the sentence and a comma (``„…“, sagte X``)."""
    i = cue.start
    if i < 2 or doc[i - 1].text != "," or doc[i - 2].text not in QUOTE_MARKS:
        return False
    return sentence_at(doc, cue.start)[0].text in QUOTE_MARKS


def ends_in_quote(doc: Doc, a: int, b: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether a direct quote closes the tokens ``a:b`` (``bezeichnete X als „…“``; ``quotes``
    sorted char ranges): the quote, not the phrase, is what the verb reports."""
    lo, hi = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
    k = bisect_right(quotes, (hi, hi))
    return k > 0 and any(lo < s and abs(e - hi) <= 1 for s, e in quotes[max(0, k - 3) : k])


def clause_end(doc: Doc, start: int, stop: int, cue_starts: set[int]) -> int:
    """End (exclusive) of reported content from ``start``: the sentence end, or a comma before
    another cue (``…, bekräftigte jedoch, dass``, ``…, sagte er``, ``…, so X``) or before a
    coordinated main clause of the reporting subject (``…, weigerte sich jedoch …``), or a
    colon before a direct quote or a coordinated speech verb of the speaker (``…, Europa
    brauche X und fügte hinzu: „…“``): the quote is a statement of its own."""
    stop = min(stop, start + MAX_CLAUSE_TOKENS)
    texts = token_texts(doc)
    for j in range(start, stop):
        text = texts[j]
        if j > start and (
            (text == ":" and j + 1 < stop and texts[j + 1] in OPENING_QUOTES)
            or (text.lower() in VERB_COORDINATORS and j + 1 in cue_starts)
        ):
            return j
        if text in (",", ";", "–", "—") and j > start:
            if any(k in cue_starts for k in range(j + 1, min(stop, j + 5))):
                return j
            if j + 1 < stop and is_finite_verb(texts[j + 1]):
                return j
            if text == "," and indicative_contrast(doc, j + 1, stop):
                return j  # "…, doch die Richterin ließ sich nicht darauf ein": the narrator
        if text == ";":
            return j
    return stop


def conjunction_after_apposition(doc: Doc, first: int, stop: int) -> int | None:
    """The ``dass``/``ob`` that follows a short verbless apposition opening at ``first``
    (``Radio X, dass …``, ``kurz „ABC“, dann offiziell, dass …``), or None."""
    has_name = False
    for j in range(first, min(stop - 1, first + 9)):
        tok = doc[j]
        if tok.text == "," and j > first and doc[j + 1].lower_ in CONTENT_SUBORDINATORS:
            return j + 1 if has_name else None
        if tok.text in (".", "!", "?", ":", ";") or tok.lower_ in CONTENT_CONJ:
            return None
        if tok.lower_ in AUXILIARIES or (tok.is_lower and is_finite_verb(tok.text)):
            return None
        has_name = has_name or tok.text[:1].isupper()
    return None


def opens_relative_clause(doc: Doc, i: int, stop: int) -> bool:
    """A preposition and a relative pronoun at ``i`` (``auf den die …``, ``mit denen``), not
    a preposition and an article (``mit dem Gesetz``); ``nach denen`` reports a source."""
    if i + 2 >= stop or doc[i].lower_ not in PREPOSITIONS or doc[i].lower_ == "nach":
        return False
    pronoun, following = doc[i + 1], doc[i + 2]
    if pronoun.lower_ not in RELATIVE_PRONOUNS:
        return False
    if pronoun.lower_ in OBLIQUE_RELATIVES or pronoun.lower_.startswith("welch"):
        return True
    return following.lower_ in ARTICLE_OR_RELATIVE or following.lower_ in THIRD_PERSON_SUBJECTS


def quoted_name_end(doc: Doc, i: int, stop: int) -> int:
    """After an article, a quote of one to four capitalised words (``der „Deutsche Bund“``)
    is a name: the index after its closing mark, else 0."""
    if doc[i - 1].lower_ not in ARTICLE_OR_RELATIVE and not doc[i - 1].text[:1].isupper():
        return 0
    for j in range(i + 1, min(stop, i + 6)):
        if doc[j].text in QUOTE_MARKS:
            inner = doc[i + 1 : j]
            ok = len(inner) > 0 and inner[0].text[:1].isupper()
            return j + 1 if ok and not any(t.is_punct and t.text != "-" for t in inner) else 0
    return 0


def indicative_contrast(doc: Doc, i: int, stop: int) -> bool:
    """``doch``/``aber``/``jedoch``/``sondern`` at ``i`` opens a main clause in the
    indicative (a finite verb within a few words, no Konjunktiv before the next punctuation)."""
    if i >= stop or doc[i].lower_ not in CONTRAST_CONJUNCTIONS:
        return False
    lexicon = load_lexicon()
    finite = False
    for k in range(i + 1, min(stop, i + MAX_CONTRAST_WORDS)):
        tok = doc[k]
        if tok.is_punct:
            break
        if is_subjunctive(tok, lexicon):
            return False
        finite = finite or tok.lower_ in AUXILIARIES or (tok.is_lower and is_verb_form(tok.text))
    return finite


def opens_noun_phrase(doc: Doc, i: int, end: int) -> bool:
    """After an article: a noun, or adjectives then a noun (``die USA``, ``der neue Plan``)."""
    for j in range(i, min(end, i + 3)):
        text = doc[j].text
        if text[:1].isupper():
            return True
        if not (text.islower() and text.endswith(("e", "en", "er", "es", "em"))):
            return False
    return False


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation, quote marks and space tokens at both ends, but keep the closing mark
    of a quote opened inside (``vor den „Träumen der Arbeitgeber”``)."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    texts = token_texts(doc)
    if end < len(doc) and texts[end] == ENGLISH_CLOSER:
        # the German closer "“" is restored with the statement's text; this one is not
        opened = sum(1 for t in texts[start:end] if t == "„")
        closed = sum(1 for t in texts[start:end] if t in "“”")
        if opened > closed:
            end += 1
    return start, end
