"""Word lists of the extractor, loaded once from package data.

The speech-verb lexicon lists lemmas; inflected forms come from the German lookup lemma table of
spacy-lookups-data (inverted once for the cue lemmas only) plus regular weak-verb inflection, so a
token is classified by one dict lookup on its lower-cased form.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import srsly
from pydantic import BaseModel, ConfigDict, Field

from claims import setup_cache
from claims.datafiles import package_data, read_yaml
from claims.errors import DataFileError
from claims.nlp.table_index import Lookups, build_index
from claims.nlp.words import word_set

_NOT_SUBJUNCTIVE = word_set("not_subjunctive")


_SUBJUNCTIVE_IRREGULAR = word_set("subjunctive_irregular")
SUBJUNCTIVE_II = word_set("subjunctive_ii")


class VerbEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lemma: str
    particle: str | None = None
    content: list[str] = Field(default_factory=lambda: ["clause"])
    opinion: bool = False
    # a pronominal adverb the verb needs to report: "geht davon aus, dass" (not "ging aus")
    correlate: str | None = None
    # the verb reports only with "sich": "zeigte sich zufrieden", "erinnerte sich"
    reflexive: bool = False
    # the verb reports only right after a quote and its comma: "„…“, beginnt er"
    after_quote: bool = False
    # prepositions of a complement that is the reported content: "sprach von einem Erfolg"
    prepositions: list[str] = Field(default_factory=list)


class MarkerEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    prepositions: list[str] = Field(default_factory=list)
    postpositions: list[str] = Field(default_factory=list)
    nach_nouns: list[str] = Field(default_factory=list)
    opinion_nouns: list[str] = Field(default_factory=list)
    so: list[str] = Field(default_factory=list)
    # adverbs that open a sentence reported from the source just named ("Demnach …")
    adverbs: list[str] = Field(default_factory=list)


class CueFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verbs: list[VerbEntry]
    nouns: list[str] = Field(default_factory=list)
    markers: MarkerEntry = Field(default_factory=MarkerEntry)


@dataclass(frozen=True)
class FormInfo:
    """What a lower-cased word form can be: a full cue verb, or the base of separable ones."""

    full: str | None = None
    separable: tuple[tuple[str, str], ...] = ()  # (particle, lemma)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, VerbEntry]
    forms: dict[str, FormInfo]
    nouns: frozenset[str]
    markers: MarkerEntry
    subjunctive: frozenset[str]
    abbreviations: frozenset[str]
    first_names: dict[str, str]  # name -> "m" | "f" | "" (both)
    particles: frozenset[str] = field(default_factory=frozenset)


def _weak_forms(lemma: str) -> set[str]:
    """Regular inflection of a weak verb: sagen -> sagt, sagte, sagten, gesagt, sage ..."""
    if lemma.endswith(("ern", "eln")):
        stem = lemma[:-1]
    elif lemma.endswith("en"):
        stem = lemma[:-2]
    else:
        stem = lemma[:-1]
    e = "e" if stem.endswith(("t", "d")) else ""
    forms = {lemma, stem + "e", stem + e + "t", stem + e + "te", stem + e + "ten", stem + "en"}
    if lemma.endswith("ieren"):
        forms.add(stem + "t")
    elif not lemma.startswith(("be", "er", "ver", "ent", "zer", "über", "unter", "miss", "ge")):
        forms.add("ge" + stem + e + "t")
    return forms


def _past_plurals(forms: set[str]) -> set[str]:
    """Past plurals the table lacks because a noun shares them (``gaben``/``Gaben``,
    ``sprachen``/``Sprachen``): a strong past stem has ``-st`` and ``-t`` forms (``gabst``,
    ``gabt``) and its plural adds ``-en``."""
    return {
        form + "en"
        for form in forms
        if not form.endswith(("e", "n", "t")) and form + "st" in forms and form + "t" in forms
    }


def _lemma_path() -> Path:
    import spacy_lookups_data

    return Path(spacy_lookups_data.__file__).parent / "data" / "de_lemma_lookup.json.gz"


@lru_cache(maxsize=1)
def _table_sources() -> tuple[Path | bytes, ...]:
    """What the tables derived from the lemma table are built from (their disk-cache key):
    the table, the word lists and this module's code."""
    return (
        _lemma_path(),
        package_data("nlp_words.yaml"),
        Path(__file__).read_bytes(),
    )


def lemma_table() -> Mapping[str, str]:
    """The German lookup lemma table of spacy-lookups-data (form -> lemma); read from the
    set-up cache after the first run (:mod:`claims.setup_cache`), first look-ups from its
    index (:mod:`.table_index`)."""
    return _lookups().lemmas


