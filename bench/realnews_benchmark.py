"""Score `claims` on annotated real news, read from its own folder (nothing of it is copied here).

    python bench/realnews_benchmark.py ../shared/realnews
    python bench/realnews_benchmark.py FOLDER --json

FOLDER holds ``articles/`` and ``gold.jsonl`` in the format of `claims eval` (``optional`` items
and ``contradiction: null`` allowed). The figures are those of issue 13: statements of the
registered speakers found with the right speaker (recall) and reported with the right speaker
(precision), contradiction precision and recall, and speaker accuracy over all speakers. The
same numbers come from ``claims eval GOLD PATH`` and ``claims eval GOLD PATH --speakers-only
registered``; this script prints them side by side.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claims.cli.analyze import RunArgs, run_pipeline
from claims.evaluate import EvalResult, load_gold, score
from claims.kb.speakers import load_speakers


def measure(folder: Path) -> dict[str, float | int | None]:
    """The issue's figures for one annotated folder."""
    gold = load_gold(folder / "gold.jsonl")
    args = RunArgs(
        kb_files=(),
        rule_files=(),
        speaker_files=(),
        speaker_ids=(),
        jobs=1,
        no_cache=True,
        cache_dir=None,
        model=None,
        max_bytes=5_000_000,
        quiet=True,
    )
    report, _ = run_pipeline((folder / "articles",), args, include_text=True)
    texts = {a.id: a.text or "" for a in report.articles}
    tracked = [s.id for s in load_speakers().speakers if not s.is_other]
    everyone: EvalResult = score(gold, report, texts)
    registered: EvalResult = score(gold, report, texts, tracked)
    return {
        "articles": everyone.articles,
        "registered statements (gold)": registered.statements.gold,
        "registered recall, right speaker": registered.statements.recall,
        "registered precision, right speaker": registered.statements.precision,
        "contradictions (gold)": registered.findings.gold,
        "contradiction recall": registered.findings.recall,
        "contradiction precision": registered.findings.precision,
        "speaker accuracy, all speakers": everyone.speaker_accuracy,
        "statement recall, all speakers": everyone.statements.recall,
        "statement precision, all speakers": everyone.statements.precision,
        "kind accuracy": everyone.kind_accuracy,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder with articles/ and gold.jsonl")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not (args.folder / "gold.jsonl").is_file() or not (args.folder / "articles").is_dir():
        print(f"error: {args.folder} has no gold.jsonl and articles/", file=sys.stderr)
        return 2
    figures = measure(args.folder)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print("| measure | value |\n|---|---|")
    for key, value in figures.items():
        shown = "n/a" if value is None else f"{value:.3f}" if isinstance(value, float) else value
        print(f"| {key} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
