"""Doc and Span extension attributes shared by the claims components.

Character offsets (``content``) are kept beside the token spans because a quote mark glued to a
word makes token boundaries coarser than the statement boundaries the contract needs.
"""

from __future__ import annotations

from bisect import bisect_right
from types import SimpleNamespace
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span
from spacy.tokens.underscore import Underscore

DOC_ATTRS: dict[str, object] = {
    "paragraphs": None,  # list[tuple[int, int]]: char ranges of non-empty paragraphs (lines)
    "sent_starts": None,  # list[int]: char offset where each sentence starts
    "published": None,  # datetime.date | None: article date, for date-dependent roles
    "mentions": None,  # list[Mention] (claims.nlp.speakers.mention)
    # list[tuple[int, int]]: char ranges of indirect clauses left out because a direct quote
    # fills them ("sagte, es sei „…“"): the quote's statement, and its clause_span
    "quoted_clauses": None,
}
SPAN_ATTRS: dict[str, object] = {
    "content": None,  # tuple[int, int]: exact char range of the statement text
    "kind": None,  # "direct" | "indirect"
    "cue": None,  # the cue words as written ("räumte ein", "laut"); a Located str (offsets)
    "cue_lemma": None,  # lemma or marker kind ("sagen", "laut", "zufolge", "so", ...)
    "cue_type": None,  # "verb" | "noun" | "marker"
    "cue_content": None,  # tuple[str, ...]: content types the verb takes
    # what the content is: "clause" | "object" | "infinitive" | "sentence" | "reported" (an
    # indicative clause before the cue) | "headline" | "free" (a Konjunktiv sentence without a
    # cue); extract.statement_kind reads it: "object" is kind reported, "free" free_indirect
    "content_type": None,
    "opinion": False,  # a verb of belief: needs a named subject
    "particle": None,  # char range of a separable particle, or None
    "source": None,  # tuple[int, int]: char range where the cue's speaker should be named
    "speaker": None,  # speaker id or None
    "speaker_mention": None,  # words that identified the speaker (a Located str: with offsets)
    "speaker_span": None,  # tuple[int, int]: the mention set_speaker last gave, named or not
    "quote_flags": None,  # "balanced" | "unclosed" | "unopened"
    "continues": None,  # tuple[int, int]: content of the statement a continuation goes on from
}


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds the string from the tokens on every access."""
    text = doc.user_data.get("claims_text")
    if not isinstance(text, str):
        text = doc.text
        doc.user_data["claims_text"] = text
    return text


def token_idx(doc: Doc) -> list[int]:
    """Each token's character offset (``idx``), read once per Doc (see :func:`token_texts`)."""
    idx = doc.user_data.get("claims_idx_list")
    if not isinstance(idx, list):
        idx = doc.to_array("IDX").tolist()
        doc.user_data["claims_idx_list"] = idx
    return idx


def token_texts(doc: Doc) -> list[str]:
    """Each token's text, read once per Doc: ``doc[i].text`` builds a Token and decodes the
    string on every call, and the clause walks read the same tokens many times. Cut from the
    text by offset and length (a token's text is the characters it covers)."""
    texts = doc.user_data.get("claims_texts")
    if not isinstance(texts, list):
        text = doc_text(doc)
        lengths = doc.to_array("LENGTH").tolist()
        texts = [text[a : a + n] for a, n in zip(token_idx(doc), lengths, strict=True)]
        doc.user_data["claims_texts"] = texts
    return texts


def token_lowers(doc: Doc) -> list[str]:
    """Each token's lower-case form (``lower_``), read once per Doc (see :func:`token_texts`)."""
    lowers = doc.user_data.get("claims_lowers")
    if not isinstance(lowers, list):
        strings = doc.vocab.strings
        lowers = [strings[h] for h in doc.to_array("LOWER").tolist()]
        doc.user_data["claims_lowers"] = lowers
    return lowers


def member_mask(values: np.ndarray, sorted_hashes: np.ndarray) -> np.ndarray:
    """Which ``values`` occur in ``sorted_hashes`` (a binary search, no re-sorting per Doc)."""
    if not len(sorted_hashes):
        return np.zeros(len(values), dtype=bool)
    where = np.searchsorted(sorted_hashes, values)
    where[where >= len(sorted_hashes)] = 0
    return np.asarray(sorted_hashes[where] == values)


MAX_SENTENCE_TOKENS = 300


def sentence_at(doc: Doc, i: int) -> Span:
    """The sentence of token ``i`` from ``doc._.sent_starts``, clipped to a window of
    ``MAX_SENTENCE_TOKENS`` on each side so that a text without sentence ends stays linear."""
    starts, firsts = _sentence_firsts(doc)
    k = max(0, bisect_right(starts, token_idx(doc)[i]) - 1)
    lo = max(firsts[k], i - MAX_SENTENCE_TOKENS)
    hi = min(max(firsts[k + 1], i + 1), i + MAX_SENTENCE_TOKENS)
    return doc[lo:hi]


