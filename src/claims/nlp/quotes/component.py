"""Direct quotes on the characters of each paragraph (``claims_quotes``).

Quote marks are classified by their glyph and their neighbours (an opening mark follows a space
and precedes a word; a closing mark follows a word), then paired in one left-to-right pass per
paragraph, so the work is linear in the text however many marks are unbalanced:

* a closing mark without an opening one closes a quote that began at the paragraph start (or at
  the first sentence after the previous quote of the paragraph);
* an opening mark never closed ends its quote at the paragraph end;
* single marks (‚…‘ '…' ›…‹) pair only outside double quotes: inside they are nested quotes, which
  belong to the outer statement, and unpaired they are apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from claims.nlp import extensions as _ext  # noqa: F401
from claims.nlp.extensions import doc_attr, doc_text, set_doc_attr, set_span_attr
from claims.nlp.lexicon import load_lexicon
from claims.nlp.quotes.titles import name_rule
from claims.nlp.sentences.segment import paragraph_ranges, sentence_of

DOUBLE = re.compile(r"[„“”\"»«]")
SINGLE = re.compile(r"[‚‘’'›‹]")
_OPEN_CONTEXT = set("([{/–—-:")
_CLOSE_CONTEXT = set(".,;:!?)]}–—-…")
_ALL_MARKS = set("„“”\"»«‚‘’'›‹")
LIST_JOINER = re.compile(r"\s*(?:,|und|oder|sowie|,\s*(?:und|oder|sowie))\s*(?:beispielsweise\s*)?")
MIN_NAME_LIST = 3


@dataclass(frozen=True)
class QuoteRange:
    start: int  # first char of the quoted text (marks and whitespace excluded)
    end: int
    open_mark: int | None  # offset of the opening mark, None when it was never opened
    close_mark: int | None  # offset of the closing mark, None when it was never closed
    paragraph: int

    @property
    def flags(self) -> str:
        if self.open_mark is None:
            return "unopened"
        return "unclosed" if self.close_mark is None else "balanced"


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close', 'either' or 'none' for the quote mark at ``i``."""
    mark = text[i]
    left = text[i - 1] if i > lo else " "
    right = text[i + 1] if i + 1 < hi else " "
    left_open = left.isspace() or left in _OPEN_CONTEXT or left in _ALL_MARKS
    right_close = right.isspace() or right in _CLOSE_CONTEXT or right in _ALL_MARKS
    can_open = left_open and not right.isspace() and right not in _CLOSE_CONTEXT
    can_close = (not left.isspace() and right_close) or (left.isspace() and right in _CLOSE_CONTEXT)
    if mark in "„‚":
        return "open"
    if mark in "'’" and left.isalnum() and right.isalnum():
        return "none"  # apostrophe: "geht's", "That's"
    if mark == "»" and not (can_close and not can_open):
        return "open"
    if mark == "«" and not (can_open and not can_close):
        return "close"
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if left.isspace() and right.isspace():
        return "none" if mark in "'’‘›‹" else "either"
    return "either"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _double_quotes(
    text: str,
    p_index: int,
    lo: int,
    hi: int,
    starts: list[int],
    nested: list[QuoteRange] | None = None,
) -> list[QuoteRange]:
    """The double quotes of one paragraph; quotes nested in them go to ``nested``."""
    found: list[QuoteRange] = []
    open_at: int | None = None
    depth = 0
    inner: list[int] = []  # opening marks of the nested quotes still open
    segment_start = lo  # where an unopened quote would begin
    for m in DOUBLE.finditer(text, lo, hi):
        i = m.start()
        role = _role(text, i, lo, hi)
        if role == "none":
            continue
        if open_at is None:
            if role == "close":
                s, e = _strip(text, segment_start, i)
                if s < e:
                    found.append(QuoteRange(s, e, None, i, p_index))
                segment_start = _next_sentence(starts, i, hi)
            else:
                open_at, depth = i, 0
            continue
        if role == "open" and text[i] == text[open_at] and not _introduced(text, open_at, i):
            # the same opening glyph again: the earlier quote was never closed
            s, e = _strip(text, open_at + 1, i)
            if s < e:
                found.append(QuoteRange(s, e, open_at, None, p_index))
            open_at, depth, inner = i, 0, []
            continue
        if role == "open":
            # a nested quote in other marks, or in the same marks after a colon
            # ("berichtet X: "Wörtlich hieß es: "…"…"): part of the outer statement
            depth += 1
            inner.append(i)
            continue
        if depth:
            depth -= 1
            opened = inner.pop()
            s, e = _strip(text, opened + 1, i)
            if nested is not None and s < e:
                nested.append(QuoteRange(s, e, opened, i, p_index))
            continue
        s, e = _strip(text, open_at + 1, i)
        if s < e:
            found.append(QuoteRange(s, e, open_at, i, p_index))
        open_at = None
        segment_start = _next_sentence(starts, i, hi)
    if open_at is not None:
        s, e = _strip(text, open_at + 1, hi)
        if s < e:
            found.append(QuoteRange(s, e, open_at, None, p_index))
    return found


