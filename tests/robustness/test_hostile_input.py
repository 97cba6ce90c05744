"""Hostile and broken input: huge files, YAML bombs, unwritable outputs — clear errors, no crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claims.atomic import write_text_atomic
from claims.datafiles import MAX_DATA_FILE_BYTES, load_models
from claims.errors import DataFileError, InputError, OutputError
from claims.ingest import load_articles
from claims.models import Action, Article, ErrorRecord

YAML_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
actions: [*g]
"""


def test_yaml_bomb_as_data_file_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "kb.yaml"
    bomb.write_text(YAML_BOMB, encoding="utf-8")
    with pytest.raises(DataFileError, match="YAML nodes"):
        load_models(bomb, Action, key="actions")


def test_huge_data_file_is_refused_before_parsing(tmp_path: Path) -> None:
    huge = tmp_path / "rules.yaml"
    huge.write_text("rules:\n" + "# padding\n" * (MAX_DATA_FILE_BYTES // 10 + 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="over the limit"):
        load_models(huge, Action, key="rules")


def test_yaml_bomb_in_front_matter_is_an_article_error(tmp_path: Path) -> None:
    article = tmp_path / "bomb.md"
    article.write_text(
        "---\n" + YAML_BOMB.replace("actions", "title") + "---\nText.\n", encoding="utf-8"
    )
    good = tmp_path / "good.txt"
    good.write_text("Titel\n\nLukaschenko sagte, er sei zufrieden.\n", encoding="utf-8")
    items = list(load_articles([tmp_path]))
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [Path(e.path).name for e in errors] == ["bomb.md"]
    assert [Path(a.path).name for a in articles] == ["good.txt"]


def test_fifty_megabyte_one_line_file_is_refused_by_default_and_others_load(
    tmp_path: Path,
) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        chunk = "Lukaschenko sagte „nein“ und ging. " * 1000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    (tmp_path / "small.txt").write_text("Titel\n\nEin kurzer Text.\n", encoding="utf-8")
    items = list(load_articles([tmp_path]))
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    assert [e.code for e in errors] == ["too-large"]
    assert "--max-bytes" in errors[0].message
    assert sum(isinstance(i, Article) for i in items) == 1


def test_output_into_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_text_atomic(tmp_path / "nope" / "r.json", "{}")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_output_into_read_only_folder_is_an_output_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            write_text_atomic(folder / "r.json", "{}")
    finally:
        folder.chmod(0o700)


def test_failed_write_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise KeyboardInterrupt  # e.g. Ctrl-C at the worst moment

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"], "no temp file left behind"


def test_missing_article_path_is_reported_not_raised(tmp_path: Path) -> None:
    items = list(load_articles([tmp_path / "missing.txt"]))
    assert len(items) == 1 and isinstance(items[0], ErrorRecord)
    assert items[0].code == "not-found"
    assert not isinstance(items[0], InputError)
