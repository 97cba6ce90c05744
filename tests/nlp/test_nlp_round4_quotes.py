"""Fourth round, direct quotes: quoted names and titles, wiki-style ''…'' marks, objects of
speech verbs that carry no claim, and partial quotes inside an object. All texts are written
for these tests."""

from __future__ import annotations

import pytest

from claims.models import Statement
from claims.nlp.lexicon import load_lexicon
from claims.nlp.quotes import find_quotes
from claims.nlp.sentences import paragraph_ranges, sentence_starts
from claims.nlp.titles import name_rule, title_case


@pytest.fixture(scope="module")
def forms() -> frozenset[str]:
    return frozenset(f for f, info in load_lexicon().forms.items() if info.full or info.separable)


def texts(statements: list[Statement], kind: str | None = None) -> list[str]:
    return [s.text for s in statements if kind in (None, s.kind)]


@pytest.mark.parametrize(
    ("before", "quote", "after", "rule"),
    [
        ("Das sagte sie der Wochenzeitung ", "Morgenpost am Sonntag", ".", "name-noun"),
        ("Nach Angaben des Nachrichtenmagazins ", "Der Blick", " hat er", "name-noun"),
        ("Sie spielte in dem Film ", "Wenn der Regen kommt", " mit.", "name-noun"),
        ("Wie ", "Radio Nordsee", " berichtet, sank", "name-subject"),
        ("Er sagte gegenüber dem ", "Kieler Abendblatt", ", es gehe", "name-article"),
        ("Sie ist Mitglied der ", "Freunde der Alpen", ".", "name-article"),
        ("Das erklärte die französische ", "Union pour la Mer", ".", "name-article"),
        ("Er verlegt die Dortmunder ", "Westfälische Rundschau", ".", "name-article"),
    ],
)
def test_quoted_names_and_titles(
    forms: frozenset[str], before: str, quote: str, after: str, rule: str
) -> None:
    assert name_rule(before, quote, after, forms) == rule


@pytest.mark.parametrize(
    ("before", "quote", "after"),
    [
        ("Er nannte den Plan eine ", "Zumutung", "."),  # indefinite article: an evaluation
        ("Sie bezeichnete ihn als ", "Ende der Geduld", "."),
        ("Er sieht darin einen ", "Angriff gegen die Mieter", "."),
        ("Die Ministerin sprach von einer ", "ernsten Lage", "."),
        ("Er sagte der Zeitung, ", "wir bleiben hart", "."),
        ("Die Partei warnte: ", "Das geht zu weit.", ""),  # a sentence, not a name
        ("Sie sagte, die Regierung habe das ", "Notwendige", " getan."),  # one word
        ("Er warf dem Verband ", "Täuschung", " vor."),
        ("Sie nannte es ", "Glück im Unglück", "."),
        ("Er wurde von der Zeitung als ", "Retter", " bezeichnet."),
        ("Ihre erste Reaktion ", "Das ist unerhört!", " kam sofort."),  # no name noun
    ],
)
def test_speech_is_no_name(forms: frozenset[str], before: str, quote: str, after: str) -> None:
    assert name_rule(before, quote, after, forms) is None


def test_title_case() -> None:
    assert title_case("Reporter ohne Grenzen")
    assert title_case("The Morning Herald")
    assert not title_case("Woche des guten Willens")
    assert not title_case("Wir kommen wieder.")
    assert not title_case("volle Unterstützung")


def test_quoted_newspaper_is_no_statement(extract) -> None:
    statements = extract(
        "Ministerin Anna Kraus sagte der „Kieler Morgenpost“, die Schulen blieben geöffnet. "
        "Kraus nannte die Lage „ernst, aber beherrschbar“."
    )
    assert "Kieler Morgenpost" not in texts(statements)
    assert "ernst, aber beherrschbar" in texts(statements, "direct")


def test_quoted_party_after_its_noun_is_no_statement(extract) -> None:
    statements = extract(
        "Die Partei „Neue Mitte“ erhielt bei der Wahl zwölf Prozent der Stimmen. "
        "Ihr Vorsitzender Jonas Brandt sprach am Abend von einem Erfolg."
    )
    assert "Neue Mitte" not in texts(statements)


def quotes(text: str) -> list[str]:
    paragraphs = paragraph_ranges(text)
    starts = sentence_starts(text, paragraphs, load_lexicon().abbreviations)
    return [text[q.start : q.end] for q in find_quotes(text, paragraphs, starts)]


def test_wiki_double_apostrophes_are_one_mark() -> None:
    text = "Die Gruppe ''Freie Bauern'' (FB) und die ''Grüne Liste'' traten an."
    assert quotes(text) == ["Freie Bauern", "Grüne Liste"]


