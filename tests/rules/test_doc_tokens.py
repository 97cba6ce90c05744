"""One Doc per article: the rule tokens read from the extractor's Doc equal a fresh tokenisation.

The article Doc is of the unwrapped text (soft line breaks are spaces), so the whitespace runs
with a soft break are restored; a statement's tokens are a slice of the article's, with the runs
cut by its ends tokenised again. Both must be exactly what tokenising the text would give.
"""

from __future__ import annotations

import random

import pytest

from claims.ingest import article_from_text
from claims.kb.speakers import load_speakers
from claims.nlp.extract import StatementExtractor
from claims.rules.doc_tokens import article_tokens, span_tokens
from claims.rules.tokens import Tokenizer, Tokens

# Hard-wrapped paragraphs (soft breaks, some with spaces around them), quotes cut inside words.
TEXTS = [
    "Titel der Meldung\n\nDer Minister sagte am Montag in der Hauptstadt, man werde keine\n"
    "Soldaten in das Nachbarland schicken und sich auch sonst nicht einmischen. Das sei \n"
    "ausgeschlossen, betonte er vor Journalisten. „Wir greifen niemanden an“, sagte er\n"
    "später. Die Opposition warf ihm vor, die Lage zu beschönigen; sie forderte eine \n"
    " Untersuchung der Lieferungen (Panzer, Munition) durch das Parlament.\n",
    "Kurz\n\n„Wir liefern keine Waffen.“ Das erklärte die Sprecherin.\n\nNeuer Absatz – mit "
    "Gedankenstrich: «Man schließt einen Einsatz aus», hieß es.\n",
    "Ohne Umbruch: Die Regierung wies die Vorwürfe zurück, sie habe Truppen entsandt.",
]


@pytest.fixture(scope="module")
def extractor() -> StatementExtractor:
    return StatementExtractor(load_speakers())


@pytest.fixture(scope="module")
def tokenizer(extractor: StatementExtractor) -> Tokenizer:
    return Tokenizer(nlp=extractor.nlp)


def described(tokens: Tokens) -> tuple[list[str], list[int], dict[int, frozenset[str]]]:
    return [lex.text for lex in tokens.lexes], tokens.idx, tokens.extra


@pytest.mark.parametrize("raw", TEXTS)
def test_article_and_span_tokens_equal_a_fresh_tokenisation(
    extractor: StatementExtractor, tokenizer: Tokenizer, raw: str
) -> None:
    article = article_from_text(raw, path="a.txt")
    text = article.text or ""
    ((doc, statements),) = list(extractor.extract_docs([article]))
    tokens = article_tokens(tokenizer, doc, text)
    assert described(tokens) == described(tokenizer(text))
    spans = [(s.start, s.end) for s in statements]
    rnd = random.Random(len(text))
    spans += [(a, rnd.randrange(a + 1, len(text) + 1)) for a in rnd.sample(range(len(text)), 40)]
    for start, end in spans:
        got = span_tokens(tokenizer, tokens, text, start, end)
        assert described(got) == described(tokenizer(text[start:end])), (start, end)


def test_soft_breaks_are_newline_tokens_again(
    extractor: StatementExtractor, tokenizer: Tokenizer
) -> None:
    article = article_from_text(TEXTS[0], path="a.txt")
    ((doc, _),) = list(extractor.extract_docs([article]))
    assert doc.user_data["claims_text"] != article.text  # the extractor saw spaces
    tokens = article_tokens(tokenizer, doc, article.text or "")
    assert sum(lex.newline for lex in tokens.lexes) > 3


def test_a_doc_of_another_text_is_not_used(
    extractor: StatementExtractor, tokenizer: Tokenizer
) -> None:
    other = extractor.nlp.make_doc("Ganz anders.")
    tokens = article_tokens(tokenizer, other, "Etwas anderes, länger.")
    assert [lex.text for lex in tokens.lexes] == ["Etwas", "anderes", ",", "länger", "."]


def test_span_doc_for_raw_patterns_has_the_words(tokenizer: Tokenizer) -> None:
    text = "Er sagte: „Das ist keine Lüge“."
    tokens = tokenizer(text)
    span = span_tokens(tokenizer, tokens, text, 11, 29)
    assert span.text == "Das ist keine Lüge"
    assert [t.text for t in span.annotated_doc()] == ["Das", "ist", "keine", "Lüge"]
    assert span.annotated_doc()[1]._.claims_keys
