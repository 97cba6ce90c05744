"""Mentions after the first: overlapping mentions merged, a role and the name after it joined
(``Präsident Alexander Lukaschenko``), and a surname alone (``Lukaschenko``) or a full name again
linked to the person named before, by one word scan and dictionary look-ups."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from itertools import accumulate

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.names import NAME_PARTICLES, NOT_NAME


def alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first (so a longer name wins)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest mention where several overlap (name beats role on ties)."""
    rank = {"name": 0, "person": 1, "role": 2, "epithet": 3, "guess": 4, "skip": 5}
    ordered = sorted(mentions, key=lambda x: (x.start, -(x.end - x.start), rank.get(x.kind, 5)))
    kept: list[Mention] = []
    for mention in ordered:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return [m for m in kept if m.kind != "skip"]


def merge_role_and_name(mentions: list[Mention], text: str) -> list[Mention]:
    """``der belarussische Außenminister Sergei Aleinik``: one mention, resolved by the name."""
    merged: list[Mention] = []
    for mention in mentions:
        if (
            merged
            and merged[-1].kind in ("role", "epithet")
            and mention.kind in ("name", "person")
            and text[merged[-1].end : mention.start].strip() == ""
        ):
            role = merged.pop()
            mention = replace(mention, start=role.start, text=text[role.start : mention.end])
        merged.append(mention)
    return merged


def with_surnames(mentions: list[Mention], text: str) -> list[Mention]:
    """Later bare mentions of a surname the article introduced (``Peskow``, ``Peskows``)."""
    people: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == "person" and m.speaker:
            words = m.speaker.removeprefix(OTHER_PREFIX).split()
            surname = words[-1]
            if len(surname) > 2 and surname not in NOT_NAME:
                people.setdefault(surname, m)
            k = next((i for i, w in enumerate(words[1:-1], 1) if w in NAME_PARTICLES), 0)
            if k:  # "von der Leyen", also opening a sentence ("Von der Leyen betonte")
                with_particles = " ".join(words[k:])
                people.setdefault(with_particles, m)
                people.setdefault(with_particles[0].upper() + with_particles[1:], m)
    if not people:
        return mentions
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))  # furthest end among the first i+1
    extra = []
    for start, end, key in _surname_hits(people, text):
        # overlaps a taken mention: one starting before its end reaches past its start
        # (a bisection, not a scan of every mention: linear in the text)
        before = bisect_left(starts, end)
        if before and reach[before - 1] > start:
            continue
        person = people[key]
        extra.append(
            Mention(
                start,
                end,
                text[start:end],
                "person",
                person.speaker,
                person.gender,
                person.country,
            )
        )
    return sorted([*mentions, *extra], key=lambda m: m.start)


# a word as the surname rule reads it: not inside a word or a hyphenated compound
_WORD = re.compile(r"(?<![\w-])\w+(?:-\w+)*(?:'(?![\w-]))?(?![\w-])")


def _surname_hits(people: dict[str, Mention], text: str) -> list[tuple[int, int, str]]:
    """Where the text names one of ``people`` again (``Peskow``, ``Peskows``, ``Peskow'``):
    one scan with a pattern compiled once, then dictionary look-ups; only names with
    particles (``von der Leyen``, rare) need a pattern of their own."""
    hits: list[tuple[int, int, str]] = []
    multi = [k for k in people if " " in k]
    if multi:
        pattern = re.compile(r"(?<![\w-])(" + alternation(multi) + r")(?:s|')?(?![\w-])")
        hits = [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]
    covered = [(a, b) for a, b, _ in hits]
    for m in _words_at_names(people, text):
        word = m.group(0)
        core = word[:-1] if word.endswith("'") else word
        key = core if core in people else None
        if key is None and not word.endswith("'") and core.endswith("s"):
            key = core[:-1] if core[:-1] in people and " " not in core[:-1] else None
        if key is None or " " in key:
            continue
        if any(a < m.end() and m.start() < b for a, b in covered):
            continue
        hits.append((m.start(), m.end(), key))
    return sorted(hits)


def _words_at_names(people: dict[str, Mention], text: str) -> list[re.Match[str]]:
    """The words of the text (as ``_WORD.finditer`` reads them) that start where a one-word
    key of ``people`` occurs: found with ``str.find`` instead of a Python step per word. A
    word match at a position is the one the scan would give there (a word never starts inside
    another)."""
    starts: set[int] = set()
    for key in people:
        if " " in key or not key:
            continue
        at = text.find(key)
        while at >= 0:
            starts.add(at)
            at = text.find(key, at + 1)
    found = []
    for at in sorted(starts):
        m = _WORD.match(text, at)
        if m is not None:
            found.append(m)
    return found


def with_full_names(mentions: list[Mention]) -> list[Mention]:
    """``other:`` ids use the fullest name form the article gives (``Peskow`` -> ``Dmitri
    Peskow``); a name with another first name is another person (``Georg`` and ``Joseph
    Ratzinger``)."""
    by_surname: dict[str, set[str]] = {}
    for m in mentions:
        if m.speaker and m.speaker.startswith(OTHER_PREFIX):
            name = m.speaker[len(OTHER_PREFIX) :]
            by_surname.setdefault(name.split()[-1], set()).add(name)
    out: list[Mention] = []
    for m in mentions:
        if m.speaker and m.speaker.startswith(OTHER_PREFIX):
            name = m.speaker[len(OTHER_PREFIX) :]
            fuller = [n for n in by_surname[name.split()[-1]] if n.endswith(" " + name)]
            if fuller:
                m = replace(m, speaker=OTHER_PREFIX + max(fuller, key=lambda n: (len(n), n)))
        out.append(m)
    return out
