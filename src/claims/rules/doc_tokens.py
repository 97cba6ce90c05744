"""Rule tokens read from the extractor's Doc: one tokenisation per article for the whole run.

The extractor tokenises the *unwrapped* text (soft line breaks turned into spaces, same offsets);
the rules see the article text itself, where such a break is a newline token that ends a clause
and a sentence. spaCy tokenises each run of non-space characters on its own, so the two
tokenisations differ only in the whitespace runs that hold a soft break: those few runs are
tokenised again as they stand in the article (:func:`article_tokens`).

A statement is a span of the article, so its tokens are the article's tokens between its ends,
except where an end falls inside a run of non-space characters (a statement that starts after
an opening quote mark with no space): that partial run is tokenised on its own, as it would be
in the statement's text (:func:`span_tokens`). Both give exactly the tokens that tokenising the
article or the statement text would give.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claims.rules.tokens import Tokenizer, Tokens

_NEWLINE = re.compile("\n")


def article_tokens(tokenizer: Tokenizer, doc: Doc, text: str) -> Tokens:
    """The tokens of ``text`` (an article) from the extractor's ``doc`` of its unwrapped text."""
    from spacy.attrs import IDX, ORTH

    if len(doc):
        array = doc.to_array([ORTH, IDX])
        orths: list[int] = array[:, 0].tolist()
        idx: list[int] = array[:, 1].tolist()
    else:
        orths, idx = [], []
    unwrapped = doc.user_data.get("claims_text")
    if unwrapped is None:
        unwrapped = doc.text
    if unwrapped != text:
        if unwrapped.replace("\n", " ") != text.replace("\n", " "):
            return tokenizer(text)  # not the doc of this text: tokenise it
        _restore_breaks(tokenizer, orths, idx, unwrapped, text)
    return tokenizer.tokens(tokenizer.lexes(orths), idx, text)


def _restore_breaks(
    tokenizer: Tokenizer, orths: list[int], idx: list[int], unwrapped: str, text: str
) -> None:
    """Replace, in place, the tokens of each whitespace run where ``unwrapped`` differs from
    ``text`` by the tokens that run has in ``text``."""
    n = len(text)
    gaps: list[tuple[int, int]] = []
    for match in _NEWLINE.finditer(text):
        at = match.start()
        if unwrapped[at] == "\n" or (gaps and at < gaps[-1][1]):
            continue
        left, right = at, at + 1
        while left > 0 and text[left - 1].isspace():
            left -= 1
        while right < n and text[right].isspace():
            right += 1
        gaps.append((left, right))
    for left, right in reversed(gaps):
        new_orths, new_idx = _whitespace_tokens(tokenizer, text, left, right)
        lo, hi = bisect_left(idx, left), bisect_left(idx, right)
        orths[lo:hi] = new_orths
        idx[lo:hi] = new_idx


def _whitespace_tokens(
    tokenizer: Tokenizer, text: str, left: int, right: int
) -> tuple[list[int], list[int]]:
    """The tokens of the whitespace run ``text[left:right]`` in its place: tokenised between two
    stand-in words (or at the text's edge), which treat it as the real neighbours do."""
    before = "x" if left > 0 else ""
    after = "x" if right < len(text) else ""
    doc = tokenizer.nlp.tokenizer(before + text[left:right] + after)
    shift = left - len(before)
    orths, idx = [], []
    for token in doc:
        if len(before) <= token.idx < len(before) + right - left:
            orths.append(token.orth)
            idx.append(token.idx + shift)
    return orths, idx


def span_tokens(tokenizer: Tokenizer, tokens: Tokens, text: str, start: int, end: int) -> Tokens:
    """The tokens of ``text[start:end]`` (offsets from ``start``), taken from the tokens of
    ``text``; only a run of non-space characters cut by an end is tokenised again."""
    n = len(text)
    if start >= end or text[start].isspace() or text[end - 1].isspace():
        return tokenizer(text[start:end])
    first = start  # where the whole runs begin
    if start > 0 and not text[start - 1].isspace():
        while first < end and not text[first].isspace():
            first += 1
    last = end  # where they end
    if end < n and not text[end].isspace():
        while last > first and not text[last - 1].isspace():
            last -= 1
    if first >= last:
        return tokenizer(text[start:end])
    idx = tokens.idx
    lo, hi = bisect_left(idx, first), bisect_left(idx, last)
    lexes = tokens.lexes[lo:hi]
    offsets = [i - start for i in idx[lo:hi]]
    if first > start:
        head = tokenizer(text[start:first])
        lexes[:0] = head.lexes
        offsets[:0] = head.idx
    if last < end:
        tail = tokenizer(text[last:end])
        lexes.extend(tail.lexes)
        offsets.extend(i + last - start for i in tail.idx)
    return tokenizer.tokens(lexes, offsets, text[start:end])
