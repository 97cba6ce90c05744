"""`claims check` output: text, JSON, GitHub workflow commands and SARIF 2.1.0."""

from __future__ import annotations

import json
from typing import Any

from claims.check import CHECK_FORMATS, baseline_from_report, compare
from claims.models import Finding, Report
from claims.report.checks import render_check
from claims.report.github import escape_data, escape_property


def _new_and_known(report: Report) -> Report:
    """The report plus a second contradiction (Iwan Petrow's statement) not in the baseline."""
    other = next(s for s in report.statements if s.speaker and s.speaker.startswith("other:"))
    extra = Finding(
        id="f-extra",
        statement_id=other.id,
        rule_id="denial-vs-support",
        verdict="contradiction",
        actions=["by-territory-for-invasion-2022"],
        explanation="Troops were at the border (50% of units), 2022:\nsee KB",
    )
    return report.model_copy(update={"findings": [*report.findings, extra]})


def test_text_lists_new_findings_and_errors_with_locations(report: Report) -> None:
    baseline = baseline_from_report(report)
    result = compare(_new_and_known(report), baseline)
    assert [f.id for f in result.new] == ["f-extra"] and len(result.known) == 1
    text = render_check(result, "text")
    lines = text.splitlines()
    assert lines[0].startswith("corpus/b.txt:3: denial-vs-support: other:Iwan <Petrow>: “- Es gibt")
    assert lines[1] == "corpus/broken.txt:3: input-error: not UTF-8 | <b>"
    assert "new contradictions (not in the baseline): 1" in text
    assert "known contradictions (accepted in the baseline): 1" in text
    assert "claims check failed" in text


def test_text_passes_when_everything_is_accepted(report: Report) -> None:
    clean = report.model_copy(update={"errors": []})
    text = render_check(compare(clean, baseline_from_report(clean)), "text", lang="de")
    assert text.splitlines()[-1] == "claims check bestanden"


def test_json_result(report: Report) -> None:
    result = compare(_new_and_known(report), baseline_from_report(report))
    data = json.loads(render_check(result, "json"))
    assert data["failed"] is True
    assert [n["finding_id"] for n in data["new"]] == ["f-extra"]
    assert data["new"][0]["fingerprint"] == result.fingerprints["f-extra"]
    assert data["new"][0]["path"] == "corpus/b.txt" and data["new"][0]["line"] == 3
    assert len(data["known"]) == 1 and data["errors"][0]["path"] == "corpus/broken.txt"


def test_github_annotations_are_escaped(report: Report) -> None:
    odd = report.errors[0].model_copy(update={"path": "corpus/a,b:c.txt"})
    result = compare(_new_and_known(report).model_copy(update={"errors": [odd]}), None)
    lines = render_check(result, "github").splitlines()
    warnings = [line for line in lines if line.startswith("::warning ")]
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(warnings) == 2 and len(errors) == 1
    assert warnings[0].startswith("::warning file=corpus/a.txt,line=3,")
    assert "title=claims%3A denial-vs-support::" in warnings[0]
    assert "(50%25 of units), 2022: see KB" in warnings[1]
    assert errors[0].startswith(
        "::error file=corpus/a%2Cb%3Ac.txt,line=3,title=claims%3A input-error::"
    )
    # Every line is either a command or plain summary text: no injected commands.
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 3


def test_github_escaping_rules() -> None:
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def _sarif(report: Report) -> dict[str, Any]:
    result = compare(_new_and_known(report), baseline_from_report(report))
    return json.loads(render_check(result, "sarif", rules={"unused-rule": "A rule that ran"}))


def test_sarif_structure(report: Report) -> None:
    sarif = _sarif(report)
    assert sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    (run,) = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "claims" and driver["version"] == "0.1.0"
    rules = {r["id"]: r for r in driver["rules"]}
    assert {"denial-vs-support", "unused-rule", "input-error"} <= set(rules)
    for rule in driver["rules"]:
        for key in ("name", "shortDescription", "fullDescription", "help"):
            assert rule[key], (rule["id"], key)
    assert rules["unused-rule"]["shortDescription"]["text"] == "A rule that ran"
    results = run["results"]
    # the new finding, the error, then the known finding as a suppressed result
    assert [r["level"] for r in results] == ["warning", "error", "warning"]
    assert ["suppressions" in r for r in results] == [False, False, True]
    (suppression,) = results[2]["suppressions"]
    assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert suppression["justification"] and results[2]["baselineState"] == "unchanged"
    finding = results[0]
    assert driver["rules"][finding["ruleIndex"]]["id"] == finding["ruleId"]
    assert finding["baselineState"] == "new"
    assert finding["message"]["text"]
    location = finding["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "corpus/b.txt"
    region = location["region"]
    assert region["startLine"] == 3 and region["startColumn"] == 1
    assert region["snippet"]["text"].startswith("- Es gibt keine Truppen")
    assert finding["partialFingerprints"]["claimsFingerprint/v1"].startswith("v1:")
    assert run["properties"]["knownFindings"] == 1


def test_sarif_columns_point_at_the_quote(report: Report) -> None:
    result = compare(report, None)
    sarif = json.loads(render_check(result, "sarif"))
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    article = next(a for a in report.articles if a.path == "corpus/a.txt")
    statement = next(s for s in report.statements if s.speaker == "lukashenko")
    assert article.text is not None
    line = article.text.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 :].startswith(statement.text.splitlines()[0])


def test_every_check_format_is_deterministic(report: Report) -> None:
    result = compare(_new_and_known(report), baseline_from_report(report))
    for fmt in CHECK_FORMATS:
        assert render_check(result, fmt) == render_check(result, fmt), fmt