def _introduced(text: str, open_at: int, i: int) -> bool:
    """An opening mark right after a colon inside an open quote of the same glyph opens a
    quote inside it (``: "Wörtlich hieß es: "…``), not a new one."""
    return text[open_at + 1 : i].rstrip().endswith(":")


def _next_sentence(starts: list[int], offset: int, hi: int) -> int:
    k = sentence_of(starts, offset) + 1
    return starts[k] if k < len(starts) and starts[k] < hi else hi


def _single_quotes(
    text: str, p_index: int, lo: int, hi: int, inside: list[QuoteRange]
) -> list[QuoteRange]:
    found: list[QuoteRange] = []
    open_at: int | None = None
    k = 0
    for m in SINGLE.finditer(text, lo, hi):
        i = m.start()
        while k < len(inside) and inside[k].end < i:
            k += 1
        if k < len(inside) and inside[k].start <= i:
            continue  # nested in a double quote
        if i > lo and text[i] == "'" and text[i - 1] == "'":
            continue  # inside a run of apostrophes, judged at its first one
        last = _apostrophe_run_end(text, i, hi) - 1
        role = _run_role(text, i, last, lo, hi)
        if open_at is None:
            if role == "open" or (role == "either" and text[i] != "’"):
                open_at = last  # "''Titel''" (wiki italics): the text starts after the run
        elif role in ("close", "either"):
            s, e = _strip(text, open_at + 1, i)
            if s < e and not any(q.start <= s < q.end for q in inside[k : k + 1]):
                found.append(QuoteRange(s, e, open_at, i, p_index))
            open_at = None
    return found


def _apostrophe_run_end(text: str, i: int, hi: int) -> int:
    """End of the run of straight apostrophes at ``i`` (``''`` and ``'''`` are wiki markup
    for italics and bold: one mark)."""
    j = i
    while j < hi and text[j] == "'":
        j += 1
    return max(j, i + 1)


def _run_role(text: str, first: int, last: int, lo: int, hi: int) -> str:
    if first == last:
        return _role(text, first, lo, hi)
    # a run is judged like one mark, by its outer neighbours
    probe = text[max(lo, first - 1) : first] + "'" + text[last + 1 : min(hi, last + 2)]
    return _role(probe, len(text[max(lo, first - 1) : first]), 0, len(probe))


# characters before and after a quote that name_rule reads (it uses the last few words)
NAME_CONTEXT_CHARS = 400


def find_quotes(
    text: str,
    paragraphs: list[tuple[int, int]],
    starts: list[int],
    nested: list[QuoteRange] | None = None,
) -> list[QuoteRange]:
    """Every direct quote of the text, in order; the double quotes nested in them go to
    ``nested`` (they belong to the outer statement unless a relay frees them)."""
    quotes: list[QuoteRange] = []
    for p_index, (lo, hi) in enumerate(paragraphs):
        doubles = _double_quotes(text, p_index, lo, hi, starts, nested)
        singles = _single_quotes(text, p_index, lo, hi, doubles)
        quotes.extend(sorted(doubles + singles, key=lambda q: q.start))
    return quotes


def split_names(
    text: str, quotes: list[QuoteRange], paragraphs: list[tuple[int, int]], forms: frozenset[str]
) -> tuple[list[QuoteRange], list[QuoteRange]]:
    """The quotes that may be speech, and the quoted names and titles (:mod:`titles`)."""
    speech: list[QuoteRange] = []
    names: list[QuoteRange] = []
    listed = _name_lists(text, quotes)
    for k, q in enumerate(quotes):
        lo, hi = paragraphs[q.paragraph]
        if q.open_mark is None or q.close_mark is None:
            speech.append(q)
            continue
        # name_rule looks at a few words on either side: a bounded window keeps a long
        # one-line paragraph linear (the whole paragraph before each quote was quadratic)
        before = text[max(lo, q.open_mark - NAME_CONTEXT_CHARS) : q.open_mark]
        after = text[q.close_mark + 1 : min(hi, q.close_mark + 1 + NAME_CONTEXT_CHARS)]
        rule = (
            "name-list" if k in listed else name_rule(before, text[q.start : q.end], after, forms)
        )
        if rule is None and names and names[-1] is quotes[k - 1] and _joined(text, names[-1], q):
            rule = "name-list"  # "die Modelle „Alpha“ und „Beta“": the list goes on
        (speech if rule is None else names).append(q)
    return speech, names


