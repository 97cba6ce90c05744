"""The one data contract of claims: what every stage produces and every formatter reads.

Field names and meanings follow ../shared/CONTRACT.md (JSON schema_version "1"). Fields may be
added (optional, with defaults) but never renamed or removed.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_NEWLINE = re.compile("\n")


@lru_cache(maxsize=4)
def _line_breaks(text: str) -> list[int]:
    """Offsets of the line breaks of ``text`` (cached: one article's statements in a row)."""
    return [m.start() for m in _NEWLINE.finditer(text)]


SCHEMA_VERSION = "1"

Kind = Literal["direct", "indirect", "reported", "free_indirect"]
"""``direct``: quoted words; ``indirect``: reported content after a cue (a clause, an
infinitive, a ``laut X`` sentence); ``reported``: a speech act with nominal content (``bestritt
eine Beteiligung``, ``wies die Vorwürfe zurück``); ``free_indirect``: reported speech without a
cue of its own (a Konjunktiv sentence that continues a report). The last three are all reported
speech: :func:`coarse_kind` maps them to ``indirect``, the kind of the first schema version."""
Verdict = Literal["contradiction", "consistent"]
EvidenceKind = Literal["kb", "corpus"]


KINDS: tuple[Kind, ...] = ("direct", "indirect", "reported", "free_indirect")


def coarse_kind(kind: str) -> str:
    """``direct`` or ``indirect``: the two kinds of schema version 1 before ``reported`` and
    ``free_indirect`` (statement ids and ``claims eval`` against such gold use it)."""
    return "direct" if kind == "direct" else "indirect"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Article(_Model):
    """One ingested article. ``text`` is the normalised text all offsets refer to."""

    id: str = Field(description="Stable id: a hash of the ingested text.")
    path: str = Field(description="File the article came from (with ':LINE' for JSONL).")
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    sha256: str = Field(description="SHA-256 of the ingested text.")
    warnings: list[str] = Field(default_factory=list)
    url: str | None = None
    author: str | None = None
    language: str | None = None
    text: str | None = Field(
        default=None,
        description="The ingested text (only with --include-text); offsets refer to it.",
    )
    body_line: int = Field(
        default=1,
        description="1-based line of the source file where the ingested text starts.",
    )

    def line_of(self, offset: int, text: str) -> int:
        """1-based line in the source file of a character offset into ``text``."""
        # a bisection in the text's line breaks (found once per text), not a count from the
        # start for every offset: quadratic for a long article with many statements
        return self.body_line + bisect_left(_line_breaks(text), max(0, offset))

    @staticmethod
    def column_of(offset: int, text: str) -> int:
        """1-based column (in characters) of a character offset into ``text``."""
        return offset - (text.rfind("\n", 0, max(0, offset)) + 1) + 1


class Statement(_Model):
    """A direct or indirect statement, attributed to a speaker where that can be told."""

    id: str
    article_id: str
    speaker: str | None = Field(
        description=(
            '"lukashenko" | "aleinik" | "makei" | "putin" | "other:<Name as written>" | null'
        )
    )
    speaker_mention: str | None = Field(
        default=None, description="The words that identified the speaker."
    )
    cue: str | None = Field(default=None, description="The speech verb or marker.")
    kind: Kind = Field(
        description="direct (quoted) | indirect (content after a cue) | reported (a speech act "
        "with nominal content: `bestritt eine Beteiligung`) | free_indirect (reported speech "
        "without a cue of its own: a Konjunktiv sentence going on with a report). Scripts that "
        "know only direct and indirect read the last two as indirect."
    )
    text: str = Field(description="The statement without quote marks: article text[start:end].")
    start: int
    end: int
    claims: list[str] = Field(default_factory=list, description="Claim type ids.")
    line: int | None = Field(default=None, description="1-based line in the source file.")
    speaker_span: list[int] | None = Field(
        default=None,
        description="[start, end] character offsets of the phrase that names the speaker, as "
        "written: the whole noun phrase with attributes and appositions (`Karl Weidner, der "
        "Sprecher des Verbands`), for a source marker the phrase it governs (`nach Angaben der "
        "Polizei` -> `Angaben der Polizei`); also when `speaker` is null but a phrase was found.",
    )
    cue_spans: list[list[int]] | None = Field(
        default=None,
        description="[start, end] offsets of each piece of the cue (`wies … zurück` is two): the "
        "verb complex with auxiliary, reflexive and correlate (`hat sich dafür ausgesprochen`), "
        "for a source marker the marker word (`nach`, `laut`, `zufolge`).",
    )
    frame_span: list[int] | None = Field(
        default=None,
        description="[start, end] offsets of the attribution clause around cue and speaker, "
        "without the statement.",
    )
    addressee_span: list[int] | None = Field(
        default=None,
        description="[start, end] offsets of whom the speaker addressed (`sagte er der Zeitung`).",
    )
    hearsay: bool = Field(
        default=False,
        description="A free_indirect statement that passes on hearsay with indicative `sollen` "
        "(`Er soll geholfen haben`, or a `soll` sentence going on with a report) rather than "
        "with the Konjunktiv: what someone is said to have done or planned.",
    )
    clause_span: list[int] | None = Field(
        default=None,
        description="[start, end] offsets of the indirect clause a direct quote fills (`sagte, "
        "es sei „…“`): the clause is reported by the quote's statement, not one of its own; "
        "formats that annotate both (SpkAtt) read it.",
    )
    column: int | None = Field(
        default=None,
        exclude=True,
        description="1-based column of the statement start in its line (terminal output only: "
        "never serialised, so JSON, CSV and the cache are unchanged).",
    )


class Source(_Model):
    """A citable public source for a documented action: its real title, date and what it says."""

    publisher: str
    title: str = Field(description="The document's own title, never a description of it.")
    date: dt.date = Field(description="Date of the source (publication or adoption).")
    url: str
    month_only: bool = Field(
        default=False,
        description="Only the month of `date` is known (the day is written as 1); reports "
        "show the month.",
    )
    supports: str = Field(
        min_length=1, description="What the source supports, in one short statement."
    )


class Attribution(_Model):
    """Who asserts an action that only one party documents (for "laut …" / "according to …")."""

    de: str = Field(min_length=1, description='Dative for "laut …", e.g. "dem Generalstab".')
    en: str = Field(min_length=1, description='For "according to …".')


class Action(_Model):
    """A documented action of a state actor, from the knowledge base."""

    id: str
    actor: str
    category: str
    start: dt.date
    end: dt.date | None = None
    description_de: str
    description_en: str
    sources: list[Source] = Field(min_length=1)
    attributed_to: Attribution | None = Field(
        default=None,
        description="Set when the action is asserted by one party only (not independently "
        'documented); reports then say "laut …" / "according to …".',
    )

    @property
    def attributed(self) -> bool:
        return self.attributed_to is not None

    def description(self, lang: str) -> str:
        """The description, with "laut …" / "according to …" for an attributed action."""
        text = self.description_de if lang == "de" else self.description_en
        if self.attributed_to is None:
            return text
        if lang == "de":
            return f"{text} (laut {self.attributed_to.de})"
        return f"{text} (according to {self.attributed_to.en})"


class Evidence(_Model):
    """One piece of evidence behind a finding: a KB action or a reporter sentence of an article."""

    kind: EvidenceKind
    action_id: str = Field(description="KB action id, or the action category for corpus evidence.")
    text: str
    source: str = Field(description="Citation: publisher, title, date and URL, or the article.")
    article_id: str | None = None
    start: int | None = None
    end: int | None = None
    url: str | None = None
    category: str | None = None
    attributed_to: str | None = Field(
        default=None,
        description="For a KB action asserted by one party only: who asserts it.",
    )
    published: dt.date | None = Field(
        default=None, description="Corpus evidence: the date of the article it comes from."
    )


class Occurrence(_Model):
    """Another place in the same article where the speaker says the same (e.g. a headline)."""

    statement_id: str
    start: int
    end: int
    line: int | None = None


class Finding(_Model):
    """A statement compared with documented actions by one rule."""

    id: str
    statement_id: str
    rule_id: str
    verdict: Verdict
    actions: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    explanation: str
    severity: str | None = None
    timing: Literal["prior", "later"] | None = Field(
        default=None,
        description='"prior": the action was under way when the statement was made; '
        '"later": it started afterwards.',
    )
    claim_types: list[str] = Field(default_factory=list)
    occurrences: list[Occurrence] = Field(
        default_factory=list,
        description="Further occurrences of the same statement (same speaker, same normalised "
        "text) in the same article, e.g. headline, subtitle and body; the finding is given once, "
        "for the first occurrence (statement_id), and lists the others here.",
    )


class ErrorRecord(_Model):
    """An input that could not be analysed; the run went on without it."""

    path: str
    code: str
    message: str
    line: int | None = None


class ToolInfo(_Model):
    name: str = "claims"
    version: str


class Report(_Model):
    """The full result of a run; ``claims schema`` publishes its JSON Schema."""

    schema_version: Literal["1"] = "1"
    tool: ToolInfo
    articles: list[Article] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    errors: list[ErrorRecord] = Field(default_factory=list)
