"""The rule engine: statements + documented actions + corpus evidence + rules -> findings.

``evaluate`` is a pure function. For each statement of a speaker who speaks for a state actor,
each rule whose claim types the statement carries compares it with that actor's actions in the
rule's categories:

* the statement date is its article's ``published`` date; actions that had started by then give
  a finding with timing ``"prior"``, actions that started later a separate finding with timing
  ``"later"`` (contradiction rules only, one severity level lower);
* an article without a date is compared with every action, in one finding with timing ``None``
  whose explanation says that the date is unknown;
* corpus evidence (reporter sentences) of the rule's categories is cited after the KB actions,
  the statement's own article first, each sentence once. A sentence counts for an actor when
  it names the actor (``Actor.names``), or the sentence before does and this one points back
  to it ("er", "dort", "seine"); and, if the knowledge base documents actions of that category
  at all, only for actors that have one. A finding needs at least one KB action or one
  reporter sentence of the statement's own article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby, islice
from typing import TYPE_CHECKING, Literal

from claims.ids import finding_id, normalise
from claims.models import Action, Article, Evidence, Finding, Occurrence, Source, Statement
from claims.rules.lexicon import ANAPHORS
from claims.rules.schema import Actor, Rule

if TYPE_CHECKING:
    from claims.kb.categories import Category

Timing = Literal["prior", "later"] | None

_SEVERITY_LOWER = {"high": "medium", "medium": "low", "low": "low"}
_TIMING_ORDER: dict[Timing, int] = {"prior": 0, None: 1, "later": 2}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MAX_LISTED = 2
MAX_OTHER = 3  # reporter sentences cited from other articles: enough to corroborate, not a dump

_WORDS = {
    "en": {
        "unknown": "date unknown",
        "since": "since",
        "more": "and {n} further documented actions",
        "article_reports": "the article reports: “{text}”",
        "also_reports": " The article itself reports: “{text}”.",
        "undated": " (The article has no date, so every documented action was compared.)",
        "attributed_only": " Every documented action cited here is asserted by one party only.",
    },
    "de": {
        "unknown": "Datum unbekannt",
        "since": "seit",
        "more": "und {n} weitere belegte Handlungen",
        "article_reports": "der Artikel berichtet: „{text}“",
        "also_reports": " Der Artikel selbst berichtet: „{text}“.",
        "undated": " (Der Artikel ist undatiert; verglichen wurde mit allen belegten Handlungen.)",
        "attributed_only": " Alle hier genannten Handlungen werden nur von einer Seite behauptet.",
    },
}


def format_date(date: dt.date, lang: str) -> str:
    if lang == "de":
        return f"{date.day:02d}.{date.month:02d}.{date.year}"
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def cite(source: Source) -> str:
    """ "Publisher: Title (date) URL"."""
    date = f" ({source.date.isoformat()})" if source.date else ""
    return f"{source.publisher}: {source.title}{date} {source.url}"


def short_cite(source: Source) -> str:
    title = source.title.split(":")[0].strip("[] ")
    if len(title) > 60:
        title = title[:57].rstrip() + "…"
    return f"{source.publisher}, {title}"


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=256)
def _terms_regex(terms: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for term in terms:
        core = re.escape(term.strip("*").lower())
        left = r"\w*" if term.startswith("*") else ""
        right = r"\w*" if term.endswith("*") else ""
        parts.append(rf"(?<!\w){left}{core}{right}(?!\w)")
    return re.compile("|".join(parts) or r"(?!)")


@lru_cache(maxsize=1)
def _builtin_categories() -> tuple[Category, ...]:
    from claims.kb.categories import load_categories

    return tuple(load_categories())


@lru_cache(maxsize=1)
def _builtin_actors() -> tuple[Actor, ...]:
    from claims.rules.loader import load_actor_info

    return tuple(load_actor_info())


def _actor_table(actors: Mapping[str, str], info: Sequence[Actor] | None) -> dict[str, Actor]:
    table = {a.id: a for a in (info if info is not None else _builtin_actors())}
    for actor_id in set(actors.values()) - set(table):
        table[actor_id] = Actor(
            id=actor_id, name_de=actor_id, name_en=actor_id, names=[actor_id.lower()]
        )
    return table


def _previous_sentence(text: str, start: int) -> str:
    """The sentence before offset ``start`` (a rough cut at . ! ? and paragraph ends)."""
    before = text[max(0, start - 600) : start].rstrip()
    cut = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n"), before.rfind("! "))
    return before[cut + 1 :] if cut >= 0 else before


def attribute(
    evidence: Sequence[Evidence], articles: Mapping[str, Article], table: Mapping[str, Actor]
) -> list[frozenset[str]]:
    """The actors each corpus evidence speaks of: named in its sentence, or in the sentence
    before when the sentence points back to it (a pronoun, "dort")."""
    patterns = {a.id: _terms_regex(tuple(a.names or [a.id])) for a in table.values()}
    result = []
    for item in evidence:
        lowered = item.text.lower()
        named = {a for a, rx in patterns.items() if rx.search(lowered)}
        article = articles.get(item.article_id or "")
        words = set(re.findall(r"\w+", lowered))
        if words & ANAPHORS and article is not None and article.text:
            before = _previous_sentence(article.text, item.start or 0).lower()
            named |= {a for a, rx in patterns.items() if rx.search(before)}
        result.append(frozenset(named))
    return result


@dataclass(frozen=True)
class Setup:
    """What the engine derives once from the knowledge base, the rules and the actors."""

    rules: tuple[Rule, ...]
    actors: Mapping[str, str]
    table: Mapping[str, Actor]
    names: Mapping[str, str]
    lang: str
    by_actor_cat: Mapping[tuple[str, str], list[Action]]
    kb_actors_of: Mapping[str, set[str]]
    only_for: Mapping[str, frozenset[str]] = field(default_factory=dict)
    not_with: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def categories_for(self, rule: Rule, claims: set[str]) -> list[str]:
        """The rule's categories that answer these claim types (``Category.only_for`` and
        ``Category.not_with``)."""
        claimed = claims & set(rule.claim_types)
        return [
            c
            for c in rule.categories
            if (not self.only_for.get(c) or claimed & self.only_for[c])
            and not claims & self.not_with.get(c, frozenset())
        ]


def prepare(
    actions: Sequence[Action],
    rules: Sequence[Rule],
    actors: Mapping[str, str],
    *,
    lang: str = "en",
    actor_info: Sequence[Actor] | None = None,
    speaker_names: Mapping[str, str] | None = None,
    categories: Sequence[Category] | None = None,
) -> Setup:
    """Index the actions by actor and category and resolve actor and speaker names.

    ``categories`` (default: the built-in ones) say which claim types a category answers."""
    table = _actor_table(actors, actor_info)
    names = {s: n for a in table.values() for s, n in a.speaker_names.items()}
    names.update(speaker_names or {})
    by_actor_cat: dict[tuple[str, str], list[Action]] = defaultdict(list)
    kb_actors_of: dict[str, set[str]] = defaultdict(set)
    for action in sorted(actions, key=lambda a: (a.start, a.id)):
        by_actor_cat[(action.actor, action.category)].append(action)
        by_actor_cat[("*", action.category)].append(action)
        kb_actors_of[action.category].add(action.actor)
    if categories is None:
        categories = _builtin_categories()
    only_for = {c.id: frozenset(c.only_for) for c in categories if c.only_for}
    not_with = {c.id: frozenset(c.not_with) for c in categories if c.not_with}
    return Setup(
        tuple(rules), actors, table, names, "de" if lang == "de" else "en",
        by_actor_cat, kb_actors_of, only_for, not_with,
    )  # fmt: skip


#: ``cites(rule, actor_id, article_id) -> (own article's sentences, other articles' sentences)``
Cites = Callable[[Rule, str, str], tuple[list[Evidence], list[Evidence]]]
#: Sort key of a finding within its article: statement start, rule id, timing.
LocalKey = tuple[int, str, int]


def evaluate(
    statements: Sequence[Statement],
    articles: Sequence[Article],
    actions: Sequence[Action],
    evidence: Sequence[Evidence],
    rules: Sequence[Rule],
    actors: Mapping[str, str],
    *,
    lang: str = "en",
    actor_info: Sequence[Actor] | None = None,
    speaker_names: Mapping[str, str] | None = None,
    categories: Sequence[Category] | None = None,
) -> list[Finding]:
    """Findings for the statements, sorted by article order, statement start and rule id.

    ``actors`` maps speaker ids to actor ids; statements of other speakers are not checked.
    ``actor_info`` gives actor names and the words that attribute reporter sentences (default:
    the built-in ``actors.yaml``); ``speaker_names`` overrides how speakers are named.
    Everything is held in memory; :mod:`claims.rules.streaming` gives the same findings
    article by article with a bounded index.
    """
    setup = prepare(
        actions, rules, actors, lang=lang, actor_info=actor_info, speaker_names=speaker_names,
        categories=categories,
    )  # fmt: skip
    by_article = {a.id: a for a in articles}
    order = {a.id: i for i, a in enumerate(articles)}

    corpus = [e for e in evidence if e.kind == "corpus"]
    corpus_by_cat: dict[str, list[tuple[Evidence, frozenset[str]]]] = defaultdict(list)
    for item, named in zip(corpus, attribute(corpus, by_article, setup.table), strict=True):
        corpus_by_cat[item.category or item.action_id].append((item, named))

    cited_index: dict[tuple[str, str], tuple[dict[str, list[Evidence]], list[Evidence]]] = {}

    def cites(rule: Rule, actor_id: str, article_id: str) -> tuple[list[Evidence], list[Evidence]]:
        index_key = (rule.id, actor_id)
        if index_key not in cited_index:
            cited_index[index_key] = _cite_index(
                rule, actor_id, corpus_by_cat, setup.kb_actors_of, order
            )
        per_article, everywhere = cited_index[index_key]
        others = islice((e for e in everywhere if e.article_id != article_id), MAX_OTHER)
        return per_article.get(article_id, []), list(others)

    findings: list[tuple[tuple[int, int, str, int], Finding]] = []
    for statement in statements:
        article = by_article.get(statement.article_id)
        date = article.published if article else None
        position = order.get(statement.article_id, len(order))
        for key, finding in check_statement(setup, statement, date, cites):
            findings.append(((position, *key), finding))
    ordered = [f for _, f in sorted(findings, key=lambda pair: pair[0])]
    by_id = {s.id: s for s in statements}
    merged: list[Finding] = []
    for _, group in groupby(ordered, key=lambda f: by_id[f.statement_id].article_id):
        merged += said_once(list(group), by_id)
    return merged


def said_once(findings: Sequence[Finding], statements: Mapping[str, Statement]) -> list[Finding]:
    """One finding per distinct statement of a speaker in an article (``findings`` are one
    article's, in order): a statement repeated word for word (after normalisation: case, quote
    marks, punctuation) - a headline, a subtitle and the body - keeps the finding of its first
    occurrence, which lists the others in ``occurrences``."""
    first: dict[tuple[str, str, str, str], Finding] = {}
    kept: list[Finding] = []
    for finding in findings:
        statement = statements[finding.statement_id]
        key = (statement.speaker or "", normalise(statement.text), finding.rule_id,
               finding.timing or "")  # fmt: skip
        head = first.get(key)
        if head is None:
            first[key] = finding
            kept.append(finding)
        elif head.statement_id != finding.statement_id:
            head.occurrences.append(
                Occurrence(
                    statement_id=statement.id,
                    start=statement.start,
                    end=statement.end,
                    line=statement.line,
                )
            )
    return kept


def check_statement(
    setup: Setup, statement: Statement, date: dt.date | None, cites: Cites
) -> Iterator[tuple[LocalKey, Finding]]:
    """The findings of one statement with their sort key within the article."""
    actor_id = setup.actors.get(statement.speaker or "")
    if actor_id is None or not statement.claims:
        return
    for rule in setup.rules:
        claims = set(statement.claims)
        if not claims & set(rule.claim_types) or claims & set(rule.unless_claims):
            continue
        if rule.requires_terms and not _terms_regex(tuple(rule.requires_terms)).search(
            statement.text.lower()
        ):
            continue
        key = "*" if rule.actor == "any" else actor_id
        answering = setup.categories_for(rule, claims)
        rank = {c: i for i, c in enumerate(answering)}
        candidates = sorted(
            {a.id: a for c in answering for a in setup.by_actor_cat.get((key, c), [])}.values(),
            key=lambda a: (rank[a.category], a.start, a.id),
        )
        same, others = cites(rule, actor_id, statement.article_id)
        if len(answering) < len(rule.categories):
            same = [e for e in same if (e.category or e.action_id) in rank]
            others = [e for e in others if (e.category or e.action_id) in rank]
        groups: list[tuple[Timing, list[Action]]]
        if date is None:
            groups = [(None, candidates)]
        else:
            groups = [
                ("prior", [a for a in candidates if a.start <= date]),
                ("later", [a for a in candidates if a.start > date]),
            ]
        for timing, acts in groups:
            if timing == "later" and (rule.verdict != "contradiction" or not acts):
                continue
            if timing != "later" and not acts and not same:
                continue
            finding = _finding(
                statement, rule, timing, acts,
                same if timing != "later" else [],
                others if timing != "later" else [],
                setup.table[actor_id], setup.names, date, setup.lang,
            )  # fmt: skip
            yield (statement.start, rule.id, _TIMING_ORDER[timing]), finding


def _cite_index(
    rule: Rule,
    actor_id: str,
    corpus_by_cat: Mapping[str, list[tuple[Evidence, frozenset[str]]]],
    kb_actors_of: Mapping[str, set[str]],
    order: Mapping[str, int],
) -> tuple[dict[str, list[Evidence]], list[Evidence]]:
    """Reporter sentences a rule may cite for an actor: by article, and all in corpus order.

    Built once per (rule, actor), so the engine stays linear in the number of statements.
    """
    cited = {
        (item.article_id, item.start): item
        for c in rule.categories
        for item, named in corpus_by_cat.get(c, [])
        if rule.actor == "any"
        or (actor_id in named and (not kb_actors_of.get(c) or actor_id in kb_actors_of[c]))
    }.values()
    per_article: dict[str, list[Evidence]] = defaultdict(list)
    for item in cited:
        per_article[item.article_id or ""].append(item)
    for items in per_article.values():
        items.sort(key=lambda e: (e.start or 0, e.category or ""))
    everywhere = sorted(
        cited, key=lambda e: (order.get(e.article_id or "", len(order)), e.start or 0)
    )
    return dict(per_article), everywhere


def _finding(
    statement: Statement,
    rule: Rule,
    timing: Timing,
    acts: Sequence[Action],
    same: Sequence[Evidence],
    others: Sequence[Evidence],
    actor: Actor,
    names: Mapping[str, str],
    date: dt.date | None,
    lang: str,
) -> Finding:
    words = _WORDS[lang]
    kb = [
        Evidence(
            kind="kb",
            action_id=a.id,
            text=a.description(lang),
            source=" | ".join(cite(s) for s in a.sources),
            url=a.sources[0].url,
            category=a.category,
            attributed_to=(None if a.attributed_to is None else getattr(a.attributed_to, lang)),
        )
        for a in acts
    ]
    listed = [
        f"{e.text} ({words['since']} {format_date(a.start, lang)}; {short_cite(a.sources[0])})"
        for a, e in zip(acts[:_MAX_LISTED], kb[:_MAX_LISTED], strict=True)
    ]
    if len(acts) > _MAX_LISTED:
        listed.append(words["more"].format(n=len(acts) - _MAX_LISTED))
    if listed:
        actions_text = "; ".join(listed)
    else:
        actions_text = words["article_reports"].format(text=_shorten(same[0].text))
    template = (
        rule.explanation_later if timing == "later" and rule.explanation_later else rule.explanation
    ).get(lang)
    speaker = statement.speaker or ""
    values = {
        "speaker": names.get(speaker, speaker.split(":")[-1].title()),
        "actor": actor.name(lang),
        "date": format_date(date, lang) if date else words["unknown"],
        "actions": actions_text,
        "since": format_date(acts[0].start, lang) if acts else words["unknown"],
        "quote": _shorten(statement.text, 120),
    }
    explanation = template.format_map(values)
    if listed and same:
        explanation += words["also_reports"].format(text=_shorten(same[0].text))
    if acts and all(a.attributed for a in acts) and not same:
        explanation += words["attributed_only"]
    if date is None:
        explanation += words["undated"]
    action_ids = [a.id for a in acts]
    severity = rule.severity if timing != "later" else _SEVERITY_LOWER[rule.severity]
    return Finding(
        id=finding_id(statement.id, rule.id, action_ids),
        statement_id=statement.id,
        rule_id=rule.id,
        verdict=rule.verdict,
        actions=action_ids,
        evidence=[*kb, *same, *others],
        explanation=explanation,
        severity=severity,
        timing=timing,
        claim_types=sorted(set(statement.claims) & set(rule.claim_types)),
    )
