"""Where a direct quote's cue is, and when a quote goes on with the previous speaker."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from claims.nlp.extensions import (
    doc_attr,
    doc_text,
    paragraph_starts,
    sentence_at,
    set_span_attr,
    span_attr,
)
from claims.nlp.grammar.verbs import is_finite_verb, perfect_tail
from claims.nlp.located import Located, span_range
from claims.nlp.quotes.marks import QUOTE_MARKS
from claims.nlp.sentences.segment import sentence_of
from claims.nlp.speakers.agents import PASSIVE_AUXILIARIES
from claims.nlp.speakers.spans import paragraph_gap
from claims.nlp.words import word_set

TITLE_NOUNS = word_set("title_nouns")
# share of capitalised words from which an unattributed quote reads as a name or title
NAME_CAPS_SHARE = 0.6
QUOTED_PIECE = re.compile(r"[„“”\"»«‚‘’'›‹]([^„“”\"»«‚‘’'›‹]*)[„“”\"»«‚‘’'›‹]")
MAX_GOVERNED_GAP = 120
MAX_ALS_GAP = 60  # characters between an "als" phrase and the verb that ends its clause
CLAUSE_MARKS = frozenset(",.;:!?()–—")
# characters between an auxiliary and the verb that closes its clause ("Das musste X am zweiten
# Tag der Klausur des Stadtrats zum Nachtragshaushalt für die Schulen schließlich einräumen")
MAX_CLAUSE_BRACKET = 160
FINITE_AUXILIARIES = word_set("auxiliaries")
SO_GAP = re.compile(r"[“”\"»«‘’'.!? \u00a0]*So[ \u00a0]+")
DEMONSTRATIVE_GAP = re.compile(r"[“”\"»«‘’'.!? \u00a0]*(?:Das|Dies)[ \u00a0]+")
DEMONSTRATIVE_AUX_GAP = re.compile(
    r"[“”\"»«‘’'.!? \u00a0]*(?:Das|Dies)[ \u00a0]+(?:"
    + "|".join(sorted(word_set("backref_auxiliaries")))
    + r")[ \u00a0][^.!?;:„“”\"»«]{1,"
    + str(MAX_CLAUSE_BRACKET)
    + "}"
)
# "„…“ Mit diesen Worten kommentierte X den Beschluss": the words are the quote before
WORDS_GAP = re.compile(
    r"(?:[“”\"»«‘’'.!? \u00a0]*Mit|[“”\"»«‘’' \u00a0]*[–—][ \u00a0]*mit)"
    r"[ \u00a0]+(?:diesen|den|solchen)[ \u00a0]+"
)
COLON_AFTER = re.compile(r"[“”\"»«‘’']?[ \u00a0]*:[ \u00a0]")


# text between a quote and the cue after a later quote of its sentence: words, the later quote,
# a comma ("Die „A“ hätten „B“, so X")
LATER_QUOTE_GAP = re.compile(
    r"[“”\"»«‘’'›‹]?[^„“”\"»«‚‘’'›‹.!?:;()]{1,80}[„“\"»«‚›]"
    r"[^„“”\"»«‚‘’'›‹]{1,300}[“”\"«»‘’'‹›][ \u00a0]*,[ \u00a0]*"
)
# "„…“, wird Mike Downey, Produktchef, zitiert": auxiliary, subject, then the participle
PASSIVE_QUOTED_GAP = re.compile(
    r"[„“”\"»«‚‘’'›‹]?,\s*(?:wird|wurde|werden|wurden)\s[^.!?:;„“”\"»«]{2,100}"
)


def quote_cue(doc: Doc, span: Span, cues: list[Span], cue_starts: list[int]) -> Span | None:
    """The cue right after the quote (``„…“, sagte X``) when the quote opens its sentence,
    else the nearest cue before it in its sentence (``X sagte: „…“``)."""
    text = doc_text(doc)
    start, end = span_attr(span, "content")
    starts = doc_attr(doc, "sent_starts") or [0]
    anchor = start if span_attr(span, "quote_flags") == "unopened" else max(0, start - 1)
    s_lo = starts[sentence_of(starts, anchor)]
    opens_sentence = start - s_lo < 8 and all(
        ch in QUOTE_MARKS or ch.isspace() for ch in text[s_lo:start]
    )
    after: Span | None = None
    k = bisect_left(cue_starts, end)
    if k < len(cues):
        gap = text[end : cues[k].start_char]
        punct_only = all(ch in ",;– \u00a0" or ch in QUOTE_MARKS for ch in gap)
        governs = (
            span_attr(cues[k], "cue_type") == "verb" or span_attr(cues[k], "cue_lemma") == "so"
        )
        if len(gap) <= 6 and punct_only and ("," in gap or governs):
            after = cues[k]
        elif span_attr(cues[k], "cue_type") == "verb" and (
            DEMONSTRATIVE_GAP.fullmatch(gap)
            or DEMONSTRATIVE_AUX_GAP.fullmatch(gap)
            or SO_GAP.fullmatch(gap)
        ):
            # "„…“ Das sagte X.", "„…“ Das musste X einräumen.", "„…“ So äußerte sich X."
            after = cues[k]
        elif cues[k].text == "Worten" and WORDS_GAP.fullmatch(gap):
            # "„…“ Mit diesen Worten kommentierte X …", "„…“ – mit diesen Worten trat X vor
            # die Presse": the verb after the noun, a speech verb or not, has the speaker
            nxt = cues[k + 1] if k + 1 < len(cues) else None
            if (
                nxt is not None
                and span_attr(nxt, "cue_type") == "verb"
                and nxt.start == cues[k].end
            ):
                after = nxt
            elif cues[k].end < len(doc) and is_finite_verb(doc[cues[k].end].text):
                after = doc[cues[k].end : cues[k].end + 1]
                set_span_attr(after, "cue_type", "verb")
                set_span_attr(after, "cue", Located(after.text, (span_range(after),)))
        elif governs and LATER_QUOTE_GAP.fullmatch(gap) and not _crosses_sentence(starts, end, gap):
            # "Die „A“ hätten „B“, so X.": the cue after the sentence's last quote has them all
            after = cues[k]
        elif span_attr(cues[k], "cue_type") == "verb" and _perfect_after(doc, end, cues[k], starts):
            after = cues[k]  # "„…“, hatte X in einem Interview erklärt."
        elif span_attr(cues[k], "cue_lemma") == "zitieren" and PASSIVE_QUOTED_GAP.fullmatch(gap):
            after = cues[k]  # "„…“, wird X, Chef der Y, zitiert": the passive subject speaks
        elif opens_sentence and COLON_AFTER.match(text, end):
            # '"Keine einzige Rakete": Minister weist Vorwürfe zurück'
            s_hi = starts[sentence_of(starts, end) + 1] if end < starts[-1] else len(text)
            after = next(
                (
                    c
                    for c in cues[k : k + 4]
                    if span_attr(c, "cue_type") == "verb" and c.start_char < s_hi
                ),
                None,
            )
    governor = _als_governor(text, start, end, cues[k : k + 3])
    if governor is not None:
        return governor
    before: Span | None = None
    k = bisect_left(cue_starts, start) - 1
    while k >= 0 and cues[k].start_char >= max(s_lo, start - 400):
        cue = cues[k]
        between = text[cue.end_char : start]
        parenthetical = (
            span_attr(cue, "cue_lemma") == "so" and len(between) < 60
        )  # "„A“, so X, „B“"
        takes_quote = span_attr(cue, "cue_type") != "verb" or "quote" in (
            span_attr(cue, "cue_content") or ()
        )
        if (
            _no_speech_between(between[:-2])
            and (span_attr(cue, "cue_type") != "marker" or parenthetical)
            and (takes_quote or after is None)  # "verbreiteten „…“, sagte X": X's quote
        ):
            if before is None:
                before = cue
            if span_attr(cue, "cue_type") == "verb":
                before = cue  # "nannte die Erklärung „…“": the verb, not the noun
                break
        k -= 1
    if after is not None and (opens_sentence or before is None):
        return after
    return before


def _crosses_sentence(starts: list[int], end: int, gap: str) -> bool:
    """Whether a sentence starts inside the ``gap`` text that begins at char ``end``."""
    return sentence_of(starts, end) != sentence_of(starts, end + len(gap))


def _perfect_after(doc: Doc, end: int, cue: Span, starts: list[int]) -> bool:
    """The quote ending at char ``end`` is followed by ``, hat X … gesagt.``: the clause of
    the participle ``cue`` starts right after the quote."""
    sent = sentence_at(doc, cue.start)
    comma = perfect_tail(doc, cue, sent.start, sent.end)
    if comma is None:
        return False
    gap = doc_text(doc)[end : doc[comma].idx]
    return len(gap) <= 3 and all(ch in QUOTE_MARKS or ch.isspace() for ch in gap)


def _after_als(text: str, start: int) -> bool:
    head = text[max(0, start - 8) : start].rstrip("„“”\"»«‚‘’'›‹ \u00a0").split()
    return bool(head) and head[-1] == "als"


def _als_governor(text: str, start: int, end: int, following: list[Span]) -> Span | None:
    """``der die Maßnahme als „Kapitulation“ vor den Randalierern sieht``: in a clause with
    its verb last, a speech verb after an ``als`` phrase governs it, across adverbials."""
    if not _after_als(text, start):
        return None
    for cue in following:
        gap = text[end : cue.start_char].lstrip("„“”\"»«‚‘’'›‹")
        if len(gap) > MAX_ALS_GAP or any(ch in CLAUSE_MARKS or ch in QUOTE_MARKS for ch in gap):
            return None
        if span_attr(cue, "cue_type") == "verb" and "quote" in (
            span_attr(cue, "cue_content") or ()
        ):
            return cue
    return None


def _no_speech_between(between: str) -> bool:
    """No quote between a cue and a quote, or only short quoted phrases (``nannte ihn einen
    „A“ und einen „B“``): a cue governs several partial quotes of its clause."""
    if not any(ch in QUOTE_MARKS for ch in between):
        return True
    if len(between) > MAX_GOVERNED_GAP:
        return False
    pieces = QUOTED_PIECE.findall(between)
    marks = sum(ch in QUOTE_MARKS for ch in between)
    return marks == 2 * len(pieces) and all(len(p.split()) <= 3 for p in pieces)


def continues(doc: Doc, previous: Span, span: Span) -> bool:
    """A quote with no cue continues the previous statement when it was never opened, when
    only marks and spaces stand between them, or when it opens the next paragraph."""
    if span_attr(span, "quote_flags") == "unopened":
        return paragraph_gap(doc, previous, span) <= 1
    between = doc_text(doc)[span_attr(previous, "content")[1] : span_attr(span, "content")[0]]
    if len(between) < 12 and all(
        ch in QUOTE_MARKS or ch.isspace() or ch in ".,;:!?" for ch in between
    ):
        return True
    starts = doc_attr(doc, "sent_starts") or [0]
    k = sentence_of(starts, span_attr(span, "content")[0])
    opens_sentence = span_attr(span, "content")[0] - starts[k] < 8 and all(
        ch in QUOTE_MARKS or ch.isspace()
        for ch in doc_text(doc)[starts[k] : span_attr(span, "content")[0]]
    )
    if opens_sentence and k and span_attr(previous, "content")[1] >= starts[k - 1]:
        return True  # „A“, sagte X. „B“
    paragraphs = doc_attr(doc, "paragraphs") or [(0, len(doc_text(doc)))]
    p_this = bisect_left(paragraph_starts(doc), span_attr(span, "content")[0] + 1) - 1
    opens_paragraph = span_attr(span, "content")[0] - paragraphs[p_this][0] < 8 and all(
        ch in QUOTE_MARKS or ch.isspace()
        for ch in doc_text(doc)[paragraphs[p_this][0] : span_attr(span, "content")[0]]
    )
    return opens_paragraph and paragraph_gap(doc, previous, span) == 1


def after_title_noun(text: str, quote: Span) -> bool:
    mark = span_attr(quote, "content")[0] - 1
    if span_attr(quote, "quote_flags") == "unopened" or mark < 1:
        return False
    words = text[max(0, mark - 30) : mark].split()
    return bool(words) and words[-1] in TITLE_NOUNS


def fills_paragraph(doc: Doc, start: int, end: int) -> bool:
    """The quote is its paragraph: only marks and punctuation around it."""
    p_starts = paragraph_starts(doc)
    p = bisect_left(p_starts, start + 1) - 1
    lo, hi = (doc_attr(doc, "paragraphs") or [(0, 0)])[max(0, p)]
    text = doc_text(doc)
    return all(not ch.isalnum() for ch in text[lo:start] + text[end:hi])


def colon_before(text: str, start: int) -> bool:
    """A colon right before the quote, also at the end of the paragraph before it (``X sagte
    am Montag:`` and the quote as the next paragraph)."""
    head = text[max(0, start - 8) : start].rstrip("„“”\"»«‚‘’'›‹ \u00a0\n\r\t")
    return head.endswith(":")


def name_like(text: str) -> bool:
    """A quoted name or title rather than speech: no sentence end, first word capitalised and
    most words capitalised (``„Advanced Camera for Surveys“``, ``„Schule ohne Rassismus“``)."""
    words = text.split()
    if not words or not words[0][:1].isupper():
        return False
    if text.rstrip("“”\"'’) ").endswith((".", "!", "?", "…")):
        return False
    return sum(w[:1].isupper() for w in words) >= NAME_CAPS_SHARE * len(words)


def sentence_quote(text: str) -> bool:
    """„Das ist unsozial“, „Wir müssen handeln.“: a short quote that is a sentence (its first
    word capitalised, a finite verb after it) is speech, never a scare quote."""
    words = [w.strip(".,;:!?…") for w in text.split()]
    return (
        len(words) > 1
        and words[0][:1].isupper()
        and any(w.lower() in FINITE_AUXILIARIES or is_finite_verb(w) for w in words[1:])
    )


def governed_phrase(doc: Doc, span: Span, cue: Span | None) -> bool:
    """A short quote that a speech verb governs as its complement: it starts in lower case or
    follows ``als`` (``bezeichnete ihn als „unfähig“``, ``sprach von einer „ernsten Lage“``),
    or a colon announces it (``rief: „Lasst mich raus!“``). A verb at the clause end governs
    the quote before it after ``als`` (``hatte den Plan als „Unsinn“ bezeichnet``) unless it is
    a passive that names a thing (``der als „Sonnenwind“ bezeichnet wird``). Such a
    phrase is a partial quote even when the speaker is not named; quoted names start in upper
    case and are left to the name rules."""
    if (
        cue is None
        or span_attr(cue, "cue_type") != "verb"
        or span_attr(span, "quote_flags") == "unopened"
    ):
        return False
    if "quote" not in (span_attr(cue, "cue_content") or ()):
        return False
    text = doc_text(doc)
    start = span_attr(span, "content")[0]
    after_als = _after_als(text, start)
    lower = text[start : start + 1].islower()
    if cue.start_char >= start:
        return after_als and (lower or not _passive(doc, cue))
    return lower or after_als or colon_before(text, start)


def _passive(doc: Doc, cue: Span) -> bool:
    """``der als „Sonnenwind“ bezeichnet wird``: a passive verb names, nobody speaks."""
    return cue.end < len(doc) and doc[cue.end].lower_ in PASSIVE_AUXILIARIES


_HEISSEN = word_set("heissen_forms")


def impersonal_intro(doc: Doc, previous: Span | None, span: Span) -> bool:
    """``X erklärte … . Wörtlich hieß es: „…“``: an impersonal ``es hieß`` with no source
    before the colon gives the exact words of the statement before (same or previous
    paragraph)."""
    if (
        previous is None
        or span_attr(previous, "speaker") is None
        or paragraph_gap(doc, previous, span) > 1
    ):
        return False
    k = span.start - 1
    while k >= 0 and doc[k].text in QUOTE_MARKS:
        k -= 1
    if k < 2 or doc[k].text != ":":
        return False
    pair = {doc[k - 1].lower_, doc[k - 2].lower_}
    return "es" in pair and bool(pair & _HEISSEN)
