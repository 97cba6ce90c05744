"""`claims eval` scoring: hand-built reports against hand-built gold, with known answers."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from claims.errors import InputError
from claims.evaluate import GoldStatement, load_gold, locate, score, speakers_match
from claims.ids import article_id, sha256_text, statement_id
from claims.models import Article, Finding, Report, Statement, ToolInfo
from claims.report.eval_text import render_text

TEXT = (
    "Putin sagte: „Wir greifen niemanden an.“ Kreml-Sprecher Dmitri Peskow erklärte, "
    "es gebe keine Pläne für eine Mobilmachung. Das Wetter in Moskau war schön."
)
DIRECT = "Wir greifen niemanden an."
INDIRECT = "es gebe keine Pläne für eine Mobilmachung"
NARRATION = "Das Wetter in Moskau war schön"


def make_article(text: str = TEXT, path: str = "corpus/a.txt", keep_text: bool = True) -> Article:
    return Article(
        id=article_id(text), path=path, sha256=sha256_text(text), text=text if keep_text else None
    )


def span_statement(
    article: Article, text: str, start: int, end: int, speaker: str | None, kind: str = "direct"
) -> Statement:
    return Statement(
        id=statement_id(article.id, start, end, kind),
        article_id=article.id,
        speaker=speaker,
        kind=kind,
        text=text[start:end],
        start=start,
        end=end,
    )


def statement(
    article: Article, fragment: str, speaker: str | None, kind: str = "direct"
) -> Statement:
    text = article.text or TEXT
    start = text.index(fragment)
    return span_statement(article, text, start, start + len(fragment), speaker, kind)


def contradiction(stmt: Statement, verdict: str = "contradiction") -> Finding:
    return Finding(
        id=f"f-{stmt.id}",
        statement_id=stmt.id,
        rule_id="denial",
        verdict=verdict,
        explanation="test",
    )


def make_report(
    articles: list[Article], statements: list[Statement], findings: list[Finding] | None = None
) -> Report:
    return Report(
        tool=ToolInfo(version="test"),
        articles=articles,
        statements=statements,
        findings=findings or [],
    )


def gold(
    text: str,
    speaker: str | None,
    kind: str = "direct",
    contradiction: bool = False,
    article: str = "a.txt",
) -> GoldStatement:
    return GoldStatement.model_validate(
        {
            "article": article,
            "text": text,
            "speaker": speaker,
            "kind": kind,
            "contradiction": contradiction,
        }
    )


GOLD = [gold(DIRECT, "putin"), gold(INDIRECT, "other:Dmitri Peskow", "indirect")]


def test_perfect_match_scores_one_everywhere() -> None:
    art = make_article()
    stmts = [
        statement(art, DIRECT, "putin"),
        statement(art, INDIRECT, "other:Dmitri Peskow", "indirect"),
    ]
    result = score(GOLD, make_report([art], stmts))
    s = result.statements
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert (s.gold, s.predicted, s.found, s.correct) == (2, 2, 2, 2)
    assert result.speaker_accuracy == 1.0 and result.kind_accuracy == 1.0
    assert not (result.misses or result.false_hits or result.speaker_errors or result.kind_errors)


def test_a_missed_statement_lowers_recall_and_is_listed() -> None:
    art = make_article()
    result = score(GOLD, make_report([art], [statement(art, DIRECT, "putin")]))
    assert result.statements.recall == 0.5
    assert result.statements.precision == 1.0
    assert [m.text for m in result.misses] == [INDIRECT]
    assert result.misses[0].start == TEXT.index(INDIRECT)


def test_a_false_hit_lowers_precision_and_is_listed() -> None:
    art = make_article()
    stmts = [
        statement(art, DIRECT, "putin"),
        statement(art, INDIRECT, "other:Dmitri Peskow", "indirect"),
        statement(art, NARRATION, None, "indirect"),
    ]
    result = score(GOLD, make_report([art], stmts))
    assert result.statements.precision == pytest.approx(2 / 3)
    assert result.statements.recall == 1.0
    assert [m.text for m in result.false_hits] == [NARRATION]


@pytest.mark.parametrize(("shift", "matched"), [(0, True), (1, False)])
def test_half_overlap_is_the_boundary_both_ways(shift: int, matched: bool) -> None:
    text = string.ascii_letters + string.digits  # no repeats: the gold text is unique
    art = make_article(text)
    item = gold(text[10:30], None)  # 20 characters
    # A 20-character statement starting half-way into the gold span: exactly 10 shared.
    stmt = span_statement(art, text, 20 + shift, 40 + shift, None)
    result = score([item], make_report([art], [stmt]))
    assert result.statements.found == int(matched)
    assert result.statements.correct == int(matched)
    assert len(result.misses) == len(result.false_hits) == int(not matched)


def test_a_short_statement_inside_a_long_gold_is_correct_but_does_not_find_it() -> None:
    art = make_article()
    stmt = statement(art, "Mobilmachung", "other:Peskow", "indirect")
    result = score([GOLD[1]], make_report([art], [stmt]))
    assert result.statements.correct == 1
    assert result.statements.found == 0


@pytest.mark.parametrize(
    ("expected", "got", "same"),
    [
        ("other:Dmitri Peskow", "other:Peskow", True),
        ("other:Peskow", "other:dmitri peskow", True),
        ("other:Dmitri Peskow", "other:Peskows", True),
        ("other:Dmitri Peskow", "other:Dmitri Medwedew", False),
        ("putin", "putin", True),
        ("putin", "other:Putin", False),
        (None, None, True),
        ("lukashenko", None, False),
        (None, "other:Peskow", False),
    ],
)
def test_speaker_names_match_on_their_last_word(
    expected: str | None, got: str | None, same: bool
) -> None:
    assert speakers_match(expected, got) is same


def test_speaker_alias_counts_as_correct_and_a_wrong_speaker_is_listed() -> None:
    art = make_article()
    stmts = [
        statement(art, DIRECT, "lukashenko"),
        statement(art, INDIRECT, "other:Peskow", "indirect"),
    ]
    result = score(GOLD, make_report([art], stmts))
    assert result.speaker_accuracy == 0.5
    [error] = result.speaker_errors
    assert (error.text, error.expected, error.got) == (DIRECT, "putin", "lukashenko")


def test_kind_error_is_counted_over_matched_pairs() -> None:
    art = make_article()
    stmts = [statement(art, DIRECT, "putin", "indirect")]
    result = score(GOLD, make_report([art], stmts))
    assert result.matched_pairs == 1
    assert result.kind_accuracy == 0.0
    [error] = result.kind_errors
    assert (error.expected, error.got) == ("direct", "indirect")


@pytest.mark.parametrize(
    ("expected", "got", "right"),
    [
        ("indirect", "indirect", True),
        ("indirect", "reported", True),  # gold written for two kinds keeps its figures
        ("indirect", "free_indirect", True),
        ("indirect", "direct", False),
        ("reported", "reported", True),  # a fine gold kind asks for exactly that kind
        ("reported", "indirect", False),
        ("free_indirect", "reported", False),
        ("free_indirect", "free_indirect", True),
    ],
)
def test_gold_indirect_is_any_reported_speech(expected: str, got: str, right: bool) -> None:
    art = make_article()
    stmts = [statement(art, INDIRECT, "other:Dmitri Peskow", got)]
    result = score([gold(INDIRECT, "other:Dmitri Peskow", expected)], make_report([art], stmts))
    assert result.matched_pairs == 1
    assert result.kind_accuracy == (1.0 if right else 0.0)


def test_the_closest_of_several_covering_statements_is_judged() -> None:
    art = make_article()
    whole = TEXT[TEXT.index("„") : TEXT.index(INDIRECT) + len(INDIRECT)]
    stmts = [statement(art, whole, None, "indirect"), statement(art, DIRECT, "putin")]
    result = score([GOLD[0]], make_report([art], stmts))
    assert result.kind_accuracy == 1.0 and result.speaker_accuracy == 1.0


def test_contradictions_are_scored_by_findings_with_that_verdict() -> None:
    art = make_article()
    flagged = gold(DIRECT, "putin", contradiction=True)
    plain = gold(INDIRECT, "other:Dmitri Peskow", "indirect")
    direct = statement(art, DIRECT, "putin")
    indirect = statement(art, INDIRECT, "other:Dmitri Peskow", "indirect")

    right = make_report([art], [direct, indirect], [contradiction(direct)])
    f = score([flagged, plain], right).findings
    assert (f.precision, f.recall, f.f1) == (1.0, 1.0, 1.0)

    wrong = make_report(
        [art], [direct, indirect], [contradiction(direct, "consistent"), contradiction(indirect)]
    )
    result = score([flagged, plain], wrong)
    assert (result.findings.precision, result.findings.recall) == (0.0, 0.0)
    assert [m.text for m in result.missed_contradictions] == [DIRECT]
    assert [m.text for m in result.false_contradictions] == [INDIRECT]


def test_gold_of_articles_not_in_the_report_is_not_counted() -> None:
    art = make_article()
    other = gold("anything", None, article="elsewhere.txt")
    result = score([*GOLD, other], make_report([art], [statement(art, DIRECT, "putin")]))
    assert result.skipped_gold == 1
    assert result.statements.gold == 2


def test_statements_of_unannotated_articles_are_not_false_hits() -> None:
    art = make_article()
    second = make_article("Ein anderer Text mit „einem Zitat“.", "corpus/b.txt")
    stmts = [
        statement(art, DIRECT, "putin"),
        statement(art, INDIRECT, "other:Dmitri Peskow", "indirect"),
        statement(second, "einem Zitat", None),
    ]
    result = score(GOLD, make_report([art, second], stmts))
    assert result.statements.predicted == 2
    assert result.unscored_articles == ["b.txt"]


def test_texts_mapping_is_used_when_the_report_has_no_text() -> None:
    art = make_article(keep_text=False)
    report = make_report([art], [statement(art, DIRECT, "putin")])
    assert score(GOLD, report, {art.id: TEXT}).statements.found == 1
    with pytest.raises(InputError, match="not available"):
        score(GOLD, report)


def test_gold_text_not_in_the_article_names_the_gold_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [
        {"article": "a.txt", "text": DIRECT, "speaker": "putin", "kind": "direct"},
        {"article": "a.txt", "text": "nie gesagt", "speaker": None, "kind": "direct"},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    with pytest.raises(InputError) as info:
        score(load_gold(path), make_report([make_article()], []))
    assert info.value.line == 2
    assert str(path) in str(info.value) and "nie gesagt" in str(info.value)


def test_occurrence_selects_the_nth_match() -> None:
    text = "„Nein“, sagte er. Dann noch einmal: „Nein“."
    art = make_article(text)
    second = text.rindex("Nein")
    stmt = span_statement(art, text, second, second + 4, None)
    item = GoldStatement(article="a.txt", text="Nein", occurrence=2, speaker=None, kind="direct")
    assert score([item], make_report([art], [stmt])).statements.found == 1
    item.occurrence = 3
    with pytest.raises(InputError, match="occurrence 3"):
        score([item], make_report([art], [stmt]))


def test_load_gold_reports_the_line_of_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    good = json.dumps({"article": "a.txt", "text": "x", "speaker": None, "kind": "direct"})
    path.write_text(f"{good}\n\n{{not json\n")
    with pytest.raises(InputError) as info:
        load_gold(path)
    assert info.value.line == 3
    assert f"{path}:3" in str(info.value)


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"article": "a.txt", "text": "x", "speaker": None, "kind": "quote"}, "kind"),
        ({"article": "a.txt", "text": "x", "speaker": "Putin", "kind": "direct"}, "speaker"),
        ({"article": "a.txt", "text": "", "speaker": None, "kind": "direct"}, "text"),
        ({"article": "a.txt", "text": "x", "kind": "direct"}, "speaker"),
        ({"article": "a.txt", "text": "x", "speaker": None, "kind": "direct", "x": 1}, "x"),
    ],
)
def test_load_gold_names_the_invalid_field(
    tmp_path: Path, row: dict[str, object], field: str
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n")
    with pytest.raises(InputError) as info:
        load_gold(path)
    assert info.value.line == 1 and repr(field) in str(info.value)


def test_load_gold_refuses_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(InputError, match="no annotations"):
        load_gold(empty)
    with pytest.raises(InputError, match="cannot read"):
        load_gold(tmp_path / "missing.jsonl")


def test_render_text_shows_figures_and_every_item_to_look_at() -> None:
    art = make_article()
    stmts = [statement(art, DIRECT, "lukashenko"), statement(art, NARRATION, None, "indirect")]
    out = render_text(score(GOLD, make_report([art], stmts)))
    assert "statements" in out and "50.0%" in out
    assert "es gebe keine Pläne" in out  # the miss
    assert NARRATION in out  # the false hit
    assert "expected putin, got lukashenko" in out
    contradictions = next(line for line in out.splitlines() if line.startswith("contradictions"))
    assert contradictions.split()[1:4] == ["n/a", "n/a", "n/a"]  # nothing flagged, none expected


def test_result_serialises_with_computed_rates() -> None:
    art = make_article()
    result = score(GOLD, make_report([art], [statement(art, DIRECT, "putin")]))
    data = json.loads(result.model_dump_json())
    assert data["statements"]["recall"] == 0.5
    assert data["statements"]["f1"] == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("gold_file", "folder"), [("corpus.jsonl", "corpus"), ("articles.jsonl", "tests/gold/articles")]
)
def test_the_gold_files_score_perfectly_against_themselves(gold_file: str, folder: str) -> None:
    root = Path(__file__).resolve().parents[1]
    items = load_gold(root / "tests" / "gold" / gold_file)
    articles, stmts, findings = [], [], []
    for path in sorted((root / folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        art = make_article(text, f"{folder}/{path.name}")
        articles.append(art)
        for item in (g for g in items if g.article == path.name):
            start, end = locate(item, text)
            stmt = span_statement(art, text, start, end, item.speaker, item.kind)
            stmts.append(stmt)
            if item.contradiction:
                findings.append(contradiction(stmt))
    result = score(items, make_report(articles, stmts, findings))
    assert result.articles == len(articles) and not result.unscored_articles
    assert result.statements.f1 == result.findings.f1 == 1.0
    assert result.speaker_accuracy == result.kind_accuracy == 1.0


# --------------------------------------------------------------------------- richer gold


def test_optional_gold_is_neither_a_miss_nor_a_false_hit() -> None:
    art = make_article()
    items = [
        gold(DIRECT, "putin"),
        GoldStatement.model_validate(
            {
                "article": "a.txt",
                "text": INDIRECT,
                "speaker": "other:Dmitri Peskow",
                "kind": "indirect",
                "optional": True,
            }
        ),
    ]
    missed = score(items, make_report([art], [statement(art, DIRECT, "putin")]))
    assert missed.statements.recall == 1.0 and not missed.misses
    both = [statement(art, DIRECT, "putin"), statement(art, INDIRECT, None, "indirect")]
    found = score(items, make_report([art], both))
    s = found.statements
    assert (s.gold, s.predicted, s.correct, s.ignored) == (1, 1, 1, 1)
    assert s.precision == 1.0 and not found.false_hits
    # A found optional item still has its speaker judged.
    assert [m.text for m in found.speaker_errors] == [INDIRECT]


def test_a_contested_contradiction_is_counted_neither_way() -> None:
    art = make_article()
    contested = GoldStatement.model_validate(
        {
            "article": "a.txt",
            "text": DIRECT,
            "speaker": "putin",
            "kind": "direct",
            "contradiction": None,
        }
    )
    stmt = statement(art, DIRECT, "putin")
    flagged = score([contested], make_report([art], [stmt], [contradiction(stmt)]))
    assert (flagged.findings.gold, flagged.findings.predicted, flagged.findings.ignored) == (
        0,
        0,
        1,
    )
    assert not flagged.false_contradictions
    silent = score([contested], make_report([art], [stmt]))
    assert silent.findings.gold == 0 and not silent.missed_contradictions


def test_speaker_view_counts_a_statement_only_with_the_right_speaker() -> None:
    art = make_article()
    wrong = [
        statement(art, DIRECT, "other:Dmitri Peskow"),
        statement(art, INDIRECT, "putin", "indirect"),
    ]
    plain = score(GOLD, make_report([art], wrong))
    assert plain.statements.recall == 1.0  # the spans are found, the speakers are wrong
    view = score(GOLD, make_report([art], wrong), speakers=["putin"])
    s = view.statements
    assert view.speakers == ["putin"]
    assert (s.gold, s.found, s.predicted, s.correct) == (1, 0, 1, 0)
    assert [m.text for m in view.misses] == [DIRECT]
    assert [m.text for m in view.false_hits] == [INDIRECT]
    assert "speaker view: putin" in render_text(view)


def test_eval_cli_speakers_only_registered_scores_tracked_speakers(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claims.cli import cli

    art = tmp_path / "a.txt"
    art.write_text("Titel\n\n" + TEXT + "\n", encoding="utf-8")
    gold_file = tmp_path / "gold.jsonl"
    lines = [g.model_dump(exclude_none=True) for g in GOLD]
    gold_file.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    args = ["eval", str(gold_file), str(art), "--no-cache", "--speakers-only", "registered"]
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "putin" in data["speakers"] and "lukashenko" in data["speakers"]
    assert not any(s.startswith("other:") for s in data["speakers"])
    assert data["statements"]["gold"] == 1  # Peskow's statement is outside the view
    text = CliRunner().invoke(cli, args)
    assert "recall = found/gold" in " ".join(text.output.split())


def test_a_gold_item_given_by_its_two_ends_covers_the_text_between() -> None:
    art = make_article()
    item = GoldStatement.model_validate(
        {
            "article": "a.txt",
            "text": "es gebe",
            "text_to": "Mobilmachung",
            "speaker": "other:Dmitri Peskow",
            "kind": "indirect",
        }
    )
    result = score([item], make_report([art], [statement(art, INDIRECT, None, "indirect")]))
    assert result.statements.recall == 1.0 and result.statements.precision == 1.0
    assert [m.text for m in result.speaker_errors] == [INDIRECT]  # shown whole
    missing_end = item.model_copy(update={"text_to": "Wahlen"})
    with pytest.raises(InputError, match="end text not found"):
        score([missing_end], make_report([art], []))
