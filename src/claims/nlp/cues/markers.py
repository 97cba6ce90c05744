"""Source markers and the impersonal ``es heißt`` (part of ``claims_cues``).

``laut X``, ``gemäß X``, ``X zufolge``, ``nach Angaben von X``, ``seinen Angaben nach`` and ``…,
so X.`` make a whole sentence someone's report; ``In der Erklärung heißt es, …`` reports with
the place it names. Each finder takes the token index of its word and the cue finder's ``make``
(which sets the cue's attributes) and returns the cue span or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from claims.nlp.cues.sourcewords import adjective_before_noun, capitalised_word, names_a_source
from claims.nlp.extensions import set_span_attr
from claims.nlp.grammar.mood import is_subjunctive
from claims.nlp.lexicon import Lexicon, MarkerEntry
from claims.nlp.quotes.marks import OPENING_QUOTES
from claims.nlp.words import word_set

#: ``make(doc, start, end, cue_type, lemma, content)``: the cue span with its attributes
Make = Callable[[Doc, int, int, str, str, tuple[str, ...] | None], Span]

SENTENCE_END = frozenset(".!?;:")
CLAUSE_END = frozenset(',.;:!?()–—"“”„»«')
DETERMINERS = word_set("determiners")
MARKER_DEMONSTRATIVES = word_set("marker_demonstratives")
POSSESSIVE_OR_OWN = word_set("possessive_or_own")
DEGREE_ADVERBS = word_set("degree_adverbs")
LOWER_CASE_AGENCIES = word_set("lower_case_agencies")
NOMINATIVE_ACCUSATIVE = word_set("nominative_accusative_determiners")
NORM_NOUNS = word_set("norm_nouns")
# prepositions of the place where "es heißt" ("in der Erklärung", "aus dem Ministerium")
SOURCE_PREPOSITIONS = word_set("source_prepositions")
MAX_PLACE_BEFORE = 10
# a site named by its address, written in lower case ("laut spiegel.de")
WEB_ADDRESS = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,4}$")
CLOSING_QUOTES = frozenset('“”"«»')
QUOTE_OPENERS = frozenset('„"»«‚')
QUOTE_CLOSERS = frozenset('“”"»«‘’')
MAX_SO_CLAUSE = 25  # tokens back from a parenthetical ", so X," to its subjunctive verb


@dataclass(frozen=True)
class NachNouns:
    """The nouns of ``nach`` markers (``nach Angaben``), those of an opinion among them, and the
    longer ones that may end a compound (``Polizeiangaben``)."""

    nouns: frozenset[str]
    opinion: frozenset[str]
    suffixes: tuple[str, ...]

    @classmethod
    def of(cls, markers: MarkerEntry) -> NachNouns:
        nouns = frozenset(markers.nach_nouns) | frozenset(markers.opinion_nouns)
        # compounds end in the longer nouns only ("Polizeiangaben", not "…sicht")
        suffixes = tuple(sorted((n for n in nouns if len(n) > 6), key=len))
        return cls(nouns, frozenset(markers.opinion_nouns), suffixes)

    def noun_of(self, text: str) -> str | None:
        """The marker noun a word is or ends in (``Polizeiangaben`` -> ``Angaben``)."""
        if text in self.nouns:
            return text
        if not text[:1].isupper():
            return None
        low = text.lower()
        return next((n for n in self.suffixes if low.endswith(n.lower())), None)


def preposition_marker(doc: Doc, i: int, make: Make) -> Span | None:
    """``laut X``, ``gemäß X`` (a preposition before its source) and ``X zufolge``."""
    low = doc[i].lower_
    if low == "zufolge":
        if i == 0 or doc[i - 1].is_punct or doc[i - 1].is_space:
            return None
        return make(doc, i, i + 1, "marker", "zufolge", ("sentence",))
    if i + 1 >= len(doc):
        return None
    nxt = doc[i + 1]
    if low == "gemäß" and any(t.text in NORM_NOUNS for t in doc[i + 1 : i + 5]):
        return None  # "gemäß den Vorschriften": in accordance with a rule
    if (
        (nxt.lower_ in DETERMINERS and nxt.lower_ not in NOMINATIVE_ACCUSATIVE)
        or nxt.lower_ in MARKER_DEMONSTRATIVES  # "laut dieser Studie"
        or capitalised_word(nxt.text)  # "laut Karl-Heinz Weber"
        or nxt.text in LOWER_CASE_AGENCIES  # "laut dpa"
        or WEB_ADDRESS.match(nxt.text) is not None  # "laut tagesschau.de"
        or adjective_before_noun(doc, i)  # "laut örtlichen Medien"
        or (  # "laut „Spiegel“"
            nxt.text in OPENING_QUOTES and i + 2 < len(doc) and doc[i + 2].text[:1].isupper()
        )
    ):
        if i and doc[i - 1].lower_ in DEGREE_ADVERBS:
            return None  # the adjective: "sehr laut"
        return make(doc, i, i + 1, "marker", "laut", ("sentence",))
    return None


def nach_marker(doc: Doc, i: int, nouns: NachNouns, make: Make) -> Span | None:
    """``nach Angaben (von X)``, ``nach eigenen Angaben``, ``nach seinen Worten``, and the
    postposition: ``seinen Angaben nach``, ``dem Vernehmen nach``."""
    for j in range(i + 1, min(len(doc), i + 4)):
        noun = nouns.noun_of(doc[j].text)
        if noun is not None:
            if not names_a_source(doc, i, j, noun):
                return None
            span = make(doc, i, j + 1, "marker", "nach", ("sentence",))
            set_span_attr(span, "opinion", noun in nouns.opinion)
            return span
        if not doc[j].is_alpha or doc[j].text[:1].isupper():
            break
    noun = nouns.noun_of(doc[i - 1].text) if i >= 1 else None
    if noun is None:
        return None
    if i >= 2 and (doc[i - 2].lower_ in POSSESSIVE_OR_OWN or doc[i - 2].lower_ in DETERMINERS):
        start = i - 2
    elif i < 2 or doc[i - 2].is_punct or doc[i - 1].is_sent_start:
        start = i - 1  # "Medienberichten nach"
    else:
        return None
    span = make(doc, start, i + 1, "marker", "nach", ("sentence",))
    set_span_attr(span, "opinion", noun in nouns.opinion)
    return span


def heisst_es(doc: Doc, i: int, make: Make) -> Span | None:
    """``In der Erklärung heißt es, …``, ``…, hieß es aus dem Ministerium``: an impersonal
    ``es heißt`` with the place it comes from reports (``Der Ort heißt Lindau`` names; a bare
    ``es heißt`` goes on from the report before, see the free indirect speech)."""
    if "es" not in {doc[k].lower_ for k in (i - 1, i + 1) if 0 <= k < len(doc)}:
        return None
    lo = i
    while lo > 0 and i - lo < MAX_PLACE_BEFORE and not doc[lo].is_sent_start:
        if doc[lo - 1].text in CLAUSE_END:
            break
        lo -= 1
    after = doc[i + 1 : i + 3]
    if not any(t.lower_ in SOURCE_PREPOSITIONS for t in [*doc[lo:i], *after]):
        return None
    return make(doc, i, i + 1, "verb", "heißen", ("clause", "quote"))


def so_marker(doc: Doc, i: int, lexicon: Lexicon, make: Make) -> Span | None:
    """``…, so Putin.``, ``…, so der Sprecher weiter.``, ``…, so X, Chef des Y.`` at the end of
    a sentence, and ``, so X,`` between the parts of a quote or inside a Konjunktiv report."""
    if (
        i == 0
        or i + 1 >= len(doc)
        or not (doc[i - 1].text == "," or doc[i - 1].text in CLOSING_QUOTES)  # "„…“ so X."
    ):
        return None
    nxt = doc[i + 1]
    if not (nxt.text[:1].isupper() or nxt.lower_ in DETERMINERS):
        return None
    commas = 0
    for j in range(i + 1, min(len(doc), i + 20)):
        tok = doc[j]
        if tok.text in (".", "!", "?", ";") or tok.is_space or tok.text in '“”"»«':
            return make(doc, i, i + 1, "marker", "so", ("sentence",))
        if tok.text == ":" and subjunctive_before(doc, i, lexicon):
            # "Die Lage sei ernst, so X weiter: „…“": it ends the report before it
            return make(doc, i, i + 1, "marker", "so", ("sentence",))
        if (tok.is_sent_start and j > i + 1) or tok.text == ":":
            return None  # ", so X weiter: „…“" introduces the quote: not a marker here
        if tok.text == ",":
            # one apposition may follow the name: ", so X, Präsident des Y."
            after = doc[j + 1] if j + 1 < len(doc) else tok
            commas += 1
            if _around_quote(doc, i, j) or subjunctive_before(doc, i, lexicon):
                # "„A“, so X, „B“": a parenthetical between the parts of a quote;
                # "Die Lage sei, so X, ernst": inside a report in the subjunctive
                return make(doc, i, i + 1, "marker", "so", ("sentence",))
            if commas > 1 or not (after.text[:1].isupper() or after.lower_ in DETERMINERS):
                return None
    return None


def subjunctive_after(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    """A verb in the subjunctive between ``i`` and the end of its sentence."""
    for k in range(i + 1, len(doc)):
        if doc[k].is_sent_start or doc[k].text in SENTENCE_END:
            return False
        if is_subjunctive(doc[k], lexicon):
            return True
    return False


def subjunctive_before(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    """A verb in the subjunctive between the sentence start and ``so`` at ``i``."""
    for k in range(i - 1, max(-1, i - MAX_SO_CLAUSE), -1):
        if doc[k].text in (".", "!", "?", ":", ";"):
            return False
        if is_subjunctive(doc[k], lexicon):
            return True
        if doc[k].is_sent_start:
            return False
    return False


def _around_quote(doc: Doc, i: int, j: int) -> bool:
    """``, so X,`` (``so`` at ``i``, the closing comma at ``j``) right after a quote or right
    before one."""
    before = doc[i - 2].text if i >= 2 else ""
    after = doc[j + 1].text if j + 1 < len(doc) else ""
    return before[-1:] in QUOTE_CLOSERS or after[:1] in QUOTE_OPENERS
