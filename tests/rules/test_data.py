"""The data files: built-ins are valid and sourced; user files extend, override or replace them;
errors name the file, the line and the field."""

from __future__ import annotations

import datetime as dt
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


def test_no_kb_title_is_a_bracketed_placeholder(actions: list[Action]) -> None:
    """A title in brackets describes a document instead of naming it (issue 15)."""
    for action in actions:
        for source in action.sources:
            title = source.title.strip()
            assert not (title.startswith("[") or title.endswith("]")), (action.id, title)
            assert source.supports.strip(), (action.id, source.url)


def test_kb_source_without_date_or_supports_is_rejected(tmp_path: Path) -> None:
    from claims.errors import DataFileError

    for missing in ("date: 2023-01-01, ", "supports: S, "):
        path = tmp_path / "kb.yaml"
        source = "{publisher: P, title: T, date: 2023-01-01, supports: S, url: 'https://e.org/x'}"
        path.write_text(
            "actions:\n  - id: a1\n    actor: Belarus\n    category: joint_forces\n"
            "    start: 2023-01-01\n    description_de: d\n    description_en: e\n"
            f"    sources: [{source.replace(missing, '')}]\n",
            encoding="utf-8",
        )
        with pytest.raises(DataFileError):
            load_actions([path])


def test_nuclear_agreement_and_delivery_are_two_dated_actions(actions: list[Action]) -> None:
    by_id = {a.id: a for a in actions if a.actor == "Belarus" and a.category == "nuclear_weapons"}
    assert by_id["by-nuclear-agreement-2023"].start == dt.date(2023, 3, 25)
    delivery = by_id["by-nuclear-delivery-2023"].start
    assert (delivery.year, delivery.month) == (2023, 6)
    assert "Sprengk" not in by_id["by-nuclear-agreement-2023"].description_de


def test_crimea_is_worded_as_an_interview_remark(actions: list[Action]) -> None:
    crimea = next(a for a in actions if a.category == "annexation_recognition")
    assert crimea.start == dt.date(2021, 11, 30)
    assert "Interview" in crimea.description_de and "nicht de jure" in crimea.description_de
    assert "anerkannt" not in crimea.description_de


def test_one_party_claims_are_attributed(actions: list[Action]) -> None:
    tanks = next(a for a in actions if a.id == "by-tanks-supplied-2022")
    assert tanks.attributed_to is not None and "Hajun" in tanks.attributed_to.de
    assert tanks.description("de").endswith(
        "(laut der belarussischen Beobachtergruppe Belaruski Hajun)"
    )
    grouping = next(a for a in actions if a.id == "by-joint-grouping-2022")
    assert grouping.start == dt.date(2022, 10, 10) and "15. Oktober 2022" in grouping.description_de


def test_territory_sources_say_what_they_support(actions: list[Action]) -> None:
    territory = next(a for a in actions if a.id == "by-territory-invasion-2022")
    first = territory.sources[0]
    assert "2022/356" in first.title and "territory of Belarus" in first.supports
    assert not any("2022/355" in s.title for s in territory.sources)


def test_user_kb_file_adds_and_overrides_by_id(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "kb.yaml",
        "actions:\n"
        "  - id: by-territory-invasion-2022\n"
        "    actor: Belarus\n    category: territory_used\n    start: 2022-02-25\n"
        "    description_de: d\n    description_en: e\n"
        "    sources: [{publisher: P, title: T, date: 2023-01-01,\n"
        "                url: 'https://example.org/x', supports: S}]\n"
        "  - id: new-action\n"
        "    actor: Belarus\n    category: joint_forces\n    start: 2023-01-01\n"
        "    description_de: d\n    description_en: e\n"
        "    sources: [{publisher: P, title: T, date: 2023-01-01,\n"
        "                url: 'https://example.org/y', supports: S}]\n",
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
