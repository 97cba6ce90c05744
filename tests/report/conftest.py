"""Hand-built reports for the formatter tests: small, complete, and full of hostile user text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from claims import ids
from claims.models import (
    Action,
    Article,
    ErrorRecord,
    Evidence,
    Finding,
    Report,
    Source,
    Statement,
    ToolInfo,
)

# Statement texts: (speaker, kind, cue, text, claims)
LUKASHENKO_DENIAL = (
    "Belarus wird sich *niemals* an diesem Krieg beteiligen | # heading\n"
    "<script>alert(1)</script> und [bold]x[/bold] `rm -rf`"
)
PUTIN_TEXT = "Die Zusammenarbeit mit Minsk ist [red]eng[/red] & 1. gut"
OTHER_TEXT = "- Es gibt keine Truppen an der Grenze"
UNKNOWN_TEXT = "Niemand weiß <b>etwas</b> Genaues"
HOSTILE_TITLE = "Lukaschenko: *Kein* Krieg | [bold]Minsk[/bold] <script>x</script>\n# Titel"


def _article(path: str, title: str, body: list[str], published: dt.date | None) -> Article:
    text = "\n\n".join(body) + "\n"
    return Article(
        id=ids.article_id(text),
        path=path,
        title=title,
        published=published,
        source="Beispiel-Zeitung `Online`",
        sha256=ids.sha256_text(text),
        url="https://example.org/artikel?id=1&x=(2)",
        text=text,
    )


def _statement(
    article: Article, text: str, speaker: str | None, kind: str, claims: list[str]
) -> Statement:
    assert article.text is not None
    start = article.text.index(text)
    end = start + len(text)
    return Statement(
        id=ids.statement_id(article.id, start, end, kind),
        article_id=article.id,
        speaker=speaker,
        speaker_mention="der Präsident" if speaker else None,
        cue="sagte",
        kind=kind,
        text=text,
        start=start,
        end=end,
        claims=claims,
        line=article.line_of(start, article.text),
    )


ACTION = Action(
    id="by-territory-for-invasion-2022",
    actor="belarus",
    category="military-support",
    start=dt.date(2022, 2, 24),
    end=None,
    description_de="Belarus stellte sein Gebiet für den Angriff zur Verfügung | <i>x</i>",
    description_en="Belarus let Russian forces attack from its territory | <i>x</i>",
    sources=[
        Source(
            publisher="Example News",
            title="Troops crossed [from] Belarus",
            date=dt.date(2022, 2, 24),
            url="https://example.com/a(b)c",
            supports="Troops crossed from Belarus.",
        ),
        Source(
            publisher="Bad Link",
            title="Script",
            date=dt.date(2022, 2, 25),
            url="javascript:alert(1)",
            supports="Nothing.",
        ),
    ],
)


def make_report() -> Report:
    first = _article(
        "corpus/a.txt",
        HOSTILE_TITLE,
        [
            "Lukaschenko sprach in Minsk.",
            f"„{LUKASHENKO_DENIAL}“, sagte Lukaschenko.",
            "Russische Truppen griffen von Belarus aus an.",
            f"Putin sagte: „{PUTIN_TEXT}“",
        ],
        dt.date(2022, 12, 19),
    )
    second = _article(
        "corpus/b.txt",
        "Zweiter Artikel",
        [
            "Ein Sprecher äußerte sich.",
            f"{OTHER_TEXT}, sagte Iwan Petrow.",
            f"„{UNKNOWN_TEXT}“, hieß es.",
        ],
        None,
    )
    lukashenko = _statement(first, LUKASHENKO_DENIAL, "lukashenko", "direct", ["denial"])
    putin = _statement(first, PUTIN_TEXT, "putin", "direct", ["cooperation"])
    other = _statement(second, OTHER_TEXT, "other:Iwan <Petrow>", "indirect", ["denial"])
    unknown = _statement(second, UNKNOWN_TEXT, None, "direct", [])
    assert first.text is not None
    corpus_sentence = "Russische Truppen griffen von Belarus aus an."
    corpus_start = first.text.index(corpus_sentence)
    contradiction = Finding(
        id=ids.finding_id(lukashenko.id, "denial-vs-support", [ACTION.id]),
        statement_id=lukashenko.id,
        rule_id="denial-vs-support",
        verdict="contradiction",
        actions=[ACTION.id],
        evidence=[
            Evidence(
                kind="kb",
                action_id=ACTION.id,
                text=ACTION.description_en,
                source="Example News, Troops crossed [from] Belarus, 2022-02-24",
                url="https://example.com/a(b)c",
            ),
            Evidence(
                kind="corpus",
                action_id="military-support",
                text=corpus_sentence,
                source=f"{HOSTILE_TITLE} (corpus/a.txt)",
                article_id=first.id,
                start=corpus_start,
                end=corpus_start + len(corpus_sentence),
            ),
        ],
        explanation="Denies involvement while [b]the territory[/b] was used | see *source*",
        severity="high",
        timing="prior",
        claim_types=["denial"],
    )
    consistent = Finding(
        id=ids.finding_id(putin.id, "cooperation-consistent", []),
        statement_id=putin.id,
        rule_id="cooperation-consistent",
        verdict="consistent",
        explanation="Cooperation is documented.",
        claim_types=["cooperation"],
    )
    error = ErrorRecord(
        path="corpus/broken.txt", code="input-error", message="not UTF-8 | <b>", line=3
    )
    return Report(
        tool=ToolInfo(version="0.1.0"),
        articles=[second, first],  # deliberately unsorted
        statements=[other, unknown, lukashenko, putin],
        findings=[contradiction, consistent],
        errors=[error],
    )


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture
def report_factory() -> Callable[[], Report]:
    return make_report


@pytest.fixture
def action() -> Action:
    return ACTION
