"""Round 4 speaker rules: appositions, named bodies, marker sources (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from claims.models import Statement
from claims.nlp.names import name_at
from claims.nlp.sources import names_source

Extract = Callable[[str], list[Statement]]


def by_text(statements: list[Statement], fragment: str) -> Statement:
    found = [s for s in statements if fragment in s.text]
    assert found, f"no statement with {fragment!r} in {[s.text for s in statements]}"
    return found[0]


def test_name_at_reads_initials_and_arabic_articles() -> None:
    assert name_at("Larry B. Kellerman, zugesagt", 0) == "Larry B. Kellerman"
    assert name_at("Mohammed el-Kadi, am Montag", 0) == "Mohammed el-Kadi"
    assert name_at("Regierung in Bamako", 0) is None  # a common noun is no name


def test_passive_inside_the_quote_does_not_hide_the_speaker_after_it(extract: Extract) -> None:
    statements = extract(
        "„Der Markt wird getrieben von neuen Anbietern aus Asien“, sagte Klaus Weber."
    )
    assert by_text(statements, "Der Markt wird").speaker == "other:Klaus Weber"


def test_name_in_apposition_after_the_verb(extract: Extract) -> None:
    statements = extract(
        "„Die Umsätze brechen ein“, sagte der Landeschef von Nordbank, Ulrich Sommer. "
        "In Paris erklärte der Leiter der Europäischen Raumfahrtbehörde (ERB), Mohammed "
        "el-Kadi, die Mission sei gescheitert."
    )
    assert by_text(statements, "Umsätze brechen").speaker == "other:Ulrich Sommer"
    assert by_text(statements, "Mission sei gescheitert").speaker == "other:Mohammed el-Kadi"


def test_apposition_group_before_the_verb(extract: Extract) -> None:
    statements = extract(
        "Gestern hatte der Investor für das neue Stadion, Larry B. Kellerman, zugesagt, "
        "den Bau zu bezahlen.\n\n"
        "Bakary Sanogo, der Polizeichef der Provinz, sagte gegenüber der Agentur Sahel Info, "
        "dass weitere Boote im Einsatz seien."
    )
    assert by_text(statements, "den Bau zu bezahlen").speaker == "other:Larry B. Kellerman"
    assert by_text(statements, "weitere Boote").speaker == "other:Bakary Sanogo"


def test_fronted_object_with_apposition_is_no_speaker(extract: Extract) -> None:
    statements = extract(
        "Den früheren Kassenwart Jens Pohl, der im Frühjahr ausgetreten war, nannte der "
        "Vorsitzende Rolf Adam einen „Störenfried“."
    )
    assert by_text(statements, "Störenfried").speaker == "other:Rolf Adam"


def test_description_with_apposition_opening_the_sentence(extract: Extract) -> None:
    statements = extract(
        "Im Rathaus sitzt seit Jahren Karl Müller.\n\n"
        "Der Fraktionschef im Stadtrat, Werner Huber, hatte Müller gestern aufgefordert, "
        "sein Amt niederzulegen."
    )
    assert by_text(statements, "sein Amt niederzulegen").speaker == "other:Werner Huber"


def test_sources_of_markers_with_documents_places_and_quoted_names(extract: Extract) -> None:
    statements = extract(
        "Laut einem Artikel der „Kieler Rundschau“ hat der Bürgermeister gestern einen Brief "
        "geschrieben. Den Behörden in Hamburg zufolge wurden Chemikalien gefunden. "
        "Nach Angaben aus Moskau wurden zwölf Soldaten getötet. "
        "Das Gesetz sei gut, so der Vorsitzende der Partei, Bakary Sanogo."
    )
    brief = by_text(statements, "einen Brief")
    assert brief.speaker == "other:Kieler Rundschau"
    assert "Rundschau" not in brief.text  # the source is not part of the content
    assert by_text(statements, "Chemikalien").speaker == "other:Behörden in Hamburg"
    assert by_text(statements, "zwölf Soldaten").speaker == "other:Moskau"
    assert by_text(statements, "Das Gesetz sei gut").speaker == "other:Bakary Sanogo"


def test_unnamed_groups_and_quoted_source_names_are_no_speakers(extract: Extract) -> None:
    statements = extract(
        "Laut Experten wurden drei Häuser zerstört. Die Lage ist laut „Morgenblatt“ ernst."
    )
    assert all(s.speaker is None for s in statements if "drei Häuser" in s.text)
    assert not any(s.text == "Morgenblatt" for s in statements)
    text = "Er ist laut „Morgenblatt“ ernst und nannte es „absurd“."
    assert names_source(text, text.index("Morgenblatt"), text.index("“ ernst"))
    assert not names_source(text, text.index("absurd"), text.index("“."))


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


def test_marker_description_with_apposition_names_the_person(extract: Extract) -> None:
    statements = extract(
        "Nach Angaben des Direktors der Fluggesellschaft, Peter Maus, sei der Zustand des "
        "Flugzeugs gut gewesen."
    )
    report = by_text(statements, "Zustand des Flugzeugs")
    assert report.speaker == "other:Peter Maus"
    assert not report.text.startswith("Peter Maus")


def test_konjunktiv_cue_without_subject_goes_on_with_the_report(extract: Extract) -> None:
    statements = extract(
        "Die Abgeordnete Sabine Roth sagte, es müsse nun Schluss sein mit „gegenseitigen "
        "Vorwürfen“. Es drohe „eine gefährliche Entwicklung, die niemand mehr aufhalten kann“."
    )
    assert by_text(statements, "gefährliche Entwicklung").speaker == "other:Sabine Roth"


def test_konjunktiv_sentence_after_a_wie_clause_takes_its_subject(extract: Extract) -> None:
    statements = extract(
        "Die Firma baut Raketen. Die Chemikalie stand unter Druck, wie Bert Rutland, Chef der "
        "Firma Orbital Works, mitteilte. Die genaue Ursache der Explosion sei aber nicht klar."
    )
    assert by_text(statements, "Ursache der Explosion").speaker == "other:Bert Rutland"


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
        "Die Lage ist ernst.\n\nAmnesty International hat bereits mehrfach darauf "
        "hingewiesen, dass es sich um eine unnötige Strafe handelt."
    )
    assert by_text(statements, "unnötige Strafe").speaker == "other:Amnesty International"


def test_impersonal_heisst_es_takes_the_source_of_its_place_phrase(extract: Extract) -> None:
    statements = extract(
        "„Alle Spuren deuten auf Brandstiftung hin“, hieß es vom Abgeordneten des Stadtrates "
        "Viktor Orlow. Die Reporter seien abgedrängt worden, hieß es bei Radio Nord."
    )
    assert by_text(statements, "Alle Spuren").speaker == "other:Viktor Orlow"
    assert by_text(statements, "Reporter seien").speaker == "other:Radio Nord"


def test_title_description_before_a_name_opens_the_clause(extract: Extract) -> None:
    statements = extract(
        "Die Reform ist umstritten. Der Vorsitzende des Finanzausschusses des Landtags Alain "
        "Morel erklärte, dass alle Gemeinden sparen müssten."
    )
    assert by_text(statements, "alle Gemeinden").speaker == "other:Alain Morel"


def test_addressee_after_gegenueber_is_no_speaker(extract: Extract) -> None:
    statements = extract(
        "Die Polizei sucht weiter. Ihr Sprecher Tim Brandt ist vorsichtig.\n\n"
        "„Wir haben keine neuen Spuren“, sagte er gegenüber der Nachrichtenagentur Nordpress."
    )
    assert by_text(statements, "keine neuen Spuren").speaker == "other:Tim Brandt"


def test_quote_after_a_sentence_opened_by_description_and_name(extract: Extract) -> None:
    statements = extract(
        "„Wir danken allen Helfern“, sagte der Bürgermeister Paul Kramer.\n\n"
        "Der ältere Bruder des Bürgermeisters, Georg Kramer, war seit langem eingeweiht. "
        "„Mein Bruder wünscht sich mehr Ruhe.“"
    )
    assert by_text(statements, "mehr Ruhe").speaker == "other:Georg Kramer"


def test_bare_name_opening_the_clause_beats_the_object_after_the_verb(extract: Extract) -> None:
    statements = extract(
        "Die Armee hat geputscht. Der Gegner Okonkwos schweigt. Okonkwo beschuldigte General "
        "Adebayo, an dem Putsch gegen ihn mitgewirkt zu haben."
    )
    assert by_text(statements, "Putsch gegen ihn").speaker == "other:Okonkwo"


def test_representative_of_a_named_body_with_its_seat(extract: Extract) -> None:
    statements = extract(
        "„Solche Bilder habe ich noch nie gesehen“, erklärte der Einsatzleiter der Polizei in "
        "Bremen."
    )
    quote = by_text(statements, "Solche Bilder")
    assert quote.speaker == "other:Polizei"
    assert quote.speaker_mention == "Polizei in Bremen"


def test_opinion_after_fuer_belongs_to_the_person_named(extract: Extract) -> None:
    statements = extract(
        "Die Kanzlerin lobte den Schritt. Für den Theologen Hans Kühn sei der Rücktritt „aus "
        "vielen Gründen verständlich“."
    )
    assert by_text(statements, "vielen Gründen").speaker == "other:Hans Kühn"


def test_spokesperson_compound_names_the_body(extract: Extract) -> None:
    statements = extract("„Wir unterstützen das Land“, sagte ein IWF-Sprecher in Washington.")
    assert by_text(statements, "unterstützen das Land").speaker == "other:IWF"


def test_apposition_after_a_party_name_with_slash(extract: Extract) -> None:
    statements = extract(
        "Die Haushaltspolitikerin von Bündnis 90/Die Grünen, Anja Hajek, kritisierte die Pläne. "
        "Sie sagte, die Regierung spare an der falschen Stelle."
    )
    assert by_text(statements, "falschen Stelle").speaker == "other:Anja Hajek"


def test_description_before_a_colon_names_the_body(extract: Extract) -> None:
    statements = extract(
        "Die Lage ist ernst.\n\nEin Beamter der Nationalgarde: „Hier weiß jeder, wer die Täter "
        "sind.“"
    )
    assert by_text(statements, "wer die Täter").speaker == "other:Nationalgarde"


def test_body_named_by_its_short_form_in_brackets(extract: Extract) -> None:
    statements = extract(
        "Die Schutzgemeinschaft der Sparer (SdS) forderte am Mittwoch den Rücktritt des Chefs. "
        "Er stehe einer Aufklärung im Wege."
    )
    assert by_text(statements, "Rücktritt des Chefs").speaker == "other:SdS"
    assert by_text(statements, "Aufklärung im Wege").speaker == "other:SdS"


def test_leadership_of_a_named_body_speaks_for_it(extract: Extract) -> None:
    statements = extract(
        "Die Fans randalierten. Die Vereinsleitung von Hansa Rostock hat nun versprochen, gegen "
        "die Randalierer vorzugehen."
    )
    assert by_text(statements, "Randalierer").speaker == "other:Hansa Rostock"


def test_quote_in_a_sentence_opened_by_a_marker_takes_its_source(extract: Extract) -> None:
    statements = extract(
        "Die Partei hatte Aufklärung gefordert. Nach Auffassung des SPD-Fraktionsvorsitzenden "
        "Peter Stark sei es „völlig untragbar, dass unsere Kinder warten müssen“."
    )
    assert by_text(statements, "Kinder warten").speaker == "other:Peter Stark"


def test_heisst_es_source_overrides_a_carried_over_speaker(extract: Extract) -> None:
    statements = extract(
        "Der Süden fordert den Rückzug der Truppen, sagte Peter Lang. Aus Paris hieß es, das "
        "Vorgehen sei eine schwere Verletzung des Abkommens."
    )
    assert by_text(statements, "schwere Verletzung").speaker == "other:Paris"


def test_quote_without_cue_after_a_wie_clause_takes_its_subject(extract: Extract) -> None:
    statements = extract(
        "Im Hafen stand ein Schiff. Die Ladung war gefährlich, wie Bert Rutland, Chef der Firma "
        "Orbital Works, mitteilte. Dabei gehe es um „eine Frage der Sicherheit für alle Anwohner“."
    )
    assert by_text(statements, "Sicherheit für alle").speaker == "other:Bert Rutland"


def test_konjunktiv_sentence_after_a_person_sentence_is_theirs(extract: Extract) -> None:
    statements = extract(
        "Die Stadt plant neue Schulden.\n\nKämmerin Julia Brandt kritisierte den Plan scharf. "
        "Die Rücklagen seien längst aufgebraucht."
    )
    assert by_text(statements, "Rücklagen seien").speaker == "other:Julia Brandt"


def test_konjunktiv_sentence_after_an_inverted_subject(extract: Extract) -> None:
    statements = extract(
        "Die Firma wächst. 2024 will BZQ 180.000 Autos verkaufen. Problematisch sei noch die "
        "fehlende Infrastruktur."
    )
    assert by_text(statements, "fehlende Infrastruktur").speaker == "other:BZQ"
    statements = extract(
        "Die Firma wächst. Die Stadt will BZQ neue Flächen verkaufen. Problematisch sei noch die "
        "fehlende Infrastruktur."
    )
    assert all(s.speaker != "other:BZQ" for s in statements)  # BZQ is the object there
