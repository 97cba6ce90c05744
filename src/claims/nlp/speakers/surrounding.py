"""Speakers a statement takes from the sentences around it.

* ``Lukaschenko: „…“``, ``X lehnt ab: „…“``: the person before the colon;
* ``X kritisierte den Plan. „…“``: the person the sentence before is about, else the topic
  person of the paragraph and the one before (nobody when they name two people);
* ``X nahm zu der Frage Stellung. Jeder könne „…“``: the subject (or a speech verb's subject)
  of the sentence right before;
* ``X sagte, … . Deshalb müsse „…“.``: a quote in a Konjunktiv sentence after a report goes on
  with it.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from claims.nlp.extensions import doc_attr, doc_text, paragraph_starts, span_attr
from claims.nlp.grammar.mood import is_subjunctive
from claims.nlp.lexicon import Lexicon
from claims.nlp.sentences.segment import sentence_of
from claims.nlp.speakers.carryover import unnamed_cue_before
from claims.nlp.speakers.clauses import subject_at
from claims.nlp.speakers.coref import sentence_subject
from claims.nlp.speakers.cue_subject import cue_subject
from claims.nlp.speakers.doccontext import DocContext
from claims.nlp.speakers.linking import mention_in
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.quotecue import colon_before
from claims.nlp.speakers.sentence_subject import sole_inverted_subject
from claims.nlp.words import word_set

# sentences back to look for the topic person of a quote without a cue
TOPIC_SENTENCES = 3
FOLLOW_UP_HEADS = word_set("follow_up_heads")
# mention kinds that name a person (bodies are often read off an object phrase)
PEOPLE = frozenset({"name", "person", "role", "description", "epithet", "pronoun"})


def follow_up(head: Span) -> bool:
    """``Und: „…“``, ``Weiter: „…“``: a quote opened by a linking word and a colon only."""
    words = [t for t in head if not t.is_space and t.text not in '„“"»«‚']
    return (
        len(words) >= 2
        and words[-1].text == ":"
        and all(t.lower_ in FOLLOW_UP_HEADS for t in words[:-1])
    )


def previous_subject(doc: Doc, start: int, ctx: DocContext) -> Mention | None:
    """``X kritisierte den Plan. „…“``: a quote without a cue that opens a sentence is
    the person's the sentence before in its paragraph is about, else the topic person's:
    the one person the two sentences before that (this paragraph or the preceding one)
    have as subject; none when they name two different people."""
    starts = doc_attr(doc, "sent_starts") or [0]
    k = sentence_of(starts, start)
    if not k:
        return None
    if start - starts[k] > 3:
        # "Damit seien „…“": a Konjunktiv sentence around the quote reports as well;
        # "Und: „…“": a follow-up of the sentence before
        head = doc.char_span(starts[k], start, alignment_mode="expand")
        if head is None or not (
            any(is_subjunctive(t, ctx.lexicon) for t in head) or follow_up(head)
        ):
            return None
    p_starts = paragraph_starts(doc)
    par = bisect_left(p_starts, start + 1)
    if bisect_left(p_starts, starts[k - 1] + 1) == par:
        subject = sentence_subject(ctx, k - 1) or sole_inverted_subject(ctx, k - 1)
        if subject is not None:
            return subject  # the person of the sentence right before
        if unnamed_cue_before(doc, start, ctx.cues, ctx.cue_starts, ctx):
            return None  # "Die Opposition spricht von …": that sentence has its speaker
    found: list[Mention] = []
    # the sentence right before counts too when it ends the preceding paragraph
    first = k - 1 if bisect_left(p_starts, starts[k - 1] + 1) != par else k - 2
    for j in range(first, max(-1, k - 1 - TOPIC_SENTENCES), -1):
        if par - bisect_left(p_starts, starts[j] + 1) > 1:
            break  # further back than the preceding paragraph
        subject = sentence_subject(ctx, j)
        if subject is not None and subject.speaker:
            found.append(subject)
    if not found or any(m.speaker != found[0].speaker for m in found[1:]):
        return None  # nobody, or two people: no topic person
    return found[0]


def reports_on(doc: Doc, previous: Span, start: int, lexicon: Lexicon) -> bool:
    """The quote at ``start`` stands in a Konjunktiv sentence (the verb before the quote)
    right after the sentence that holds the ``previous`` statement, in its paragraph."""
    if span_attr(previous, "speaker") is None:
        return False
    starts = doc_attr(doc, "sent_starts") or [0]
    k = sentence_of(starts, start)
    if (
        not k
        or start - starts[k] <= 3
        or not starts[k - 1] <= span_attr(previous, "content")[1] <= starts[k]
    ):
        return False
    p_starts = paragraph_starts(doc)
    if bisect_left(p_starts, starts[k - 1] + 1) != bisect_left(p_starts, start + 1):
        return False
    head = doc.char_span(starts[k], start, alignment_mode="expand")
    return head is not None and any(is_subjunctive(t, lexicon) for t in head)


def subject_right_before(
    doc: Doc, span: Span, statements: list[Span], ctx: DocContext
) -> Mention | None:
    """``X nahm zu der Frage Stellung. Jeder könne „…“``: the person the sentence right
    before (same paragraph, no statement in it) is about, rather than the speaker of an
    earlier statement."""
    starts = doc_attr(doc, "sent_starts") or [0]
    k = sentence_of(starts, span.start_char)
    if not k:
        return None
    lo, hi = starts[k - 1], starts[k]
    p_starts = paragraph_starts(doc)
    if bisect_left(p_starts, lo + 1) != bisect_left(p_starts, hi + 1):
        return None
    if any(a < hi and lo < b for a, b in (span_attr(s, "content") for s in statements)):
        return None
    for cue in ctx.cues[bisect_left(ctx.cue_starts, lo) : bisect_left(ctx.cue_starts, hi)]:
        if span_attr(cue, "cue_type") == "verb" and set(span_attr(cue, "cue_content") or ()) - {
            "quote"
        }:
            # "Der Plan wurde von X als unrealistisch bezeichnet." (not the judging
            # "Manche halten X für naiv", whose verb governs only a quote)
            speaker = cue_subject(ctx, cue)
            if speaker is not None and speaker.speaker is not None and speaker.kind in PEOPLE:
                return speaker  # a person: not a body read off an object phrase
    subject = sentence_subject(ctx, k - 1) or sole_inverted_subject(ctx, k - 1)
    return subject if subject is not None and subject.speaker is not None else None


def colon_subject(doc: Doc, start: int, ctx: DocContext) -> Mention | None:
    """``Lukaschenko: „…“`` or ``X lehnt ab: „…“``: the person before the colon."""
    if not colon_before(doc_text(doc), start):
        return None
    starts = doc_attr(doc, "sent_starts") or [0]
    s_lo = starts[sentence_of(starts, max(0, start - 2))]
    clause = doc_text(doc).rfind(", ", s_lo, start)
    # "so A („…“), und der Minister B: „…“": the person of the clause before the colon
    found = mention_in(ctx, clause, start) if clause >= 0 else None
    found = found or mention_in(ctx, s_lo, start)
    head = doc.char_span(s_lo, start, alignment_mode="contract")
    while head is not None and len(head) > 1 and (head[-1].text in '„“"»«‚' or head[-1].is_space):
        head = head[:-1]
    if found is None and head is not None and len(head) > 2 and head[-1].text == ":":
        # "Ein Beamter der Nationalgarde: „…“": the body a description speaks for
        found = subject_at(ctx, head.start, head[-1:])
    if found is None and head is not None and head[-1].text == ":":
        # "X sagte am Montag:" ending the paragraph before the quote: the verb's subject
        k = bisect_left(ctx.cue_starts, head.end_char)
        cue = ctx.cues[k - 1] if k else None
        if (
            cue is not None
            and cue.start >= head.start
            and span_attr(cue, "cue_type") == "verb"
            and not any(t.text == "," for t in doc[cue.end : head.end])  # its own clause
        ):
            found = cue_subject(ctx, cue)
    return found
