"""``claims validate`` for data files: every problem of a file in one run, cross-references
(categories, actors, speakers, rule -> claim type) included, each naming file and line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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


def _file_problems(path: Path) -> tuple[str, list[ClaimsError], list[str], Any]:
    """Summary, schema problems, the known lists it holds, and its YAML node tree."""
    try:
        data, node = read_yaml(path)
    except ClaimsError as exc:
        return "", [exc], [], None
    if not isinstance(data, dict):
        problem = DataFileError(
            "a data file is a YAML mapping with top-level lists", path=str(path)
        )
        return "", [problem], [], None
    models = _models()
    keys = [key for key in models if key in data]
    counts = {k: len(v or []) for k, v in sorted(data.items()) if isinstance(v, list)}
    summary = ", ".join(f"{n} {key}" for key, n in counts.items()) or "no entries"
    problems: list[ClaimsError] = []
    for key in keys:
        problems += entry_problems(path, models[key], key, data, node)
    return summary, problems, keys, node


def validate_data_files(paths: Sequence[Path]) -> list[tuple[Path, str, list[ClaimsError]]]:
    """Every problem of each data file, then the references between them.

    The files are taken together, as `claims analyze --speakers/--kb/--rules` would use them
    (with the built-in data unless a file says ``replace: true``); a reference problem is
    reported at the entry of a given file that makes it.
    """
    results: list[tuple[Path, str, list[ClaimsError]]] = []
    nodes: dict[Path, Any] = {}
    speakers: list[Path] = []
    kb: list[Path] = []
    rules: list[Path] = []
    for path in paths:
        summary, problems, keys, node = _file_problems(path)
        results.append((path, summary, problems))
        if problems or not keys:
            continue
        nodes[path] = node
        if {"speakers", "actors"} & set(keys):
            speakers.append(path)
        if {"actions", "categories"} & set(keys):
            kb.append(path)
        if {"rules", "claim_types", "actors"} & set(keys):
            rules.append(path)
    if not nodes:
        return results
    try:
        resources = Resources.load(DataFiles(tuple(speakers), tuple(kb), tuple(rules)))
    except ClaimsError as exc:
        where = Path(exc.path) if exc.path else None
        for path, _, problems in results:
            if where is None or path == where:
                problems.append(exc)
                break
        return results
    messages = list(resources.problems)
    known_speakers = {s.id for s in resources.registry.speakers}
    for actor in resources.actor_info:
        for speaker in actor.speakers:
            if speaker not in known_speakers:
                messages.append(f"actor {actor.id}: unknown speaker '{speaker}'")
    by_path = {path: problems for path, _, problems in results}
    for message in messages:
        match = _SUBJECT.match(message)
        if match:
            key, entry = _KEYS[match[1]], match[2]
        elif message.startswith("actor "):
            key, entry = "actors", message.split()[1].rstrip(":")
        else:
            key, entry = "", ""
        for path, node in nodes.items():
            line = entry_line(node, key, entry) if key else None
            if line is not None or not key:
                by_path[path].append(DataFileError(message, path=str(path), line=line))
                break
    return results
