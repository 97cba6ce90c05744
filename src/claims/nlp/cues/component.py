"""Speech cues (``claims_cues``): speech verbs, speech nouns and source markers.

Candidates are found with one vectorised lookup of the lower-cased token hashes against the cue
word forms, so only cue candidates are visited in Python. A separable verb counts only with its
particle at the clause end (``räumte … ein``, ``wies darauf hin``).
"""

from __future__ import annotations

import re

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claims.nlp import extensions as _ext  # noqa: F401
from claims.nlp.cues.sourcewords import adjective_before_noun, capitalised_word, names_a_source
from claims.nlp.extensions import member_mask, set_span_attr, span_attr
from claims.nlp.grammar.mood import is_subjunctive
from claims.nlp.lexicon import Lexicon, load_lexicon
from claims.nlp.located import Located, span_range
from claims.nlp.quotes.marks import OPENING_QUOTES
from claims.nlp.words import word_set

SENTENCE_END = frozenset(".!?;:")
CLAUSE_END = frozenset(',.;:!?()–—"“”„»«')
PARTICLE_FOLLOWERS = word_set("particle_followers")
MARKER_CUE_WORDS = word_set("marker_cue_words")
MARKER_POSTPOSITIONS = word_set("marker_postpositions")
DETERMINERS = word_set("determiners")
MARKER_DEMONSTRATIVES = word_set("marker_demonstratives")
QUOTE_OPENERS = frozenset('„"»«‚')
QUOTE_CLOSERS = frozenset('“”"»«‘’')


POSSESSIVE_OR_OWN = word_set("possessive_or_own")


_NOT_CUE_FORMS = word_set("not_cue_forms")
EXPLAINING_COPULAS = word_set("explaining_copulas")
PARENTHESIS_OPENERS = frozenset("(–—-,")
# verbs that mean something else with a reflexive pronoun: "sah sich gezwungen",
# "hält sich zurück", "erinnert sich an den Tag"
NOT_REFLEXIVE = word_set("not_reflexive_verbs")
# "sehr laut" is the adjective
DEGREE_ADVERBS = word_set("degree_adverbs")
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
MAX_PARTICLE_DISTANCE = 40
MAX_CORRELATE_DISTANCE = 4
LOWER_CASE_AGENCIES = word_set("lower_case_agencies")
NOMINATIVE_ACCUSATIVE = word_set("nominative_accusative_determiners")
HEISSEN_FORMS = word_set("heissen_forms")
SEIN_FORMS = word_set("sein_forms")
MODAL_FILLERS = word_set("modal_fillers")
# prepositions of the place where "es heißt" ("in der Erklärung", "aus dem Ministerium")
SOURCE_PREPOSITIONS = word_set("source_prepositions")
MAX_PLACE_BEFORE = 10
NORM_NOUNS = word_set("norm_nouns")
# a site named by its address, written in lower case ("laut spiegel.de")
WEB_ADDRESS = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,4}$")
CLOSING_QUOTES = frozenset('“”"«»')
MAX_REFLEXIVE_DISTANCE = 6
MAX_SO_CLAUSE = 25  # tokens back from a parenthetical ", so X," to its subjunctive verb


def _explains(doc: Doc, i: int) -> bool:
    """``– gemeint ist das Russische –``, ``(gesagt sind damit …)``: a participle and a copula
    opening an inserted clause explain a word; nobody speaks."""
    return (
        0 < i < len(doc) - 1
        and doc[i - 1].text in PARENTHESIS_OPENERS
        and doc[i + 1].lower_ in EXPLAINING_COPULAS
    )


def _is_clause_end(token: Token) -> bool:
    return bool(token.is_space or token.text in CLAUSE_END or token.is_sent_start)


