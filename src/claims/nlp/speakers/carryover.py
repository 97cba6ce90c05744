"""Speakers carried over from what comes before a statement.

* ``„…“, sagte er.``: a pronoun after a quote goes on with the speaker of the latest statement;
* ``X sagte, es müsse … . Es drohe „…“``: a Konjunktiv cue without a named subject goes on with
  the report before it;
* ``…, wie X mitteilte. Die Ursache sei unklar.``: a Konjunktiv sentence without a speaker takes
  the subject of the speech verb in the sentence before;
* short quotes inside a report are partial quotes of its speaker;
* Konjunktiv sentences in a row go on with one speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from spacy.tokens import Doc, Span

from claims.nlp.extensions import doc_attr, paragraph_starts, sentence_at, span_attr
from claims.nlp.grammar.mood import is_subjunctive
from claims.nlp.lexicon import Lexicon
from claims.nlp.sentences.segment import sentence_of
from claims.nlp.speakers.agents import PASSIVE_AUXILIARIES
from claims.nlp.speakers.agreement import COORDINATED
from claims.nlp.speakers.cue_subject import cue_subject
from claims.nlp.speakers.doccontext import DocContext, gender_of
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.spans import copy_speaker, paragraph_gap, quote_only
from claims.nlp.words import word_map

PRONOUN_GENDER = {
    w: g for g, words in word_map("subject_pronoun_genders").items() for w in sorted(words)
}


def same_speaker(
    doc: Doc, previous: Span | None, span: Span, pronoun: Mention, ctx: DocContext
) -> Mention:
    """``„…“, sagte er.``: the pronoun after a quote goes on with the speaker of the latest
    statement of the last paragraphs when it fits, whoever else the text mentioned between."""
    if (
        previous is None
        or span_attr(previous, "speaker") is None
        or paragraph_gap(doc, previous, span) > 2
    ):
        return pronoun
    gender = PRONOUN_GENDER.get(pronoun.text.lower())
    previous_gender = gender_of(ctx, span_attr(previous, "speaker"))
    if gender is not None and previous_gender not in (gender, None):
        return pronoun
    if previous_gender is None and pronoun.speaker is not None and pronoun.gender == gender:
        return pronoun  # a body spoke last, the pronoun fits a person named since: that person
    return Mention(
        pronoun.start,
        pronoun.end,
        pronoun.text,
        "pronoun",
        span_attr(previous, "speaker"),
        gender,
        None,
    )


def continues_report(
    doc: Doc, cue: Span, previous: Span | None, span: Span, lexicon: Lexicon
) -> bool:
    """``X sagte, es müsse … . Es drohe „…“``: a Konjunktiv cue without a named subject goes on
    with the report right before it (same or preceding paragraph)."""
    return (
        previous is not None
        and span_attr(previous, "speaker") is not None
        and paragraph_gap(doc, previous, span) <= 1
        and is_subjunctive(cue[0], lexicon)
    )


def previous_cue_subject(
    doc: Doc, span: Span, cues: list[Span], cue_starts: list[int], ctx: DocContext
) -> Mention | None:
    """The subject of the last speech verb of the sentence right before a Konjunktiv sentence
    (same paragraph): ``…, wie X mitteilte. Die Ursache sei unklar.``"""
    starts = doc_attr(doc, "sent_starts") or [0]
    k = sentence_of(starts, span.start_char)
    p_starts = paragraph_starts(doc)
    if k == 0 or bisect_left(p_starts, starts[k - 1] + 1) != bisect_left(p_starts, starts[k] + 1):
        return None  # the sentence before lies in another paragraph
    lo, hi = bisect_left(cue_starts, starts[k - 1]), bisect_left(cue_starts, starts[k])
    # "X nannte den Plan „absurd“": a verb that takes only a quoted phrase reports nothing
    verbs = [c for c in cues[lo:hi] if span_attr(c, "cue_type") == "verb" and not quote_only(c)]
    if not verbs:
        return None
    mention = cue_subject(ctx, verbs[-1])
    return mention if mention is not None and mention.speaker is not None else None


def unnamed_cue_before(
    doc: Doc, start: int, cues: list[Span], cue_starts: list[int], ctx: DocContext
) -> bool:
    """``X sagte … . || Die Opposition spricht von einem „Desaster“. Die Regierung habe
    versagt.``: the sentence right before the one at ``start`` (same paragraph) has a speech
    verb of its own whose subject names nobody, so what follows it is not X's."""
    starts = doc_attr(doc, "sent_starts") or [0]
    k = sentence_of(starts, start)
    p_starts = paragraph_starts(doc)
    if k == 0 or bisect_left(p_starts, starts[k - 1] + 1) != bisect_left(p_starts, starts[k] + 1):
        return False
    lo, hi = bisect_left(cue_starts, starts[k - 1]), bisect_left(cue_starts, starts[k])
    verbs = [c for c in cues[lo:hi] if span_attr(c, "cue_type") == "verb"]
    if not verbs or _passive(doc, verbs[-1]):
        return False  # "Die Zahl wurde mit 214 angegeben": the report goes on
    mention = cue_subject(ctx, verbs[-1])
    return mention is None or mention.speaker is None


