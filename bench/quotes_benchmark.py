"""Score the statement extractor on the German news quotation dataset (Petersen-Frey & Biemann,
LREC-COLING 2024), read from its own folder; nothing of it is copied into this repository.

    python bench/quotes_benchmark.py ../shared/benchmarks/german-news-quotes/dev

Matching is by characters: a gold quotation is found when one statement covers at least half of
its characters; a statement is correct when at least half of it lies inside some gold quotation of
any type (Reported included). Speaker accuracy: over found gold quotations whose speaker span
names someone (see ``proper_names``: pronouns, descriptions and unnamed groups do not count), the
share whose statement names the same person (a name word of the gold span, genitive -s ignored,
occurs in the predicted speaker mention or speaker id; registry ids count with their name forms).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

from claims.datafiles import load_models, package_data
from claims.ids import article_id, sha256_text
from claims.ingest.language import LanguageWords
from claims.kb.speakers import SpeakerRegistry, load_speakers
from claims.models import Article, Statement
from claims.nlp.extract import StatementExtractor
from claims.nlp.lexicon import is_common_noun, load_lexicon
from claims.report.spkatt import TYPES as DATASET_TYPES

TYPES = ("Direct", "Indirect", "IndirectFreeIndirect", "FreeIndirect")
# measured for recall and type accuracy only: kind accuracy and the F1 figures stay over TYPES
REPORTED = "Reported"
PRONOUNS = frozenset(
    [
        "er",
        "sie",
        "es",
        "ich",
        "wir",
        "ihr",
        "du",
        "man",
        "ihm",
        "ihn",
        "ihnen",
        "ihrer",
        "seiner",
        "sein",
        "seine",
        "seinen",
        "seinem",
        "ihre",
        "ihren",
        "ihrem",
        "dieser",
        "diese",
        "der",
        "die",
        "das",
    ]
)


def spans_of(role: dict) -> list[tuple[int, int]]:
    return [(s["charBegin"], s["charEnd"]) for s in role.get("spans", [])]


def covered(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


DETERMINERS = frozenset(
    ["ein", "eine", "einer", "eines", "einem", "einen", "des", "dem", "den", "kein", "keine"]
)


def _norm(word: str) -> str:
    """Lower case without a genitive ending (``Gordons`` ~ ``Gordon``)."""
    word = word.lower().rstrip("'’")
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


_EDGE = ",.;:()„“\"»«‚‘'"


def name_words(text: str) -> set[str]:
    """Capitalised words of a phrase (normalised), pronouns excluded; split like
    :func:`proper_names` so that initials (``C.Y. Leung``) compare equal."""
    words = (raw.strip(_EDGE) for raw in text.replace(":", " ").split())
    return {_norm(w) for w in words if w[:1].isupper() and w.lower() not in PRONOUNS}


@lru_cache(maxsize=1)
def german_function_words() -> frozenset[str]:
    """Articles, prepositions, conjunctions, adverbs (``darauf``, ``in``): capitalised only at
    the start of a span, never a name (package data ``function_words.yaml``)."""
    entries = load_models(package_data("function_words.yaml"), LanguageWords, key="languages")
    return frozenset(w.lower() for e in entries if e.id == "de" for w in e.words.split())


def proper_names(text: str, first_names: frozenset[str] = frozenset()) -> set[str]:
    """Words of a gold speaker span that name someone: an acronym (``WHO``), a first name, or a
    capitalised word that is no common noun by the German lemma table (``Köhler``, ``Schäuble``
    in ``Bundesinnenminister Schäuble``). Descriptions and unnamed groups (``der
    Bundespräsident``, ``Ein Regierungssprecher``, ``Experten``, ``Verschiedene Medien``) have
    none, so they are not counted: the extractor reports unnamed speakers as null."""
    found: set[str] = set()
    for raw in text.split():
        word = raw.strip(_EDGE)
        if not word[:1].isupper() or word.lower() in PRONOUNS | DETERMINERS:
            continue
        if word.lower() in german_function_words():
            continue  # "Darauf", "In einem Schreiben": no one is named
        acronym = len(word) > 1 and word.isupper() and word.isalpha()
        if acronym or word in first_names or not is_common_noun(word):
            found.add(_norm(word))
    return found


def speaker_words(st: Statement, registry: SpeakerRegistry) -> set[str]:
    words = name_words(st.speaker_mention or "")
    if st.speaker:
        words |= name_words(st.speaker.removeprefix("other:"))
        known = registry.by_id(st.speaker)
        if known is not None:
            for form in [known.name, *known.names]:
                words |= name_words(form)
    return words


def score(folder: Path, limit: int | None = None, offset: int = 0) -> dict[str, object]:
    registry = load_speakers()
    # the dataset annotates quoted single words ("nannte es „inakzeptabel“") as quotations:
    # score by its convention (claims' default leaves them out, see docs/ANNOTATION.md)
    extractor = StatementExtractor(registry, one_word_quotes=True)
    first_names = frozenset(load_lexicon().first_names)
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    correct = predicted = 0
    kind_ok = kind_n = 0
    type_ok = type_n = 0
    spk_ok = spk_n = 0
    words = 0
    elapsed = 0.0
    files = sorted(folder.glob("*.json"))[offset:][:limit]
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data["originalText"]
        words += len(text.split())
        article = Article(id=article_id(text), path=path.name, sha256=sha256_text(text), text=text)
        t0 = time.perf_counter()
        statements = extractor.extract(article)
        elapsed += time.perf_counter() - t0
        gold = [
            (a["type"], spans_of(a["quote"]), a) for a in data["annotations"] if a["quote"]["spans"]
        ]
        all_spans = [sp for _, spans, _ in gold for sp in spans]
        for st in statements:
            predicted += 1
            inside = sum(covered((st.start, st.end), g) for g in all_spans)
            if inside * 2 >= st.end - st.start:
                correct += 1
        for gtype, spans, ann in gold:
            if gtype not in (*TYPES, REPORTED):
                continue
            total[gtype] += 1
            size = sum(b - a for a, b in spans)
            best = max(
                statements,
                key=lambda s: sum(covered((s.start, s.end), g) for g in spans),
                default=None,
            )
            if best is None or sum(covered((best.start, best.end), g) for g in spans) * 2 < size:
                continue
            found[gtype] += 1
            type_n += 1
            type_ok += DATASET_TYPES.get(best.kind) == gtype
            if gtype == REPORTED:
                continue
            kind_n += 1
            kind_ok += (best.kind == "direct") == (gtype == "Direct")
            gold_words = proper_names(ann["speaker"]["text"], first_names)
            if gold_words:
                spk_n += 1
                spk_ok += bool(gold_words & speaker_words(best, registry))
    precision = correct / predicted if predicted else 0.0
    result: dict[str, object] = {"articles": len(files), "precision": precision}
    for gtype in (*TYPES, REPORTED):
        result[f"recall {gtype}"] = found[gtype] / total[gtype] if total[gtype] else 0.0
    for label, group in (("Direct", ("Direct",)), ("Indirect+IFI", TYPES[1:3])):
        rec = sum(found[g] for g in group) / max(1, sum(total[g] for g in group))
        result[f"F1 {label}"] = 2 * precision * rec / (precision + rec) if precision + rec else 0
    result["speaker accuracy (named)"] = spk_ok / spk_n if spk_n else 0.0
    result["kind accuracy"] = kind_ok / kind_n if kind_n else 0.0
    # the dataset's five types against ours as the SpkAtt writer maps them (issue #19)
    result["type accuracy (5 types)"] = type_ok / type_n if type_n else 0.0
    result["words/s (extract only)"] = words / elapsed if elapsed else 0.0
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a split folder (train/ or dev/)")
    parser.add_argument("--limit", type=int, default=None, help="score at most N articles")
    parser.add_argument(
        "--offset", type=int, default=0, help="skip the first N articles (a held-out slice)"
    )
    args = parser.parse_args(argv)
    if not args.path.is_dir():
        print(f"error: {args.path} is not a folder of benchmark articles", file=sys.stderr)
        return 2
    result = score(args.path, args.limit, args.offset)
    print("| measure | value |\n|---|---|")
    for key, value in result.items():
        shown = f"{value:.3f}" if isinstance(value, float) and value <= 1 else f"{value:,.0f}"
        print(f"| {key} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
