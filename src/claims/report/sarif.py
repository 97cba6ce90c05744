"""``claims check --format sarif``: SARIF 2.1.0 for code-scanning dashboards.

Results are the *new* findings (``baselineState: "new"``), the articles that could not be
analysed, and the findings reviewed in the baseline (``baselineState: "unchanged"``) with a SARIF
``suppressions`` entry (kind ``external``, status ``accepted``, the reviewer's reason as
justification; ``properties.reviewStatus`` is ``accepted`` or ``false-positive``), so a dashboard
shows them as suppressed rather than open. Every rule the run knows is declared, so a dashboard
can tell "ran and found nothing" from "did not run". ``partialFingerprints`` carries the baseline
fingerprint, which survives reformatting of the article, so alerts are tracked across commits.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from claims import DISTRIBUTION
from claims.report.check_text import Item, items
from claims.report.common import excerpt
from claims.report.json_ import dumps

if TYPE_CHECKING:
    from claims.check import BaselineEntry, CheckResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "claimsFingerprint/v1"


def information_uri() -> str | None:
    """The project's home page from the installed metadata, if it declares one."""
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        _, _, url = entry.partition(",")
        if url.strip().startswith("https://"):
            return url.strip()
    homes = [h for h in meta.get_all("Home-page") or [] if h.startswith("https://")]
    return homes[0] if homes else None


def artifact_uri(path: str) -> str:
    """A relative URI reference for a path as the user gave it (``corpus/a b.txt``).

    A backslash is a folder separator only on Windows; elsewhere it is part of the file name
    (``back\\slash.txt`` becomes ``back%5Cslash.txt``). ``.`` and ``..`` segments are resolved;
    a path that still leaves the working folder becomes an absolute ``file://`` URI."""
    posix = PureWindowsPath(path).as_posix() if os.name == "nt" else path
    normal = posixpath.normpath(posix)
    if normal == ".." or normal.startswith("../"):
        normal = Path(os.path.abspath(path)).as_posix()
    if normal.startswith("/"):
        return "file://" + quote(normal)
    if re.match(r"^[A-Za-z]:/", normal):  # a Windows drive
        return "file:///" + quote(normal)
    return quote(normal, safe="/")


def _rule(rule_id: str, title: str | None, kind: str) -> dict[str, Any]:
    if kind == "error":
        short = title or f"Article could not be analysed ({rule_id})"
        full = "An input article could not be read or validated; it was not analysed."
        help_text = "Fix the article file (encoding, front matter, size) and run the check again."
        level = "error"
    else:
        short = title or f"Statement contradicted by documented actions ({rule_id})"
        full = (
            f"claims rule {rule_id}: a statement attributed to a speaker is contradicted by "
            "documented actions of their government."
        )
        help_text = (
            "Check the quote and the cited sources. If the finding is right and reviewed, accept "
            "it with `claims check PATH --update-baseline`; if it is wrong, report it."
        )
        level = "warning"
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": level},
    }


def _location(path: str, line: int, region_extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(path)},
            "region": {"startLine": max(1, line), **region_extra},
        }
    }


def _suppression(review: BaselineEntry) -> dict[str, Any]:
    label = "false positive" if review.status == "false-positive" else "accepted finding"
    justification = f"{label}: {review.reason}" if review.reason else f"{label} in the baseline"
    suppression: dict[str, Any] = {
        "kind": "external",
        "status": "accepted",
        "justification": justification,
        "properties": {"reviewStatus": review.status},
    }
    if review.by:
        suppression["properties"]["reviewedBy"] = review.by
    if review.at:
        suppression["properties"]["reviewedAt"] = review.at
    return suppression


def _finding_result(
    item: Item, index: dict[str, int], review: BaselineEntry | None = None
) -> dict[str, Any]:
    region: dict[str, Any] = {}
    if item.column is not None:
        region["startColumn"] = item.column
        if item.end_line is not None and item.end_column is not None:
            region["endLine"] = item.end_line
            region["endColumn"] = item.end_column
    region["snippet"] = {"text": item.text}
    rule_id = item.finding.rule_id
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "ruleIndex": index[rule_id],
        "level": "warning",
        "kind": "fail",
        "baselineState": "new" if review is None else "unchanged",
        "message": {"text": item.message},
        "locations": [_location(item.path, item.line, region)],
        "partialFingerprints": {FINGERPRINT_KEY: item.fingerprint},
        "properties": {
            "findingId": item.finding.id,
            "statementId": item.finding.statement_id,
            "speaker": item.speaker,
            "actions": item.finding.actions,
        },
    }
    if review is not None:
        result["suppressions"] = [_suppression(review)]
    return result


def sarif_data(result: CheckResult, rules: Mapping[str, str]) -> dict[str, Any]:
    new = items(result, result.new)
    finding_rules = sorted(
        set(rules) | {f.rule_id for f in result.new} | {f.rule_id for f in result.known}
    )
    error_codes = sorted({e.code for e in result.errors})
    declared = [_rule(r, rules.get(r), "finding") for r in finding_rules]
    declared += [_rule(c, None, "error") for c in error_codes if c not in finding_rules]
    index = {rule["id"]: i for i, rule in enumerate(declared)}
    results = [_finding_result(item, index) for item in new]
    for error in result.errors:
        results.append(
            {
                "ruleId": error.code,
                "ruleIndex": index[error.code],
                "level": "error",
                "kind": "fail",
                "message": {"text": excerpt(error.message, 1000)},
                "locations": [_location(error.path, error.line or 1, {})],
            }
        )
    for item in items(result, result.known):  # reviewed in the baseline: suppressed results
        review = result.review(item.finding)
        if review is not None:
            results.append(_finding_result(item, index, review))
    driver: dict[str, Any] = {
        "name": result.report.tool.name,
        "version": result.report.tool.version,
        "semanticVersion": result.report.tool.version,
    }
    uri = information_uri()
    if uri:
        driver["informationUri"] = uri
    driver["rules"] = declared
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "knownFindings": len(result.known),
                    "staleBaselineEntries": len(result.stale),
                },
            }
        ],
    }


def render_sarif(result: CheckResult, *, rules: Mapping[str, str] | None = None) -> str:
    return dumps(sarif_data(result, rules or {})) + "\n"
