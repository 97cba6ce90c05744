"""Who is speaking: the subject of a speech cue.

Preference order for the subject of a speech verb: the phrase right before the verb
(``Lukaschenko sagte``), the phrase right after it (``sagte Lukaschenko``, ``sagte er``), then the
nearest person before it in the sentence (``hatte Lukaschenko am Donnerstag erklärt``). Pronouns,
epithets and descriptions are resolved by :mod:`claims.nlp.coref`.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.agents import passive_agent, quoted_subject
from claims.nlp.coref import SENTENCE_OPENERS, Coreference
from claims.nlp.extensions import sentence_at
from claims.nlp.indirect import is_finite_verb
from claims.nlp.lexicon import is_common_noun, load_lexicon
from claims.nlp.mentions import EPITHET_SUFFIXES, Mention
from claims.nlp.sentences import sentence_of
from claims.nlp.words import word_set

SUBJECT_FILLERS = word_set("subject_fillers")
OBJECT_MARKERS = word_set("object_markers")
INSTITUTIONS = word_set("institutions")
NOT_NAME = word_set("not_name")
DETERMINERS = word_set("determiners")
FUNCTION_WORDS = DETERMINERS | OBJECT_MARKERS | {w.lower() for w in word_set("not_surname")}


def _capitalised(word: str) -> bool:
    """Capitalised, also after a hyphenated number (``47-Jährige``)."""
    word = word.rsplit("-", 1)[-1] if word[:1].isdigit() else word
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


# Nouns for people: a definite description ending in one ("der Chefdiplomat", "die Ministerin",
# "der 47-Jährige") refers back to a person named before.
_PERSON_NOUNS = tuple(
    sorted(
        {
            t + e
            for t in [*word_set("title_suffixes"), *EPITHET_SUFFIXES, "jährige"]
            if t.isalpha()
            for e in ("", "in", "n", "en", "r")
        }
    )
)


# Definite articles and demonstratives: "der Präsident" refers back, "deren Anführer" does not.
COORDINATORS = frozenset({"und", "aber", "doch", "sondern", "denn", "oder"})
DATIVES = frozenset({"dem", "einem", "ihm", "ihnen", "ihr", "mir", "uns"})
GENITIVES = frozenset({"des", "eines", "beider", "aller"})
DEFINITE = frozenset({"der", "die", "das", "dem", "den", "des", ""})
_INSTITUTIONS_LOW = frozenset(w.lower() for w in INSTITUTIONS)
INSTITUTION_STEMS = tuple(sorted(w.lower() for w in INSTITUTIONS if len(w) > 4))


def institution_word(word: str) -> bool:
    """A noun naming an institution, also inflected or compounded (``Verteidigungsministeriums``,
    ``Nachrichtenagentur``)."""
    low = word.split("-")[-1].lower()
    return low in {w.lower() for w in INSTITUTIONS} or any(
        stem in low for stem in INSTITUTION_STEMS
    )


def person_noun(word: str) -> bool:
    return word.lower().endswith(_PERSON_NOUNS)


def _name_word(word: str) -> bool:
    """A capitalised word that can only be (part of) a name: no noun, adverb or title."""
    return (
        not is_common_noun(word)
        and word not in NOT_NAME
        and word not in SENTENCE_OPENERS
        and word.lower() not in FUNCTION_WORDS
    )


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


class Resolver(Coreference):
    """Resolves cue subjects (and, through :class:`Coreference`, pronouns and epithets)."""

    _ends: set[int] | None = None

    # -- subjects of cues -------------------------------------------------------------------
    def cue_subject(self, cue: Span, exclude: tuple[int, int] | None = None) -> Mention | None:
        doc = self.doc
        sent = sentence_at(doc, cue.start)
        clause_start = self._clause_start(cue.start, sent.start)
        agent = passive_agent(cue, clause_start)
        if agent is not None:  # 0. "wurde von X kritisiert": X, or nobody named
            found = self._mention_starting_at(agent, cue, bare=False)
            return self._record(found) if found is not None else None
        quoted = quoted_subject(cue, clause_start)
        found = self._mention_starting_at(quoted, cue) if quoted is not None else None
        if found is not None:  # "wird Musk wie folgt zitiert"
            return self._record(found)
        # 1. the subject right before the verb, opening its clause: "Lukaschenko sagte"
        j = cue.start - 1
        while j >= clause_start and doc[j].lower_ in SUBJECT_FILLERS:
            j -= 1
        if j > clause_start + 2 and doc[j].text == ",":
            # "Henning Scherf (SPD), warnte": the subject before an apposition's comma
            k = j - 1
            if doc[k].text == ")":
                while k > clause_start and doc[k].text != "(":
                    k -= 1
                k -= 1
            j = k if k >= clause_start and k in self._name_ends() else j
        before = j if j >= clause_start else -1
        if before >= 0:
            found = self._mention_ending_at(before, cue, bare=False)
            if found is not None and self._opens_clause(found.start, doc[clause_start].idx):
                return self._record(found)
        # 2. the inverted subject right after it: "sagte Lukaschenko", "sagte er"
        j = cue.end
        while j < sent.end and doc[j].lower_ in SUBJECT_FILLERS:
            j += 1
        dative = j < sent.end and doc[j].lower_ in DATIVES  # "teilte dem Sender X mit"
        if j < sent.end and not dative and not (exclude and exclude[0] <= doc[j].idx < exclude[1]):
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
        if cue[-1].text.endswith("en"):
            return False  # "sagten", "darauf bestanden"
        sent = sentence_at(self.doc, cue.start)
        before = list(self.doc[max(sent.start, cue.start - 6) : cue.start])
        while any(tok.is_punct for tok in before):
            before.pop(0)  # only the cue's own clause: not "… werden“, fügte er hinzu"
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
            if self._in_phrase(t):
                continue
            if tok.lower_ in DETERMINERS or _capitalised(tok.text):
                found = self._mention_starting_at(t, cue, bare=False)
                if found is not None:
                    return found
        return None

    def _in_phrase(self, t: int) -> bool:
        """Token ``t`` is inside a prepositional or genitive phrase (``in belarussischen
        Kliniken``, ``beider Armeen``): no subject."""
        doc = self.doc
        for j in range(t - 1, max(-1, t - 4), -1):
            low = doc[j].lower_
            if low in OBJECT_MARKERS - DETERMINERS or low in GENITIVES:
                return True
            if not (low in DETERMINERS or _attributive(doc[j].text) or _capitalised(doc[j].text)):
                return False
        return False

    def _name_ends(self) -> set[int]:
        """Token indices where a mention ends (computed once)."""
        if self._ends is None:
            spans = (
                self.doc.char_span(m.end - 1, m.end, alignment_mode="expand") for m in self.mentions
            )
            self._ends = {span.end - 1 for span in spans if span is not None}
        return self._ends

    def _bare_sentence_subject(self, sent: Span, cue: Span) -> Mention | None:
        """``Tegaye Mununhe, der Polizeichef der Region, sagte …``: bare capitalised words that
        open the sentence, followed by an apposition or the verb."""
        doc = self.doc
        a = sent.start
        while a < cue.start and doc[a].text in '„“"»«(':
            a += 1
        if a < cue.start and doc[a].lower_ in FUNCTION_WORDS:
            return None  # "In Vietnam forderte …": a prepositional phrase
        b = a
        while b < cue.start and b - a < 3 and _capitalised(doc[b].text):
            b += 1
        if b == a or b >= cue.start:
            return None
        if doc[b].text != "," and b != cue.start:
            # "Podolski war anwesend und sagte", "Ken Rice vom Institut … erklärte": bare
            # name words, then a lower-case word, open the sentence of a singular verb
            words = [t.text for t in doc[a:b]]
            if not doc[b].text[:1].islower() or not all(_name_word(w) for w in words):
                return None
            first = words[0] in load_lexicon().first_names
            if _attributive(doc[b].text) or (len(words) > 1 and words[0][-1] == "s" and not first):
                return None  # "Berlins früherer Bürgermeister", "Obamas Team": a possessor
            if not first and not self._named_elsewhere(words[-1]):
                return None  # "Darin wird …", "Zwar hatte …": a capitalised function word
        return self._noun_phrase(b - 1, cue, backwards=True)

    def _named_elsewhere(self, word: str) -> bool:
        """The word also stands capitalised inside a sentence: a name, no sentence opener."""
        return re.search(r"[a-zäöüß,] " + re.escape(word) + r"\b", self.text) is not None

    def _clause_start(self, i: int, lo: int) -> int:
        lo = max(lo, i - 40)
        j = i - 1
        while j > lo and self.doc[j].text not in (":", ";", "(", "–", "—"):
            if self.doc[j].text == ")":  # "Henning Scherf (SPD), warnte": skip the brackets
                while j > lo and self.doc[j].text != "(":
                    j -= 1
            j -= 1
        return j + 1 if j > lo or self.doc[j].text in (":", ";", "(", "–", "—") else lo

    def _opens_clause(self, start: int, clause_start: int) -> bool:
        """At most two words (a conjunction, an adverb) before the mention in its clause."""
        head = self.text[clause_start:start]
        if ", " in head:  # "…, und das Kinderhilfswerk X rief auf": the clause after the comma
            head = head.rsplit(", ", 1)[1]
        words = head.split()
        while words and (words[0].lower() in COORDINATORS or words[0].lower() in DETERMINERS):
            words.pop(0)
        while words and _attributive(words[0]):
            words.pop(0)
        return len(words) <= 2 and not any(w.lower() in OBJECT_MARKERS for w in words)

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

    def subject_at(self, i: int, cue: Span) -> Mention | None:
        """The person or body named by the phrase that starts at token ``i``."""
        return self._mention_starting_at(i, cue, bare=False)

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
            if _acronym(word) or institution_word(word):
                name = " ".join(words[k + 1 :]) or word
                return Mention(start, end, phrase, "institution", OTHER_PREFIX + name)
        article = next(
            (t.lower_ for t in reversed(doc[max(0, a - 4) : a]) if t.lower_ in DETERMINERS), ""
        )
        if det and person_noun(words[-1]) and not backwards:
            body = self._represented(b, sent.end)
            if body is not None:  # "ein Sprecher des Kreml", "der Korrespondent der Zeitung X"
                return body
        if det and person_noun(words[-1]) and self._singular(cue) and article in DEFINITE:
            gender = "f" if article in ("die", "eine") or words[-1].endswith("in") else "m"
            return self.description(start, end, phrase, gender)
        while words and (
            is_common_noun(words[0]) or words[0] in NOT_NAME or words[0].lower() in FUNCTION_WORDS
        ):
            words.pop(0)  # a title before a name: "Innenminister Schäuble"
        if det and words and len(words) == len(phrase.split()) and article in ("der", "die", "das"):
            # "der Focus", "die Hoover Institution", "die Taliban": a named body
            return Mention(start, end, phrase, "institution", OTHER_PREFIX + " ".join(words))
        if det or not bare or not words or not self._singular(cue):
            return None
        phrase = " ".join(words)
        for m in reversed(self._mentions_between(max(0, start - self.window), start)):
            if m.kind == "person" and m.speaker and m.speaker.endswith(words[-1]):
                return Mention(start, end, phrase, "person", m.speaker, m.gender, m.country)
        return Mention(start, end, phrase, "person", OTHER_PREFIX + phrase)

    def _represented(self, b: int, stop: int) -> Mention | None:
        """The institution a spokesperson or correspondent speaks for: ``des Kreml``, ``der
        Frankfurter Allgemeinen Zeitung``, ``von Tesla`` after the person noun."""
        doc = self.doc
        if b >= stop or doc[b].lower_ not in ("des", "der", "von", "vom"):
            return None
        a = b + 1
        while a < stop and doc[a].lower_ in DETERMINERS:
            a += 1
        e = a
        while e < stop and e - a < 4 and (_capitalised(doc[e].text) or _attributive(doc[e].text)):
            e += 1
        if e + 1 < stop and doc[e].text == "," and doc[e + 1].idx in self.by_start:
            return self._resolve(self.by_start[doc[e + 1].idx])  # "…, Bambang Suryo Aji,"
        words = [t.text for t in doc[a:e] if _capitalised(t.text)]
        if not words or person_noun(words[-1]):
            return None
        if not any(_acronym(w) or institution_word(w) or not is_common_noun(w) for w in words):
            return None
        start, end = doc[a].idx, doc[e - 1].idx + len(doc[e - 1])
        name = " ".join(words)
        return Mention(start, end, self.text[start:end], "institution", OTHER_PREFIX + name)
