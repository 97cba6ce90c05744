"""Load rules and actors, and check references across data files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from claims.kb.categories import Category
from claims.models import Action
from claims.rules.claim_types import ClaimType
from claims.rules.loading import load_merged
from claims.rules.schema import Actor, Rule

RULES = "rules.yaml"
ACTORS = "actors.yaml"


def load_rules(extra: Sequence[Path] = (), replace: bool = False) -> list[Rule]:
    """Built-in rules plus those of ``--rules`` files (key ``rules``), sorted by id."""
    return sorted(load_merged(RULES, Rule, "rules", extra, replace), key=lambda r: r.id)


def load_actor_info(extra: Sequence[Path] = (), replace: bool = False) -> list[Actor]:
    """Built-in actors plus those of ``--kb`` files (key ``actors``)."""
    return load_merged(ACTORS, Actor, "actors", extra, replace)


def load_actors(extra: Sequence[Path] = (), replace: bool = False) -> dict[str, str]:
    """Speaker id -> actor id (e.g. ``lukashenko`` -> ``Belarus``)."""
    return actor_map(load_actor_info(extra, replace))


def actor_map(actors: Sequence[Actor]) -> dict[str, str]:
    return {speaker: actor.id for actor in actors for speaker in actor.speakers}


def validate_references(
    claim_types: Sequence[ClaimType],
    rules: Sequence[Rule],
    actions: Sequence[Action],
    categories: Sequence[Category],
    actors: Sequence[Actor] | None = None,
) -> list[str]:
    """Problems between files: a rule or action naming an unknown claim type, category, actor."""
    problems: list[str] = []
    type_ids = {ct.id for ct in claim_types}
    category_ids = {c.id for c in categories}
    for ct in claim_types:
        for other in ct.suppressed_by:
            if other not in type_ids:
                problems.append(
                    f"claim type {ct.id}: suppressed_by names unknown claim type '{other}'"
                )
    for rule in rules:
        for ct_id in [*rule.claim_types, *rule.unless_claims]:
            if ct_id not in type_ids:
                problems.append(f"rule {rule.id}: unknown claim type '{ct_id}'")
        for cat in [*rule.contradicted_by, *rule.confirmed_by]:
            if cat not in category_ids:
                problems.append(f"rule {rule.id}: unknown category '{cat}'")
    actor_ids = {a.id for a in actors} if actors is not None else None
    for action in actions:
        if action.category not in category_ids:
            problems.append(f"action {action.id}: unknown category '{action.category}'")
        if actor_ids is not None and action.actor not in actor_ids:
            problems.append(f"action {action.id}: unknown actor '{action.actor}'")
        if action.end is not None and action.end < action.start:
            problems.append(
                f"action {action.id}: ends ({action.end}) before it starts ({action.start})"
            )
    if actors is not None:
        seen: dict[str, str] = {}
        for actor in actors:
            for speaker in actor.speakers:
                if speaker in seen and seen[speaker] != actor.id:
                    problems.append(
                        f"speaker '{speaker}' belongs to two actors: {seen[speaker]}, {actor.id}"
                    )
                seen[speaker] = actor.id
    return problems
