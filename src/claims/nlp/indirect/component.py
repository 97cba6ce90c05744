"""Indirect speech (``claims_indirect``): the reported content of each speech cue.

For every cue outside a direct quote, the content is (in this order of preference):

* a ``dass``/``ob``/``wie`` clause after the cue (``räumte ein, dass …``);
* a verb-second clause in Konjunktiv after the comma (``erklärte, Russland habe …``);
* a zu-infinitive clause (``versprach, … zu beliefern``);
* the object between a separable verb and its particle (``schließt einen Einsatz aus``);
* for a cue after its content (``…, sagte Putin.``) the clause before the comma;
* for a source marker (``laut X``, ``X zufolge``, ``nach Angaben von X``, ``…, so X``) the
  sentence without the marker phrase.

The content never includes the cue, the speaker or the conjunction. Each content becomes a span
in ``doc.spans["indirect"]`` with ``_.content`` (exact chars) and ``_.source`` (where the speaker
is named), and the span keeps the cue's attributes.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from claims.nlp import extensions as _ext  # noqa: F401
from claims.nlp.extensions import doc_attr, sentence_at, set_doc_attr, set_span_attr, span_attr
from claims.nlp.grammar.mood import is_subjunctive
from claims.nlp.grammar.verbs import (
    is_finite_verb,
    is_verb_form,
    main_clause,
    negated,
    open_question,
    perfect_tail,
    subject_tail,
    verb_last,
    wie_before,
)
from claims.nlp.indirect.backref import demonstrative_report, reports_back
from claims.nlp.indirect.bounds import (
    ARTICLE_OR_RELATIVE,
    CONTENT_CONJ,
    LEADING_FILLERS,
    NOT_V2_START,
    PP_OPENERS,
    SENTENCE_CLOSERS,
    SUBJECT_OPENERS,
    Quotes,
    after_quote,
    clause_end,
    conjunction_after_apposition,
    ends_in_quote,
    opens_noun_phrase,
    opens_relative_clause,
    trim,
)
from claims.nlp.indirect.complements import complement
from claims.nlp.indirect.frames import (
    coordinated_dass,
    next_comma,
    opens_with_wie,
    question_frame,
)
from claims.nlp.indirect.markers import (
    MARKER_ADVERBS,
    in_subordinate_clause,
    marker_content,
    subordinate_content,
)
from claims.nlp.indirect.objects import (
    AUXILIARIES,
    fronted_object,
    is_claim_object,
    non_speech_sense,
    passive_subject,
    verb_object,
)
from claims.nlp.indirect.openers import adverb_opens, bare_plural_subject, quote_opens_report
from claims.nlp.indirect.tails import framed, relative_tail, wie_channel
from claims.nlp.lexicon import Lexicon, load_lexicon, verb_lemmas
from claims.nlp.quotes.marks import CLOSING_QUOTES, QUOTE_MARKS
from claims.nlp.sentences.headblock import body_start
from claims.nlp.words import word_set

SUBJECT_PRONOUNS = word_set("subject_pronouns")
THIRD_PERSON_PRONOUNS = word_set("third_person_pronouns")


V2_SUBJECT_OPENERS = word_set("v2_subject_openers")


class IndirectFinder:
    def __init__(self, lexicon: Lexicon, one_word_quotes: bool = False) -> None:
        self.lexicon = lexicon
        self.one_word_quotes = one_word_quotes  # quoted single words are statements too

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.find(doc))
        return doc

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        doc.spans["indirect"] = spans

    def find(self, doc: Doc) -> list[Span]:
        quotes = Quotes(doc)
        # a quote at the end of an object is what the verb reports; one of a single word is no
        # statement of its own ("wies X als „haltlos“ zurück": the object with it is), unless
        # such quotes are statements (the benchmark's convention)
        speech = sorted(
            span_attr(q, "content")
            for q in doc.spans.get("quotes", [])
            if len(q) > 1 or self.one_word_quotes
        )
        cues = [c for c in doc.spans.get("cues", []) if not quotes.covers(c.start_char)]
        cue_starts = {
            c.start
            for c in cues
            if span_attr(c, "cue_type") == "verb" or span_attr(c, "cue_lemma") == "so"
        }
        found: list[Span] = []
        set_doc_attr(
            doc, "quoted_clauses", []
        )  # mostly quoted clauses: the direct quote speaks for them
        for cue in cues:
            found_content = self._content(doc, cue, cue_starts)
            if found_content is None:
                continue
            a, b, content_type = found_content
            a, b = trim(doc, a, b)
            if negated(doc, cue):
                continue  # "wollte nicht bestätigen, dass …": nobody claims it
            shortest = 1 if content_type == "object" else 2  # "weist Vorwürfe zurück"
            if b - a < shortest:
                continue
            if self._mostly_quoted(doc, a, b, quotes):
                end = b + 1 if b < len(doc) and doc[b].text in CLOSING_QUOTES else b
                doc_attr(doc, "quoted_clauses").append(
                    (doc[a].idx, doc[end - 1].idx + len(doc[end - 1]))
                )
                continue
            if content_type == "complement" and ends_in_quote(doc, a, b, speech):
                continue  # "sprach von „Verrat“": the quote is the statement
            if content_type == "object" and (
                not is_claim_object(doc, a, b)
                or ends_in_quote(doc, a, b, speech)
                or non_speech_sense(doc, a, b, span_attr(cue, "cue_lemma") or "")
            ):
                continue  # "bezeichnete X als „…“": the quote is the statement
            out = doc[a:b]
            set_span_attr(out, "content", (doc[a].idx, doc[b - 1].idx + len(doc[b - 1])))
            set_span_attr(out, "kind", "indirect")
            # a prepositional complement is reported like an object ("sprach von einem Erfolg")
            set_span_attr(
                out, "content_type", "object" if content_type == "complement" else content_type
            )
            for attr in ("cue", "cue_lemma", "cue_type", "cue_content", "opinion", "particle"):
                set_span_attr(out, attr, span_attr(cue, attr))
            set_span_attr(out, "source", (cue.start, cue.end))
            found.append(out)
        return found

    def _mostly_quoted(self, doc: Doc, a: int, b: int, quotes: Quotes) -> bool:
        inside = sum(1 for t in doc[a:b] if quotes.covers(t.idx))
        return inside * 5 >= (b - a) * 4

    def _content(self, doc: Doc, cue: Span, cue_starts: set[int]) -> tuple[int, int, str] | None:
        sent = sentence_at(doc, cue.start)
        s0, s1 = sent.start, sent.end
        found = self._content_range(doc, cue, cue_starts, s0, s1)
        if found is not None:
            return found
        if span_attr(cue, "cue_type") != "verb" or is_subjunctive(cue[0], self.lexicon):
            # "Die Behörde spreche von einem Fehler", "…, Falkner erwarte Widerstand": the
            # sentence is part of someone else's report
            return None
        entry = self.lexicon.verbs.get(span_attr(cue, "cue_lemma") or "")
        if entry is not None and entry.prepositions:
            after = self._after(doc, cue)
            phrase = complement(doc, cue, frozenset(entry.prepositions), after, s0, s1)
            if phrase is not None:
                return (*phrase, "complement")  # "sprach von einem Erfolg"
        if (
            "object" not in (span_attr(cue, "cue_content") or ())
            or span_attr(cue, "cue_type") != "verb"
        ):
            return None
        after = self._after(doc, cue)
        if after + 1 < s1 and doc[after].text == "," and doc[after + 1].text in QUOTE_MARKS:
            return None  # "warf X vor, „…“": the quote is the content
        obj = passive_subject(doc, cue, s0, s1)  # "Eine Beteiligung wurde von X bestritten"
        if obj is None:
            obj = fronted_object(doc, cue, s0)
        if obj is None and span_attr(cue, "particle"):
            obj = self._object(doc, cue.end, self._after(doc, cue) - 1)
        if obj is None:
            obj = verb_object(doc, cue, self._after(doc, cue), s0, s1)
        return (*obj, "object") if obj is not None else None

    def _after(self, doc: Doc, cue: Span) -> int:
        """The token after the cue, or after its separable particle."""
        if span_attr(cue, "particle"):
            p_start, p_end = span_attr(cue, "particle")
            particle_tok = doc.char_span(p_start, p_end, alignment_mode="expand")
            if particle_tok is not None:
                return particle_tok.end
        return cue.end

    def _content_range(
        self, doc: Doc, cue: Span, cue_starts: set[int], s0: int, s1: int
    ) -> tuple[int, int, str] | None:
        kinds = span_attr(cue, "cue_content") or ()
        if span_attr(cue, "cue_type") == "marker":
            if doc[cue.start].lower_ in MARKER_ADVERBS and any(
                k in cue_starts for k in range(s0, s1) if k != cue.start
            ):
                return None  # "Demnach …, so X.": the other cue names the source
            if in_subordinate_clause(doc, cue, s0):
                # "…, die nach Angaben der Polizei … sollte,": the report is the clause
                clause = subordinate_content(doc, cue, s0, s1)
                return (*clause, "sentence") if clause is not None else None
            return (*marker_content(doc, cue, s0, s1), "sentence")
        back = demonstrative_report(doc, cue, s0, cue_starts)
        if back is not None:
            return (*back, "clause")  # "… . Das bestätigte die Polizei."
        after = self._after(doc, cue)
        if after < s1 and doc[after].text == ")":
            return None  # "(Wikinews berichtete)": a parenthesis reports nothing outside it
        if span_attr(cue, "cue_type") == "noun":
            if after < s1 and doc[after].text == ",":
                return self._clause_after(doc, after, s1, kinds, cue_starts, cue)
            return None
        if opens_with_wie(doc, cue, s0) and after < s1 and doc[after].text == ",":
            if "clause" not in kinds:
                return None  # "…, wie er sich selbst nannte, …": a name, no report
            return after + 1, clause_end(doc, after + 1, s1, cue_starts), "clause"
        wie = wie_before(doc, cue, s0)
        if (
            wie > s0 + 1
            and "clause" in kinds
            and doc[wie - 1].text == ","
            and (after >= s1 or doc[after].text in SENTENCE_CLOSERS)
        ):
            # "Die Preise seien gestiegen, wie die Behörde mitteilte."
            if reports_back(doc, s0, cue_starts) or framed(doc, s0, wie - 1, cue_starts):
                return None  # "Dies sagte X, wie ein Korrespondent berichtet": a channel
            return self._report_before(doc, s0, s1, wie - 1, wie + 1)
        # "„…“, sagte X, Parteichef der Y": after a quote the quote is the content
        comma = None if after_quote(doc, cue) else next_comma(doc, after, s1)
        if comma is not None:
            found = self._clause_after(doc, comma, s1, kinds, cue_starts, cue)
            if found is not None:
                return found
        elif after < s1 and doc[after].lower_ in CONTENT_CONJ and "clause" in kinds:
            if doc[after].lower_ == "wie" and after + 1 < s1 and doc[after + 1].lower_ == "auch":
                return None  # "bedauert wie auch die Partei …": a comparison
            return after + 1, clause_end(doc, after + 1, s1, cue_starts), "clause"
        coordinated = coordinated_dass(doc, after, s1, cue_starts) if "clause" in kinds else None
        if coordinated is not None:  # "informierte ihn über die Lage und dass …"
            end = clause_end(doc, coordinated, s1, cue_starts)
            if not any(  # not "und dass er geht, war klar": a subject clause
                doc[k].text == ","
                and (doc[k + 1].lower_ in AUXILIARIES or is_finite_verb(doc[k + 1].text))
                for k in range(coordinated, end - 1)
            ):
                return coordinated, end, "clause"
        if cue.start > s0 and "clause" in kinds:
            # "…, sagte Putin."; "…, so schätzen die Forscher."
            comma_at = cue.start - 2 if doc[cue.start - 1].lower_ == "so" else cue.start - 1
            if comma_at > s0 and doc[comma_at].text == ",":
                found_before = self._clause_before(doc, cue, s0, s1, cue_starts, comma_at)
                if found_before is not None:
                    return found_before
        perfect = perfect_tail(doc, cue, s0, s1) if "clause" in kinds else None
        if perfect is not None:  # "Russland habe kein Interesse, hat Putin gesagt."
            return self._report_before(doc, s0, s1, perfect, perfect + 2)
        return None

    def _clause_after(
        self,
        doc: Doc,
        comma: int,
        s1: int,
        kinds: tuple[str, ...],
        cue_starts: set[int],
        cue: Span,
    ) -> tuple[int, int, str] | None:
        first = comma + 1
        if first >= s1:
            return None
        later = conjunction_after_apposition(doc, first, s1)
        if later is not None and "clause" in kinds:
            # "meldete der Sender, Radio X, dass …": the apposition names the speaker
            return later + 1, clause_end(doc, later + 1, s1, cue_starts), "clause"
        low = doc[first].lower_
        if span_attr(cue, "cue_type") == "noun" and opens_relative_clause(doc, first, s1):
            return None  # "ein Hinweis, auf den die Behörden …": a relative clause
        end = clause_end(doc, first, s1, cue_starts)
        if wie_channel(doc, first, end, cue_starts):
            return None  # "sagte X, wie die Agentur meldete": the channel, no content
        if "clause" in kinds and low in CONTENT_CONJ:
            if open_question(doc, cue, first):
                return None  # "um zu sagen, ob …": left unsaid
            return first + 1, end, "clause"
        if doc[first].text in QUOTE_MARKS and not quote_opens_report(doc, first, end, self.lexicon):
            return None
        clause = doc[first:end]
        has_subj = any(is_subjunctive(t, self.lexicon) for t in clause)
        if "infinitive" in kinds and low != "um" and self._has_infinitive(clause):
            return first, end, "infinitive"
        pp_first = low in PP_OPENERS and has_subj  # "…, ohne die Aufrüstung gäbe es …"
        if "clause" not in kinds or is_finite_verb(doc[first].text):
            return None
        adverb_first = adverb_opens(doc, first, end, self.lexicon)  # "…, damit solle …"
        if low in NOT_V2_START and not pp_first and not adverb_first:
            return None  # a subordinate clause or a coordinated verb ("…, beharrte aber …")
        article = low in ARTICLE_OR_RELATIVE and opens_noun_phrase(doc, first + 1, end)
        if low in ARTICLE_OR_RELATIVE and not article and not has_subj:
            return None  # a relative clause: "der Minister, der …"
        if has_subj:
            return first, end, "clause"
        # an indicative verb-second clause after a speech verb: "sagte, er hinderte …"
        subject_first = (
            article
            or low in SUBJECT_PRONOUNS
            or (doc[first].text[:1].isupper() and first + 1 < end and doc[first + 1].is_lower)
            or (low in V2_SUBJECT_OPENERS and opens_noun_phrase(doc, first + 1, end))
            # headlines report in the indicative: "X versichert, belarussische Truppen bleiben …"
            or (bare_plural_subject(doc, first, end) and doc[first].idx < body_start(doc))
        )
        has_verb = any(
            t.lower_ in AUXILIARIES or is_verb_form(t.text) or t.text in verb_lemmas()
            for t in clause[1:]
        )
        if not (subject_first and has_verb) or span_attr(cue, "opinion"):
            return None  # "…, die Sprecherin der Fraktion, X (Grüne)": an apposition
        if article and verb_last(clause):
            return None  # "…, der keine Milch enthält": a relative clause, verb last
        return first, end, "clause"

    def _has_infinitive(self, clause: Span) -> bool:
        for k, tok in enumerate(clause):
            if tok.lower_ == "zu" and k + 1 < len(clause) and clause[k + 1].is_lower:
                return True
            if tok.is_lower and "zu" in tok.text[2:-3] and tok.text.endswith(("en", "ern", "eln")):
                return True
        return False

    def _object(self, doc: Doc, start: int, particle: int) -> tuple[int, int] | None:
        """Object of ``schließt … aus``: skip a subject pronoun or name and fillers."""
        a = start
        while a < particle and (
            doc[a].lower_ in LEADING_FILLERS or doc[a].lower_ in THIRD_PERSON_PRONOUNS
        ):
            a += 1
        if particle - a < 1 or (particle - a == 1 and not doc[a].text[:1].isupper()):
            return None
        return a, particle

    def _clause_before(
        self, doc: Doc, cue: Span, s0: int, s1: int, cue_starts: set[int], comma: int
    ) -> tuple[int, int, str] | None:
        """``Russland habe kein Interesse, sagte Putin.``: the cue and its subject end the
        sentence."""
        if not subject_tail(doc, cue.end, s1):
            # "Die Lage sei ernst, betonte X, der seit 2021 regiert.": a relative clause about
            # the speaker may close a report in the subjunctive
            rel = relative_tail(doc, cue, s1, cue_starts)
            if rel is None or not subject_tail(doc, cue.end, rel):
                return None
            found = self._report_before(doc, s0, s1, comma, cue.end)
            return found if found is not None and found[2] == "clause" else None
        return self._report_before(doc, s0, s1, comma, cue.end)

    def _report_before(
        self, doc: Doc, s0: int, s1: int, end: int, subject: int
    ) -> tuple[int, int, str] | None:
        """The clause from the sentence start to ``end`` (the comma before the cue, or before
        ``wie``): ``clause`` when it is in the subjunctive, else ``reported`` when a named
        subject starts at ``subject`` (after the cue, or after ``wie``)."""
        start = s0
        while start < end and doc[start].text in QUOTE_MARKS:
            start += 1
        if start > s0 and doc[end - 1].text in QUOTE_MARKS:
            return None  # a direct quote: attributed by the quote finder
        clause = doc[start:end]
        if question_frame(doc, start, end):
            return None  # "Auf die Frage, ob er zurücktrete, antwortete X": a topic, no report
        if not any(is_subjunctive(t, self.lexicon) for t in clause):
            # indicative: "Russland geht die Munition aus, berichtet das Magazin X." is a
            # report only when the named speaker follows the verb at once (checked by the
            # attribution); "…, kritisierte später aber die Regierung" is a coordinated verb
            nxt = doc[subject] if subject < s1 else None
            if nxt is None or not (nxt.lower_ in SUBJECT_OPENERS or nxt.text[:1].isupper()):
                return None
            if not main_clause(doc, start, end):
                return None  # "Die Sprecherin der Partei, Anna X, kritisierte …": a subject
            return start, end, "reported"
        return start, end, "clause"


@Language.factory(
    "claims_indirect",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={"one_word_quotes": False},
)
def make_indirect(nlp: Language, name: str, one_word_quotes: bool) -> IndirectFinder:
    return IndirectFinder(load_lexicon(), one_word_quotes)
