"""The slot matcher runs spaCy's Matcher for raw token patterns only where it can matter."""

from __future__ import annotations

from claims.rules.clauses import analyse
from claims.rules.terms import SlotMatcher, TermPattern
from claims.rules.tokens import shared_tokenizer


def test_raw_token_patterns_run_only_when_they_could_complete_a_pattern() -> None:
    raw = [{"LOWER": {"IN": ["wir", "uns"]}}]
    patterns = [
        TermPattern(terms=[[raw], ["verteidigen"], ["nur"]]),
        TermPattern(terms=[["krieg"], [raw, "russland"]]),
    ]
    tokenizer = shared_tokenizer()
    fast = SlotMatcher(tokenizer, [("a", patterns)])
    slow = SlotMatcher(tokenizer, [("a", patterns)])
    slow._raw_needs = None  # always run the Matcher
    assert fast._raw_needs == {(0, 0): (1, 2), (0, 1): (0,)}
    for text in [
        "Wir verteidigen nur unser Land.",
        "Wir verteidigen unser Land.",
        "Uns hilft nur der Krieg.",
        "Russland führt Krieg.",
        "Das Wetter ist schön.",
    ]:
        tokens = tokenizer(text)
        assert fast.match(tokens, analyse(tokens)) == slow.match(tokens, analyse(tokens)), text
    tokens = tokenizer("Wir verteidigen nur unser Land.")
    assert fast.match(tokens, analyse(tokens)) == {"a": [[0, 1, 2]]}