def _find_particle(doc: Doc, i: int, particles: tuple[tuple[str, str], ...]) -> tuple[int, str]:
    """Index and lemma of the separable particle closing the clause of the verb at ``i``."""
    limit = min(len(doc), i + MAX_PARTICLE_DISTANCE)
    wanted = {p: lemma for p, lemma in particles}
    for j in range(i + 1, limit):
        tok = doc[j]
        if tok.is_sent_start or tok.is_space or tok.text in SENTENCE_END:
            break  # commas are crossed: "schrieb X das Scheitern, das …, der Ukraine zu"
        lemma = wanted.get(tok.lower_)
        if lemma is not None and (
            j + 1 >= len(doc)
            or _is_clause_end(doc[j + 1])
            or doc[j + 1].lower_ in PARTICLE_FOLLOWERS
        ):
            return j, lemma
    return -1, ""


class CueFinder:
    """Puts speech cues into ``doc.spans["cues"]``."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        markers = lexicon.markers
        self.marker_words = {w.lower() for w in [*markers.prepositions, *markers.postpositions]}
        self.marker_adverbs = frozenset(w.lower() for w in markers.adverbs)
        self.nach_nouns = frozenset(markers.nach_nouns) | frozenset(markers.opinion_nouns)
        self.opinion_nouns = frozenset(markers.opinion_nouns)
        # compounds end in the longer nouns only ("Polizeiangaben", not "…sicht")
        self.nach_suffixes = tuple(sorted((n for n in self.nach_nouns if len(n) > 6), key=len))
        words = (
            {f for f in lexicon.forms if f not in _NOT_CUE_FORMS}
            | {n.lower() for n in lexicon.nouns}
            | self.marker_words
            | self.marker_adverbs
            | MARKER_CUE_WORDS
            | HEISSEN_FORMS
        )
        self.hashes = np.asarray(sorted(vocab.strings.add(w) for w in words), dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Span]:
        if not len(doc):
            return []
        lowers = doc.to_array("LOWER").astype(np.uint64)
        candidates = np.nonzero(member_mask(lowers, self.hashes))[0]
        found: list[Span] = []
        last_end = -1
        for i in candidates.tolist():
            if i < last_end:
                continue
            span = self._cue_at(doc, i)
            if span is not None:
                found.append(span)
                last_end = span.end
        return found

    def _cue_at(self, doc: Doc, i: int) -> Span | None:
        tok = doc[i]
        low = tok.lower_
        text = tok.text
        if low in self.marker_words:
            return self._preposition_marker(doc, i)
        if low in self.marker_adverbs:
            # "Demnach sind …": only opening a sentence, before its verb; read like "so" (a
            # source adverb with no source phrase of its own: none is looked for after it)
            if tok.is_sent_start and i + 1 < len(doc) and doc[i + 1].is_lower:
                if self._subjunctive_after(doc, i):
                    return None  # "Demnach seien …": a Konjunktiv continuation of a report
                return self._make(doc, i, i + 1, "marker", "so", ("sentence",))
            return None
        if low == "nach":
            return self._nach_marker(doc, i)
        if low in HEISSEN_FORMS:
            return self._heisst_es(doc, i)
        if low == "so":
            return self._so_marker(doc, i)
        if text in self.lexicon.nouns:
            if (
                text in self.nach_nouns
                and i + 1 < len(doc)
                and doc[i + 1].lower_ in MARKER_POSTPOSITIONS
            ):
                return None  # "seinen Angaben nach": a marker
            return self._make(doc, i, i + 1, "noun", text, ("clause", "quote"))
        info = self.lexicon.forms.get(low)
        if info is None or low in _NOT_CUE_FORMS or _explains(doc, i):
            return None
        if info.full is not None and _modal_infinitive(doc, i, info.full):
            return None  # "Korrekturen seien nicht auszuschließen": what is possible
        if i + 1 < len(doc) and doc[i + 1].lower_ in self.marker_words:
            return None  # "Berichten zufolge": the noun of a source marker
        if not (text[:1].islower() or tok.is_sent_start or (i and doc[i - 1].is_punct)):
            return None  # a capitalised noun such as "Klagen", "Sagen"
        if _attributive(doc, i):
            return None  # "die allgemein erwartete Offensive": a participle used as adjective
        if info.separable:
            if i and doc[i - 1].lower_ in dict(info.separable):
                # "deutlich gemacht", "bekannt gegeben": particle written apart before the verb
                lemma = dict(info.separable)[doc[i - 1].lower_]
                span = self._make(doc, i - 1, i + 1, "verb", lemma, None)
                return span
            j, lemma = _find_particle(doc, i, info.separable)
            if j >= 0 and self._has_correlate(doc, lemma, i + 1, j):
                span = self._make(doc, i, i + 1, "verb", lemma, None)
                set_span_attr(span, "particle", (doc[j].idx, doc[j].idx + len(doc[j])))
                set_span_attr(
                    span,
                    "cue",
                    Located(
                        f"{text} {doc[j].text}", (span_range(span), span_attr(span, "particle"))
                    ),
                )
                return span
        if info.full is None:
            return None
        if info.full in NOT_REFLEXIVE and i + 1 < len(doc) and doc[i + 1].lower_ == "sich":
            if i > 1 and doc[i - 1].text == "," and doc[i - 2].text in CLOSING_QUOTES:
                # "„…“, erinnerte sich X": right after a quote it reports that quote
                return self._make(doc, i, i + 1, "verb", info.full, ("quote",))
            return None  # "erinnert sich an den Tag", "sah sich gezwungen"
        if not self._has_correlate(doc, info.full, max(0, i - MAX_CORRELATE_DISTANCE), i):
            return None  # "dass er davon ausgeht" reports, "als das Licht ausging" does not
        if not self._reflexive_ok(doc, info.full, i):
            return None  # "zeigte sich zufrieden" reports, "die Umfrage zeigt" does not
        entry = self.lexicon.verbs.get(info.full)
        if (
            entry is not None
            and entry.after_quote
            and not (i > 1 and doc[i - 1].text == "," and doc[i - 2].text in CLOSING_QUOTES)
        ):
            return None  # "„…“, beginnt er" reports, "als die Arbeiten beginnen" does not
        return self._make(doc, i, i + 1, "verb", info.full, None)

    def _reflexive_ok(self, doc: Doc, lemma: str, i: int) -> bool:
        """A verb that reports only reflexively has ``sich`` next to it (``zeigte sich``,
        ``sich … zeigte``), within its sentence."""
        entry = self.lexicon.verbs.get(lemma)
        if entry is None or not entry.reflexive:
            return True
        for k in range(i + 1, min(len(doc), i + 3)):  # "zeigte sich", "zeigte X sich"
            if doc[k].text in ".!?:":
                break
            if doc[k].lower_ == "sich":
                return True
        for k in range(i - 1, max(-1, i - 1 - MAX_REFLEXIVE_DISTANCE), -1):  # "sich … zeigte"
            if doc[k].text in ".!?:":
                break
            if doc[k].lower_ == "sich":
                return True
        return False

    def _has_correlate(self, doc: Doc, lemma: str, start: int, end: int) -> bool:
        """Whether the pronominal adverb the verb needs (``davon`` of ``davon ausgehen``)
        stands in ``start``..``end`` without a sentence end between."""
        entry = self.lexicon.verbs.get(lemma)
        if entry is None or entry.correlate is None:
            return True
        # "geht von einem Unfall aus": the preposition of the complement stands for "davon"
        wanted = {entry.correlate, *entry.prepositions}
        return any(tok.lower_ in wanted for tok in doc[start:end])

    def _make(
        self,
        doc: Doc,
        start: int,
        end: int,
        cue_type: str,
        lemma: str,
        content: tuple[str, ...] | None,
    ) -> Span:
        span = doc[start:end]
        set_span_attr(span, "cue_type", cue_type)
        set_span_attr(span, "cue_lemma", lemma)
        set_span_attr(span, "cue", Located(span.text, (span_range(span),)))
        entry = self.lexicon.verbs.get(lemma)
        if content is None:
            content = tuple(entry.content) if entry else ("clause",)
        set_span_attr(span, "cue_content", content)
        set_span_attr(span, "opinion", bool(entry and entry.opinion))
        return span

    def _preposition_marker(self, doc: Doc, i: int) -> Span | None:
        low = doc[i].lower_
        if low == "zufolge":
            if i == 0 or doc[i - 1].is_punct or doc[i - 1].is_space:
                return None
            return self._make(doc, i, i + 1, "marker", "zufolge", ("sentence",))
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
            return self._make(doc, i, i + 1, "marker", "laut", ("sentence",))
        return None

    def _nach_noun(self, text: str) -> str | None:
        """The marker noun a word is or ends in (``Polizeiangaben`` -> ``Angaben``)."""
        if text in self.nach_nouns:
            return text
        if not text[:1].isupper():
            return None
        low = text.lower()
        return next((n for n in self.nach_suffixes if low.endswith(n.lower())), None)

    def _nach_marker(self, doc: Doc, i: int) -> Span | None:
        # "nach Angaben (von X)", "nach eigenen Angaben", "nach seinen Worten"
        for j in range(i + 1, min(len(doc), i + 4)):
            noun = self._nach_noun(doc[j].text)
            if noun is not None:
                if not names_a_source(doc, i, j, noun):
                    return None
                span = self._make(doc, i, j + 1, "marker", "nach", ("sentence",))
                set_span_attr(span, "opinion", noun in self.opinion_nouns)
                return span
            if not doc[j].is_alpha or doc[j].text[:1].isupper():
                break
        # "seinen Angaben nach", "eigenen Angaben nach", "dem Vernehmen nach"
        noun = self._nach_noun(doc[i - 1].text) if i >= 1 else None
        if noun is None:
            return None
        if i >= 2 and (doc[i - 2].lower_ in POSSESSIVE_OR_OWN or doc[i - 2].lower_ in DETERMINERS):
            start = i - 2
        elif i < 2 or doc[i - 2].is_punct or doc[i - 1].is_sent_start:
            start = i - 1  # "Medienberichten nach"
        else:
            return None
        span = self._make(doc, start, i + 1, "marker", "nach", ("sentence",))
        set_span_attr(span, "opinion", noun in self.opinion_nouns)
        return span

    def _heisst_es(self, doc: Doc, i: int) -> Span | None:
        """``In der Erklärung heißt es, …``, ``…, hieß es aus dem Ministerium``: an impersonal
        ``es heißt`` with the place it comes from reports (``Der Ort heißt Lindau`` names; a
        bare ``es heißt`` goes on from the report before, see the free indirect speech)."""
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
        return self._make(doc, i, i + 1, "verb", "heißen", ("clause", "quote"))

    def _so_marker(self, doc: Doc, i: int) -> Span | None:
        # ", so Putin." / ", so der Sprecher weiter." / ", so X, Chef des Y." at the end of a
        # sentence
        if (
            i == 0
            or i + 1 >= len(doc)
            or not (
                doc[i - 1].text == "," or doc[i - 1].text in CLOSING_QUOTES  # "„…“ so X."
            )
        ):
            return None
        nxt = doc[i + 1]
        if not (nxt.text[:1].isupper() or nxt.lower_ in DETERMINERS):
            return None
        commas = 0
        for j in range(i + 1, min(len(doc), i + 20)):
            tok = doc[j]
            if tok.text in (".", "!", "?", ";") or tok.is_space or tok.text in '“”"»«':
                return self._make(doc, i, i + 1, "marker", "so", ("sentence",))
            if tok.text == ":" and self._subjunctive_before(doc, i):
                # "Die Lage sei ernst, so X weiter: „…“": it ends the report before it
                return self._make(doc, i, i + 1, "marker", "so", ("sentence",))
            if (tok.is_sent_start and j > i + 1) or tok.text == ":":
                return None  # ", so X weiter: „…“" introduces the quote: not a marker here
            if tok.text == ",":
                # one apposition may follow the name: ", so X, Präsident des Y."
                after = doc[j + 1] if j + 1 < len(doc) else tok
                commas += 1
                if _around_quote(doc, i, j) or self._subjunctive_before(doc, i):
                    # "„A“, so X, „B“": a parenthetical between the parts of a quote;
                    # "Die Lage sei, so X, ernst": inside a report in the subjunctive
                    return self._make(doc, i, i + 1, "marker", "so", ("sentence",))
                if commas > 1 or not (after.text[:1].isupper() or after.lower_ in DETERMINERS):
                    return None
        return None

    def _subjunctive_after(self, doc: Doc, i: int) -> bool:
        """A verb in the subjunctive between ``i`` and the end of its sentence."""
        for k in range(i + 1, len(doc)):
            if doc[k].is_sent_start or doc[k].text in SENTENCE_END:
                return False
            if is_subjunctive(doc[k], self.lexicon):
                return True
        return False

    def _subjunctive_before(self, doc: Doc, i: int) -> bool:
        """A verb in the subjunctive between the sentence start and ``so`` at ``i``."""
        for k in range(i - 1, max(-1, i - MAX_SO_CLAUSE), -1):
            if doc[k].text in (".", "!", "?", ":", ";"):
                return False
            if is_subjunctive(doc[k], self.lexicon):
                return True
            if doc[k].is_sent_start:
                return False
        return False

    def set_annotations(self, doc: Doc, cues: list[Span]) -> None:
        doc.spans["cues"] = cues


def _modal_infinitive(doc: Doc, i: int, lemma: str) -> bool:
    """``ist nicht auszuschließen``, ``sei kaum zu erwarten``, ``auszuschließen sei``: a ``zu``
    infinitive right with ``sein`` (only adverbs between) says what can or must be, nobody
    speaks (not ``war es wichtig zu betonen``)."""
    low = doc[i].lower_
    zu = i - 1 if i and doc[i - 1].lower_ == "zu" else i
    if zu == i and not (low != lemma and low.replace("zu", "", 1) == lemma):
        return False
    if i + 1 < len(doc) and doc[i + 1].lower_ in SEIN_FORMS:
        return True
    k = zu - 1
    while k >= 0 and doc[k].lower_ in MODAL_FILLERS:
        k -= 1
    return k >= 0 and doc[k].lower_ in SEIN_FORMS


def _attributive(doc: Doc, i: int) -> bool:
    """A verb form with an adjective ending between an article (and adverbs) and a noun
    (``die erwarteten Ergebnisse``, ``der allgemein erwartete Angriff``) is a participle."""
    if i + 1 >= len(doc) or not doc[i].text.endswith(ADJECTIVE_ENDINGS):
        return False
    nxt = doc[i + 1]
    if not (nxt.text[:1].isupper() and nxt.is_alpha):
        return False
    j = i - 1
    while j >= 0 and i - j <= 3 and doc[j].is_lower and doc[j].lower_ not in DETERMINERS:
        j -= 1  # adverbs before the participle: "allgemein", "lange"
    if j < 0 or i - j > 3 or doc[j].lower_ not in DETERMINERS:
        return False
    # "Das bestätigte Vereinschef X", "…, die forderte …": a pronoun opening the clause
    return not (j == i - 1 and (doc[j].is_sent_start or j == 0 or doc[j - 1].is_punct))


def _around_quote(doc: Doc, i: int, j: int) -> bool:
    """``, so X,`` (``so`` at ``i``, the closing comma at ``j``) right after a quote or right
    before one."""
    before = doc[i - 2].text if i >= 2 else ""
    after = doc[j + 1].text if j + 1 < len(doc) else ""
    return before[-1:] in QUOTE_CLOSERS or after[:1] in QUOTE_OPENERS


@Language.factory("claims_cues", assigns=["doc.spans"])
def make_cues(nlp: Language, name: str) -> CueFinder:
    return CueFinder(nlp.vocab, load_lexicon())
