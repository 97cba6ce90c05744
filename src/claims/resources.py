"""The data a run needs (speakers, claim types, rules, actions, categories), loaded once.

Built-in package data plus the user's ``--speakers/--rules/--kb`` files. A user file with the
top-level key ``replace: true`` replaces the built-in entries of its kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims.errors import DataFileError
from claims.rules.loading import top_level
from claims.safeio import file_kind

if TYPE_CHECKING:
    from claims.kb.speakers import SpeakerRegistry
    from claims.models import Action


@dataclass(frozen=True)
class DataFiles:
    """The user's extra data files, as given on the command line."""

    speakers: tuple[Path, ...] = ()
    kb: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()

    def all(self) -> tuple[Path, ...]:
        return self.speakers + self.kb + self.rules


def _replaces(paths: Sequence[Path]) -> bool:
    return any(top_level(path).replace for path in paths)


def _with_key(paths: Sequence[Path], key: str) -> tuple[Path, ...]:
    """The files among ``paths`` that hold a top-level ``key:`` (a rules file may hold several)."""
    return tuple(path for path in paths if top_level(path).holds(key))


@dataclass
class Resources:
    """Everything topic-specific that a run uses, validated and cross-checked."""

    files: DataFiles
    registry: SpeakerRegistry
    claim_types: list[Any]
    rules: list[Any]
    actions: list[Action]
    categories: list[Any]
    actors: dict[str, str]
    actor_info: list[Any]
    problems: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, files: DataFiles = DataFiles()) -> Resources:
        from claims.kb.actions import load_actions
        from claims.kb.speakers import load_speakers
        from claims.rules import (
            actor_map,
            load_actor_info,
            load_categories,
            load_claim_types,
            load_rules,
            validate_references,
        )

        for path in files.all():
            if not path.exists():
                raise DataFileError("no such data file", path=str(path))
            if not path.is_file():
                kind = file_kind(path.stat().st_mode)
                raise DataFileError(
                    f"not a regular file but a {kind}",
                    path=str(path),
                    hint="pass a YAML data file",
                )
        speaker_files = _with_key(files.speakers, "speakers")
        actor_files = _with_key(files.speakers + files.rules, "actors")
        claim_files = _with_key(files.rules, "claim_types")
        rule_files = _with_key(files.rules, "rules")
        action_files = _with_key(files.kb, "actions")
        category_files = _with_key(files.kb, "categories")
        known = speaker_files + actor_files + claim_files + rule_files
        for path in files.all():
            if path not in known + action_files + category_files:
                raise DataFileError(
                    "this file holds none of the known lists",
                    path=str(path),
                    hint="a data file has a top-level 'speakers:', 'actors:', 'claim_types:', "
                    "'rules:', 'actions:' or 'categories:' list",
                )
        registry = load_speakers(speaker_files, replace=_replaces(speaker_files))
        claim_types = load_claim_types(claim_files, replace=_replaces(claim_files))
        rules = load_rules(rule_files, replace=_replaces(rule_files))
        actions = load_actions(action_files, replace=_replaces(action_files))
        categories = load_categories(category_files, replace=_replaces(category_files))
        actor_info = load_actor_info(actor_files, replace=_replaces(actor_files))
        actors = actor_map(actor_info)
        problems = validate_references(claim_types, rules, actions, categories, actor_info)
        return cls(
            files, registry, claim_types, rules, actions, categories, actors, actor_info, problems
        )

    def speaker_names(self, lang: str = "de") -> dict[str, str]:
        """Display names by public speaker id, for reports (English spelling for "en")."""
        names: dict[str, str] = {}
        for speaker in self.registry.speakers:
            names[speaker.id] = (speaker.name_en if lang == "en" else None) or speaker.name
        return names
