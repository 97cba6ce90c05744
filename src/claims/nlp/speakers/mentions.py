"""Mentions of people in a text: registry names, role phrases, epithets, other named people.

Everything here works with regular expressions over the characters (built once per registry), so
the cost is linear in the text and independent of the token loop. Pronouns are not collected
here; the attribution step looks them up only where a cue needs a subject.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from claims.kb.speakers import (
    COUNTRY_ADJECTIVES,
    COUNTRY_NOUNS,
    OTHER_PREFIX,
    ROLE_NOUNS,
    Speaker,
    SpeakerRegistry,
)
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.names import (
    HYPHEN_PARTICLE,
    NAME_PARTICLES,
    NAME_TOKEN,
    NOT_NAME,
    NOT_SURNAME,
    STATES,
    UPPER,
    inflected_noun,
    name_like,
)
from claims.nlp.speakers.repeats import (
    alternation,
    merge_role_and_name,
    with_full_names,
    with_surnames,
    without_overlaps,
)
from claims.nlp.speakers.role_screens import RoleScreens
from claims.nlp.words import word_list, word_set

_CAPITALISED = re.compile(r"(?<![\w-])[" + UPPER + r"][\w'’.-]*")
# Two or three capitalised words in a row: a name when none is a common noun ("Noam Chomsky").
_NAME_RUN = re.compile(  # after no word: see _free_matches
    NAME_TOKEN + r"(?:[ \t]+" + HYPHEN_PARTICLE + NAME_TOKEN + r"){1,2}(?![\w'’-])"
)
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;\"“„»«(\n])\s*$")
TITLE_SUFFIXES = word_set("title_suffixes")
_UPPER_NEXT = re.compile(r"[ \t]+[" + UPPER + r"]")


# particles inside a name after a title, where "von"/"der" would rather open a phrase; "von"
# counts only after a first name ("Ministerin Ursula von der Leyen", not "Chef von Siemens")
TITLED_PARTICLES = word_list("titled_name_particles")
# one or two particles between the first name and the surname ("von der", "de la")
_PARTICLES = r"(?:(?:" + "|".join(NAME_PARTICLES) + r")\s+){1,2}"
# Nouns that end a generic epithet such as "der belarussische Veteranenführer".
EPITHET_SUFFIXES = word_list("epithet_nouns")


class MentionFinder:
    """Finds the mentions of people in a text (compiled once per registry)."""

    def __init__(self, registry: SpeakerRegistry, first_names: dict[str, str]) -> None:
        self.registry = registry
        self.first_names = first_names
        names = registry.name_forms()
        forms = alternation([f for s in registry.speakers for f in s.name_forms()])
        self._names = re.compile(r"(" + forms + r")(?![\w-])")  # after no word: _free_matches
        self._name_lookup = names
        adjectives = alternation(list(COUNTRY_ADJECTIVES))
        roles = alternation(ROLE_NOUNS)
        roles_low = alternation([r.lower() for r in ROLE_NOUNS])
        prefixes = alternation([n.capitalize() for n in COUNTRY_NOUNS] + ["US", "EU"])
        # the part from the adjective to the role noun: see RoleScreens
        adjective_core = (
            r"(?i:(" + adjectives + r"))(?:e|en|er|es|em)?\s+(?:[a-zäöüß-]+(?:e|en)\s+){0,2}"
            r"(" + roles + r")"
        )
        self._role_adj = re.compile(
            r"(?<![\w-])(?:(?:[Dd](?:er|es|em|en|ie)|[Ss]eine[mnrs]?|[Ee]ine[mnrs]?)\s+"
            r"(?:[a-zäöüß-]+(?:e|en)\s+){0,2})?" + adjective_core + r"(?:en|es|s|n)?(?![\w-])"
        )
        # What a match of each role pattern holds: a text without it is not searched (most
        # texts name no role; the full patterns, which open with optional words, cost more).
        self._has_role = re.compile(roles)
        self._has_compound = re.compile(
            r"(?:" + prefixes + r")(?:-(?:" + roles + r")|(?:" + roles_low + r"))"
        )
        self._role_compound = re.compile(
            r"(?<![\w-])(?:(?:[Dd](?:er|es|em|en|ie))\s+(?:[a-zäöüß-]+(?:e|en)\s+){0,2})?"
            r"(" + prefixes + r")(?:-(" + roles + r")|(" + roles_low + r"))(?:en|es|s|n)?(?![\w-])"
        )
        genitives = alternation(_country_genitives())
        # "Moskaus Präsident", "Belarus' Außenminister"
        self._role_genitive = re.compile(  # after no word: see _free_matches
            r"(" + genitives + r"|der Ukraine)\s+(" + roles + r")(?:en|s)?(?![\w-])"
        )
        # "der Präsident Weissrusslands", "der Außenminister von Belarus"
        after_core = (  # from the role noun to the country: see RoleScreens
            r"("
            + roles
            + r")(?:en|es|s|n)?\s+(?:von\s+("
            + alternation([n.capitalize() for n in COUNTRY_NOUNS])
            + r")|("
            + genitives
            + r"|der Ukraine))"
        )
        self._role_after = re.compile(
            r"(?<![\w-])(?:[Dd](?:er|es|em|en|as)\s+)?" + after_core + r"(?![\w'’-])"
        )
        self._screens = RoleScreens(adjective_core, after_core, max(map(len, ROLE_NOUNS)))
        self._epithet = re.compile(  # after no word: see _free_matches
            r"[Dd](?:er|ie)\s+(?:[a-zäöüß-]+e\s+){0,2}(?i:(" + adjectives + r"))e\s+"
            r"(?:[a-zäöüß-]+e\s+){0,2}([A-ZÄÖÜ][a-zäöüß]*(?:"
            + "|".join(EPITHET_SUFFIXES)
            + r"))(?![\w-])"
        )
        titles = "|".join(re.escape(t) for t in sorted(TITLE_SUFFIXES, key=len, reverse=True))
        self._titled = re.compile(
            r"(?<![\w])((?=[" + UPPER + r"])[\w.-]*?(?i:" + titles + r")(?:in)?)\s+"
            r"((?:(?:["
            + UPPER
            + r"]\.)+\s*)?(?:"
            + NAME_TOKEN
            + r"\s+){0,2}"
            + r"(?:(?:"
            + "|".join(TITLED_PARTICLES)
            + r")\s+|(?:von|van)\s+(?:(?:der|den|dem)\s+)?|de\s+(?:la|los|las)\s+)?"
            # "zu Guttenberg", "von der Leyen", "de la Rúa"
            + HYPHEN_PARTICLE  # "Außenminister Saud al-Faisal"
            + NAME_TOKEN
            + r")(?![\w-])"
        )
        self._title_endings = tuple(TITLE_SUFFIXES) + tuple(t + "in" for t in TITLE_SUFFIXES)
        # capitalised word -> (opens a person name, ends in a title): asked for every
        # capitalised word of every text, so answered once per word form
        self._capital_memo: dict[str, tuple[bool, bool]] = {}
        first = alternation([n for n in first_names if len(n) > 1])
        self._person = re.compile(
            # "Jörg-Dietrich Hoppe": a double first name joins two known ones
            r"(?<![\w-])((?:(?:" + first + r")(?:-(?:" + first + r"))?\s+){1,3}"
            r"(?:[" + UPPER + r"]\.\s+)?"
            r"(?:" + _PARTICLES + r")?" + HYPHEN_PARTICLE + NAME_TOKEN + r")"
            r"(?![\w-])"
        )

    def is_first_name(self, word: str) -> bool:
        return word in self.first_names or word.split("-", 1)[0] in self.first_names

    def known(self, name: str) -> Speaker | None:
        """A registry entry by a name form, else a tracked speaker linked by surname."""
        words = name.split()
        found = self.registry.match_name(name) or self.registry.link(name, self.is_first_name)
        if found is None and words:
            # a known surname after another first name is someone else ("Viktor Lukaschenko");
            # untracked people keep the old lookup by surname
            by_surname = self.registry.match_name(words[-1])
            found = by_surname if by_surname is not None and by_surname.is_other else None
        return found

    def find(self, text: str, published: dt.date | None) -> list[Mention]:
        """Every mention in the text, sorted by position, without overlaps."""
        found: list[Mention] = []
        for m in _free_matches(self._names, text):
            speaker = self._name_lookup.get(m.group(1).lower())
            if speaker is None:
                continue
            speaker_id = speaker.id
            if speaker.is_other:  # reported with the name as written (genitive removed)
                written = m.group(1)
                if written.lower() not in {n.lower() for n in [speaker.name, *speaker.names]}:
                    written = written[:-1]
                speaker_id = OTHER_PREFIX + written
            found.append(
                Mention(
                    m.start(),
                    m.end(),
                    m.group(0),
                    "name",
                    speaker_id,
                    speaker.gender,
                    speaker.country,
                )
            )
        found.extend(self._names_at_capitals(text))
        found.extend(self._unknown_names(text))
        role_starts = [m.start() for m in self._has_role.finditer(text)]
        role = bool(role_starts)
        compound = self._has_compound.search(text) is not None
        screens = self._screens
        for pattern in (self._role_adj, self._role_compound, self._role_genitive, self._role_after):
            if not (compound if pattern is self._role_compound else role):
                continue  # no match possible (see _has_role)
            if pattern is self._role_adj and not screens.adjective_before(text, role_starts):
                continue
            if pattern is self._role_after and not screens.country_after(text, role_starts):
                continue
            free = pattern is self._role_genitive
            for m in _free_matches(pattern, text) if free else pattern.finditer(text):
                found.append(self._role_mention(m, published, pattern is self._role_after))
        for m in _free_matches(self._epithet, text):
            adjective = m.group(1).lower()
            found.append(
                Mention(
                    m.start(),
                    m.end(),
                    m.group(0),
                    "epithet",
                    None,
                    None,
                    COUNTRY_ADJECTIVES.get(adjective),
                )
            )
        mentions = merge_role_and_name(without_overlaps(found), text)
        return with_full_names(with_surnames(mentions, text))

    def _names_at_capitals(self, text: str) -> list[Mention]:
        """Person names, found by trying the name patterns only at capitalised words that are a
        first name or a title (one cheap scan instead of a large alternation everywhere)."""
        found: list[Mention] = []
        person_end = titled_end = -1
        memo = self._capital_memo
        for cap in _CAPITALISED.finditer(text):
            word, pos = cap.group(0), cap.start()
            tests = memo.get(word)
            if tests is None:
                tests = memo[word] = (
                    # "Jörg-Dietrich Hoppe": a double first name
                    word in self.first_names or word.split("-", 1)[0] in self.first_names,
                    word.lower().endswith(self._title_endings),
                )
                if len(memo) > 100_000:
                    memo.clear()
            if pos >= person_end and tests[0]:
                m = self._person.match(text, pos)
                if m is not None:
                    found.append(self._person_mention(m))
                    person_end = m.end()
            if pos >= titled_end and tests[1]:
                m = self._titled.match(text, pos)
                if m is not None:
                    titled = self._titled_mention(m)
                    if titled is not None:
                        found.append(titled)
                        titled_end = m.end()
        return found

    def _unknown_names(self, text: str) -> list[Mention]:
        """Names of people with a first name the list does not know (``Noam Chomsky``,
        ``Bambang Suryo Aji``): capitalised words in a row, none a common noun, not opening a
        sentence. Kind ``guess``: such a mention is a speaker only as a subject, never the
        antecedent of a pronoun."""
        found: list[Mention] = []
        for m in _free_matches(_NAME_RUN, text):
            words = m.group(0).split()
            start = m.start()
            while words and not name_like(words[0]):
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
                words.pop(0)  # a title before the name: "Linksintellektuelle Noam Chomsky"
            apposition = text[m.end() : m.end() + 1] in (",", ":", "(")
            opens = _SENTENCE_BEFORE.search(text, max(0, start - 3), start)
            if start == m.start() and opens and not apposition:
                continue  # "Erkki Tuomioja, Präsident …" opens a sentence as a name
            popped = False
            while words and not name_like(words[-1]):
                words.pop()
                popped = True
            if popped and words and words[-1] in self.first_names:
                continue  # "Chefhaushälter Sebastian Schäfer": the person rule reads it
            if words and words[0] not in self.first_names:
                # "der Region Elsass Adrien Zeller": a first name that another capitalised word
                # follows opens another name ("Samaan Ibrahim" stays one)
                after = text[m.end() : m.end() + 2]
                last = len(words) if after[:1] == " " and after[1:].isupper() else len(words) - 1
                words = next(
                    (words[:k] for k in range(1, last) if words[k] in self.first_names), words
                )
            if len(words) < 2 or not all(name_like(w) for w in words):
                continue
            if words[0] in NOT_SURNAME or words[0].isupper() or words[-1].isupper():
                continue
            name = " ".join(words)
            first = words[0].split("-")[0]
            linked = self.registry.link(name, self.is_first_name)
            if linked is not None:  # "Sergej Aleynik": a tracked speaker in another spelling
                found.append(
                    Mention(
                        start,
                        start + len(name),
                        name,
                        "name",
                        linked.id,
                        linked.gender,
                        linked.country,
                    )
                )
                continue
            found.append(
                Mention(
                    start,
                    start + len(name),
                    name,
                    "guess",
                    OTHER_PREFIX + name,
                    self.first_names.get(first) or None,
                )
            )
        return found

    def _person_mention(self, m: re.Match[str]) -> Mention:
        words = m.group(1).split()
        while len(words) > 1 and words[-1] in NOT_SURNAME:
            words.pop()
        k = next((i for i, w in enumerate(words[1:], 1) if w in NAME_PARTICLES), 0)
        if k and (
            not name_like(words[-1]) or words[-1].isupper() or _UPPER_NEXT.match(m.string, m.end())
        ):
            words = words[:k]  # "Patrick X von der IG Metall": a phrase, no name particle
        name = " ".join(words)
        end = m.start(1) + len(name) if m.group(1).startswith(name) else m.end()
        if len(words) < 2:
            return Mention(m.start(), end, name, "skip", None)
        known = self.known(name)
        if known is not None:
            return Mention(m.start(), end, name, "name", known.id, known.gender, known.country)
        gender = self.first_names.get(words[0]) or None
        return Mention(m.start(), end, name, "person", OTHER_PREFIX + name, gender)

    def _titled_mention(self, m: re.Match[str]) -> Mention | None:
        """``Bundesinnenminister Schäuble``, ``Kanzlerin Angela Merkel``: title + name."""
        words = m.group(2).split()
        if len(words) > 2 and words[-2] in TITLED_PARTICLES and not name_like(words[-1]):
            words = words[:-2]  # "Minister X zu Beginn": a phrase after the name, no particle
        if "von" in words or "van" in words:
            k = words.index("von" if "von" in words else "van")
            first = words[k - 1].split("-")[0] if k else ""  # "Anna-Lena von der Heyde"
            if not k or first not in self.first_names or not name_like(words[-1]):
                words = words[:k]  # "Chef X von Siemens": no particle without a first name
        while words and (
            words[-1] in NOT_NAME
            or words[-1].rstrip("s") in STATES
            or inflected_noun(words[-1])  # "wies der Staatschef Berichte zurück"
        ):
            words.pop()
        if not words or words[0] in NOT_NAME or words[0].rstrip("s") in STATES:
            return None
        name = " ".join(words)
        end = m.start(2) + len(name)
        known = self.known(name)
        if known is not None:
            return Mention(
                m.start(),
                end,
                m.group(0)[: end - m.start()],
                "name",
                known.id,
                known.gender,
                known.country,
            )
        title = m.group(1)
        # a feminine title decides ("Ministerpräsidentin Andrea X"), else the first name
        gender = "f" if title.endswith("in") else self.first_names.get(words[0]) or "m"
        return Mention(
            m.start(), end, m.group(0)[: end - m.start()], "person", OTHER_PREFIX + name, gender
        )

    def _role_mention(
        self, m: re.Match[str], published: dt.date | None, noun_first: bool = False
    ) -> Mention:
        phrase = m.group(0)
        holders = self.registry.holders_of(_role_phrase(m, noun_first), published)
        if len(holders) == 1:
            h = holders[0]
            return Mention(m.start(), m.end(), phrase, "role", h.id, h.gender, h.country)
        return Mention(m.start(), m.end(), phrase, "role", None)


_WORD_CHAR = re.compile(r"[\w-]")


def _free_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""The matches of ``pattern`` as with a leading ``(?<![\w-])``, which would keep the
    regex engine from skipping ahead to the letters a match can start with."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if start and _WORD_CHAR.match(text, start - 1):
            pos = start + 1
            continue
        yield m
        pos = m.end()


def _country_genitives() -> list[str]:
    """Genitives of the country nouns: ``Russlands``, ``Weissrusslands``, ``Belarus'``."""
    forms: list[str] = []
    for noun in COUNTRY_NOUNS:
        if len(noun) < 3:
            continue
        name = noun.capitalize()
        forms += [name + "'", name + "’"] if name.endswith("s") else [name + "s"]
    return forms


def _country_of(word: str) -> str:
    """The country noun of a genitive (``Moskaus`` -> ``Moskau``, ``Belarus'`` -> ``Belarus``)."""
    word = word.rstrip("'’")
    if word.lower() not in COUNTRY_NOUNS and word.lower()[:-1] in COUNTRY_NOUNS:
        word = word[:-1]
    return word


def _role_phrase(m: re.Match[str], noun_first: bool = False) -> str:
    groups = [g for g in m.groups() if g]
    if len(groups) == 2 and groups[1] == "der Ukraine":
        return f"Ukraine-{groups[0]}"
    if len(groups) == 2 and groups[0] == "der Ukraine":
        return f"Ukraine-{groups[1]}"
    if len(groups) == 2 and groups[0][:1].isupper() and not groups[0].startswith("der "):
        head, noun = groups
        if noun_first:
            noun, head = head, noun  # "der Präsident Weissrusslands"
        if _country_of(head).lower() in COUNTRY_NOUNS:
            return f"{_country_of(head)}-{noun}"
        return f"{head}-{noun}"
    return m.group(0)