def _sentence_firsts(doc: Doc) -> tuple[list[int], list[int]]:
    """The sentence starts and the first token of each sentence (plus ``len(doc)``), computed
    once per Doc and its ``sent_starts``: the clause walks call :func:`sentence_at` tens of
    times per article."""
    starts = doc_attr(doc, "sent_starts") or [0]
    cached = doc.user_data.get("claims_sent_firsts")
    if isinstance(cached, tuple) and cached[0] is starts:
        hit: tuple[list[int], list[int]] = cached
        return hit
    idx = doc.user_data.get("claims_idx")
    if not isinstance(idx, np.ndarray):
        idx = doc.to_array("IDX").astype(np.int64)
        doc.user_data["claims_idx"] = idx
    firsts = np.searchsorted(idx, np.asarray(starts, dtype=np.int64)).tolist()
    found = (starts, [*firsts, len(doc)])
    doc.user_data["claims_sent_firsts"] = found
    return found


def register_extensions() -> None:
    """Register every extension once (idempotent)."""
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()

# Fast reads and writes of these attributes. ``span._.content`` builds an ``Underscore`` object
# and dispatches through ``__getattr__`` at every access (≈ 1.9 µs); the rule components make
# some 400,000 such accesses per 850 articles. spaCy keeps a plain extension value (no getter,
# setter or method) in ``doc.user_data`` under ``("._.", name, start_char, end_char)`` (``None,
# None`` for the Doc), so these functions read and write that entry directly (≈ 0.2 µs): the
# same storage, so ``span._.x`` sees the same values. If an installed spaCy keys them
# differently, they go through ``span._`` instead. (spaCy types ``user_data`` as ``dict[str,
# Any]`` but keys extension values by tuples: hence the ``type: ignore`` below.)

_KEY = "._."
_SPAN_DEFAULTS: dict[str, Any] = {name: Span.get_extension(name)[0] for name in SPAN_ATTRS}
_DOC_DEFAULTS: dict[str, Any] = {name: Doc.get_extension(name)[0] for name in DOC_ATTRS}


def _plain(cls: type[Doc] | type[Span], names: dict[str, object]) -> bool:
    """Every extension is a plain value with an immutable default (no getter, setter or
    method, and no default that a read would copy and store)."""
    for name in names:
        default, method, getter, setter = cls.get_extension(name)
        if method or getter or setter or isinstance(default, Underscore.mutable_types):
            return False
    return True


def _same_layout() -> bool:
    """Whether spaCy keys extension values as the fast functions below do."""
    probe = Underscore({}, SimpleNamespace(doc=None), 3, 5)  # type: ignore[arg-type]
    whole = Underscore({}, SimpleNamespace(doc=None))  # type: ignore[arg-type]
    return (
        probe._get_key("x") == (_KEY, "x", 3, 5)
        and whole._get_key("x") == (_KEY, "x", None, None)
        and _plain(Span, SPAN_ATTRS)
        and _plain(Doc, DOC_ATTRS)
    )


FAST_ATTRS = _same_layout()

if FAST_ATTRS:

    def span_attr(span: Span, name: str) -> Any:
        """``span._.<name>``."""
        return span.doc.user_data.get(  # type: ignore[call-overload]
            (_KEY, name, span.start_char, span.end_char), _SPAN_DEFAULTS[name]
        )

    def set_span_attr(span: Span, name: str, value: Any) -> None:
        """``span._.<name> = value``."""
        if name not in _SPAN_DEFAULTS:
            raise AttributeError(name)
        span.doc.user_data[(_KEY, name, span.start_char, span.end_char)] = value  # type: ignore[index]

    def doc_attr(doc: Doc, name: str) -> Any:
        """``doc._.<name>``."""
        return doc.user_data.get((_KEY, name, None, None), _DOC_DEFAULTS[name])  # type: ignore[call-overload]

    def set_doc_attr(doc: Doc, name: str, value: Any) -> None:
        """``doc._.<name> = value``."""
        if name not in _DOC_DEFAULTS:
            raise AttributeError(name)
        doc.user_data[(_KEY, name, None, None)] = value  # type: ignore[index]

else:  # pragma: no cover - another spaCy layout: the general, slow way

    def span_attr(span: Span, name: str) -> Any:
        """``span._.<name>``."""
        return getattr(span._, name)

    def set_span_attr(span: Span, name: str, value: Any) -> None:
        """``span._.<name> = value``."""
        setattr(span._, name, value)

    def doc_attr(doc: Doc, name: str) -> Any:
        """``doc._.<name>``."""
        return getattr(doc._, name)

    def set_doc_attr(doc: Doc, name: str, value: Any) -> None:
        """``doc._.<name> = value``."""
        setattr(doc._, name, value)


def paragraph_starts(doc: Doc) -> list[int]:
    """Char offsets where the paragraphs start (computed once per Doc)."""
    cached = doc.user_data.get("claims_par_starts")
    if not isinstance(cached, list):
        cached = [p[0] for p in doc_attr(doc, "paragraphs") or [(0, 0)]]
        doc.user_data["claims_par_starts"] = cached
    return cached
