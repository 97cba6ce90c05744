"""Issue 15: a finding is said once, and its evidence is about that statement's subject."""

from __future__ import annotations

import datetime as dt

from claims.kb.actions import load_actions
from claims.models import Action
from claims.rules.claim_types import ClaimTagger
from claims.rules.engine import evaluate
from claims.rules.evidence import CorpusEvidenceFinder
from claims.rules.schema import Rule

from .helpers import make_article, make_statement

HEAD = "Ich denke nicht daran, mich in diesen Krieg einzumischen"


def test_a_statement_repeated_in_headline_and_body_is_one_finding(
    tagger: ClaimTagger, rules: list[Rule], actions: list[Action], actors: dict[str, str]
) -> None:
    text = f"{HEAD}\n\nUnterzeile: {HEAD}\n\nDer Präsident sagte: „{HEAD}.“ Mehr nicht."
    article = make_article(text, published=dt.date(2023, 5, 2))
    statements = tagger.tag(
        [make_statement(article, HEAD, "lukashenko", occurrence=n) for n in (1, 2, 3)]
    )
    findings = evaluate(statements, [article], actions, [], rules, actors)
    cc001 = [f for f in findings if f.rule_id == "CC001"]
    assert len(cc001) == 1
    first, *rest = sorted(statements, key=lambda s: s.start)
    assert cc001[0].statement_id == first.id  # the id of the first occurrence stays
    assert [o.statement_id for o in cc001[0].occurrences] == [s.id for s in rest]


def test_different_wording_or_speaker_stays_separate(
    tagger: ClaimTagger, rules: list[Rule], actions: list[Action], actors: dict[str, str]
) -> None:
    other = "Wir mischen uns in diesen Krieg nicht ein"
    article = make_article(f"{HEAD}\n\n{other}.\n\n{HEAD}.", published=dt.date(2023, 5, 2))
    statements = tagger.tag(
        [
            make_statement(article, HEAD, "lukashenko"),
            make_statement(article, other, "lukashenko"),
            make_statement(article, HEAD, "aleinik", occurrence=2),
        ]
    )
    findings = [f for f in evaluate(statements, [article], actions, [], rules, actors)]
    assert len([f for f in findings if f.rule_id == "CC001"]) == 3
    assert all(not f.occurrences for f in findings)


def test_a_sentence_about_a_statement_is_no_evidence(finder: CorpusEvidenceFinder) -> None:
    article = make_article(
        "Titel\nDiese Äußerung steht im Widerspruch dazu, dass das Land seinen Boden für die "
        "Invasion zur Verfügung gestellt hat.\nDas Land hat seinen Boden für die Invasion zur "
        "Verfügung gestellt."
    )
    found = finder.find(article, [])
    assert [e.text[:8] for e in found] == ["Das Land"]


def test_evidence_of_other_articles_carries_their_date(finder: CorpusEvidenceFinder) -> None:
    article = make_article(
        "Titel\nBelarus hat seinen Boden für die Invasion zur Verfügung gestellt.",
        published=dt.date(2022, 3, 1),
    )
    assert [e.published for e in finder.find(article, [])] == [dt.date(2022, 3, 1)]


def test_nuclear_hosting_does_not_answer_a_denial_of_strikes(
    tagger: ClaimTagger, rules: list[Rule], actors: dict[str, str]
) -> None:
    denial = "Von unserem Territorium aus wird kein Angriff gestartet"
    article = make_article(f"Titel\n{denial}, sagte er.", published=dt.date(2023, 9, 1))
    statements = tagger.tag([make_statement(article, denial, "lukashenko")])
    findings = evaluate(statements, [article], load_actions(), [], rules, actors)
    cited = {a for f in findings for a in f.actions}
    assert cited and not {a for a in cited if "nuclear" in a}


def test_a_statement_before_the_delivery_is_not_confronted_with_it(
    tagger: ClaimTagger, rules: list[Rule], actors: dict[str, str]
) -> None:
    denial = "Auf unserem Territorium wird nichts für den Krieg genutzt"
    article = make_article(f"Titel\n{denial}, sagte er.", published=dt.date(2023, 4, 10))
    statements = tagger.tag([make_statement(article, denial, "lukashenko")])
    findings = evaluate(statements, [article], load_actions(), [], rules, actors)
    prior = {a for f in findings if f.timing == "prior" for a in f.actions}
    assert "by-nuclear-delivery-2023" not in prior


def test_non_military_support_is_no_admission_of_military_support(
    tagger: ClaimTagger, rules: list[Rule], actions: list[Action], actors: dict[str, str]
) -> None:
    said = "die nichtmilitärische Unterstützung durch unser Land"
    article = make_article(f"Titel\nEr lobte {said}.", published=dt.date(2023, 2, 1))
    statements = tagger.tag([make_statement(article, said, "lukashenko")])
    findings = evaluate(statements, [article], actions, [], rules, actors)
    assert not [f for f in findings if f.verdict == "consistent"]


def test_a_finding_on_attributed_actions_only_says_so(
    tagger: ClaimTagger, rules: list[Rule], actors: dict[str, str]
) -> None:
    denial = "Wir liefern keine Waffen an Russland"
    article = make_article(f"Titel\n{denial}, sagte er.", published=dt.date(2023, 2, 1))
    statements = tagger.tag([make_statement(article, denial, "lukashenko")])
    de = evaluate(statements, [article], load_actions(), [], rules, actors, lang="de")
    finding = next(f for f in de if f.rule_id == "CC004")
    assert "laut der belarussischen Beobachtergruppe" in finding.explanation
    assert "nur von einer Seite behauptet" in finding.explanation
    assert finding.evidence[0].attributed_to


def test_labels_are_in_the_nominative() -> None:
    from claims.report.common import nominative, speaker_name

    assert nominative("Frankfurter Allgemeinen Zeitung") == "Frankfurter Allgemeine Zeitung"
    assert nominative("Deutschen Presse-Agentur") == "Deutsche Presse-Agentur"
    assert nominative("Foreign Policy") == "Foreign Policy"
    assert speaker_name("other:Süddeutschen Zeitung", {}, "?") == "Süddeutsche Zeitung"


def test_english_reports_use_english_names() -> None:
    from claims.resources import Resources

    resources = Resources.load()
    assert resources.speaker_names("en")["lukashenko"] == "Alexander Lukashenko"
    assert resources.speaker_names("en")["putin"] == "Vladimir Putin"
    assert resources.speaker_names("de")["lukashenko"] == "Alexander Lukaschenko"
