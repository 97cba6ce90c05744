"""Clauses and sentences of a text, with negation, conditions, hedges and quotations marked.

Sentences end at . ! ? before a capital, digit, quote or line break, and at line breaks
(headlines). Clauses end at commas, dashes, colons, brackets and quote marks. A clause is negated
by a negator (``nicht``, ``kein``, ``niemand``, ``nie``, ``weder``), a negating verb
(``ausschließen``) or a dismissing noun (``Lüge``); a negated bridge verb or negating verb
(``sich nicht vorstellen``, ``bestreiten``) extends the negation over the complement clause that
follows (``dass ...``, ``... zu tun``). ``nicht nur`` is additive, not a negation.

Sentence boundaries are found for the whole text (a pass over its line breaks and sentence
punctuation); clauses, negation, conditions and hedges only for the sentences a matcher asks
about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from claims.rules.lexicon import (
    ACCUSATIONS,
    ACCUSING_VERBS,
    ADDITIVE_AFTER_NICHT,
    BRIDGE_WORDS,
    COMPLEMENTIZERS,
    CONDITIONAL,
    CONDITIONAL_AFTER_RESTRICTIVE,
    DISMISSALS,
    DISMISSING_ADJECTIVES,
    HEDGES,
    LEXICAL_NEGATORS,
    NEGATORS,
    QUOTE_CHARS,
    QUOTE_PAIRS,
    REJECTION_OPENERS,
    REJECTION_PREDICATES,
    REJECTION_SUBJECTS,
    RESTRICTIVE,
)
from claims.rules.tokens import Tokens

_DOUBT = HEDGES | DISMISSALS
_BRIDGES = BRIDGE_WORDS | LEXICAL_NEGATORS
_STRONG_NEGATORS = LEXICAL_NEGATORS | DISMISSALS


def clause_bounds(tokens: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of the clauses in ``[start, end)``: split at commas, dashes, quotes, spaces."""
    lexes = tokens.lexes
    bounds: list[tuple[int, int]] = []
    first = start
    for i in range(start, end):
        if lexes[i].clause_break:
            if i > first:
                bounds.append((first, i))
            first = i + 1
    if end > first:
        bounds.append((first, end))
    return bounds


def sentence_bounds(tokens: Tokens) -> list[tuple[int, int]]:
    """Sentences: at . ! ? before a capital, quote or newline; at newlines (headlines)."""
    lexes = tokens.lexes
    n = len(lexes)
    bounds: list[tuple[int, int]] = []
    start = 0
    # only line breaks and sentence punctuation can end a sentence: visit just those
    for i in [i for i, lex in enumerate(lexes) if lex.may_end_sentence]:
        if lexes[i].newline:
            if i > start:
                bounds.append((start, i))
            start = i + 1
            continue
        last = i
        while last + 1 < n and lexes[last + 1].quote:
            last += 1
        nxt = lexes[last + 1] if last + 1 < n else None
        if nxt is None or nxt.is_space or nxt.text[:1].isupper() or nxt.text[:1].isdigit():
            bounds.append((start, last + 1))
            start = last + 1
    if start < n:
        bounds.append((start, n))
    return [(s, e) for s, e in bounds if any(not lexes[k].is_space for k in range(s, e))]


@dataclass(eq=False)
class Unit:
    """A clause or sentence of a text and what the analysis found in it."""

    start: int
    end: int
    negated: bool = False
    conditional: bool = False
    hedged: bool = False


def _clause_negated(tokens: Tokens, start: int, end: int) -> bool:
    lexes = tokens.lexes
    for i in range(start, end):
        keys = tokens.keys(i)
        if not keys.isdisjoint(_STRONG_NEGATORS):
            return True
        if keys.isdisjoint(NEGATORS):
            continue
        if (
            lexes[i].lower == "nicht"
            and i + 1 < len(lexes)
            and lexes[i + 1].lower in ADDITIVE_AFTER_NICHT
        ):
            continue
        return True
    return False


