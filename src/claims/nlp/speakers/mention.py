"""A mention of a person or body in a text, the unit every speaker part exchanges."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    """A mention of a person: ``speaker`` is a registry id, ``other:<name>``, or None."""

    start: int
    end: int
    text: str
    kind: str  # "name" | "person" | "role" | "epithet" | "pronoun" | "institution"
    speaker: str | None
    gender: str | None = None
    country: str | None = None