@lru_cache(maxsize=1)
def _lookups() -> Lookups:
    """The tables as the extractor reads them: from the index while few words were asked for
    (where the set-up cache holds one), else in full."""
    index, existed = setup_cache.cached_file(
        "lemma-index", ".sqlite", _table_sources(), lambda path: build_index(path, *_tables())
    )
    return Lookups(index if existed else None, _tables)  # just built: the tables are read


def load_tables() -> None:
    """Read the full tables now (before forking workers, which then share them)."""
    _lookups().promote()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """The lemma table and the noun tables built from it (:func:`_noun_table`), kept as one
    set-up table: the noun tables hold the lemma table's own strings and each lemma is one
    string, so reading them back makes each string once (a quarter less time than two tables,
    and 6 MB less on disk and in memory)."""

    def build() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
        read: dict[str, str] = srsly.read_gzip_json(_lemma_path())
        one: dict[str, str] = {}  # one string object per distinct string
        table = {one.setdefault(f, f): one.setdefault(lemma, lemma) for f, lemma in read.items()}
        return (table, *_build_noun_table(table))

    return setup_cache.cached("lemmas", _table_sources(), build)


# Endings of German derived nouns: a capitalised word with one is never a surname.
NOUN_ENDINGS = tuple(sorted(word_set("noun_suffixes")))
MIN_HEAD = 7  # the shortest noun that marks a compound ("Regierungs|sprecher")
_INFLECTIONS = ("", "e", "en", "n", "in", "innen", "s", "es", "er")
# endings of person nouns whose feminine in -in the lemma table may lack ("Aktivist|in")
_AGENT_SUFFIXES = ("ist", "or", "er", "ent", "ant", "at", "ar", "eur", "oge", "ekt", "ier")


@lru_cache(maxsize=1)
def _head_endings() -> tuple[str, ...]:
    """Job and institution nouns with their inflections (``sprecher``, ``analysten``)."""
    heads = {w.lower() for w in word_set("title_suffixes") | word_set("institutions")}
    return tuple(sorted({h + e for h in heads if h.isalpha() for e in _INFLECTIONS}))


def _noun_table() -> tuple[Container[str], Container[str]]:
    """Capitalised nouns that inflect for plural or case in the lemma table (names only take a
    genitive -s there), and every lower-case form (adverbs, adjectives, verbs)."""
    lookups = _lookups()
    return lookups.nouns, lookups.lower


def _build_noun_table(
    table: Mapping[str, str] | None = None,
) -> tuple[frozenset[str], frozenset[str]]:
    nouns: set[str] = set()
    lower: set[str] = set()
    for form, lemma in (lemma_table() if table is None else table).items():
        if lemma[:1].isupper():
            if form[:1].isupper() and form not in (lemma + "s", lemma + "es"):
                nouns.update((form, lemma))
        elif form[:1].islower():
            lower.update((form, lemma))
    return frozenset(nouns), frozenset(lower)


