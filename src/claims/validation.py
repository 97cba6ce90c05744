"""``claims validate`` for data files: every problem of a file in one run, cross-references
(categories, actors, speakers, rule -> claim type) included, each naming file and line."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from claims.datafiles import entry_line, entry_problems, read_yaml_all
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


def _file_problems(path: Path) -> tuple[str, list[ClaimsError], list[str], Any, Any]:
    """Summary, schema problems, the known lists it holds, its YAML node tree and its data."""
    try:
        data, node, dates = read_yaml_all(path)
    except ClaimsError as exc:
        return "", [exc], [], None, None
    if not isinstance(data, dict):
        problem = DataFileError(
            "a data file is a YAML mapping with top-level lists", path=str(path)
        )
        return "", [problem], [], None, None
    models = _models()
    keys = [key for key in models if key in data]
    counts = {k: len(v or []) for k, v in sorted(data.items()) if isinstance(v, list)}
    summary = ", ".join(f"{n} {key}" for key, n in counts.items()) or "no entries"
    problems: list[ClaimsError] = list(dates)
    date_lines = {date.line for date in dates}
    for key in keys:
        for problem in entry_problems(path, models[key], key, data, node):
            if problem.line not in date_lines:  # an impossible date is said once
                problems.append(problem)
    problems.sort(key=lambda problem: problem.line or 0)  # in the order of the file
    return summary, problems, keys, node, data


def _valid_part(data: dict[str, Any], keys: Sequence[str]) -> tuple[dict[str, Any], set[str]]:
    """The file's data with only the entries that validate (the first of duplicate ids), and
    the ids of the entries left out: their references are checked once they are fixed."""
    models = _models()
    kept = dict(data)
    left_out: set[str] = set()
    for key in keys:
        entries = data.get(key)
        if not isinstance(entries, list):
            kept[key] = []  # reported as not a list; the file still holds the key
            continue
        valid: list[Any] = []
        seen: set[str] = set()
        for raw in entries:
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            try:
                item = models[key].model_validate(raw)
            except ValidationError:
                if raw_id is not None:
                    left_out.add(str(raw_id))
                continue
            item_id = str(getattr(item, "id", ""))
            if item_id in seen:
                continue
            seen.add(item_id)
            valid.append(raw)
        kept[key] = valid
    return kept, left_out


# "unknown category 'x'" -> x: a reference to an entry left out is not reported twice
_REFERENCE = re.compile(r"unknown [a-z ]+ '([^']*)'")


def validate_data_files(paths: Sequence[Path]) -> list[tuple[Path, str, list[ClaimsError]]]:
    """Every problem of each data file, then the references between them.

    The files are taken together, as `claims analyze --speakers/--kb/--rules` would use them
    (with the built-in data unless a file says ``replace: true``); a reference problem is
    reported at the entry of a given file that makes it. The references of a file with
    invalid entries are checked too, for the entries that validate, so one run shows both.
    """
    results: list[tuple[Path, str, list[ClaimsError]]] = []
    nodes: dict[Path, Any] = {}
    speakers: list[Path] = []
    kb: list[Path] = []
    rules: list[Path] = []
    left_out: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="claims-validate-") as scratch:
        originals: dict[str, Path] = {}
        for index, path in enumerate(paths):
            summary, problems, keys, node, data = _file_problems(path)
            results.append((path, summary, problems))
            if not keys:
                continue
            nodes[path] = node
            loaded = path
            if problems:
                # a copy with the valid entries only, read like the file itself would be
                kept, dropped = _valid_part(data, keys)
                left_out |= dropped
                loaded = Path(scratch) / f"{index}{path.suffix or '.yaml'}"
                loaded.write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
                originals[str(loaded)] = path
            if {"speakers", "actors"} & set(keys):
                speakers.append(loaded)
            if {"actions", "categories"} & set(keys):
                kb.append(loaded)
            if {"rules", "claim_types", "actors"} & set(keys):
                rules.append(loaded)
        if not nodes:
            return results
        try:
            resources = Resources.load(DataFiles(tuple(speakers), tuple(kb), tuple(rules)))
        except ClaimsError as exc:
            where = Path(exc.path) if exc.path else None
            if exc.path in originals:
                where = originals[exc.path]
                exc.path, exc.line = str(where), None  # a line of the copy is no use
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
        reference = _REFERENCE.search(message)
        if reference is not None and reference[1] in left_out:
            continue  # the entry it names is invalid, and reported as such
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
