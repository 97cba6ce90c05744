"""Relayed reports (``claims_relays``): an outlet's quote that holds other people's words.

Aggregators pass an agency's report on in quote marks: ``Weiter berichtet das Portal X: "Die
Truppen nehmen nicht teil. Dies sagte Präsident Y …"``. The marks are the outlet's, but the
words inside are attributed inside (``Dies sagte Y``, ``Y versicherte, dass …``, ``…, so Y``).
Such a quote is read as body text: its own cues report, the quotes nested in it
(``Wörtlich hieß es: "…"``) become quotes, and the outlet's verb introduces nothing.

A quote is a relay when

* an outlet (a news agency, a media noun such as ``Portal``, or a quoted title) is named with a
  verb of publishing before a colon that opens it, or it goes on, unopened, from a relay left
  open at the end of the paragraph before; and
* a speech verb, ``so`` or ``es hieß`` inside it (outside its nested quotes, not next to ``ich``
  or ``wir``) attributes words of its own.

``Die Zeitung zitiert ihn: "Ich sage Ihnen …"`` is no relay: ``zitieren`` names the speaker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from claims.nlp import extensions as _ext  # noqa: F401
from claims.nlp.extensions import paragraph_starts, sentence_at, span_attr
from claims.nlp.words import word_set

NEWS_AGENCIES = word_set("news_agencies")
MEDIA_NOUNS = tuple(sorted(word_set("media_nouns")))
RELAY_VERBS = word_set("relay_verbs")
HEISSEN_FORMS = word_set("heissen_forms")
FIRST_PERSON = word_set("first_person_subjects")
PLACE_PREPOSITIONS = word_set("source_prepositions")


def _paragraph(doc: Doc, offset: int) -> int:
    return bisect_right(paragraph_starts(doc), offset) - 1


class _Index:
    """Spans sorted by their start, for the spans inside a char range (linear overall: a
    text with many quotes and cues stays fast)."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start_char)
        self.starts = [s.start_char for s in self.spans]

    def within(self, lo: int, hi: int) -> list[Span]:
        return self.spans[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def covers(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.spans[k].end_char


def _outlet_intro(doc: Doc, quote: Span, cues: _Index, titles: _Index) -> Span | None:
    """The outlet's publishing verb when ``Outlet verb …:`` opens the quote."""
    colon = quote.start - 2  # the colon, then the opening mark
    if colon < 0 or doc[colon].text != ":" or span_attr(quote, "quote_flags") == "unopened":
        return None
    sent = sentence_at(doc, colon)
    lo, hi = doc[sent.start].idx, doc[colon].idx
    verb = next(
        (
            c
            for c in cues.within(lo, hi)
            if span_attr(c, "cue_type") == "verb"
            and (span_attr(c, "cue_lemma") or "") in RELAY_VERBS
        ),
        None,
    )
    if verb is None:
        return None
    outlet = any(
        not _in_phrase_of_place(doc, t.i, verb.end if t.i >= verb.end else max(sent.start, t.i - 3))
        and (
            t.lower_ in NEWS_AGENCIES
            or (t.text[:1].isupper() and t.lower_.endswith(MEDIA_NOUNS))
            or bool(titles.within(t.idx, t.idx + len(t.text)))
        )
        for t in doc[sent.start : colon]
    )
    return verb if outlet else None


def _in_phrase_of_place(doc: Doc, i: int, lo: int) -> bool:
    """``schreibt in der Zeitung X``, ``auf seinem Portal``: an outlet after a preposition
    (between ``lo``, the verb's end or three words back, and the outlet) is where someone
    publishes, not the one who passes a report on."""
    return any(doc[k].lower_ in PLACE_PREPOSITIONS for k in range(lo, i))


def _attributes_inside(doc: Doc, quote: Span, cues: _Index, nested: _Index) -> bool:
    """A speech verb, ``so`` or ``es hieß`` inside the quote (not inside a quote nested in it)
    names someone's words."""
    a, b = span_attr(quote, "content")
    for cue in cues.within(a, b):
        if nested.covers(cue.start_char):
            continue
        if not (span_attr(cue, "cue_type") == "verb" or span_attr(cue, "cue_lemma") == "so"):
            continue
        around = {doc[k].lower_ for k in (cue.start - 1, cue.end) if 0 <= k < len(doc)}
        if not around & FIRST_PERSON:  # "sage ich Ihnen" is the quoted person speaking
            return True
    return any(
        t.text in HEISSEN_FORMS and a <= t.idx < b and not nested.covers(t.idx) for t in quote
    )


def find_relays(doc: Doc) -> tuple[list[Span], list[Span]]:
    """The relayed quotes, and the outlets' verbs that introduced them."""
    cues = _Index(list(doc.spans.get("cues", [])))
    titles = _Index(list(doc.spans.get("titles", [])))
    nested = _Index(list(doc.spans.get("nested_quotes", [])))
    relays: list[Span] = []
    intros: list[Span] = []
    previous: Span | None = None
    relayed = False
    for quote in sorted(doc.spans.get("quotes", []), key=lambda q: span_attr(q, "content")):
        intro = _outlet_intro(doc, quote, cues, titles)
        goes_on = (
            previous is not None
            and relayed
            and span_attr(previous, "quote_flags") == "unclosed"
            and span_attr(quote, "quote_flags") == "unopened"
            and _paragraph(doc, quote.start_char) == _paragraph(doc, previous.start_char) + 1
        )
        relayed = (intro is not None or goes_on) and _attributes_inside(doc, quote, cues, nested)
        if relayed:
            relays.append(quote)
            if intro is not None:
                intros.append(intro)
        previous = quote
    return relays, intros


class RelayFinder:
    """Frees the words inside relayed quotes (see the module doc)."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, *find_relays(doc))
        return doc

    def set_annotations(self, doc: Doc, relays: list[Span], intros: list[Span]) -> None:
        doc.spans["relays"] = relays
        if not relays:
            return
        ranges = {span_attr(r, "content") for r in relays}
        relay_index = _Index(relays)
        freed = [n for n in doc.spans.get("nested_quotes", []) if relay_index.covers(n.start_char)]
        kept = [q for q in doc.spans["quotes"] if span_attr(q, "content") not in ranges]
        doc.spans["quotes"] = sorted(kept + freed, key=lambda q: span_attr(q, "content"))
        used = {(c.start, c.end) for c in intros}
        doc.spans["cues"] = [c for c in doc.spans["cues"] if (c.start, c.end) not in used]


@Language.factory(
    "claims_relays",
    assigns=["doc.spans"],
    requires=["doc._.paragraphs"],
)
def make_relays(nlp: Language, name: str) -> RelayFinder:
    return RelayFinder()
