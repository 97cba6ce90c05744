"""YAML front matter: fields, unknown keys, malformed and hostile YAML."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.ingest import IngestError, article_from_text
from claims.ingest.frontmatter import MAX_FRONT_MATTER_CHARS, split_front_matter

BODY = "Überschrift des Artikels hier\n\nDer Minister sagte, es gebe keinen Krieg."


def test_all_fields_are_read_and_body_line_follows_the_front_matter() -> None:
    raw = (
        "---\n"
        "title: Ein Titel aus der Front Matter\n"
        "published: 2023-09-27\n"
        "source: Beispielzeitung\n"
        "url: https://example.org/a\n"
        "author: Anna Beispiel\n"
        "language: de\n"
        "---\n" + BODY
    )
    article = article_from_text(raw, path="a.md")
    assert article.title == "Ein Titel aus der Front Matter"
    assert article.published == dt.date(2023, 9, 27)
    assert article.source == "Beispielzeitung"
    assert article.url == "https://example.org/a"
    assert article.author == "Anna Beispiel"
    assert article.language == "de"
    assert article.body_line == 9
    assert article.text == BODY
    assert article.warnings == []


def test_front_matter_date_wins_over_dates_in_text() -> None:
    raw = "---\npublished: '2024-01-02'\n---\nTitel mit drei Wörtern\n27/09/2023\n"
    assert article_from_text(raw, path="a.md").published == dt.date(2024, 1, 2)


def test_unknown_key_is_a_warning_not_an_error() -> None:
    article = article_from_text("---\ntitle: T\nrubrik: Politik\n---\n" + BODY, path="a.md")
    assert article.title == "T"
    assert article.warnings == ["unknown metadata key 'rubrik' ignored"]


def test_empty_front_matter_is_allowed() -> None:
    article = article_from_text("---\n---\n" + BODY, path="a.md")
    assert article.title == "Überschrift des Artikels hier"
    assert article.body_line == 3


@pytest.mark.parametrize(
    ("yaml_text", "line"),
    [
        ("title: [unclosed\n", 2),  # the open bracket, not the end of the front matter
        ("title: ok\nauthor: 'unclosed\n", 3),
        ("title: ok\nauthor: x: y\n", 3),
        ("- just\n- a list\n", 2),
        ("published: 27.09.2023\n", 2),
        ("title: ok\npublished: not a date\n", 3),
        ("title:\n  nested: map\n", 2),
    ],
)
def test_malformed_front_matter_names_file_and_line(yaml_text: str, line: int) -> None:
    with pytest.raises(IngestError) as info:
        article_from_text("---\n" + yaml_text + "---\n" + BODY, path="bad.md")
    error = info.value
    assert error.code == "front-matter"
    assert error.path == "bad.md"
    assert error.line == line
    record = error.record()
    assert record.code == "front-matter"
    assert record.line == line
    assert "—" in record.message and "\n" not in record.message


def test_unclosed_front_matter_is_an_error() -> None:
    with pytest.raises(IngestError) as info:
        article_from_text("---\ntitle: T\n" + BODY, path="bad.md")
    assert info.value.code == "front-matter"
    assert "not closed" in info.value.message


def test_yaml_bomb_is_refused() -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        bomb += f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    with pytest.raises(IngestError) as info:
        article_from_text("---\n" + bomb + "---\n" + BODY, path="bomb.md")
    assert info.value.code == "front-matter"
    assert "alias" in info.value.message


def test_python_tags_are_not_executed() -> None:
    raw = "---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\n" + BODY
    with pytest.raises(IngestError) as info:
        article_from_text(raw, path="evil.md")
    assert info.value.code == "front-matter"


def test_oversized_front_matter_is_refused() -> None:
    filler = "".join(f"k{i}: {'x' * 60}\n" for i in range(MAX_FRONT_MATTER_CHARS // 60))
    with pytest.raises(IngestError) as info:
        split_front_matter("---\n" + filler + "---\n" + BODY, path="big.md")
    assert info.value.code == "front-matter"
    assert "KB" in info.value.message


def test_text_without_front_matter_is_untouched() -> None:
    meta, body, line = split_front_matter("Titel\n---\nmehr", path="a.txt", body_line=4)
    assert meta.title is None
    assert body == "Titel\n---\nmehr"
    assert line == 4


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-27", dt.date(2023, 9, 27)),
        ("'2023-09-27T08:15:00Z'", dt.date(2023, 9, 27)),
        ("2023-09-27 08:15:00", dt.date(2023, 9, 27)),
    ],
)
def test_published_accepts_dates_and_timestamps(value: str, expected: dt.date) -> None:
    article = article_from_text(f"---\npublished: {value}\n---\n" + BODY, path="a.md")
    assert article.published == expected


def test_scalar_values_become_text() -> None:
    article = article_from_text("---\ntitle: 1984\nsource: 2023-01-01\n---\n" + BODY, path="a")
    assert article.title == "1984"
    assert article.source == "2023-01-01"
