"""Rule-based sentence segmentation for news German (``claims_sentencizer``).

Works on the characters: a sentence ends at ``. ! ? …`` (plus closing quote marks or brackets)
before whitespace, unless the word before the period is an abbreviation (``z. B.``, ``Dr.``,
``li.``), an initial (``F.``) or an ordinal (``24. Februar``, ``die „4. Winterwelt“``,
``die 22. „Hackerkonferenz“``), or the next word starts in lower case. A period glued to a
capitalised word (``sagte der Papst.Der Bruder``, a space lost in scraped text) ends one too.
A colon never ends a sentence, so that ``Er sagte: „…“`` keeps its cue and its quote together.

Paragraphs are lines. Hard-wrapped text (``.md``/``.txt`` files that break lines inside a
paragraph) is first passed through :func:`unwrap`, which turns its soft line breaks into spaces
without moving any character, so every offset still indexes the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

_END = re.compile(r"[.!?…]+[\"'“”»«‘’)\]]*(?=[ \t\u00a0]+(\S))")
# a sentence end with no space after it, between a lower-case word and a capitalised one
_GLUED_END = re.compile(r"(?<=[a-zäöüß]{2})[.!?](?=[A-ZÄÖÜ][a-zäöüß])")
_PARAGRAPH = re.compile(r"[^\n]+")
# An agency dateline that opens a paragraph: "MINSK (dpa) - ", "Berlin/Moskau (AFP) – ",
# "MINSK, 22. Februar (BelTA) - ". It is no part of the first sentence (nobody says it).
_DATELINE = re.compile(
    r"[A-ZÄÖÜ][\w.-]*(?:[ /][A-ZÄÖÜ][\w.-]*){0,3}"
    r"(?:, (?:den )?\d{1,2}\. ?(?:[A-ZÄÖÜ][a-zäöü]+\.?|\d{1,2}\.)(?: \d{4})?)?"
    r" ?\([^()\n]{2,30}\) ?[-–—] +(?=\S)"
)
_ORDINAL = re.compile(r"(?:^|[\s(/–„“”\"»«‚‘])\d{1,3}\.$")
_OPENING_MARKS = frozenset("„‚»")  # marks that only open (a straight " may close)
_WORD_BEFORE = re.compile(r"\S+$")
_LINE_END = re.compile(r"[.!?…:;]+[\"'“”»«‘’)\]]*$|[\"“”»«]$")
_BLOCK_START = re.compile(r"[ \t]|[-*•|#>] |\d+[.)] ")  # list items, tables, headings, quotes
# Hard wraps break lines at a fixed width (72 to 120 characters in practice): a block whose
# longest line is wider holds one paragraph per line, one narrower than MIN_WRAP is a list.
MAX_WRAP = 160
MIN_WRAP = 40
FULL_LINE = 0.6  # a line shorter than this share of the block width ends its paragraph


def unwrap(text: str) -> str:
    """``text`` with the soft line breaks of hard-wrapped paragraphs replaced by spaces.

    A block of non-blank lines is hard-wrapped when its lines are at most ``MAX_WRAP`` wide and
    at least half of them stop in mid-sentence. Inside such a block a line break is soft unless
    the line before is short (a heading, a paragraph end) or the next line opens a list item,
    a table row or a heading. Blocks of one-line paragraphs (one paragraph per line, with or
    without blank lines between them) are left alone. The result has the length of ``text``.
    """
    if "\n" not in text:
        return text
    soft: list[int] = []
    block: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            block.append((offset, line))
        else:
            soft.extend(_soft_breaks(block))
            block = []
        offset += len(line) + 1
    soft.extend(_soft_breaks(block))
    if not soft:
        return text
    chars = list(text)
    for i in soft:
        chars[i] = " "
    return "".join(chars)


def _soft_breaks(block: list[tuple[int, str]]) -> list[int]:
    """Offsets of the soft line breaks of one block of non-blank lines."""
    if len(block) < 2:
        return []
    widths = [len(line.rstrip()) for _, line in block]
    width = max(widths)
    if not MIN_WRAP <= width <= MAX_WRAP:
        return []
    open_ends = sum(1 for _, line in block[:-1] if not _LINE_END.search(line.rstrip()))
    if open_ends * 2 < len(block) - 1:
        return []
    return [
        start + len(line)
        for (start, line), size, (_, nxt) in zip(block, widths, block[1:], strict=False)
        if size >= FULL_LINE * width and not _BLOCK_START.match(nxt)
    ]


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """Char ranges of the non-blank lines, stripped of surrounding whitespace."""
    ranges: list[tuple[int, int]] = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            ranges.append((start, end))
    return ranges


def _is_boundary(text: str, m: re.Match[str], abbreviations: frozenset[str]) -> bool:
    punct = m.group(0)
    nxt = m.group(1)
    if nxt[:1].islower():
        return False
    if punct[0] != "." or (len(punct) > 1 and punct[:2] == ".."):
        return True
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start() + 1)
    word = before.group(0) if before else "."
    word = word.lstrip("([\"'„“»«‚‘")
    if word in abbreviations or (len(word) == 2 and word[0].isalpha()):
        return False
    if len(word) > 2 and word[-2].isalpha() and word.count(".") >= 2:
        return False  # dotted acronym such as "F.A.Z." or "u.a."
    if nxt in _OPENING_MARKS:
        nxt = text[m.start(1) + 1 : m.start(1) + 2]  # "die 22. „Hackerkonferenz“"
    return not (_ORDINAL.search(text, max(0, m.start() - 5), m.start() + 1) and nxt[:1].isalnum())


def sentence_starts(
    text: str, paragraphs: Iterable[tuple[int, int]], abbreviations: frozenset[str]
) -> list[int]:
    """Char offsets where sentences start, in order."""
    starts: list[int] = []
    for p_start, p_end in paragraphs:
        starts.append(p_start)
        dateline = _DATELINE.match(text, p_start, p_end)
        if dateline is not None:
            starts.append(dateline.end())
        glued = False
        for m in _END.finditer(text, p_start, p_end):
            if _is_boundary(text, m, abbreviations):
                starts.append(m.start(1))
        for m in _GLUED_END.finditer(text, p_start, p_end):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            word = before.group(0) if before is not None else ""
            if not (
                word in abbreviations or word + "." in abbreviations or "." in word or "/" in word
            ):
                starts.append(m.end())  # "sagte der Papst.Der Bruder": a space is missing
                glued = True
        if glued:
            starts[:] = sorted(set(starts))
    return starts


def sentence_of(starts: list[int], offset: int) -> int:
    """Index of the sentence that contains a char offset."""
    return max(0, bisect_right(starts, offset) - 1)
