"""The rule engine in two passes over a stream of articles, with a bounded evidence index.

:func:`claims.rules.engine.evaluate` holds every statement and every reporter sentence of the
corpus. On a large archive that grows without bound, so the CLI runs the same engine in two
passes instead:

1. :meth:`StreamingEngine.add` sees each article's corpus evidence once (in input order) and
   keeps, per rule and actor, only the sentences of the first ``MAX_OTHER + 1`` articles that
   have any, at most ``MAX_OTHER`` each: a finding cites at most ``MAX_OTHER`` sentences of
   *other* articles, in corpus order, and whichever article a statement comes from, those are
   among them.
2. :meth:`StreamingEngine.findings` then checks one article's statements at a time.

The findings are the ones ``evaluate`` gives, in the same order (article by article).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import islice

from claims.models import Article, Evidence, Finding, Statement
from claims.rules.engine import MAX_OTHER, Setup, attribute, check_statement, said_once
from claims.rules.schema import Rule

#: An index key: (rule id, actor id), or (rule id, "*") for rules about any actor.
Key = tuple[str, str]


class StreamingEngine:
    """Findings article by article; memory bounded by rules x actors, not by the corpus."""

    def __init__(self, setup: Setup) -> None:
        self.setup = setup
        # category -> the rules citing it, with the category's last position in the rule
        # (where a sentence matches several categories, the later one's record is cited).
        self._rules_of: dict[str, list[tuple[Rule, int]]] = {}
        for rule in setup.rules:
            for category, rank in {c: i for i, c in enumerate(rule.categories)}.items():
                self._rules_of.setdefault(category, []).append((rule, rank))
        self._head: dict[Key, list[tuple[str, list[Evidence]]]] = {}

    def checks(self, statement: Statement) -> bool:
        """Whether any rule may apply: a speaker who speaks for an actor, and claim types."""
        return bool(statement.claims) and (statement.speaker or "") in self.setup.actors

    def attribute(self, article: Article, evidence: Sequence[Evidence]) -> list[frozenset[str]]:
        """The actors each corpus evidence of ``article`` speaks of (see ``engine.attribute``).

        ``article.text`` must still be there if pointing-back sentences should count.
        """
        return attribute(evidence, {article.id: article}, self.setup.table)

    def cites(
        self, evidence: Sequence[Evidence], named: Sequence[frozenset[str]]
    ) -> dict[Key, list[Evidence]]:
        """One article's citable sentences per key, in text order, each sentence once."""
        chosen: dict[Key, dict[int | None, tuple[int, Evidence]]] = {}
        kb_actors_of = self.setup.kb_actors_of
        for item, actors in zip(evidence, named, strict=True):
            category = item.category or item.action_id
            for rule, rank in self._rules_of.get(category, ()):
                if rule.actor == "any":
                    keys: list[Key] = [(rule.id, "*")]
                else:
                    documented = kb_actors_of.get(category)
                    keys = [
                        (rule.id, actor)
                        for actor in actors
                        if not documented or actor in documented
                    ]
                for key in keys:
                    slot = chosen.setdefault(key, {})
                    held = slot.get(item.start)
                    if held is None or rank >= held[0]:
                        slot[item.start] = (rank, item)
        return {
            key: sorted(
                (item for _, item in slot.values()),
                key=lambda e: (e.start or 0, e.category or ""),
            )
            for key, slot in chosen.items()
        }

    def add(self, article_id: str, cites: Mapping[Key, list[Evidence]]) -> None:
        """Pass 1: remember what an article may lend to findings in other articles."""
        for key, items in cites.items():
            head = self._head.setdefault(key, [])
            if len(head) <= MAX_OTHER and items:
                head.append((article_id, items[:MAX_OTHER]))

    def findings(
        self,
        article: Article,
        statements: Sequence[Statement],
        cites: Mapping[Key, list[Evidence]],
    ) -> list[Finding]:
        """Pass 2: the findings of one article's statements, in the engine's order."""

        def lookup(
            rule: Rule, actor_id: str, article_id: str
        ) -> tuple[list[Evidence], list[Evidence]]:
            key = (rule.id, "*" if rule.actor == "any" else actor_id)
            same = cites.get(key, []) if article_id == article.id else []
            head = self._head.get(key, [])
            others = (e for owner, items in head if owner != article_id for e in items)
            return same, list(islice(others, MAX_OTHER))

        found = [
            pair
            for statement in statements
            for pair in check_statement(self.setup, statement, article.published, lookup)
        ]
        found.sort(key=lambda pair: pair[0])
        return said_once([finding for _, finding in found], {s.id: s for s in statements})


def corpus_only(evidence: Sequence[Evidence]) -> list[Evidence]:
    """The reporter sentences among ``evidence`` (the ones the index works on)."""
    return [e for e in evidence if e.kind == "corpus"]
