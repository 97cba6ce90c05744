"""The statement extractor: articles in, :class:`~claims.models.Statement` lists out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from claims.ids import statement_id
from claims.kb.speakers import SpeakerRegistry
from claims.models import Article, Kind, Statement, coarse_kind
from claims.nlp.extensions import doc_attr, doc_text, set_doc_attr, span_attr
from claims.nlp.located import Range
from claims.nlp.pipeline import build_pipeline
from claims.nlp.quotes.marks import QUOTE_MARKS
from claims.nlp.sentences.segment import unwrap
from claims.nlp.speakers.roles import Roles, roles_of

# Bump when the extraction changes: the incremental cache keys on it.
PIPELINE_VERSION = "nlp-18"


class StatementExtractor:
    """Direct and indirect statements of an article, attributed to speakers."""

    def __init__(
        self, registry: SpeakerRegistry, model: str | None = None, one_word_quotes: bool = False
    ) -> None:
        self.registry = registry
        self.nlp = build_pipeline(registry, model, one_word_quotes)

    def _make_doc(self, article: Article) -> Doc:
        # soft line breaks become spaces (same offsets): "sagte\nLukaschenko" is one clause
        text = unwrap(article.text or "")
        doc = self.nlp.make_doc(text)
        doc.user_data["claims_text"] = text  # == doc.text, which spaCy rebuilds per access
        set_doc_attr(doc, "published", article.published)
        return doc

    def extract(self, article: Article) -> list[Statement]:
        return self.extract_doc(article)[1]

    def extract_doc(self, article: Article) -> tuple[Doc, list[Statement]]:
        """The article's Doc with its statements (see :meth:`extract_docs`)."""
        doc = self._make_doc(article)
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        return doc, to_statements(doc, article)

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[list[Statement]]:
        """One statement list per article, in order (spaCy batches the work)."""
        for _, statements in self.extract_docs(articles, batch_size):
            yield statements

    def extract_docs(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[tuple[Doc, list[Statement]]]:
        """Each article's Doc with its statements, in order, so later stages read the tokens
        instead of tokenising again. The Doc is of the unwrapped text (soft line breaks are
        spaces, offsets unchanged); ``doc.user_data["claims_text"]`` holds that text."""
        pending: list[Article] = []

        def docs() -> Iterator[Doc]:
            for article in articles:
                pending.append(article)
                yield self._make_doc(article)

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            yield doc, to_statements(doc, pending.pop(0))


def to_statements(doc: Doc, article: Article) -> list[Statement]:
    """Statements from the ``statements`` spans; ``text == article.text[start:end]``."""
    text = article.text or ""
    out: list[Statement] = []
    speakers: dict[object, Range | None] = {}  # content -> speaker phrase, in text order
    previous: _Said | None = None  # the statement before, in text order
    for span in sorted(doc.spans.get("statements", []), key=lambda s: span_attr(s, "content")):
        start, end = _exact(text, span)
        if start >= end:
            continue
        kind = statement_kind(span)
        roles = roles_of(doc, span, (start, end))
        first = speakers.get(span_attr(span, "continues")) if span_attr(span, "continues") else None
        if not roles.cues and first is None and roles.speaker is None and kind == "direct":
            first = _quote_before(text, start, previous, span_attr(span, "speaker"))
        if not roles.cues and first is not None:
            # a continuation without a cue of its own: its speaker is named where the
            # report it goes on from names it ("Angaben der Feuerwehr", not "der Feuerwehr")
            roles = replace(roles, speaker=first)
        speakers[span_attr(span, "content")] = roles.speaker
        previous = _Said(span_attr(span, "speaker"), end, kind, roles)
        out.append(
            Statement(
                # the id keeps the coarse kind, so ids (and finding ids, baselines) are the
                # same as before ``reported`` and ``free_indirect`` existed
                id=statement_id(article.id, start, end, coarse_kind(kind)),
                article_id=article.id,
                speaker=span_attr(span, "speaker"),
                speaker_mention=span_attr(span, "speaker_mention"),
                cue=span_attr(span, "cue"),
                kind=kind,
                text=text[start:end],
                start=start,
                end=end,
                line=article.line_of(start, text),
                speaker_span=_pair(roles.speaker),
                cue_spans=[list(r) for r in roles.cues] or None,
                frame_span=_pair(roles.frame),
                addressee_span=_pair(roles.addressee),
                hearsay=span_attr(span, "content_type") == "hearsay",
                clause_span=_clause(doc, kind, start, end),
            )
        )
    out.sort(key=lambda s: (s.start, s.end, s.kind))
    return out


QUOTE_CHARS = "".join(sorted(QUOTE_MARKS)) + " "
MAX_QUOTE_GAP = 60  # characters between two quotes, the first's frame between them


@dataclass(frozen=True)
class _Said:
    """What :func:`to_statements` keeps of the statement before: who, where it ended, its kind
    and its roles."""

    speaker: object
    end: int
    kind: str
    roles: Roles


def _quote_before(text: str, start: int, previous: _Said | None, speaker: object) -> Range | None:
    """``„A“, sagte er. „B.“``: a quote right after a quote of the same paragraph whose
    sentence names its speaker goes on with it (the speaker phrase only: no cue is its own)."""
    if previous is None or previous.kind != "direct" or previous.speaker != speaker:
        return None  # no quote before, or another speaker's
    roles = previous.roles
    gap = text[previous.end : start]
    if roles.speaker is None or not roles.cues or "\n" in gap or len(gap) > MAX_QUOTE_GAP:
        return None
    return roles.speaker if previous.end <= roles.cues[-1][1] <= start else None


def _clause(doc: Doc, kind: Kind, start: int, end: int) -> list[int] | None:
    """The indirect clause a direct quote fills (``es sei „…“``), if the indirect finder left
    one out for it."""
    if kind != "direct":
        return None
    text = doc_text(doc)
    for a, b in doc_attr(doc, "quoted_clauses") or ():
        if a <= start and end <= b:
            outside = text[a:start].strip(QUOTE_CHARS) + text[end:b].strip(QUOTE_CHARS)
            return [a, b] if outside.strip() else None  # not the quote alone
    return None


def statement_kind(span: Span) -> Kind:
    """The public kind of a statement span. The components keep two kinds (``direct``,
    ``indirect``: what their rules test); what the content is refines ``indirect``: a noun
    phrase object of a speech verb is ``reported`` (``bestritt eine Beteiligung``), a
    Konjunktiv sentence without a cue of its own (``free`` content, from
    ``speakers/freeindirect.py``) is ``free_indirect``."""
    if span_attr(span, "kind") == "direct":
        return "direct"
    return CONTENT_KINDS.get(span_attr(span, "content_type"), "indirect")


CONTENT_KINDS: dict[str | None, Kind] = {
    "object": "reported",
    "free": "free_indirect",
    "hearsay": "free_indirect",
}


def _pair(where: tuple[int, int] | None) -> list[int] | None:
    return list(where) if where else None


# opening and closing marks of a quote inside a report ("Die Regierung habe „keine Geheimnisse“")
_QUOTE_PAIRS = (("„", "“"), ("»", "«"), ("«", "»"))


def _exact(text: str, span: Span) -> tuple[int, int]:
    start, end = span_attr(span, "content") or (span.start_char, span.end_char)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if span_attr(span, "kind") == "indirect" and start > 0:
        inner = text[start:end]
        for opening, closing in _QUOTE_PAIRS:
            if text[start - 1] == opening and inner.count(closing) > inner.count(opening):
                start -= 1  # the report opens with a quote: keep its opening mark
                break
    if span_attr(span, "kind") == "indirect" and end < len(text):
        inner = text[start:end]
        for opening, closing in _QUOTE_PAIRS:
            if text[end] == closing and inner.count(opening) > inner.count(closing):
                return start, end + 1  # the report ends with a quote: keep its closing mark
    return start, end
