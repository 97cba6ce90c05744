"""Lemma term patterns: data-defined slots matched with a spaCy ``Matcher`` inside one clause.

German word order is free, so a pattern is not a token sequence but a set of *slots* that must
all occur in one clause (or sentence), in any order: ``[[schicken, entsenden], [soldat, truppe]]``
matches "wir schicken keine Soldaten" and "Soldaten werden wir nicht entsenden". A slot
alternative is one or more words (consecutive tokens: "zur verfügung"); a word may start or end
with ``*`` ("*krieg" matches "Angriffskrieg", "verwundet*" matches "Verwundeten"), or be a raw
spaCy ``Matcher`` token pattern (a list of dicts).

Every token gets *keys*: its lower-case text, its lookup lemma, a crude stem, the tail of a
hyphenated compound and, for a clause-final separable particle, particle + verb ("mischen ...
ein" -> "einmischen"). Pattern words are expanded the same way, so the lookup lemmatizer's gaps
("schicken" -> "schick") cancel out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import spacy
from pydantic import BaseModel, ConfigDict, Field, field_validator
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from claims.rules import lexicon
from claims.rules.clauses import KEYS, KEYSTR, Analysis, clause_bounds, keys_of

Alternative = str | list[dict[str, Any]]


class TermPattern(BaseModel):
    """Slots that must all occur in one clause (or sentence), in any order."""

    model_config = ConfigDict(extra="forbid")

    terms: list[list[Alternative]] = Field(min_length=1)
    none: list[str] = Field(
        default_factory=list, description="Terms that block the pattern in the same scope."
    )
    scope: Literal["clause", "sentence"] = "clause"

    @field_validator("terms")
    @classmethod
    def _slots_not_empty(cls, value: list[list[Alternative]]) -> list[list[Alternative]]:
        for slot in value:
            if not slot:
                raise ValueError("a slot needs at least one term")
            for alt in slot:
                if isinstance(alt, str) and not alt.strip():
                    raise ValueError("empty term")
        return value


def stem(word: str) -> str:
    """Strip one inflectional ending so "Luftangriffe" and "Luftangriff" share a key."""
    for ending in lexicon.ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def infinitive(word: str) -> str:
    """A guess at the infinitive of a finite verb form ("habe" -> "haben", "hält" stays)."""
    for ending in ("est", "et", "st", "en", "e", "t"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)] + "en"
    return word + "en"


def base_keys(text: str, lemma: str) -> set[str]:
    lower = text.lower()
    keys = {lower, lemma.lower(), stem(lower), stem(lemma.lower())}
    if "-" in lower.strip("-"):
        tail = lower.rsplit("-", 1)[1]
        keys |= {tail, stem(tail)}
    for particle in lexicon.PARTICLES:
        # zu-infinitive of a separable verb: "einzumischen" -> "einmischen"
        infix = particle + "zu"
        if lower.startswith(infix) and len(lower) - len(infix) >= 4:
            keys.add(particle + lower[len(infix) :])
    keys.discard("")
    return keys


@Language.factory("claims_token_keys", assigns=[f"token._.{KEYS}", f"token._.{KEYSTR}"])
def make_token_keys(nlp: Language, name: str) -> TokenKeys:
    return TokenKeys()


class TokenKeys:
    """Give every token its match keys (see module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc: Doc) -> list[set[str]]:
        keys = [base_keys(t.text, t.lemma_) for t in doc]
        segments: list[list[Token]] = []
        for start, end in clause_bounds(doc):
            segments.append([])
            for token in doc[start:end]:
                if token.lower_ in lexicon.COORDINATORS:
                    segments.append([])
                elif not token.is_punct:
                    segments[-1].append(token)
        for words in segments:
            if len(words) < 2 or words[-1].lower_ not in lexicon.PARTICLES:
                continue
            particle = words[-1].lower_
            for token in words[:-1]:
                if token.text[:1].islower() and token.is_alpha and len(token) >= 3:
                    forms = {token.lower_, token.lemma_.lower(), infinitive(token.lower_)}
                    keys[token.i] |= {particle + form for form in forms}
        return keys

    def set_annotations(self, doc: Doc, keys: list[set[str]]) -> Doc:
        for token, token_keys in zip(doc, keys, strict=True):
            ordered = tuple(sorted(token_keys))
            token._.set(KEYS, ordered)
            token._.set(KEYSTR, "|" + "|".join(ordered) + "|")
        return doc


def build_nlp() -> Language:
    """A blank German pipeline with the lookup lemmatizer and the key component."""
    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("claims_token_keys")
    nlp.initialize()
    return nlp


def _lookup(nlp: Language) -> Callable[[str], str]:
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]

    def lemma(word: str) -> str:
        return str(table.get(word, table.get(word.capitalize(), word)))

    return lemma


