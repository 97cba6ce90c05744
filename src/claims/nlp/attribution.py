"""Statements with speakers (``claims_speakers``).

Joins direct quotes and indirect contents into ``doc.spans["statements"]``:

* a quote takes the cue right after it (``„…“, sagte X``) or before it in its sentence
  (``X sagte: „…“``, ``nannte ihn einen „…“``); a quote without a cue continues the previous
  statement of the same or the previous paragraph; otherwise its speaker is null;
* a quote of one to three words that no cue attributes is a scare quote or a name: dropped;
* an indirect content takes the subject of its cue, the source of its marker, or (for
  ``eigenen/seinen Angaben nach``) the sentence subject;
* Konjunktiv sentences right after a report, without a cue of their own, continue it.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from claims.kb.speakers import OTHER_PREFIX, SpeakerRegistry, load_speakers
from claims.nlp import extensions as _ext  # noqa: F401
from claims.nlp.extensions import doc_text, member_mask, sentence_at
from claims.nlp.indirect import QUOTE_MARKS, is_subjunctive, marker_phrase, trim
from claims.nlp.lexicon import Lexicon, load_lexicon
from claims.nlp.mentions import Mention, MentionFinder
from claims.nlp.resolve import Resolver
from claims.nlp.sentences import sentence_of

MAX_SCARE_WORDS = 3
MAX_CONTINUATION = 6


class SpeakerAttributor:
    def __init__(self, vocab: Vocab, registry: SpeakerRegistry, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        forms = sorted(vocab.strings.add(f) for f in lexicon.subjunctive)
        self.subjunctive_hashes = np.asarray(forms, dtype=np.uint64)
        self.set_registry(registry)

    def set_registry(self, registry: SpeakerRegistry) -> None:
        self.registry = registry
        self.mention_finder = MentionFinder(registry, self.lexicon.first_names)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.mention_finder.find(doc_text(doc), doc._.published)
        doc._.mentions = mentions
        self.set_annotations(doc, self.find(doc, mentions))
        return doc

    def set_annotations(self, doc: Doc, statements: list[Span]) -> None:
        doc.spans["statements"] = statements

    def find(self, doc: Doc, mentions: list[Mention]) -> list[Span]:
        resolver = Resolver(doc, mentions)
        cues = list(doc.spans.get("cues", []))
        cue_starts = [c.start_char for c in cues]
        items: list[Span] = []
        for span in doc.spans.get("indirect", []):
            attributed = self._attribute_indirect(doc, span, resolver)
            if attributed is not None:
                items.append(attributed)
        for span in doc.spans.get("quotes", []):
            items.append(span)
        items.sort(key=lambda s: s._.content)
        out: list[Span] = []
        previous: Span | None = None
        reports = sorted(s._.content for s in items if s._.kind == "indirect")
        for span in items:
            if span._.kind == "direct":
                keep = self._attribute_quote(
                    doc, span, cues, cue_starts, resolver, previous, reports
                )
                if not keep:
                    continue
            out.append(span)
            previous = span
        out = self._markers_only_alone(doc, out)
        out.extend(self._continuations(doc, out))
        out.extend(self._reported_sentences(doc, out, resolver))
        out.sort(key=lambda s: (s._.content, s._.kind))
        return _dedupe(out)

    # -- indirect ---------------------------------------------------------------------------
    def _attribute_indirect(self, doc: Doc, span: Span, resolver: Resolver) -> Span | None:
        cue = doc[span._.source[0] : span._.source[1]]
        mention: Mention | None = None
        result: Span | None = span
        if span._.cue_type == "marker":
            sent = sentence_at(doc, cue.start)
            a, b = marker_phrase(doc, cue, sent.start, sent.end)
            phrase = doc[a:b]
            if span._.cue_lemma == "nach" and any(t.lower_ == "eigenen" for t in phrase):
                mention = resolver.first_subject(phrase.start_char)
            elif span._.cue_lemma == "nach" and phrase[0].lower_ in ("seinen", "ihren"):
                mention = resolver.pronoun(phrase[0].idx, phrase[0].text)
            else:
                mention = resolver.mention_in(phrase.start_char, phrase.end_char)
                if mention is None:
                    mention = _source_name(phrase)
        elif span._.cue_type == "noun":
            lo = doc[max(sentence_at(doc, cue.start).start, cue.start - 3)].idx
            hi = doc[min(sentence_at(doc, cue.start).end, cue.end + 4) - 1].idx
            mention = resolver.mention_in(lo, hi)
        elif span._.particle and "object" in (span._.cue_content or ()):
            # "schrieb Aleinik das Scheitern … zu": an inverted subject opens the object
            mention = resolver.cue_subject(cue)
            if mention is not None and span.start_char <= mention.start < span.start_char + 2:
                result = _after(doc, span, mention.end)
        else:
            mention = resolver.cue_subject(cue, span._.content)
        if result is None or (span._.opinion and (mention is None or mention.kind == "source")):
            return None
        _set_speaker(result, mention)
        return result

    def _markers_only_alone(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A marker sentence that already holds a quote or a verb report adds nothing."""
        others = sorted(s._.content for s in spans if s._.cue_type != "marker")
        kept = []
        for span in spans:
            if span._.cue_type == "marker":
                a, b = span._.content
                if _overlaps(others, a, b):
                    continue
            kept.append(span)
        return kept

    # -- direct -----------------------------------------------------------------------------
    def _attribute_quote(
        self,
        doc: Doc,
        span: Span,
        cues: list[Span],
        cue_starts: list[int],
        resolver: Resolver,
        previous: Span | None,
        reports: list[tuple[int, int]],
    ) -> bool:
        start, end = span._.content
        cue = self._quote_cue(doc, span, cues, cue_starts)
        words = len(doc_text(doc)[start:end].split())
        if words <= MAX_SCARE_WORDS and not _colon_before(doc_text(doc), start):
            # a short phrase counts only as the object of a cue ("nannte ihn einen „…“"),
            # and not inside a report that already holds it
            if cue is None or "quote" not in (cue._.cue_content or ()):
                return False
            k = bisect_left(reports, (start + 1, 0))
            if any(a <= start and end <= b for a, b in reports[max(0, k - 8) : k]):
                return False
        mention: Mention | None = None
        if cue is not None:
            span._.cue = cue._.cue
            span._.cue_lemma = cue._.cue_lemma
            if cue._.cue_type == "marker":
                sent = sentence_at(doc, cue.start)
                a, b = marker_phrase(doc, cue, sent.start, sent.end)
                mention = resolver.mention_in(doc[a].idx, doc[b - 1].idx + 1)
            else:
                mention = resolver.cue_subject(cue, (start, end))
        else:
            mention = self._colon_subject(doc, start, resolver)
            if mention is None and previous is not None and self._continues(doc, previous, span):
                span._.speaker = previous._.speaker
                span._.speaker_mention = previous._.speaker_mention
                return True
            if mention is None:
                mention = resolver.subject_before(start)
        if words <= MAX_SCARE_WORDS and (mention is None or mention.speaker is None):
            return False  # a short phrase nobody is named as saying: a scare quote
        _set_speaker(span, mention)
        return True

    def _quote_cue(
        self, doc: Doc, span: Span, cues: list[Span], cue_starts: list[int]
    ) -> Span | None:
        """The cue right after the quote (``„…“, sagte X``) when the quote opens its sentence,
        else the nearest cue before it in its sentence (``X sagte: „…“``)."""
        text = doc_text(doc)
        start, end = span._.content
        starts = doc._.sent_starts or [0]
        anchor = start if span._.quote_flags == "unopened" else max(0, start - 1)
        s_lo = starts[sentence_of(starts, anchor)]
        opens_sentence = start - s_lo < 8 and all(
            ch in QUOTE_MARKS or ch.isspace() for ch in text[s_lo:start]
        )
        after: Span | None = None
        k = bisect_left(cue_starts, end)
        if k < len(cues):
            gap = text[end : cues[k].start_char]
            punct_only = all(ch in ",;– \u00a0" or ch in QUOTE_MARKS for ch in gap)
            if len(gap) <= 6 and punct_only and ("," in gap or cues[k]._.cue_type == "verb"):
                after = cues[k]
        before: Span | None = None
        k = bisect_left(cue_starts, start) - 1
        while k >= 0 and cues[k].start_char >= max(s_lo, start - 400):
            cue = cues[k]
            between = text[cue.end_char : start]
            if not any(ch in QUOTE_MARKS for ch in between[:-2]) and cue._.cue_type != "marker":
                before = cue
                break
            k -= 1
        if after is not None and (opens_sentence or before is None):
            return after
        return before

    def _continues(self, doc: Doc, previous: Span, span: Span) -> bool:
        """A quote with no cue continues the previous statement when it was never opened, when
        only marks and spaces stand between them, or when it opens the next paragraph."""
        if span._.quote_flags == "unopened":
            return self._paragraph_gap(doc, previous, span) <= 1
        between = doc_text(doc)[previous._.content[1] : span._.content[0]]
        if len(between) < 12 and all(
            ch in QUOTE_MARKS or ch.isspace() or ch in ".,;:!?" for ch in between
        ):
            return True
        starts = doc._.sent_starts or [0]
        k = sentence_of(starts, span._.content[0])
        opens_sentence = span._.content[0] - starts[k] < 8 and all(
            ch in QUOTE_MARKS or ch.isspace() for ch in doc_text(doc)[starts[k] : span._.content[0]]
        )
        if opens_sentence and k and previous._.content[1] >= starts[k - 1]:
            return True  # „A“, sagte X. „B“
        paragraphs = doc._.paragraphs or [(0, len(doc_text(doc)))]
        p_this = bisect_left(_paragraph_starts(doc), span._.content[0] + 1) - 1
        opens_paragraph = span._.content[0] - paragraphs[p_this][0] < 8 and all(
            ch in QUOTE_MARKS or ch.isspace()
            for ch in doc_text(doc)[paragraphs[p_this][0] : span._.content[0]]
        )
        return opens_paragraph and self._paragraph_gap(doc, previous, span) == 1

    def _paragraph_gap(self, doc: Doc, previous: Span, span: Span) -> int:
        starts = _paragraph_starts(doc)
        p_prev = bisect_left(starts, previous._.content[0] + 1) - 1
        p_this = bisect_left(starts, span._.content[0] + 1) - 1
        return p_this - p_prev

    def _colon_subject(self, doc: Doc, start: int, resolver: Resolver) -> Mention | None:
        """``Lukaschenko: „…“`` or ``X lehnt ab: „…“``: the person before the colon."""
        if not _colon_before(doc_text(doc), start):
            return None
        starts = doc._.sent_starts or [0]
        s_lo = starts[sentence_of(starts, max(0, start - 2))]
        return resolver.mention_in(s_lo, start)

    # -- free indirect speech ---------------------------------------------------------------
    def _continuations(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Konjunktiv sentences that continue an indirect report without a cue of their own."""
        starts = doc._.sent_starts or [0]
        covered = sorted(s._.content for s in spans)
        extra: list[Span] = []
        for span in spans:
            k = sentence_of(starts, span._.content[1] - 1) + 1
            for _ in range(MAX_CONTINUATION):
                if k >= len(starts):
                    break
                lo = starts[k]
                hi = starts[k + 1] if k + 1 < len(starts) else len(doc_text(doc))
                if _overlaps(covered, lo, hi):
                    break
                sent = doc.char_span(lo, hi, alignment_mode="expand")
                if sent is None or not self._is_free_indirect(sent):
                    break
                a, b = trim(doc, sent.start, sent.end)
                if b - a < 3:
                    break
                new = doc[a:b]
                new._.content = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
                new._.kind = "indirect"
                new._.speaker = span._.speaker
                new._.speaker_mention = span._.speaker_mention
                extra.append(new)
                k += 1
        return extra

    def _reported_sentences(self, doc: Doc, spans: list[Span], resolver: Resolver) -> list[Span]:
        """Konjunktiv I sentences anywhere (``Es habe keine Aufforderungen gegeben.``): German
        news uses the mood for reported speech. The speaker is that of the latest statement of
        the same or the previous paragraph, else the person the previous sentence is about."""
        if not len(doc):
            return []
        lowers = doc.to_array("ORTH").astype(np.uint64)
        hits = np.nonzero(member_mask(lowers, self.subjunctive_hashes))[0].tolist()
        starts = doc._.sent_starts or [0]
        covered = sorted(s._.content for s in spans)
        by_start = sorted(spans, key=lambda s: s._.content)
        ends = [s._.content[0] for s in by_start]
        extra: list[Span] = []
        done: set[int] = set()
        cue_starts = sorted(c.start_char for c in doc.spans.get("cues", []))
        for i in hits:
            k = sentence_of(starts, doc[i].idx)
            if k in done or self._after_subordinator(doc, i, starts[k]):
                continue
            done.add(k)
            lo = starts[k]
            hi = starts[k + 1] if k + 1 < len(starts) else len(doc_text(doc))
            if _overlaps(covered, lo, hi) or bisect_left(cue_starts, lo) < bisect_left(
                cue_starts, hi
            ):
                continue  # a sentence with a cue was judged by its cue
            sent = doc.char_span(lo, hi, alignment_mode="expand")
            if sent is None or any(t.text in QUOTE_MARKS for t in sent) or _idiom(sent):
                continue
            a, b = trim(doc, sent.start, sent.end)
            if b - a < 3:
                continue
            new = doc[a:b]
            new._.content = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
            new._.kind = "indirect"
            j = bisect_left(ends, lo) - 1
            previous = by_start[j] if j >= 0 else None
            if previous is not None and self._paragraph_gap(doc, previous, new) <= 1:
                new._.speaker = previous._.speaker
                new._.speaker_mention = previous._.speaker_mention
            else:
                for back in range(k - 1, max(-1, k - 3), -1):
                    subject = resolver.sentence_subject(back)
                    if subject is not None:
                        _set_speaker(new, subject)
                        break
            extra.append(new)
        return extra

    def _after_subordinator(self, doc: Doc, i: int, sent_start: int) -> bool:
        """A Konjunktiv inside a ``dass``/``ob`` clause of some other verb reports nothing."""
        j = i - 1
        while j >= 0 and doc[j].idx >= sent_start and i - j < 40:
            if doc[j].lower_ in ("dass", "daß", "ob"):
                return True
            j -= 1
        return False

    def _is_free_indirect(self, sent: Span) -> bool:
        if any(t.text in QUOTE_MARKS for t in sent):
            return False
        return any(is_subjunctive(t, self.lexicon) for t in sent)


def _paragraph_starts(doc: Doc) -> list[int]:
    cached = doc.user_data.get("claims_par_starts")
    if not isinstance(cached, list):
        cached = [p[0] for p in doc._.paragraphs or [(0, 0)]]
        doc.user_data["claims_par_starts"] = cached
    return cached


def _idiom(sent: Span) -> bool:
    """Fixed phrases with a Konjunktiv I that report nothing: "es sei denn", "sei es"."""
    text = sent.text.lower()
    return "es sei denn" in text or "sei es" in text or "wie dem auch sei" in text


def _overlaps(covered: list[tuple[int, int]], lo: int, hi: int) -> bool:
    k = bisect_left(covered, (hi, hi))
    return any(a < hi and lo < b for a, b in covered[max(0, k - 8) : k])


def _colon_before(text: str, start: int) -> bool:
    head = text[max(0, start - 4) : start].rstrip("„“”\"»«‚‘’'›‹ \u00a0")
    return head.endswith(":")


def _source_name(phrase: Span) -> Mention | None:
    """A source without a known person: ``laut der Agentur Belta`` -> ``other:Agentur Belta``."""
    words = [
        t.text for t in phrase[1:] if t.text[:1].isupper() and t.text not in load_lexicon().nouns
    ]
    if not words:
        return None
    name = " ".join(words)
    return Mention(phrase.start_char, phrase.end_char, phrase.text, "source", OTHER_PREFIX + name)


def _after(doc: Doc, span: Span, offset: int) -> Span | None:
    """The same report starting after ``offset`` (None when too little is left)."""
    rest = doc.char_span(offset, span.end_char, alignment_mode="contract")
    if rest is None or len(rest) < 2:
        return None
    a, b = trim(doc, rest.start, rest.end)
    if b - a < 2:
        return None
    new = doc[a:b]
    for attr in ("cue", "cue_lemma", "cue_type", "cue_content", "opinion", "particle", "source"):
        setattr(new._, attr, getattr(span._, attr))
    new._.kind = span._.kind
    new._.content = (doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
    return new


def _set_speaker(span: Span, mention: Mention | None) -> None:
    if mention is None or mention.speaker is None:
        span._.speaker = None
        span._.speaker_mention = None
        return
    span._.speaker = mention.speaker
    span._.speaker_mention = mention.text


def _dedupe(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for span in spans:
        key = (*span._.content, span._.kind)
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out


@Language.factory("claims_speakers", assigns=["doc.spans", "doc._.mentions"])
def make_speakers(nlp: Language, name: str) -> SpeakerAttributor:
    return SpeakerAttributor(nlp.vocab, load_speakers(), load_lexicon())
