"""Organisations as speakers: named bodies and media, bodies named by their short form or after
their common noun, a seat after the name, spokespeople and leaders speaking for their body, and
a bare ``ein Sprecher`` naming nobody. All texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    Extract,
    by_text,
)


def test_named_bodies_and_sentence_subjects_of_speech_nouns(extract) -> None:
    st = extract("Wie die Hoover Institution am Montag mitteilte, ist der Plan gescheitert.")
    assert st[0].speaker == "other:Hoover Institution"
    st = extract(
        "Die KVG begegnet den Beschwerden der Anwohner mit dem Argument, die Busse seien nachts "
        "ohnehin fast leer."
    )
    assert st[0].speaker == "other:KVG"


def test_bodies_named_after_their_common_noun(extract: Extract) -> None:
    statements = extract(
        "Die Zeitung „Kieler Anzeiger“ berichtet, dass zwei Runden geführt worden seien. "
        "„Das ist gut für alle Beteiligten“, schreibt die „Computerzeitung“. "
        "Wie der deutsche Sportartikelhersteller Puma am Morgen bekannt gab, wird er den "
        "Konkurrenten übernehmen. Die Grenzen werden geschlossen, kündigte die Regierung in "
        "Bamako an."
    )
    assert by_text(statements, "zwei Runden").speaker == "other:Kieler Anzeiger"
    assert by_text(statements, "gut für alle").speaker == "other:Computerzeitung"
    assert not any(s.text == "Computerzeitung" for s in statements)  # the name, no quote
    assert by_text(statements, "den Konkurrenten").speaker == "other:Puma"
    seat = by_text(statements, "Grenzen werden")
    assert seat.speaker == "other:Regierung"
    assert "Bamako" in (seat.speaker_mention or "")


def test_quoted_and_adjective_named_subjects_after_the_verb(extract: Extract) -> None:
    statements = extract(
        "Die Regierung sei gestürzt, zitiert „Radio Sahel“ aus der Stellungnahme. "
        "Die Lager seien geräumt worden, berichtet der britische Telegraph."
    )
    assert by_text(statements, "Regierung sei gestürzt").speaker == "other:Radio Sahel"
    assert by_text(statements, "Lager seien").speaker == "other:Telegraph"


def test_object_after_adjective_is_no_body(extract: Extract) -> None:
    statements = extract(
        "Der Ministerin Karla Berg wurde widersprochen.\n\n"
        "Berg bekräftigte das umfassende Engagement der Kommission für die Grundrechte. Die "
        "Pflichten der Union seien klar festgelegt: „Daraus ergibt sich, dass nationales Recht "
        "nicht widersprechen darf.“"
    )
    assert all(s.speaker != "other:Engagement" for s in statements)


def test_two_word_name_with_a_participle_after_its_auxiliary(extract: Extract) -> None:
    statements = extract(
        "Der Streit dauert an.\n\nTerra Viva hat schon wiederholt darauf hingewiesen, dass es "
        "sich um eine überzogene Gebühr handelt."
    )
    assert by_text(statements, "überzogene Gebühr").speaker == "other:Terra Viva"


def test_body_named_by_its_short_form_in_brackets(extract: Extract) -> None:
    statements = extract(
        "Die Schutzgemeinschaft der Sparer (SdS) forderte am Mittwoch den Rücktritt des Chefs. "
        "Er stehe einer Aufklärung im Wege."
    )
    assert by_text(statements, "Rücktritt des Chefs").speaker == "other:SdS"
    assert by_text(statements, "Aufklärung im Wege").speaker == "other:SdS"


def test_representative_of_a_named_body_with_its_seat(extract: Extract) -> None:
    statements = extract(
        "„Solche Bilder habe ich noch nie gesehen“, erklärte der Einsatzleiter der Polizei in "
        "Bremen."
    )
    quote = by_text(statements, "Solche Bilder")
    assert quote.speaker == "other:Polizei"
    assert quote.speaker_mention == "Polizei in Bremen"


def test_description_before_a_colon_names_the_body(extract: Extract) -> None:
    statements = extract(
        "Die Lage ist ernst.\n\nEin Beamter der Nationalgarde: „Hier weiß jeder, wer die Täter "
        "sind.“"
    )
    assert by_text(statements, "wer die Täter").speaker == "other:Nationalgarde"


def test_leadership_of_a_named_body_speaks_for_it(extract: Extract) -> None:
    statements = extract(
        "Die Fans randalierten. Die Vereinsleitung von Hansa Rostock hat nun versprochen, gegen "
        "die Randalierer vorzugehen."
    )
    assert by_text(statements, "Randalierer").speaker == "other:Hansa Rostock"


def test_spokesperson_speaks_for_the_institution(extract) -> None:
    statements = extract(
        "„Wir prüfen den Vorfall genau“, sagte ein Sprecher des Verteidigungsministeriums."
    )
    assert statements[0].speaker == "other:Verteidigungsministeriums"


def test_spokesperson_compound_names_the_body(extract: Extract) -> None:
    statements = extract("„Wir unterstützen das Land“, sagte ein IWF-Sprecher in Washington.")
    assert by_text(statements, "unterstützen das Land").speaker == "other:IWF"


def test_a_spokesman_of_a_named_body_names_the_body(extract: Extract) -> None:
    statements = extract("„Wir freuen uns sehr über den Preis“, sagte ein Siemens-Sprecher.")
    assert by_text(statements, "Wir freuen uns").speaker == "other:Siemens"


def test_a_bare_spokesman_names_nobody(extract: Extract) -> None:
    statements = extract("„Wir freuen uns sehr über den Preis“, sagte ein Sprecher.")
    assert by_text(statements, "Wir freuen uns").speaker is None


def test_an_ordinal_does_not_hide_the_next_sentence_subject(extract: Extract) -> None:
    statements = extract(
        "Die Auslieferung des Modells 3. Ein Sprecher von Voltwerk teilte mit: „Jeder wird "
        "bei uns fair bezahlt.“"
    )
    assert by_text(statements, "fair bezahlt").speaker == "other:Voltwerk"


def test_plural_body_with_named_members_keeps_the_names(extract: Extract) -> None:
    statements = extract(
        "Die Regierungen von Polen und Litauen haben signalisiert, dass sie mehr Geld geben würden."
    )
    assert by_text(statements, "mehr Geld").speaker == "other:Regierungen von Polen und Litauen"


def test_staff_member_with_an_adjective_speaks_for_the_named_body(extract: Extract) -> None:
    statements = extract(
        "Die Helferin sei wohlauf, erklärte ein örtlicher Mitarbeiter von Oxfam. Der Konvoi "
        "habe die Grenze erreicht, sagte eine langjährige Sprecherin des Hilfswerks Misereor."
    )
    assert by_text(statements, "Helferin sei wohlauf").speaker == "other:Oxfam"
    assert by_text(statements, "Grenze erreicht").speaker == "other:Hilfswerks Misereor"


def test_bare_staff_member_names_nobody(extract: Extract) -> None:
    statements = extract("Nach Angaben eines Mitarbeiters seien die Räume feucht gewesen.")
    assert by_text(statements, "Räume feucht").speaker is None


def test_outlet_of_a_named_body_after_the_verb_names_the_body(extract: Extract) -> None:
    statements = extract(
        "Am Abend meldete die Onlineausgabe der Zeitung „Kieler Bote“, der Hafen bleibe zu. "
        "Später meldeten die Radio-Nachrichten des Senders Nordwelle, die Fähren führen wieder."
    )
    assert by_text(statements, "Hafen bleibe zu").speaker == "other:Kieler Bote"
    assert by_text(statements, "Fähren führen").speaker == "other:Senders Nordwelle"


def test_name_after_a_body_and_a_comma_opens_the_reported_clause(extract: Extract) -> None:
    statements = extract(
        "Die Anwältin Clara Wendt beantragte eine Aussetzung. Am Abend meldeten die "
        "Nachrichten des Rundfunks Nordwelle, Wendt rechne mit einer Verhandlung im Mai."
    )
    assert by_text(statements, "Verhandlung im Mai").speaker == "other:Rundfunks Nordwelle"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Vereinten Nationen warnten, es drohe eine Hungersnot.", "other:Vereinten Nationen"),
        ("Das Rote Kreuz erklärte, die Helfer seien in Sicherheit.", "other:Rote Kreuz"),
        ("Die Helfer seien in Sicherheit, teilte das Weiße Haus mit.", "other:Weiße Haus"),
        (
            "Wie die Neue Lausitzer Zeitung berichtet, sei das Werk verkauft.",
            "other:Neue Lausitzer Zeitung",
        ),
    ],
)
def test_bodies_named_with_a_capitalised_adjective(
    extract: Extract, text: str, speaker: str
) -> None:
    statements = extract(text)
    assert [s.speaker for s in statements] == [speaker]


def test_capitalised_adjective_before_a_title_is_no_body(extract: Extract) -> None:
    statements = extract(
        "Der Regierende Bürgermeister sagte, die Lage sei ernst. Die Kassen seien leer, sagte "
        "die Leitende Oberstaatsanwältin."
    )
    assert [s.speaker for s in statements] == [None, None]  # unnamed people, no bodies


def test_party_named_with_an_adjective_and_a_plural_person_noun(extract: Extract) -> None:
    statements = extract("Die Freien Wähler forderten, die Gebühr abzuschaffen.")
    assert by_text(statements, "Gebühr").speaker == "other:Freien Wähler"


def test_closed_spokesperson_compound_names_the_institution(extract: Extract) -> None:
    statements = extract(
        "Ein Polizeisprecher bestätigte, dass drei Menschen verletzt wurden. Nach Auskunft eines "
        "Regierungssprechers wird ermittelt. Polizeisprecher Timo Lanz sagte, es gebe Zeugen. "
        "Die Lage sei ruhig, sagte ein Pressesprecher."
    )
    assert by_text(statements, "verletzt").speaker == "other:Polizei"
    assert by_text(statements, "ermittelt").speaker == "other:Regierung"
    assert by_text(statements, "Zeugen").speaker == "other:Timo Lanz"
    assert by_text(statements, "ruhig").speaker is None  # whose press office is not said
