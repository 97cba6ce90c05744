"""The data files: built-ins are valid and sourced; user files extend, override or replace them;
errors name the file, the line and the field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claims.errors import DataFileError
from claims.kb.actions import load_actions
from claims.kb.categories import Category, load_categories
from claims.models import Action
from claims.rules.claim_types import ClaimType, load_claim_types
from claims.rules.loader import load_actor_info, load_actors, load_rules, validate_references
from claims.rules.loading import check_file_keys
from claims.rules.schema import Actor, Rule

ISSUE_TYPES = {
    "deny_involvement", "deny_troops", "deny_killing", "conditional_involvement",
    "peace_advocacy", "limited_role", "admit_support", "deny_annexation", "deny_weapons",
    "deny_territory",
}  # fmt: skip


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_data_is_consistent(
    claim_types: list[ClaimType],
    rules: list[Rule],
    actions: list[Action],
    categories: list[Category],
    actor_info: list[Actor],
) -> None:
    assert {ct.id for ct in claim_types} >= ISSUE_TYPES
    assert validate_references(claim_types, rules, actions, categories, actor_info) == []
    assert [r.id for r in rules] == sorted(r.id for r in rules)
    assert load_actors() == {
        "lukashenko": "Belarus",
        "aleinik": "Belarus",
        "makei": "Belarus",
        "putin": "Russia",
    }


def test_every_action_is_sourced(actions: list[Action]) -> None:
    assert len(actions) >= 10
    for action in actions:
        assert action.sources, action.id
        for source in action.sources:
            assert re.match(r"https://[\w.-]+\.[a-z]{2,}/", source.url), source.url
            assert source.publisher.strip() and source.title.strip()
        assert action.description_de.strip() and action.description_en.strip()


def test_user_kb_file_adds_and_overrides_by_id(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "kb.yaml",
        "actions:\n"
        "  - id: by-territory-invasion-2022\n"
        "    actor: Belarus\n    category: territory_used\n    start: 2022-02-25\n"
        "    description_de: d\n    description_en: e\n"
        "    sources: [{publisher: P, title: T, url: 'https://example.org/x'}]\n"
        "  - id: new-action\n"
        "    actor: Belarus\n    category: joint_forces\n    start: 2023-01-01\n"
        "    description_de: d\n    description_en: e\n"
        "    sources: [{publisher: P, title: T, url: 'https://example.org/y'}]\n",
    )
    builtin = load_actions()
    merged = {a.id: a for a in load_actions([path])}
    assert len(merged) == len(builtin) + 1
    assert str(merged["by-territory-invasion-2022"].start) == "2022-02-25"
    assert [a.id for a in load_actions([path], replace=True)] == [
        "by-territory-invasion-2022",
        "new-action",
    ]
    # the file holds no categories, so they stay the built-in ones
    assert load_categories([path]) == load_categories()


def test_replace_true_in_a_file_drops_the_builtins(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rules.yaml",
        "replace: true\nrules:\n"
        "  - id: ZZ001\n    title: t\n    claim_types: [deny_weapons]\n"
        "    contradicted_by: [weapons_supplied]\n"
        "    explanation: {de: '{speaker}: {actions}', en: '{speaker}: {actions}'}\n"
        "    rationale: r\n"
        "    examples: {pass: [{text: a, speaker: b}], fail: [{text: c, speaker: d}]}\n",
    )
    assert [r.id for r in load_rules([path])] == ["ZZ001"]
    assert load_claim_types([path]) == load_claim_types()  # no claim_types: key


@pytest.mark.parametrize(
    ("body", "line", "field"),
    [
        ("rules:\n  - id: C1\n    title: t\n", 2, "id"),
        (
            "rules:\n  - id: ZZ002\n    title: t\n    claim_types: [x]\n"
            "    contradicted_by: [y]\n    severity: urgent\n",
            6,
            "severity",
        ),
    ],
)
def test_invalid_rule_names_file_line_and_field(
    tmp_path: Path, body: str, line: int, field: str
) -> None:
    path = write(tmp_path, "bad.yaml", body)
    with pytest.raises(DataFileError) as info:
        load_rules([path])
    assert info.value.path == str(path)
    assert info.value.line == line
    assert f"'{field}'" in info.value.message


def test_unknown_template_placeholder_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "rules.yaml",
        "rules:\n  - id: ZZ003\n    title: t\n    claim_types: [deny_weapons]\n"
        "    contradicted_by: [weapons_supplied]\n"
        "    explanation: {de: '{sprecher}', en: '{speaker}'}\n    rationale: r\n"
        "    examples: {pass: [{text: a, speaker: b}], fail: [{text: c, speaker: d}]}\n",
    )
    with pytest.raises(DataFileError, match="sprecher"):
        load_rules([path])


def test_duplicate_ids_in_one_file_are_refused(tmp_path: Path) -> None:
    entry = "  - id: Belarus\n    name_de: B\n    name_en: B\n"
    path = write(tmp_path, "actors.yaml", "actors:\n" + entry + entry)
    with pytest.raises(DataFileError, match="duplicate"):
        load_actor_info([path])


def test_cross_file_references_are_checked(
    claim_types: list[ClaimType], actions: list[Action], categories: list[Category]
) -> None:
    rule = Rule.model_validate(
        {"id": "ZZ004", "title": "t", "claim_types": ["deny_nothing"],
         "contradicted_by": ["teleportation"], "explanation": {"de": "x", "en": "x"},
         "rationale": "r",
         "examples": {"pass": [{"text": "a", "speaker": "b"}],
                      "fail": [{"text": "c", "speaker": "d"}]}}
    )  # fmt: skip
    orphan = actions[0].model_copy(update={"id": "orphan", "category": "nowhere"})
    problems = validate_references(claim_types, [rule], [*actions, orphan], categories)
    assert "rule ZZ004: unknown claim type 'deny_nothing'" in problems
    assert "rule ZZ004: unknown category 'teleportation'" in problems
    assert "action orphan: unknown category 'nowhere'" in problems


def test_a_user_file_for_no_known_kind_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", "speakers: []\n")
    with pytest.raises(DataFileError, match="actions"):
        check_file_keys(path, ["actions", "categories", "actors"])
    check_file_keys(write(tmp_path, "y.yaml", "categories: []\n"), ["actions", "categories"])
