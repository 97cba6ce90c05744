"""spaCy's German tokenizer with two more infixes: a colon glued to a quote mark.

News text often drops the space after a colon before a quote (``meldet RT DE:"Im Wortlaut``,
``sagte:„Nein“``); the stock rules keep ``DE:"Im`` as one token, so the quote mark is never
seen and a name swallows the colon. Every part that tokenizes (the extractor, the rule stage,
the SpkAtt writer) builds its tokenizer here, so they all agree.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

_QUOTES = "\"„“”»«‚‘"
#: ``DE:"Im`` -> ``DE`` ``:`` ``"`` ``Im``
COLON_QUOTE_INFIXES = (
    r"(?<=\w)[:;](?=[" + _QUOTES + r"])",
    r"(?<=[:;])[" + _QUOTES + r"](?=\w)",
)


def blank_german() -> Language:
    """``spacy.blank("de")`` with the colon-quote infixes."""
    nlp = spacy.blank("de")
    add_colon_quote_infixes(nlp)
    return nlp


def add_colon_quote_infixes(nlp: Language) -> None:
    """Add the colon-quote infixes to ``nlp``'s tokenizer (a trained pipeline's too)."""
    infixes = list(nlp.Defaults.infixes or []) + list(COLON_QUOTE_INFIXES)
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
