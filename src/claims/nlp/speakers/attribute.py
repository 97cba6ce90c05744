"""Attributing one statement: an indirect content by its cue or marker (or the sentence
subject for ``eigenen Angaben nach``), a quote by its cue, its colon or the sentences around it;
a Konjunktiv sentence without a speaker by what it continues; and dropping marker sentences that
only repeat quotes. The ``claims_speakers`` component calls these in order.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claims.nlp import extensions as _ext  # noqa: F401
from claims.nlp.cues.sourcewords import capitalised_word
from claims.nlp.extensions import doc_text, sentence_at, set_span_attr, span_attr
from claims.nlp.indirect.markers import marker_phrase
from claims.nlp.sentences.headblock import body_start
from claims.nlp.speakers.agents import agent_phrase, passive_agent, passive_without_agent
from claims.nlp.speakers.attrib_spans import (
    after,
    bracket_subject,
    inherit,
    light_verb,
    marker_before,
    name_end,
    opens,
    wie_report,
)
from claims.nlp.speakers.carryover import (
    continues_report,
    previous_cue_subject,
    report_around,
    same_speaker,
    shared_subject,
)
from claims.nlp.speakers.clauses import noun_owner, subject_at
from claims.nlp.speakers.coref import first_subject, object_pronoun, pronoun, subject_before
from claims.nlp.speakers.cue_subject import cue_subject
from claims.nlp.speakers.doccontext import DocContext
from claims.nlp.speakers.linking import mention_in
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.quotecue import (
    COLON_AFTER,
    after_title_noun,
    colon_before,
    continues,
    fills_paragraph,
    governed_phrase,
    impersonal_intro,
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
from claims.nlp.speakers.spans import copy_speaker, set_speaker
from claims.nlp.speakers.surrounding import colon_subject, previous_subject, reports_on
from claims.nlp.speakers.unnamed import described_agent, unnamed_subject
from claims.nlp.words import word_map, word_set

MAX_SCARE_WORDS = 3
MARKER_POSSESSIVES = word_set("marker_possessives")
# mentions that speak without a name: "Die Ministerin kündigte neue Kontrollen an"
UNNAMED_SPEAKERS = frozenset({"role", "institution"})
NEGATIVE_DETERMINERS = word_set("negative_determiners")
PERSONAL_PRONOUNS = word_set("gendered_pronouns")
#: singular dative pronouns of a passive agent ("von ihm", "von ihr"): one person, resolved
PRONOUN_AGENTS = word_set("dative_pronouns") & frozenset().union(
    *word_map("pronoun_genders").values()
)


def fill_unnamed(doc: Doc, spans: list[Span], statements: list[Span], ctx: DocContext) -> None:
    """Speakers for Konjunktiv sentences without one, in text order: the speaker the
    statement a continuation goes on from has found since, else the subject of the last
    cue before it or the person the sentences before are about."""
    by_content = {span_attr(s, "content"): s for s in statements}
    for span in spans:
        origin = (
            by_content.get(span_attr(span, "continues")) if span_attr(span, "continues") else None
        )
        if (
            span_attr(span, "speaker") is None
            and origin is not None
            and span_attr(origin, "speaker") is not None
        ):
            copy_speaker(span, origin)
        if span_attr(span, "speaker") is None:  # "…, wie X mitteilte. Die Ursache sei unklar."
            set_speaker(
                span,
                previous_cue_subject(doc, span, ctx.cues, ctx.cue_starts, ctx)
                or previous_subject(doc, span.start_char, ctx),
            )


def attribute_indirect(doc: Doc, span: Span, ctx: DocContext) -> Span | None:
    """An indirect statement with the speaker of its cue or marker; None to drop it."""
    cue = doc[span_attr(span, "source")[0] : span_attr(span, "source")[1]]
    mention: Mention | None = None
    result: Span | None = span
    impersonal = False  # "Es wird vermutet, dass …": a belief nobody is named for
    if span_attr(span, "cue_type") == "marker":
        sent = sentence_at(doc, cue.start)
        a, b = marker_phrase(doc, cue, sent.start, sent.end)
        phrase = doc[a:b]
        if span_attr(span, "cue_lemma") == "nach" and any(t.lower_ == "eigenen" for t in phrase):
            mention = first_subject(ctx, phrase.start_char)
        elif span_attr(span, "cue_lemma") == "nach" and (owner := _possessive(phrase)) is not None:
            mention = pronoun(ctx, owner.idx, owner.text)
        else:
            mention, (lo, hi) = marker_source(doc, cue, sent, ctx)
            if lo <= span.start_char < hi < span.end_char:
                result = after(doc, span, hi)  # "Radio Sahel“, der …": not the source
    elif span_attr(span, "cue_type") == "noun":
        lo = doc[max(sentence_at(doc, cue.start).start, cue.start - 3)].idx
        hi = doc[min(sentence_at(doc, cue.start).end, cue.end + 4) - 1].idx
        if span_attr(span, "content")[0] > cue.start_char:
            hi = min(hi, span_attr(span, "content")[0])  # a name in the content is what it is about
        mention = mention_in(ctx, lo, hi)
        sent = sentence_at(doc, cue.start)
        if mention is None and sent.start < cue.start:
            # "Die KVG begegnet den Beschwerden mit dem Argument, …": the sentence subject
            mention = subject_at(ctx, sent.start, cue)
        verb = light_verb(doc, sent.start, cue.start)
        if mention is None and verb is not None:
            # "X vertritt ebenso wie Y die Ansicht, …": the subject of the verb
            mention = cue_subject(ctx, doc[verb : verb + 1], span_attr(span, "content"))
    elif span_attr(span, "content_type") == "object":
        if span[0].lower_ in NEGATIVE_DETERMINERS:
            return None  # "Er nannte keine Zahlen": nothing was said
        # "schrieb Aleinik das Scheitern … zu", "hat Trainer X … vorgeworfen": an inverted
        # subject opens the object
        mention = cue_subject(ctx, cue)
        if mention is not None and opens(doc, span, mention):
            result = after(doc, span, name_end(doc, mention.end))
        sent = sentence_at(doc, cue.start)
        agent = passive_agent(cue, sent.start)
        if agent is not None:  # "Eine Beteiligung wurde von X bestritten": X speaks
            mention = _agent(ctx, cue, agent, sent.start)
        elif mention is None:  # "Die Ministerin kündigte neue Kontrollen an"
            mention = unnamed_subject(doc, cue, sentence_at(doc, cue.start))
            if mention is not None and mention.start <= span.start_char < mention.end:
                result = after(doc, span, mention.end)
    elif span_attr(span, "cue_lemma") == "heißen":  # "es heißt": the place it names, not a subject
        mention = heisst_es_source(doc, sentence_at(doc, cue.start), ctx)
    else:
        mention = cue_subject(ctx, cue, span_attr(span, "content"))
        sent = sentence_at(doc, cue.start)
        agent = passive_agent(cue, sent.start) if mention is None else None
        if agent is not None:  # "Das wurde vom Presseamt des Kremls bekannt gegeben."
            mention = _agent(ctx, cue, agent, sent.start)
        if mention is None and passive_without_agent(cue, sent.start):
            # "In einem Bericht der Zeitung X wurde vermutet, dass …"
            found = place_source(doc, sent, sent.start, cue.start, cue.start, ctx, True)
            if found is not None and found.kind == "source":
                found = replace(found, kind="institution")  # the body behind the document
            mention = found
            impersonal = mention is None and any(
                t.lower_ == "es" for t in doc[sent.start : cue.start]
            )
        if mention is None and span_attr(span, "opinion"):
            # "Die Forscher vermuten, dass …": a belief of a described person or body
            mention = unnamed_subject(doc, cue, sent)
    if result is None or (
        span_attr(span, "opinion") and not impersonal and not _opinion_holder(doc, cue, mention)
    ):
        return None
    if span_attr(span, "content_type") == "reported" and (
        mention is None or mention.speaker is None or mention.kind == "guess"
    ):
        return None  # an indicative clause is reported speech only of someone named
    if (
        span_attr(span, "content_type") == "object"
        and (mention is None or (mention.speaker is None and not _speaks_unnamed(mention)))
        and span.start_char >= body_start(doc)
    ):
        # "Überschwemmungen haben … Todesopfer gefordert": nobody speaks; a headline
        # ("Minister weist Vorwürfe zurück") may still get its speaker from the body
        return None
    note_body(ctx, mention)
    set_speaker(result, mention)
    return result


def _speaks_unnamed(mention: Mention) -> bool:
    """A described speaker (``Die Ministerin``, ``die Behörde``) or a personal pronoun whose
    person the text did not name (``Er forderte ein Lösegeld``), never ``es``."""
    if mention.kind == "pronoun":
        return mention.text.lower() in PERSONAL_PRONOUNS
    return mention.kind in UNNAMED_SPEAKERS


def _possessive(phrase: Span) -> Token | None:
    """The possessive of ``seinen Angaben nach`` or ``nach ihrer Ansicht``: whose it is."""
    for tok in phrase[:2]:
        if tok.lower_ in MARKER_POSSESSIVES:
            polite = tok.text[:1].isupper() and sentence_at(tok.doc, tok.i).start != tok.i
            return None if polite else tok  # "Welche sind Ihrer Meinung nach …?": the reader
        if tok.lower_ != "nach":
            return None
    return None


def _opinion_holder(doc: Doc, cue: Span, mention: Mention | None) -> bool:
    """An opinion marker reports a view only when it names whose view it is: a speaker found,
    or a holder the text describes without a name (``nach Ansicht von Beobachtern``, ``nach
    Meinung der Kritiker``, ``Seiner Meinung nach``), not a bare ``nach Ansicht``."""
    if mention is not None and mention.kind != "source":
        return True
    if span_attr(cue, "cue_type") != "marker":
        return False  # a belief nobody is found for: "Viele glauben, dass …"
    sent = sentence_at(doc, cue.start)
    a, b = marker_phrase(doc, cue, sent.start, sent.end)
    if _possessive(doc[a:b]) is not None:
        return True
    return any(
        capitalised_word(t.text) and not cue.start <= t.i < cue.end for t in doc[a:b] if t.i > a
    )


def attribute_quote(
    doc: Doc,
    span: Span,
    cues: list[Span],
    cue_starts: list[int],
    ctx: DocContext,
    previous: Span | None,
    reports: list[Span],
) -> bool:
    """Attribute a direct quote by its cue, a colon or the sentences around it; False for a
    quote that is no statement (a title, a scare quote or a name)."""
    start, end = span_attr(span, "content")
    if after_title_noun(doc_text(doc), span):
        return False  # "Vogts Buch „…“", "unter dem Titel „…“": a title
    cue = quote_cue(doc, span, cues, cue_starts)
    words = len(doc_text(doc)[start:end].split())
    short = words <= MAX_SCARE_WORDS and not sentence_quote(doc_text(doc)[start:end])
    report = report_around(reports, start, end)
    if report is not None and span_attr(report, "speaker") is not None and wie_report(doc, report):
        # "Wie X erklärte, sieht die Regierung „…“": X reports the whole main clause
        inherit(span, report)
        return True
    if short and cue is None and fills_paragraph(doc, start, end):
        set_span_attr(span, "content_type", "headline")  # a quoted (sub)headline: „…“ alone
        set_speaker(span, None)
        return True
    if short and not colon_before(doc_text(doc), start):
        if names_source(doc_text(doc), start, end):
            return False  # "laut „Morgenblatt“": the name of a source
        # a short phrase counts inside a report, as a partial quote of its speaker
        # ("seien „absurd“"), or as the object of a cue ("nannte ihn einen „…“")
        if report is not None:
            if span_attr(report, "speaker") is None:
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
        so_after = cue is not None and span_attr(cue, "cue_lemma") == "so" and cue.start_char >= end
        if (
            cue is not None
            and "quote" not in (span_attr(cue, "cue_content") or ())
            and not colon
            and not so_after
        ):
            return False
    mention: Mention | None = None
    if cue is not None:
        set_span_attr(span, "cue", span_attr(cue, "cue"))
        set_span_attr(span, "cue_lemma", span_attr(cue, "cue_lemma"))
        if span_attr(cue, "cue_type") == "marker":
            sent = sentence_at(doc, cue.start)
            mention = marker_source(doc, cue, sent, ctx, (start, end))[0]
        elif span_attr(cue, "cue_type") == "noun":
            # "schloss mit den Worten „…“", "zogen mit der Parole „…“": the quote is what
            # the noun says, not a name after it; the speaker is the clause's subject,
            # unless the noun names its owner ("das Fazit von X: „…“")
            mention = noun_owner(ctx, cue) or cue_subject(ctx, cue, (start - 1, end + 1))
        else:
            mention = cue_subject(ctx, cue, (start, end))
            if mention is None and continues_report(doc, cue, previous, span, ctx.lexicon):
                copy_speaker(span, previous)  # type: ignore[arg-type]
                return True
            if cue.start_char >= end and mention is not None and mention.kind == "pronoun":
                mention = same_speaker(doc, previous, span, mention, ctx)
    else:
        if report is not None and span_attr(report, "speaker") is not None:
            inherit(span, report)  # "Die A seien „nie mehr als …“ gewesen, so X."
            return True
        if previous is not None and impersonal_intro(doc, previous, span):
            copy_speaker(span, previous)
            return True
        sent = sentence_at(doc, span.start)
        mention = (
            colon_subject(doc, start, ctx)
            or bracket_subject(doc, start, ctx)
            or fuer_source(doc, sent, ctx)
            or marker_before(doc, sent, span, cues, cue_starts, ctx)
        )
        if mention is None and previous is not None and continues(doc, previous, span):
            copy_speaker(span, previous)
            return True
        if mention is None:
            mention = subject_before(ctx, start)
        if mention is None and not short:
            mention = previous_subject(doc, start, ctx)
        if (
            mention is None
            and previous is not None
            and reports_on(doc, previous, start, ctx.lexicon)
        ):
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


def _agent(ctx: DocContext, cue: Span, agent: int, clause_start: int) -> Mention | None:
    """Who a passive's ``von`` phrase names as speaker; a pronoun (``wurde von ihm
    bestritten``) is the latest person named before its clause."""
    doc = cue.doc
    if doc[agent].lower_ in PRONOUN_AGENTS:
        return object_pronoun(ctx, doc[agent].idx, doc[agent].text, doc[clause_start].idx)
    phrase = agent_phrase(doc, agent, cue.start)
    if phrase:  # a person the mention finder knows, without a title ("von Minister X")
        person = mention_in(ctx, phrase[0].idx, phrase[-1].idx + len(phrase[-1]))
        if person is not None:
            return person
    found = source_name(phrase)
    return found if found is not None else described_agent(doc, agent, cue.start)
