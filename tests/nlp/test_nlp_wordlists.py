"""The quote-side word lists live in ``data/nlp_words.yaml``: each loads, is clean, and drives
the rules that read it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import claims
from claims.datafiles import package_data
from claims.nlp.quotes.titles import name_rule
from claims.nlp.words import list_names, word_map, word_set

# lists the rules compare with a lower-cased token or word
LOWER_CASE = (
    "media_nouns", "quote_name_nouns", "not_quote_name_nouns", "complement_verbs",
    "name_function_words", "quote_name_articles", "clause_subordinators", "not_apposition",
    "negative_verbs", "wie_subject_articles", "not_cue_forms", "not_reflexive_verbs",
    "source_starts", "attributive_before", "volitive_forms", "hypothetical_forms", "subordinators",
    "relative_pronouns", "relative_prepositions", "passive_auxiliaries", "object_relatives",
    "subject_pronouns", "object_demonstratives", "genitive_articles",
    "adverbial_only_prepositions", "noun_phrase_starts", "article_or_relative", "v2_prepositions",
    "subject_openers", "marker_clause_openers", "source_next_phrase", "source_np_function_words",
    "backref_demonstratives", "backref_auxiliaries", "quote_passive_auxiliaries",
    "content_subordinators", "noun_suffixes", "subjunctive_irregular", "subjunctive_idioms",
    "degree_adverbs", "alternative_source_words",
    # speaker attribution and indirect speech
    "contrast_conjunctions", "tail_relatives", "articles", "attribute_openers",
    "agent_prepositions", "subject_keeping_verbs", "agent_links", "plural_auxiliaries",
    "plural_modals", "name_coordinators", "subject_relatives", "not_in_titles",
    "object_case_determiners", "nominative_articles", "relatives", "relative_clause_prepositions",
    "passive_or_future", "possessive_fillers", "possessives", "name_particles",
    "titled_name_particles", "epithet_nouns", "singular_auxiliaries", "clause_coordinators",
    "dative_words", "genitive_determiners", "title_function_words", "unnamed_object_determiners",
    "title_genitive_links", "marker_lemmas", "dative_verbs", "dative_articles",
    "addressee_prepositions", "phrase_prepositions", "place_links", "marker_nouns",
    "heissen_forms", "source_prepositions", "opinion_copulas",
    # closed word classes once inline in the rules (issue 14)
    "gendered_pronouns", "third_person_pronouns", "third_person_subjects",
    "inverted_subject_pronouns", "person_definite_articles", "definite_articles",
    "masculine_articles", "feminine_articles", "description_articles",
    "subject_or_dative_articles", "possessor_pronouns", "marker_possessives", "dative_pronouns",
    "zufolge_pronouns", "attribute_links", "name_list_prepositions",
    "institution_name_prepositions", "infinitive_particles", "subject_adverbs",
    "additive_conjunctions", "source_ending_conjunctions", "main_clause_conjunctions",
    "object_end_conjunctions", "verb_coordinators", "genitive_relatives", "oblique_relatives",
    "marker_postpositions", "marker_cue_words", "title_source_prepositions", "definite_forms",
)  # fmt: skip
# lists the rules compare with a token as written (nouns)
CAPITALISED = (
    "event_source_nouns", "announcing_nouns", "naming_nouns", "fronted_object_determiners",
    "fronted_object_articles", "capitalised_definite_articles", "opinion_openers",
)  # fmt: skip
# lists the rules compare with a word as written in either case
ANY_CASE = ("gendered_pronouns_any_case",)
SOURCE = Path(claims.__file__).parent
MAPPINGS = (
    "non_speech_objects", "preposition_forms", "pronoun_genders", "subject_pronoun_genders"
)  # fmt: skip


@pytest.fixture(scope="module")
def raw() -> dict[str, object]:
    data = yaml.safe_load(package_data("nlp_words.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("key", LOWER_CASE + CAPITALISED + ANY_CASE)
def test_list_loads_non_empty_without_duplicates(raw: dict[str, object], key: str) -> None:
    words = raw[key]
    assert isinstance(words, list) and words
    assert all(isinstance(w, str) and w.strip() == w and w for w in words)
    assert len(words) == len(set(words)), f"{key} lists a word twice"
    assert word_set(key) == frozenset(words)


@pytest.mark.parametrize("key", LOWER_CASE)
def test_lists_matched_against_lower_case_are_lower_case(key: str) -> None:
    assert all(w == w.lower() for w in word_set(key))


@pytest.mark.parametrize("key", CAPITALISED)
def test_noun_lists_are_capitalised(key: str) -> None:
    assert all(w[:1].isupper() for w in word_set(key))


@pytest.mark.parametrize("key", MAPPINGS)
def test_mappings_load_as_word_lists(key: str) -> None:
    mapping = word_map(key)
    assert mapping and all(words for words in mapping.values())
    assert all(w == w.lower() for words in mapping.values() for w in words)
    assert key in list_names()


def test_each_list_is_used_and_listed_once(raw: dict[str, object]) -> None:
    """Every list of the data file is named by a rule, the lists checked above exist, and no
    two lists have the same words: a rule reuses the list it needs instead of writing it again."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in SOURCE.rglob("*.py"))
    assert [key for key in raw if f'"{key}"' not in source] == []
    checked = LOWER_CASE + CAPITALISED + ANY_CASE
    assert len(set(checked)) == len(checked)
    assert set(checked) <= set(raw)
    by_words: dict[frozenset[str], list[str]] = {}
    for key, words in raw.items():
        if isinstance(words, list):
            by_words.setdefault(frozenset(words), []).append(key)
    assert [keys for keys in by_words.values() if len(keys) > 1] == []


def test_unknown_list_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        word_set("no_such_list")


@pytest.mark.parametrize("noun", sorted(word_set("quote_name_nouns") | word_set("media_nouns")))
def test_a_name_noun_from_the_data_file_makes_the_quote_a_name(noun: str) -> None:
    """``die Partei „Neue Wege“``: any noun of the data file, alone or as the last part of a
    compound, makes a title-case quote after it a name, not a statement."""
    rule = name_rule(
        f"Sie nannte die {noun.capitalize()} ", "Neue Wege", " ein Vorbild.", frozenset()
    )
    assert rule == "name-noun"
    compound = name_rule(f"Er lobte die Landes{noun} ", "Neue Wege", " sehr.", frozenset())
    assert compound == "name-noun"


def test_a_name_noun_leaves_speech_after_other_nouns_alone() -> None:
    assert name_rule("Der Minister sagte ", "Neue Wege gehen wir nicht", ".", frozenset()) is None


def test_a_quoted_party_name_is_no_statement(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Im Landtag stimmte die Partei „Neue Wege“ gegen das Gesetz."
    assert extract(text) == []
    speech = "Im Landtag sagte der Abgeordnete Peter Kunz: „Neue Wege sind nötig.“"
    assert [st.kind for st in extract(speech)] == ["direct"]
