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

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from claims.kb.speakers import OTHER_PREFIX, SpeakerRegistry, load_speakers
from claims.nlp import extensions as _ext  # noqa: F401
from claims.nlp.extensions import doc_text, sentence_at
from claims.nlp.indirect.markers import marker_phrase
from claims.nlp.lexicon import Lexicon, load_lexicon
from claims.nlp.speakers.agents import agent_phrase, passive_agent, passive_without_agent
from claims.nlp.speakers.attrib_spans import (
    after,
    bracket_subject,
    covers_or_reports,
    dedupe,
    inherit,
    light_verb,
    marker_before,
    name_end,
    opens,
    wie_report,
)
from claims.nlp.speakers.carryover import (
    chain_reports,
    continues_report,
    partial_quotes,
    previous_cue_subject,
    report_around,
    same_speaker,
    shared_subject,
    unnamed_cue_before,
)
from claims.nlp.speakers.clauses import noun_owner, subject_at
from claims.nlp.speakers.context import SurroundingSpeakers
from claims.nlp.speakers.coref import first_subject, pronoun, subject_before
from claims.nlp.speakers.cue_subject import cue_subject
from claims.nlp.speakers.doccontext import DocContext
from claims.nlp.speakers.freeindirect import FreeIndirect
from claims.nlp.speakers.headlines import body_start, colon_headlines, inherit_headline_speakers
from claims.nlp.speakers.linking import mention_in
from claims.nlp.speakers.mentions import Mention, MentionFinder
from claims.nlp.speakers.nouns import MEDIA_NOUNS
from claims.nlp.speakers.quotecue import (
    COLON_AFTER,
    after_title_noun,
    colon_before,
    continues,
    fills_paragraph,
    governed_phrase,
    name_like,
    quote_cue,
    sentence_quote,
)
from claims.nlp.speakers.salience import note_body
from claims.nlp.speakers.sources import (
    fuer_source,
    heisst_es_source,
    marker_source,
    names_source,
    place_source,
    source_name,
)
from claims.nlp.speakers.spans import set_speaker
from claims.nlp.words import word_set

MAX_SCARE_WORDS = 3


