"""`claims quotes --format spkatt`: one document per article in the SpkAtt annotation format
(the shape the field's scorer reads), checked on articles written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.errors import ExitCode

ARTICLE_A = """Brücke bleibt gesperrt

Der Bürgermeister der Stadt sagte am Montag der Zeitung, dass die Brücke bald repariert werde.
„Wir arbeiten mit Hochdruck daran“, sagte Anna Berger vom Bauamt.
Der Verkehrsminister Peter Krause wies die Kritik am Dienstag zurück.
"""

ARTICLE_B = """Feuer im Hafen

Laut der Feuerwehr Hamburg sei das Feuer inzwischen gelöscht.
"""

ARTICLE_C = """Schulen gut ausgestattet

Die Ministerin Eva Roth sagte, die Schulen seien gut ausgestattet. Es gebe genug Lehrer.
"""

ARTICLE_D = (
    "Neue Halle geplant\n\n"
    "Der Vereinschef Jonas Wald erklärte, die alte Halle sei zu klein. Der Umbau koste zu viel. "
    "Man plane daher einen Neubau am Stadtrand.\n\n"
    "Der Bau solle im Frühjahr beginnen.\n"
)

ARTICLE_E = (
    "Notfall an der Brücke\n\n"
    "Weil die Brücke marode ist, sprach Bürgermeister Paul Lenz am Abend von einem Notfall.\n"
)

ARTICLE_F = (
    "Einbruch im Museum\n\n"
    "Die Polizei nahm am Sonntag einen Mann fest. Ein Komplize soll ihm beim Einbruch "
    "geholfen haben.\n"
)

ARTICLE_G = (
    "Streit im Stadtrat\n\n"
    "Die Sprecherin der Stadt sagte, der Plan sei „nicht mehr zu halten“. "
    "Die Kosten seien gestiegen.\n"
    "Der Kämmerer erklärte, der Verein „Hilfe für Kinder“ bekomme weiter Geld.\n"
    "Der Trainer erklärte, es sei „ein Spiel, das wir nie vergessen werden“.\n"
)

ARTICLE_H = (
    "Haushalt umstritten\n\n"
    "Die Regierung hat nach Angaben der Opposition keinen Plan für den Haushalt.\n"
    "Die Stadt spart laut der Initiative „Bäume sind wichtig“ am falschen Ende.\n"
)

ROLE_KEYS = {"spans", "text", "tokenIds"}
SPAN_KEYS = {"begin", "end", "charBegin", "charEnd"}


@pytest.fixture()
def written(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "brücke.txt").write_text(ARTICLE_A, encoding="utf-8")
    (src / "feuer.txt").write_text(ARTICLE_B, encoding="utf-8")
    (src / "schulen.txt").write_text(ARTICLE_C, encoding="utf-8")
    (src / "halle.txt").write_text(ARTICLE_D, encoding="utf-8")
    (src / "notfall.txt").write_text(ARTICLE_E, encoding="utf-8")
    (src / "museum.txt").write_text(ARTICLE_F, encoding="utf-8")
    (src / "stadtrat.txt").write_text(ARTICLE_G, encoding="utf-8")
    (src / "haushalt.txt").write_text(ARTICLE_H, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["quotes", str(src), "--format", "spkatt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_one_document_per_article(written: Path) -> None:
    assert sorted(p.name for p in written.iterdir()) == [
        "brücke.json",
        "feuer.json",
        "halle.json",
        "haushalt.json",
        "museum.json",
        "notfall.json",
        "schulen.json",
        "stadtrat.json",
    ]


def test_documents_have_the_format(written: Path) -> None:
    for path in written.iterdir():
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert set(doc) == {"annotations", "documentName", "originalText", "sentences", "tokens"}
        assert doc["documentName"] == path.stem
        text = doc["originalText"]
        tokens = doc["tokens"]
        assert [t["id"] for t in tokens] == list(range(len(tokens)))
        for tok in tokens:
            assert set(tok) == {"charBegin", "charEnd", "id", "sentence", "text", "word"}
            assert text[tok["charBegin"] : tok["charEnd"]] == tok["text"]
        ids = [i for s in doc["sentences"] for i in s["tokenIds"]]
        assert ids == list(range(len(tokens)))  # sentences partition the tokens
        for k, sent in enumerate(doc["sentences"]):
            assert sent["id"] == k
            assert sent["tokens"] == [tokens[i]["text"] for i in sent["tokenIds"]]
            assert all(tokens[i]["sentence"] == k + 1 for i in sent["tokenIds"])
            assert (sent["begin"], sent["end"]) == (sent["tokenIds"][0], sent["tokenIds"][-1] + 1)
        assert doc["annotations"]
        for ann in doc["annotations"]:
            assert ann["type"] in {
                "Direct",
                "Indirect",
                "IndirectFreeIndirect",
                "FreeIndirect",
                "Reported",
            }
            assert isinstance(ann["isNested"], bool) and isinstance(ann["hasNested"], bool)
            assert ann["quote"]["tokenIds"]
            for role in ("quote", "speaker", "cue", "frame", "addressee"):
                part = ann[role]
                assert set(part) == ROLE_KEYS
                covered = []
                for span in part["spans"]:
                    assert set(span) == SPAN_KEYS
                    assert tokens[span["begin"]]["charBegin"] == span["charBegin"]
                    assert tokens[span["end"] - 1]["charEnd"] == span["charEnd"]
                    covered.extend(range(span["begin"], span["end"]))
                assert covered == part["tokenIds"]
            quote, frame = set(ann["quote"]["tokenIds"]), set(ann["frame"]["tokenIds"])
            assert not quote & frame


def _annotations(written: Path, name: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads((written / name).read_text(encoding="utf-8"))["annotations"]


def test_roles_of_our_sentences(written: Path) -> None:
    anns = _annotations(written, "brücke.json")
    by_quote = {a["quote"]["text"]: a for a in anns}
    report = by_quote["dass die Brücke bald repariert werde"]
    assert report["type"] == "Indirect"
    assert report["speaker"]["text"] == "Der Bürgermeister der Stadt"
    assert report["cue"]["text"] == "sagte"
    assert report["addressee"]["text"] == "der Zeitung"
    assert report["frame"]["text"] == "Der Bürgermeister der Stadt sagte am Montag der Zeitung,"
    # the datasets quote a direct quotation with its quotation marks
    quote = by_quote["„Wir arbeiten mit Hochdruck daran“"]
    assert quote["type"] == "Direct"
    assert quote["speaker"]["text"] == "Anna Berger vom Bauamt"  # the name with its attribute
    # a speech act with nominal content is the dataset's Reported: the whole clause is the
    # quote, the speaker inside it, no cue or frame of its own
    denial = next(a for a in anns if "Kritik" in a["quote"]["text"])
    assert denial["type"] == "Reported"
    assert (
        denial["quote"]["text"]
        == "Der Verkehrsminister Peter Krause wies die Kritik am Dienstag zurück."
    )
    assert denial["speaker"]["text"].endswith("Peter Krause")
    assert denial["cue"]["tokenIds"] == [] and denial["frame"]["tokenIds"] == []


def test_marker_source_is_speaker(written: Path) -> None:
    (ann,) = _annotations(written, "feuer.json")
    assert ann["cue"]["text"] == "Laut"
    assert "Feuerwehr" in ann["speaker"]["text"]


def test_a_konjunktiv_continuation_is_indirect_free_indirect(written: Path) -> None:
    report, continuation = _annotations(written, "schulen.json")
    assert (report["type"], report["cue"]["text"]) == ("Indirect", "sagte")
    # a sentence of its own keeps its full stop, as the datasets annotate it
    assert continuation["quote"]["text"] == "Es gebe genug Lehrer."
    assert continuation["type"] == "IndirectFreeIndirect"
    assert continuation["cue"]["tokenIds"] == []


def test_hearsay_with_sollen_is_free_indirect(written: Path) -> None:
    anns = _annotations(written, "museum.json")
    hearsay = next(a for a in anns if "Komplize" in a["quote"]["text"])
    # speech without a cue and without the Konjunktiv: the dataset's FreeIndirect
    assert hearsay["type"] == "FreeIndirect"
    assert hearsay["quote"]["text"].endswith("geholfen haben.")


def test_spkatt_needs_a_folder(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_B, encoding="utf-8")
    result = CliRunner().invoke(cli, ["quotes", str(article), "--format", "spkatt"])
    assert result.exit_code == ExitCode.USAGE_ERROR
    assert "-o DIR" in result.output


def test_konjunktiv_sentences_in_a_row_are_one_continuation(written: Path) -> None:
    # the datasets annotate a run of continuation sentences as one quotation; a new paragraph
    # starts another
    anns = _annotations(written, "halle.json")
    assert [(a["type"], a["quote"]["text"]) for a in anns] == [
        ("Indirect", "die alte Halle sei zu klein"),
        (
            "IndirectFreeIndirect",
            "Der Umbau koste zu viel. Man plane daher einen Neubau am Stadtrand.",
        ),
        ("IndirectFreeIndirect", "Der Bau solle im Frühjahr beginnen."),
    ]
    assert [a["id"] for a in anns] == [0, 1, 2]


def test_a_reported_speech_act_is_its_whole_sentence(written: Path) -> None:
    (ann,) = _annotations(written, "notfall.json")
    assert ann["type"] == "Reported"
    assert ann["quote"]["text"] == (
        "Weil die Brücke marode ist, sprach Bürgermeister Paul Lenz am Abend von einem Notfall."
    )
    assert ann["speaker"]["text"].endswith("Paul Lenz")


def test_a_quote_inside_a_report_is_a_nested_direct_quotation(written: Path) -> None:
    anns = _annotations(written, "stadtrat.json")
    report = next(a for a in anns if a["type"] == "Indirect" and "Plan" in a["quote"]["text"])
    nested = next(a for a in anns if a["type"] == "Direct")
    # the datasets annotate the quoted words again, as a Direct quotation inside the report,
    # with the report's speaker, cue and frame
    assert nested["quote"]["text"] == "„nicht mehr zu halten“"
    assert (nested["isNested"], report["hasNested"]) == (True, True)
    for role in ("speaker", "cue", "frame"):
        assert nested[role]["tokenIds"] == report[role]["tokenIds"]
    assert [a["id"] for a in anns] == list(range(len(anns)))


def test_a_quoted_name_is_no_quotation(written: Path) -> None:
    anns = _annotations(written, "stadtrat.json")
    assert not any("Hilfe für Kinder" in a["quote"]["text"] and a["type"] == "Direct" for a in anns)


def test_a_continuation_names_the_speaker_of_its_report(written: Path) -> None:
    anns = _annotations(written, "stadtrat.json")
    continuation = next(a for a in anns if a["type"] == "IndirectFreeIndirect")
    assert continuation["speaker"]["text"] == "Die Sprecherin der Stadt"


def test_a_quote_that_fills_an_indirect_clause_is_both(written: Path) -> None:
    anns = _annotations(written, "stadtrat.json")
    clause = next(a for a in anns if a["type"] == "Indirect" and "vergessen" in a["quote"]["text"])
    quote = next(a for a in anns if a["type"] == "Direct" and "vergessen" in a["quote"]["text"])
    # the datasets annotate the clause and the quote that fills it; ours is one statement
    assert clause["quote"]["text"].startswith("es sei")
    assert quote["quote"]["text"] == "„ein Spiel, das wir nie vergessen werden“"
    assert (clause["hasNested"], quote["isNested"]) == (True, True)
    assert clause["cue"]["text"] == quote["cue"]["text"] == "erklärte"


def test_a_marker_inside_its_sentence_is_the_frame_not_the_quote(written: Path) -> None:
    ann = next(a for a in _annotations(written, "haushalt.json") if "Plan" in a["quote"]["text"])
    # the dataset quotes the sentence around the marker, in two pieces, and frames the marker
    assert ann["frame"]["text"] == "nach Angaben der Opposition"
    assert ann["speaker"]["text"] == "Angaben der Opposition"
    assert "Opposition" not in ann["quote"]["text"]
    assert len(ann["quote"]["spans"]) == 2


def test_a_quoted_name_in_the_speaker_phrase_is_no_nested_quotation(written: Path) -> None:
    anns = _annotations(written, "haushalt.json")
    assert not any(a["type"] == "Direct" for a in anns)