def test_wiki_bold_marks_and_apostrophes_in_words() -> None:
    text = "Er sagte: '''Wir geben nicht auf''', und das ist's."
    assert quotes(text) == ["Wir geben nicht auf"]


def test_partial_quote_in_an_object_is_the_statement(extract) -> None:
    statements = extract(
        "Innenministerin Karla Feld wies die Kritik der Opposition als „haltlos“ zurück."
    )
    direct = [s for s in statements if s.kind == "direct"]
    assert [s.text for s in direct] == ["haltlos"]
    assert direct[0].speaker == "other:Karla Feld"
    assert not [s for s in statements if s.kind == "indirect" and "Kritik" in s.text]


@pytest.mark.parametrize(
    "text",
    [
        "Bürgermeister Tom Lenz hatte in einer Rede am Montag verkündet: „Wir bauen.“",
        "Bereits im Mai hatte Kanzlerin Anna Roth in einer Rede verkündet: „Wir bauen.“",
        "Der Trainer Ole Sand lehnte die Anfrage mit den Worten ab: „Nicht mit mir.“",
        "Vor der Glätte warnte die Sprecherin eines Senders: „Bleiben Sie zu Hause.“",
        "Die Stadt hatte die Eltern gewarnt. Ein Sprecher Tim Haas bestätigte dies anschließend.",
    ],
)
def test_adverbials_and_pronouns_are_no_claim_objects(extract, text: str) -> None:
    statements = extract(text)
    objects = [s for s in statements if s.kind == "indirect"]
    assert not objects, [s.text for s in objects]


