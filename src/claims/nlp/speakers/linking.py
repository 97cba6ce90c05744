"""Linking a mention to a speaker: a registered or named speaker as found, and an epithet
(``der belarussische Veteranenführer``) to the latest person of its country."""

from __future__ import annotations

from claims.nlp.speakers.doccontext import DocContext, mentions_between
from claims.nlp.speakers.mention import Mention


def resolve_mention(ctx: DocContext, m: Mention) -> Mention | None:
    """``m`` with its speaker: as found, or for an epithet the person it refers to; None when
    it names nobody."""
    if m.speaker is not None:
        return m
    if m.kind == "epithet":
        return epithet(ctx, m)
    return None


def epithet(ctx: DocContext, m: Mention) -> Mention | None:
    """``der belarussische Veteranenführer``: the latest person of that country."""
    for cand in reversed(mentions_between(ctx, max(0, m.start - ctx.window), m.start)):
        if cand.speaker and cand.country and cand.country == m.country:
            return Mention(
                m.start, m.end, m.text, "epithet", cand.speaker, cand.gender, cand.country
            )
    return None


def mention_ending_at(ctx: DocContext, end: int) -> Mention | None:
    """The resolved mention that ends at char ``end``, if any."""
    m = ctx.by_end.get(end)
    return resolve_mention(ctx, m) if m is not None else None


def mention_in(ctx: DocContext, lo: int, hi: int) -> Mention | None:
    """The first resolvable mention of a person in a char range (a marker's source)."""
    for m in mentions_between(ctx, lo, hi):
        r = resolve_mention(ctx, m)
        if r is not None:
            return r
    return None
