"""Reportative ``sollen``: sentences that pass on what someone says without a cue and without the
Konjunktiv (the datasets' FreeIndirect).

German reports hearsay with the modal ``sollen`` in the indicative: ``Der Mann soll den drei
Männern geholfen haben.`` (it is said that he helped), and goes on with a report the same way:
``X kündigte Hilfen an. Auch sollen die Grenzkontrollen verstärkt werden.`` Two rules, both on
a sentence whose main clause has ``soll``/``sollen`` as its finite verb (verb second: nothing
but the first phrase before it, no subordinate clause):

* an allegation: the clause ends with a perfect infinitive (``geholfen haben``, ``erschossen
  worden sein``) — a past event only someone else vouches for: the latest source of this or
  the previous paragraph, if any;
* a continuation: the sentence right before it in the same paragraph is a statement; the
  ``sollen`` sentence goes on with its speaker.

A sentence that holds a statement or a cue is judged by those; a question or a sentence that is
mostly a quote is none. Plans stated by the writer (``Die Brücke soll 2025 fertig sein.``) stay
out: they are neither allegations nor next to a report.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from claims.nlp.extensions import doc_attr, doc_text, paragraph_starts, set_span_attr, span_attr
from claims.nlp.indirect.bounds import trim
from claims.nlp.lexicon import lemma_table
from claims.nlp.sentences.headblock import body_start
from claims.nlp.speakers.spans import (
    as_mention,
    holds,
    overlaps,
    paragraph_gap,
    quote_only,
    set_speaker,
)
from claims.nlp.words import word_set

REPORTATIVE = word_set("reportative_modals")
PERFECT_AUXILIARIES = word_set("perfect_infinitive_auxiliaries")
SUBORDINATORS = word_set("subordinators") | word_set("not_v2_start")
MAX_FIRST_PHRASE = 12  # tokens before the finite verb of a verb-second clause
CLOSING = frozenset('.!?;:“”"»«)')


def _finite_modal(doc: Doc, sent: Span) -> int | None:
    """The token of ``soll``/``sollen`` as the finite verb of the sentence's main clause."""
    for tok in sent[: MAX_FIRST_PHRASE + 1]:
        if tok.lower_ in REPORTATIVE:
            return tok.i if tok.i > sent.start else None
        if tok.lower_ in SUBORDINATORS or tok.text in ("„", '"', "»", ":"):
            return None
    return None


def _perfect_infinitive(doc: Doc, sent: Span) -> bool:
    """The clause ends with a participle and ``haben``/``sein`` (``geholfen haben``)."""
    words = [t for t in sent if t.text not in CLOSING]
    if len(words) < 3 or words[-1].lower_ not in PERFECT_AUXILIARIES:
        return False
    before = words[-2].text
    if not (before.islower() and before.isalpha() and before.endswith(("t", "en"))):
        return False  # "soll fertig sein": an adjective, no past event
    lemma = lemma_table().get(before)
    return lemma is not None and lemma.endswith("n") and lemma != before


def hearsay_sentences(doc: Doc, spans: list[Span]) -> list[Span]:
    """The ``sollen`` sentences of the body that report (see the module doc)."""
    starts = doc_attr(doc, "sent_starts") or [0]
    text = doc_text(doc)
    covered = sorted(span_attr(s, "content") for s in spans)
    by_end = sorted(spans, key=lambda s: span_attr(s, "content")[1])
    ends = [span_attr(s, "content")[1] for s in by_end]
    cue_starts = sorted(c.start_char for c in doc.spans.get("cues", []) if not quote_only(c))
    p_starts = paragraph_starts(doc)
    body = body_start(doc)
    out: list[Span] = []
    for k, lo in enumerate(starts):
        hi = starts[k + 1] if k + 1 < len(starts) else len(text)
        if lo < body or overlaps(covered, lo, hi) or holds(cue_starts, lo, hi):
            continue
        low = text[lo:hi].lower()
        if not any(word in low for word in REPORTATIVE):
            continue  # no "soll" in it: no token to look at
        sent = doc.char_span(lo, hi, alignment_mode="expand")
        if sent is None or not len(sent) or text[lo:hi].rstrip(' \n„“”"»«').endswith("?"):
            continue
        if _finite_modal(doc, sent) is None:
            continue
        j = bisect_left(ends, lo)
        previous = by_end[j - 1] if j else None
        prev_lo = starts[k - 1] if k else lo
        same_paragraph = bisect_left(p_starts, prev_lo + 1) == bisect_left(p_starts, lo + 1)
        follows = (
            previous is not None and span_attr(previous, "content")[1] > prev_lo and same_paragraph
        )
        if not (follows or _perfect_infinitive(doc, sent)):
            continue
        a, b = trim(doc, sent.start, sent.end)
        if b - a < 3:
            continue
        new = doc[a:b]
        set_span_attr(new, "content", (doc[a].idx, doc[b - 1].idx + len(doc[b - 1])))
        set_span_attr(new, "kind", "indirect")
        set_span_attr(
            new, "content_type", "hearsay"
        )  # kind free_indirect, hearsay (nlp/extract.py)
        # an allegation is the latest source's of this or the previous paragraph
        source = (
            previous if previous is not None and paragraph_gap(doc, previous, new) <= 1 else None
        )
        set_speaker(new, as_mention(source) if source is not None else None)
        out.append(new)
        j = bisect_left(
            ends, span_attr(new, "content")[1]
        )  # a later sentence may go on with this one
        ends.insert(j, span_attr(new, "content")[1])
        by_end.insert(j, new)
    return out
