"""Claim types (``data/claim_types.yaml``) and the tagger that assigns them to statements.

A claim type matches when one of its lemma patterns occurs in one clause of the statement and
the clause has the required polarity: a denial needs a negator in the clause (``nicht``,
``kein``, ``niemand``, ``nie``, ``auf keinen Fall``, ``weder … noch``, a negating verb such as
``ausschließen``; a negated bridge verb such as ``sich nicht vorstellen`` extends over its
``dass``/``zu`` complement), or a denying speech cue (``bestritt``, ``schloss … aus``). A
sentence with a condition (``nur … wenn``, ``lediglich … wenn``, ``falls``, ``sofern``,
``es sei denn``) turns a denial into a conditional remark, which other types pick up.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc

from claims.models import Statement
from claims.rules import lexicon
from claims.rules.clauses import Analysis, analyse
from claims.rules.loading import load_merged
from claims.rules.patterns import SlotMatcher, TermPattern, build_nlp

BUILTIN = "claim_types.yaml"


class Examples(BaseModel):
    """Statements the claim type must match (``pass``) and must not match (``fail``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    pass_: list[str] = Field(alias="pass", min_length=1)
    fail: list[str] = Field(min_length=1)


class ClaimType(BaseModel):
    """What a statement claims, told by lemma patterns plus polarity and condition."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    title_de: str | None = None
    definition: str
    patterns: list[TermPattern] = Field(min_length=1)
    polarity: Literal["negated", "affirmative", "any"] = Field(
        default="any", description="negated: a denial; affirmative: no negator in the clause."
    )
    conditional: Literal["forbid", "require", "ignore"] = Field(
        default="ignore",
        description="forbid: not in a sentence with a condition; require: only there.",
    )
    suppressed_by: list[str] = Field(
        default_factory=list, description="Claim types that, when present, cancel this one."
    )
    examples: Examples


def load_claim_types(extra: Sequence[Path] = (), replace: bool = False) -> list[ClaimType]:
    """Built-in claim types plus those of ``--rules`` files (key ``claim_types``)."""
    return load_merged(BUILTIN, ClaimType, "claim_types", extra, replace)


class ClaimTagger:
    """Tag statements with claim type ids; builds its spaCy pipeline and Matcher once."""

    def __init__(self, claim_types: Sequence[ClaimType]) -> None:
        self.claim_types = {ct.id: ct for ct in claim_types}
        self.nlp = build_nlp()
        self.matcher = SlotMatcher(self.nlp, ((ct.id, ct.patterns) for ct in claim_types))

    def tag_text(self, text: str, cue: str | None = None) -> list[str]:
        """Claim type ids of one statement text, sorted."""
        return self._tag(self.nlp(text), self._negative_cue(cue))

    def tag(self, statements: Sequence[Statement]) -> list[Statement]:
        """Copies of the statements with ``claims`` set."""
        docs = self.nlp.pipe(s.text for s in statements)
        return [
            s.model_copy(update={"claims": self._tag(doc, self._negative_cue(s.cue))})
            for s, doc in zip(statements, docs, strict=True)
        ]

    def _negative_cue(self, cue: str | None) -> bool:
        if not cue:
            return False
        keys = {k for token in self.nlp(cue) for k in token._.claims_keys}
        return bool(keys & lexicon.NEGATIVE_CUES)

    def _tag(self, doc: Doc, negative_cue: bool) -> list[str]:
        analysis = analyse(doc)
        hits = self.matcher.match(doc, analysis)
        found = {
            ct_id
            for ct_id, matches in hits.items()
            if any(
                self._accepts(self.claim_types[ct_id], analysis, m, negative_cue) for m in matches
            )
        }
        return sorted(
            ct_id for ct_id in found if not set(self.claim_types[ct_id].suppressed_by) & found
        )

    @staticmethod
    def _accepts(ct: ClaimType, analysis: Analysis, tokens: list[int], negative_cue: bool) -> bool:
        clauses = {analysis.clause_of(i) for i in tokens}
        negated = negative_cue or any(analysis.clauses[c].negated for c in clauses if c >= 0)
        sentence = analysis.sentence_of(tokens[0])
        conditional = sentence >= 0 and analysis.sentences[sentence].conditional
        if ct.polarity == "negated" and not negated:
            return False
        if ct.polarity == "affirmative" and negated:
            return False
        if ct.conditional == "forbid" and conditional:
            return False
        return not (ct.conditional == "require" and not conditional)
