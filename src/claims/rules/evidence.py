"""Corpus evidence: reporter sentences that assert an action of some category.

Only the reporter's own voice counts: a sentence that overlaps an extracted statement is
skipped, and so is a sentence about a statement ("Das widerspricht seiner Behauptung ..."),
a match inside quote marks, a negated match ("lieferte keine Panzer") and a hedged sentence
("Beobachter befürchten, ... könnte"). Evidence is category-level: the rule engine decides
which actor a sentence speaks of (see ``claims.rules.engine``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.kb.categories import Category, load_categories
from claims.models import Article, Evidence, Statement
from claims.rules.clauses import Analysis, QuoteMask, Unit, analyse
from claims.rules.lexicon import STATEMENT_NOUNS
from claims.rules.terms import SlotMatcher
from claims.rules.tokens import Tokenizer, Tokens, shared_tokenizer

__all__ = ["CorpusEvidenceFinder", "load_categories"]


def about_a_statement(sentence: str) -> bool:
    """Whether a reporter sentence talks about a statement rather than about a deed."""
    return any(word in STATEMENT_NOUNS for word in re.findall(r"\w+", sentence.lower()))


def citation(article: Article, start: int, text: str) -> str:
    """ "Title — path:line" for a reporter sentence."""
    where = f"{article.path}:{article.line_of(start, text)}"
    return f"{article.title} — {where}" if article.title else where


class CorpusEvidenceFinder:
    """Find category evidence in articles; compiles the patterns once.

    ``tokenizer`` may be shared with other matchers (default: one per process).
    """

    def __init__(self, categories: Sequence[Category], tokenizer: Tokenizer | None = None) -> None:
        self.categories = {c.id: c for c in categories}
        self.tokenizer = tokenizer if tokenizer is not None else shared_tokenizer()
        self.matcher = SlotMatcher(
            self.tokenizer, ((c.id, c.patterns) for c in categories if c.patterns)
        )

    def find(
        self, article: Article, statements: Sequence[Statement], tokens: Tokens | None = None
    ) -> list[Evidence]:
        """Evidence in one article, in text order; ``statements`` are that article's.

        ``tokens`` are the article's (from the extractor's doc, see
        :func:`claims.rules.doc_tokens.article_tokens`); without them the text is tokenised.
        """
        text = article.text
        if not text:
            return []
        spans = [(s.start, s.end) for s in statements if s.article_id == article.id]
        if tokens is None or tokens.text != text:
            tokens = self.tokenizer(text)
        analysis = analyse(tokens)
        quoted = QuoteMask(text)
        found: dict[tuple[int, str], Evidence] = {}
        for category_id, hits in self.matcher.match(tokens, analysis).items():
            for hit in hits:
                if any(quoted[tokens.idx[i]] for i in hit):
                    continue
                if any(self._clause(analysis, i).negated for i in hit):
                    continue
                sentence = analysis.sentence_at(hit[0])
                assert sentence is not None  # every hit lies in a sentence
                if sentence.hedged:
                    continue
                start, end = tokens.start_char(sentence.start), tokens.end_char(sentence.end - 1)
                if any(s < end and start < e for s, e in spans):
                    continue
                if about_a_statement(text[start:end]):
                    continue
                found.setdefault(
                    (start, category_id),
                    Evidence(
                        kind="corpus",
                        action_id=category_id,
                        category=category_id,
                        text=text[start:end],
                        source=citation(article, start, text),
                        article_id=article.id,
                        start=start,
                        end=end,
                        url=article.url,
                        published=article.published,
                    ),
                )
        return [found[key] for key in sorted(found)]

    @staticmethod
    def _clause(analysis: Analysis, token_i: int) -> Unit:
        """The clause of a hit token; a clause break falls back to the text's last clause."""
        clause = analysis.clause_at(token_i) or analysis.last_clause()
        assert clause is not None  # a text with a hit has a clause
        return clause
