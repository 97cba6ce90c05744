"""Resolving pronouns and definite descriptions, and the subject a sentence is about.

Pronouns and descriptions go back to the most recent compatible person, preferring sentence
subjects: first in the sentence, then the paragraph, then the previous paragraph; every search is
bounded by a window of characters. A sentence's subject may itself be a pronoun, so both live
here; a name in apposition that opens a sentence comes from :mod:`.appositions`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Span

from claims.nlp.lexicon import is_common_noun
from claims.nlp.sentences.segment import sentence_of
from claims.nlp.speakers.agreement import plural_finite
from claims.nlp.speakers.appositions import front_subject
from claims.nlp.speakers.doccontext import DocContext, mentions_between, possessor, sent_end
from claims.nlp.speakers.linking import resolve_mention
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.names import SENTENCE_OPENERS
from claims.nlp.speakers.salience import fits, recent_subject
from claims.nlp.words import word_map, word_set

ARTICLES = word_set("nominative_articles")
GENDERED_PRONOUNS_ANY_CASE = word_set("gendered_pronouns_any_case")
# possessives before a title and a name ("Dessen Sprecherin X", "Seine Frau X")
POSSESSIVES = word_set("possessives")
PRONOUNS = {w: g for g, words in word_map("pronoun_genders").items() for w in sorted(words)}


def pronoun(ctx: DocContext, offset: int, word: str, cue: Span | None = None) -> Mention | None:
    """Resolve ``er``/``sie`` (or a possessive) at ``offset`` to the latest compatible
    person, preferring sentence subjects."""
    if offset in ctx.pronoun_memo:
        return ctx.pronoun_memo[offset]
    ctx.pronoun_memo[offset] = None  # guards against cycles
    gender = PRONOUNS.get(word.lower(), "m")
    if word.lower() == "sie" and cue is not None and plural_finite(cue.doc, cue, 0) >= 0:
        return None  # plural "sie sagten" (not "musste sie einräumen")
    found = _antecedent(ctx, offset, gender)
    result = None
    if found is not None:
        result = Mention(
            offset,
            offset + len(word),
            word,
            "pronoun",
            found.speaker,
            found.gender,
            found.country,
        )
    ctx.pronoun_memo[offset] = result
    return result


def object_pronoun(ctx: DocContext, offset: int, word: str, clause_start: int) -> Mention | None:
    """An object pronoun (``zitiert ihn``) never refers to the subject of its own clause: the
    latest compatible person before the clause."""
    found = _antecedent(ctx, clause_start, PRONOUNS.get(word.lower(), "m"))
    if found is None:
        return None
    end = offset + len(word)
    return Mention(offset, end, word, "pronoun", found.speaker, found.gender, found.country)


def description(
    ctx: DocContext, start: int, end: int, text: str, gender: str | None
) -> Mention | None:
    """``der Chefdiplomat``, ``die Ministerin``, ``der 47-Jährige``: a definite description
    refers back to the latest compatible person, like a pronoun."""
    head = text.split()[-1].lower()
    found = (
        _same_title(ctx, start, head)
        or _antecedent(ctx, start, gender)
        or recent_subject(ctx, start, gender, people_only=True)
    )
    if found is None or found.speaker is None:
        return None
    return Mention(start, end, text, "description", found.speaker, found.gender, found.country)


def _same_title(ctx: DocContext, offset: int, head: str) -> Mention | None:
    """The latest person named with the same title (``der Präsident`` after ``der
    belarussische Präsident``, ``Präsident X``) within the window."""
    stem = head[:-2] if head.endswith(("in", "en")) and len(head) > 6 else head
    for m in reversed(mentions_between(ctx, max(0, offset - ctx.window), offset)):
        if m.kind in ("role", "name", "person", "epithet") and stem in m.text.lower():
            r = resolve_mention(ctx, m)
            if r is not None:
                return r
    return None


def _antecedent(ctx: DocContext, offset: int, gender: str | None) -> Mention | None:
    p = max(0, bisect_right(ctx.par_starts, offset) - 1)
    lo = max(ctx.paragraphs[max(0, p - 1)][0], offset - ctx.window)
    own = k = sentence_of(ctx.sent_starts, offset)
    while k >= 0 and ctx.sent_starts[k] >= lo - 1:
        s_lo = max(ctx.sent_starts[k], lo)
        s_hi = offset if k == own else sent_end(ctx, k)
        cands = [
            r
            for r in (resolve_mention(ctx, m) for m in mentions_between(ctx, s_lo, s_hi))
            if r is not None and fits(r, gender) and r.kind != "guess" and not possessor(ctx, r)
        ]
        subject = subject_of_sentence(ctx, k, s_hi, gender)
        if subject is not None and k != own:
            return subject
        if cands:
            return cands[-1]
        if subject is not None:
            return subject
        k -= 1
    return None


def subject_of_sentence(ctx: DocContext, k: int, limit: int, gender: str | None) -> Mention | None:
    """A person named as subject of sentence ``k``: a recorded cue subject, a mention among
    its first words, or a sentence-initial pronoun (resolved in turn)."""
    s_lo = ctx.sent_starts[k]
    first = bisect_left(ctx.subject_starts, s_lo)
    for start in ctx.subject_starts[first : bisect_left(ctx.subject_starts, limit)][:8]:
        m = ctx.subjects[start]
        if m.speaker and fits(m, gender):
            return m
    front = front_subject(ctx, k)
    if front is not None and front.start < limit and fits(front, gender):
        return front  # "Der Bruder des Papstes, Georg X, war …"
    head = ctx.text[s_lo : min(limit, s_lo + 80)].split()
    while head and head[0].strip('„“"»«') in SENTENCE_OPENERS:
        head.pop(0)
    if head and head[0] in GENDERED_PRONOUNS_ANY_CASE and s_lo < limit:
        offset = ctx.text.find(head[0], s_lo)
        r = pronoun(ctx, offset, head[0])
        return r if r is not None and fits(r, gender) else None
    owner = 0  # end of a genitive name that opens the subject
    for m in mentions_between(ctx, s_lo, min(limit, s_lo + 80)):
        before = ctx.text[s_lo : m.start].split()
        if possessor(ctx, m) and len(before) < 3:
            owner = m.end
            continue  # "Lukaschenkos Verteidigungsminister X": X is the subject
        if (
            all(_opener(w) for w in before)
            or (owner and _title_words(ctx.text[owner : m.start].split()))
            or _owner_title(before)
        ):
            r = resolve_mention(ctx, m)
            if r is not None and fits(r, gender):
                return r
        break
    return None


def sentence_subject(ctx: DocContext, k: int) -> Mention | None:
    """The person sentence ``k`` is about (its subject), if any."""
    return subject_of_sentence(ctx, k, sent_end(ctx, k), None)


def subject_before(ctx: DocContext, offset: int) -> Mention | None:
    """The subject of the sentence when it opens before ``offset`` (``Er werde „…“``)."""
    k = sentence_of(ctx.sent_starts, offset)
    head = ctx.text[max(ctx.sent_starts[k], offset - 8) : offset]
    if offset - ctx.sent_starts[k] < 8 and not head.strip(" „“\"»«‚‘'"):
        return None
    return subject_of_sentence(ctx, k, offset, None)


def first_subject(ctx: DocContext, offset: int) -> Mention | None:
    """The subject of the sentence containing ``offset`` (for ``eigenen Angaben nach``)."""
    k = sentence_of(ctx.sent_starts, offset)
    end = sent_end(ctx, k)
    return subject_of_sentence(ctx, k, end, None) or recent_subject(ctx, offset)


def _opener(word: str) -> bool:
    """A word that may precede the subject at the start of a sentence: an adverb, an article,
    an attributive adjective (``Der österreichische Bundeskanzler X``)."""
    word = word.strip('„“"»«')
    return (
        word in SENTENCE_OPENERS
        or word.lower() in ARTICLES
        or word.lower() in POSSESSIVES
        or (word.islower() and word.endswith(("e", "en")) and len(word) > 3)
    )


def _title_words(words: list[str]) -> bool:
    """Up to three capitalised words between a genitive and a name: the title of the
    possessor's person (``Berlins Regierender Bürgermeister X``, ``Spectors Verteidiger X``)."""
    return len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)


def _owner_title(before: list[str]) -> bool:
    """A place or body in the genitive and a title before a name (``Serbiens Präsident X``):
    the name is the subject, not the genitive."""
    while before and _opener(before[0]):
        before = before[1:]
    if len(before) < 2:
        return False
    owner = before[0]
    return (
        owner.endswith("s")
        and owner[:1].isupper()
        and owner.isalpha()
        and not is_common_noun(owner)
        and _title_words(before[1:])
    )
