"""The README's Quickstart is what CI runs: two commands, the second one verbatim in .ci/run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, re.S)]


def test_quickstart_has_exactly_two_commands() -> None:
    commands = quickstart_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert commands[0].endswith("claims analyze corpus/")
    assert commands[1].endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = quickstart_commands()[1]
    assert test_command in ci.splitlines()


def test_quickstart_analysis_runs_on_a_fresh_clone(tmp_path: Path) -> None:
    """The first command's `claims analyze corpus/` on a clone of the committed tree (the
    installed claims stands for `pip install .`): the corpus it names is committed."""
    import shutil
    import subprocess
    import sys

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    cloned = subprocess.run(
        ["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)],
        capture_output=True,
        text=True,
    )
    if cloned.returncode != 0:
        pytest.skip(f"git clone failed: {cloned.stderr.strip()}")
    command = quickstart_commands()[0].split("&&")[-1].split()
    assert command == ["claims", "analyze", "corpus/"]
    env = {"CLAIMS_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "claims", *command[1:]],
        cwd=clone,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "statements" in result.stdout.lower()
