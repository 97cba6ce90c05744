"""Statements with speakers (``claims_speakers``).

Joins direct quotes and indirect contents into ``doc.spans["statements"]``:

* a quote takes the cue right after it (``„…“, sagte X``) or before it in its sentence
  (``X sagte: „…“``, ``nannte ihn einen „…“``); a quote without a cue continues the previous
  statement of the same or the previous paragraph; otherwise its speaker is null;
* a quote of one to three words that is no sentence and that no cue attributes is a scare
  quote or a name: dropped;
* an indirect content takes the subject of its cue, the source of its marker
  (:mod:`.sources`: ``laut einem Artikel der „X“``, ``den Behörden in Y zufolge``), or
  (for ``eigenen/seinen Angaben nach``) the sentence subject;
* a statement nobody is named for takes the source of an impersonal ``heißt es in/bei X`` or of
  a sentence-initial ``Für X ist …``; Konjunktiv cues and sentences without a subject go on with
  the report or speech verb before them (:mod:`claims.nlp.speakers.carryover`);
* a short quote inside an indirect statement (``seien „absurd“``) is also a partial direct
  statement of its speaker;
* Konjunktiv sentences without a cue continue a report (:mod:`claims.nlp.speakers.freeindirect`), or
  the person of the sentence before; not past a speech verb whose own subject is unnamed;
* headline statements take the speaker the body gives them (:mod:`claims.nlp.speakers.headlines`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from claims.kb.speakers import OTHER_PREFIX, SpeakerRegistry, load_speakers
from claims.nlp import extensions as _ext  # noqa: F401
from claims.nlp.extensions import (
    doc_attr,
    doc_text,
    sentence_at,
    set_doc_attr,
    set_span_attr,
    span_attr,
)
from claims.nlp.lexicon import Lexicon, load_lexicon
from claims.nlp.speakers.attrib_spans import dedupe, inherit, markers_only_alone
from claims.nlp.speakers.attribute import attribute_indirect, attribute_quote, fill_unnamed
from claims.nlp.speakers.carryover import (
    chain_reports,
    partial_quotes,
    previous_cue_subject,
    report_around,
    unnamed_cue_before,
)
from claims.nlp.speakers.doccontext import DocContext
from claims.nlp.speakers.freeindirect import FreeIndirect
from claims.nlp.speakers.headlines import (
    colon_headlines,
    inherit_headline_speakers,
    quoted_headlines,
)
from claims.nlp.speakers.hearsay import hearsay_sentences
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.mentions import MentionFinder
from claims.nlp.speakers.nouns import MEDIA_NOUNS
from claims.nlp.speakers.sources import fuer_source, heisst_es_source
from claims.nlp.speakers.spans import set_speaker
from claims.nlp.speakers.surrounding import subject_right_before
from claims.nlp.words import word_set


class SpeakerAttributor:
    """``claims_speakers``: statements from the quotes and reports, with their speakers.

    ``one_word_quotes`` keeps a quoted single word inside a sentence (``nannte den Plan
    „lächerlich“``) as a direct statement, as the German news quotation benchmark annotates
    it; by default a word is not a statement (docs/ANNOTATION.md)."""

    def __init__(
        self,
        vocab: Vocab,
        registry: SpeakerRegistry,
        lexicon: Lexicon,
        one_word_quotes: bool = False,
    ) -> None:
        self.lexicon = lexicon
        self.one_word_quotes = one_word_quotes
        self.free_indirect = FreeIndirect(vocab, lexicon)
        self.set_registry(registry)

    def set_registry(self, registry: SpeakerRegistry) -> None:
        self.registry = registry
        self._finder: MentionFinder | None = None  # built on first use: the pipeline sets
        # the registry once more after the factory, and the finder compiles large patterns

    @property
    def mention_finder(self) -> MentionFinder:
        if self._finder is None:
            self._finder = MentionFinder(self.registry, self.lexicon.first_names)
        return self._finder

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.mention_finder.find(doc_text(doc), doc_attr(doc, "published"))
        set_doc_attr(doc, "mentions", mentions)
        self.set_annotations(doc, self.find(doc, mentions))
        return doc

    def set_annotations(self, doc: Doc, statements: list[Span]) -> None:
        for span in statements:  # "other:Diktator Alexander Lukaschenko" is the president
            speaker = span_attr(span, "speaker")
            if speaker and speaker.startswith(OTHER_PREFIX):
                linked = self.registry.link(
                    speaker.removeprefix(OTHER_PREFIX), self.mention_finder.is_first_name
                )
                if linked is not None:
                    set_span_attr(span, "speaker", linked.id)
        doc.spans["statements"] = statements

    def find(self, doc: Doc, mentions: list[Mention]) -> list[Span]:
        ctx = DocContext.of(doc, mentions, self.lexicon)
        cues, cue_starts = ctx.cues, ctx.cue_starts
        items: list[Span] = []
        for span in doc.spans.get("indirect", []):
            attributed = attribute_indirect(doc, span, ctx)
            if attributed is not None:
                items.append(attributed)
        for span in doc.spans.get("quotes", []):
            items.append(span)
        items.sort(key=lambda s: span_attr(s, "content"))
        out: list[Span] = []
        previous: Span | None = None
        reports = sorted(
            (s for s in items if span_attr(s, "kind") == "indirect"),
            key=lambda s: span_attr(s, "content"),
        )
        dropped: list[Span] = []
        for span in items:
            if span_attr(span, "kind") == "direct":
                keep = attribute_quote(doc, span, cues, cue_starts, ctx, previous, reports)
                if not keep:
                    dropped.append(span)
                    continue
            out.append(span)
            previous = span
        quote_ranges = {span_attr(q, "content") for q in out if span_attr(q, "kind") == "direct"}
        out = markers_only_alone(doc, out, quote_ranges, self.lexicon)
        out = [s for s in out if not _relay(s, out)]  # before continuations: X goes on
        free = self.free_indirect.continuations(doc, out)
        # continuations first: a later Konjunktiv sentence may go on with their speaker
        fill_unnamed(doc, free, out + free, ctx)
        reported = self.free_indirect.reported_sentences(doc, out + free, ctx)
        for span in reported:
            if span_attr(span, "speaker") is not None and unnamed_cue_before(
                doc, span.start_char, cues, cue_starts, ctx
            ):
                set_speaker(span, None)  # the sentence before has its own, unnamed speaker
            else:
                subject = subject_right_before(doc, span, out + free, ctx)
                if subject is not None:
                    set_speaker(span, subject)
        free.extend(chain_reports(doc, reported, out + free))
        free.extend(hearsay_sentences(doc, out + free))
        free.sort(key=lambda s: span_attr(s, "content"))
        fill_unnamed(doc, free, out + free, ctx)
        out.extend(free)
        out.extend(partial_quotes(dropped, free))
        free.sort(key=lambda s: span_attr(s, "content"))
        for span in out:
            if (
                span_attr(span, "kind") == "direct"
                and span_attr(span, "speaker") is None
                and span_attr(span, "cue") is None
            ):
                # "Deshalb müsse „die Politik … sein“.": a quote inside a continued report
                report = report_around(free, *span_attr(span, "content"))
                if report is not None and span_attr(report, "speaker") is not None:
                    inherit(span, report)
        out.sort(key=lambda s: (span_attr(s, "content"), span_attr(s, "kind")))
        out = dedupe(out)
        for span in out:
            if (
                span_attr(span, "speaker") is None or span_attr(span, "cue") is None
            ):  # "…, hieß es bei Radio Nord"
                sent = sentence_at(doc, span.start)
                found = heisst_es_source(doc, sent, ctx)
                if span_attr(span, "speaker") is None:
                    found = found or fuer_source(doc, sent, ctx)
                if span_attr(span, "speaker") is None and span_attr(span, "kind") == "direct":
                    found = found or previous_cue_subject(doc, span, cues, cue_starts, ctx)
                if found is not None:
                    set_speaker(span, found)
        out.extend(colon_headlines(doc, out))
        out.extend(quoted_headlines(doc, out))
        inherit_headline_speakers(doc, out)
        # an object nobody is named or described as reporting is no statement (kept so far
        # for headlines), and a short quoted (sub)heading that no statement of the body
        # repeats is a section title („Brüderliche Pflicht“ above a paragraph), no one's words
        return [
            s
            for s in out
            if (
                span_attr(s, "speaker") is not None
                or span_attr(s, "content_type") not in ("object", "headline")
                or (
                    span_attr(s, "content_type") == "object"
                    and span_attr(s, "speaker_span") is not None
                )
            )
            and (self.one_word_quotes or not one_word_quote(doc, s))
        ]


NEWS_AGENCIES = word_set("news_agencies")
#: What ends a quoted utterance: „Niemals!“ is speech, „lächerlich“ a word.
_UTTERANCE_END = tuple(".!?…")
_QUOTE_MARKS = '„“”"»«‚‘’‹› '


def one_word_quote(doc: Doc, span: Span) -> bool:
    """A direct statement of one word inside a sentence (``nannte den Plan „lächerlich“``,
    ``sprach von „Krieg“``): a word, not a statement. One that opens its sentence (``„Niemals“,
    sagte er``) or ends like an utterance (``„Nein!“``) is speech."""
    if span_attr(span, "kind") != "direct":
        return False
    a, b = span_attr(span, "content")
    text = doc_text(doc)
    words = text[a:b].split()
    if len(words) != 1 or words[0].rstrip(_QUOTE_MARKS).endswith(_UTTERANCE_END):
        return False
    quoted = doc.char_span(a, b, alignment_mode="expand")
    if quoted is None:
        return False
    sent = sentence_at(doc, quoted.start)
    return bool(text[sent.start_char : a].strip(_QUOTE_MARKS))


def _relay(span: Span, statements: list[Span]) -> bool:
    """An agency or outlet that only passes on someone's words is the channel, not a speaker:
    ``…, so X laut Tass`` and ``Wie die Agentur Belta meldete, erklärte X, …`` hold X's
    statement inside the outlet's; the outlet's report is dropped, X's stays."""
    if span_attr(span, "kind") != "indirect" or not span_attr(span, "speaker_mention"):
        return False
    words = span_attr(span, "speaker_mention").lower().replace("„", " ").replace("“", " ").split()
    if not words or not (
        any(w.strip("\"'.,") in NEWS_AGENCIES for w in words) or words[-1].endswith(MEDIA_NOUNS)
    ):
        return False
    start, end = span_attr(span, "content") or (span.start_char, span.end_char)
    for other in statements:
        if (
            other is span
            or span_attr(other, "speaker") is None
            or span_attr(other, "kind") != "indirect"
        ):
            continue
        a, b = span_attr(other, "content") or (other.start_char, other.end_char)
        if start <= a and b <= end and (a, b) != (start, end):
            return True
    return False


@Language.factory(
    "claims_speakers",
    assigns=["doc.spans", "doc._.mentions"],
    default_config={"one_word_quotes": False},
)
def make_speakers(nlp: Language, name: str, one_word_quotes: bool) -> SpeakerAttributor:
    return SpeakerAttributor(nlp.vocab, load_speakers(), load_lexicon(), one_word_quotes)
