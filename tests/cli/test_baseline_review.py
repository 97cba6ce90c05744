"""The baseline as a reviewer's record (issues #16.1 and #17): updates never lose reviewed entries
outside the run, refuse on broken articles unless forced, say what changed; findings are accepted
or marked false positive one by one, with reason, who and when; stale entries are reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.errors import ExitCode

CONTRADICTING = """\
---
title: Lukaschenko bestreitet Waffenlieferungen an Moskau
published: 2023-05-10
---
Lukaschenko bestreitet Waffenlieferungen an Moskau

Minsk – Der belarussische Machthaber Alexander Lukaschenko hat am Dienstag jede Beteiligung
seines Landes am Krieg gegen die Ukraine bestritten.

„Wir liefern keine Waffen an Russland, und wir schicken keine Soldaten in die Ukraine“, sagte
Lukaschenko vor ausländischen Journalisten in Minsk.
"""

ARTICLES = ("000_5b23b2942ce73acf.txt", "002_7c65917f404e4067.txt")


@pytest.fixture()
def repo(corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus repository: corpus/ with three contradicting articles, run from its root."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ARTICLES:
        shutil.copy(corpus_dir / name, corpus / name)
    (corpus / "new.txt").write_text(CONTRADICTING, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def entries(repo: Path) -> list[dict[str, Any]]:
    data = json.loads((repo / "claims-baseline.json").read_text(encoding="utf-8"))
    return list(data["findings"])


def check_json(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["check", "corpus", "--format", "json", "-q", *args])
    assert result.exit_code in (ExitCode.OK, ExitCode.NEW_FINDINGS), result.output
    return dict(json.loads(result.stdout))


def test_update_on_part_of_the_corpus_keeps_the_other_entries(repo: Path) -> None:
    code, output = run("check", "corpus", "--update-baseline", "--by", "Rita Reviewer")
    assert code == ExitCode.OK, output
    everything = entries(repo)
    assert len(everything) >= 3
    assert {e["status"] for e in everything} == {"accepted"}
    assert {e["by"] for e in everything} == {"Rita Reviewer"} and all(e["at"] for e in everything)
    assert "added" in output and "+ CC" in output

    code, output = run("check", "corpus/new.txt", "--update-baseline")
    assert code == ExitCode.OK, output
    assert entries(repo) == everything, "one file: the other articles' entries stay"
    assert "0 added, 0 removed" in output and "outside the articles" in output

    code, output = run("check", "corpus", "--speaker", "putin", "--update-baseline")
    assert code == ExitCode.OK, output
    assert entries(repo) == everything, "--speaker: the other speakers' entries stay"


def test_update_refuses_when_articles_fail_to_load_unless_forced(repo: Path) -> None:
    assert run("check", "corpus", "--update-baseline")[0] == ExitCode.OK
    before = (repo / "claims-baseline.json").read_text(encoding="utf-8")
    (repo / "corpus" / "new.txt").write_bytes(b"\x00\xff\x00binary")  # reviewed, now unreadable

    code, output = run("check", "corpus", "--update-baseline")
    assert code == ExitCode.USAGE_ERROR
    assert "could not be analysed" in output and "new.txt" in output
    assert "--force" in output and "the baseline was not changed" in output
    assert (repo / "claims-baseline.json").read_text(encoding="utf-8") == before

    code, output = run("check", "corpus", "--update-baseline", "--force")
    assert code == ExitCode.OK, output
    assert "0 removed" in output
    assert any(e["article"].endswith("new.txt") for e in entries(repo)), "kept, not dropped"


def test_update_says_what_it_added_and_removed(repo: Path) -> None:
    assert run("check", "corpus", "--update-baseline")[0] == ExitCode.OK
    count = len(entries(repo))
    of_new = sum(e["article"] == "corpus/new.txt" for e in entries(repo))
    assert of_new >= 1
    (repo / "corpus" / "new.txt").unlink()  # a deleted article's findings are gone for good
    code, output = run("check", "corpus", "--update-baseline")
    assert code == ExitCode.OK, output
    assert f"0 added, {of_new} removed" in output
    assert "lukashenko corpus/new.txt" in output and "no longer found" in output
    assert "\n  - CC0" in output
    assert len(entries(repo)) == count - of_new
    (repo / "corpus" / "new.txt").write_text(CONTRADICTING, encoding="utf-8")
    code, output = run("check", "corpus", "--update-baseline")
    assert f"{of_new} added, 0 removed" in output
    assert "lukashenko corpus/new.txt" in output and "\n  + CC0" in output


def test_accept_and_reject_single_findings_by_id(repo: Path) -> None:
    new = check_json()["new"]
    target = next(f for f in new if f["path"].endswith("new.txt"))
    other = next(f for f in new if not f["path"].endswith("new.txt"))

    code, output = run(
        "check", "corpus", "--reject", target["finding_id"], "--reason", "not a denial",
        "--by", "Rita Reviewer",
    )  # fmt: skip
    assert code == ExitCode.OK, output
    assert "1 reviewed" in output and "false-positive: not a denial" in output
    (entry,) = entries(repo)
    assert entry["status"] == "false-positive" and entry["reason"] == "not a denial"
    assert entry["by"] == "Rita Reviewer" and entry["at"].endswith("Z")

    code, output = run("check", "corpus", "--accept", other["fingerprint"], "--reason", "checked")
    assert code == ExitCode.OK, output
    assert {e["status"] for e in entries(repo)} == {"accepted", "false-positive"}

    result = check_json()
    statuses = {k["finding_id"]: k["status"] for k in result["known"]}
    assert statuses[target["finding_id"]] == "false-positive"
    assert statuses[other["finding_id"]] == "accepted"
    assert target["finding_id"] not in {f["finding_id"] for f in result["new"]}

    sarif = CliRunner().invoke(cli, ["check", "corpus", "-q", "--format", "sarif"])
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    suppressed = {
        r["properties"]["findingId"]: r["suppressions"][0] for r in results if "suppressions" in r
    }
    assert suppressed[target["finding_id"]]["justification"] == "false positive: not a denial"
    assert suppressed[target["finding_id"]]["properties"]["reviewStatus"] == "false-positive"
    assert suppressed[other["finding_id"]]["status"] == "accepted"
    assert all("suppressions" not in r for r in results if r["baselineState"] == "new")

    # changing one's mind: the entry is updated in place
    code, _ = run("check", "corpus", "--accept", target["finding_id"], "--reason", "on reflection")
    assert code == ExitCode.OK
    assert {e["status"] for e in entries(repo)} == {"accepted"}


def test_review_options_are_checked(repo: Path) -> None:
    code, output = run("check", "corpus", "--accept", "f-000000000000")
    assert code == ExitCode.USAGE_ERROR and "--reason" in output
    code, output = run("check", "corpus", "--accept", "f-000000000000", "--reason", "x")
    assert code == ExitCode.USAGE_ERROR and "no contradiction with id 'f-000000000000'" in output
    code, output = run("check", "corpus", "--force")
    assert code == ExitCode.USAGE_ERROR and "--update-baseline" in output
    code, output = run("check", "corpus", "--reason", "why")
    assert code == ExitCode.USAGE_ERROR
    assert not (repo / "claims-baseline.json").exists()


def test_text_output_shows_ids_to_accept(repo: Path) -> None:
    code, output = run("check", "corpus/new.txt")
    assert code == ExitCode.NEW_FINDINGS
    assert "[id f-" in output and "--accept ID --reason" in output


def test_old_baseline_files_keep_working(repo: Path) -> None:
    new = check_json()["new"]
    old = {
        "version": 1,
        "findings": [
            {
                "fingerprint": f["fingerprint"],
                "rule_id": f["rule_id"],
                "speaker": f["speaker"],
                "text": f["text"][:50],
                "article": f["path"],
            }
            for f in new
        ],
    }
    (repo / "claims-baseline.json").write_text(json.dumps(old), encoding="utf-8")
    code, output = run("check", "corpus")
    assert code == ExitCode.OK, output
    assert {k["status"] for k in check_json()["known"]} == {"accepted"}
    # an update keeps them (without inventing who reviewed them)
    assert run("check", "corpus", "--update-baseline")[0] == ExitCode.OK
    assert all("by" not in e for e in entries(repo))


def test_stale_entries_are_reported_within_the_run_only(repo: Path) -> None:
    assert run("check", "corpus", "--update-baseline")[0] == ExitCode.OK
    text = CONTRADICTING.replace("Wir liefern keine Waffen an Russland", "Wir liefern Getreide")
    (repo / "corpus" / "new.txt").write_text(text, encoding="utf-8")

    code, output = run("check", "corpus/new.txt")
    assert "stale baseline entry" in output and "corpus/new.txt" in output
    assert "no longer found (prune with --update-baseline): 1" in output
    stale = check_json()["stale"]
    assert [e["article"] for e in stale] == ["corpus/new.txt"]

    code, output = run("check", f"corpus/{ARTICLES[0]}")
    assert code == ExitCode.OK, output
    assert "stale" not in output, "entries of articles outside the run are not stale"

    code, output = run("check", "corpus/new.txt", "--format", "github")
    assert "::notice file=claims-baseline.json" in output
