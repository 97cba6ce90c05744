"""Character spans of a statement's attribution roles: speaker, cue pieces, frame, addressee."""

from __future__ import annotations

from collections.abc import Callable

from claims.models import Statement

Extract = Callable[[str], list[Statement]]


def _at(text: str, where: list[int] | None) -> str | None:
    return text[where[0] : where[1]] if where else None


def _one(statements: list[Statement], words: str) -> Statement:
    return next(s for s in statements if words in s.text)


def test_speaker_and_cue_spans_of_an_indirect_report(extract: Extract) -> None:
    text = "Der Bürgermeister der Stadt sagte am Montag, dass die Brücke bald repariert werde."
    st = _one(extract(text), "Brücke")
    # nobody the registry can tell: the speaker stays null, its phrase is still located
    assert st.speaker is None
    assert _at(text, st.speaker_span) == "Der Bürgermeister der Stadt"
    assert [_at(text, c) for c in st.cue_spans or []] == ["sagte"]
    assert _at(text, st.frame_span) == "Der Bürgermeister der Stadt sagte am Montag,"
    assert st.addressee_span is None


def test_speaker_phrase_includes_article_and_head(extract: Extract) -> None:
    text = "Gestern sagte ein Sprecher der Polizei, man habe die Lage im Griff."
    st = _one(extract(text), "Griff")
    assert _at(text, st.speaker_span) == "ein Sprecher der Polizei"


def test_separable_cue_is_two_pieces(extract: Extract) -> None:
    text = "Der Minister Sergei Aleinik wies die Vorwürfe am Montag zurück."
    st = _one(extract(text), "Vorwürfe")
    assert [_at(text, c) for c in st.cue_spans or []] == ["wies", "zurück"]
    assert _at(text, st.speaker_span) == "Der Minister Sergei Aleinik"


def test_pronoun_speaker_and_dative_addressee(extract: Extract) -> None:
    text = "Lukaschenko war in Minsk. Er sagte der Zeitung, dass Belarus keine Soldaten schicke."
    st = _one(extract(text), "Soldaten")
    assert _at(text, st.speaker_span) == "Er"
    assert _at(text, st.addressee_span) == "der Zeitung"
    assert _at(text, st.frame_span) == "Er sagte der Zeitung,"


def test_addressee_after_gegenueber(extract: Extract) -> None:
    text = "Die Sprecherin des Vereins Anna Berger sagte gegenüber Reportern, man sei zufrieden."
    st = _one(extract(text), "zufrieden")
    assert _at(text, st.addressee_span) == "Reportern"


def test_direct_quote_frame_stops_at_the_quote(extract: Extract) -> None:
    text = "„Wir bleiben bei unserem Plan“, sagte Lukaschenko am Abend."
    st = _one(extract(text), "Plan")
    assert _at(text, st.speaker_span) == "Lukaschenko"
    assert _at(text, st.frame_span) == "sagte Lukaschenko am Abend"


def test_marker_frame_is_marker_and_source(extract: Extract) -> None:
    text = "Laut der Feuerwehr Hamburg sei das Feuer inzwischen gelöscht."
    st = _one(extract(text), "Feuer")
    assert [_at(text, c) for c in st.cue_spans or []] == ["Laut"]
    frame = _at(text, st.frame_span)
    assert frame is not None and frame.startswith("Laut") and "Feuer inzwischen" not in frame


def test_spans_do_not_change_ids_or_text(extract: Extract) -> None:
    text = "„Das ist falsch“, sagte Putin. Er sagte, dass Russland nicht angreife."
    for st in extract(text):
        assert text[st.start : st.end] == st.text
        for where in [st.speaker_span, st.frame_span, *(st.cue_spans or [])]:
            if where:
                assert 0 <= where[0] < where[1] <= len(text)


def test_statement_without_speaker_has_no_span(extract: Extract) -> None:
    text = "Es hieß, die Lage sei unter Kontrolle."
    for st in extract(text):
        if st.speaker is None and st.speaker_mention is None:
            assert st.speaker_span is None or _at(text, st.speaker_span)
