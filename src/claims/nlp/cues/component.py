"""Speech cues (``claims_cues``): speech verbs, speech nouns and source markers.

Candidates are found with one vectorised lookup of the lower-cased token hashes against the cue
word forms, so only cue candidates are visited in Python. A separable verb counts only with its
particle at the clause end (``räumte … ein``, ``wies darauf hin``).
"""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claims.nlp import extensions as _ext  # noqa: F401
from claims.nlp.cues.markers import (
    CLAUSE_END,
    CLOSING_QUOTES,
    SENTENCE_END,
    NachNouns,
    heisst_es,
    nach_marker,
    preposition_marker,
    so_marker,
    subjunctive_after,
)
from claims.nlp.extensions import member_mask, set_span_attr, span_attr
from claims.nlp.lexicon import Lexicon, load_lexicon
from claims.nlp.located import Located, span_range
from claims.nlp.words import word_set

PARTICLE_FOLLOWERS = word_set("particle_followers")
MARKER_CUE_WORDS = word_set("marker_cue_words")
MARKER_POSTPOSITIONS = word_set("marker_postpositions")
DETERMINERS = word_set("determiners")
_NOT_CUE_FORMS = word_set("not_cue_forms")
EXPLAINING_COPULAS = word_set("explaining_copulas")
PARENTHESIS_OPENERS = frozenset("(–—-,")
# verbs that mean something else with a reflexive pronoun: "sah sich gezwungen",
# "hält sich zurück", "erinnert sich an den Tag"
NOT_REFLEXIVE = word_set("not_reflexive_verbs")
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
MAX_PARTICLE_DISTANCE = 40
MAX_CORRELATE_DISTANCE = 4
HEISSEN_FORMS = word_set("heissen_forms")
SEIN_FORMS = word_set("sein_forms")
MODAL_FILLERS = word_set("modal_fillers")
MAX_REFLEXIVE_DISTANCE = 6


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
        self.nach = NachNouns.of(markers)
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
            return preposition_marker(doc, i, self._make)
        if low in self.marker_adverbs:
            # "Demnach sind …": only opening a sentence, before its verb; read like "so" (a
            # source adverb with no source phrase of its own: none is looked for after it)
            if tok.is_sent_start and i + 1 < len(doc) and doc[i + 1].is_lower:
                if subjunctive_after(doc, i, self.lexicon):
                    return None  # "Demnach seien …": a Konjunktiv continuation of a report
                return self._make(doc, i, i + 1, "marker", "so", ("sentence",))
            return None
        if low == "nach":
            return nach_marker(doc, i, self.nach, self._make)
        if low in HEISSEN_FORMS:
            return heisst_es(doc, i, self._make)
        if low == "so":
            return so_marker(doc, i, self.lexicon, self._make)
        if text in self.lexicon.nouns:
            if (
                text in self.nach.nouns
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


@Language.factory("claims_cues", assigns=["doc.spans"])
def make_cues(nlp: Language, name: str) -> CueFinder:
    return CueFinder(nlp.vocab, load_lexicon())
