"""Helpers of :mod:`claims.nlp.speakers.component`: trimming a report after its source,
deduplicating statements, dropping a marker report another report already holds, and small
readings of the text around a quote or cue (a quote in brackets after a name, the verb a speech
noun is the object of, a ``Wie X erklärte`` clause)."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from claims.nlp.extensions import doc_text, sentence_at, set_span_attr, span_attr
from claims.nlp.grammar.mood import is_subjunctive
from claims.nlp.grammar.verbs import is_finite_verb, wie_before
from claims.nlp.indirect.bounds import trim
from claims.nlp.lexicon import Lexicon
from claims.nlp.speakers.doccontext import DocContext
from claims.nlp.speakers.linking import mention_ending_at
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.sources import marker_source
from claims.nlp.speakers.spans import copy_speaker
from claims.nlp.words import word_set

NOMINATIVE_ARTICLES = word_set("nominative_articles")
MAX_TITLE_WORDS = 12


def opens(doc: Doc, span: Span, mention: Mention) -> bool:
    """The mention opens the span, maybe after an article and adjectives (``der
    Parteivorsitzende X``)."""
    if not span.start_char <= mention.start < span.end_char:
        return False
    head = doc_text(doc)[span.start_char : mention.start].split()
    if len(head) <= 3 and all(w.islower() for w in head):
        return True
    # "der amerikanische Autohersteller X": a title before the name, opened by an article
    return (
        0 < len(head) <= MAX_TITLE_WORDS
        and head[0] in NOMINATIVE_ARTICLES
        and all(w.islower() or w[:1].isupper() for w in head)
        and not any(w[-1] in ",.;:" for w in head)
    )


def name_end(doc: Doc, end: int) -> int:
    """The end of a name with its bracketed short form (``X (SSC)``)."""
    text = doc_text(doc)
    rest = text[end : end + 14]
    if rest.startswith(" (") and ")" in rest:
        return end + rest.index(")") + 1
    return end


def after(doc: Doc, span: Span, offset: int) -> Span | None:
    """The same report starting after ``offset`` (None when too little is left)."""
    rest = doc.char_span(offset, span.end_char, alignment_mode="contract")
    if rest is None or len(rest) < 2:
        return None
    a, b = trim(doc, rest.start, rest.end)
    if b - a < 2:
        return None
    new = doc[a:b]
    for attr in (
        "cue",
        "cue_lemma",
        "cue_type",
        "cue_content",
        "content_type",
        "opinion",
        "particle",
        "source",
    ):
        set_span_attr(new, attr, span_attr(span, attr))
    set_span_attr(new, "kind", span_attr(span, "kind"))
    set_span_attr(new, "content", (doc[a].idx, doc[b - 1].idx + len(doc[b - 1])))
    return new


def dedupe(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for span in spans:
        key = (*span_attr(span, "content"), span_attr(span, "kind"))
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out


def light_verb(doc: Doc, lo: int, noun: int) -> int | None:
    """The finite verb a speech noun is the object of (``vertritt … die Ansicht``), the last
    one before the noun in its clause."""
    for k in range(noun - 1, max(lo, noun - 12) - 1, -1):
        tok = doc[k]
        if tok.text in ",;:":
            return None
        if tok.is_lower and is_finite_verb(tok.text):
            return k
    return None


def covers_or_reports(
    inner: tuple[int, int], marker: tuple[int, int], quotes: set[tuple[int, int]]
) -> bool:
    """A statement inside a marker sentence that covers half of it or is no quote."""
    return (inner[1] - inner[0]) * 2 >= marker[1] - marker[0] or inner not in quotes


def bracket_subject(doc: Doc, start: int, ctx: DocContext) -> Mention | None:
    """``der Leiter der Behörde, Mohammed X („…“)``: a quote in brackets right after a
    person's name is that person's."""
    head = doc_text(doc)[max(0, start - 4) : start].rstrip('„“"»«‚')
    if not head.endswith("("):
        return None
    end = len(head.rstrip("( \u00a0")) + max(0, start - 4)
    return mention_ending_at(ctx, end)


def inherit(span: Span, report: Span) -> None:
    """A quote inside a report is a partial quote of the report's speaker."""
    set_span_attr(span, "cue", span_attr(report, "cue"))
    set_span_attr(span, "cue_lemma", span_attr(report, "cue_lemma"))
    copy_speaker(span, report)


def wie_report(doc: Doc, report: Span) -> bool:
    """The report's cue ends a ``Wie X erklärte,`` clause that opens its sentence."""
    cue = doc[span_attr(report, "source")[0] : span_attr(report, "source")[1]]
    sent = sentence_at(doc, cue.start)
    j = wie_before(doc, cue, sent.start)
    opens = j >= 0 and (j == sent.start or doc[j - 1].text in '„“"»«')
    return opens and cue.start_char < span_attr(report, "content")[0]


def marker_before(
    doc: Doc, sent: Span, span: Span, cues: list[Span], cue_starts: list[int], ctx: DocContext
) -> Mention | None:
    """``Nach Auffassung des Ministers X sei es „…“``: the source of a marker that opens the
    quote's sentence."""
    lo, hi = bisect_left(cue_starts, sent.start_char), bisect_left(cue_starts, span.start_char)
    for cue in cues[lo:hi]:
        if span_attr(cue, "cue_type") == "marker":
            return marker_source(doc, cue, sent, ctx, span_attr(span, "content"))[0]
    return None


def markers_only_alone(
    doc: Doc, spans: list[Span], quote_ranges: set[tuple[int, int]], lexicon: Lexicon
) -> list[Span]:
    """A marker sentence that already holds a verb report or is mostly a quote adds
    nothing; one with a short quote inside (``„keine Geheimnisse“``) stays, and so does one
    whose Konjunktiv stands outside a longer quote (``Der Iran müsse „…“ beenden, so X``)."""
    others = sorted(
        (span_attr(s, "content"), k)
        for k, s in enumerate(spans)
        if span_attr(s, "cue_type") != "marker"
    )
    ranges = sorted(quote_ranges)

    def reports_outside(a: int, b: int) -> bool:
        span = doc.char_span(a, b, alignment_mode="expand")
        quoted = [(x, y) for x, y in ranges if x < b and a < y]
        inside = sum(min(y, b) - max(x, a) for x, y in quoted)
        return (
            span is not None
            and inside * 5 < (b - a) * 4
            and any(
                is_subjunctive(t, lexicon) and not any(x <= t.idx < y for x, y in quoted)
                for t in span
            )
        )

    kept = []
    for span in spans:
        if span_attr(span, "cue_type") == "marker":
            a, b = span_attr(span, "content")
            inside = [(xy, k) for xy, k in others if xy[0] < b and a < xy[1]]
            quoted = sum(y - x for (x, y), _ in inside if (x, y) in quote_ranges)
            outside = reports_outside(a, b)
            if (quoted * 2 >= b - a and not outside) or any(  # "„A“, so X, „B“"
                covers_or_reports(xy, (a, b), quote_ranges) and not (outside and xy in quote_ranges)
                for xy, _ in inside
            ):
                for _, k in inside:  # "X wird aufgefordert, …, so Y": Y says it
                    if (
                        span_attr(spans[k], "speaker") is None
                        and span_attr(span, "speaker") is not None
                    ):
                        copy_speaker(spans[k], span)
                continue
        kept.append(span)
    return kept
