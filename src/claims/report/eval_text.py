"""Plain-text rendering of a `claims eval` result: the figures, what they count, every item."""

from __future__ import annotations

from claims.evaluate import EvalResult, Figures, Mismatch, excerpt

_SECTIONS = (
    "misses false_hits speaker_errors kind_errors missed_contradictions false_contradictions"
)

LEGEND = (
    "gold: annotated items that must be found (optional and contested ones are not counted); "
    "predicted: what the tool reported that counts; found: gold items it matched (recall = "
    "found/gold); correct: predictions inside a gold item (precision = correct/predicted); "
    "ignored: predictions that match only optional or contested gold. found and correct count "
    "different things, so found may exceed predicted when one prediction covers two gold items."
)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _row(label: str, f: Figures, width: int) -> str:
    """One table row; a vacuous rate (nothing predicted or nothing to find) shows as n/a."""
    p, r = (f.precision if f.predicted else None), (f.recall if f.gold else None)
    rates = f"{_pct(p):>10}{_pct(r):>10}{_pct(f.f1 if f.predicted or f.gold else None):>10}"
    counts = f"{f.gold:>7}{f.predicted:>10}{f.found:>7}{f.correct:>9}{f.ignored:>9}"
    return f"{label:<{width}}{rates}{counts}"


def _wrap(text: str, width: int = 96) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def render_text(result: EvalResult) -> str:
    """Plain-text summary: the figures as a table, what the columns count, every item to check."""
    w = max([16] + [len(a.article) + 2 for a in result.per_article])
    head = f"{'':<{w}}{'precision':>10}{'recall':>10}{'F1':>10}{'gold':>7}{'predicted':>10}"
    view = (
        f"speaker view: {', '.join(result.speakers)} (a match needs the same speaker)"
        if result.speakers is not None
        else "speaker view: all speakers"
    )
    out = [
        f"articles scored: {result.articles}, not annotated: {len(result.unscored_articles)}, "
        f"gold lines of absent articles: {result.skipped_gold}",
        view,
        "",
        f"{head}{'found':>7}{'correct':>9}{'ignored':>9}",
        _row("statements", result.statements, w),
        _row("contradictions", result.findings, w),
        "",
        f"speaker accuracy {_pct(result.speaker_accuracy)} over {result.matched_pairs} matches",
        f"kind accuracy    {_pct(result.kind_accuracy)} over {result.matched_pairs} matches",
        "",
        *_wrap(LEGEND),
    ]
    for key in _SECTIONS.split():
        items: list[Mismatch] = getattr(result, key)
        out += ["", f"{key.replace('_', ' ')} ({len(items)})"] + (["  none"] if not items else [])
        for m in items:
            line = f"  {m.article}:{m.start}-{m.end}  “{excerpt(m.text)}”"
            if key in ("speaker_errors", "kind_errors"):
                line += f"  expected {m.expected or 'null'}, got {m.got or 'null'}"
            elif key == "misses" and m.expected:
                line += f"  ({m.expected})"
            out.append(line)
    if len(result.per_article) > 1:
        out += ["", "statements per article"] + [
            _row(a.article, a.statements, w) for a in result.per_article
        ]
    return "\n".join(out) + "\n"
