"""Baselines for `claims check`: fingerprints survive reformatting, new findings are found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims import ids
from claims.check import (
    Baseline,
    baseline_from_report,
    compare,
    dump_baseline,
    fingerprint,
    load_baseline,
    normalise,
)
from claims.errors import InputError, InternalError
from claims.models import Article, ErrorRecord, Finding, Report, Statement, ToolInfo

QUOTE = "Belarus wird sich nicht an diesem Krieg beteiligen, niemals."


def _report(
    body: str,
    quote: str,
    *,
    speaker: str | None = "lukashenko",
    rule: str = "denial-vs-support",
    path: str = "corpus/a.txt",
    verdict: str = "contradiction",
) -> Report:
    article = Article(id=ids.article_id(body), path=path, sha256=ids.sha256_text(body), text=body)
    start = body.index(quote)
    statement = Statement(
        id=ids.statement_id(article.id, start, start + len(quote), "direct"),
        article_id=article.id,
        speaker=speaker,
        kind="direct",
        text=quote,
        start=start,
        end=start + len(quote),
    )
    finding = Finding(
        id=ids.finding_id(statement.id, rule, ["a1"]),
        statement_id=statement.id,
        rule_id=rule,
        verdict=verdict,
        actions=["a1"],
        explanation="contradicted",
    )
    return Report(
        tool=ToolInfo(version="0.1.0"),
        articles=[article],
        statements=[statement],
        findings=[finding],
    )


def _fingerprint(report: Report) -> str:
    return fingerprint(report.findings[0], report.statements[0])


BASE = _report(f"Titel\n\n„{QUOTE}“, sagte er.\n", QUOTE)


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        # extra whitespace and a line break inside the quote
        ("Titel\n\n„Belarus wird  sich nicht an diesem\nKrieg beteiligen, niemals.“\n",
         "Belarus wird  sich nicht an diesem\nKrieg beteiligen, niemals."),
        # other quote marks and typographic punctuation around the words
        ('Titel\n\n"Belarus wird sich nicht an diesem Krieg beteiligen – niemals!"\n',
         "Belarus wird sich nicht an diesem Krieg beteiligen – niemals!"),
        # moved further down (other offsets, other article id), non-breaking space, soft hyphen
        ("Neuer Vorspann.\n\nMehr Text.\n\n»Belarus wird sich nicht an die\u00adsem Krieg "
         "beteiligen,\u00a0niemals.«\n",
         "Belarus wird sich nicht an die\u00adsem Krieg beteiligen,\u00a0niemals."),
        # a different case
        ("x\n\nBELARUS wird sich nicht an diesem Krieg beteiligen, niemals.\n",
         "BELARUS wird sich nicht an diesem Krieg beteiligen, niemals."),
    ],
)  # fmt: skip
def test_fingerprint_survives_reformatting(body: str, quote: str) -> None:
    moved = _report(body, quote, path="corpus/elsewhere.txt")
    assert moved.statements[0].id != BASE.statements[0].id
    assert _fingerprint(moved) == _fingerprint(BASE)


@pytest.mark.parametrize(
    "changed",
    [
        _report(f"„{QUOTE}“", QUOTE, rule="other-rule"),
        _report(f"„{QUOTE}“", QUOTE, speaker="putin"),
        _report(f"„{QUOTE}“", QUOTE, speaker=None),
        _report("„Belarus wird sich an diesem Krieg beteiligen.“",
                "Belarus wird sich an diesem Krieg beteiligen."),
    ],
)  # fmt: skip
def test_fingerprint_differs_for_another_rule_speaker_or_wording(changed: Report) -> None:
    assert _fingerprint(changed) != _fingerprint(BASE)


def test_normalise_keeps_words_and_drops_typography() -> None:
    assert normalise("„Frieden“ – jetzt!\n") == normalise('"frieden" - JETZT')
    assert normalise("Waffenstill\u00adstand") == normalise("Waffenstillstand")
    assert normalise("Kriegs-Ende") == normalise("Kriegs – Ende")


def test_baseline_round_trip_accepts_the_findings(tmp_path: Path) -> None:
    baseline = baseline_from_report(BASE)
    assert [e.rule_id for e in baseline.findings] == ["denial-vs-support"]
    assert baseline.findings[0].article == "corpus/a.txt"
    path = tmp_path / "claims-baseline.json"
    path.write_text(dump_baseline(baseline), encoding="utf-8")
    loaded = load_baseline(path)
    assert loaded == baseline
    result = compare(BASE, loaded)
    assert (result.new, len(result.known), result.failed) == ([], 1, False)


def test_new_finding_fails_and_reformatted_one_does_not() -> None:
    baseline = baseline_from_report(BASE)
    reformatted = _report(f"Neu\n\n«{QUOTE.upper()}»\n", QUOTE.upper(), path="corpus/b.txt")
    assert not compare(reformatted, baseline).failed
    other = _report("„Wir greifen niemanden an.“", "Wir greifen niemanden an.")
    result = compare(other, baseline)
    assert result.failed
    assert [f.id for f in result.new] == [other.findings[0].id]
    assert [e.fingerprint for e in result.stale] == [baseline.findings[0].fingerprint]


def test_without_baseline_every_contradiction_is_new_but_consistent_never() -> None:
    assert len(compare(BASE, None).new) == 1
    consistent = _report(f"„{QUOTE}“", QUOTE, verdict="consistent")
    assert not compare(consistent, None).failed
    assert baseline_from_report(consistent).findings == []


def test_errors_fail_the_check() -> None:
    broken = BASE.model_copy(
        update={"errors": [ErrorRecord(path="corpus/x.txt", code="input-error", message="bad")]}
    )
    result = compare(broken, baseline_from_report(BASE))
    assert result.failed and not result.new


def test_dump_is_deterministic_and_sorted() -> None:
    first = _report("„Eins zwei drei.“", "Eins zwei drei.", path="corpus/z.txt")
    second = _report("„Vier fünf.“", "Vier fünf.", path="corpus/a.txt")
    merged = Report(
        tool=first.tool,
        articles=first.articles + second.articles,
        statements=first.statements + second.statements,
        findings=first.findings + second.findings,
    )
    text = dump_baseline(baseline_from_report(merged))
    assert text == dump_baseline(Baseline.model_validate(json.loads(text)))
    assert [e["article"] for e in json.loads(text)["findings"]] == ["corpus/a.txt", "corpus/z.txt"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "JSON object"),
        ('{"findings": [{"rule_id": "r"}]}', "findings.0.fingerprint"),
        ('{"version": 2, "findings": []}', "version 2"),
    ],
)
def test_invalid_baseline_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_baseline(path)
    assert info.value.path == str(path)


def test_missing_baseline_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found") as info:
        load_baseline(tmp_path / "nope.json")
    assert info.value.hint and "--update-baseline" in info.value.hint


def test_finding_without_statement_is_an_internal_error() -> None:
    broken = BASE.model_copy(update={"statements": []})
    with pytest.raises(InternalError):
        compare(broken, None)


def test_the_example_workflow_runs_the_check_and_uploads_sarif() -> None:
    import yaml

    root = Path(__file__).resolve().parent.parent
    workflow = yaml.safe_load((root / "docs" / "examples" / "claims.yml").read_text("utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["check"]["steps"]]
    assert "claims check corpus/ --format github" in runs
    assert any("--format sarif" in run for run in runs)
    uses = [step.get("uses", "") for step in workflow["jobs"]["check"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
