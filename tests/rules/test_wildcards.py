"""Wildcard pattern words found by prefix and suffix look-ups give the regex's answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.rules.terms import Wildcards, word_spec
from claims.rules.tokens import keystr

LETTERS = "aeknrst|ü"
word = st.text(alphabet=LETTERS.replace("|", ""), min_size=0, max_size=6)
key = st.text(alphabet=LETTERS, min_size=1, max_size=9)


@settings(max_examples=300, deadline=None)
@given(
    patterns=st.lists(
        st.tuples(word, st.sampled_from(["*{}", "{}*", "*{}*"])), min_size=1, max_size=6
    ),
    keys=st.frozensets(key, min_size=1, max_size=4),
)
def test_wildcards_agree_with_their_regexes(
    patterns: list[tuple[str, str]], keys: frozenset[str]
) -> None:
    index = Wildcards()
    specs = []
    for number, (core, shape) in enumerate(patterns):
        spec = word_spec(shape.format(core), lambda w: w)
        entry = ((0, number, 0), number, 0, 1)
        index.add(spec, entry)
        specs.append((spec, entry))
    string = keystr(keys)
    found: set = set()
    index.search(string, found)
    assert spec.regex is not None
    assert found == {entry for spec, entry in specs if spec.regex and spec.regex.search(string)}


def test_shapes() -> None:
    index = Wildcards()
    for number, pattern in enumerate(["*krieg", "verwundet*", "*waffe*"]):
        index.add(word_spec(pattern, lambda w: w), ((0, number, 0), number, 0, 1))
    found: set = set()
    index.search("|angriffskrieg|verwundeten|xwaffenx|", found)
    assert {e[1] for e in found} == {0, 1, 2}
    found = set()
    index.search("|kriegsende|unverwundet|", found)
    assert found == set()


@settings(max_examples=300, deadline=None)
@given(
    patterns=st.lists(st.tuples(word, st.sampled_from(["*{}", "{}*"])), min_size=1, max_size=6),
    one=key,
)
def test_hits_come_in_the_order_of_a_scan_over_every_cut(
    patterns: list[tuple[str, str]], one: str
) -> None:
    index = Wildcards()
    for number, (core, shape) in enumerate(patterns):
        index.add(word_spec(shape.format(core), lambda w: w), ((0, number, 0), number, 0, 1))
    expected = []
    for i in range(len(one) + 1):
        expected += index.suffix.get(one[i:], [])
        expected += index.prefix.get(one[:i], [])
    expected += [entry for cores, entry in index.infix if any(c in one for c in cores)]
    assert list(index._key_hits(one)) == expected


def test_a_wildcard_added_after_a_search_is_found() -> None:
    """The screen regex that skips word forms no wildcard matches follows later additions."""
    index = Wildcards()
    index.add(word_spec("*krieg", lambda w: w), ((0, 0, 0), 0, 0, 1))
    found: set = set()
    index.search("|waffenlieferung|", found)
    assert found == set()
    index.add(word_spec("waffe*", lambda w: w), ((0, 1, 0), 1, 0, 1))
    index.search("|waffenlieferung|", found)
    assert {e[1] for e in found} == {1}


def test_a_form_no_wildcard_fits_is_not_cut_key_by_key() -> None:
    """The screen (a key ends with a suffix core, starts with a prefix core or holds an infix
    core) lets only forms some wildcard may match reach the cuts."""
    index = Wildcards()
    for number, pattern in enumerate(["*krieg", "waffe*", "*panzer*"]):
        index.add(word_spec(pattern, lambda w: w), ((0, number, 0), number, 0, 1))
    assert index.screen() == (("krieg",), ("waff", "waffe"), ("panz", "panzer"))  # and stems
    found: set = set()
    for string in ("|frieden|friedens|", "|kriegsende|", "|xwaffe|"):
        index.search(string, found)
    assert found == set() and index._by_key == {}  # screened out: nothing cut
    index.search("|kampfpanzern|", found)
    assert {e[1] for e in found} == {2}
