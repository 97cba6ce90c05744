"""``claims validate`` for data files: every problem of a file in one run, cross-references
(categories, actors, speakers, rule -> claim type) included, each naming file and line."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from claims.datafiles import entry_line, entry_problems, read_yaml
from claims.errors import ClaimsError, DataFileError
from claims.resources import DataFiles, Resources


def _models() -> dict[str, type[BaseModel]]:
    from claims.kb.categories import Category
    from claims.kb.speakers import Speaker
    from claims.models import Action
    from claims.rules.claim_types import ClaimType
    from claims.rules.schema import Actor, Rule

    return {
        "speakers": Speaker,
        "actors": Actor,
        "categories": Category,
        "actions": Action,
        "claim_types": ClaimType,
        "rules": Rule,
    }


# "rule CC001: unknown category 'x'" -> the key and id of the entry a reference problem is about
_SUBJECT = re.compile(r"^(rule|action|claim type) (\S+?):")
_KEYS = {"rule": "rules", "action": "actions", "claim type": "claim_types"}


def validate_data_file(path: Path) -> tuple[str, list[ClaimsError]]:
    """A one-line summary and every problem of one data file (an empty list: valid)."""
    try:
        data, node = read_yaml(path)
    except ClaimsError as exc:
        return "", [exc]
    if not isinstance(data, dict):
        return "", [
            DataFileError("a data file is a YAML mapping with top-level lists", path=str(path))
        ]
    models = _models()
    keys = [key for key in models if key in data]
    counts = {
        key: len(value or []) for key, value in sorted(data.items()) if isinstance(value, list)
    }
    summary = ", ".join(f"{n} {key}" for key, n in counts.items()) or "no entries"
    if not keys:  # another list of the package (word lists, furniture): read, nothing to check
        return summary, []
    problems: list[ClaimsError] = []
    for key in keys:
        problems += entry_problems(path, models[key], key, data, node)
    if problems:
        return summary, problems
    files = DataFiles(
        speakers=(path,) if {"speakers", "actors"} & set(keys) else (),
        kb=(path,) if {"actions", "categories"} & set(keys) else (),
        rules=(path,) if {"rules", "claim_types", "actors"} & set(keys) else (),
    )
    try:
        resources = Resources.load(files)
    except ClaimsError as exc:
        return summary, [exc]
    messages = list(resources.problems)
    known_speakers = {s.id for s in resources.registry.speakers}
    for actor in resources.actor_info:
        for speaker in actor.speakers:
            if speaker not in known_speakers:
                messages.append(f"actor {actor.id}: unknown speaker '{speaker}'")
    for message in messages:
        line = None
        match = _SUBJECT.match(message)
        if match:
            line = entry_line(node, _KEYS[match[1]], match[2])
        elif message.startswith("actor "):
            line = entry_line(node, "actors", message.split()[1].rstrip(":"))
        problems.append(DataFileError(message, path=str(path), line=line))
    return summary, problems