def _is_complement(tokens: Tokens, start: int, end: int) -> bool:
    words = [
        i
        for i in range(start, end)
        if not tokens.lexes[i].is_punct and not tokens.lexes[i].is_space
    ]
    if not words:
        return False
    if tokens.lexes[words[0]].lower in COMPLEMENTIZERS:
        return True
    # a zu-infinitive: "... zu töten" or "einzumischen" (whose keys hold "einmischen")
    lowers = [tokens.lexes[i].lower for i in words]
    return "zu" in lowers or any(
        lower.replace("zu", "", 1) in tokens.keys(i) and "zu" in lower[1:]
        for i, lower in zip(words, lowers, strict=True)
    )


def _sentence_conditional(tokens: Tokens, start: int, end: int) -> bool:
    lexes = tokens.lexes
    seen_restrictive = False
    for i in range(start, end):
        lower = lexes[i].lower
        if lower in CONDITIONAL:
            return True
        if lower == "sei" and i + 1 < end and lexes[i + 1].lower == "denn":
            return True
        if lower in RESTRICTIVE:
            seen_restrictive = True
        elif seen_restrictive and lower in CONDITIONAL_AFTER_RESTRICTIVE:
            return True
    return False


def analyse_sentence(tokens: Tokens, start: int, end: int) -> Unit:
    """A sentence with its condition and hedge flags."""
    sentence = Unit(start, end, conditional=_sentence_conditional(tokens, start, end))
    sentence.hedged = any(not tokens.keys(i).isdisjoint(_DOUBT) for i in range(start, end))
    return sentence


def analyse_clauses(tokens: Tokens, bounds: list[tuple[int, int]]) -> list[Unit]:
    """The clauses of one sentence with their negation (a negated bridge verb reaches on)."""
    units = [Unit(a, b, negated=_clause_negated(tokens, a, b)) for a, b in bounds]
    for current, following in pairwise(units):
        if (
            current.negated
            and any(
                not tokens.keys(i).isdisjoint(_BRIDGES) for i in range(current.start, current.end)
            )
            and _is_complement(tokens, following.start, following.end)
        ):
            following.negated = True
    keys = [tokens.keys(i) for i in range(bounds[0][0], bounds[-1][1])] if bounds else []
    if any(not k.isdisjoint(ACCUSATIONS) for k in keys) and any(
        not k.isdisjoint(DISMISSING_ADJECTIVES | DISMISSALS) for k in keys
    ):  # "Vorwürfe, Minsk sei beteiligt, seien haltlos": the whole sentence denies
        for unit in units:
            unit.negated = True
    return units


