"""Issue #19: the kinds ``reported`` (a speech act with nominal content) and ``free_indirect``
(a Konjunktiv sentence without a cue of its own), and what they leave unchanged: ids, claim
types and findings are those of the same statement as ``indirect``."""

from __future__ import annotations

from pathlib import Path

import pytest
from nlp_helpers import by_exact_text

from claims.app import AnalyzeOptions, analyze
from claims.ids import statement_id
from claims.models import KINDS, coarse_kind
from claims.report.i18n import t
from claims.report.spkatt import TYPES


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Präsident Alexander Lukaschenko schloss am Mittwoch einen Einsatz "
            "belarussischer Soldaten im Nachbarland aus.",
            "am Mittwoch einen Einsatz belarussischer Soldaten im Nachbarland",
            "lukashenko",
        ),
        (
            "Lukaschenko bestritt am Dienstag eine Beteiligung seines Landes am Krieg.",
            "eine Beteiligung seines Landes am Krieg",
            "lukashenko",
        ),
        (
            "Die Gewerkschaft lehnte den Vorschlag der Arbeitgeber ab.",
            "den Vorschlag der Arbeitgeber",
            "other:Gewerkschaft",
        ),
        (
            "Der Trainer Jan Ebert forderte mehr Einsatz von seiner Mannschaft.",
            "mehr Einsatz von seiner Mannschaft",
            "other:Jan Ebert",
        ),
    ],
)
def test_nominal_content_is_reported(extract, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    st = by_exact_text(extract(text), content)
    assert (st.kind, st.speaker) == ("reported", speaker)
    # the id is the one the statement had as "indirect"
    assert st.id == statement_id(st.article_id, st.start, st.end, "indirect")


@pytest.mark.parametrize(
    ("text", "report", "continuation", "speaker"),
    [
        (
            "Die Ministerin Eva Roth sagte, die Schulen seien gut ausgestattet. "
            "Es gebe genug Lehrer.",
            "die Schulen seien gut ausgestattet",
            "Es gebe genug Lehrer",
            "other:Eva Roth",
        ),
        (
            "Der Bürgermeister Tom Weber erklärte, die Brücke werde im Mai gesperrt. "
            "Eine Umleitung sei bereits ausgeschildert.",
            "die Brücke werde im Mai gesperrt",
            "Eine Umleitung sei bereits ausgeschildert",
            "other:Tom Weber",
        ),
    ],
)
def test_konjunktiv_continuation_is_free_indirect(  # type: ignore[no-untyped-def]
    extract, text: str, report: str, continuation: str, speaker: str
) -> None:
    statements = extract(text)
    first = by_exact_text(statements, report)
    then = by_exact_text(statements, continuation)
    assert (first.kind, first.speaker) == ("indirect", speaker)
    assert (then.kind, then.speaker) == ("free_indirect", speaker)
    assert then.cue is None


@pytest.mark.parametrize(
    ("kind", "coarse", "dataset_type"),
    [
        ("direct", "direct", "Direct"),
        ("indirect", "indirect", "Indirect"),
        ("reported", "indirect", "Reported"),
        ("free_indirect", "indirect", "IndirectFreeIndirect"),
    ],
)
def test_kinds_map_to_the_coarse_kind_and_the_dataset_type(
    kind: str, coarse: str, dataset_type: str
) -> None:
    assert coarse_kind(kind) == coarse
    assert TYPES[kind] == dataset_type


ARTICLE = """---
title: Minsk antwortet auf Kritik
published: 2023-05-02
---
Minsk antwortet auf Kritik

Der belarussische Machthaber Alexander Lukaschenko bestritt am Dienstag in Minsk eine \
Beteiligung seines Landes am Krieg in der Ukraine. Belarus sei ein friedliches Land.
"""


def test_a_reported_denial_is_tagged_and_flagged_like_an_indirect_one(tmp_path: Path) -> None:
    (tmp_path / "minsk.txt").write_text(ARTICLE, encoding="utf-8")
    report = analyze((tmp_path,), AnalyzeOptions(use_cache=False))
    denial = next(s for s in report.statements if s.text.startswith("eine Beteiligung"))
    assert (denial.kind, denial.speaker) == ("reported", "lukashenko")
    assert "deny_involvement" in denial.claims
    flagged = [f for f in report.findings if f.statement_id == denial.id]
    assert [f.verdict for f in flagged] == ["contradiction"]
    free = next(s for s in report.statements if s.text.startswith("Belarus sei"))
    assert (free.kind, free.speaker) == ("free_indirect", "lukashenko")


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("en", ["direct", "indirect", "reported", "free indirect"]),
        ("de", ["direkt", "indirekt", "Redebericht", "frei indirekt"]),
    ],
)
def test_every_kind_has_a_readable_label(lang: str, labels: list[str]) -> None:
    assert [t(lang, kind) for kind in KINDS] == labels
