"""Clauses and sentences of a doc, with negation, conditions, hedges and quotations marked.

Sentences end at . ! ? before a capital, digit, quote or line break, and at line breaks
(headlines). Clauses end at commas, dashes, colons, brackets and quote marks. A clause is negated
by a negator (``nicht``, ``kein``, ``niemand``, ``nie``, ``weder``), a negating verb
(``ausschließen``) or a dismissing noun (``Lüge``); a negated bridge verb or negating verb
(``sich nicht vorstellen``, ``bestreiten``) extends the negation over the complement clause that
follows (``dass ...``, ``... zu tun``). ``nicht nur`` is additive, not a negation.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claims.rules import lexicon

KEYS = "claims_keys"
KEYSTR = "claims_keystr"
if not Token.has_extension(KEYS):
    Token.set_extension(KEYS, default=())
if not Token.has_extension(KEYSTR):
    Token.set_extension(KEYSTR, default="")


def clause_bounds(doc: Doc | Span) -> list[tuple[int, int]]:
    """Token index ranges (doc-relative) of clauses: split at commas, dashes, quotes, newlines."""
    bounds: list[tuple[int, int]] = []
    start = doc[0].i if len(doc) else 0
    end = start
    for token in doc:
        end = token.i + 1
        if (
            token.is_space
            or token.text in lexicon.CLAUSE_BREAKS
            or token.text in lexicon.QUOTE_CHARS
        ):
            if token.i > start:
                bounds.append((start, token.i))
            start = token.i + 1
    if end > start:
        bounds.append((start, end))
    return bounds


@dataclass
class Unit:
    """A clause or sentence of a doc and what the matcher found in it."""

    start: int
    end: int
    negated: bool = False
    conditional: bool = False
    hedged: bool = False


@dataclass
class Analysis:
    """Clauses with their negation, sentences with their conditions, and slot matches."""

    clauses: list[Unit]
    sentences: list[Unit]

    def clause_of(self, token_i: int) -> int:
        for index, clause in enumerate(self.clauses):
            if clause.start <= token_i < clause.end:
                return index
        return -1

    def sentence_of(self, token_i: int) -> int:
        for index, sentence in enumerate(self.sentences):
            if sentence.start <= token_i < sentence.end:
                return index
        return -1


def keys_of(token: Token) -> tuple[str, ...]:
    """The match keys of a token (its lower-case text when the key component did not run)."""
    return token._.get(KEYS) or (token.lower_,)


def _clause_negated(doc: Doc, start: int, end: int) -> bool:
    for token in doc[start:end]:
        keys = set(keys_of(token))
        if keys & (lexicon.LEXICAL_NEGATORS | lexicon.DISMISSALS):
            return True
        if not keys & lexicon.NEGATORS:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (
            token.lower_ == "nicht"
            and nxt is not None
            and nxt.lower_ in lexicon.ADDITIVE_AFTER_NICHT
        ):
            continue
        return True
    return False


def _is_complement(doc: Doc, start: int, end: int) -> bool:
    words = [t for t in doc[start:end] if not t.is_punct and not t.is_space]
    if not words:
        return False
    if words[0].lower_ in lexicon.COMPLEMENTIZERS:
        return True
    # a zu-infinitive: "... zu töten" or "einzumischen" (whose keys hold "einmischen")
    return any(t.lower_ == "zu" for t in words) or any(
        t.lower_.replace("zu", "", 1) in keys_of(t) and "zu" in t.lower_[1:] for t in words
    )


def _sentence_conditional(doc: Doc, start: int, end: int) -> bool:
    seen_restrictive = False
    tokens = doc[start:end]
    for index, token in enumerate(tokens):
        lower = token.lower_
        if lower in lexicon.CONDITIONAL:
            return True
        if lower == "sei" and index + 1 < len(tokens) and tokens[index + 1].lower_ == "denn":
            return True
        if lower in lexicon.RESTRICTIVE:
            seen_restrictive = True
        elif seen_restrictive and lower in lexicon.CONDITIONAL_AFTER_RESTRICTIVE:
            return True
    return False


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Sentences: at . ! ? before a capital, quote or newline; at newlines (headlines)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                bounds.append((start, token.i))
            start = token.i + 1
            continue
        if token.text in {".", "!", "?", "…"}:
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            while nxt is not None and nxt.text in lexicon.QUOTE_CHARS:
                token = nxt
                nxt = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
            if nxt is None or nxt.is_space or nxt.text[:1].isupper() or nxt.text[:1].isdigit():
                bounds.append((start, token.i + 1))
                start = token.i + 1
    if start < len(doc):
        bounds.append((start, len(doc)))
    return [(s, e) for s, e in bounds if any(not t.is_space for t in doc[s:e])]


def analyse(doc: Doc) -> Analysis:
    """Split a doc into sentences and clauses and mark negation, conditions and hedges."""
    sentences: list[Unit] = []
    clauses: list[Unit] = []
    for s_start, s_end in sentence_bounds(doc):
        sentence = Unit(s_start, s_end, conditional=_sentence_conditional(doc, s_start, s_end))
        doubt = lexicon.HEDGES | lexicon.DISMISSALS
        sentence.hedged = any(set(keys_of(t)) & doubt for t in doc[s_start:s_end])
        sentences.append(sentence)
        spans = clause_bounds(doc[s_start:s_end])
        units = [Unit(a, b, negated=_clause_negated(doc, a, b)) for a, b in spans]
        for index in range(len(units) - 1):
            current, following = units[index], units[index + 1]
            bridges = lexicon.BRIDGE_WORDS | lexicon.LEXICAL_NEGATORS
            if (
                current.negated
                and any(set(keys_of(t)) & bridges for t in doc[current.start : current.end])
                and _is_complement(doc, following.start, following.end)
            ):
                following.negated = True
        clauses.extend(units)
    return Analysis(clauses=clauses, sentences=sentences)


def quoted_mask(text: str) -> list[bool]:
    """Per character: inside a quotation (paired marks within one paragraph)."""
    mask = [False] * len(text)
    closing: str | None = None
    opened = 0
    for index, char in enumerate(text):
        if char == "\n":
            closing = None
            continue
        if closing is not None:
            if char in closing:
                for i in range(opened, index + 1):
                    mask[i] = True
                closing = None
            continue
        if char in lexicon.QUOTE_PAIRS:
            closing = lexicon.QUOTE_PAIRS[char]
            opened = index
    return mask
