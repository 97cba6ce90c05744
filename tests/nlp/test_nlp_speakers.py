"""The speaker registry and the mention finder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claims.errors import DataFileError
from claims.kb.speakers import SpeakerRegistry, load_speakers, role_key
from claims.nlp.lexicon import load_lexicon
from claims.nlp.speakers.mentions import MentionFinder


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("der belarussische Präsident", "belarus:präsident"),
        ("des belarussischen Präsidenten", "belarus:präsident"),
        ("dem weißrussischen Präsidenten", "belarus:präsident"),
        ("Belarus-Machthaber", "belarus:machthaber"),
        ("Kreml-Chefs", "kreml:chef"),
        ("Kremlchef", "kreml:chef"),
        ("der russische Präsident", "russland:präsident"),
        ("der Präsident", None),
    ],
)
def test_role_phrases_normalise_inflection(phrase: str, key: str | None) -> None:
    assert role_key(phrase) == key


def test_builtin_registry_resolves_names_and_dated_roles(registry: SpeakerRegistry) -> None:
    assert registry.match_name("Lukaschenkos").id == "lukashenko"  # type: ignore[union-attr]
    assert registry.match_name("Lukashenka").id == "lukashenko"  # type: ignore[union-attr]
    minister = "belarussischer Außenminister"
    assert [s.id for s in registry.holders_of(minister, dt.date(2022, 11, 25))] == ["makei"]
    # Makei died on 26 Nov 2022; Aleinik was appointed on 13 Dec 2022 (issue 15): no one between
    assert [s.id for s in registry.holders_of(minister, dt.date(2022, 11, 26))] == []
    assert [s.id for s in registry.holders_of(minister, dt.date(2022, 12, 12))] == []
    assert [s.id for s in registry.holders_of(minister, dt.date(2022, 12, 13))] == ["aleinik"]
    assert len(registry.holders_of(minister, None)) == 2


def test_user_file_extends_overrides_and_replaces(tmp_path: Path) -> None:
    extra = tmp_path / "speakers.yaml"
    extra.write_text(
        "speakers:\n  - id: putin\n    name: Wladimir Putin\n    names: [Putin]\n"
        "  - id: other:Olaf Scholz\n    name: Olaf Scholz\n    gender: m\n",
        encoding="utf-8",
    )
    merged = load_speakers([extra])
    assert merged.by_id("lukashenko") is not merged.by_id("putin")
    assert merged.by_id("putin").roles == []  # type: ignore[union-attr]
    assert merged.by_id("other:Olaf Scholz") is not None
    replaced = tmp_path / "only.yaml"
    replaced.write_text(extra.read_text(encoding="utf-8") + "replace: true\n", encoding="utf-8")
    assert {s.id for s in load_speakers([replaced]).speakers} == {"putin", "other:Olaf Scholz"}


def test_invalid_speaker_file_names_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("speakers:\n  - id: x\n    gender: q\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_speakers([bad])
    assert "bad.yaml" in str(err.value)


def test_mentions_of_names_titles_roles_and_surnames(registry: SpeakerRegistry) -> None:
    finder = MentionFinder(registry, load_lexicon().first_names)
    text = (
        "Der russische Präsident Wladimir Putin traf Kanzlerin Angela Merkel. "
        "Später sprach Merkel mit Bundesinnenminister Schäuble und dem Kreml-Chef."
    )
    found = {(m.text, m.speaker) for m in finder.find(text, dt.date(2023, 1, 1))}
    assert ("Der russische Präsident Wladimir Putin", "putin") in found
    assert ("Kanzlerin Angela Merkel", "other:Angela Merkel") in found
    assert ("Merkel", "other:Angela Merkel") in found  # a later bare surname
    assert ("Bundesinnenminister Schäuble", "other:Schäuble") in found
    assert ("dem Kreml-Chef", "putin") in found
