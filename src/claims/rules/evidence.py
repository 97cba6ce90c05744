"""Corpus evidence: reporter sentences that assert an action of some category.

Only the reporter's own voice counts: a sentence that overlaps an extracted statement is
skipped, and so is a match inside quote marks, a negated match ("lieferte keine Panzer") and a
hedged sentence ("Beobachter befürchten, ... könnte"). Evidence is category-level: the rule
engine decides which actor a sentence speaks of (see ``claims.rules.engine``).
"""

from __future__ import annotations

from collections.abc import Sequence

from claims.kb.categories import Category, load_categories
from claims.models import Article, Evidence, Statement
from claims.rules.clauses import analyse, quoted_mask
from claims.rules.patterns import SlotMatcher, build_nlp

__all__ = ["CorpusEvidenceFinder", "load_categories"]


def citation(article: Article, start: int, text: str) -> str:
    """ "Title — path:line" for a reporter sentence."""
    where = f"{article.path}:{article.line_of(start, text)}"
    return f"{article.title} — {where}" if article.title else where


class CorpusEvidenceFinder:
    """Find category evidence in articles; builds its pipeline and Matcher once."""

    def __init__(self, categories: Sequence[Category]) -> None:
        self.categories = {c.id: c for c in categories}
        self.nlp = build_nlp()
        self.matcher = SlotMatcher(self.nlp, ((c.id, c.patterns) for c in categories if c.patterns))

    def find(self, article: Article, statements: Sequence[Statement]) -> list[Evidence]:
        """Evidence in one article, in text order; ``statements`` are that article's."""
        text = article.text
        if not text:
            return []
        spans = [(s.start, s.end) for s in statements if s.article_id == article.id]
        quoted = quoted_mask(text)
        doc = self.nlp(text)
        analysis = analyse(doc)
        found: dict[tuple[int, str], Evidence] = {}
        for category_id, hits in self.matcher.match(doc, analysis).items():
            for tokens in hits:
                if any(quoted[doc[i].idx] for i in tokens):
                    continue
                if any(analysis.clauses[analysis.clause_of(i)].negated for i in tokens):
                    continue
                sentence = analysis.sentences[analysis.sentence_of(tokens[0])]
                if sentence.hedged:
                    continue
                span = doc[sentence.start : sentence.end]
                start, end = span.start_char, span.end_char
                if any(s < end and start < e for s, e in spans):
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
                    ),
                )
        return [found[key] for key in sorted(found)]
