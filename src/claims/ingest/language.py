"""A cheap language check: does a text look German, judged by its function words?

Function words are a large, topic-independent share of running text, so counting them tells
German from English, French and the like without a model. Only clearly non-German texts are
flagged; short texts are not judged at all.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from claims.datafiles import load_models, package_data

MIN_WORDS = 30  # fewer words say too little about the language
MIN_GERMAN_SHARE = 0.08  # German running text has far more (usually 25-40 %)
MIN_LATIN_SHARE = 0.5  # of letters; below that the text is in another script
GERMAN = "de"
GERMAN_TAGS = frozenset({"de", "deu", "ger", "german", "deutsch"})
WARNING = "text does not look German (language check)"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


class LanguageWords(BaseModel):
    """The function words of one language (space-separated in the data file)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    words: str


@lru_cache(maxsize=1)
def word_languages() -> dict[str, str]:
    """Word -> language, for words listed for exactly one language."""
    entries = load_models(package_data("function_words.yaml"), LanguageWords, key="languages")
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for word in entry.words.split():
            owners.setdefault(word.lower(), set()).add(entry.id)
    return {word: next(iter(langs)) for word, langs in owners.items() if len(langs) == 1}


# A letter outside the Latin ranges below (a superset of the letters ``str.isalpha`` counts).
_NON_LATIN_LETTER = re.compile(r"(?![\u0000-\u024f\u1e00-\u1eff])[^\W\d_]")


def _latin_share(text: str) -> float:
    if _NON_LATIN_LETTER.search(text) is None:
        return 1.0  # every letter is Latin (or there is none): skip counting them one by one
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if ch < "\u0250" or "\u1e00" <= ch <= "\u1eff")
    return latin / len(letters)


def looks_german(text: str) -> bool | None:
    """True or False for a text of at least MIN_WORDS words, None when too short to tell."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    if _latin_share(text) < MIN_LATIN_SHARE:
        return False
    owners = word_languages()
    counts = Counter(owners[w] for w in words if w in owners)
    german = counts.pop(GERMAN, 0)
    other = max(counts.values(), default=0)
    return german >= MIN_GERMAN_SHARE * len(words) and german >= other


def is_german_tag(tag: str) -> bool:
    """Whether a declared language ('de', 'de-AT', 'German') means German."""
    base = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    return base in GERMAN_TAGS


def language_warnings(text: str, declared: str | None) -> list[str]:
    """The warning for a text that is not German; a declared language replaces the check."""
    if declared is not None:
        if is_german_tag(declared):
            return []
        return [f"text does not look German (declared language: {declared})"]
    return [WARNING] if looks_german(text) is False else []
