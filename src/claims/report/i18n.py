"""Report text in English and German; the keys are the same in both tables."""

from __future__ import annotations

_EN: dict[str, str | tuple[str, ...]] = {
    "title": "Claims report: statements checked against documented actions",
    "metadata": "Run",
    "generated": "Generated",
    "tool": "Tool",
    "corpus": "Corpus",
    "counts": "Counts",
    "counts_text": (
        "articles: {articles} · statements: {statements} · "
        "statements contradicted: {contradictions} · consistent: {consistent} · "
        "not analysed: {errors}"
    ),
    "summary": "Summary",
    "articles": "Articles",
    "date": "Date",
    "kind": "Kind",
    "cue": "Cue",
    "all_statements": "Statements",
    "statements_hidden": "{count} statements: list them with `claims quotes` or --format json.",
    "speaker": "Speaker",
    "statements": "Statements",
    "direct": "direct",
    "indirect": "indirect",
    "reported": "reported",
    "free_indirect": "free indirect",
    "claim_types": "Claim types",
    "contradictions": "Contradictions",
    "consistent": "Consistent",
    "no_statements": "No statements were found.",
    "no_contradictions": "No statement was found to contradict a documented action.",
    "contradiction": "contradiction",
    "verdict_contradiction": "contradiction",
    "verdict_consistent": "consistent",
    "quote": "Statement",
    "article": "Article",
    "published": "Published",
    "source": "Source",
    "claim_type": "Claim type",
    "rule": "Rule",
    "timing": "Timing",
    "timing_prior": "the action was under way when the statement was made",
    "timing_later": "the action started after the statement",
    "actions": "Documented actions",
    "corpus_evidence": "Reporting in the corpus",
    "occurrences": "Same statement also at",
    "other_article": "other article",
    "explanation": "Explanation",
    "consistent_findings": "Statements consistent with documented actions",
    "index": "Index by speaker",
    "see": "see",
    "timeline": "Timeline",
    "timeline_intro": (
        "Dated statements with findings (by the article's publication date) and the documented "
        "actions they were checked against (by start date)."
    ),
    "timeline_none": "No dated statements or actions to show.",
    "timeline_undated": "Statements in undated articles are not shown: {count}.",
    "tl_action": "Action",
    "tl_statement": "Statement",
    "errors": "Articles that could not be analysed",
    "line": "line",
    "methods": "Methods and caveats",
    "methods_text": (
        "Statements are found by rules over the German text (quotation marks, speech verbs and "
        "reported-speech markers such as *laut* or *zufolge*); no trained language model is used. "
        "A statement is attributed to a speaker only when the article names them or clearly "
        "refers to them; otherwise the speaker is left unknown rather than guessed.",
        "Each statement is tagged with claim types (for example a denial of military "
        "involvement) by word lists, and rules compare the claim types with a knowledge base of "
        "documented actions of the speakers' governments, each backed by at least one public "
        "source. Sentences in which the corpus itself reports such actions are quoted as further "
        "evidence.",
        "A contradiction is a lead for a journalist, not a verdict: extraction and attribution "
        "can be wrong, a statement can be ironic, conditional or quoted second-hand, and the "
        "knowledge base covers only the actions it lists. Quotes are reproduced verbatim from the "
        "article text as analysed; check each quote against the original before publishing.",
    ),
    "unknown_speaker": "unknown speaker",
    "findings": "Findings",
    "evidence": "Evidence",
    "more_evidence": "… {count} more (all in --format markdown or json)",
    "verdict": "Verdict",
    "none": "none",
    "no_findings": "No findings.",
    "total": "total",
    # terminal (table format)
    "counts_quotes": "articles: {articles} · statements: {statements} · not analysed: {errors}",
    "evidence_line": "evidence: {kb} documented, {corpus} in articles",
    "contradicted_by": "contradicted by",
    "consistent_with": "consistent with",
    "and_more": "and {count} more",
    "article_reports_short": "the article reports",
    "speakers": "Speakers",
    "statements_short": "{count} statements",
    "statements_count": "{count} statements ({direct} direct, {indirect} indirect)",
    "contradicted_count": "{count} contradicted",
    "consistent_count": "{count} consistent",
    "statements_hint": "{count} statements: list them with `claims quotes` or --verbose.",
    "details_hint": "details of a finding: {command}",
    "also_at": "also at",
    "in_context": "In context",
    "documented": "documented",
    "in_articles": "in articles",
    "sources": "sources",
    "mention": "named as",
    "not_found_in": "no finding or statement {id!r} in {paths}",
    "ambiguous_id": "{id!r} matches more than one id: {ids}",
    "kb_since": "since",
    # claims check
    "check_new": "new contradictions (not in the baseline): {count}",
    "check_known": "known contradictions (accepted in the baseline): {count}",
    "check_stale": "baseline entries no longer found (prune with --update-baseline): {count}",
    "check_false_positives": "of which marked false positive: {count}",
    "check_stale_entry": "stale baseline entry (no longer found)",
    "check_errors": "articles that could not be analysed: {count}",
    "check_failed": "claims check failed",
    "check_passed": "claims check passed",
    "check_hint": (
        "Review each new finding; record it with `claims check PATH --accept ID --reason …` "
        "(or `--reject ID --reason …` for a false positive), or accept all with "
        "`claims check PATH --update-baseline`."
    ),
    "contradicts": "contradicts",
}

