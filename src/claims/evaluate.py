"""`claims eval`: score extracted statements and findings against hand-made gold annotations.

Matching is by characters, not by exact spans, because annotators and the extractor may
reasonably disagree on a word or a punctuation mark at the edges (docs/ANNOTATION.md): a gold
statement is *found* when one extracted statement covers at least half of its characters, and an
extracted statement is *correct* when at least half of it lies inside one gold statement.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, computed_field

from claims.errors import InputError
from claims.models import Article, Kind, Report, Statement, coarse_kind
from claims.safeio import read_regular

MIN_COVER = 0.5  # share of a span's characters that must overlap (see module docstring)

_JSONL_HINT = "one JSON object per line, see docs/ARCHITECTURE.md (Gold annotations)"


class GoldStatement(BaseModel):
    """One annotated statement: where it is (article, text, occurrence) and what it is."""

    model_config = ConfigDict(extra="forbid")

    article: str = Field(min_length=1, description="Basename of the article file.")
    text: str = Field(min_length=1, description="Exact substring of the article text.")
    text_to: str | None = Field(
        default=None,
        min_length=1,
        description="With it, ``text`` is where the statement starts and the statement ends "
        "with the first match of ``text_to`` after it: a long quote needs no copy in the gold.",
    )
    occurrence: int = Field(default=1, ge=1, description="Which match of `text` is meant.")
    speaker: str | None = Field(pattern=r"^(other:\s*\S.*|[a-z0-9_-]+)$")
    kind: Kind = Field(
        description="direct | indirect (any reported speech: an extracted reported or "
        "free_indirect statement has the right kind) | reported | free_indirect (exact)."
    )
    contradiction: bool | None = Field(
        default=False, description="None: contested, counted neither way."
    )
    optional: bool = Field(
        default=False, description="Neither a miss when not found nor a false hit when found."
    )
    note: str | None = None

    _path: str | None = PrivateAttr(default=None)
    _line: int | None = PrivateAttr(default=None)


class Figures(BaseModel):
    """Counts, and precision, recall and F1 computed from them.

    ``gold``: required gold items; ``predicted``: predictions that count (``ignored`` ones,
    which match only optional or contested gold, are left out); ``found``: gold items matched
    by a prediction; ``correct``: predictions matched by a gold item. A ratio with nothing to
    count is a vacuous 1.0 (no prediction wrong, no gold missed).
    """

    gold: int = 0
    predicted: int = 0
    found: int = 0
    correct: int = 0
    ignored: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Mismatch(BaseModel):
    """One item a user will want to look at: a miss, a false hit or a wrong attribute."""

    article: str
    text: str
    start: int
    end: int
    expected: str | None = None
    got: str | None = None
    gold_line: int | None = None
    statement_id: str | None = None


class ArticleScore(BaseModel):
    article: str
    statements: Figures
    findings: Figures


class EvalResult(BaseModel):
    """Everything `claims eval` reports; ``render_text`` shows it, JSON dumps it as is."""

    articles: int = Field(description="Articles scored (present in the report and the gold).")
    speakers: list[str] | None = Field(
        default=None, description="The speaker view: only these ids, matched with the speaker."
    )
    statements: Figures
    speaker_accuracy: float | None = Field(description="Over matched pairs; None if none.")
    kind_accuracy: float | None
    matched_pairs: int = Field(description="Gold statements found, each with its closest match.")
    findings: Figures = Field(description="Statements with a contradiction finding.")
    misses: list[Mismatch] = Field(default_factory=list)
    false_hits: list[Mismatch] = Field(default_factory=list)
    speaker_errors: list[Mismatch] = Field(default_factory=list)
    kind_errors: list[Mismatch] = Field(default_factory=list)
    missed_contradictions: list[Mismatch] = Field(default_factory=list)
    false_contradictions: list[Mismatch] = Field(default_factory=list)
    per_article: list[ArticleScore] = Field(default_factory=list)
    unscored_articles: list[str] = Field(default_factory=list, description="Without gold.")
    skipped_gold: int = Field(default=0, description="Gold lines of articles not in the report.")


# --------------------------------------------------------------------------- loading


MAX_GOLD_BYTES = 100_000_000


def load_gold(path: Path) -> list[GoldStatement]:
    """Read a gold JSONL file; every problem is an InputError naming the file and line."""
    where = str(path)
    try:
        raw = read_regular(path, MAX_GOLD_BYTES + 1)  # a pipe or device is refused, not read
        if len(raw) > MAX_GOLD_BYTES:
            raise InputError(f"gold file is over {MAX_GOLD_BYTES:,} bytes", path=where)
        content = raw.decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read gold file ({exc.strerror})", path=where) from exc
    except UnicodeDecodeError as exc:
        raise InputError("gold file is not UTF-8", path=where) from exc
    lines = enumerate(content.splitlines(), start=1)
    gold = [_parse_gold_line(line, where, n) for n, line in lines if line.strip()]
    if not gold:
        raise InputError("gold file has no annotations", path=where, hint=_JSONL_HINT)
    return gold


def _parse_gold_line(line: str, where: str, number: int) -> GoldStatement:
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        message = f"invalid JSON at column {exc.colno}: {exc.msg}"
        raise InputError(message, path=where, line=number, hint=_JSONL_HINT) from exc
    except RecursionError as exc:  # thousands of nested brackets overflow the decoder
        message = "invalid JSON: nested too deeply"
        raise InputError(message, path=where, line=number, hint=_JSONL_HINT) from exc
    if not isinstance(data, dict):
        raise InputError("expected a JSON object", path=where, line=number)
    try:
        item = GoldStatement.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "line"
        message = f"invalid gold annotation, field {field!r}: {first['msg']}"
        raise InputError(message, path=where, line=number) from exc
    item._path, item._line = where, number
    return item


# --------------------------------------------------------------------------- matching


Span = tuple[int, int]
Located = tuple[GoldStatement, Span]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _covers(cover: Span, target: Span) -> bool:
    """True when ``cover`` overlaps at least MIN_COVER of ``target``'s characters."""
    size = target[1] - target[0]
    return size > 0 and _overlap(cover, target) >= MIN_COVER * size


