"""The rule stage's closed word classes live in ``data/rule_words.yaml``, each list once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from claims.errors import DataFileError
from claims.rules import lexicon
from claims.wordlists import list_names, word_list, word_map


def test_every_list_loads_and_is_used() -> None:
    names = set(list_names(lexicon.FILE))
    text = Path(lexicon.__file__ or "").read_text(encoding="utf-8")
    assert names == {n for n in names if f'"{n}"' in text}  # no list left unused


@pytest.mark.parametrize("name", list_names(lexicon.FILE))
def test_a_list_has_no_duplicates_and_is_lower_case(name: str) -> None:
    if name == "quote_pairs":
        words = [w for ws in word_map(lexicon.FILE, name).values() for w in ws]
        assert words
        return
    words = list(word_list(lexicon.FILE, name))
    assert words, name
    assert [w for w, n in Counter(words).items() if n > 1] == []
    assert all(w == w.lower() for w in words), name


def test_each_list_once() -> None:
    names = [n for n in list_names(lexicon.FILE) if n != "quote_pairs"]
    lists = [frozenset(word_list(lexicon.FILE, n)) for n in names]
    assert len(set(lists)) == len(lists)


def test_quote_marks_are_the_pairs() -> None:
    assert frozenset('„“”"«»‚‘’‹›') == lexicon.QUOTE_CHARS
    assert lexicon.NEGATIVE_CUES > lexicon.LEXICAL_NEGATORS


def test_a_file_that_is_no_mapping_is_a_data_file_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = tmp_path / "not-a-mapping.yaml"
    bad.write_text("- a\n- b\n", encoding="utf-8")
    monkeypatch.setattr("claims.wordlists.package_data", lambda name: bad)
    with pytest.raises(DataFileError):  # errors are not cached: nothing to clear afterwards
        word_list("not-a-mapping.yaml", "x")
