"""Who is speaking: the subject of a cue, pronouns and epithets (simple coreference).

Preference order for the subject of a speech verb: the phrase right before the verb
(``Lukaschenko sagte``), the phrase right after it (``sagte Lukaschenko``, ``sagte er``), then the
nearest person before it in the sentence (``hatte Lukaschenko am Donnerstag erklärt``). Pronouns
and epithets go back to the most recent compatible person, preferring sentence subjects: first in
the sentence, then the paragraph, then the previous paragraph; every search is bounded.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from spacy.tokens import Doc, Span

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.extensions import doc_text, sentence_at
from claims.nlp.indirect import is_finite_verb
from claims.nlp.mentions import Mention
from claims.nlp.sentences import sentence_of
from claims.nlp.words import word_set

WINDOW_CHARS = 2500
SUBJECT_FILLERS = word_set("subject_fillers")


SENTENCE_OPENERS = word_set("sentence_openers")


OBJECT_MARKERS = word_set("object_markers")


PRONOUNS = {"er": "m", "sie": "f", "ihm": "m", "seinen": "m", "seinem": "m", "seiner": "m"}
INSTITUTIONS = word_set("institutions")
NOT_NAME = word_set("not_name")
DETERMINERS = word_set("determiners")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


PLURAL_AUXILIARIES = frozenset(
    ["haben", "hatten", "hätten", "sind", "waren", "wären", "werden", "wurden", "würden"]
)


def _attributive(word: str) -> bool:
    """A lower-case inflected adjective (``belarussische``, ``neuen``)."""
    return (
        word.islower()
        and word.endswith(("e", "en", "er", "es", "em"))
        and len(word) > 3
        and not is_finite_verb(word)
    )


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


class Resolver:
    """Resolves cue subjects, pronouns and epithets in one Doc."""

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

    # -- subjects of cues -------------------------------------------------------------------
    def cue_subject(self, cue: Span, exclude: tuple[int, int] | None = None) -> Mention | None:
        doc = self.doc
        sent = sentence_at(doc, cue.start)
        clause_start = self._clause_start(cue.start, sent.start)
        # 1. the subject right before the verb, opening its clause: "Lukaschenko sagte"
        j = cue.start - 1
        while j >= clause_start and doc[j].lower_ in SUBJECT_FILLERS:
            j -= 1
        before = j if j >= clause_start else -1
        if before >= 0:
            found = self._mention_ending_at(before, cue, bare=False)
            if found is not None and self._opens_clause(found.start, doc[clause_start].idx):
                return self._record(found)
        # 2. the inverted subject right after it: "sagte Lukaschenko", "sagte er"
        j = cue.end
        while j < sent.end and doc[j].lower_ in SUBJECT_FILLERS:
            j += 1
        if j < sent.end and not (exclude and exclude[0] <= doc[j].idx < exclude[1]):
            found = self._mention_starting_at(j, cue) or self._inverted_subject(
                j, sent.end, exclude
            )
            if found is not None:
                return self._record(found)
        # a bare name before the verb only now: "Stattdessen sagte Lukaschenko" is inverted
        if before >= 0:
            found = self._mention_ending_at(before, cue, bare=True)
            if found is not None and self._opens_clause(found.start, doc[clause_start].idx):
                return self._record(found)
        # 3. the subject of the sentence: "Lukaschenko nannte …, lobte später …"
        k = sentence_of(self.sent_starts, cue.start_char)
        found = self._sentence_subject(k, cue.start_char, None)
        if found is not None and not (exclude and exclude[0] <= found.start < exclude[1]):
            return self._record(found)
        found = self._bare_sentence_subject(sent, cue) or self._clause_subject(
            clause_start, cue, exclude
        )
        if found is not None:
            return self._record(found)
        # 4. the nearest person before the verb that is not an object
        for m in reversed(self._mentions_between(sent.start_char, cue.start_char)):
            if exclude and exclude[0] <= m.start < exclude[1]:
                continue
            if self._is_object(m):
                continue
            resolved = self._resolve(m)
            if resolved is not None:
                return self._record(resolved)
        return None

    def _inverted_subject(
        self, j: int, stop: int, exclude: tuple[int, int] | None
    ) -> Mention | None:
        """A person inside the noun phrase after the verb: ``sagte der Vorsitzende des
        Verbandes, Elmar Gesse,`` / ``äußerte sich der EU-Außenbeauftragte Javier Solana``."""
        doc = self.doc
        commas = 0
        for t in range(j, min(stop, j + 14)):
            tok = doc[t]
            if exclude and exclude[0] <= tok.idx < exclude[1]:
                return None
            if tok.text in (":", ".", ";") or tok.text in '„“"»«' or tok.lower_ in ("dass", "ob"):
                return None
            if tok.text == ",":
                commas += 1
                if commas > 1 or doc[j].lower_ not in DETERMINERS:
                    return None
                continue
            if tok.lower_ in OBJECT_MARKERS and tok.lower_ not in ("der", "des", "den", "die"):
                return None
            m = self.by_start.get(tok.idx)
            if m is not None:
                return self._resolve(m)
        return None

    def _singular(self, cue: Span) -> bool:
        """Whether the reporting verb is singular (a participle asks its auxiliary)."""
        if cue[0].text.endswith("en"):
            return False
        sent = sentence_at(self.doc, cue.start)
        before = self.doc[max(sent.start, cue.start - 6) : cue.start]
        return not any(tok.lower_ in PLURAL_AUXILIARIES for tok in before)

    def _clause_subject(
        self, clause_start: int, cue: Span, exclude: tuple[int, int] | None
    ) -> Mention | None:
        """``Wie der Kreml am Montag mitteilte``: a noun phrase inside the cue's own clause."""
        doc = self.doc
        for t in range(max(clause_start, cue.start - 8), cue.start):
            tok = doc[t]
            if exclude and exclude[0] <= tok.idx < exclude[1]:
                continue
            if t > 0 and doc[t - 1].lower_ in OBJECT_MARKERS - DETERMINERS:
                continue
            if tok.lower_ in DETERMINERS or _capitalised(tok.text):
                found = self._mention_starting_at(t, cue, bare=False)
                if found is not None:
                    return found
        return None

    def _bare_sentence_subject(self, sent: Span, cue: Span) -> Mention | None:
        """``Tegaye Mununhe, der Polizeichef der Region, sagte …``: bare capitalised words that
        open the sentence, followed by an apposition or the verb."""
        doc = self.doc
        a = sent.start
        while a < cue.start and doc[a].text in '„“"»«(':
            a += 1
        b = a
        while b < cue.start and b - a < 3 and _capitalised(doc[b].text):
            b += 1
        if b == a or b >= cue.start or (doc[b].text != "," and b != cue.start):
            return None
        return self._noun_phrase(b - 1, cue, backwards=True)

    def _clause_start(self, i: int, lo: int) -> int:
        lo = max(lo, i - 40)
        j = i - 1
        while j > lo and self.doc[j].text not in (":", ";", "(", "–", "—"):
            j -= 1
        return j + 1 if j > lo or self.doc[j].text in (":", ";", "(", "–", "—") else lo

    def _opens_clause(self, start: int, clause_start: int) -> bool:
        """At most two words (a conjunction, an adverb) before the mention in its clause."""
        head = self.text[clause_start:start].split()
        return len(head) <= 2 and not any(w.lower() in OBJECT_MARKERS for w in head)

    def _record(self, mention: Mention) -> Mention:
        if mention.start not in self.subjects:
            insort(self.subject_starts, mention.start)
        self.subjects[mention.start] = mention
        return mention

    def _is_object(self, m: Mention) -> bool:
        """Preceded by a preposition or a dative article (``zu Präsident Putin``)."""
        before = self.text[max(0, m.start - 40) : m.start].split()[-3:]
        for word in reversed(before):
            low = word.lower()
            if low in OBJECT_MARKERS:
                return True
            if not (word[:1].isupper() or low in ("der", "des", "den", "die")):
                return False
        return False

    def _mention_ending_at(self, j: int, cue: Span, bare: bool = True) -> Mention | None:
        tok = self.doc[j]
        end = tok.idx + len(tok)
        m = self.by_end.get(end)
        if m is not None:
            return self._resolve(m)
        if tok.lower_ in ("er", "sie"):
            return self.pronoun(tok.idx, tok.text, cue)
        return self._noun_phrase(j, cue, backwards=True, bare=bare)

    def _mention_starting_at(self, j: int, cue: Span, bare: bool = True) -> Mention | None:
        tok = self.doc[j]
        m = self.by_start.get(tok.idx)
        if m is not None:
            return self._resolve(m)
        if tok.lower_ in ("er", "sie"):
            return self.pronoun(tok.idx, tok.text, cue)
        return self._noun_phrase(j, cue, backwards=False, bare=bare)

    def _noun_phrase(self, j: int, cue: Span, backwards: bool, bare: bool = True) -> Mention | None:
        """A subject that is not a known mention: an institution (``der Kreml``, ``die WHO``,
        ``das US-Magazin Foreign Policy``) or a bare name (``Seidling sagte``, ``sagte Köhler``)
        — German needs an article before a singular common noun, so a bare capitalised
        subject of a singular verb is a name."""
        doc = self.doc
        sent = sentence_at(doc, j)
        if backwards:
            a = j
            while a > sent.start and j - a < 3 and _capitalised(doc[a - 1].text):
                a -= 1
            b = j + 1
            det = a > sent.start and doc[a - 1].lower_ in DETERMINERS
        else:
            a = j
            det = doc[a].lower_ in DETERMINERS
            if det:
                a += 1
            b = a
            while b < sent.end and b - a < 3 and _capitalised(doc[b].text):
                b += 1
        words = [t.text for t in doc[a:b]]
        if not words or not all(_capitalised(w) for w in words):
            return None
        if a > 0 and (doc[a - 1].lower_ in DETERMINERS or _attributive(doc[a - 1].text)):
            det = True  # "der belarussische Außenminister": a description, not a name
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        phrase = self.text[start:end]
        for k, word in enumerate(words):
            if _acronym(word) or word.split("-")[-1] in INSTITUTIONS:
                name = " ".join(words[k + 1 :]) or word
                return Mention(start, end, phrase, "institution", OTHER_PREFIX + name)
        if det or not bare or not self._singular(cue) or any(w in NOT_NAME for w in words):
            return None
        for m in reversed(self._mentions_between(max(0, start - self.window), start)):
            if m.kind == "person" and m.speaker and m.speaker.endswith(words[-1]):
                return Mention(start, end, phrase, "person", m.speaker, m.gender, m.country)
        return Mention(start, end, phrase, "person", OTHER_PREFIX + phrase)

    def _mentions_between(self, lo: int, hi: int) -> list[Mention]:
        return self.mentions[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

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
        if word.lower() == "sie" and cue is not None and cue.text.endswith("en"):
            return None  # plural "sie sagten"
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

    def _antecedent(self, offset: int, gender: str) -> Mention | None:
        p = max(0, bisect_right(self.par_starts, offset) - 1)
        lo = max(self.paragraphs[max(0, p - 1)][0], offset - self.window)
        own = k = sentence_of(self.sent_starts, offset)
        while k >= 0 and self.sent_starts[k] >= lo - 1:
            s_lo = max(self.sent_starts[k], lo)
            s_hi = offset if k == own else self._sent_end(k)
            cands = [
                r
                for r in (self._resolve(m) for m in self._mentions_between(s_lo, s_hi))
                if r is not None and r.gender in (gender, None)
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
        head = self.text[s_lo : min(limit, s_lo + 80)].split()
        while head and head[0].strip('„“"»«') in SENTENCE_OPENERS:
            head.pop(0)
        if head and head[0] in ("Er", "Sie", "er", "sie") and s_lo < limit:
            offset = self.text.find(head[0], s_lo)
            r = self.pronoun(offset, head[0])
            return r if r is not None and _fits(r, gender) else None
        for m in self._mentions_between(s_lo, min(limit, s_lo + 80)):
            before = self.text[s_lo : m.start].split()
            if all(w.strip('„“"»«') in SENTENCE_OPENERS for w in before):
                r = self._resolve(m)
                if r is not None and _fits(r, gender):
                    return r
            break
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
        return self._sentence_subject(k, offset, "m") or self._sentence_subject(k, offset, "f")


def _fits(m: Mention, gender: str | None) -> bool:
    return gender is None or m.gender in (gender, None)
