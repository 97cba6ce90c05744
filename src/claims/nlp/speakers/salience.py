"""Salience: who the text is about at each point. Cue subjects are recorded as cues are
resolved (in text order); a pronoun, a description or a statement without a cue looks back at
them, and ``die Organisation`` at the last body that spoke."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.sentences.segment import sentence_of
from claims.nlp.speakers.doccontext import DocContext
from claims.nlp.speakers.mention import Mention
from claims.nlp.words import word_set

# nouns that refer back to a named body ("die Organisation" after "die Organisation Legambiente")
BODY_DESCRIPTIONS = word_set("body_descriptions")


def record_subject(ctx: DocContext, mention: Mention) -> Mention:
    """Remember ``mention`` as the subject of a cue (and as a body that spoke): later pronouns
    and statements without a cue look back at it."""
    if mention.start not in ctx.subjects:
        insort(ctx.subject_starts, mention.start)
    ctx.subjects[mention.start] = mention
    note_body(ctx, mention)
    return mention


def note_body(ctx: DocContext, mention: Mention | None) -> None:
    """Remember a named body that speaks, for ``die Organisation`` later on."""
    name = mention.speaker.removeprefix(OTHER_PREFIX) if mention and mention.speaker else ""
    bare = mention is not None and mention.kind == "person" and mention.gender is None
    if (
        mention is not None
        and (mention.kind in ("institution", "source") or (bare and " " not in name))
        and name
        and name != mention.speaker  # a registered speaker is a person
        and name not in BODY_DESCRIPTIONS
    ):  # "Siemens kündigte an": a bare name without a first name may be a body
        insort(ctx.body_starts, mention.start)
        ctx.bodies[mention.start] = mention


def recent_body(ctx: DocContext, offset: int) -> Mention | None:
    """``so die Organisation``, ``Das Unternehmen teilte mit``: the body that spoke in this
    sentence or the one before (further back, the body meant is often one that did not
    speak)."""
    own = sentence_of(ctx.sent_starts, offset)
    lo = ctx.sent_starts[max(0, own - 1)]
    k = bisect_left(ctx.body_starts, offset)
    if k and ctx.body_starts[k - 1] >= lo:
        return ctx.bodies[ctx.body_starts[k - 1]]
    return None


def recent_subject(
    ctx: DocContext, offset: int, gender: str | None = None, people_only: bool = False
) -> Mention | None:
    """The latest recorded cue subject before ``offset``, at most two paragraphs back."""
    p = max(0, bisect_right(ctx.par_starts, offset) - 1)
    lo = max(ctx.paragraphs[max(0, p - 2)][0], offset - ctx.window)
    k = bisect_left(ctx.subject_starts, offset)
    for start in reversed(ctx.subject_starts[max(0, k - 8) : k]):
        if start < lo:
            break
        m = ctx.subjects[start]
        if m.speaker and fits(m, gender) and not (people_only and m.kind == "institution"):
            return m
    return None


def fits(m: Mention, gender: str | None) -> bool:
    """``m`` may be referred to with ``gender`` (None: any)."""
    return gender is None or m.gender in (gender, None)
