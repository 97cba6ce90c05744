"""Exact screens for two role patterns of the mention finder that no literal opens.

``der belarussische Präsident`` and ``der Präsident von Belarus`` open with optional words and a
look-behind, so the regex engine tries them at every character of a text that holds a role noun
(272 of the 850 benchmark texts, with seven matches between them). Each pattern holds a core
that a match cannot do without: a country adjective one to three words before a role noun, or a
country right after one. Role nouns are words (``[\\w-]+``), so the role noun of a match starts
where the finder's role-noun search reports one; the screens try the core only there, and the
full pattern runs only when a core matches: the same matches, found at a fraction of the cost.
"""

from __future__ import annotations

import re


class RoleScreens:
    """Whether ``role_adj`` / ``role_after`` can match, from the role nouns' starts.

    ``adjective_core`` is the part of ``role_adj`` from the adjective to the role noun (no
    look-around); ``after_core`` the part of ``role_after`` from the role noun to the country
    (no look-around); ``longest_role`` the length of the longest role noun."""

    def __init__(self, adjective_core: str, after_core: str, longest_role: int) -> None:
        self._adjective = re.compile(adjective_core)
        self._after = re.compile(after_core)
        self._longest = longest_role

    def adjective_before(self, text: str, role_starts: list[int]) -> bool:
        """A country adjective and at most two words before a role noun: the adjective stands
        in one of the three whitespace-separated words before it (the core has no other
        whitespace), and the match ends within the longest role noun."""
        for start in role_starts:
            if not start or not text[start - 1].isspace():
                continue  # the core puts whitespace right before the role noun
            lo = _words_back(text, start, 3)
            if self._adjective.search(text, lo, start + self._longest) is not None:
                return True
        return False

    def country_after(self, text: str, role_starts: list[int]) -> bool:
        """A role noun followed by ``von`` and a country, or a country's genitive."""
        return any(self._after.match(text, start) is not None for start in role_starts)


def _words_back(text: str, end: int, count: int) -> int:
    """Where the ``count``-th whitespace-separated word before ``end`` starts (0 if fewer)."""
    i = end
    for _ in range(count):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i