_DE: dict[str, str | tuple[str, ...]] = {
    "title": "Aussagen im Abgleich mit dokumentiertem Handeln",
    "metadata": "Lauf",
    "generated": "Erstellt",
    "tool": "Werkzeug",
    "corpus": "Korpus",
    "counts": "Umfang",
    "counts_text": (
        "Artikel: {articles} · Aussagen: {statements} · "
        "widersprochene Aussagen: {contradictions} · stimmig: {consistent} · "
        "nicht analysiert: {errors}"
    ),
    "summary": "Zusammenfassung",
    "articles": "Artikel",
    "date": "Datum",
    "kind": "Art",
    "cue": "Signal",
    "all_statements": "Aussagen",
    "statements_hidden": "{count} Aussagen: Liste mit `claims quotes` oder --format json.",
    "speaker": "Sprecher",
    "statements": "Aussagen",
    "direct": "direkt",
    "indirect": "indirekt",
    "reported": "Redebericht",
    "free_indirect": "frei indirekt",
    "claim_types": "Aussagetypen",
    "contradictions": "Widersprüche",
    "consistent": "Stimmig",
    "no_statements": "Es wurden keine Aussagen gefunden.",
    "no_contradictions": "Keine Aussage widerspricht einer dokumentierten Handlung.",
    "contradiction": "Widerspruch",
    "verdict_contradiction": "Widerspruch",
    "verdict_consistent": "stimmig",
    "quote": "Aussage",
    "article": "Artikel",
    "published": "Veröffentlicht",
    "source": "Quelle",
    "claim_type": "Aussagetyp",
    "rule": "Regel",
    "timing": "Zeitpunkt",
    "timing_prior": "die Handlung war zum Zeitpunkt der Aussage im Gange",
    "timing_later": "die Handlung begann nach der Aussage",
    "actions": "Dokumentierte Handlungen",
    "corpus_evidence": "Berichterstattung im Korpus",
    "occurrences": "Dieselbe Aussage auch in",
    "other_article": "anderer Artikel",
    "explanation": "Erläuterung",
    "consistent_findings": "Aussagen im Einklang mit dokumentierten Handlungen",
    "index": "Verzeichnis nach Sprecher",
    "see": "siehe",
    "timeline": "Zeitleiste",
    "timeline_intro": (
        "Datierte Aussagen mit Befund (nach Erscheinungsdatum des Artikels) und die "
        "dokumentierten Handlungen, mit denen sie abgeglichen wurden (nach Beginn)."
    ),
    "timeline_none": "Keine datierten Aussagen oder Handlungen.",
    "timeline_undated": "Aussagen in undatierten Artikeln fehlen: {count}.",
    "tl_action": "Handlung",
    "tl_statement": "Aussage",
    "errors": "Nicht analysierte Artikel",
    "line": "Zeile",
    "methods": "Methode und Vorbehalte",
    "methods_text": (
        "Aussagen werden regelbasiert im deutschen Text erkannt (Anführungszeichen, Verben des "
        "Sagens und Marker der indirekten Rede wie *laut* oder *zufolge*); ein trainiertes "
        "Sprachmodell wird nicht verwendet. Einem Sprecher wird eine Aussage nur zugeordnet, wenn "
        "der Artikel ihn nennt oder eindeutig auf ihn verweist; sonst bleibt der Sprecher offen, "
        "statt geraten zu werden.",
        "Jede Aussage erhält Aussagetypen (etwa das Bestreiten einer militärischen Beteiligung) "
        "anhand von Wortlisten; Regeln vergleichen diese mit einer Wissensbasis dokumentierter "
        "Handlungen der jeweiligen Regierung, jede mit mindestens einer öffentlichen Quelle "
        "belegt. Sätze, in denen das Korpus selbst über solche Handlungen berichtet, werden als "
        "weitere Belege zitiert.",
        "Ein Widerspruch ist ein Hinweis für die Recherche, kein Urteil: Erkennung und Zuordnung "
        "können irren, eine Aussage kann ironisch, bedingt oder aus zweiter Hand zitiert sein, "
        "und die Wissensbasis umfasst nur die dort verzeichneten Handlungen. Zitate sind dem "
        "analysierten Artikeltext wörtlich entnommen; vor der Veröffentlichung jedes Zitat mit "
        "dem Original abgleichen.",
    ),
    "unknown_speaker": "unbekannter Sprecher",
    "findings": "Befunde",
    "evidence": "Belege",
    "more_evidence": "… {count} weitere (alle in --format markdown oder json)",
    "verdict": "Befund",
    "none": "keine",
    "no_findings": "Keine Befunde.",
    "total": "gesamt",
    # Terminal (Format table)
    "counts_quotes": "Artikel: {articles} · Aussagen: {statements} · nicht analysiert: {errors}",
    "evidence_line": "Belege: {kb} dokumentiert, {corpus} in Artikeln",
    "contradicted_by": "widerlegt durch",
    "consistent_with": "im Einklang mit",
    "and_more": "und {count} weitere",
    "article_reports_short": "der Artikel berichtet",
    "speakers": "Sprecher",
    "statements_short": "{count} Aussagen",
    "statements_count": "{count} Aussagen ({direct} direkt, {indirect} indirekt)",
    "contradicted_count": "{count} widersprochen",
    "consistent_count": "{count} stimmig",
    "statements_hint": "{count} Aussagen: Liste mit `claims quotes` oder --verbose.",
    "details_hint": "Einzelheiten eines Befunds: {command}",
    "also_at": "auch in",
    "in_context": "Im Zusammenhang",
    "documented": "dokumentiert",
    "in_articles": "in Artikeln",
    "sources": "Quellen",
    "mention": "genannt als",
    "not_found_in": "kein Befund und keine Aussage {id!r} in {paths}",
    "ambiguous_id": "{id!r} passt zu mehreren Kennungen: {ids}",
    "kb_since": "seit",
    "check_new": "neue Widersprüche (nicht in der Baseline): {count}",
    "check_known": "bekannte Widersprüche (in der Baseline akzeptiert): {count}",
    "check_stale": (
        "nicht mehr gefundene Baseline-Einträge (mit --update-baseline bereinigen): {count}"
    ),
    "check_false_positives": "davon als Fehlalarm markiert: {count}",
    "check_stale_entry": "veralteter Baseline-Eintrag (nicht mehr gefunden)",
    "check_errors": "nicht analysierte Artikel: {count}",
    "check_failed": "claims check fehlgeschlagen",
    "check_passed": "claims check bestanden",
    "check_hint": (
        "Jeden neuen Befund prüfen; mit `claims check PATH --accept ID --reason …` (Fehlalarm: "
        "`--reject ID --reason …`) festhalten, oder alle mit `--update-baseline` akzeptieren."
    ),
    "contradicts": "widerspricht",
}

TEXT = {"en": _EN, "de": _DE}


def t(lang: str, key: str, **values: object) -> str:
    """The report text ``key`` in ``lang`` (falling back to English), formatted with values."""
    table = TEXT.get(lang, _EN)
    text = table.get(key, _EN[key])
    assert isinstance(text, str), key
    return text.format(**values) if values else text


def paragraphs(lang: str, key: str) -> tuple[str, ...]:
    """A multi-paragraph text such as the methods section."""
    value = TEXT.get(lang, _EN).get(key, _EN[key])
    return value if isinstance(value, tuple) else (str(value),)
