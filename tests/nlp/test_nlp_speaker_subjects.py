"""The grammatical subject of the cue is the speaker: inverted subjects, objects in front of or
after the verb, number agreement of the finite verb, passive agents, a verb after ``und``,
subjects before a relative clause, and the subject of the reported clause as no speaker. All
texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    Extract,
    by_text,
    shortest_by_text,
)


def test_bare_name_opening_a_sentence_with_a_later_verb(extract) -> None:
    statements = extract(
        "Nach dem Konzert trat Varga vor die Kameras. "
        "Varga war auch vor Ort und sagte bei diesem Anlass, er sei zufrieden."
    )
    st = shortest_by_text(statements, "er sei zufrieden", "indirect")
    assert st.speaker == "other:Varga"


def test_bare_name_opening_the_clause_beats_the_object_after_the_verb(extract: Extract) -> None:
    statements = extract(
        "Die Armee hat geputscht. Der Gegner Okonkwos schweigt. Okonkwo beschuldigte General "
        "Adebayo, an dem Putsch gegen ihn mitgewirkt zu haben."
    )
    assert by_text(statements, "Putsch gegen ihn").speaker == "other:Okonkwo"


def test_capitalised_adverb_opening_a_sentence_is_no_speaker(extract) -> None:
    statements = extract(
        "Darin wird die Stadt aufgefordert, vor dem Winter eine Notunterkunft zu öffnen."
    )
    assert all(s.speaker != "other:Darin" for s in statements)


def test_inverted_subject_after_a_verb_that_opens_its_clause(extract: Extract) -> None:
    statements = extract("Am Montag forderte Minister Peter Braun die Stadt auf, rasch zu handeln.")
    assert by_text(statements, "rasch zu handeln").speaker == "other:Peter Braun"


def test_inverted_subject_after_the_verb_beats_a_relative_clause(extract: Extract) -> None:
    statements = extract(
        "Der Planet ist weit entfernt von dem Stern, der sehr jung ist, erklärte die "
        "Astronomin Jane Greaves."
    )
    assert "Jane Greaves" in (by_text(statements, "Der Planet").speaker or "")


def test_subject_before_a_relative_clause_speaks(extract: Extract) -> None:
    statements = extract(
        "Die Interessengemeinschaft der Anwohner (IGA), die seit Jahren gegen den Flughafen "
        "kämpft, hat bekannt gegeben, dass sie klagen werde."
    )
    assert by_text(statements, "klagen werde").speaker == "other:IGA"


def test_subject_before_a_relative_clause_and_a_finite_auxiliary(extract: Extract) -> None:
    statements = extract(
        "Der Bund der Fischer (BdF), der 1990 gegründet wurde, hat am Montag in einem Brief "
        "gefordert, dass die Quoten sinken."
    )
    assert by_text(statements, "Quoten sinken").speaker == "other:BdF"


def test_fronted_object_with_apposition_is_no_speaker(extract_words: Extract) -> None:
    statements = extract_words(
        "Den früheren Kassenwart Jens Pohl, der im Frühjahr ausgetreten war, nannte der "
        "Vorsitzende Rolf Adam einen „Störenfried“."
    )
    assert by_text(statements, "Störenfried").speaker == "other:Rolf Adam"


def test_object_in_front_of_the_verb_does_not_speak(extract: Extract) -> None:
    statements = extract(
        "Den Ärger des Vereins über die Pläne der Stadt brachte die Vorsitzende des Elternbeirats, "
        "Heike Lorenz-Brandt, zum Ausdruck: „Wir sehen keinen Anlass nachzugeben.“ Den Ärger der "
        "FDP teilte die Vorsitzende: „Wir weichen nicht zurück.“"
    )
    assert by_text(statements, "keinen Anlass").speaker != "other:Verein"
    assert by_text(statements, "nicht zurück").speaker != "other:FDP"


def test_subject_of_the_reported_clause_is_not_the_speaker(extract: Extract) -> None:
    statements = extract(
        "Der Anwalt Thorsten Kranich sagte, man habe Einspruch eingelegt.\n\n"
        "Am Abend meldeten dann die Nachrichten des Senders, Kranich rechne mit einer "
        "Verhandlung."
    )
    assert by_text(statements, "Einspruch").speaker == "other:Thorsten Kranich"
    reported = by_text(statements, "rechne mit einer Verhandlung")
    assert reported.speaker != "other:Thorsten Kranich"


def test_verb_after_und_shares_the_subject_of_the_clause_before(extract: Extract) -> None:
    statements = extract(
        "Die Sprecherin Anna Kroll lobte den Plan und forderte Minister Peter Braun auf, ihn "
        "rasch umzusetzen."
    )
    assert by_text(statements, "rasch umzusetzen").speaker == "other:Anna Kroll"


def test_short_quote_of_a_coordinated_verb_stays_without_a_wrong_speaker(
    extract_words: Extract,
) -> None:
    statements = extract_words(
        "Datenschützer äußerten Bedenken an den Plänen und warfen der Regierung „Wortbruch“ vor."
    )
    quote = by_text(statements, "Wortbruch")
    assert quote.kind == "direct"
    assert quote.speaker is None  # the unnamed critics speak, not the government


def test_passive_agent_is_the_speaker(extract) -> None:
    statements = extract(
        "Die Firma wurde von Senatorin Hanna Roth beschuldigt, die Auflagen missachtet zu haben."
    )
    st = shortest_by_text(statements, "Auflagen", "indirect")
    assert st.speaker == "other:Hanna Roth"


def test_subject_of_a_passive_zitieren_is_the_speaker(extract) -> None:
    statements = extract(
        "In der Mitteilung des Vereins wird Trainer Lindqvist wie folgt zitiert: „Wir haben "
        "eine schwere Saison vor uns.“"
    )
    st = shortest_by_text(statements, "schwere Saison", "direct")
    assert st.speaker == "other:Lindqvist"


def test_passive_inside_the_quote_does_not_hide_the_speaker_after_it(extract: Extract) -> None:
    statements = extract(
        "„Der Markt wird getrieben von neuen Anbietern aus Asien“, sagte Klaus Weber."
    )
    assert by_text(statements, "Der Markt wird").speaker == "other:Klaus Weber"


def test_person_after_plural_auxiliary_is_the_addressee(extract: Extract) -> None:
    statements = extract(
        "Mehrere bekannte Forscher haben Ministerpräsident Hans Müller gestern in einem Brief "
        "geschrieben, dass die Politik dringend geändert werden müsse."
    )
    assert by_text(statements, "die Politik dringend").speaker != "other:Hans Müller"


def test_person_after_plural_verb_is_the_object(extract: Extract) -> None:
    statements = extract("Die Forscher sagten Minister Karl Huber, die Regierung müsse gehen.")
    assert by_text(statements, "die Regierung müsse").speaker != "other:Karl Huber"


def test_singular_verb_keeps_its_inverted_subject(extract: Extract) -> None:
    statements = extract("Am Montag sagte Minister Karl Huber, die Regierung müsse gehen.")
    assert by_text(statements, "die Regierung müsse").speaker == "other:Karl Huber"


def test_coordinated_names_agree_with_a_plural_verb(extract: Extract) -> None:
    statements = extract("Am Montag sagten Karl Huber und Otto Weber, die Regierung müsse gehen.")
    assert by_text(statements, "die Regierung müsse").speaker == "other:Karl Huber"


def test_participle_after_singular_auxiliary_keeps_the_subject(extract: Extract) -> None:
    statements = extract("Karl Huber hat am Montag gesagt, die Regierung müsse gehen.")
    assert by_text(statements, "die Regierung müsse").speaker == "other:Karl Huber"


def test_subject_of_a_passive_speech_verb_is_not_the_speaker(extract: Extract) -> None:
    statements = extract(
        "Bürgermeister Tom Berger wurde aufgefordert, die Schule wieder zu öffnen."
    )
    assert by_text(statements, "Schule").speaker is None


def test_so_x_after_a_passive_names_the_speaker(extract: Extract) -> None:
    statements = extract(
        "Die Stadt wird inzwischen aufgefordert, die Schule wieder zu öffnen, so "
        "Elternsprecherin Maria Brandt im Lokalradio."
    )
    assert by_text(statements, "Schule").speaker == "other:Maria Brandt"


def test_genitive_possessor_does_not_hide_the_named_subject(extract: Extract) -> None:
    statements = extract(
        "Krögers Verteidiger Thomas Siebold vertritt genau wie sein Mandant die Ansicht, der "
        "Brand sei ein Unfall gewesen."
    )
    assert by_text(statements, "Unfall gewesen").speaker == "other:Thomas Siebold"


def test_saxon_genitive_phrase_speaks_when_no_name_follows(extract: Extract) -> None:
    statements = extract(
        "Tom Kowalski führt die Partei. Kowalskis Kampagne warf Anna Berg, nachdem die "
        "Umfrage erschienen war, vor, sie habe gelogen."
    )
    assert by_text(statements, "gelogen").speaker == "other:Kowalskis Kampagne"


def test_relative_clause_ending_in_the_cue_speaks_for_its_antecedent(
    extract_words: Extract,
) -> None:
    statements = extract_words(
        "Kritik kommt von Verbandschefin Anna Weber, die den Plan als „Kapitulation“ bezeichnet."
    )
    assert by_text(statements, "Kapitulation").speaker == "other:Anna Weber"


def test_relative_clause_with_its_own_subject_names_nobody(extract_words: Extract) -> None:
    statements = extract_words("Anna Weber, die der Minister als „Lügnerin“ bezeichnet, schweigt.")
    assert by_text(statements, "Lügnerin").speaker is None


def test_adverbs_between_a_saxon_genitive_subject_and_its_verb(extract: Extract) -> None:
    statements = extract(
        "Tom Kowalski führt die Partei. Kowalskis Kampagne selbst dagegen warf Anna Berg vor, "
        "sie habe gelogen."
    )
    assert by_text(statements, "gelogen").speaker == "other:Kowalskis Kampagne"


def test_subject_between_auxiliary_and_participle_after_a_marker(extract: Extract) -> None:
    statements = extract(
        "Laut Informationen des Magazins Nordblick hat der Währungsfonds IWF angekündigt, "
        "keine Hilfe mehr zu leisten."
    )
    assert by_text(statements, "keine Hilfe").speaker == "other:IWF"


def test_object_between_auxiliary_and_participle_after_a_subject(extract: Extract) -> None:
    statements = extract(
        "Ein Bezirksgericht in Ohio hat das Netzwerk Chirpy aufgefordert, die Daten herauszugeben."
    )
    assert by_text(statements, "Daten").speaker != "other:Netzwerk Chirpy"


def test_genitive_inside_the_relative_clause_is_no_subject_of_its_own(
    extract_words: Extract,
) -> None:
    statements = extract_words(
        "Kritik kommt von Betriebsratschefin Maren Olsen, die das Angebot der Geschäftsführung "
        "als „Almosen“ bezeichnet."
    )
    assert by_text(statements, "Almosen").speaker == "other:Maren Olsen"


def test_guessed_name_after_a_long_person_title(extract: Extract) -> None:
    statements = extract(
        "Die Verluste seien nicht absehbar, sagte Direktor Sven Ahrens. Am Abend empfahl der "
        "Staatssekretär für Verkehr und maritime Wirtschaft Jörn Albrecht beiden Seiten, die "
        "Schlichtung anzunehmen."
    )
    assert by_text(statements, "Schlichtung").speaker == "other:Jörn Albrecht"


def test_relative_clause_after_a_name_with_its_description(extract: Extract) -> None:
    statements = extract(
        "Dagegen steht die Aussage von Reinhard Vogel, Vorsitzender der Landespartei, der sagte, "
        "man dürfe nichts überstürzen."
    )
    assert by_text(statements, "überstürzen").speaker == "other:Reinhard Vogel"


def test_passive_agent_that_is_a_body_names_the_speaker(extract: Extract) -> None:
    statements = extract(
        "Per Erlass ließ der Präsident Schulen sanieren. Dies wurde am Dienstag vom Pressedienst "
        "des Kremls bekannt gegeben."
    )
    found = by_text(statements, "Schulen sanieren")
    assert found.speaker is not None and "Kreml" in found.speaker


def test_wie_clause_with_a_titled_name_and_an_adverbial(extract: Extract) -> None:
    statements = extract(
        "Wie Regierungssprecher Olaf Brenner am Montag mitteilte, sind die Renten sicher."
    )
    assert by_text(statements, "Renten sicher").speaker == "other:Olaf Brenner"


def test_report_before_the_cue_and_a_relative_clause_about_the_speaker(extract: Extract) -> None:
    statements = extract("Die Renten seien sicher, betonte Olaf Brenner, der seit 2021 regiert.")
    assert [(s.text, s.speaker) for s in statements] == [
        ("Die Renten seien sicher", "other:Olaf Brenner")
    ]
    assert (
        extract(
            "Während das reiche Land nichts ändern wollte, plädierte das arme Land für eine "
            "Reduzierung der Mengen, die bei 31 Millionen Barrel liegen."
        )
        == []
    )


def test_feminine_noun_after_der_opening_the_clause_is_no_subject(extract: Extract) -> None:
    statements = extract(
        "Der regionalen Zeitung sagte Landrat Olaf Brenner: „Die Straße wird im Mai "
        "freigegeben.“ Der Nachrichtenagentur sagte er, die Kosten seien gestiegen."
    )
    assert by_text(statements, "Die Straße wird").speaker == "other:Olaf Brenner"
    assert by_text(statements, "die Kosten seien").speaker == "other:Olaf Brenner"


def test_dative_front_and_an_unresolved_pronoun_name_nobody(extract: Extract) -> None:
    statements = extract("Der Zeitung sagte er: „Die Straße wird im Mai freigegeben.“")
    assert by_text(statements, "Die Straße wird").speaker is None


def test_masculine_noun_after_der_is_the_subject(extract: Extract) -> None:
    statements = extract("Der Landrat Olaf Brenner sagte der Zeitung, die Kosten seien gestiegen.")
    assert by_text(statements, "die Kosten seien").speaker == "other:Olaf Brenner"


def test_party_in_brackets_after_the_subject_before_a_separable_verb(extract: Extract) -> None:
    statements = extract(
        "Die Abgeordnete Petra Lind (Grüne) warf der Landesregierung vor, die Schulen "
        "vernachlässigt zu haben."
    )
    assert by_text(statements, "die Schulen").speaker == "other:Petra Lind"


def test_active_zitieren_quotes_an_unknown_name(extract: Extract) -> None:
    statements = extract(
        "Die Agentur Prensa Sur zitiert dazu Evo Quispe mit folgenden Worten: „Die Banken "
        "haben ihren Zweck verloren.“"
    )
    assert by_text(statements, "Die Banken").speaker == "other:Evo Quispe"


def test_pronoun_after_a_modal_is_the_subject_of_a_final_infinitive(extract: Extract) -> None:
    statements = extract(
        "Der Geologe Jan Brandt sprach im Rathaus. Auf Nachfrage musste er einräumen, dass "
        "es kaum Messdaten gebe."
    )
    assert by_text(statements, "kaum Messdaten").speaker == "other:Jan Brandt"


def test_dative_front_with_a_capitalised_name_adjective(extract: Extract) -> None:
    statements = extract(
        "Der Neuen Rheinischen Zeitung sagte Landrat Olaf Brenner: „Die Straße wird im Mai "
        "freigegeben.“"
    )
    assert by_text(statements, "Die Straße wird").speaker == "other:Olaf Brenner"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Konzernsprecherin Lea Brenner trat vor die Presse. Auf Nachfrage musste sie "
            "einräumen, dass es keinen Zeitplan gebe.",
            "other:Lea Brenner",
        ),
        (
            "Konzernsprecherin Lea Brenner trat vor die Presse. Die Betriebsräte protestierten. "
            "Später haben sie erklärt, es gebe keinen Zeitplan.",
            None,
        ),
    ],
)
def test_sie_with_a_singular_or_plural_finite_verb(
    extract: Extract, text: str, speaker: str | None
) -> None:
    assert by_text(extract(text), "keinen Zeitplan").speaker == speaker


def test_dative_front_with_a_place_adjective(extract: Extract) -> None:
    statements = extract(
        "Der Kölner Rundschau sagte Bahnchefin Martina Holt-Weber, die Forderungen seien zu hoch."
    )
    assert by_text(statements, "die Forderungen seien").speaker == "other:Martina Holt-Weber"


def test_possessive_opening_a_main_clause_before_an_object_cue(extract: Extract) -> None:
    statements = extract(
        "Der Fahrgastverband warnte vor Chaos. Dessen Sprecher Karl-Heinz Auer forderte eine "
        "Schlichtung."
    )
    assert by_text(statements, "eine Schlichtung").speaker == "other:Karl-Heinz Auer"


def test_zitieren_of_an_unnamed_person_names_nobody(extract: Extract) -> None:
    statements = extract(
        "Die Nachrichtenagentur dpa zitiert einen Lokführer aus Kassel mit den Worten: „Wir "
        "machen das nicht gern.“"
    )
    assert by_text(statements, "Wir machen das").speaker is None
