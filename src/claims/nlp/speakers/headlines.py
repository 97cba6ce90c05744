"""Speakers of headline statements, from the article body.

A headline or sub-headline quotes or summarises what the body attributes: ``»Niemand wird …
ausgebildet«`` above ``»Auf unseren Übungsplätzen wird niemand … ausgebildet«, sagte X``, or
``Außenminister weist Vorwürfe zurück`` above ``Der Außenminister hat … zurückgewiesen``. A
headline statement whose speaker is unknown (or only a bare word such as a capital city) takes
the speaker of the body statement that repeats most of its words, else of the body statement
with the same speech verb, else of the first attributed statement of the lead (the first two
body paragraphs). Headings that quote someone inside a clause are statements too
(:func:`quoted_headlines`).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.extensions import doc_attr, doc_text, set_span_attr, span_attr
from claims.nlp.grammar.verbs import is_finite_verb
from claims.nlp.lexicon import verb_lemmas
from claims.nlp.sentences.headblock import body_start
from claims.nlp.speakers.spans import copy_speaker
from claims.nlp.words import word_set

LEAD_PARAGRAPHS = 2  # paragraphs of the lead whose first statement speaks for the headline
MIN_SHARED = 0.5  # share of a headline's content words a body statement must repeat
STEM = 5  # compare words by their first letters, so that inflection does not matter
_WORD = re.compile(r"\w{4,}")


_ENDING = re.compile(r"(?:en|er|es|em|e|n|s)$")


def _stems(text: str) -> set[str]:
    """Content words without inflection endings, cut to ``STEM`` letters."""
    return {_ENDING.sub("", w)[:STEM] for w in _WORD.findall(text.lower())}


def _unresolved(span: Span) -> bool:
    speaker = span_attr(span, "speaker")
    if speaker is None:
        return True
    name = speaker.removeprefix(OTHER_PREFIX)
    return (
        speaker.startswith(OTHER_PREFIX)
        and " " not in name
        and name == span_attr(span, "speaker_mention")
    )


def inherit_headline_speakers(doc: Doc, statements: list[Span]) -> None:
    """Give unresolved headline statements the speaker the body gives them (in place)."""
    text = doc_text(doc)
    for span in statements:  # a quoted subheading: the statement that repeats it
        if span_attr(span, "content_type") == "headline" and span_attr(span, "speaker") is None:
            others = [
                s for s in statements if s is not span and span_attr(s, "speaker") is not None
            ]
            # the statements after the subheading first: it announces them
            others.sort(key=lambda s: span_attr(s, "content")[0] < span_attr(span, "content")[0])
            _take_speaker(span, _most_shared(text, span, others))
    start = body_start(doc)
    if not start:
        return
    head = [s for s in statements if span_attr(s, "content")[1] <= start and _unresolved(s)]
    body = [
        s
        for s in statements
        if span_attr(s, "content")[0] >= start and span_attr(s, "speaker") is not None
    ]
    if not head or not body:
        return
    paragraphs: list[tuple[int, int]] = doc_attr(doc, "paragraphs") or []
    # the lead: the first body paragraphs (a first one that only introduces the person, with
    # no statement of its own, is followed by the one that reports)
    lead_end = ([hi for lo, hi in paragraphs if lo >= start][:LEAD_PARAGRAPHS] or [start])[-1]
    lead = next((s for s in body if span_attr(s, "content")[0] < lead_end), None)
    for span in head:
        source = _most_shared(text, span, body)
        if source is None and span_attr(span, "cue_lemma"):
            source = next(
                (s for s in body if span_attr(s, "cue_lemma") == span_attr(span, "cue_lemma")), None
            )
        _take_speaker(span, source or lead)


def _take_speaker(span: Span, source: Span | None) -> None:
    if source is not None:
        copy_speaker(span, source)


def _most_shared(text: str, span: Span, others: list[Span]) -> Span | None:
    """The first of ``others`` that repeats most (at least ``MIN_SHARED``) of the words of
    ``span``."""
    words = _stems(text[span_attr(span, "content")[0] : span_attr(span, "content")[1]])
    best, shared = None, 0.0
    for other in others if words else []:
        share = len(
            words & _stems(text[span_attr(other, "content")[0] : span_attr(other, "content")[1]])
        ) / len(words)
        if share > shared:
            best, shared = other, share
    return best if shared >= MIN_SHARED else None


# "Putin: Russland hat niemanden überfallen": a name, a colon and a clause without quote marks
_COLON_HEADLINE = re.compile(r"([^:\n]{2,100}?):[ \t]+([^\n]{8,})")
_KICKER = re.compile(r"\s[-–—|]\s")
_QUOTE_MARKS = '„“”"»«‚‘’'
_AUXILIARIES = word_set("auxiliaries")
_LINKS = word_set("headline_links")


def _names_the_headline(rest: str) -> bool:
    """What stands between the name and the colon: nothing, or its addressee or topic
    (``dem Westen``, ``über die Sanktionen``), never a clause of its own. A topic may be
    long (``über das Fehlen Chinas auf der Konferenz zum Frieden in Nahost``): the head
    pattern bounds it at 100 characters."""
    words = rest.split()
    return not words or (words[0] in _LINKS and not any(is_finite_verb(w) for w in words))


def colon_headlines(doc: Doc, statements: list[Span]) -> list[Span]:
    """Headlines that attribute a clause to a person by a colon: ``Putin: Er habe …``.

    The name before the colon must be a known mention of a person (not a place or a topic:
    ``Ukraine-Krieg: Die Lage …`` names nobody), and the clause needs a finite verb. Quoted
    headlines are left to the quote rules."""
    text = doc_text(doc)
    start = body_start(doc)
    paragraphs: list[tuple[int, int]] = doc_attr(doc, "paragraphs") or []
    head = [(lo, hi) for lo, hi in paragraphs if hi <= start] if start else paragraphs[:1]
    mentions = doc_attr(doc, "mentions") or []
    taken = [span_attr(s, "content") for s in statements]
    found: list[Span] = []
    for lo, hi in head:
        m = _COLON_HEADLINE.fullmatch(text, lo, hi)
        if m is None or any(c in m.group(2) for c in _QUOTE_MARKS):
            continue
        name = next(
            (
                x
                for x in mentions
                if x.start == m.start(1)
                and _names_the_headline(text[x.end : m.end(1)])
                and x.speaker
                and x.kind in ("name", "person", "role", "epithet")
            ),
            None,
        )
        words = [w.strip(".,;!?") for w in m.group(2).split()]
        if name is None or not any(
            w.lower() in _AUXILIARIES or is_finite_verb(w) or w in verb_lemmas() for w in words[1:]
        ):
            continue
        a, b = m.start(2), m.end(2)
        kicker = _KICKER.search(text, a, b)  # "… - Kremlchef entsetzt": the headline's tail
        b = kicker.start() if kicker else b
        while b > a and text[b - 1] in " .":
            b -= 1
        if any(x < b and a < y for x, y in taken):
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        set_span_attr(span, "content", (a, b))
        set_span_attr(span, "kind", "indirect")
        set_span_attr(span, "content_type", "sentence")
        set_span_attr(span, "speaker", name.speaker)
        set_span_attr(span, "speaker_mention", name.text)
        found.append(span)
    return found


MAX_HEADING_CHARS = 160  # a (sub)heading is a short paragraph ...
_HEADING_END = re.compile(r"[.!?…][\"'“”»«‘’)]*$")  # ... that does not end like a sentence
_HEADING_PARTS = re.compile(r":\s+|\s[-–—]\s|;\s+")
_TRAILING_CONJUNCTION = re.compile(r",?\s+(?:aber|doch|und|sondern)$")
MIN_QUOTED_WORDS = 2
MAX_BELOW = 20  # statements after a subheading that may repeat it
_DECORATION = " +*#|•~="


def quoted_headlines(doc: Doc, statements: list[Span]) -> list[Span]:
    """(Sub)headings that quote someone inside a clause: ``Minsk will dort „nichts
    suchen“ - doch „wir antworten sofort“``. The quote marks make the clause
    someone's words; each part (split at a colon or a dash) with a quoted phrase of two words
    or more is a statement, whose speaker the body gives (:func:`inherit_headline_speakers`),
    else none (then it is dropped). A heading that is only a quote is left to the quote rules.
    Look-ups are by offset, so a text of many short quoted lines stays linear."""
    text = doc_text(doc)
    quotes = sorted(span_attr(q, "content") for q in doc.spans.get("quotes", []))
    quote_starts = [q[0] for q in quotes]
    taken = _merged(
        sorted(span_attr(s, "content") for s in statements if span_attr(s, "kind") != "direct")
    )
    taken_starts = [t[0] for t in taken]
    attributed = sorted(
        (s for s in statements if span_attr(s, "speaker") is not None),
        key=lambda s: span_attr(s, "content")[0],
    )
    attributed_starts = [span_attr(s, "content")[0] for s in attributed]
    paragraphs: list[tuple[int, int]] = doc_attr(doc, "paragraphs") or []
    body = body_start(doc)
    found: list[Span] = []
    for p, (lo, hi) in enumerate(paragraphs):
        if hi - lo > MAX_HEADING_CHARS or _HEADING_END.search(text, lo, hi):
            continue
        k = bisect_left(quote_starts, lo)
        inner = [q for q in quotes[k : bisect_left(quote_starts, hi)] if q[1] <= hi]
        t = bisect_left(taken_starts, hi) - 1
        if not inner or (t >= 0 and taken[t][1] > lo):
            continue
        cuts = [lo, *(x for m in _HEADING_PARTS.finditer(text, lo, hi) for x in m.span()), hi]
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            part = _TRAILING_CONJUNCTION.sub("", text[a:b].rstrip(_DECORATION))
            b = a + len(part)
            while a < b and text[a] in _DECORATION:  # "+++ Eilmeldung +++": ticker marks
                a += 1
            quoted = [q for q in inner if a <= q[0] and q[1] <= b]
            if not quoted or not any(len(text[x:y].split()) >= MIN_QUOTED_WORDS for x, y in quoted):
                continue
            if all(x - a <= 1 and b - y <= 1 for x, y in quoted):
                continue  # the part is only a quote
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            set_span_attr(span, "content", (a, b))
            set_span_attr(span, "kind", "indirect")
            set_span_attr(span, "content_type", "headline")
            if lo >= body:  # a subheading announces the section below it
                below = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
                first = bisect_left(attributed_starts, hi)
                after = attributed[first : first + MAX_BELOW]
                _take_speaker(span, _below(span, after, below))
            found.append(span)
    return found


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges merged where they overlap (disjoint, so one bisect finds an overlap)."""
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _below(span: Span, after: list[Span], below: tuple[int, int] | None) -> Span | None:
    """Of the attributed statements after a subheading, the one that repeats it most, else
    the first one of the paragraph right below it."""
    shared = _most_shared(doc_text(span.doc), span, after)
    if shared is not None or below is None:
        return shared
    return next((s for s in after if below[0] <= span_attr(s, "content")[0] < below[1]), None)
