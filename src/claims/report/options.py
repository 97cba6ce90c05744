"""What a formatter may be told besides the report (its own module, so that the formatters and
the package that dispatches to them do not import each other)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from claims.models import Action


@dataclass(frozen=True)
class RenderOptions:
    """Everything a formatter may need besides the report itself."""

    lang: str = "en"  # "de" | "en": report text (markdown, table headings)
    color: bool = False  # table only: ANSI colour
    width: int = 100  # table only: terminal width
    include_text: bool = False  # json/jsonl: keep Article.text
    actions: tuple[Action, ...] = ()  # KB actions: markdown timeline and citations
    corpus: str = ""  # label of the analysed paths for the markdown header
    generated: str | None = None  # run date; None keeps the output free of clock values
    speaker_names: Mapping[str, str] = field(default_factory=dict)  # id -> display name
    claim_type_names: Mapping[str, str] = field(default_factory=dict)  # id -> title (in lang)
    statements_table: bool = True  # table only: list every statement (off for huge corpora)
    findings_table: bool = True  # table only: `claims quotes` runs no rules and shows none
    verbose: bool = False  # table only: every evidence item with its sources, every statement
    paths: tuple[str, ...] = ()  # table only: the analysed paths, for the `claims show` hint
