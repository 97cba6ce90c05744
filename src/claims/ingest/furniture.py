"""Page furniture (share buttons, consent notices, teasers, photo credits) blanked out.

The patterns are data (``data/furniture.yaml``); a furniture line becomes an empty line, so the
text keeps its line numbers and every later offset still maps to the source file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from claims.datafiles import load_models, package_data

MAX_FURNITURE_CHARS = 200  # a longer line is article text, whatever it says


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")

    match: list[str] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)


class FurniturePattern(BaseModel):
    """One kind of furniture line: a regex matched against the whole stripped line."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    rationale: str
    pattern: str
    max_chars: int = Field(default=MAX_FURNITURE_CHARS, ge=1, le=MAX_FURNITURE_CHARS)
    examples: Examples = Field(default_factory=Examples)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            _compile(value)  # as ``regex`` compiles it: each pattern is compiled once
        except re.error as exc:
            raise ValueError(f"invalid regular expression: {exc}") from exc
        return value

    @model_validator(mode="after")
    def _examples_hold(self) -> FurniturePattern:
        for example in self.examples.match:
            if not self.matches(example):
                raise ValueError(f"example {example!r} is not matched")
        return self

    @property
    def regex(self) -> re.Pattern[str]:
        return _compile(self.pattern)

    def matches(self, line: str) -> bool:
        stripped = line.strip()
        return len(stripped) <= self.max_chars and self.regex.fullmatch(stripped) is not None


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=8)
def load_furniture(path: Path | None = None) -> tuple[FurniturePattern, ...]:
    """The furniture patterns of ``path`` (default: the built-in ``data/furniture.yaml``)."""
    source = path if path is not None else package_data("furniture.yaml")
    return tuple(load_models(source, FurniturePattern, key="patterns"))


def furniture_id(line: str, patterns: Sequence[FurniturePattern] | None = None) -> str | None:
    """Id of the first pattern that says ``line`` is furniture, or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_FURNITURE_CHARS:
        return None
    for pattern in load_furniture() if patterns is None else patterns:
        if pattern.matches(stripped):
            return pattern.id
    return None


def is_furniture(line: str, patterns: Sequence[FurniturePattern] | None = None) -> bool:
    return furniture_id(line, patterns) is not None


def strip_furniture(text: str, patterns: Sequence[FurniturePattern] | None = None) -> str:
    """``text`` with every furniture line replaced by an empty line (line count unchanged)."""
    active = load_furniture() if patterns is None else patterns
    checks = [(p.max_chars, p.regex) for p in active]  # furniture_id's test, looked up once

    def furniture(line: str) -> bool:
        stripped = line.strip()
        if not stripped or len(stripped) > MAX_FURNITURE_CHARS:
            return False
        return any(len(stripped) <= most and rx.fullmatch(stripped) for most, rx in checks)

    return "\n".join("" if furniture(line) else line for line in text.split("\n"))
