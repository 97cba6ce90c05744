"""The match keys as a spaCy component, for pipelines that want them on their tokens.

The tagger and the evidence finder do not run a pipeline: they tokenise with spaCy and compute
keys per word form (see :mod:`claims.rules.tokens`). ``build_nlp`` gives the same keys as token
extensions (``token._.claims_keys``, ``token._.claims_keystr``) for inspection and for other
components; the term patterns themselves live in :mod:`claims.rules.terms`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claims.nlp.tokenizer import blank_german
from claims.rules.terms import SlotMatcher, TermPattern, WordSpec, word_spec
from claims.rules.tokens import (
    KEYS,
    KEYSTR,
    base_keys,
    infinitive,
    register_key_extensions,
    stem,
    tokens_of_doc,
)

__all__ = [
    "KEYS",
    "KEYSTR",
    "SlotMatcher",
    "TermPattern",
    "TokenKeys",
    "WordSpec",
    "base_keys",
    "build_nlp",
    "infinitive",
    "stem",
    "word_spec",
]

register_key_extensions()


@Language.factory("claims_token_keys", assigns=[f"token._.{KEYS}", f"token._.{KEYSTR}"])
def make_token_keys(nlp: Language, name: str) -> TokenKeys:
    return TokenKeys()


class TokenKeys:
    """Give every token its match keys (see :mod:`claims.rules.tokens`)."""

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.find(doc))

    def find(self, doc: Doc) -> list[set[str]]:
        tokens = tokens_of_doc(doc)
        return [set(tokens.keys(i)) for i in range(len(tokens))]

    def set_annotations(self, doc: Doc, keys: list[set[str]]) -> Doc:
        for token, token_keys in zip(doc, keys, strict=True):
            ordered = tuple(sorted(token_keys))
            token._.set(KEYS, ordered)
            token._.set(KEYSTR, "|" + "|".join(ordered) + "|")
        return doc


def build_nlp() -> Language:
    """A blank German pipeline with the lookup lemmatizer and the key component."""
    nlp = blank_german()
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("claims_token_keys")
    nlp.initialize()
    return nlp