def test_noun_phrase_object_still_counts(extract) -> None:
    statements = extract("Gesundheitsminister Paul Kern lehnte eine Impfpflicht für Kinder ab.")
    assert texts(statements, "indirect") == ["eine Impfpflicht für Kinder"]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("de")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Er habe das nicht gewusst.", "habe", True),
        ("Ich habe das nicht gewusst.", "habe", False),
        ("Deshalb halte ich das für falsch.", "halte", False),
        ("Es gebe keine Pläne.", "gebe", True),
        ("Sie erteilte dem Plan eine klare Absage.", "klare", False),
        ("Die Gäste setzten auf gelegentliche schnelle Angriffe.", "schnelle", False),
        ("Der Preis stieg um zwei Euro je Kilo.", "je", False),
        ("Anstelle von Gas wird Öl verbrannt, anstelle der Kohle Holz.", "anstelle", False),
        ("Das Ergebnis wäre ein Erfolg.", "wäre", True),
    ],
)
def test_konjunktiv_only_where_a_verb_can_stand(nlp, text: str, word: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from claims.nlp.mood import is_subjunctive

    doc = nlp(text)
    token = next(t for t in doc if t.lower_ == word)
    assert is_subjunctive(token, load_lexicon()) is expected


@pytest.mark.parametrize(
    "second",
    [
        "Ich habe selbst viele Schulen besucht.",
        "Die Kosten steigen um zehn Euro je Kind.",
        "Der Vorstand möchte das Urteil abwarten.",
        "Ich arbeite mit Malern, Musikern und Tänzern und plane eine Ausstellung.",
        "Wie stehen Sie dazu, das Amt solle mehr Geld bekommen?",
    ],
)
def test_no_report_continues_into_first_person_or_adverbs(extract, second: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        f"Ministerin Eva Roth erklärte, die Schulen seien gut ausgestattet. {second}"
    )
    assert texts(statements, "indirect") == ["die Schulen seien gut ausgestattet"]


def test_konjunktiv_continuation_still_counts(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Ministerin Eva Roth erklärte, die Schulen seien gut ausgestattet. "
        "Es gebe genug Lehrer für alle Klassen."
    )
    assert "Es gebe genug Lehrer für alle Klassen" in texts(statements, "indirect")


def test_marker_in_a_relative_clause_reports_the_clause(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Schuld war das neue Stellwerk, das nach Angaben der Bahn nicht rechtzeitig "
        "fertig wurde. Die Züge fuhren danach wieder."
    )
    assert texts(statements, "indirect") == ["nicht rechtzeitig fertig wurde"]


def test_marker_inside_a_weil_clause_reports_the_clause(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Die Fähre blieb im Hafen, weil der Motor nach Angaben der Reederei beschädigt war."
    )
    reports = texts(statements, "indirect")
    assert len(reports) == 1
    assert reports[0].startswith("weil der Motor") and "Fähre" not in reports[0]


def test_marker_source_stops_before_the_next_phrase(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Der Zug hielt an, da nach Angaben der Bahn die Strecke gesperrt werden musste."
    )
    assert texts(statements, "indirect") == ["die Strecke gesperrt werden musste"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Die Ärztin Lena Hof riet allen Eltern zu „Ruhe und Geduld“.", "Ruhe und Geduld"),
        (
            "Richter Jan Bode attestierte dem Zeugen „große Glaubwürdigkeit“.",
            "große Glaubwürdigkeit",
        ),
        ("Bürgermeisterin Ute Kranz konstatierte eine „tiefe Spaltung“.", "tiefe Spaltung"),
    ],
)
def test_new_speech_verbs_attribute_short_quotes(extract, text: str, quote: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract(text)
    assert quote in texts(statements, "direct")


def _quote_and_cue(extractor, text: str):  # type: ignore[no-untyped-def]
    from claims.ids import article_id, sha256_text
    from claims.models import Article
    from claims.nlp.quotecue import quote_cue

    article = Article(id=article_id(text), path="t.txt", sha256=sha256_text(text), text=text)
    doc = extractor._make_doc(article)
    for _, component in extractor.nlp.pipeline:
        doc = component(doc)
    quote = doc.spans["quotes"][0]
    cues = list(doc.spans["cues"])
    return doc, quote, quote_cue(doc, quote, cues, [c.start_char for c in cues])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ein Sprecher bezeichnete den Plan als „unausgegoren“.", True),
        ("Er bezeichnete die Einigung als eine „faire Lösung“.", True),
        ("Die Regierung bezeichnete den Bericht als „Hetze“.", True),  # after "als"
        ("Der Verband sprach von einer „ernsten Lage“.", True),
        ("Die Zeitung bezeichnete ihn „Vater der Reform“.", False),  # upper case, no "als"
        ("„Unfug“, sagte der Minister am Abend.", False),  # the cue follows
    ],
)
def test_governed_phrase(extractor, text: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from claims.nlp.quotecue import governed_phrase

    doc, quote, cue = _quote_and_cue(extractor, text)
    assert governed_phrase(doc, quote, cue) is expected


@pytest.mark.parametrize(
    ("text", "word", "role"),
    [
        ("Es gebe keine Pläne für einen Umzug.", "gebe", "main"),
        ("Die Stadt prüfte den Antrag, weil er zu spät gekommen sei.", "sei", "subordinate"),
        ("Er lobte das Team, das hart gearbeitet habe.", "habe", "subordinate"),
        ("Die Lage sei ernst, die Regierung habe versagt.", "habe", "main"),
        ("Obwohl die Kosten stiegen, sei man zuversichtlich.", "sei", "main"),
        ("Da sei nichts zu machen.", "sei", "main"),
        ("Ich arbeite an einem Film und plane eine Reise.", "plane", None),
        ("Er fand die Tasche, in der sich das Geld befunden habe.", "habe", "subordinate"),
    ],
)
def test_clause_role_of_a_konjunktiv(nlp, text: str, word: str, role: str | None) -> None:  # type: ignore[no-untyped-def]
    from claims.nlp.mood import clause_role

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert clause_role(token, load_lexicon(), 0) == role


def test_konjunktiv_in_a_weil_clause_reports_only_the_clause(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Der Verein zog die Klage zurück. Der Bau der Halle wurde gestoppt, "
        "weil die Kosten zu hoch seien."
    )
    assert texts(statements, "indirect") == ["die Kosten zu hoch seien"]


def test_a_hypothesis_in_konjunktiv_ii_does_not_continue_a_report(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Ministerin Eva Roth erklärte, die Schulen seien gut ausgestattet. "
        "Das wäre ein großer Fortschritt für die Stadt."
    )
    assert texts(statements, "indirect") == ["die Schulen seien gut ausgestattet"]


@pytest.mark.parametrize(
    ("text", "is_marker"),
    [
        ("Nach Ermittlungen der Polizei war der Fahrer betrunken.", True),
        ("Nach Angaben der Feuerwehr brannte das Dach.", True),
        ("Nach umfangreichen Ermittlungen, die Jahre dauerten, kam es zum Prozess.", False),
        ("Der Zug fährt 300, nach anderen Angaben 320 Kilometer pro Stunde.", False),
        ("Nach der Veröffentlichung kam es zu Protesten.", False),
    ],
)
def test_nach_markers_name_a_source(extractor, text: str, is_marker: bool) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    markers = [c for c in doc.spans["cues"] if c._.cue_type == "marker"]
    assert bool(markers) is is_marker


def test_a_cue_governs_several_short_quotes(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Senatorin Hanna Roth nannte den Plan „mutig“ und die Kosten „vertretbar“."
    )
    direct = {s.text: s.speaker for s in statements if s.kind == "direct"}
    assert direct == {"mutig": "other:Hanna Roth", "vertretbar": "other:Hanna Roth"}


@pytest.mark.parametrize(
    "text",
    [
        "Die Sprecherin der Grünen im Landtag, Anna Weiß, kritisierte den Haushalt scharf.",
        "In seiner Rede, die im Fernsehen übertragen wurde, warnte Karl Ott vor Hektik.",
        "Während die Opposition schwieg, forderte Minister Karl Ott neue Schulden.",
    ],
)
def test_no_indicative_report_before_the_cue_without_a_main_clause(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract(text)
    first_words = text.split(",")[0]
    assert not [s for s in statements if s.text.startswith(first_words)]


@pytest.mark.parametrize(
    "text",
    [
        "Nach dem Streik (Radio Nord berichtete) hat es keine Einigung gegeben, ob die Löhne "
        "steigen.",
        "Ministerin Eva Roth bedauert wie auch weitere Politiker die Entscheidung des Vereins.",
        "Hans Meier oder Hansi, wie er sich selbst gerne nannte, ist tot.",
    ],
)
def test_parentheses_comparisons_and_names_report_nothing(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert texts(extract(text), "indirect") == []


def test_relative_clause_after_a_cue_is_no_content(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Das Magazin Profil berichtet über einen Käse, der keine Milch enthält.")
    assert texts(statements, "indirect") == []


def test_verb_second_clause_after_a_cue_stays(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Sprecher Tim Haas sagte, die Übungen verliefen ruhig.")
    assert texts(statements, "indirect") == ["die Übungen verliefen ruhig"]


def test_a_list_of_quoted_titles_is_no_statement() -> None:
    from claims.nlp.quotes import split_names

    text = (
        "Vorträge wie „Der Bau der Bahn“, „Bilder aus Kiel“ oder „175 Jahre Dampf“ "
        "lockten viele Gäste. Sie riefen „Nie wieder!“, „Weg damit!“ und „Schluss jetzt!“."
    )
    paragraphs = paragraph_ranges(text)
    starts = sentence_starts(text, paragraphs, load_lexicon().abbreviations)
    speech, names = split_names(
        text, find_quotes(text, paragraphs, starts), paragraphs, frozenset()
    )
    assert [text[q.start : q.end] for q in names] == [
        "Der Bau der Bahn",
        "Bilder aus Kiel",
        "175 Jahre Dampf",
    ]
    assert [text[q.start : q.end] for q in speech] == [
        "Nie wieder!",
        "Weg damit!",
        "Schluss jetzt!",
    ]


def test_lexicon_word_classes() -> None:
    from claims.nlp.lexicon import is_lower_case_word, is_role_noun, verb_lemmas

    assert is_role_noun("Pressesprecherin") and is_role_noun("Regierung")
    assert not is_role_noun("Einrichtung") and not is_role_noun("sprecher")
    assert "gehen" in verb_lemmas() and "neuen" not in verb_lemmas()
    assert is_lower_case_word("Verschiedene") and not is_lower_case_word("Rechte")


@pytest.mark.parametrize(
    "text",
    [
        "In Peru forderte das Erdbeben der Stärke 7 mindestens 40 Menschenleben.",
        "Trainer Ole Sand und seine Elf bestreiten am Sonntag ihr zweites Gruppenspiel.",
        "Die Regierung Norwegens hatte der Flotte Fangrechte eingeräumt.",
    ],
)
def test_verbs_in_a_sense_without_speech_have_no_object(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert texts(extract(text), "indirect") == []


def test_the_speech_sense_keeps_its_object(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Gesundheitsminister Paul Kern forderte mehr Geld für die Kliniken.")
    assert texts(statements, "indirect") == ["mehr Geld für die Kliniken"]


def test_a_name_list_goes_on_after_its_first_name() -> None:
    from claims.nlp.quotes import split_names

    text = "Er nannte die Modelle „Alpha“ und „Beta“. Sie nannte das „Unsinn“ und „Schluss!“."
    paragraphs = paragraph_ranges(text)
    starts = sentence_starts(text, paragraphs, load_lexicon().abbreviations)
    speech, names = split_names(
        text, find_quotes(text, paragraphs, starts), paragraphs, frozenset()
    )
    assert [text[q.start : q.end] for q in names] == ["Alpha", "Beta"]
    assert [text[q.start : q.end] for q in speech] == ["Unsinn", "Schluss!"]
