"""Tokens for the rule matchers: spaCy's tokenizer, then per-word-form facts computed once.

The tagger and the evidence finder need, per token, its text, lower case, lookup lemma, a few
lexical flags and its match *keys*: lower-case text, lookup lemma, a crude stem, the tail of a
hyphenated compound and, for a clause-final separable particle, particle + verb ("mischen ...
ein" -> "einmischen"). All but the last depend on the word form alone, so they are computed once
per form and process (:class:`Lex`) and a text is a list of them. In a run the tokens are read
from the extractor's doc of the article (:mod:`claims.rules.doc_tokens`); :class:`Tokenizer`
tokenises texts that have none (``tag_text``, ``claims show``), with spaCy's tokenizer only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from claims.rules.lexicon import (
    CLAUSE_BREAKS,
    COORDINATORS,
    ENDINGS,
    FINITE_ENDINGS,
    PARTICLES,
    QUOTE_CHARS,
    SENTENCE_ENDS,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: Names of the token extensions that hold the match keys (see :meth:`Tokens.annotated_doc`).
KEYS = "claims_keys"
KEYSTR = "claims_keystr"


def register_key_extensions() -> None:
    """Register ``token._.claims_keys`` and ``token._.claims_keystr`` (once per process)."""
    from spacy.tokens import Token

    if not Token.has_extension(KEYS):
        Token.set_extension(KEYS, default=())
    if not Token.has_extension(KEYSTR):
        Token.set_extension(KEYSTR, default="")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Strip one inflectional ending so "Luftangriffe" and "Luftangriff" share a key (cached:
    every new word form asks for the stems of its form and lemma)."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def infinitive(word: str) -> str:
    """A guess at the infinitive of a finite verb form ("habe" -> "haben", "hält" stays)."""
    for ending in FINITE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)] + "en"
    return word + "en"


#: "einzu", "abzu", ...: the start of a zu-infinitive of a separable verb
_ZU_INFIXES = tuple(sorted(particle + "zu" for particle in PARTICLES))


def base_keys(text: str, lemma: str) -> set[str]:
    """The keys of a word form: lower case, lemma, their stems, compound tail, zu-infinitive."""
    lower = text.lower()
    keys = {lower, lemma.lower(), stem(lower), stem(lemma.lower())}
    if "-" in lower.strip("-"):
        tail = lower.rsplit("-", 1)[1]
        keys |= {tail, stem(tail)}
    if lower.startswith(_ZU_INFIXES):
        for infix in _ZU_INFIXES:
            # zu-infinitive of a separable verb: "einzumischen" -> "einmischen"
            if lower.startswith(infix) and len(lower) - len(infix) >= 4:
                keys.add(infix[:-2] + lower[len(infix) :])
    keys.discard("")
    return keys


def keystr(keys: frozenset[str] | set[str]) -> str:
    """``|key|key|``: the string the wildcard regexes of the matchers search."""
    return "|" + "|".join(sorted(keys)) + "|"


class Lex:
    """What the rules know of one word form (spaCy's lexeme flags plus match keys).

    Made once per word form and process, then shared by every text: treat it as read-only.
    Compared and hashed by identity (a dict key per form)."""

    __slots__ = (
        "clause_break",
        "ends_segment",
        "is_alpha",
        "is_punct",
        "is_space",
        "keys",
        "keystr",
        "lemma",
        "lower",
        "may_end_sentence",
        "newline",
        "particle",
        "quote",
        "text",
    )

    def __init__(
        self, text: str, lower: str, lemma: str, is_space: bool, is_punct: bool, is_alpha: bool
    ) -> None:
        self.text = text
        self.lower = lower
        self.lemma = lemma
        self.is_space = is_space
        self.is_punct = is_punct
        self.is_alpha = is_alpha
        keys = frozenset(base_keys(text, lemma))
        quote = text in QUOTE_CHARS
        brk = is_space or text in CLAUSE_BREAKS or quote
        newline = is_space and "\n" in text
        self.keys: frozenset[str] = keys
        self.keystr = keystr(keys)
        #: a newline token: sentences end there
        self.newline = newline
        #: a token that ends a clause: whitespace, clause punctuation, a quote mark
        self.clause_break = brk
        #: a newline or . ! ? …: where sentence boundaries are looked for
        self.may_end_sentence = newline or text in SENTENCE_ENDS
        #: a clause break or a coordinator: where the words of a separable verb end
        self.ends_segment = brk or lower in COORDINATORS
        self.quote = quote
        #: a separable verb particle
        self.particle = lower in PARTICLES

    def __repr__(self) -> str:
        return f"Lex({self.text!r}, lemma={self.lemma!r})"


def joined_keys(word: Lex, particle: str) -> frozenset[str]:
    """Keys of a word whose clause ends in ``particle``: its own plus particle + form."""
    forms = {word.lower, word.lemma.lower(), infinitive(word.lower)}
    return word.keys | {particle + form for form in forms}


def particle_keys(
    lexes: Sequence[Lex], joined: Callable[[Lex, str], frozenset[str]] = joined_keys
) -> dict[int, frozenset[str]]:
    """Full keys of the tokens whose segment ends in a separable particle ("mischen ... ein").

    A segment is a clause (between clause breaks) cut at coordinators; its words are its
    non-punctuation tokens. When the last word is a particle, each lower-case alphabetic word
    of 3+ letters before it also gets particle + (form, lemma, guessed infinitive).
    """
    extra: dict[int, frozenset[str]] = {}
    n = len(lexes)
    for i in [i for i, lex in enumerate(lexes) if lex.particle]:
        j = i + 1
        while j < n and not lexes[j].ends_segment and lexes[j].is_punct:
            j += 1
        if j < n and not lexes[j].ends_segment:
            continue  # a word follows: the particle does not end its segment
        k = i - 1
        while k >= 0 and not lexes[k].ends_segment:
            word = lexes[k]
            if (
                not word.is_punct
                and word.text[:1].islower()
                and word.is_alpha
                and len(word.text) >= 3
            ):
                extra[k] = joined(word, lexes[i].lower)
            k -= 1
    return extra


class Tokens:
    """A tokenised text: one :class:`Lex` per token, particle keys, character offsets.

    Made by the tokenizer (with its doc), or from the tokens of a doc the extractor already made
    (see :mod:`claims.rules.doc_tokens`): then a doc is built only for raw ``Matcher`` patterns.
    """

    __slots__ = ("_doc", "_idx", "extra", "lexes", "text", "vocab")

    def __init__(
        self,
        lexes: list[Lex],
        extra: dict[int, frozenset[str]],
        *,
        doc: Doc | None = None,
        idx: list[int] | None = None,
        text: str | None = None,
        vocab: Vocab | None = None,
    ) -> None:
        self.lexes = lexes
        self.extra = extra
        self._doc = doc
        self._idx = idx
        #: the tokenised text (``doc.text`` when made by the tokenizer)
        self.text = text if text is not None else (doc.text if doc is not None else "")
        self.vocab = vocab if vocab is not None or doc is None else doc.vocab

    @property
    def idx(self) -> list[int]:
        """Character offset of each token (read from the doc when first asked for)."""
        if self._idx is None:
            doc = self.doc
            self._idx = doc.to_array("IDX").tolist() if len(doc) else []
        return self._idx

    @property
    def doc(self) -> Doc:
        """A spaCy doc of these tokens (built on first use when none was given)."""
        if self._doc is None:
            from spacy.tokens import Doc

            assert self.vocab is not None, "tokens without a doc need a vocabulary"
            idx, text = self.idx, self.text
            words = [lex.text for lex in self.lexes]
            ends = [*idx[1:], len(text)]
            spaces = [i + len(w) < e for i, w, e in zip(idx, words, ends, strict=True)]
            self._doc = Doc(self.vocab, words=words, spaces=spaces)
        return self._doc

    def __len__(self) -> int:
        return len(self.lexes)

    def keys(self, i: int) -> frozenset[str]:
        extra = self.extra.get(i)
        return self.lexes[i].keys if extra is None else extra

    def keystr(self, i: int) -> str:
        extra = self.extra.get(i)
        return self.lexes[i].keystr if extra is None else keystr(extra)

    def start_char(self, i: int) -> int:
        return self.idx[i]

    def end_char(self, i: int) -> int:
        """End offset of token ``i`` (without its trailing whitespace)."""
        return self.idx[i] + len(self.lexes[i].text)

    def annotated_doc(self, lemmas: bool = True, keys: bool = True) -> Doc:
        """The spaCy doc with lemmas and key extensions set (for raw ``Matcher`` patterns);
        ``lemmas``/``keys`` False leaves out what no pattern reads."""
        doc = self.doc
        if not (lemmas or keys):
            return doc
        register_key_extensions()
        for i, token in enumerate(doc):
            if lemmas:
                token.lemma_ = self.lexes[i].lemma
            if keys:
                ordered = tuple(sorted(self.keys(i)))
                token._.set(KEYS, ordered)
                token._.set(KEYSTR, "|" + "|".join(ordered) + "|")
        return doc


def tokens_of_doc(doc: Doc) -> Tokens:
    """Tokens of an existing doc, with the lemmas its pipeline assigned (no caching)."""
    lexes = [Lex(t.text, t.lower_, t.lemma_, t.is_space, t.is_punct, t.is_alpha) for t in doc]
    return Tokens(lexes, particle_keys(lexes), doc=doc, idx=[t.idx for t in doc])


@lru_cache(maxsize=1)
def lemma_table() -> Mapping[str, str]:
    """The German lookup lemma table of spacy-lookups-data (form -> lemma), read once (the
    extractor's copy, kept in the set-up cache)."""
    from claims.nlp.lexicon import lemma_table as table

    return table()


class Tokenizer:
    """spaCy's German tokenizer plus a per-form :class:`Lex` cache.

    ``lemmas`` is the form -> lemma table the lookup lemmatizer uses (default:
    :func:`lemma_table`); ``nlp`` a pipeline whose tokenizer and vocabulary to use (default: a
    blank German one). Pass what another component already holds to share it.
    """

    def __init__(
        self, lemmas: Mapping[str, str] | None = None, nlp: Language | None = None
    ) -> None:
        from spacy.attrs import ORTH

        from claims.nlp.tokenizer import blank_german

        if nlp is None:
            nlp = blank_german()
        self._orth = ORTH
        self.nlp: Language = nlp
        self.vocab = nlp.vocab
        self.lemmas = lemmas if lemmas is not None else lemma_table()
        self._lex: dict[int, Lex] = {}
        self._joined: dict[tuple[Lex, str], frozenset[str]] = {}

    def lemma(self, word: str) -> str:
        """Lemma of a pattern word (tried as written, then capitalised)."""
        table = self.lemmas
        return str(table.get(word, table.get(word.capitalize(), word)))

    def _make(self, orth: int) -> Lex:
        lexeme = self.vocab[orth]
        text = lexeme.orth_
        lemma = self.lemmas.get(text, text)
        lex = Lex(text, lexeme.lower_, lemma, lexeme.is_space, lexeme.is_punct, lexeme.is_alpha)
        self._lex[orth] = lex
        return lex

    def __call__(self, text: str) -> Tokens:
        doc = self.nlp.tokenizer(text)
        lexes = self.lexes(doc.to_array(self._orth).tolist())
        return Tokens(lexes, particle_keys(lexes, self._join), doc=doc)

    def lexes(self, orths: list[int]) -> list[Lex]:
        """The :class:`Lex` of each token, by its ``ORTH`` id in this tokenizer's vocabulary."""
        get, make = self._lex.get, self._make
        return [get(orth) or make(orth) for orth in orths]

    def tokens(self, lexes: list[Lex], idx: list[int], text: str) -> Tokens:
        """Tokens of ``text`` from its lexes and their offsets (tokenised elsewhere)."""
        return Tokens(lexes, particle_keys(lexes, self._join), idx=idx, text=text, vocab=self.vocab)

    def _join(self, word: Lex, particle: str) -> frozenset[str]:
        keys = self._joined.get((word, particle))
        if keys is None:
            keys = self._joined[(word, particle)] = joined_keys(word, particle)
        return keys


@lru_cache(maxsize=1)
def shared_tokenizer() -> Tokenizer:
    """One tokenizer per process for matchers built without one."""
    return Tokenizer()
