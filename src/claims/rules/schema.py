"""Rules and actors as data: the pydantic models that ``rules.yaml`` and ``actors.yaml`` follow."""

from __future__ import annotations

import string
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claims.models import Verdict

Severity = Literal["high", "medium", "low"]

#: Placeholders an explanation template may use.
TEMPLATE_FIELDS = frozenset({"speaker", "actor", "date", "actions", "since", "quote"})


def check_template(template: str) -> None:
    """Raise ValueError for a template with unknown or malformed placeholders."""
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if name not in TEMPLATE_FIELDS or spec or conversion:
            allowed = ", ".join("{" + f + "}" for f in sorted(TEMPLATE_FIELDS))
            raise ValueError(f"unknown placeholder {{{name}}} (allowed: {allowed})")


class Text(BaseModel):
    """A text in German and English."""

    model_config = ConfigDict(extra="forbid")

    de: str
    en: str

    def get(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


class Template(Text):
    """An explanation template in German and English, checked for its placeholders."""

    @model_validator(mode="after")
    def _placeholders(self) -> Template:
        check_template(self.de)
        check_template(self.en)
        return self


class RuleExample(BaseModel):
    """An engine example: a statement and the verdict the rule gives on it (with the KB)."""

    model_config = ConfigDict(extra="forbid")

    text: str
    speaker: str
    date: str | None = Field(default=None, description="ISO date of the statement, or none.")
    cue: str | None = None


class RuleExamples(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    pass_: list[RuleExample] = Field(
        alias="pass", min_length=1, description="Statements the rule flags."
    )
    fail: list[RuleExample] = Field(min_length=1, description="Statements it leaves alone.")


class Rule(BaseModel):
    """Claim types that documented actions of certain categories contradict or confirm."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Z]{2}\d{3}$")
    title: str
    claim_types: list[str] = Field(min_length=1)
    contradicted_by: list[str] = Field(default_factory=list, description="Category ids.")
    confirmed_by: list[str] = Field(default_factory=list, description="Category ids.")
    verdict: Verdict = "contradiction"
    severity: Severity = "medium"
    actor: Literal["speaker", "any"] = Field(
        default="speaker",
        description='"speaker": only actions of the speaker\'s own state count; "any": all.',
    )
    requires_terms: list[str] = Field(
        default_factory=list,
        description="The rule applies only if the statement mentions one of these (lower case, "
        "'*' wildcard at either end).",
    )
    unless_claims: list[str] = Field(
        default_factory=list, description="Claim types that exempt a statement from this rule."
    )
    explanation: Template = Field(
        description="Template with {speaker} {actor} {date} {actions} {since} {quote}."
    )
    explanation_later: Template | None = Field(
        default=None, description="Template for actions that started after the statement."
    )
    rationale: str
    examples: RuleExamples

    @model_validator(mode="after")
    def _categories_match_verdict(self) -> Rule:
        if self.verdict == "contradiction" and not self.contradicted_by:
            raise ValueError("a contradiction rule needs 'contradicted_by' categories")
        if self.verdict == "consistent" and not self.confirmed_by:
            raise ValueError("a consistent rule needs 'confirmed_by' categories")
        return self

    @property
    def categories(self) -> list[str]:
        return self.contradicted_by if self.verdict == "contradiction" else self.confirmed_by


class Actor(BaseModel):
    """A state actor: its display names, the words that name it in text, and its speakers."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    name_de: str
    name_en: str
    names: list[str] = Field(
        default_factory=list,
        description="Lower-case words that attribute a reporter sentence to this actor "
        "('*' wildcard at either end): country, adjective, capital, leaders.",
    )
    speakers: list[str] = Field(default_factory=list, description="Speaker ids it speaks for.")
    speaker_names: dict[str, str] = Field(
        default_factory=dict, description="Display name of a speaker id in explanations."
    )

    def name(self, lang: str) -> str:
        return self.name_de if lang == "de" else self.name_en
