"""Coreference for speaker attribution: pronouns, epithets, definite descriptions, sentence
subjects.

Pronouns and epithets go back to the most recent compatible person, preferring sentence
subjects: first in the sentence, then the paragraph, then the previous paragraph; every search is
bounded by a window of characters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from spacy.tokens import Doc, Span

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.extensions import doc_text
from claims.nlp.lexicon import is_common_noun
from claims.nlp.sentences.segment import sentence_of
from claims.nlp.speakers.agreement import plural_finite
from claims.nlp.speakers.mentions import Mention
from claims.nlp.speakers.names import SENTENCE_OPENERS
from claims.nlp.words import word_map, word_set

WINDOW_CHARS = 2500
# nouns that refer back to a named body ("die Organisation" after "die Organisation Legambiente")
BODY_DESCRIPTIONS = word_set("body_descriptions")
ARTICLES = word_set("nominative_articles")
# possessives before a title and a name ("Dessen Sprecherin X", "Seine Frau X")
POSSESSIVES = word_set("possessives")
PRONOUNS = {w: g for g, words in word_map("pronoun_genders").items() for w in sorted(words)}


class Coreference:
    """Mentions of one Doc and what they refer to."""

    def __init__(self, doc: Doc, mentions: list[Mention], window: int = WINDOW_CHARS) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.by_end = {m.end: m for m in mentions}
        self.by_start = {m.start: m for m in mentions}
        self.window = window
        self.sent_starts: list[int] = doc._.sent_starts or [0]
        self.paragraphs: list[tuple[int, int]] = doc._.paragraphs or [(0, len(doc_text(doc)))]
        self.par_starts = [p[0] for p in self.paragraphs]
        self.subjects: dict[int, Mention] = {}  # char start of a cue subject -> its mention
        self.subject_starts: list[int] = []
        self._memo: dict[int, Mention | None] = {}
        self._genders: dict[str, str] | None = None
        self.bodies: dict[int, Mention] = {}  # char start -> a named body that spoke
        self.body_starts: list[int] = []

    def _record(self, mention: Mention) -> Mention:
        if mention.start not in self.subjects:
            insort(self.subject_starts, mention.start)
        self.subjects[mention.start] = mention
        self.note_body(mention)
        return mention

    def note_body(self, mention: Mention | None) -> None:
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
            insort(self.body_starts, mention.start)
            self.bodies[mention.start] = mention

    def recent_body(self, offset: int) -> Mention | None:
        """``so die Organisation``, ``Das Unternehmen teilte mit``: the body that spoke in this
        sentence or the one before (further back, the body meant is often one that did not
        speak)."""
        own = sentence_of(self.sent_starts, offset)
        lo = self.sent_starts[max(0, own - 1)]
        k = bisect_left(self.body_starts, offset)
        if k and self.body_starts[k - 1] >= lo:
            return self.bodies[self.body_starts[k - 1]]
        return None

    def _mentions_between(self, lo: int, hi: int) -> list[Mention]:
        return self.mentions[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def mentions_between(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start in the char range ``lo``..``hi``."""
        return self._mentions_between(lo, hi)

    # -- coreference ------------------------------------------------------------------------
    def _resolve(self, m: Mention) -> Mention | None:
        if m.speaker is not None:
            return m
        if m.kind == "epithet":
            return self.epithet(m)
        return None

    def epithet(self, m: Mention) -> Mention | None:
        """``der belarussische Veteranenführer``: the latest person of that country."""
        for cand in reversed(self._mentions_between(max(0, m.start - self.window), m.start)):
            if cand.speaker and cand.country and cand.country == m.country:
                return Mention(
                    m.start, m.end, m.text, "epithet", cand.speaker, cand.gender, cand.country
                )
        return None

    def pronoun(self, offset: int, word: str, cue: Span | None = None) -> Mention | None:
        """Resolve ``er``/``sie`` (or a possessive) at ``offset`` to the latest compatible
        person, preferring sentence subjects."""
        if offset in self._memo:
            return self._memo[offset]
        self._memo[offset] = None  # guards against cycles
        gender = PRONOUNS.get(word.lower(), "m")
        if word.lower() == "sie" and cue is not None and plural_finite(cue.doc, cue, 0) >= 0:
            return None  # plural "sie sagten" (not "musste sie einräumen")
        found = self._antecedent(offset, gender)
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
        self._memo[offset] = result
        return result

    def description(self, start: int, end: int, text: str, gender: str | None) -> Mention | None:
        """``der Chefdiplomat``, ``die Ministerin``, ``der 47-Jährige``: a definite description
        refers back to the latest compatible person, like a pronoun."""
        head = text.split()[-1].lower()
        found = (
            self._same_title(start, head)
            or self._antecedent(start, gender)
            or self.recent_subject(start, gender, people_only=True)
        )
        if found is None or found.speaker is None:
            return None
        return Mention(start, end, text, "description", found.speaker, found.gender, found.country)

    def _same_title(self, offset: int, head: str) -> Mention | None:
        """The latest person named with the same title (``der Präsident`` after ``der
        belarussische Präsident``, ``Präsident X``) within the window."""
        stem = head[:-2] if head.endswith(("in", "en")) and len(head) > 6 else head
        for m in reversed(self._mentions_between(max(0, offset - self.window), offset)):
            if m.kind in ("role", "name", "person", "epithet") and stem in m.text.lower():
                r = self._resolve(m)
                if r is not None:
                    return r
        return None

    def gender_of(self, speaker: str) -> str | None:
        """The grammatical gender of a speaker, from its mentions in this Doc."""
        if self._genders is None:
            self._genders = {m.speaker: m.gender for m in self.mentions if m.speaker and m.gender}
        return self._genders.get(speaker)

    def _antecedent(self, offset: int, gender: str | None) -> Mention | None:
        p = max(0, bisect_right(self.par_starts, offset) - 1)
        lo = max(self.paragraphs[max(0, p - 1)][0], offset - self.window)
        own = k = sentence_of(self.sent_starts, offset)
        while k >= 0 and self.sent_starts[k] >= lo - 1:
            s_lo = max(self.sent_starts[k], lo)
            s_hi = offset if k == own else self._sent_end(k)
            cands = [
                r
                for r in (self._resolve(m) for m in self._mentions_between(s_lo, s_hi))
                if r is not None
                and _fits(r, gender)
                and r.kind != "guess"
                and not self.possessor(r)
            ]
            subject = self._sentence_subject(k, s_hi, gender)
            if subject is not None and k != own:
                return subject
            if cands:
                return cands[-1]
            if subject is not None:
                return subject
            k -= 1
        return None

    def _sent_end(self, k: int) -> int:
        return self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.text)

    def _sentence_subject(self, k: int, limit: int, gender: str | None) -> Mention | None:
        """A person named as subject of sentence ``k``: a recorded cue subject, a mention among
        its first words, or a sentence-initial pronoun (resolved in turn)."""
        s_lo = self.sent_starts[k]
        first = bisect_left(self.subject_starts, s_lo)
        for start in self.subject_starts[first : bisect_left(self.subject_starts, limit)][:8]:
            m = self.subjects[start]
            if m.speaker and _fits(m, gender):
                return m
        front = self._front_subject(k)
        if front is not None and front.start < limit and _fits(front, gender):
            return front  # "Der Bruder des Papstes, Georg X, war …"
        head = self.text[s_lo : min(limit, s_lo + 80)].split()
        while head and head[0].strip('„“"»«') in SENTENCE_OPENERS:
            head.pop(0)
        if head and head[0] in ("Er", "Sie", "er", "sie") and s_lo < limit:
            offset = self.text.find(head[0], s_lo)
            r = self.pronoun(offset, head[0])
            return r if r is not None and _fits(r, gender) else None
        owner = 0  # end of a genitive name that opens the subject
        for m in self._mentions_between(s_lo, min(limit, s_lo + 80)):
            before = self.text[s_lo : m.start].split()
            if self.possessor(m) and len(before) < 3:
                owner = m.end
                continue  # "Lukaschenkos Verteidigungsminister X": X is the subject
            if (
                all(_opener(w) for w in before)
                or (owner and _title_words(self.text[owner : m.start].split()))
                or _owner_title(before)
            ):
                r = self._resolve(m)
                if r is not None and _fits(r, gender):
                    return r
            break
        return None

    def _front_subject(self, k: int) -> Mention | None:
        """The person named in apposition to a description that opens sentence ``k`` (see
        :class:`claims.nlp.speakers.appositions.Appositions`); none at this level."""
        return None

    def possessor(self, m: Mention) -> bool:
        """A genitive name before a noun (``Putins Sprecher``, ``Vogts Buch``)."""
        after = self.text[m.end : m.end + 2]
        return (
            m.text.endswith(("s", "'", "’"))
            and after[:1] == " "
            and after[1:2].isupper()
            and m.kind in ("name", "person", "guess")
        )

    def recent_subject(
        self, offset: int, gender: str | None = None, people_only: bool = False
    ) -> Mention | None:
        """The latest recorded cue subject before ``offset``, at most two paragraphs back."""
        p = max(0, bisect_right(self.par_starts, offset) - 1)
        lo = max(self.paragraphs[max(0, p - 2)][0], offset - self.window)
        k = bisect_left(self.subject_starts, offset)
        for start in reversed(self.subject_starts[max(0, k - 8) : k]):
            if start < lo:
                break
            m = self.subjects[start]
            if m.speaker and _fits(m, gender) and not (people_only and m.kind == "institution"):
                return m
        return None

    def sentence_subject(self, k: int) -> Mention | None:
        """The person sentence ``k`` is about (its subject), if any."""
        return self._sentence_subject(k, self._sent_end(k), None)

    def subject_before(self, offset: int) -> Mention | None:
        """The subject of the sentence when it opens before ``offset`` (``Er werde „…“``)."""
        k = sentence_of(self.sent_starts, offset)
        head = self.text[max(self.sent_starts[k], offset - 8) : offset]
        if offset - self.sent_starts[k] < 8 and not head.strip(" „“\"»«‚‘'"):
            return None
        return self._sentence_subject(k, offset, None)

    def mention_ending_at(self, end: int) -> Mention | None:
        """The resolved mention that ends at char ``end``, if any."""
        m = self.by_end.get(end)
        return self._resolve(m) if m is not None else None

    def mention_in(self, lo: int, hi: int) -> Mention | None:
        """The first resolvable mention of a person in a char range (a marker's source)."""
        for m in self._mentions_between(lo, hi):
            r = self._resolve(m)
            if r is not None:
                return r
        return None

    def first_subject(self, offset: int) -> Mention | None:
        """The subject of the sentence containing ``offset`` (for ``eigenen Angaben nach``)."""
        k = sentence_of(self.sent_starts, offset)
        end = self._sent_end(k)
        return self._sentence_subject(k, end, None) or self.recent_subject(offset)


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


def _fits(m: Mention, gender: str | None) -> bool:
    return gender is None or m.gender in (gender, None)