def is_role_noun(word: str) -> bool:
    """A job, title or institution noun (``Sprecherin``, ``Hauptgeschäftsführer``,
    ``Regierung``): a word that names who speaks."""
    return word[:1].isupper() and word.lower().endswith(_head_endings())


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Lower-case lemmas of the table that look like verbs (``gehen``, ``ändern``): the
    infinitive and the present plural, which the table does not list as forms."""

    def build() -> frozenset[str]:
        return frozenset(
            lemma
            for lemma in lemma_table().values()
            if lemma.islower() and lemma.endswith(("en", "ern", "eln"))
        )

    return setup_cache.cached("verbs", _table_sources(), build)


def is_noun_form(word: str) -> bool:
    """Whether a capitalised word inflects as a noun in the lemma table (``Zeugen``, ``Bombe``)."""
    return word in _noun_table()[0]


def is_lower_case_word(word: str) -> bool:
    """Whether a word is normally written in lower case (an adjective, adverb, verb or function
    word): ``Verschiedene``, ``Neuen`` are, ``Rechte`` is not."""
    return word.lower() in _noun_table()[1]


@lru_cache(maxsize=65536)
def is_common_noun(word: str) -> bool:
    """Whether a capitalised word is a common noun or a capitalised function word rather than
    a name: it inflects like a noun in the lemma table, is a compound whose last part does
    (``Regierungssprecher``), ends in a derivational suffix or a job or institution noun
    (``Analysten``), or is normally written in lower case (``Verschiedene``)."""
    nouns, lower = _noun_table()
    word = word.split("-")[-1] if "-" in word.strip("-") else word
    if not word[:1].isupper() or word.isupper():
        return False  # acronyms name institutions
    low = word.lower()
    if word in nouns or low in lower or low.endswith(NOUN_ENDINGS + _head_endings()):
        return True
    if feminine_person_noun(word) or feminine_person_noun(word.removesuffix("nen")):
        return True  # "Aktivistin", "Moderatorinnen": the feminine of a person noun
    return any(word[i:].capitalize() in nouns for i in range(3, len(word) - MIN_HEAD + 1))


def feminine_person_noun(word: str) -> bool:
    """The singular feminine of a person noun (``Aktivistin``, ``Ministerin``)."""
    stem = word.removesuffix("in")
    return stem != word and stem in _noun_table()[0] and stem.endswith(_AGENT_SUFFIXES)


def _verb_forms(verbs: dict[str, VerbEntry], table: Mapping[str, str]) -> dict[str, FormInfo]:
    base_of: dict[str, list[tuple[str, str]]] = {}
    for entry in verbs.values():
        if entry.particle and entry.lemma.startswith(entry.particle):
            base = entry.lemma[len(entry.particle) :]
            base_of.setdefault(base, []).append((entry.particle, entry.lemma))
    wanted = set(verbs) | set(base_of)
    forms_of: dict[str, set[str]] = {lemma: _weak_forms(lemma) for lemma in wanted}
    for form, lemma in table.items():
        if lemma in wanted and form[:1].islower():
            forms_of[lemma].add(form)
            if "ß" in form:  # the table has old spellings ("schloß"): add "schloss"
                forms_of[lemma].add(form.replace("ß", "ss"))
    for forms in forms_of.values():
        forms |= _past_plurals(forms)
    full: dict[str, str] = {}
    separable: dict[str, list[tuple[str, str]]] = {}
    for lemma, forms in forms_of.items():
        for form in forms:
            if lemma in verbs:
                full.setdefault(form, lemma)
            for particle, sep_lemma in base_of.get(lemma, []):
                separable.setdefault(form, []).append((particle, sep_lemma))
                # joined forms of subordinate clauses: "einräumte", "hingewiesen", "hinzuweisen"
                full.setdefault(particle + form, sep_lemma)
                if form.startswith("ge") or form == lemma:
                    full.setdefault(particle + "zu" + lemma, sep_lemma)
    return {
        form: FormInfo(full.get(form), tuple(separable.get(form, ())))
        for form in set(full) | set(separable)
    }


def _subjunctive_forms(table: Mapping[str, str]) -> frozenset[str]:
    """Konjunktiv I third person singular (stem + e) of every verb lemma in the table."""
    found: set[str] = set(_SUBJUNCTIVE_IRREGULAR)
    for lemma in set(table.values()):
        if not lemma[:1].islower():
            continue
        if lemma.endswith(("ern", "eln")):
            forms = [lemma[:-1] + "e", lemma[:-3] + lemma[-2] + "e"]  # handele, handle
        elif lemma.endswith("en"):
            forms = [lemma[:-2] + "e"]
        else:
            continue
        for form in forms:
            other = table.get(form)
            if other is None or other == lemma:
                found.add(form)
    return frozenset(found - _NOT_SUBJUNCTIVE)


def _read_words(path: Path) -> list[str]:
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.extend(line.split())
    return words


def _read_first_names(path: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    gender = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line in ("[m]", "[f]"):
            gender = line[1]
        elif line:
            for name in line.split():
                # a name in both sections ("Andrea": Italian m, German f) has no gender: ""
                names[name] = gender if names.get(name, gender) == gender else ""
    return names


def _read_cues(path: Path) -> CueFile:
    data, _ = read_yaml(path)
    try:
        return CueFile.model_validate(data)
    except Exception as exc:  # pydantic.ValidationError, with the file named
        raise DataFileError(f"invalid speech-cue file: {exc}", path=str(path)) from exc


StoredForms = tuple[dict[str, tuple[str | None, tuple[tuple[str, str], ...]]], frozenset[str]]


def _cue_tables(verbs: dict[str, VerbEntry]) -> tuple[dict[str, FormInfo], frozenset[str]]:
    """The cue verbs' forms and the Konjunktiv I forms, from the set-up cache when stored."""

    def build() -> StoredForms:
        table = lemma_table()
        forms = _verb_forms(verbs, table)
        stored = {form: (info.full, info.separable) for form, info in forms.items()}
        return stored, _subjunctive_forms(table)

    sources = (*_table_sources(), package_data("speech_cues.yaml"))
    stored, subjunctive = setup_cache.cached("cues", sources, build)
    forms = {form: FormInfo(full, separable) for form, (full, separable) in stored.items()}
    return forms, subjunctive


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The extractor's word lists (built once per process)."""
    cues = _read_cues(package_data("speech_cues.yaml"))
    verbs = {v.lemma: v for v in cues.verbs}
    forms, subjunctive = _cue_tables(verbs)
    return Lexicon(
        verbs=verbs,
        forms=forms,
        nouns=frozenset(cues.nouns),
        markers=cues.markers,
        subjunctive=subjunctive,
        abbreviations=frozenset(_read_words(package_data("abbreviations.txt"))),
        first_names=_read_first_names(package_data("nlp_first_names.txt")),
        particles=frozenset(v.particle for v in verbs.values() if v.particle),
    )
