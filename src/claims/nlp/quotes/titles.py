"""Quoted names and titles (``die Zeitung „Die Welt“``, ``„BBC News“ berichtet``).

German news puts the names of newspapers, parties, organisations, works and products in
quotation marks. They are no statements, and a rule on the characters around the marks tells
most of them from speech, before any speaker is looked for:

* ``name-noun``: the word before the opening mark is (or ends in) a noun that introduces a
  name — a medium, an organisation, a work or a product (``der Tageszeitung „…“``,
  ``die Partei „…“``, ``das Album „…“``), or a noun of naming with a colon (``Codename: „…“``);
* ``name-alias``: a title-case quote right after a word of naming (``kurz „DFB“``,
  ``die sogenannte „Grüne Woche“``, ``namens „Nord“``);
* ``name-subject``: a quote in title case directly followed by a speech verb is the name of
  the source (``„BBC News“ berichtet``, ``wie „heise online“ meldet``);
* ``name-article``: a quote in title case (every word but function words capitalised, no
  sentence end) after a definite article or a preposition that takes a source (``der
  „Berliner Zeitung“``, ``gegenüber dem „Tagesspiegel“``, ``die französische „Union pour
  la Mer“``), two words or more;
* ``name-foreign``: a short phrase in another language without a sentence end or comma
  (``das Album „Piper at the Gates of Dawn“``);
* ``name-list``: three or more quotes in a row joined by commas, ``und``, ``oder``, each in
  upper case and without a sentence end (``Themen wie „A“, „B“ oder „C“``), see
  :func:`claims.nlp.quotes.component.split_names`.

A partial quote after an indefinite article or ``als`` (``nannte es eine „Zeitungsente“``,
``bezeichnete ihn als „Buhmann“``) stays speech, and so does a quote that starts in lower case
unless a medium's name comes right before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.datafiles import load_models, package_data
from claims.ingest.language import LanguageWords
from claims.nlp.lexicon import is_common_noun
from claims.nlp.words import word_set

# Nouns (lower case, also as the last part of a compound) that introduce a quoted name: media
# (any quote after them is a name) and others (a quote that starts in upper case).
MEDIA_NOUNS = word_set("media_nouns")
TITLE_SOURCE_PREPOSITIONS = word_set("title_source_prepositions")
NAME_NOUNS = MEDIA_NOUNS | word_set("quote_name_nouns")
# Verbs whose quote is a complement, not the subject ("als „Anführer“ bezeichnet").
COMPLEMENT_VERBS = word_set("complement_verbs")
_NOUN_INFLECTIONS = ("", "s", "es", "e", "en", "n")
# Lower-case words allowed inside a name in title case ("Reporter ohne Grenzen").
NAME_FUNCTION_WORDS = word_set("name_function_words")
# Words before the opening mark after which a title-case quote is a name.
NAME_ARTICLES = word_set("quote_name_articles")
_WORD = re.compile(r"[^\s„“”\"»«‚‘’'›‹(),;:!?]+")
_LAST_WORD = re.compile(r"([\w.-]+)[\s\u00a0]*$")
_NAMING_COLON = re.compile(
    "(?:{}):[\\s\u00a0]*$".format("|".join(map(re.escape, sorted(word_set("naming_nouns")))))
)
# Words right before a quote that make it a name without a colon ("kurz „DFB“").
NAMING_WORDS = word_set("naming_words")
_SENTENCE_END = (".", "!", "?", "…", ":")
_MARKS = "„“”\"»«‚‘’'›‹"
MAX_NAME_WORDS = 14
MAX_ADJECTIVES = 2
MAX_FOREIGN_WORDS = 10


@dataclass(frozen=True)
class NameRule:
    id: str
    title: str
    examples: tuple[str, ...]  # a name by the rule
    counter_examples: tuple[str, ...]  # speech the rule leaves alone


RULES = {
    rule.id: rule
    for rule in (
        NameRule(
            "name-noun",
            "a noun that introduces a name stands before the quote",
            ("die Tageszeitung „Die Welt“", "die Partei „Neue Mitte“"),
            ("warf dem Verband „Täuschung“ vor", "das Gesetz sei „kein Hindernis“"),
        ),
        NameRule(
            "name-alias",
            "a word of naming stands right before a title-case quote",
            ("der Deutsche Fußball-Bund, kurz „DFB“", "die sogenannte „Grüne Woche“"),
            ("sagte kurz: „Wir kommen.“",),
        ),
        NameRule(
            "name-subject",
            "a title-case quote is the subject of a speech verb",
            ("„BBC News“ berichtet", "wie „Radio Nord“ meldet"),
            ("als „Anführer“ bezeichnet",),
        ),
        NameRule(
            "name-list",
            "three or more upper-case quotes joined by commas, und, oder (in quotes.py)",
            ("Themen wie „Der Bau der Bahn“, „Bilder aus Kiel“ oder „Alte Loks“",),
            ("riefen „Nie wieder!“, „Weg damit!“ und „Schluss jetzt!“",),
        ),
        NameRule(
            "name-foreign",
            "a short phrase in another language, without a sentence end or comma",
            ("das Album „Piper at the Gates of Dawn“", "die neue CD „Have a nice day“"),
            ("„We will stay“, sagte sie.", "rief „Yes, we can!“"),
        ),
        NameRule(
            "name-article",
            "a title-case quote of two or more words follows an article or a source preposition; "
            "one word does when a colon follows it or the preposition is gegenüber or laut",
            (
                "sagte der „Berliner Zeitung“",
                "gegenüber dem „Kieler Abendblatt“",
                "sagte der „Bild“: „Wir kommen.“",
            ),
            ("nannte es eine „Zeitungsente“", "sieht einen „Angriff gegen die Mieter“"),
        ),
    )
}


_NAME_ENDINGS = tuple(noun + ending for noun in sorted(NAME_NOUNS) for ending in _NOUN_INFLECTIONS)
_MEDIA_ENDINGS = tuple(
    noun + ending for noun in sorted(MEDIA_NOUNS) for ending in _NOUN_INFLECTIONS
)


# compounds that end like a name noun but name no medium, body or work
_NOT_NAME_NOUNS = tuple(
    w + e for w in sorted(word_set("not_quote_name_nouns")) for e in _NOUN_INFLECTIONS
)


def _ends_in_name_noun(word: str) -> bool:
    low = word.lower()
    return low.endswith(_NAME_ENDINGS) and not low.endswith(_NOT_NAME_NOUNS)


def _ends_in_media_noun(word: str) -> bool:
    return word.lower().endswith(_MEDIA_ENDINGS)


def last_word(text: str) -> re.Match[str] | None:
    """``_LAST_WORD.search(text)``, started after the last space before the trailing
    whitespace: no match can start earlier, and the engine tries a ``$``-anchored pattern at
    every position (30 µs for 400 characters)."""
    return _LAST_WORD.search(text, max(0, text.rfind(" ", 0, len(text.rstrip()))))


def title_case(quote: str) -> bool:
    """Every word capitalised but function words (:data:`NAME_FUNCTION_WORDS`), the first one
    too, and no sentence end: ``„Hamburger Abendblatt“``, ``„Reporter ohne Grenzen“``, not
    ``„Woche des guten Willens“`` or ``„Wir kommen.“``. German nouns are capitalised, so a
    noun phrase (``„Angriff gegen die Mieter“``) passes too: the callers look at the context."""
    words = _WORD.findall(quote)
    if not words or len(words) > MAX_NAME_WORDS or not words[0][:1].isupper():
        return False
    if quote.rstrip().endswith(_SENTENCE_END) and not quote.rstrip().endswith("e.V."):
        return False
    return all(
        w[:1].isupper()
        or w[:1].isdigit()
        or w.lower() in NAME_FUNCTION_WORDS
        or not w[:1].isalpha()
        for w in words
    )


def name_rule(before: str, quote: str, after: str, speech_forms: frozenset[str]) -> str | None:
    """The id of the rule that makes a quote a name or title, None when it may be speech.
    ``before`` and ``after`` are the text right before the opening and after the closing
    mark (marks excluded); ``speech_forms`` holds lower-case speech-verb forms."""
    before = before.rstrip(_MARKS)
    after = after.lstrip(_MARKS)
    match = last_word(before)
    previous = match.group(1) if match else ""
    words = _WORD.findall(quote)
    if _NAMING_COLON.search(before):
        return "name-noun"  # "Codename: „Maelstrom“"
    if previous.lower() in NAMING_WORDS and title_case(quote):
        return "name-alias"  # "kurz „DFB“", "die sogenannte „Grüne Woche“"
    if previous[:1].isupper() and _ends_in_name_noun(previous):
        one_noun = len(words) == 1 and is_common_noun(words[0])  # "warf dem Verband „Lüge“ vor"
        if (quote[:1].isupper() or quote[:1].isdigit() or _ends_in_media_noun(previous)) and (
            not one_noun
        ):
            return "name-noun"
    if not title_case(quote):
        return _foreign_phrase(quote, words, after, speech_forms)
    following = _WORD.match(after.lstrip(" \u00a0"))
    if (
        following is not None
        and not after[:1].isalnum()
        and after[:1] in (" ", "\u00a0")
        and following.group(0).lower() in speech_forms
        and following.group(0)[:1].islower()
        and following.group(0).lower() not in COMPLEMENT_VERBS
        and previous.lower() != "als"
    ):
        return "name-subject"
    if _article_before(before) and len(words) > 1:
        return "name-article"
    if _article_before(before) and (
        after.lstrip(" \u00a0").startswith(":")
        or any(w.lower() in TITLE_SOURCE_PREPOSITIONS for w in before.split()[-2:])
    ):
        return "name-article"  # "sagte der „Bild“: „…“", "gegenüber der „Bild“"
    return _foreign_phrase(quote, words, after, speech_forms)


@lru_cache(maxsize=1)
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    """German function words, and those of the other languages that German does not share."""
    entries = load_models(package_data("function_words.yaml"), LanguageWords, key="languages")
    german = {w.lower() for e in entries if e.id == "de" for w in e.words.split()}
    foreign = {w.lower() for e in entries if e.id != "de" for w in e.words.split()}
    return frozenset(german), frozenset(foreign - german)


def _foreign_phrase(
    quote: str, words: list[str], after: str, speech_forms: frozenset[str]
) -> str | None:
    """``name-foreign`` for a name or title in another language (``„Piper at the Gates of
    Dawn“``): a short phrase that starts in upper case, has no sentence end and no comma,
    holds a function word of another language and none of German, and is not followed by a
    speech verb (``„We stay“, sagte sie``). Speech in another language is mostly a sentence."""
    if not 2 <= len(words) <= MAX_FOREIGN_WORDS or not (quote[:1].isupper() or quote[:1].isdigit()):
        return None
    if "," in quote or quote.rstrip().endswith(_SENTENCE_END):
        return None
    if after.startswith(","):
        following = _WORD.match(after[1:].lstrip(" \u00a0"))
        if following is not None and following.group(0).lower() in speech_forms:
            return None
    german, foreign = _function_words()
    lower = [w.lower() for w in words]
    if any(w in foreign for w in lower) and not any(w in german for w in lower):
        return "name-foreign"
    return None


def _article_before(before: str) -> bool:
    """The text before a quote ends in an article or source preposition, maybe followed by
    adjectives (``die französische``, ``der neue``, ``die Dortmunder``)."""
    tail = before.split()[-4:]
    skipped = 0
    while tail and skipped < MAX_ADJECTIVES and _adjective(tail[-1]):
        tail.pop()
        skipped += 1
    return bool(tail) and tail[-1].lower() in NAME_ARTICLES


def _adjective(word: str) -> bool:
    """An attributive adjective: lower case with an inflection ending, or a capitalised place
    adjective in -er (``Dortmunder``)."""
    if word.lower() in NAME_ARTICLES:
        return False
    if word.islower():
        return word.endswith(("e", "en", "er", "es", "em")) and word.isalpha()
    return word[:1].isupper() and word.endswith("er") and word[1:].islower()
