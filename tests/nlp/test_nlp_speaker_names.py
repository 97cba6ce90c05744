"""Reading the speaker's name: initials and name particles, unknown first names, appositions
before and after the verb, titles and descriptions before a name, extended participle
attributes, and words that look like names but are none. All texts are written for these
tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    Extract,
    by_exact_text,
    by_text,
    shortest_by_text,
    texts,
)

from claims.nlp.lexicon import is_common_noun
from claims.nlp.speakers.names import name_at


def test_name_at_reads_initials_and_arabic_articles() -> None:
    assert name_at("Larry B. Kellerman, zugesagt", 0) == "Larry B. Kellerman"
    assert name_at("Mohammed el-Kadi, am Montag", 0) == "Mohammed el-Kadi"
    assert name_at("Regierung in Bamako", 0) is None  # a common noun is no name


def test_unknown_first_names_before_a_surname(extract) -> None:
    statements = extract(
        "Der Vorsitzende der Kommission, Bambang Suryo Aji, sagte, die Suche gehe weiter."
    )
    assert shortest_by_text(statements, "Suche").speaker == "other:Bambang Suryo Aji"


def test_common_nouns_are_not_bare_names(extract) -> None:
    statements = extract("Ministerin bestreitet Munitionslieferungen an Kiew")
    assert all(s.speaker is None for s in statements)


def test_feminine_person_nouns_are_no_names(extract: Extract) -> None:
    assert is_common_noun("Aktivistin") and is_common_noun("Moderatorinnen")
    assert not is_common_noun("Putin") and not is_common_noun("Feinstein")
    statements = extract(
        "Vor Glätte warnte die Moderatorin eines Radiosenders: „Fahren Sie langsam.“"
    )
    assert texts(statements) == ["Fahren Sie langsam."]
    assert statements[0].speaker is None  # an unnamed person, not "other:Moderatorin"


def test_time_zone_after_a_clock_time_speaks_for_nobody(extract: Extract) -> None:
    statements = extract(
        "Gegen 21:05 Uhr MEZ berichteten dann die Zeitungen, Falkner erwarte Widerstand."
    )
    assert by_text(statements, "erwarte Widerstand").speaker != "other:MEZ"


def test_name_in_apposition_after_the_verb(extract: Extract) -> None:
    statements = extract(
        "„Die Umsätze brechen ein“, sagte der Landeschef von Nordbank, Ulrich Sommer. "
        "In Paris erklärte der Leiter der Europäischen Raumfahrtbehörde (ERB), Mohammed "
        "el-Kadi, die Mission sei gescheitert."
    )
    assert by_text(statements, "Umsätze brechen").speaker == "other:Ulrich Sommer"
    assert by_text(statements, "Mission sei gescheitert").speaker == "other:Mohammed el-Kadi"


def test_closed_apposition_after_the_verb_still_names_the_speaker(extract: Extract) -> None:
    statements = extract(
        "Am Montag erklärte der Direktor der Atombehörde (ATB), Mohammed el-Kadi, das Land "
        "habe Atombomben."
    )
    assert by_text(statements, "Atombomben").speaker == "other:Mohammed el-Kadi"


def test_apposition_group_before_the_verb(extract: Extract) -> None:
    statements = extract(
        "Gestern hatte der Investor für das neue Stadion, Larry B. Kellerman, zugesagt, "
        "den Bau zu bezahlen.\n\n"
        "Bakary Sanogo, der Polizeichef der Provinz, sagte gegenüber der Agentur Sahel Info, "
        "dass weitere Boote im Einsatz seien."
    )
    assert by_text(statements, "den Bau zu bezahlen").speaker == "other:Larry B. Kellerman"
    assert by_text(statements, "weitere Boote").speaker == "other:Bakary Sanogo"


def test_description_with_apposition_opening_the_sentence(extract: Extract) -> None:
    statements = extract(
        "Im Rathaus sitzt seit Jahren Karl Müller.\n\n"
        "Der Fraktionschef im Stadtrat, Werner Huber, hatte Müller gestern aufgefordert, "
        "sein Amt niederzulegen."
    )
    assert by_text(statements, "sein Amt niederzulegen").speaker == "other:Werner Huber"


def test_apposition_after_a_party_name_with_slash(extract: Extract) -> None:
    statements = extract(
        "Die Verkehrsexpertin von Bündnis 90/Die Grünen, Lea Wiegand, kritisierte das Vorhaben. "
        "Sie sagte, das Land plane die falschen Straßen."
    )
    assert by_text(statements, "falschen Straßen").speaker == "other:Lea Wiegand"


def test_subject_before_an_apposition_and_not_the_object_after_the_verb(extract) -> None:
    statements = extract(
        "Der ehemalige Landrat, Gerhard Hobrecht (FDP), warnte die SPD vor einer „teuren "
        "Blockade“. Die Botschaft in Lima teilte dem Sender BBC mit, dass keiner vermisst werde."
    )
    assert shortest_by_text(statements, "teuren Blockade").speaker == "other:Gerhard Hobrecht"
    assert shortest_by_text(statements, "keiner vermisst").speaker == "other:Botschaft"


def test_so_marker_with_an_apposition_after_a_quote(extract) -> None:
    statements = extract(
        "Das Hochwasser geht zurück. „Wir haben lange mit dem Wasser gekämpft“, so Matthias "
        "Lorenz, Präsident des Landesamtes."
    )
    st = shortest_by_text(statements, "Wasser gekämpft", "direct")
    assert st.speaker == "other:Matthias Lorenz"


def test_parenthetical_so_between_two_parts_of_a_quote(extract) -> None:
    statements = extract(
        "Der Konzern plant ein neues Werk. „In absehbarer Zeit“, so Finanzvorstand Hans "
        "Dieter Brenner, werde man „auch ein eigenes Modell für diesen Markt entwickeln“."
    )
    st = shortest_by_text(statements, "eigenes Modell", "direct")
    assert st.speaker == "other:Hans Dieter Brenner"


def test_title_description_before_a_name_opens_the_clause(extract: Extract) -> None:
    statements = extract(
        "Die Reform ist umstritten. Der Vorsitzende des Finanzausschusses des Landtags Alain "
        "Morel erklärte, dass alle Gemeinden sparen müssten."
    )
    assert by_text(statements, "alle Gemeinden").speaker == "other:Alain Morel"


def test_title_after_a_place_genitive_names_the_subject(extract: Extract) -> None:
    statements = extract(
        "Das Gericht wies die Klage zurück.\n\n"
        "Hamburgs Erster Bürgermeister Jonas Falkner bedauerte die Entscheidung. Damals seien "
        "Fehler gemacht worden. Seinerzeit sei das aber niemandem klar gewesen."
    )
    assert by_text(statements, "Damals seien").speaker == "other:Jonas Falkner"
    assert by_text(statements, "Seinerzeit sei").speaker == "other:Jonas Falkner"


def test_genitive_name_before_a_title_is_not_the_subject(extract) -> None:
    text = (
        "Putins Sprecher Dmitri Peskow nannte den Bericht „völlig haltlos“. "
        "Lukaschenkos Berater Pavel Novak hat dagegen selbst die Bildung einer Truppe verkündet."
    )
    statements = extract(text)
    assert shortest_by_text(statements, "völlig haltlos").speaker == "other:Dmitri Peskow"
    assert shortest_by_text(statements, "Bildung").speaker == "other:Pavel Novak"


def test_name_after_an_extended_participle_attribute(extract: Extract) -> None:
    statements = extract(
        "Marta Lindqvist und Ana Ruiz treten gemeinsam auf. „Wir sind sehr froh darüber, dass "
        "es klappt“, schrieb die in Stockholm geborene Lindqvist."
    )
    assert by_text(statements, "sehr froh").speaker == "other:Marta Lindqvist"


def test_name_inside_the_attribute_is_not_the_speaker(extract: Extract) -> None:
    statements = extract(
        "„Wir sind sehr froh darüber, dass es klappt“, sagte die mit Peter Braun befreundete "
        "Anwältin."
    )
    spoken = [s for s in statements if "sehr froh" in s.text]
    assert all(s.speaker != "other:Peter Braun" for s in spoken)


def test_body_name_opening_with_a_noun_in_apposition(extract: Extract) -> None:
    statements = extract(
        "Am Abend meldete der regionale Sender, Radio Westerholt, dass die Brücke gesperrt werde."
    )
    assert by_text(statements, "Brücke").speaker == "other:Radio Westerholt"


def test_name_in_apposition_inside_a_wie_clause(extract: Extract) -> None:
    statements = extract(
        "Wie der Sprecher des Ministeriums, Tom Weiß, am Montag sagte, sei die Lage ruhig."
    )
    assert by_text(statements, "Lage ruhig").speaker == "other:Tom Weiß"


def test_long_title_after_the_verb_ends_in_the_name(extract: Extract) -> None:
    statements = extract(
        "Für die Kommission empfahl der Kommissar für Handel und europäische Wettbewerbspolitik "
        "Štěpán Hrubý, die Gespräche fortzusetzen."
    )
    assert by_text(statements, "Gespräche").speaker == "other:Štěpán Hrubý"


def test_names_with_diacritics_open_with_any_latin_capital(extract: Extract) -> None:
    statements = extract("Der Minister Šimon Ťapák sagte, man werde helfen.")
    assert by_text(statements, "helfen").speaker == "other:Šimon Ťapák"


def test_genitive_after_a_title_is_no_name(extract: Extract) -> None:
    statements = extract(
        "Die Geiseln sind frei. Sie seien wohlauf, bestätigte ein Sprecher des Auswärtigen Amtes."
    )
    assert by_text(statements, "wohlauf").speaker != "other:Amtes"


def test_object_after_a_fronted_subject_names_no_speaker(extract: Extract) -> None:
    statements = extract(
        "Das Landesinstitut bestätigte die Befunde des Staatlichen Untersuchungsamts Kehl, "
        "wonach zehn Rinder erkrankt seien."
    )
    assert all(s.speaker != "other:Untersuchungsamts Kehl" for s in statements)


def test_medium_named_after_its_title_reports_an_indicative_clause(extract: Extract) -> None:
    statements = extract(
        "Die Lage bleibt angespannt. Den Truppen gehen die Vorräte aus, berichtet das "
        "US-Magazin Harbor Review."
    )
    assert by_text(statements, "Vorräte").speaker == "other:Harbor Review"


def test_same_surname_with_another_first_name_is_another_person(extract: Extract) -> None:
    statements = extract(
        "Bischof Joseph Lehner tritt zurück. Sein älterer Bruder, Georg Lehner, war "
        "eingeweiht. „Mein Bruder wünscht sich mehr Ruhe“, sagte Georg Lehner."
    )
    assert by_text(statements, "mehr Ruhe").speaker == "other:Georg Lehner"


def test_article_apposition_after_a_closing_cue(extract: Extract) -> None:
    statements = extract(
        "Die genaue Ursache sei noch unklar, verlautbarte Peter Sharp, der Direktor der Reederei."
    )
    assert by_text(statements, "Ursache").speaker == "other:Peter Sharp"


def test_glued_initials_belong_to_the_name(extract: Extract) -> None:
    statements = extract("Laut dem Direktor B.N. Sharma soll der Test im Mai stattfinden.")
    assert by_text(statements, "Test").speaker == "other:B.N. Sharma"


def test_club_name_with_a_number_is_the_body_a_role_speaks_for(extract: Extract) -> None:
    statements = extract(
        "Der Verteidiger Max Roth sah Gelb. „Wir haben verdient gewonnen“, sagte der Sportchef "
        "von Fortuna 95 Neustadt nach dem Spiel."
    )
    assert by_text(statements, "verdient").speaker == "other:Fortuna Neustadt"


def test_name_particle_after_a_title(extract: Extract) -> None:
    statements = extract(
        "Verteidigungsminister Karl-Theodor zu Wallenberg erklärte, er habe nicht "
        "abgeschrieben. Minister Hans Müller der Partei sagte, man warte ab."
    )
    assert by_text(statements, "abgeschrieben").speaker == "other:Karl-Theodor zu Wallenberg"
    assert by_text(statements, "warte ab").speaker == "other:Hans Müller"


def test_place_names_ending_in_ien_are_names(extract: Extract) -> None:
    assert not is_common_noun("Kalifornien") and not is_common_noun("Tunesien")
    assert is_common_noun("Studien") and is_common_noun("Ministerien")  # plurals of the table
    statements = extract(
        "Der Gouverneur von Kalifornien sagte, die Lage sei ernst. Tunesien kritisierte, die "
        "Hilfe komme zu spät."
    )
    assert by_text(statements, "Lage sei ernst").speaker == "other:Kalifornien"
    assert by_text(statements, "Hilfe komme").speaker == "other:Tunesien"


def test_first_name_after_a_body_name_opens_the_person(extract: Extract) -> None:
    statements = extract(
        "Die Vorsitzende des Kreistags Unterland Maria Hobrecht schlägt vor, die Gebühr zu "
        "senken. Hobrecht sagte, das sei nötig."
    )
    assert by_text(statements, "Gebühr zu senken").speaker == "other:Maria Hobrecht"
    assert by_text(statements, "sei nötig").speaker == "other:Maria Hobrecht"


def test_arabic_article_in_a_name_after_a_title(extract: Extract) -> None:
    statements = extract("Außenminister Faisal al-Rashidi erklärte, sein Land werde vermitteln.")
    assert by_text(statements, "werde vermitteln").speaker == "other:Faisal al-Rashidi"


def test_double_first_name_of_two_known_first_names(extract: Extract) -> None:
    statements = extract(
        "Der Präsident der Kammer, Jörg-Dietrich Sommer, warnte: „Das System kollabiert.“"
    )  # "Sommer" alone is a common noun: the two first names make it a name
    assert by_text(statements, "System kollabiert").speaker == "other:Jörg-Dietrich Sommer"


def test_genitive_of_a_known_name_before_the_verb_is_no_subject(extract: Extract) -> None:
    statements = extract(
        "Der Richter Hans-Peter Sommer schreibt, das Verbot sei richtig. Der Abgeordnete Olaf "
        "Wiesner widersprach. Die Thesen Hassemers und Sommers bezeichnete Wiesner als „sehr "
        "problematisch“."
    )
    assert by_text(statements, "Verbot sei richtig").speaker == "other:Hans-Peter Sommer"
    assert by_text(statements, "sehr problematisch").speaker == "other:Olaf Wiesner"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Familienministerin Hanna von der Brügge sagte, das Geld reiche.", "Hanna von der Brügge"),
        ("Ökonom Jan van den Bosch sagte, das Geld reiche.", "Jan van den Bosch"),
        ("Botschafter Luis de la Fuente sagte, das Geld reiche.", "Luis de la Fuente"),
        (
            "Die Abgeordnete Anna-Lena von der Heyde (Grüne) sagte, das Geld reiche.",
            "Anna-Lena von der Heyde",
        ),
    ],
)
def test_two_name_particles_belong_to_the_name(extract: Extract, text: str, speaker: str) -> None:
    assert by_exact_text(extract(text), "das Geld reiche").speaker == "other:" + speaker


def test_surname_with_its_particles_opening_a_sentence(extract: Extract) -> None:
    statements = extract(
        "Familienministerin Hanna von der Brügge (SPD) stellte den Plan vor. Von der Brügge "
        "betonte, das Geld reiche bis 2030."
    )
    report = by_text(statements, "das Geld reiche bis 2030")
    assert report.speaker == "other:Hanna von der Brügge"


def test_von_der_before_an_organisation_is_no_name_particle(extract: Extract) -> None:
    statements = extract("Jens Hauke von der IG Metall Köln sagte, man prüfe einen Streik.")
    assert by_exact_text(statements, "man prüfe einen Streik").speaker == "other:Jens Hauke"
