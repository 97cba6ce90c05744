"""Action categories: what kind of deed an action is, and how a reporter sentence asserts it.

A category ("territory used for the invasion", "weapons supplied") is actor-independent: its
lemma patterns find reporter sentences that assert such a deed by anyone; the rule engine then
attributes the sentence to an actor through the actor lexicon (see ``claims.rules.schema``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from claims.rules.loading import load_merged
from claims.rules.terms import TermPattern

BUILTIN = "categories.yaml"


class Category(BaseModel):
    """A kind of documented action, with the patterns that find it in reporter sentences."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title_de: str
    title_en: str
    description: str = ""
    patterns: list[TermPattern] = Field(
        default_factory=list, description="Sentence-scope patterns for corpus evidence."
    )
    only_for: list[str] = Field(
        default_factory=list,
        description="Claim type ids this category answers; empty: every claim type of a rule "
        "that lists the category. A rule listing the category for several claim types uses "
        "its actions and reporter sentences only against these.",
    )
    not_with: list[str] = Field(
        default_factory=list,
        description="Claim type ids that make a statement about something else: the category "
        "never answers a statement that carries one of them.",
    )

    def title(self, lang: str) -> str:
        return self.title_de if lang == "de" else self.title_en


def load_categories(extra: Sequence[Path] = (), replace: bool = False) -> list[Category]:
    """Built-in categories plus those of ``--kb`` files (key ``categories``)."""
    return load_merged(BUILTIN, Category, "categories", extra, replace)
