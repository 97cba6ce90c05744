"""Score the extractor with the official scorer of the German news quotation attribution dataset
(Petersen-Frey & Biemann, LREC-COLING 2024), read from its own folder; nothing of the dataset
or its scorer is copied into this repository.

    pip install -e ".[bench]"      # SciPy, which the official scorer imports
    python bench/spkatt_benchmark.py ../shared/benchmarks/german-news-quotes/dev

Runs the extractor on every article of the split, writes our SpkAtt documents
(:mod:`claims.report.spkatt`, as ``claims quotes --format spkatt`` does) to a temporary folder,
and runs ``eval/eval.py`` of the dataset (beside the split) on them in a subprocess. The scorer
compares ``tokenIds``, so the documents it reads carry the dataset's token ids: our character
spans projected onto the dataset's tokens (``--own-tokens`` scores our own token ids, which
match the dataset's only where both tokenizers agree). ``--text-spans`` scores the statements as
they were before the span fields (speaker and cue located by searching ``speaker_mention`` and
``cue`` near the statement, no frame, no addressee): the "before" column of bench/QUOTES.md.
Prints the scorer's figures beside the character-level figures of ``quotes_benchmark.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import Any

from claims.ids import article_id, sha256_text
from claims.kb.speakers import load_speakers
from claims.models import Article, Statement
from claims.nlp.extract import StatementExtractor
from claims.report.spkatt import document

SCORER_LINE = re.compile(r"^(\w+)\((F1|P|R)\):\s*([0-9.]+)")
ROLES = ("speaker", "cue", "frame", "addressee")


def _nearest(text: str, words: str | None, st: Statement) -> list[int] | None:
    if not words:
        return None
    best, gap = None, 10**9
    for m in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text):
        if m.start() < st.end and st.start < m.end():
            continue
        d = st.start - m.end() if m.end() <= st.start else m.start() - st.end
        if d < gap:
            best, gap = [m.start(), m.end()], d
    return best


def text_spans(text: str, st: Statement) -> Statement:
    """The statement as the tool reported it before the span fields."""
    cue = _nearest(text, st.cue, st)
    return st.model_copy(
        update={
            "speaker_span": _nearest(text, st.speaker_mention, st),
            "cue_spans": [cue] if cue else None,
            "frame_span": None,
            "addressee_span": None,
        }
    )


def project(doc: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """``doc`` with every role's token ids on the gold document's tokens (by characters)."""
    begins = [t["charBegin"] for t in gold["tokens"]]
    ends = [t["charEnd"] for t in gold["tokens"]]
    for ann in doc["annotations"]:
        for role in ("quote", *ROLES):
            ids: set[int] = set()
            for sp in ann[role]["spans"]:
                lo = bisect_right(ends, sp["charBegin"])
                hi = bisect_left(begins, sp["charEnd"])
                ids.update(range(lo, hi))
            ann[role]["tokenIds"] = sorted(ids)
    doc["tokens"], doc["sentences"] = gold["tokens"], gold["sentences"]
    return doc


def run_scorer(scorer: Path, predictions: Path, gold: Path) -> dict[str, float]:
    """The official scorer's summary figures (``Messages(F1)`` ...), read from its output."""
    done = subprocess.run(
        [
            sys.executable,
            str(scorer.resolve()),
            "--prediction",
            str(predictions.resolve()),
            "--gold",
            str(gold.resolve()),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=scorer.parent,
    )
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        m = SCORER_LINE.match(line.strip())
        if m:
            figures[f"{m.group(1)} {m.group(2)}"] = float(m.group(3))
    return figures


def role_counts(pred_dir: Path, gold_dir: Path) -> dict[str, tuple[float, float, float]]:
    """Token micro precision / recall / F1 per role over paired quotations, paired as the
    scorer pairs them (best token overlap) but greedily: a breakdown the scorer does not print."""
    tp = dict.fromkeys(ROLES, 0)
    fp = dict.fromkeys(ROLES, 0)
    fn = dict.fromkeys(ROLES, 0)
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        mine = pred_dir / path.name
        pred = json.loads(mine.read_text(encoding="utf-8"))["annotations"] if mine.exists() else []
        free = list(range(len(pred)))
        for g in gold["annotations"]:
            gq = set(g["quote"]["tokenIds"])
            best = max(
                free, key=lambda j: len(gq & set(pred[j]["quote"]["tokenIds"])), default=None
            )
            p = None
            if best is not None and gq & set(pred[best]["quote"]["tokenIds"]):
                p = pred[best]
                free.remove(best)
            for role in ROLES:
                gs = set(g[role]["tokenIds"])
                ps = set(p[role]["tokenIds"]) if p else set()
                tp[role] += len(gs & ps)
                fn[role] += len(gs - ps)
                fp[role] += len(ps - gs)
        for j in free:
            for role in ROLES:
                fp[role] += len(pred[j][role]["tokenIds"])
    out = {}
    for role in ROLES:
        p = tp[role] / (tp[role] + fp[role]) if tp[role] + fp[role] else 0.0
        r = tp[role] / (tp[role] + fn[role]) if tp[role] + fn[role] else 0.0
        out[role] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


TYPES = ("Direct", "Indirect", "IndirectFreeIndirect", "FreeIndirect", "Reported")


def type_counts(pred_dir: Path, gold_dir: Path) -> dict[str, tuple[int, int, int, int]]:
    """Per gold type: quotations, those paired with a prediction (greedy, as in
    :func:`role_counts`), paired ones of the same type, and predictions of that type."""
    gold_n = dict.fromkeys(TYPES, 0)
    paired = dict.fromkeys(TYPES, 0)
    same = dict.fromkeys(TYPES, 0)
    predicted = dict.fromkeys(TYPES, 0)
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        mine = pred_dir / path.name
        pred = json.loads(mine.read_text(encoding="utf-8"))["annotations"] if mine.exists() else []
        for p in pred:
            predicted[p["type"]] = predicted.get(p["type"], 0) + 1
        free = list(range(len(pred)))
        for g in gold["annotations"]:
            gq = set(g["quote"]["tokenIds"])
            gold_n[g["type"]] += 1
            best = max(
                free, key=lambda j: len(gq & set(pred[j]["quote"]["tokenIds"])), default=None
            )
            if best is None or not gq & set(pred[best]["quote"]["tokenIds"]):
                continue
            free.remove(best)
            paired[g["type"]] += 1
            same[g["type"]] += pred[best]["type"] == g["type"]
    return {t: (gold_n[t], paired[t], same[t], predicted.get(t, 0)) for t in TYPES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a split folder (dev/ or train/)")
    parser.add_argument("--scorer", type=Path, default=None, help="default: PATH/../eval/eval.py")
    parser.add_argument("--own-tokens", action="store_true", help="score our own token ids")
    parser.add_argument(
        "--text-spans", action="store_true", help="spans as before the span fields (text search)"
    )
    parser.add_argument("--keep", type=Path, default=None, help="also write the documents here")
    args = parser.parse_args(argv)
    scorer = args.scorer or args.path.resolve().parent / "eval" / "eval.py"
    if not args.path.is_dir() or not scorer.is_file():
        print(f"error: need a split folder and its scorer ({scorer})", file=sys.stderr)
        return 2
    # the dataset annotates quoted single words as quotations: score by its convention
    extractor = StatementExtractor(load_speakers(), one_word_quotes=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for path in sorted(args.path.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = gold["originalText"]
            article = Article(
                id=article_id(text), path=path.name, sha256=sha256_text(text), text=text
            )
            statements = extractor.extract(article)
            if args.text_spans:
                statements = [text_spans(text, st) for st in statements]
            doc = document(article, statements, gold["documentName"])
            if not args.own_tokens:
                doc = project(doc, gold)
            (out / path.name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        figures = run_scorer(scorer, out, args.path)
        roles = role_counts(out, args.path)
        types = type_counts(out, args.path)
    print("| official scorer | value |\n|---|---|")
    for key, value in figures.items():
        print(f"| {key} | {value:.3f} |")
    print("\n| role (token micro, greedy pairing) | P | R | F1 |\n|---|---|---|---|")
    for role, (p, r, f) in roles.items():
        print(f"| {role} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print("\n| gold type | gold | found (paired) | same type | predicted of type |")
    print("|---|---:|---:|---:|---:|")
    for name, (n, found, same, predicted) in types.items():
        print(f"| {name} | {n} | {found} | {same} | {predicted} |")
    print()
    from quotes_benchmark import score  # the character-level figures beside the scorer's

    ours = score(args.path)
    print("| ours (quotes_benchmark.py) | value |\n|---|---|")
    for key, value in ours.items():
        if isinstance(value, float) and value <= 1:
            print(f"| {key} | {value:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
