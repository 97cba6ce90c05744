"""load_articles: files, JSONL, bad inputs as ErrorRecords, duplicates, normalisation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from claims import ids
from claims.ingest import DuplicateArticle, article_from_text, load_articles
from claims.ingest.loader import LoadResult
from claims.models import Article, ErrorRecord

TEXT = (
    "Minister lehnt Kriegseintritt ab\n"
    "\n"
    "Der Außenminister sagte am Montag, dass sein Land keine Soldaten in den Krieg schicken "
    "werde. Er betonte, man unterstütze die Nachbarn nur mit Worten und nicht mit Waffen.\n"
)


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _articles(results: list[LoadResult]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def _errors(results: list[LoadResult]) -> list[ErrorRecord]:
    return [r for r in results if isinstance(r, ErrorRecord)]


def test_plain_text_article(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", TEXT)
    (article,) = list(load_articles([path]))
    assert isinstance(article, Article)
    assert article.path == str(path)
    assert article.title == "Minister lehnt Kriegseintritt ab"
    assert article.text == TEXT.rstrip()
    assert article.id == ids.article_id(article.text)
    assert article.sha256 == ids.sha256_text(article.text)
    assert article.body_line == 1
    assert article.published is None


def test_each_bad_input_is_an_error_record_and_the_rest_loads(tmp_path: Path) -> None:
    _write(tmp_path / "01_empty.txt", "")
    _write(tmp_path / "02_binary.txt", b"\x00\x01\x02PNG" * 50)
    _write(tmp_path / "03_undecodable.txt", b"\x81\x8d\x8f\x90\x9d" + bytes(range(0x80, 0x100)))
    _write(tmp_path / "04_frontmatter.md", "---\ntitle: [oops\n---\n" + TEXT)
    _write(tmp_path / "05_good.txt", TEXT)
    _write(tmp_path / "06_big.txt", TEXT + "x" * 500)
    results = list(load_articles([tmp_path, tmp_path / "missing.txt"], max_bytes=500))
    codes = [(Path(e.path).name, e.code) for e in _errors(results)]
    assert codes == [
        ("01_empty.txt", "empty"),
        ("02_binary.txt", "binary"),
        ("03_undecodable.txt", "decode-error"),
        ("04_frontmatter.md", "front-matter"),
        ("06_big.txt", "too-large"),
        ("missing.txt", "not-found"),
    ]
    (good,) = _articles(results)
    assert good.path.endswith("05_good.txt")
    for error in _errors(results):
        assert "\n" not in error.message
        assert " — " in error.message, error.message  # what is wrong — what to do


def test_front_matter_error_has_the_file_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.md", "---\ntitle: ok\nauthor: [oops\n---\n" + TEXT)
    (error,) = list(load_articles([path]))
    assert isinstance(error, ErrorRecord)
    assert error.code == "front-matter"
    assert error.line == 3  # the line with the open bracket
    assert error.path == str(path)


def test_too_large_names_the_limit_and_the_option(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", TEXT)
    (error,) = list(load_articles([path], max_bytes=100))
    assert isinstance(error, ErrorRecord)
    assert error.code == "too-large"
    assert "100" in error.message
    assert "--max-bytes" in error.message


def test_directory_without_articles_is_reported(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    (error,) = list(load_articles([tmp_path / "nothing"]))
    assert isinstance(error, ErrorRecord)
    assert error.code == "no-articles"


def test_cp1252_file_loads_with_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", (TEXT + "Größe und Übung für 5 €.\n").encode("cp1252"))
    (article,) = list(load_articles([path]))
    assert isinstance(article, Article)
    assert "Größe und Übung für 5 €." in (article.text or "")
    assert "decoded as cp1252, not UTF-8" in article.warnings


def test_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8")
    (article,) = list(load_articles([_write(tmp_path / "a.txt", data)]))
    plain = article_from_text(TEXT, path="other.txt")
    assert isinstance(article, Article)
    assert article.text == plain.text
    assert "\r" not in (article.text or "") and "\ufeff" not in (article.text or "")
    assert article.id == plain.id
    assert article.warnings == []


def test_old_mac_line_ends_and_control_characters() -> None:
    article = article_from_text("Titel mit drei Wörtern\rZeile\x07zwei\x00\tTab  \n\n", path="a")
    assert article.text == "Titel mit drei Wörtern\nZeile zwei \tTab"


def test_nfc_normalisation_gives_the_same_id() -> None:
    decomposed = "Titel über Größe\n\nDer Bu\u0308rgermeister sprach."
    composed = "Titel über Größe\n\nDer Bürgermeister sprach."
    assert article_from_text(decomposed, path="a").id == article_from_text(composed, path="b").id


def test_furniture_is_blanked_and_offsets_map_to_file_lines(tmp_path: Path) -> None:
    raw = (
        "---\nsource: Zeitung\n---\n"  # lines 1-3
        "Vernetzen Sie sich mit uns\n"  # 4
        "Außenminister schließt Krieg aus\n"  # 5
        "SHARE:\n"  # 6
        "Werbung\n"  # 7
        "Der Minister sagte, sein Land bleibe neutral.\n"  # 8
        "Trending\n"  # 9
    )
    path = _write(tmp_path / "a.md", raw)
    (article,) = list(load_articles([path]))
    assert isinstance(article, Article) and article.text is not None
    assert article.title == "Außenminister schließt Krieg aus"
    assert article.body_line == 4
    assert "SHARE" not in article.text and "Werbung" not in article.text
    offset = article.text.index("Der Minister sagte")
    assert article.line_of(offset, article.text) == 8
    file_lines = raw.split("\n")
    assert file_lines[article.line_of(offset, article.text) - 1].startswith("Der Minister")


def test_article_of_only_furniture_is_empty(tmp_path: Path) -> None:
    (error,) = list(load_articles([_write(tmp_path / "a.txt", "SHARE:\nWerbung\n|\n")]))
    assert isinstance(error, ErrorRecord)
    assert error.code == "empty"


def test_duplicates_across_files_are_reported_once(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", TEXT)
    _write(tmp_path / "b.txt", TEXT.replace("\n", "\r\n") + "\n\n")  # same ingested text
    _write(tmp_path / "c.txt", TEXT + "Ein weiterer Satz.\n")
    results = list(load_articles([tmp_path]))
    articles = _articles(results)
    duplicates = [r for r in results if isinstance(r, DuplicateArticle)]
    assert [Path(a.path).name for a in articles] == ["a.txt", "c.txt"]
    assert duplicates == [DuplicateArticle(path=str(tmp_path / "b.txt"), article_id=articles[0].id)]
    assert articles[0].id in duplicates[0].message


def test_same_text_gives_the_same_id_whatever_the_path(tmp_path: Path) -> None:
    first = article_from_text(TEXT, path="one/a.txt")
    second = article_from_text(TEXT, path="two/b.txt")
    assert first.id == second.id and first.path != second.path
    assert article_from_text(TEXT + "Noch ein Satz.", path="one/a.txt").id != first.id


def test_jsonl_lines_load_with_bad_lines_reported(tmp_path: Path) -> None:
    good = {"text": TEXT, "title": "JSON-Titel", "published": "2023-09-27", "id": "ignored"}
    lines = [
        json.dumps(good),
        "{not json",
        "",
        json.dumps({"title": "ohne Text"}),
        json.dumps({"text": 42}),
        "   ",
        json.dumps({"text": TEXT + "Anderer Schluss.", "source": "Agentur", "ressort": "x"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Titel hier drin\nText", "published": "gestern"}),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    results = list(load_articles([path]))
    articles = _articles(results)
    assert [(a.path, a.body_line) for a in articles] == [(f"{path}:1", 1), (f"{path}:7", 7)]
    assert articles[0].title == "JSON-Titel"
    assert articles[0].published == dt.date(2023, 9, 27)
    assert articles[1].source == "Agentur"
    assert articles[1].warnings == ["unknown metadata key 'ressort' ignored"]
    errors = [(e.path, e.line, e.code) for e in _errors(results)]
    assert errors == [
        (str(path), 2, "jsonl-invalid"),
        (str(path), 4, "jsonl-no-text"),
        (str(path), 5, "jsonl-no-text"),
        (str(path), 8, "jsonl-invalid"),
        (str(path), 9, "jsonl-invalid"),
    ]


def test_jsonl_duplicate_of_a_text_file(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", TEXT)
    _write(tmp_path / "b.jsonl", json.dumps({"text": TEXT}) + "\n")
    results = list(load_articles([tmp_path]))
    assert [type(r).__name__ for r in results] == ["Article", "DuplicateArticle"]


def test_jsonl_lone_surrogate_escape_becomes_a_replacement_character(tmp_path: Path) -> None:
    """Half a UTF-16 pair is valid JSON but no text: replaced with a warning, not a crash."""
    broken = TEXT.replace("Montag", "Mon\\ud800tag")
    escaped = broken.replace("\n", "\\n")
    line = '{"text": "' + escaped + '", "title": "A \\udfff title"}'
    path = _write(tmp_path / "batch.jsonl", line + "\n")
    [article] = list(load_articles([path]))
    assert isinstance(article, Article)
    assert article.text is not None and "Mon\ufffdtag" in article.text
    assert article.title == "A \ufffd title"
    assert any("surrogate" in warning for warning in article.warnings)
    article.model_dump_json()  # encodable: the report can be written


def test_jsonl_line_over_the_limit_is_skipped(tmp_path: Path) -> None:
    big = json.dumps({"text": TEXT + "x" * 2000})
    path = _write(tmp_path / "a.jsonl", big + "\n" + json.dumps({"text": TEXT}) + "\n")
    results = list(load_articles([path], max_bytes=1000))
    assert [(type(r).__name__, getattr(r, "code", None)) for r in results] == [
        ("ErrorRecord", "too-large"),
        ("Article", None),
    ]
    assert isinstance(results[0], ErrorRecord) and results[0].line == 1


def test_jsonl_without_lines_is_empty(tmp_path: Path) -> None:
    (error,) = list(load_articles([_write(tmp_path / "a.jsonl", "\n\n")]))
    assert isinstance(error, ErrorRecord)
    assert error.code == "empty"


def test_loading_is_lazy(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.txt", TEXT)
    later = tmp_path / "b.txt"
    results = load_articles([first, later])
    assert isinstance(next(results), Article)
    _write(later, TEXT + "Nachtrag.\n")  # created only after the first article was yielded
    assert isinstance(next(results), Article)


def test_title_skips_furniture_and_short_labels() -> None:
    raw = "36450:\n\nBelarus\n\nPräsident lehnt Einsatz der Armee ab\n\nText folgt hier."
    assert article_from_text(raw, path="a").title == "Präsident lehnt Einsatz der Armee ab"


def test_title_of_a_paragraph_is_its_first_sentence() -> None:
    first = "Als der Krieg begann, diente das Land als Aufmarschgebiet für die Truppen."
    raw = first + " " + "Danach geschah sehr viel mehr, wie Beobachter berichten. " * 5
    title = article_from_text(raw, path="a").title
    assert title == first


def test_markdown_heading_mark_is_not_part_of_the_title() -> None:
    assert article_from_text("# Große Überschrift hier\n\nText", path="a.md").title == (
        "Große Überschrift hier"
    )


def test_published_date_from_text_head() -> None:
    raw = "Titel mit drei Wörtern\n43 Wochen vor\n27/09/2023\nWelt\n\nText vom 1. Mai 2020."
    article = article_from_text(raw, path="a")
    assert article.published == dt.date(2023, 9, 27)


def test_date_on_a_furniture_line_is_still_the_publication_date() -> None:
    raw = "Titel mit drei Wörtern\nVeröffentlicht am 12.03.2023, 14:05 Uhr\n\nText folgt."
    article = article_from_text(raw, path="a")
    assert article.published == dt.date(2023, 3, 12)
    assert article.text is not None and "Veröffentlicht" not in article.text


def test_date_deep_in_the_story_is_an_event_not_the_publication_date() -> None:
    story = "Der Präsident sprach lange über die Lage im Land und die Nachbarn. " * 40
    raw = "Titel mit drei Wörtern\n\n" + story + "Am 24. Februar 2022 begann der Krieg."
    assert article_from_text(raw, path="a").published is None
