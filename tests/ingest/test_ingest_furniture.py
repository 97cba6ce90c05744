"""Page furniture blanked out by the data-driven patterns, line numbers preserved."""

from __future__ import annotations

import pytest

from claims.ingest.furniture import (
    MAX_FURNITURE_CHARS,
    FurniturePattern,
    furniture_id,
    is_furniture,
    load_furniture,
    strip_furniture,
)

PATTERNS = load_furniture()


def test_patterns_have_unique_ids_and_documentation() -> None:
    ids = [p.id for p in PATTERNS]
    assert len(ids) == len(set(ids))
    for pattern in PATTERNS:
        assert pattern.title and pattern.rationale
        assert pattern.examples.match, f"{pattern.id} has no match example"


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.id)
def test_pattern_examples(pattern: FurniturePattern) -> None:
    for example in pattern.examples.match:
        assert pattern.matches(example), example
    for example in pattern.examples.no_match:
        assert furniture_id(example) is None, (example, furniture_id(example))


@pytest.mark.parametrize(
    "line",
    [
        "SHARE:",
        "Teilen",
        "Teile diesen Artikel:",
        "Wir verwenden Ihre Anmeldung, um Ihnen Inhalte so zu zeigen, wie Sie es wünschen.",
        "Sie können sich jederzeit abmelden.",
        "Wir verwenden Cookies. Mit der Nutzung stimmen Sie zu.",
        "Jetzt zum Newsletter anmelden",
        "Datenschutz",
        "Werbung",
        "ANZEIGE",
        "Trending",
        "Beliebteste Artikel",
        "Mehr zum Thema",
        "Lesen Sie auch: Sanktionen verschärft",
        "Foto: Agentur",
        "Bild: Max Muster / Agentur",
        "© Fotograf/Agentur",
        "(Foto: dpa)",
        "Vernetzen Sie sich mit uns",
        "Folgen Sie uns auf Instagram",
        "Veröffentlicht",
        "on",
        "|",
        "  |  ",
        "36450:",
        "Zum Artikel",
        "43 Wochen vor",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line), line


@pytest.mark.parametrize(
    "line",
    [
        "Putin und Lukaschenko trafen sich in Minsk.",
        "Die Regierung will Werbung für Glücksspiel verbieten.",
        "Er sagte: „Wir teilen diese Sorge nicht.“",
        "Belarus",
        "Von: Anna Beispiel",
        "Unterstützung für Russland",
        "Die Mehrheit der Opposition befindet sich im Exil.",
        "Fotos zeigen Panzer an der Grenze.",
        "2022 begann der Krieg.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert not is_furniture(line), furniture_id(line)


def test_long_lines_are_never_furniture() -> None:
    line = "Wir verwenden Cookies " + "und viele weitere Wörter " * 10
    assert len(line) > MAX_FURNITURE_CHARS
    assert not is_furniture(line)
    assert is_furniture(line[:60])


def test_strip_furniture_keeps_line_numbers_and_content() -> None:
    page = "\n".join(
        [
            "Vernetzen Sie sich mit uns",
            "",
            "Minister lehnt Kriegseintritt ab",
            "SHARE:",
            "Veröffentlicht",
            "on",
            "Wir verwenden Ihre Anmeldung, um Inhalte bereitzustellen. Sie können sich "
            "jederzeit abmelden.",
            "Der Minister sagte, sein Land werde keine Soldaten schicken.",
            "Werbung",
            "Foto: Agentur",
            "Er betonte, man wolle Frieden.",
            "Teile diesen Artikel:",
            "Trending",
        ]
    )
    cleaned = strip_furniture(page)
    lines = cleaned.split("\n")
    assert len(lines) == len(page.split("\n"))
    assert lines[2] == "Minister lehnt Kriegseintritt ab"
    assert lines[7] == "Der Minister sagte, sein Land werde keine Soldaten schicken."
    assert lines[10] == "Er betonte, man wolle Frieden."
    kept = {i for i, line in enumerate(lines) if line}
    assert kept == {2, 7, 10}