@dataclass(frozen=True)
class WordSpec:
    """One pattern word: a set of exact keys, or a regex over the token's key string."""

    exact: frozenset[str] = frozenset()
    regex: re.Pattern[str] | None = None


def word_spec(word: str, lemma: Callable[[str], str]) -> WordSpec:
    """The keys (or the wildcard regex) one pattern word matches."""
    word = word.lower()
    if word.startswith("*") or word.endswith("*"):
        core = "|".join(sorted({re.escape(word.strip("*")), re.escape(stem(word.strip("*")))}))
        left = r"[^|]*" if word.startswith("*") else ""
        right = r"[^|]*" if word.endswith("*") else ""
        return WordSpec(regex=re.compile(rf"\|{left}(?:{core}){right}\|"))
    return WordSpec(
        exact=frozenset({word, stem(word), lemma(word).lower(), stem(lemma(word).lower())})
    )


class SlotMatcher:
    """Compile many owners' patterns once; report which patterns hit in which unit.

    String terms are found through an index from token keys to pattern words (one dict look-up
    per key, plus the wildcard regexes); raw token patterns (lists of dicts) go to a spaCy
    ``Matcher``.
    """

    def __init__(self, nlp: Language, owners: Iterable[tuple[str, Sequence[TermPattern]]]) -> None:
        self.nlp = nlp
        self.matcher = Matcher(nlp.vocab)
        self.patterns: dict[str, list[TermPattern]] = {}
        # a word of an alternative: (label, alternative number, position, alternative length)
        self.exact: dict[str, list[tuple[str, int, int, int]]] = defaultdict(list)
        self.wildcards: list[tuple[re.Pattern[str], tuple[str, int, int, int]]] = []
        lemma = _lookup(nlp)
        alt_number = 0
        for owner, patterns in owners:
            self.patterns[owner] = list(patterns)
            for p_index, pattern in enumerate(patterns):
                slots: list[tuple[str, Sequence[Alternative]]] = [
                    (str(s_index), slot) for s_index, slot in enumerate(pattern.terms)
                ]
                if pattern.none:
                    slots.append(("none", pattern.none))
                for slot_name, alternatives in slots:
                    label = f"{owner}\x1f{p_index}\x1f{slot_name}"
                    for alt in alternatives:
                        alt_number += 1
                        if not isinstance(alt, str):
                            self.matcher.add(label, [alt])
                            continue
                        words = alt.split()
                        for position, word in enumerate(words):
                            spec = word_spec(word, lemma)
                            entry = (label, alt_number, position, len(words))
                            if spec.regex is not None:
                                self.wildcards.append((spec.regex, entry))
                            for key in spec.exact:
                                self.exact[key].append(entry)

    def _term_hits(self, doc: Doc) -> list[tuple[str, int]]:
        """(label, start token) of every string term found in the doc."""
        at: list[set[tuple[str, int, int, int]]] = []
        for token in doc:
            entries = {e for key in keys_of(token) for e in self.exact.get(key, ())}
            keystr = token._.get(KEYSTR) or f"|{token.lower_}|"
            entries.update(e for rx, e in self.wildcards if rx.search(keystr))
            at.append(entries)
        hits = []
        for i, entries in enumerate(at):
            for label, alt, position, length in entries:
                if position != 0 or i + length > len(doc):
                    continue
                if all((label, alt, p, length) in at[i + p] for p in range(1, length)):
                    hits.append((label, i))
        return hits

    def match(self, doc: Doc, analysis: Analysis) -> dict[str, list[list[int]]]:
        """For each owner, the hits: token indexes of one match of all slots in one unit."""
        found: dict[tuple[str, int, str], list[int]] = defaultdict(list)
        raw = (
            [(self.nlp.vocab.strings[m], start) for m, start, _ in self.matcher(doc)]
            if len(self.matcher)
            else []
        )
        for label, start in self._term_hits(doc) + raw:
            owner, number, slot = label.split("\x1f")
            found[(owner, int(number), slot)].append(start)
        result: dict[str, list[list[int]]] = defaultdict(list)
        for owner, patterns in self.patterns.items():
            for p_index, pattern in enumerate(patterns):
                units = analysis.clauses if pattern.scope == "clause" else analysis.sentences
                locate = analysis.clause_of if pattern.scope == "clause" else analysis.sentence_of
                per_unit: dict[int, dict[int, int]] = defaultdict(dict)
                for s_index in range(len(pattern.terms)):
                    for token_i in found.get((owner, p_index, str(s_index)), []):
                        per_unit[locate(token_i)].setdefault(s_index, token_i)
                blocked = {locate(i) for i in found.get((owner, p_index, "none"), [])}
                for unit_index, slots in sorted(per_unit.items()):
                    if unit_index < 0 or unit_index in blocked or len(slots) < len(pattern.terms):
                        continue
                    if units[unit_index].end <= units[unit_index].start:
                        continue
                    result[owner].append(sorted(slots.values()))
        return result