def accuses(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the sentence reports an accusation (a verb of accusing or an accusation noun)."""
    wanted = ACCUSING_VERBS | ACCUSATIONS
    return any(not tokens.keys(i).isdisjoint(wanted) for i in range(start, end))


#: Words before a rejection that do not change it ("Aber nein", "Doch das ist falsch").
_REJECTION_LEAD = frozenset({"aber", "doch", "und", "oh", "ach"})
#: A rejection is a short answer; a long sentence with "das" is something else.
_REJECTION_MAX_WORDS = 12


def rejects(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the sentence rejects the one before it ("Aber nein", "Das ist eine Lüge")."""
    words = [i for i in range(start, end) if not tokens.lexes[i].is_punct]
    lowers = [tokens.lexes[i].lower for i in words]
    first = next((w for w in lowers if w not in _REJECTION_LEAD), "")
    if first in REJECTION_OPENERS:
        return True
    if len(words) > _REJECTION_MAX_WORDS or REJECTION_SUBJECTS.isdisjoint(lowers):
        return False
    keys: set[str] = set().union(*(tokens.keys(i) for i in words))
    if not keys.isdisjoint(DISMISSING_ADJECTIVES | DISMISSALS):
        return True
    return not keys.isdisjoint(REJECTION_PREDICATES) and (
        "nichts" in lowers or not keys.isdisjoint(NEGATORS) or "falsch" in keys
    )


class Analysis:
    """Sentences and clauses of a text, each found and analysed on first request.

    Matchers ask where a token's unit starts (:meth:`sentence_index`, :meth:`clause_start`),
    which needs only the boundaries; negation, conditions and hedges are computed for the few
    units that hold a whole match (:meth:`sentence_at`, :meth:`clause_at`).
    """

    def __init__(self, tokens: Tokens) -> None:
        self.tokens = tokens
        self._bounds: list[tuple[int, int]] | None = None
        self._starts: list[int] = []
        self._clause_bounds: dict[int, list[tuple[int, int]]] = {}
        self._sentences: dict[int, Unit] = {}
        self._clauses: dict[int, list[Unit]] = {}

    @property
    def bounds(self) -> list[tuple[int, int]]:
        """Token ranges of the sentences."""
        if self._bounds is None:
            self._bounds = sentence_bounds(self.tokens)
            self._starts = [s for s, _ in self._bounds]
        return self._bounds

    def sentence_index(self, token_i: int) -> int:
        """Index of the sentence holding token ``token_i``; -1 between sentences."""
        bounds = self.bounds
        index = bisect_right(self._starts, token_i) - 1
        return index if index >= 0 and token_i < bounds[index][1] else -1

    def _clause_index(self, token_i: int) -> tuple[int, int]:
        sentence = self.sentence_index(token_i)
        if sentence < 0:
            return -1, -1
        bounds = self._clause_bounds.get(sentence)
        if bounds is None:
            bounds = self._clause_bounds[sentence] = clause_bounds(
                self.tokens, *self.bounds[sentence]
            )
        for index, (start, end) in enumerate(bounds):
            if start <= token_i < end:
                return sentence, index
        return sentence, -1

    def clause_start(self, token_i: int) -> int:
        """First token of the clause holding token ``token_i``; -1 for a clause break."""
        sentence, index = self._clause_index(token_i)
        return self._clause_bounds[sentence][index][0] if index >= 0 else -1

    def sentence_at(self, token_i: int) -> Unit | None:
        """The sentence holding token ``token_i``, with its flags (None between sentences)."""
        index = self.sentence_index(token_i)
        if index < 0:
            return None
        unit = self._sentences.get(index)
        if unit is None:
            unit = self._sentences[index] = analyse_sentence(self.tokens, *self.bounds[index])
        return unit

    def _clause_units(self, sentence: int) -> list[Unit]:
        units = self._clauses.get(sentence)
        if units is None:
            if sentence not in self._clause_bounds:
                self._clause_bounds[sentence] = clause_bounds(self.tokens, *self.bounds[sentence])
            units = self._clauses[sentence] = analyse_clauses(
                self.tokens, self._clause_bounds[sentence]
            )
            following = sentence + 1
            if (
                following < len(self.bounds)
                and accuses(self.tokens, *self.bounds[sentence])
                and rejects(self.tokens, *self.bounds[following])
            ):  # "Man wirft uns vor, X getan zu haben. Aber nein": X is denied
                for unit in units:
                    unit.negated = True
        return units

    def clause_at(self, token_i: int) -> Unit | None:
        """The clause holding token ``token_i``, with its negation (None for a clause break)."""
        sentence, index = self._clause_index(token_i)
        return self._clause_units(sentence)[index] if index >= 0 else None

    def last_clause(self) -> Unit | None:
        """The text's last clause."""
        for sentence in range(len(self.bounds) - 1, -1, -1):
            units = self._clause_units(sentence)
            if units:
                return units[-1]
        return None


def analyse(tokens: Tokens) -> Analysis:
    """Sentences and clauses of a text with negation and conditions, found on request."""
    return Analysis(tokens)


_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS))) + "\n]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges ``[open, close]`` (inclusive) of quotations: paired marks in one line."""
    spans: list[tuple[int, int]] = []
    closing: frozenset[str] | None = None
    opened = 0
    for match in _QUOTE_MARK.finditer(text):
        char, index = match.group(), match.start()
        if char == "\n":
            closing = None
        elif closing is not None:
            if char in closing:
                spans.append((opened, index))
                closing = None
        elif char in QUOTE_PAIRS:
            closing = QUOTE_PAIRS[char]
            opened = index
    return spans


class QuoteMask:
    """Whether a character offset lies inside a quotation (paired marks within one line)."""

    def __init__(self, text: str) -> None:
        spans = quoted_spans(text)
        self._opens = [start for start, _ in spans]
        self._closes = [end for _, end in spans]

    def __getitem__(self, offset: int) -> bool:
        index = bisect_right(self._opens, offset) - 1
        return index >= 0 and offset <= self._closes[index]


def quoted_mask(text: str) -> list[bool]:
    """Per character: inside a quotation (paired marks within one line)."""
    mask = [False] * len(text)
    for start, end in quoted_spans(text):
        mask[start : end + 1] = [True] * (end + 1 - start)
    return mask
