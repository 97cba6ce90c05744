"""Round ``nlp-17`` (issue 19): a pronoun as the agent of a passive speech act is the person
named last before its clause. The sentences are written for these tests (first run: none of
the three attributed)."""

from __future__ import annotations

import pytest
from nlp_helpers import Extract, by_text


@pytest.mark.parametrize(
    ("text", "content", "kind", "speaker"),
    [
        (
            "Lukaschenko sprach am Montag in Minsk. Eine Beteiligung seines Landes wurde von "
            "ihm bestritten.",
            "Eine Beteiligung seines Landes",
            "reported",
            "lukashenko",
        ),
        (
            "Die Ministerin Anna Weber besuchte das Werk. Die Vorwürfe wurden von ihr "
            "zurückgewiesen.",
            "Die Vorwürfe",
            "reported",
            "other:Anna Weber",
        ),
        (
            "Der Bürgermeister Karl Brandt kam zu spät. Später wurde von ihm bestätigt, dass "
            "die Brücke gesperrt bleibt.",
            "die Brücke gesperrt bleibt",
            "indirect",
            "other:Karl Brandt",
        ),
    ],
)
def test_a_pronoun_agent_is_the_person_named_before(
    extract: Extract, text: str, content: str, kind: str, speaker: str
) -> None:
    found = by_text(extract(text), content)
    assert (found.kind, found.speaker) == (kind, speaker)


def test_a_pronoun_agent_of_another_verb_speaks_no_words(extract: Extract) -> None:
    text = "Der Bote Max Keller kam am Morgen. Das Paket wurde von ihm abgeholt."
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Der Minister bezeichnete die Wahl als Erfolg.", "Der Minister"),
        ("Der Trainer kündigte einen harten Kurs an.", "Der Trainer"),
        ("Die Ministerin bezeichnete die Wahl als Erfolg.", "Die Ministerin"),
    ],
)
def test_a_masculine_described_speaker_speaks_as_a_feminine_one(
    extract: Extract, text: str, subject: str
) -> None:
    # "Der" opening the clause is the subject's article, not a genitive after a head noun
    (found,) = extract(text)
    assert found.kind == "reported" and found.speaker is None
    assert found.speaker_span is not None
    assert text[found.speaker_span[0] : found.speaker_span[1]] == subject
