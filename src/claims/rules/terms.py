"""Lemma term patterns: data-defined slots that must all occur in one clause (or sentence).

German word order is free, so a pattern is not a token sequence but a set of *slots* that must
all occur in one clause (or sentence), in any order: ``[[schicken, entsenden], [soldat, truppe]]``
matches "wir schicken keine Soldaten" and "Soldaten werden wir nicht entsenden". A slot
alternative is one or more words (consecutive tokens: "zur verfügung"); a word may start or end
with ``*`` ("*krieg" matches "Angriffskrieg", "verwundet*" matches "Verwundeten"), or be a raw
spaCy ``Matcher`` token pattern (a list of dicts).

Pattern words are expanded to keys the way tokens are (see :mod:`claims.rules.tokens`), so the
lookup lemmatizer's gaps ("schicken" -> "schick") cancel out. Which pattern words a word form
matches is computed once per form, so matching a text costs one dict look-up per token.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claims.rules.clauses import Analysis
from claims.rules.tokens import Lex, Tokenizer, Tokens, keystr, stem

Alternative = str | list[dict[str, Any]]
#: a slot: (owner rank, pattern index, slot index; -1 for the blocking "none" slot)
Slot = tuple[int, int, int]
#: a word of an alternative: (slot, alternative number, position, alternative length)
Entry = tuple[Slot, int, int, int]
#: what one word form matches: slots of one-word alternatives, first words of longer ones, all
Found = tuple[tuple[Slot, ...], tuple[Entry, ...], frozenset[Entry]]
_NOTHING: Found = ((), (), frozenset())


class TermPattern(BaseModel):
    """Slots that must all occur in one clause (or sentence), in any order."""

    model_config = ConfigDict(extra="forbid")

    terms: list[list[Alternative]] = Field(min_length=1)
    none: list[str] = Field(
        default_factory=list, description="Terms that block the pattern in the same scope."
    )
    scope: Literal["clause", "sentence"] = "clause"

    @field_validator("terms")
    @classmethod
    def _slots_not_empty(cls, value: list[list[Alternative]]) -> list[list[Alternative]]:
        for slot in value:
            if not slot:
                raise ValueError("a slot needs at least one term")
            for alt in slot:
                if isinstance(alt, str) and not alt.strip():
                    raise ValueError("empty term")
        return value


@dataclass(frozen=True)
class WordSpec:
    """One pattern word: a set of exact keys, or a wildcard over the token's keys.

    A wildcard ``*core``, ``core*`` or ``*core*`` matches a key that ends with, starts with or
    contains ``core`` or its stem (``cores``); ``regex`` is the same test over the token's key
    string ``|key|key|``.
    """

    exact: frozenset[str] = frozenset()
    regex: re.Pattern[str] | None = None
    cores: tuple[str, ...] = ()
    left: bool = False  # a wildcard before the core: "*krieg"
    right: bool = False  # a wildcard after it: "verwundet*"


def word_spec(word: str, lemma: Callable[[str], str]) -> WordSpec:
    """The keys (or the wildcard) one pattern word matches."""
    word = word.lower()
    if word.startswith("*") or word.endswith("*"):
        cores = tuple(sorted({word.strip("*"), stem(word.strip("*"))}))
        core = "|".join(re.escape(c) for c in cores)
        left = r"[^|]*" if word.startswith("*") else ""
        right = r"[^|]*" if word.endswith("*") else ""
        return WordSpec(
            regex=re.compile(rf"\|{left}(?:{core}){right}\|"),
            cores=cores,
            left=word.startswith("*"),
            right=word.endswith("*"),
        )
    return WordSpec(
        exact=frozenset({word, stem(word), lemma(word).lower(), stem(lemma(word).lower())})
    )


#: the suffix, prefix and infix cores of the wildcards (see :meth:`Wildcards.screen`)
Cores = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def _any_fits(
    keys: list[str], suffixes: tuple[str, ...], prefixes: tuple[str, ...], infixes: tuple[str, ...]
) -> bool:
    """Whether a key ends with a suffix, starts with a prefix or holds an infix."""
    for key in keys:
        if key.endswith(suffixes) or key.startswith(prefixes):
            return True
        for core in infixes:
            if core in key:
                return True
    return False


class Wildcards:
    """Which wildcard pattern words a token's keys match, by dictionary look-ups of each key's
    prefixes and suffixes instead of one regex search per wildcard and word form.

    The same answer as searching every wildcard's regex in the key string ``|key|key|``: a key
    is a segment between two bars (a key with a bar inside is two segments, as for the regex).
    """

    def __init__(self) -> None:
        self.suffix: dict[str, list[Entry]] = defaultdict(list)  # "*core"
        self.prefix: dict[str, list[Entry]] = defaultdict(list)  # "core*"
        self.infix: list[tuple[tuple[str, ...], Entry]] = []  # "*core*"
        self._count = 0
        # every tail of a suffix core and every head of a prefix core: a key is cut only as
        # far as some core could still fit (two or three look-ups for most keys)
        self._suffix_tails: set[str] = set()
        self._prefix_heads: set[str] = set()
        self._by_key: dict[str, tuple[Entry, ...]] = {}
        self._screen: Cores | None = None
        self._screened = False  # whether _screen holds the wildcards added so far

    def add(self, spec: WordSpec, entry: Entry) -> None:
        self._count += 1
        self._by_key.clear()
        self._screened = False
        if spec.left and spec.right:
            self.infix.append((spec.cores, entry))
            return
        index = self.suffix if spec.left else self.prefix
        for core in spec.cores:
            if entry not in index[core]:
                index[core].append(entry)
            if spec.left:
                self._suffix_tails.update(core[i:] for i in range(len(core)))
            else:
                self._prefix_heads.update(core[:i] for i in range(1, len(core) + 1))

    def __len__(self) -> int:
        return self._count

    def screen(self) -> Cores | None:
        """The cores of the wildcards added so far, by kind (suffix, prefix, infix): a key string
        none of whose keys ends with a suffix core, starts with a prefix core or holds an infix
        core matches no wildcard, so most word forms, which match none, are not cut key by key
        (three C-level string tests per key, not one regex of 100 alternatives per form); None
        when a core is empty or holds a bar (it could span two keys)."""
        if not self._screened:
            infix = tuple(core for cores, _ in self.infix for core in cores)
            screen = (tuple(self.suffix), tuple(self.prefix), infix)
            usable = all(core and "|" not in core for cores in screen for core in cores)
            self._screen = screen if usable else None
            self._screened = True
        return self._screen

    def search(self, keys_string: str, found: set[Entry]) -> None:
        """Add the entries whose wildcard matches a key of ``keys_string`` to ``found``."""
        keys = keys_string.split("|")[1:-1]
        screen = self.screen()
        if screen is not None and not _any_fits(keys, *screen):
            return  # no wildcard matches any key
        by_key = self._by_key
        for key in keys:
            hits = by_key.get(key)
            if hits is None:
                if len(by_key) > 200_000:
                    by_key.clear()
                hits = by_key[key] = self._key_hits(key)
            found.update(hits)

    def _key_hits(self, key: str) -> tuple[Entry, ...]:
        """The entries one key matches, in the order of a scan over its cut points ``i``
        (``key[i:]`` a suffix core, then ``key[:i]`` a prefix core, for ``i`` rising); the
        lemma and stem keys recur across word forms, so each key is cut once."""
        suffix, prefix = self.suffix, self.prefix
        size = len(key)
        cuts: list[tuple[int, int, list[Entry]]] = []  # (i, 0 suffix / 1 prefix, entries)
        if "" in suffix:
            cuts.append((size, 0, suffix[""]))
        tails = self._suffix_tails
        for i in range(size - 1, -1, -1):  # longer and longer tails, while one can fit
            tail = key[i:]
            if tail not in tails:
                break
            if tail in suffix:
                cuts.append((i, 0, suffix[tail]))
        if "" in prefix:
            cuts.append((0, 1, prefix[""]))
        heads = self._prefix_heads
        for i in range(1, size + 1):
            head = key[:i]
            if head not in heads:
                break
            if head in prefix:
                cuts.append((i, 1, prefix[head]))
        hits: list[Entry] = []
        for _, _, entries in sorted(cuts, key=lambda cut: cut[:2]):
            hits.extend(entries)
        hits.extend(entry for cores, entry in self.infix if any(core in key for core in cores))
        return tuple(hits)


class SlotMatcher:
    """Compile many owners' patterns once; report which patterns hit in which unit.

    String terms are found through an index from token keys to pattern words (cached per word
    form), raw token patterns (lists of dicts) through a spaCy ``Matcher``.
    """

    def __init__(
        self, tokenizer: Tokenizer, owners: Iterable[tuple[str, Sequence[TermPattern]]]
    ) -> None:
        from spacy.matcher import Matcher

        self.tokenizer = tokenizer
        self.matcher = Matcher(tokenizer.vocab)
        self.patterns: dict[str, list[TermPattern]] = {}
        self.exact: dict[str, list[Entry]] = defaultdict(list)
        self.wildcards = Wildcards()
        self._slots: dict[str, Slot] = {}  # Matcher label -> slot
        self._by_lex: dict[Lex, Found] = {}
        self._by_keys: dict[frozenset[str], Found] = {}
        # what the raw token patterns read besides the words: only that is set on their doc
        self._lemmas = False
        self._keys = False
        ranks: dict[str, int] = {}
        alt_number = 0
        raw: dict[tuple[int, int], set[int]] = {}  # (rank, pattern) -> slots with a raw pattern
        sizes: dict[tuple[int, int], int] = {}
        repeated = False
        for owner, patterns in owners:
            repeated = repeated or owner in ranks
            rank = ranks.setdefault(owner, len(ranks))
            self.patterns[owner] = list(patterns)
            for p_index, pattern in enumerate(patterns):
                slots: list[tuple[int, Sequence[Alternative]]] = list(enumerate(pattern.terms))
                if pattern.none:
                    slots.append((-1, pattern.none))
                for s_index, alternatives in slots:
                    slot = (rank, p_index, s_index)
                    label = f"{owner}\x1f{p_index}\x1f{s_index if s_index >= 0 else 'none'}"
                    self._slots[label] = slot
                    sizes[(rank, p_index)] = len(pattern.terms)
                    for alt in alternatives:
                        alt_number += 1
                        if not isinstance(alt, str):
                            raw.setdefault((rank, p_index), set()).add(s_index)
                            self.matcher.add(label, [alt])
                            self._lemmas = self._lemmas or any("LEMMA" in t for t in alt)
                            self._keys = self._keys or any("_" in t for t in alt)
                            continue
                        words = alt.split()
                        for position, word in enumerate(words):
                            spec = word_spec(word, tokenizer.lemma)
                            entry = (slot, alt_number, position, len(words))
                            if spec.regex is not None:
                                self.wildcards.add(spec, entry)
                            for key in spec.exact:
                                self.exact[key].append(entry)
        self._owners = list(self.patterns)
        #: for each pattern with raw token patterns, its slots without one: the raw matches can
        #: count only where each of these has a string hit (None: always run the Matcher)
        self._raw_needs: dict[tuple[int, int], tuple[int, ...]] | None = (
            None
            if repeated
            else {
                key: tuple(s for s in range(sizes[key]) if s not in slots)
                for key, slots in raw.items()
            }
        )

    def _entries(self, keys: frozenset[str], keys_string: str) -> Found:
        found = {e for key in keys for e in self.exact.get(key, ())}
        if len(self.wildcards):
            self.wildcards.search(keys_string, found)
        if not found:
            return _NOTHING
        singles = tuple({slot for slot, _, _, length in found if length == 1})
        starts = tuple(e for e in found if e[2] == 0 and e[3] > 1)
        return singles, starts, frozenset(found)

    def _fill(self, lex: Lex) -> Found:
        found = self._by_lex[lex] = self._entries(lex.keys, lex.keystr)
        return found

    def _term_hits(self, tokens: Tokens) -> list[tuple[Slot, int]]:
        """(slot, start token) of every string term found in the text, in token order."""
        get, fill = self._by_lex.get, self._fill
        per_token = [get(lex) or fill(lex) for lex in tokens.lexes]
        for i, keys in tokens.extra.items():
            joined = self._by_keys.get(keys)
            if joined is None:
                joined = self._by_keys[keys] = self._entries(keys, keystr(keys))
            per_token[i] = joined
        at = {i: found for i, found in enumerate(per_token) if found is not _NOTHING}
        hits: list[tuple[Slot, int]] = []
        n = len(tokens)
        for i, (singles, starts, _) in at.items():
            hits.extend((slot, i) for slot in singles)
            for slot, alt, _, length in starts:
                if i + length <= n and all(
                    (slot, alt, p, length) in at.get(i + p, _NOTHING)[2] for p in range(1, length)
                ):
                    hits.append((slot, i))
        return hits

    def _raw_may_count(self, hits: list[tuple[Slot, int]]) -> bool:
        """Whether a raw token pattern's match could complete a pattern: a pattern needs a hit
        in every slot, so the spaCy ``Matcher`` (a doc per text, Python predicates per token)
        runs only when some pattern with raw slots has string hits in all its other slots."""
        if self._raw_needs is None:
            return True
        hit = {slot for slot, _ in hits}
        return any(
            all((rank, p_index, s) in hit for s in needs)
            for (rank, p_index), needs in self._raw_needs.items()
        )

    def match(self, tokens: Tokens, analysis: Analysis) -> dict[str, list[list[int]]]:
        """For each owner, the hits: token indexes of one match of all slots in one unit."""
        hits = self._term_hits(tokens)
        if len(self.matcher) and self._raw_may_count(hits):
            strings = self.tokenizer.vocab.strings
            doc = tokens.annotated_doc(lemmas=self._lemmas, keys=self._keys)
            hits += [(self._slots[strings[m]], start) for m, start, _ in self.matcher(doc)]
        # (owner rank, pattern index) -> slot index -> token starts, in hit order
        found: dict[tuple[int, int], dict[int, list[int]]] = {}
        for (rank, p_index, s_index), start in hits:
            by_slot = found.get((rank, p_index))
            if by_slot is None:
                found[(rank, p_index)] = {s_index: [start]}
            elif s_index in by_slot:
                by_slot[s_index].append(start)
            else:
                by_slot[s_index] = [start]
        result: dict[str, list[list[int]]] = {}
        for (rank, p_index), by_slot in sorted(found.items()):
            owner = self._owners[rank]
            if p_index >= len(self.patterns[owner]):
                continue  # an owner id given twice: its last patterns count
            pattern = self.patterns[owner][p_index]
            size = len(pattern.terms)
            if len(by_slot) - (-1 in by_slot) < size:
                continue
            locate = analysis.clause_start if pattern.scope == "clause" else analysis.sentence_index
            per_unit: dict[int, dict[int, int]] = {}
            for s_index in range(size):
                for token_i in by_slot.get(s_index, ()):
                    unit = locate(token_i)
                    if unit >= 0:
                        per_unit.setdefault(unit, {}).setdefault(s_index, token_i)
            blocked = {locate(token_i) for token_i in by_slot.get(-1, ())}
            for unit, slots in sorted(per_unit.items()):
                if unit not in blocked and len(slots) == size:
                    result.setdefault(owner, []).append(sorted(slots.values()))
        return result