def _fit(a: Span, b: Span) -> float:
    """Intersection over union: picks the closest of several covering spans."""
    union = max(a[1], b[1]) - min(a[0], b[0])
    return _overlap(a, b) / union if union else 0.0


def locate(item: GoldStatement, text: str) -> Span:
    """Where a gold item stands in the article text (its `occurrence`-th match)."""
    needle = unicodedata.normalize("NFC", item.text.replace("\r\n", "\n"))
    pos, start = -1, 0
    for _ in range(item.occurrence):  # the n-th non-overlapping match, as str.count counts
        pos = text.find(needle, start)
        start = pos + len(needle)
        if pos < 0:
            message = f"gold text not found in {item.article} (occurrence {item.occurrence})"
            raise InputError(
                f"{message}: {excerpt(needle, 60)!r}",
                path=item._path,
                line=item._line,
                hint="the text must be an exact substring of the article",
            )
    if item.text_to is None:
        return pos, pos + len(needle)
    tail = unicodedata.normalize("NFC", item.text_to.replace("\r\n", "\n"))
    end = text.find(tail, pos + len(needle))
    if end < 0:
        raise InputError(
            f"gold end text not found after its start in {item.article}: {excerpt(tail, 60)!r}",
            path=item._path,
            line=item._line,
            hint="text_to must follow text in the article",
        )
    return pos, end + len(tail)


def _resolved(item: GoldStatement, span: Span, text: str) -> GoldStatement:
    """The item with its whole text (a ``text``/``text_to`` pair names only its ends)."""
    if item.text_to is None:
        return item
    return item.model_copy(update={"text": text[span[0] : span[1]], "text_to": None})


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _article_for(name: str, articles: Sequence[Article]) -> Article | None:
    """The article a gold line means: exact path, then path suffix, then basename."""
    want = name.replace("\\", "/")
    paths = [(a, a.path.replace("\\", "/")) for a in articles]
    for same in (str.__eq__, lambda p, w: p.endswith("/" + w), lambda p, w: _basename(p) == w):
        hits = [a for a, p in paths if same(p, want)]
        if len(hits) > 1:
            hint = "write a longer part of the path in the gold file"
            raise InputError(f"gold article {name!r} matches {len(hits)} articles", hint=hint)
        if hits:
            return hits[0]
    return None