def _passive(doc: Doc, cue: Span) -> bool:
    """A speech verb in the passive (``wurde … angegeben``): nobody is named as speaking."""
    sent = sentence_at(doc, cue.start)
    return any(t.lower_ in PASSIVE_AUXILIARIES for t in doc[sent.start : cue.start])


def partial_quotes(quotes: list[Span], reports: list[Span]) -> list[Span]:
    """Short quotes inside free indirect sentences, found after the quotes were judged."""
    found = []
    for quote in quotes:
        start, end = span_attr(quote, "content")
        report = report_around(reports, start, end)
        if report is not None and span_attr(report, "speaker") is not None:
            copy_speaker(quote, report)
            found.append(quote)
    return found


def report_around(reports: list[Span], start: int, end: int) -> Span | None:
    """The indirect statement that contains the char range, if any (``reports`` is sorted)."""
    k = bisect_left(reports, start + 1, key=lambda r: span_attr(r, "content")[0])
    for report in reversed(reports[max(0, k - 8) : k]):
        a, b = span_attr(report, "content")
        if a <= start and end <= b:
            return report
    return None


def chain_reports(doc: Doc, reported: list[Span], others: list[Span]) -> list[Span]:
    """Konjunktiv sentences in a row go on with one speaker: a reported sentence right after
    another one of its paragraph (no statement between them) takes that one's speaker, as a
    Konjunktiv sentence after any statement does (``X bedauerte das Urteil. Damals seien Fehler
    gemacht worden. Seinerzeit sei das niemandem klar gewesen.``)."""
    starts = doc_attr(doc, "sent_starts") or [0]
    p_starts = paragraph_starts(doc)
    ends = sorted(span_attr(s, "content")[1] for s in others)
    ordered = sorted(reported, key=lambda s: span_attr(s, "content"))
    for before, span in pairwise(ordered):
        lo = span_attr(span, "content")[0]
        k = sentence_of(starts, lo)
        if (
            span_attr(before, "speaker") is None
            or not k
            or span_attr(before, "content")[1] <= starts[k - 1]
        ):
            continue  # not the sentence right before
        if bisect_left(p_starts, span_attr(before, "content")[0] + 1) != bisect_left(
            p_starts, lo + 1
        ):
            continue  # another paragraph
        if bisect_left(ends, lo) != bisect_left(ends, span_attr(before, "content")[1]):
            continue  # another statement ends between them
        copy_speaker(span, before)
    return reported


def shared_subject(doc: Doc, cue: Span | None, start: int) -> bool:
    """``Kritiker … und warfen der Regierung „Wortbruch“ vor``: a verb right after ``und``
    shares the subject of the clause before and governs the quote after it, so the quote is
    a statement even when that subject is no name."""
    return (
        cue is not None
        and cue.start > 0
        and doc[cue.start - 1].lower_ in COORDINATED
        and cue.start_char < start
        and sentence_at(doc, cue.start).end_char >= start
    )
