"""Shared fixtures of the rule tests: data loaded and pipelines built once per session."""

from __future__ import annotations

import pytest

from claims.kb.actions import load_actions
from claims.kb.categories import Category, load_categories
from claims.models import Action
from claims.rules.claim_types import ClaimTagger, ClaimType, load_claim_types
from claims.rules.evidence import CorpusEvidenceFinder
from claims.rules.loader import load_actor_info, load_actors, load_rules
from claims.rules.schema import Actor, Rule


@pytest.fixture(scope="session")
def claim_types() -> list[ClaimType]:
    return load_claim_types()


@pytest.fixture(scope="session")
def tagger(claim_types: list[ClaimType]) -> ClaimTagger:
    return ClaimTagger(claim_types)


@pytest.fixture(scope="session")
def categories() -> list[Category]:
    return load_categories()


@pytest.fixture(scope="session")
def finder(categories: list[Category]) -> CorpusEvidenceFinder:
    return CorpusEvidenceFinder(categories)


@pytest.fixture(scope="session")
def rules() -> list[Rule]:
    return load_rules()


@pytest.fixture(scope="session")
def actions() -> list[Action]:
    return load_actions()


@pytest.fixture(scope="session")
def actors() -> dict[str, str]:
    return load_actors()


@pytest.fixture(scope="session")
def actor_info() -> list[Actor]:
    return load_actor_info()