def speakers_match(expected: str | None, got: str | None) -> bool:
    """Same speaker id, or two `other:` names that agree on the last word, ignoring case."""
    if expected == got:
        return True
    if not (expected and got and expected.startswith("other:") and got.startswith("other:")):
        return False
    a, b = expected[6:].casefold().split(), got[6:].casefold().split()
    if not a or not b:
        return False
    # "Peskow" ~ "Dmitri Peskow"; a genitive -s left on a name ("Peskows") is tolerated too.
    return a[-1] == b[-1] or a[-1] == b[-1] + "s" or b[-1] == a[-1] + "s"


def excerpt(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


# --------------------------------------------------------------------------- scoring


@dataclass
class _Tally:
    """Counts and mismatches of one article; added up for the whole run."""

    st: Figures = field(default_factory=Figures)
    ct: Figures = field(default_factory=Figures)
    pairs: int = 0
    lists: dict[str, list[Mismatch]] = field(default_factory=lambda: defaultdict(list))

    def add(self, other: _Tally) -> None:
        for mine, theirs in ((self.st, other.st), (self.ct, other.ct)):
            for name in ("gold", "predicted", "found", "correct", "ignored"):
                setattr(mine, name, getattr(mine, name) + getattr(theirs, name))
        self.pairs += other.pairs
        for name, items in other.lists.items():
            self.lists[name].extend(items)


def _score_article(
    name: str,
    gold: Sequence[Located],
    statements: Sequence[Statement],
    contradicted: set[str],
    view: frozenset[str] | None = None,
) -> _Tally:
    """Count one article. ``view``: only these speaker ids, and a match needs the same speaker.

    Optional gold is neither a miss nor a false hit; a contested verdict (``contradiction``
    None) is neither a missed nor a false contradiction.
    """
    t = _Tally()
    spans = [(s.start, s.end) for s in statements]

    def flag(kind: str, text: str, span: Span, **extra: Any) -> None:
        t.lists[kind].append(Mismatch(article=name, text=text, start=span[0], end=span[1], **extra))

    def in_view(speaker: str | None) -> bool:
        return view is None or _in_view(speaker, view)

    def agree(item: GoldStatement, stmt: Statement) -> bool:
        return view is None or speakers_match(item.speaker, stmt.speaker)

    for item, span in gold:
        if not in_view(item.speaker):
            continue
        line = item._line
        covering = [i for i, s in enumerate(spans) if _covers(s, span)]
        matching = [i for i in covering if agree(item, statements[i])]
        if item.contradiction and not item.optional:
            t.ct.gold += 1
            if any(statements[i].id in contradicted for i in matching):
                t.ct.found += 1
            else:
                flag("missed_contradictions", item.text, span, gold_line=line)
        t.st.gold += not item.optional
        if not matching:
            if not item.optional:
                flag("misses", item.text, span, expected=item.speaker, gold_line=line)
            if not covering:
                continue
        else:
            t.st.found += not item.optional
        # The closest covering statement is the one whose speaker and kind are judged.
        best = statements[max(covering, key=lambda i: (_fit(spans[i], span), -i))]
        t.pairs += 1
        pair: dict[str, Any] = {"gold_line": line, "statement_id": best.id}
        if not speakers_match(item.speaker, best.speaker):
            flag("speaker_errors", item.text, span, expected=item.speaker, got=best.speaker, **pair)
        if not kinds_match(item.kind, best.kind):
            flag("kind_errors", item.text, span, expected=item.kind, got=best.kind, **pair)
    for stmt, span in zip(statements, spans, strict=True):
        if not in_view(stmt.speaker):
            continue
        inside = [item for item, g in gold if _covers(g, span) and agree(item, stmt)]
        _count(t.st, stmt, span, [None if g.optional else True for g in inside], flag, "false_hits")
        if stmt.id in contradicted:
            verdicts = [_verdict(g) for g in inside]
            _count(t.ct, stmt, span, verdicts, flag, "false_contradictions")
    return t


def kinds_match(gold: str, predicted: str) -> bool:
    """Gold ``indirect`` is any reported speech, as before ``reported`` and ``free_indirect``
    existed, so gold written for two kinds keeps its figures; a gold ``reported`` or
    ``free_indirect`` asks for exactly that kind."""
    if gold in ("direct", "indirect"):
        return coarse_kind(predicted) == gold
    return predicted == gold


def _count(
    figures: Figures,
    stmt: Statement,
    span: Span,
    verdicts: Sequence[bool | None],
    flag: Callable[..., None],
    kind: str,
) -> None:
    """One prediction: correct when a gold item says True, ignored when the best is None."""
    if any(v is True for v in verdicts):
        figures.predicted += 1
        figures.correct += 1
    elif any(v is None for v in verdicts):
        figures.ignored += 1
    else:
        figures.predicted += 1
        flag(kind, stmt.text, span, got=stmt.speaker, statement_id=stmt.id)


def _verdict(item: GoldStatement) -> bool | None:
    """A flagged contradiction inside ``item``: right, wrong, or not counted (None)."""
    if item.contradiction and item.optional:
        return None
    return item.contradiction


def _in_view(speaker: str | None, view: frozenset[str]) -> bool:
    return any(speakers_match(wanted, speaker) for wanted in view)


def _article_text(article: Article, texts: Mapping[str, str] | None) -> str:
    if article.text is not None:
        return article.text
    for key in (article.id, article.path):
        if texts is not None and key in texts:
            return texts[key]
    hint = "pass the ingested texts, or a report that includes the article text"
    raise InputError("article text not available for scoring", path=article.path, hint=hint)


def score(
    gold: Sequence[GoldStatement],
    report: Report,
    texts: Mapping[str, str] | None = None,
    speakers: Iterable[str] | None = None,
) -> EvalResult:
    """Score ``report`` against ``gold``; only articles that are in both are counted.

    ``texts`` maps article id (or path) to the ingested text, for reports made without
    ``Article.text``. A gold text that cannot be found in its article is an InputError.
    Statements of articles without any gold line are not counted (they are not annotated).
    ``speakers``: score only gold and predictions of these speaker ids, and count a match
    only when both name the same speaker ("found with the right speaker").
    """
    view = frozenset(speakers) if speakers is not None else None
    grouped: dict[str, list[GoldStatement]] = defaultdict(list)
    for item in gold:
        article = _article_for(item.article, report.articles)
        grouped[article.id if article else ""].append(item)
    skipped = len(grouped.pop("", []))
    by_article: dict[str, list[Statement]] = defaultdict(list)
    for stmt in report.statements:
        by_article[stmt.article_id].append(stmt)
    contradicted = {
        statement_id
        for f in report.findings
        if f.verdict == "contradiction"
        for statement_id in (f.statement_id, *(o.statement_id for o in f.occurrences))
    }

    total = _Tally()
    per_article: list[ArticleScore] = []
    unscored: list[str] = []
    for article in report.articles:
        name = _basename(article.path)
        if article.id not in grouped:
            unscored.append(name)
            continue
        text = _article_text(article, texts)
        spans = ((g, locate(g, text)) for g in grouped.pop(article.id))
        located = sorted(((_resolved(g, sp, text), sp) for g, sp in spans), key=itemgetter(1))
        statements = sorted(by_article[article.id], key=lambda s: (s.start, s.end))
        tally = _score_article(name, located, statements, contradicted, view)
        per_article.append(ArticleScore(article=name, statements=tally.st, findings=tally.ct))
        total.add(tally)

    pairs = total.pairs
    speaker_ok, kind_ok = (pairs - len(total.lists[k]) for k in ("speaker_errors", "kind_errors"))
    return EvalResult(
        articles=len(per_article),
        speakers=sorted(view) if view is not None else None,
        statements=total.st,
        speaker_accuracy=speaker_ok / pairs if pairs else None,
        kind_accuracy=kind_ok / pairs if pairs else None,
        matched_pairs=pairs,
        findings=total.ct,
        per_article=per_article,
        unscored_articles=unscored,
        skipped_gold=skipped,
        **total.lists,
    )
