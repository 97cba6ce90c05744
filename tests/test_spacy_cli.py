"""Importing spaCy without its CLI (claims.spacy_cli): deferred, yet there when used."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_spacy_imports_without_its_cli() -> None:
    out = _run(
        "import sys, claims, spacy\n"
        "print(sorted(m for m in ('spacy.cli.download', 'weasel', 'typer') if m in sys.modules))"
    )
    assert out == "[]"


def test_the_cli_loads_when_used() -> None:
    out = _run(
        "import claims, spacy\n"
        "from spacy.cli import download\n"
        "import spacy.cli.init_config, sys\n"
        "print(download.__module__, callable(spacy.info), 'spacy.cli.init_config' in sys.modules)"
    )
    assert out == "spacy.cli.download True True"


def test_spacy_cli_imported_first() -> None:
    out = _run("import claims\nimport spacy.cli\nprint(callable(spacy.cli.download))")
    assert out == "True"


def test_the_tokenizer_pattern_is_the_stock_one_plus_colon_quotes() -> None:
    import spacy

    from claims.nlp.tokenizer import add_colon_quote_infixes, blank_german

    stock = spacy.blank("de")
    add_colon_quote_infixes(stock)
    ours = blank_german()
    assert ours.tokenizer.infix_finditer.__self__.pattern == (  # type: ignore[attr-defined]
        stock.tokenizer.infix_finditer.__self__.pattern  # type: ignore[attr-defined]
    )
    assert ours.config.to_str() == stock.config.to_str()
    text = 'meldet RT DE:"Im Wortlaut", sagte:„Nein“ und z.B. 3,5 Mio.'
    assert [t.text for t in ours(text)] == [t.text for t in stock(text)]
