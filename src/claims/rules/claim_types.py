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

from claims.models import Statement
from claims.rules.clauses import Analysis, analyse
from claims.rules.doc_tokens import span_tokens
from claims.rules.lexicon import NEGATIVE_CUES
from claims.rules.loading import load_merged
from claims.rules.terms import SlotMatcher, TermPattern
from claims.rules.tokens import Tokenizer, Tokens, shared_tokenizer

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
    """Tag statements with claim type ids; compiles the patterns once.

    ``tokenizer`` may be shared with other matchers (default: one per process).
    """

    def __init__(
        self, claim_types: Sequence[ClaimType], tokenizer: Tokenizer | None = None
    ) -> None:
        self.claim_types = {ct.id: ct for ct in claim_types}
        self.tokenizer = tokenizer if tokenizer is not None else shared_tokenizer()
        self.matcher = SlotMatcher(self.tokenizer, ((ct.id, ct.patterns) for ct in claim_types))
        self._cues: dict[str, bool] = {}

    def tag_text(self, text: str, cue: str | None = None) -> list[str]:
        """Claim type ids of one statement text, sorted."""
        return self._tag(self.tokenizer(text), cue)

    def tag(
        self, statements: Sequence[Statement], article: Tokens | None = None
    ) -> list[Statement]:
        """Copies of the statements with ``claims`` set.

        ``article`` are the tokens of the statements' article (from the extractor's doc, see
        :func:`claims.rules.doc_tokens.article_tokens`): a statement's tokens are then taken
        from them instead of tokenising its text again.
        """
        return [
            s.model_copy(update={"claims": self._tag(self._tokens(s, article), s.cue)})
            for s in statements
        ]

    def _tokens(self, statement: Statement, article: Tokens | None) -> Tokens:
        text = article.text if article is not None else ""
        if article is None or text[statement.start : statement.end] != statement.text:
            return self.tokenizer(statement.text)
        return span_tokens(self.tokenizer, article, text, statement.start, statement.end)

    def _negative_cue(self, cue: str | None) -> bool:
        if not cue:
            return False
        negative = self._cues.get(cue)
        if negative is None:
            tokens = self.tokenizer(cue)
            keys = {k for i in range(len(tokens)) for k in tokens.keys(i)}
            negative = self._cues[cue] = bool(keys & NEGATIVE_CUES)
        return negative

    def _tag(self, tokens: Tokens, cue: str | None) -> list[str]:
        analysis = analyse(tokens)
        hits = self.matcher.match(tokens, analysis)
        if not hits:
            return []
        negative_cue = self._negative_cue(cue)
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
        if ct.polarity == "affirmative" and _in_question(analysis, tokens):
            return False  # "beobachten, ob Belarus Unterstützung anbietet": nothing asserted
        if ct.polarity != "any":
            negated = negative_cue or any(
                clause is not None and clause.negated
                for clause in (analysis.clause_at(i) for i in tokens)
            )
            if negated != (ct.polarity == "negated"):
                return False
        if ct.conditional != "ignore":
            sentence = analysis.sentence_at(tokens[0])
            conditional = sentence is not None and sentence.conditional
            if conditional != (ct.conditional == "require"):
                return False
        return True


def _in_question(analysis: Analysis, tokens: list[int]) -> bool:
    """The match stands in an embedded question (a clause opened by ``ob``)."""
    clause = analysis.clause_at(tokens[0])
    if clause is None:
        return False
    lexes = analysis.tokens.lexes
    first = next(
        (i for i in range(clause.start, clause.end) if not lexes[i].is_punct), clause.start
    )
    return lexes[first].lower == "ob"