class SpeakerAttributor(SurroundingSpeakers):
    def __init__(self, vocab: Vocab, registry: SpeakerRegistry, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.free_indirect = FreeIndirect(vocab, lexicon)
        self._quote_ranges: set[tuple[int, int]] = set()
        self._cues: list[Span] = []
        self._cue_starts: list[int] = []
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
        mentions = self.mention_finder.find(doc_text(doc), doc._.published)
        doc._.mentions = mentions
        self.set_annotations(doc, self.find(doc, mentions))
        return doc

    def set_annotations(self, doc: Doc, statements: list[Span]) -> None:
        for span in statements:  # "other:Diktator Alexander Lukaschenko" is the president
            speaker = span._.speaker
            if speaker and speaker.startswith(OTHER_PREFIX):
                linked = self.registry.link(
                    speaker.removeprefix(OTHER_PREFIX), self.mention_finder.is_first_name
                )
                if linked is not None:
                    span._.speaker = linked.id
        doc.spans["statements"] = statements

    def find(self, doc: Doc, mentions: list[Mention]) -> list[Span]:
        ctx = DocContext.of(doc, mentions)
        cues = list(doc.spans.get("cues", []))
        cue_starts = [c.start_char for c in cues]
        self._cues, self._cue_starts = cues, cue_starts
        items: list[Span] = []
        for span in doc.spans.get("indirect", []):
            attributed = self._attribute_indirect(doc, span, ctx)
            if attributed is not None:
                items.append(attributed)
        for span in doc.spans.get("quotes", []):
            items.append(span)
        items.sort(key=lambda s: s._.content)
        out: list[Span] = []
        previous: Span | None = None
        reports = sorted((s for s in items if s._.kind == "indirect"), key=lambda s: s._.content)
        dropped: list[Span] = []
        for span in items:
            if span._.kind == "direct":
                keep = self._attribute_quote(doc, span, cues, cue_starts, ctx, previous, reports)
                if not keep:
                    dropped.append(span)
                    continue
            out.append(span)
            previous = span
        self._quote_ranges = {q._.content for q in out if q._.kind == "direct"}
        out = self._markers_only_alone(doc, out)
        out = [s for s in out if not _relay(s, out)]  # before continuations: X goes on
        free = self.free_indirect.continuations(doc, out)
        # continuations first: a later Konjunktiv sentence may go on with their speaker
        self._fill_unnamed(doc, free, out + free, ctx)
        reported = self.free_indirect.reported_sentences(doc, out + free, ctx)
        for span in reported:
            if span._.speaker is not None and unnamed_cue_before(
                doc, span.start_char, cues, cue_starts, ctx
            ):
                set_speaker(span, None)  # the sentence before has its own, unnamed speaker
            else:
                subject = self._subject_right_before(doc, span, out + free, ctx)
                if subject is not None:
                    set_speaker(span, subject)
        free.extend(chain_reports(doc, reported, out + free))
        free.sort(key=lambda s: s._.content)
        self._fill_unnamed(doc, free, out + free, ctx)
        out.extend(free)
        out.extend(partial_quotes(dropped, free))
        free.sort(key=lambda s: s._.content)
        for span in out:
            if span._.kind == "direct" and span._.speaker is None and span._.cue is None:
                # "Deshalb müsse „die Politik … sein“.": a quote inside a continued report
                report = report_around(free, *span._.content)
                if report is not None and report._.speaker is not None:
                    inherit(span, report)
        out.sort(key=lambda s: (s._.content, s._.kind))
        out = dedupe(out)
        for span in out:
            if span._.speaker is None or span._.cue is None:  # "…, hieß es bei Radio Nord"
                sent = sentence_at(doc, span.start)
                found = heisst_es_source(doc, sent, ctx)
                if span._.speaker is None:
                    found = found or fuer_source(doc, sent, ctx)
                if span._.speaker is None and span._.kind == "direct":
                    found = found or previous_cue_subject(doc, span, cues, cue_starts, ctx)
                if found is not None:
                    set_speaker(span, found)
        out.extend(colon_headlines(doc, out))
        inherit_headline_speakers(doc, out)
        # an object nobody is named as reporting is no statement (kept so far for headlines),
        # and a short quoted (sub)heading that no statement of the body repeats is a section
        # title („Brüderliche Pflicht“ above a paragraph), no one's words
        return [
            s
            for s in out
            if s._.speaker is not None or s._.content_type not in ("object", "headline")
        ]

    def _fill_unnamed(
        self, doc: Doc, spans: list[Span], statements: list[Span], ctx: DocContext
    ) -> None:
        """Speakers for Konjunktiv sentences without one, in text order: the speaker the
        statement a continuation goes on from has found since, else the subject of the last
        cue before it or the person the sentences before are about."""
        by_content = {s._.content: s for s in statements}
        for span in spans:
            origin = by_content.get(span._.continues) if span._.continues else None
            if span._.speaker is None and origin is not None and origin._.speaker is not None:
                span._.speaker, span._.speaker_mention = origin._.speaker, origin._.speaker_mention
            if span._.speaker is None:  # "…, wie X mitteilte. Die Ursache sei unklar."
                set_speaker(
                    span,
                    previous_cue_subject(doc, span, self._cues, self._cue_starts, ctx)
                    or self._previous_subject(doc, span.start_char, ctx),
                )

    # -- indirect ---------------------------------------------------------------------------
    def _attribute_indirect(self, doc: Doc, span: Span, ctx: DocContext) -> Span | None:
        cue = doc[span._.source[0] : span._.source[1]]
        mention: Mention | None = None
        result: Span | None = span
        if span._.cue_type == "marker":
            sent = sentence_at(doc, cue.start)
            a, b = marker_phrase(doc, cue, sent.start, sent.end)
            phrase = doc[a:b]
            if span._.cue_lemma == "nach" and any(t.lower_ == "eigenen" for t in phrase):
                mention = first_subject(ctx, phrase.start_char)
            elif span._.cue_lemma == "nach" and phrase[0].lower_ in ("seinen", "ihren"):
                mention = pronoun(ctx, phrase[0].idx, phrase[0].text)
            else:
                mention, (lo, hi) = marker_source(doc, cue, sent, ctx)
                if lo <= span.start_char < hi < span.end_char:
                    result = after(doc, span, hi)  # "Radio Sahel“, der …": not the source
        elif span._.cue_type == "noun":
            lo = doc[max(sentence_at(doc, cue.start).start, cue.start - 3)].idx
            hi = doc[min(sentence_at(doc, cue.start).end, cue.end + 4) - 1].idx
            if span._.content[0] > cue.start_char:
                hi = min(hi, span._.content[0])  # a name in the content is what it is about
            mention = mention_in(ctx, lo, hi)
            sent = sentence_at(doc, cue.start)
            if mention is None and sent.start < cue.start:
                # "Die KVG begegnet den Beschwerden mit dem Argument, …": the sentence subject
                mention = subject_at(ctx, sent.start, cue)
            verb = light_verb(doc, sent.start, cue.start)
            if mention is None and verb is not None:
                # "X vertritt ebenso wie Y die Ansicht, …": the subject of the verb
                mention = cue_subject(ctx, doc[verb : verb + 1], span._.content)
        elif span._.content_type == "object":
            # "schrieb Aleinik das Scheitern … zu", "hat Trainer X … vorgeworfen": an inverted
            # subject opens the object
            mention = cue_subject(ctx, cue)
            if mention is not None and opens(doc, span, mention):
                result = after(doc, span, name_end(doc, mention.end))
        else:
            mention = cue_subject(ctx, cue, span._.content)
            sent = sentence_at(doc, cue.start)
            agent = passive_agent(cue, sent.start) if mention is None else None
            if agent is not None:  # "Das wurde vom Presseamt des Kremls bekannt gegeben."
                mention = source_name(agent_phrase(doc, agent, cue.start))
            if mention is None and passive_without_agent(cue, sent.start):
                # "In einem Bericht der Zeitung X wurde vermutet, dass …"
                found = place_source(doc, sent, sent.start, cue.start, cue.start, ctx, True)
                if found is not None and found.kind == "source":
                    found = replace(found, kind="institution")  # the body behind the document
                mention = found
        if result is None or (span._.opinion and (mention is None or mention.kind == "source")):
            return None
        if span._.content_type == "reported" and (
            mention is None or mention.speaker is None or mention.kind == "guess"
        ):
            return None  # an indicative clause is reported speech only of someone named
        if (
            span._.content_type == "object"
            and (mention is None or mention.speaker is None)
            and span.start_char >= body_start(doc)
        ):
            # "Überschwemmungen haben … Todesopfer gefordert": nobody speaks; a headline
            # ("Minister weist Vorwürfe zurück") may still get its speaker from the body
            return None
        note_body(ctx, mention)
        set_speaker(result, mention)
        return result

    def _markers_only_alone(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A marker sentence that already holds a verb report or is mostly a quote adds
        nothing; one with a short quote inside (``„keine Geheimnisse“``) stays."""
        others = sorted((s._.content, k) for k, s in enumerate(spans) if s._.cue_type != "marker")
        kept = []
        for span in spans:
            if span._.cue_type == "marker":
                a, b = span._.content
                inside = [(xy, k) for xy, k in others if xy[0] < b and a < xy[1]]
                quoted = sum(y - x for (x, y), _ in inside if (x, y) in self._quote_ranges)
                if quoted * 2 >= b - a or any(  # "„A“, so X, „B“": the quotes are all of it
                    covers_or_reports(xy, (a, b), self._quote_ranges) for xy, _ in inside
                ):
                    for _, k in inside:  # "X wird aufgefordert, …, so Y": Y says it
                        if spans[k]._.speaker is None and span._.speaker is not None:
                            spans[k]._.speaker = span._.speaker
                            spans[k]._.speaker_mention = span._.speaker_mention
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
        ctx: DocContext,
        previous: Span | None,
        reports: list[Span],
    ) -> bool:
        start, end = span._.content
        if after_title_noun(doc_text(doc), span):
            return False  # "Vogts Buch „…“", "unter dem Titel „…“": a title
        cue = quote_cue(doc, span, cues, cue_starts)
        words = len(doc_text(doc)[start:end].split())
        short = words <= MAX_SCARE_WORDS and not sentence_quote(doc_text(doc)[start:end])
        report = report_around(reports, start, end)
        if report is not None and report._.speaker is not None and wie_report(doc, report):
            # "Wie X erklärte, sieht die Regierung „…“": X reports the whole main clause
            inherit(span, report)
            return True
        if short and cue is None and fills_paragraph(doc, start, end):
            span._.content_type = "headline"  # a quoted (sub)headline: „…“ alone
            set_speaker(span, None)
            return True
        if short and not colon_before(doc_text(doc), start):
            if names_source(doc_text(doc), start, end):
                return False  # "laut „Morgenblatt“": the name of a source
            # a short phrase counts inside a report, as a partial quote of its speaker
            # ("seien „absurd“"), or as the object of a cue ("nannte ihn einen „…“")
            if report is not None:
                if report._.speaker is None:
                    return False
                inherit(span, report)
                return True
            colon = COLON_AFTER.match(doc_text(doc), end)  # '"…": X weist … zurück'
            if cue is None and not colon:
                # "Für die Verbände ist der Plan ein „Wortbruch“": the opinion of X
                found = fuer_source(doc, sentence_at(doc, span.start), ctx)
                if found is None:
                    return False
                set_speaker(span, found)
                return True
            # "… „keine Kraft mehr“, so X": the marker after the quote has it
            so_after = cue is not None and cue._.cue_lemma == "so" and cue.start_char >= end
            if (
                cue is not None
                and "quote" not in (cue._.cue_content or ())
                and not colon
                and not so_after
            ):
                return False
        mention: Mention | None = None
        if cue is not None:
            span._.cue = cue._.cue
            span._.cue_lemma = cue._.cue_lemma
            if cue._.cue_type == "marker":
                sent = sentence_at(doc, cue.start)
                mention = marker_source(doc, cue, sent, ctx, (start, end))[0]
            elif cue._.cue_type == "noun":
                # "schloss mit den Worten „…“", "zogen mit der Parole „…“": the quote is what
                # the noun says, not a name after it; the speaker is the clause's subject,
                # unless the noun names its owner ("das Fazit von X: „…“")
                mention = noun_owner(ctx, cue) or cue_subject(ctx, cue, (start - 1, end + 1))
            else:
                mention = cue_subject(ctx, cue, (start, end))
                if mention is None and continues_report(doc, cue, previous, span, self.lexicon):
                    span._.speaker = previous._.speaker  # type: ignore[union-attr]
                    span._.speaker_mention = previous._.speaker_mention  # type: ignore[union-attr]
                    return True
                if cue.start_char >= end and mention is not None and mention.kind == "pronoun":
                    mention = same_speaker(doc, previous, span, mention, ctx)
        else:
            if report is not None and report._.speaker is not None:
                inherit(span, report)  # "Die A seien „nie mehr als …“ gewesen, so X."
                return True
            sent = sentence_at(doc, span.start)
            mention = (
                self._colon_subject(doc, start, ctx)
                or bracket_subject(doc, start, ctx)
                or fuer_source(doc, sent, ctx)
                or marker_before(doc, sent, span, cues, cue_starts, ctx)
            )
            if mention is None and previous is not None and continues(doc, previous, span):
                span._.speaker = previous._.speaker
                span._.speaker_mention = previous._.speaker_mention
                return True
            if mention is None:
                mention = subject_before(ctx, start)
            if mention is None and not short:
                mention = self._previous_subject(doc, start, ctx)
            if mention is None and previous is not None and self._reports_on(doc, previous, start):
                inherit(span, previous)  # "X sagte, … . Deshalb müsse „…“.": X goes on
                return True
            text = doc_text(doc)[start:end]
            if mention is None and name_like(text) and not fills_paragraph(doc, start, end):
                return False  # "das Album „Piper at the Gates of Dawn“": a title
        if mention is not None and mention.start <= start and end <= mention.end:
            return False  # "schreibt die „Computerzeitung“": the quote names the speaker
        if (
            short
            and (mention is None or mention.speaker is None)
            and (cue is None or end > body_start(doc))
            and not governed_phrase(doc, span, cue)
            and not shared_subject(doc, cue, start)
        ):
            # a short phrase nobody is named as saying is a scare quote, unless a headline
            # cue attributes it (its speaker may come from the body)
            return False
        set_speaker(span, mention)
        return True


NEWS_AGENCIES = word_set("news_agencies")


def _relay(span: Span, statements: list[Span]) -> bool:
    """An agency or outlet that only passes on someone's words is the channel, not a speaker:
    ``…, so X laut Tass`` and ``Wie die Agentur Belta meldete, erklärte X, …`` hold X's
    statement inside the outlet's; the outlet's report is dropped, X's stays."""
    if span._.kind != "indirect" or not span._.speaker_mention:
        return False
    words = span._.speaker_mention.lower().replace("„", " ").replace("“", " ").split()
    if not words or not (
        any(w.strip("\"'.,") in NEWS_AGENCIES for w in words) or words[-1].endswith(MEDIA_NOUNS)
    ):
        return False
    start, end = span._.content or (span.start_char, span.end_char)
    for other in statements:
        if other is span or other._.speaker is None or other._.kind != "indirect":
            continue
        a, b = other._.content or (other.start_char, other.end_char)
        if start <= a and b <= end and (a, b) != (start, end):
            return True
    return False


@Language.factory("claims_speakers", assigns=["doc.spans", "doc._.mentions"])
def make_speakers(nlp: Language, name: str) -> SpeakerAttributor:
    return SpeakerAttributor(nlp.vocab, load_speakers(), load_lexicon())