def _joined(text: str, first: QuoteRange, second: QuoteRange) -> bool:
    """Only a comma, ``und``, ``oder`` stand between two quotes, and the second starts in
    upper case without a sentence end (a name like the first)."""
    if first.close_mark is None or second.open_mark is None:
        return False
    item = text[second.start : second.end].rstrip()
    if not (item[:1].isupper() or item[:1].isdigit()) or item.endswith((".", "!", "?", "…")):
        return False
    return bool(LIST_JOINER.fullmatch(text[first.close_mark + 1 : second.open_mark]))


def _name_lists(text: str, quotes: list[QuoteRange]) -> set[int]:
    """Indexes of quotes in a list of three or more quoted names (``Themen wie „A“, „B“ oder
    „C“``): joined by commas, ``und``, ``oder``, each starting in upper case without a
    sentence end. A list of slogans that end like sentences stays speech."""
    found: set[int] = set()
    run: list[int] = []
    for k, q in enumerate(quotes):
        item = text[q.start : q.end].rstrip()
        ok = q.close_mark is not None and q.open_mark is not None
        ok = ok and (item[:1].isupper() or item[:1].isdigit())
        ok = ok and not item.endswith((".", "!", "?", "…"))
        joined = bool(run) and LIST_JOINER.fullmatch(
            text[(quotes[run[-1]].close_mark or 0) + 1 : q.open_mark or 0]
        )
        if ok and (joined or not run):
            run.append(k)
            continue
        if len(run) >= MIN_NAME_LIST:
            found.update(run)
        run = [k] if ok else []
    if len(run) >= MIN_NAME_LIST:
        found.update(run)
    return found


class QuoteFinder:
    """Puts every direct quote into ``doc.spans["quotes"]`` with ``span._.content``, and quoted
    names and titles into ``doc.spans["titles"]``."""

    def __init__(self, speech_forms: frozenset[str] = frozenset()) -> None:
        self.speech_forms = speech_forms

    def __call__(self, doc: Doc) -> Doc:
        if doc_attr(doc, "paragraphs") is None:  # run without the sentencizer: a paragraph per line
            set_doc_attr(doc, "paragraphs", paragraph_ranges(doc_text(doc)))
            set_doc_attr(doc, "sent_starts", [p[0] for p in doc_attr(doc, "paragraphs")])
        self.set_annotations(doc, *self.find(doc))
        return doc

    def find(self, doc: Doc) -> tuple[list[QuoteRange], list[QuoteRange], list[QuoteRange]]:
        """The quotes that are speech, those that are names or titles, and the speech quoted
        inside other quotes."""
        text = doc_text(doc)
        nested: list[QuoteRange] = []
        quotes = find_quotes(
            text, doc_attr(doc, "paragraphs"), doc_attr(doc, "sent_starts"), nested
        )
        speech, names = split_names(text, quotes, doc_attr(doc, "paragraphs"), self.speech_forms)
        inner, _ = split_names(text, nested, doc_attr(doc, "paragraphs"), self.speech_forms)
        return speech, names, inner

    def set_annotations(
        self,
        doc: Doc,
        quotes: list[QuoteRange],
        names: list[QuoteRange],
        nested: list[QuoteRange],
    ) -> None:
        doc.spans["quotes"] = self._spans(doc, quotes)
        doc.spans["titles"] = self._spans(doc, names)
        doc.spans["nested_quotes"] = self._spans(doc, nested)

    def _spans(self, doc: Doc, quotes: list[QuoteRange]) -> list[Span]:
        spans: list[Span] = []
        for q in quotes:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            set_span_attr(span, "content", (q.start, q.end))
            set_span_attr(span, "kind", "direct")
            set_span_attr(span, "quote_flags", q.flags)
            spans.append(span)
        return spans


@Language.factory("claims_quotes", assigns=["doc.spans"], requires=["doc._.paragraphs"])
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    forms = load_lexicon().forms
    return QuoteFinder(frozenset(f for f, info in forms.items() if info.full or info.separable))
