"""Claim types, corpus evidence, rules and the rule engine (the data-driven part of claims).

Everything topic-specific is data in ``claims/data/``: ``claim_types.yaml``, ``categories.yaml``,
``actions.yaml``, ``actors.yaml`` and ``rules.yaml``; users add or replace entries with their own
files (``--kb``, ``--rules``). The names below are loaded on first use: importing any submodule
runs this file first (``claims.kb.categories`` builds on ``claims.rules.terms``), and the
submodules never import this package, so nothing here is loaded half-way.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claims.kb.categories import Category, load_categories
    from claims.rules.claim_types import ClaimTagger, ClaimType, load_claim_types
    from claims.rules.engine import evaluate
    from claims.rules.evidence import CorpusEvidenceFinder
    from claims.rules.loader import (
        actor_map,
        load_actor_info,
        load_actors,
        load_rules,
        validate_references,
    )
    from claims.rules.schema import Actor, Rule

_EXPORTS = {
    "Actor": "claims.rules.schema",
    "Category": "claims.kb.categories",
    "ClaimTagger": "claims.rules.claim_types",
    "ClaimType": "claims.rules.claim_types",
    "CorpusEvidenceFinder": "claims.rules.evidence",
    "Rule": "claims.rules.schema",
    "actor_map": "claims.rules.loader",
    "evaluate": "claims.rules.engine",
    "load_actor_info": "claims.rules.loader",
    "load_actors": "claims.rules.loader",
    "load_categories": "claims.kb.categories",
    "load_claim_types": "claims.rules.claim_types",
    "load_rules": "claims.rules.loader",
    "validate_references": "claims.rules.loader",
}

__all__ = [
    "Actor",
    "Category",
    "ClaimTagger",
    "ClaimType",
    "CorpusEvidenceFinder",
    "Rule",
    "actor_map",
    "evaluate",
    "load_actor_info",
    "load_actors",
    "load_categories",
    "load_claim_types",
    "load_rules",
    "validate_references",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'claims.rules' has no attribute {name!r}")
