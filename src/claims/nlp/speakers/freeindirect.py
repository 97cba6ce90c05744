"""Free indirect speech: Konjunktiv sentences that report without a cue of their own.

German news marks reported speech by the mood, so ``Es habe auch keine Anfrage gegeben.`` after
``X sagte, …`` is still X speaking. Two rules:

* continuations: the Konjunktiv sentences right after a statement take its speaker;
* reported sentences: a Konjunktiv I sentence elsewhere takes the speaker of the sentence
  before it (a statement there, else its named subject or the one person right after its
  finite verb, ``Dazu hält sich X zurück.``), else the latest statement of the same or the
  previous paragraph.

A sentence that holds a cue was judged by its cue; one that is mostly a direct quote is the
quote's; short quoted words inside (``seien „zu spät“ gekommen``) do not stop the rule. When
the only Konjunktiv stands in a subordinate clause of an indicative sentence (``Er wurde
angezeigt, weil er gedroht habe``), the report is that clause, not the sentence; a Konjunktiv
form with ``ich`` in its clause is the indicative first person (:mod:`claims.nlp.grammar.mood`).
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from claims.nlp.extensions import (
    doc_attr,
    doc_text,
    member_mask,
    paragraph_starts,
    set_span_attr,
    span_attr,
    token_idx,
    token_lowers,
    token_texts,
)
from claims.nlp.grammar.mood import (
    NOT_REPORTING_ALONE,
    VOLITIVE,
    clause_end,
    clause_opener,
    clause_role,
)
from claims.nlp.grammar.mood import SUBORDINATORS as SUBORDINATING
from claims.nlp.indirect.bounds import trim
from claims.nlp.lexicon import Lexicon
from claims.nlp.quotes.marks import QUOTE_MARKS
from claims.nlp.sentences.segment import sentence_of
from claims.nlp.speakers.coref import sentence_subject
from claims.nlp.speakers.doccontext import DocContext
from claims.nlp.speakers.sentence_subject import sole_inverted_subject
from claims.nlp.speakers.spans import (
    as_mention,
    copy_speaker,
    holds,
    overlaps,
    paragraph_gap,
    quote_only,
    set_speaker,
)
from claims.nlp.words import word_set

MAX_CONTINUATION = 6
MAX_QUOTED_SHARE = 0.6
SUBORDINATORS = word_set("content_subordinators")
IDIOMS = tuple(sorted(word_set("subjunctive_idioms")))


class FreeIndirect:
    """Finds free indirect speech in a Doc whose statements are known."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        forms = sorted(vocab.strings.add(f) for f in lexicon.subjunctive)
        self.subjunctive_hashes = np.asarray(forms, dtype=np.uint64)

    def continuations(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Konjunktiv sentences that continue a statement without a cue of their own."""
        starts = doc_attr(doc, "sent_starts") or [0]
        covered = sorted(span_attr(s, "content") for s in spans)
        quoted = _quoted_ranges(doc)
        opinions = sorted(
            c.start_char for c in doc.spans.get("cues", []) if span_attr(c, "opinion")
        )
        p_starts = paragraph_starts(doc)
        extra: list[Span] = []
        for span in spans:
            k = sentence_of(starts, span_attr(span, "content")[1] - 1) + 1
            paragraph = bisect_left(p_starts, span_attr(span, "content")[0] + 1)
            first = len(extra)  # this chain's continuations start here
            for _ in range(MAX_CONTINUATION):
                if k >= len(starts):
                    break
                lo, hi = starts[k], _sent_end(doc, starts, k)
                if overlaps(covered, lo, hi) or holds(opinions, lo, hi):
                    break  # "äußerten Beobachter ihre Besorgnis": a belief, no report
                sent = doc.char_span(lo, hi, alignment_mode="expand")
                # a Konjunktiv II goes on only with a chain that a Konjunktiv I sentence
                # without a cue already carried on: "… habe … . Jede Lieferung wäre …"
                skipped = VOLITIVE if len(extra) > first else NOT_REPORTING_ALONE
                found = self._reporting(sent, quoted, skipped) if sent is not None else []
                if sent is None or not found:
                    break
                if bisect_left(p_starts, lo + 1) != paragraph and not self._konjunktiv_i(sent):
                    break  # a new paragraph goes on only in Konjunktiv I ("… sei …")
                new = _report_span(doc, sent, found)
                if new is None:
                    break
                copy_speaker(new, span)
                set_span_attr(
                    new,
                    "continues",
                    span_attr(extra[-1] if len(extra) > first else span, "content"),
                )
                extra.append(new)
                k += 1
        return extra

    def reported_sentences(self, doc: Doc, spans: list[Span], ctx: DocContext) -> list[Span]:
        """Konjunktiv I sentences anywhere (``Es habe keine Aufforderungen gegeben.``)."""
        if not len(doc):
            return []
        orths = doc.to_array("ORTH").astype(np.uint64)
        hits = np.nonzero(member_mask(orths, self.subjunctive_hashes))[0].tolist()
        starts = doc_attr(doc, "sent_starts") or [0]
        covered = sorted(span_attr(s, "content") for s in spans)
        by_start = sorted(spans, key=lambda s: span_attr(s, "content"))
        begins = [span_attr(s, "content")[0] for s in by_start]
        quoted = _quoted_ranges(doc)
        cue_starts = sorted(c.start_char for c in doc.spans.get("cues", []) if not quote_only(c))
        extra: list[Span] = []
        roles: dict[int, list[tuple[int, str]]] = {}
        for i in hits:
            k = sentence_of(starts, doc[i].idx)
            if _after_subordinator(doc, i, starts[k]):
                continue
            role = clause_role(doc[i], self.lexicon, _first_token(doc, starts[k]))
            if role is not None:  # not "je", "ich habe", "eine klare Absage"
                roles.setdefault(k, []).append((i, role))
        for k, found in roles.items():
            lo, hi = starts[k], _sent_end(doc, starts, k)
            own = {doc[i].idx for i, _ in found}  # "Sie empfehle den Kauf": no cue of its own
            if overlaps(covered, lo, hi) or holds(cue_starts, lo, hi, own):
                # a sentence with a cue was judged by its cue, except what follows its colon
                colon = self._after_colon(doc, k, found, spans, quoted, ctx)
                if colon is not None:
                    extra.append(colon)
                continue
            sent = doc.char_span(lo, hi, alignment_mode="expand")
            if sent is None or _quoted_share(sent, quoted) > MAX_QUOTED_SHARE or _idiom(sent):
                continue
            if _question(sent):
                continue  # "Wie stehen Sie dazu, das Amt solle …?"
            colon = self._after_colon(doc, k, found, spans, quoted, ctx)
            if colon is not None and span_attr(colon, "speaker") is not None:
                extra.append(colon)  # "X zog Bilanz: Das Jahr sei schwierig gewesen."
                continue
            new = _report_span(doc, sent, found)
            if new is None:
                continue
            j = bisect_left(begins, lo) - 1
            previous = by_start[j] if j >= 0 else None
            prev_lo = starts[k - 1] if k else lo
            if previous is not None and span_attr(previous, "content")[1] > prev_lo:
                set_speaker(new, as_mention(previous))  # the sentence before reports
            else:
                subject = sentence_subject(ctx, k - 1) if k else None
                if subject is None and k:
                    subject = sole_inverted_subject(ctx, k - 1)  # "Dazu hält sich X zurück."
                if (
                    subject is None
                    and previous is not None
                    and paragraph_gap(doc, previous, new) <= 1
                ):
                    subject = as_mention(previous)
                if subject is None and k >= 2:
                    subject = sentence_subject(ctx, k - 2)
                set_speaker(new, subject)
            extra.append(new)
            # a later Konjunktiv sentence may go on with this one's speaker
            j = bisect_left(begins, span_attr(new, "content")[0])
            begins.insert(j, span_attr(new, "content")[0])
            by_start.insert(j, new)
        return extra

    def _after_colon(
        self,
        doc: Doc,
        k: int,
        found: list[tuple[int, str]],
        spans: list[Span],
        quoted: list[tuple[int, int]],
        ctx: DocContext,
    ) -> Span | None:
        """``X kritisierte den Entwurf scharf: Das Gesetz verletze die Rechte der Mieter.``:
        a Konjunktiv main clause after the colon of a sentence about X is what X said."""
        starts = ctx.sent_starts
        lo, hi = starts[k], _sent_end(doc, starts, k)
        first = found[0][0]
        sent = doc.char_span(lo, hi, alignment_mode="expand")
        if sent is None:
            return None
        colons = [t.i for t in doc[sent.start : first] if t.text == ":"]
        if not colons or _inside(quoted, doc[colons[-1]].idx):
            return None
        c = colons[-1]
        if not any(clause_role(doc[i], self.lexicon, c + 1) == "main" for i, _ in found):
            return None
        part = doc[c + 1 : sent.end]
        a, b = part.start_char, part.end_char
        reports = [x for x in spans if span_attr(x, "kind") != "direct"]
        if overlaps(sorted(span_attr(x, "content") for x in reports), a, b):
            return None
        if _quoted_share(part, quoted) > MAX_QUOTED_SHARE or _question(part):
            return None
        new = _sentence_span(doc, part)
        if new is None:
            return None
        before = [x for x in spans if lo <= _cue_start(x) < doc[c].idx]
        speaker = next((x for x in before if span_attr(x, "speaker") is not None), None)
        set_speaker(new, as_mention(speaker) if speaker else sentence_subject(ctx, k))
        return new

    def _konjunktiv_i(self, sent: Span) -> bool:
        subjunctive = self.lexicon.subjunctive
        return any(w in subjunctive for w in token_texts(sent.doc)[sent.start : sent.end])

    def _reporting(
        self,
        sent: Span,
        quoted: list[tuple[int, int]],
        skipped: frozenset[str] = NOT_REPORTING_ALONE,
    ) -> list[tuple[int, str]]:
        """The Konjunktiv forms of a sentence that report, with their clause role (up to the
        first one in a main clause, which makes the whole sentence a report). A question
        reports nothing. In a chain of reported sentences (``skipped`` = the volitive forms
        only) a Konjunktiv II goes on with it: ``Jede Lieferung wäre veraltet.``"""
        if _quoted_share(sent, quoted) > MAX_QUOTED_SHARE or _question(sent):
            return []
        found = []
        for t in sent:
            if t.text in skipped:
                continue
            role = clause_role(t, self.lexicon, sent.start)
            if role is not None:
                found.append((t.i, role))
                if role == "main":
                    break
        return found


def _cue_start(span: Span) -> int:
    """Where a statement's cue starts (-1 without a located cue)."""
    pieces = getattr(span_attr(span, "cue"), "pieces", ())
    return pieces[0][0] if pieces else -1


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies inside one of the sorted ``ranges``."""
    k = bisect_left(ranges, (offset + 1, offset + 1))
    return any(a <= offset < b for a, b in ranges[max(0, k - 2) : k])


def _sent_end(doc: Doc, starts: list[int], k: int) -> int:
    return starts[k + 1] if k + 1 < len(starts) else len(doc_text(doc))


def _first_token(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _report_span(doc: Doc, sent: Span, found: list[tuple[int, str]]) -> Span | None:
    """The sentence when a Konjunktiv of its main clause reports, else only the subordinate
    clause that holds one (``…, weil sie bedroht sei``), without its conjunction."""
    if any(role == "main" for _, role in found):
        return _sentence_span(doc, sent)
    i = found[0][0]
    a, _ = clause_opener(doc, i, sent.start)
    if doc[a].lower_ in SUBORDINATING:
        a += 1
    b = clause_end(doc, i, sent.end)
    return _sentence_span(doc, doc[a:b])


def _sentence_span(doc: Doc, sent: Span) -> Span | None:
    a, b = trim(doc, sent.start, sent.end)
    if b - a < 3:
        return None
    new = doc[a:b]
    set_span_attr(new, "content", (doc[a].idx, doc[b - 1].idx + len(doc[b - 1])))
    set_span_attr(new, "kind", "indirect")
    set_span_attr(
        new, "content_type", "free"
    )  # the statement's kind is free_indirect (nlp/extract.py)
    return new


def _quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    return sorted(span_attr(q, "content") for q in doc.spans.get("quotes", []))


def _quoted_share(sent: Span, quoted: list[tuple[int, int]]) -> float:
    """The share of a sentence's characters inside direct quotes."""
    lo, hi = sent.start_char, sent.end_char
    if hi <= lo:
        return 0.0
    k = bisect_left(quoted, (lo, lo))
    inside = 0
    for a, b in quoted[max(0, k - 1) :]:
        if a >= hi:
            break
        inside += max(0, min(b, hi) - max(a, lo))
    words = token_texts(sent.doc)[sent.start : sent.end]
    if not inside and not any(w in QUOTE_MARKS for w in words):
        return 0.0
    return inside / (hi - lo)


def _after_subordinator(doc: Doc, i: int, sent_start: int) -> bool:
    """A Konjunktiv inside a ``dass``/``ob`` clause of some other verb reports nothing."""
    idx, lowers = token_idx(doc), token_lowers(doc)
    j = i - 1
    while j >= 0 and idx[j] >= sent_start and i - j < 40:
        if lowers[j] in SUBORDINATORS:
            return True
        j -= 1
    return False


def _question(sent: Span) -> bool:
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # Span.text joins the tokens
    return text.rstrip(' \n\u00a0„“”"»«').endswith("?")


def _idiom(sent: Span) -> bool:
    """Fixed phrases with a Konjunktiv I that report nothing: "es sei denn", "sei es"."""
    text = doc_text(sent.doc)[sent.start_char : sent.end_char].lower()
    return any(idiom in text for idiom in IDIOMS)
