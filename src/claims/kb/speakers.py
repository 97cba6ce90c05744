"""The speaker registry: who the tool knows by name, inflection, transliteration, role and epithet.

Roles carry dates so that a phrase such as ``belarussischer Außenminister`` resolves to the person
who held the office on the article date. Entries whose ``id`` starts with ``other:`` are people the
contract does not track by id (Peskow, Lawrow, …): they are here so that their roles resolve, and
they are reported as ``other:<name as written>``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claims.datafiles import load_models, package_data, top_level_flag
from claims.errors import UsageError

OTHER_PREFIX = "other:"

# Transliteration variants of Slavic names in German, English and Belarusian spelling, folded
# to one key: Lukaschenko/Lukashenko/Lukaschenka, Aleinik/Aleynik/Alejnik, Sergej/Sergei/Sergey,
# Wladimir/Vladimir, Alexander/Aleksandr, Dmitrij/Dmitri, Makei/Makej/Makey.
_FOLDS = (
    ("ß", "ss"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "ch"),
    ("x", "ks"),
    ("w", "v"),
    ("ij", "i"),
    ("iy", "i"),
    ("yj", "i"),
    ("ej", "ei"),
    ("ey", "ei"),
    ("y", "i"),
    ("j", "i"),
)


def _skeleton(key: str) -> str:
    """The consonants of a name key: first names agree across languages on them (Oleksandr,
    Aleksandr and Alexander; Sergej and Sergei), and differ between people (Viktor)."""
    return "".join(c for c in key if c not in "aeiou")


def translit_key(word: str) -> str:
    """A spelling-independent key of a name word (accents, ß, transliteration variants)."""
    key = unicodedata.normalize("NFKD", word.casefold())
    key = "".join(c for c in key if not unicodedata.combining(c)).replace("’", "'")
    for old, new in _FOLDS:
        key = key.replace(old, new)
    if key.endswith("enka"):  # Belarusian -enka beside Russian -enko
        key = key[:-1] + "o"
    return key


class Role(BaseModel):
    """An office held over a period: ``title`` is a German role phrase (adjective + noun)."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(description='e.g. "belarussischer Außenminister"')
    start: dt.date | None = None
    end: dt.date | None = None

    def active_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class Speaker(BaseModel):
    """A person (or institution) the extractor can recognise and attribute statements to."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description='Speaker id: "lukashenko", or "other:<Name>" for untracked people.')
    name: str = Field(description="Full name in German spelling.")
    name_en: str | None = Field(
        default=None, description="Full name in English spelling (English reports)."
    )
    gender: Literal["m", "f"] | None = None
    country: str | None = Field(default=None, description="Country key, e.g. belarus, russland.")
    names: list[str] = Field(default_factory=list, description="Name forms and transliterations.")
    roles: list[Role] = Field(default_factory=list)
    epithets: list[str] = Field(default_factory=list, description='e.g. "Kreml-Chef".')
    description: str | None = None

    @property
    def is_other(self) -> bool:
        return self.id.startswith(OTHER_PREFIX)

    def name_forms(self) -> list[str]:
        """Every written form: name, variants, and their genitive (``Lukaschenkos``)."""
        forms: list[str] = []
        for form in [self.name, *self.names]:
            form = form.strip()
            if not form:
                continue
            forms.append(form)
            if not form.endswith(("s", "ß", "x", "z")):
                forms.append(form + "s")
            else:
                forms.append(form + "'")
        return list(dict.fromkeys(forms))


# Role phrases are compared by a normalised key: country + office noun, inflection removed.
COUNTRY_ADJECTIVES = {
    "belarussisch": "belarus",
    "weißrussisch": "belarus",
    "weissrussisch": "belarus",
    "russisch": "russland",
    "ukrainisch": "ukraine",
    "amerikanisch": "usa",
    "us-amerikanisch": "usa",
}
COUNTRY_NOUNS = {
    "belarus": "belarus",
    "weißrussland": "belarus",
    "weissrussland": "belarus",
    "russland": "russland",
    "kreml": "kreml",
    "ukraine": "ukraine",
    "kiew": "ukraine",
    "us": "usa",
    "usa": "usa",
    "minsk": "belarus",
    "moskau": "russland",
}
# Office nouns a role phrase can end in (compounds such as "Kreml-Chef" use the last part).
ROLE_NOUNS = [
    "Präsident",
    "Staatschef",
    "Staatspräsident",
    "Staatsoberhaupt",
    "Machthaber",
    "Führer",
    "Herrscher",
    "Diktator",
    "Autokrat",
    "Regent",
    "Außenminister",
    "Chefdiplomat",
    "Regierungschef",
    "Ministerpräsident",
    "Premierminister",
    "Premier",
    "Sprecher",
    "Präsidentensprecher",
    "Verteidigungsminister",
    "Chef",
    "Boss",
    "Kanzler",
    "Herr",  # "Kremlherr", "Kreml-Herr"
]
_ADJ_ENDING = re.compile(r"(?:e|en|er|es|em)$")
_NOUN_ENDING = re.compile(r"(?:en|es|s|n)$")


def _noun_stem(noun: str) -> str:
    noun = noun.lower()
    return noun if len(noun) <= 4 else _NOUN_ENDING.sub("", noun)


def role_key(phrase: str) -> str | None:
    """Normalise a role phrase (``des belarussischen Präsidenten``, ``Kreml-Chef``) to a key.

    Returns ``country:noun`` or ``None`` when the phrase names no country.
    """
    words = [w for w in re.split(r"\s+", phrase.strip()) if w]
    if not words:
        return None
    noun = words[-1].rstrip(".,;:'")
    country: str | None = None
    if "-" in noun:
        head, _, tail = noun.rpartition("-")
        country = COUNTRY_NOUNS.get(head.lower())
        noun = tail
    elif noun.lower().startswith("kreml") and len(noun) > 5:
        country, noun = "kreml", noun[5:]
    for word in words[:-1]:
        low = word.lower().rstrip("s'")
        stem = _ADJ_ENDING.sub("", word.lower())
        if stem in COUNTRY_ADJECTIVES:
            country = COUNTRY_ADJECTIVES[stem]
        elif low in COUNTRY_NOUNS and word[:1].isupper():
            country = COUNTRY_NOUNS[low]
    if country is None:
        return None
    return f"{country}:{_noun_stem(noun)}"


class SpeakerRegistry:
    """Lookup of speakers by id, name form and role."""

    def __init__(self, speakers: Sequence[Speaker]) -> None:
        self.speakers: list[Speaker] = list(speakers)
        self._by_id = {s.id: s for s in self.speakers}
        self._by_name: dict[str, Speaker] = {}
        self._by_role: dict[str, list[tuple[Role, Speaker]]] = {}
        for speaker in self.speakers:
            for form in speaker.name_forms():
                self._by_name.setdefault(form.lower(), speaker)
            for role in speaker.roles:
                key = role_key(role.title)
                if key:
                    self._by_role.setdefault(key, []).append((role, speaker))
            for epithet in speaker.epithets:
                key = role_key(epithet)
                if key:
                    self._by_role.setdefault(key, []).append((Role(title=epithet), speaker))

        self._surnames: dict[str, set[str]] = {}
        self._first: dict[str, set[str]] = {}
        for speaker in self.speakers:
            if speaker.is_other:
                continue
            for form in [speaker.name, *speaker.names]:
                words = form.split()
                if not words:
                    continue
                self._surnames.setdefault(translit_key(words[-1]), set()).add(speaker.id)
                firsts = self._first.setdefault(speaker.id, set())
                firsts.update(_skeleton(translit_key(w)) for w in words[:-1])

    def __len__(self) -> int:
        return len(self.speakers)

    def link(self, name: str, is_first_name: Callable[[str], bool]) -> Speaker | None:
        """The tracked speaker a name as written means, the way a reader links it: its last word
        is a tracked surname (inflected or transliterated), and no word before it is a first
        name of someone else ("Viktor Lukaschenko" is not the president). Titles before the
        name ("Präsident", "Diktator") do not count. None when no one or several fit."""
        words = name.split()
        if not words:
            return None
        last = words[-1].rstrip("'’")
        ids = self._surnames.get(translit_key(last))
        if ids is None and last.endswith("s"):  # genitive: "Lukaschenkos"
            ids = self._surnames.get(translit_key(last[:-1]))
        if not ids or len(ids) != 1:
            return None
        speaker_id = next(iter(ids))
        known = self._first.get(speaker_id, set())
        for word in words[:-1]:
            if is_first_name(word) and _skeleton(translit_key(word)) not in known:
                return None
        return self._by_id.get(speaker_id)

    def by_id(self, speaker_id: str) -> Speaker | None:
        return self._by_id.get(speaker_id)

    def tracked(self) -> list[Speaker]:
        """The speakers reported by their own id (not ``other:``), in registry order."""
        return [s for s in self.speakers if not s.is_other]

    def resolve_filter(self, items: Sequence[str]) -> tuple[str, ...]:
        """``--speaker`` values as a report spells speakers (:func:`resolve_speaker_filter`)."""
        return resolve_speaker_filter(self, items)

    def match_name(self, text: str) -> Speaker | None:
        """The speaker one of whose name forms is ``text`` (case-insensitive), else None."""
        return self._by_name.get(text.strip().lower())

    def name_forms(self) -> dict[str, Speaker]:
        """Every known written form (lower-cased) with its speaker."""
        return dict(self._by_name)

    def role_keys(self) -> set[str]:
        return set(self._by_role)

    def holders_of(self, role_phrase: str, on: dt.date | None = None) -> list[Speaker]:
        """People who held the role on that date (all holders when the date is unknown)."""
        key = role_key(role_phrase) or role_phrase.strip().lower()
        found: list[Speaker] = []
        for role, speaker in self._by_role.get(key, []):
            if role.active_on(on) and speaker not in found:
                found.append(speaker)
        return found


def resolve_speaker_filter(registry: SpeakerRegistry, items: Sequence[str]) -> tuple[str, ...]:
    """Turn ``--speaker`` values into the speaker values of a report.

    A tracked id or any of a registered speaker's name forms, in any case (``Putin``,
    ``lukaschenko``), gives the id; a name of an ``other:`` registry entry (``Makei``) gives
    ``other:<form>`` for each of its name forms, since such speakers are reported as written.
    ``other:NAME``, ``other`` (every unregistered speaker) and ``none``/``null`` (speaker not
    known) are kept. Anything else is a :class:`UsageError` listing the valid ids.
    """
    resolved: list[str] = []
    for item in items:
        raw = item.strip()
        low = raw.casefold()
        if low in ("other", "none", "null"):
            resolved.append(low)
            continue
        if low.startswith(OTHER_PREFIX) and raw[len(OTHER_PREFIX) :].strip():
            resolved.append(OTHER_PREFIX + raw[len(OTHER_PREFIX) :].strip())
            continue
        speaker = registry.by_id(raw) or next(
            (s for s in registry.tracked() if s.id.casefold() == low), None
        )
        speaker = speaker or registry.match_name(raw)
        if speaker is None:
            valid = ", ".join(s.id for s in registry.tracked())
            raise UsageError(
                f"unknown speaker {raw!r} for --speaker",
                hint=f"use a registered id ({valid}) or one of their names (any case), "
                "other:NAME, other (every unregistered speaker) or none (speaker not known); "
                "`claims speakers list` shows the registry",
            )
        if speaker.is_other:
            resolved.extend(OTHER_PREFIX + form for form in [speaker.name, *speaker.names])
        else:
            resolved.append(speaker.id)
    return tuple(dict.fromkeys(resolved))


def _read(path: Path) -> list[Speaker]:
    return load_models(path, Speaker, key="speakers")


@lru_cache(maxsize=1)
def _builtin() -> tuple[Speaker, ...]:
    return tuple(_read(package_data("speakers.yaml")))


def load_speakers(extra: Sequence[Path] = (), replace: bool = False) -> SpeakerRegistry:
    """The built-in registry plus user files; ``replace`` (or ``replace: true`` in a file) drops
    the built-ins, and an entry with an existing id overrides it."""
    merged: dict[str, Speaker] = {}
    drop_builtin = replace or any(top_level_flag(Path(p), "replace") for p in extra)
    if not drop_builtin:
        merged.update((s.id, s) for s in _builtin())
    for path in extra:
        merged.update((s.id, s) for s in _read(Path(path)))
    return SpeakerRegistry(list(merged.values()))
