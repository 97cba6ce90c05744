"""The state the speaker parts share for one Doc: its text, mentions and their indexes, the
sentence and paragraph starts, what has been said so far (cue subjects and bodies that spoke),
and the caches filled on the way.

The ``claims_speakers`` component builds one per Doc and passes it to plain functions
(:mod:`.linking`, :mod:`.salience`, :mod:`.appositions`, :mod:`.coref`, :mod:`.phrases`,
:mod:`.clauses`, :mod:`.cue_subject`), so a function's signature says what it may touch.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from claims.nlp.extensions import doc_attr, doc_text
from claims.nlp.lexicon import Lexicon
from claims.nlp.speakers.mention import Mention

WINDOW_CHARS = 2500  # how far back (in characters) a pronoun or description looks


@dataclass(eq=False)
class DocContext:
    """One Doc's mentions, cues and positions, with the state that resolving its cues builds
    up."""

    doc: Doc
    text: str
    lexicon: Lexicon
    cues: list[Span]  # doc.spans["cues"], in order
    cue_starts: list[int]
    mentions: list[Mention]
    window: int
    starts: list[int]  # char start of each mention, in order
    by_end: dict[int, Mention]
    by_start: dict[int, Mention]
    sent_starts: list[int]
    paragraphs: list[tuple[int, int]]
    par_starts: list[int]
    # salience: cue subjects and bodies that spoke, by char start (see :mod:`.salience`)
    subjects: dict[int, Mention] = field(default_factory=dict)
    subject_starts: list[int] = field(default_factory=list)
    bodies: dict[int, Mention] = field(default_factory=dict)
    body_starts: list[int] = field(default_factory=list)
    # caches
    pronoun_memo: dict[int, Mention | None] = field(default_factory=dict)
    genders: dict[str, str] | None = None
    fronts: dict[int, Mention | None] = field(default_factory=dict)  # sentence -> front subject
    name_ends: set[int] | None = None  # token indices where a mention ends

    @classmethod
    def of(
        cls, doc: Doc, mentions: list[Mention], lexicon: Lexicon, window: int = WINDOW_CHARS
    ) -> DocContext:
        """The context of ``doc`` with its ``mentions`` (sorted by start)."""
        text = doc_text(doc)
        cues = list(doc.spans.get("cues", []))
        paragraphs: list[tuple[int, int]] = doc_attr(doc, "paragraphs") or [(0, len(text))]
        return cls(
            doc=doc,
            text=text,
            lexicon=lexicon,
            cues=cues,
            cue_starts=[c.start_char for c in cues],
            mentions=mentions,
            window=window,
            starts=[m.start for m in mentions],
            by_end={m.end: m for m in mentions},
            by_start={m.start: m for m in mentions},
            sent_starts=doc_attr(doc, "sent_starts") or [0],
            paragraphs=paragraphs,
            par_starts=[p[0] for p in paragraphs],
        )


def mentions_between(ctx: DocContext, lo: int, hi: int) -> list[Mention]:
    """The mentions that start in the char range ``lo``..``hi``."""
    return ctx.mentions[bisect_left(ctx.starts, lo) : bisect_left(ctx.starts, hi)]


def gender_of(ctx: DocContext, speaker: str) -> str | None:
    """The grammatical gender of a speaker, from its mentions in this Doc."""
    if ctx.genders is None:
        ctx.genders = {m.speaker: m.gender for m in ctx.mentions if m.speaker and m.gender}
    return ctx.genders.get(speaker)


def sent_end(ctx: DocContext, k: int) -> int:
    """Char offset where sentence ``k`` ends (the next one starts)."""
    return ctx.sent_starts[k + 1] if k + 1 < len(ctx.sent_starts) else len(ctx.text)


def possessor(ctx: DocContext, m: Mention) -> bool:
    """A genitive name before a noun (``Putins Sprecher``, ``Vogts Buch``)."""
    after = ctx.text[m.end : m.end + 2]
    return (
        m.text.endswith(("s", "'", "’"))
        and after[:1] == " "
        and after[1:2].isupper()
        and m.kind in ("name", "person", "guess")
    )
