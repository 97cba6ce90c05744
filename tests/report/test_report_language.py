"""The German Markdown report is German throughout: the knowledge base's English notes on what a
source supports appear only in the English report (the source itself is cited in both)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from claims.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def _report(tmp_path: Path, lang: str) -> str:
    out = tmp_path / f"report-{lang}.md"
    args = ["analyze", str(ROOT / "corpus"), "--no-cache", "-q", "--lang", lang, "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_source_notes_only_in_the_english_report(tmp_path: Path) -> None:
    german, english = _report(tmp_path, "de"), _report(tmp_path, "en")
    assert "eur-lex.europa.eu" in german and "eur-lex.europa.eu" in english  # cited in both
    assert "Recital 2" in english
    assert "Recital 2" not in german and "Paragraph 10" not in german
