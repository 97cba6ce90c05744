"""The Markdown report: valid CommonMark, publishable, and immune to user text."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from claims.models import Action, Report
from claims.report import RenderOptions, render
from claims.report.mdtext import inline, safe_url

NAMES = {"lukashenko": "Alexander Lukaschenko", "putin": "Wladimir Putin"}


def _options(action: Action, lang: str = "en") -> RenderOptions:
    return RenderOptions(
        lang=lang,
        actions=(action,),
        corpus="corpus/",
        generated="2024-05-01",
        speaker_names=NAMES,
    )


@pytest.fixture
def markdown(report: Report, action: Action) -> str:
    return render(report, "markdown", _options(action))


def _tokens(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def _headings(tokens: list[Token], level: str) -> list[str]:
    return [
        tokens[i + 1].content
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open" and tok.tag == level
    ]


def _plain(text: str) -> str:
    """What a reader sees: rendered to HTML, tags removed, entities decoded."""
    import html

    rendered = MarkdownIt("commonmark").enable("table").render(text)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def test_parses_as_commonmark_with_the_expected_sections(markdown: str) -> None:
    tokens = _tokens(markdown)
    assert _headings(tokens, "h1") == [
        "Claims report: statements checked against documented actions"
    ]
    assert _headings(tokens, "h2") == [
        "Summary",
        "Contradictions",
        "Statements consistent with documented actions",
        "Index by speaker",
        "Timeline",
        "Articles that could not be analysed",
        "Methods and caveats",
    ]
    # One section per contradiction, one index entry per speaker.
    h3 = _headings(tokens, "h3")
    assert [h for h in h3 if h.startswith("C")] == ["C1 · Alexander Lukaschenko"]
    assert {
        "Alexander Lukaschenko",
        "Wladimir Putin",
        "Iwan \\<Petrow\\>",
        "unknown speaker",
    } <= set(h3)


def test_no_user_text_becomes_html_or_markup(markdown: str) -> None:
    tokens = _tokens(markdown)
    kinds = {t.type for t in tokens}
    assert "html_block" not in kinds
    inline_kinds = {c.type for t in tokens if t.children for c in t.children}
    assert "html_inline" not in inline_kinds
    assert "code_inline" not in inline_kinds  # the backticks in the quote stay characters
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script>" not in rendered and "<b>" not in rendered and "<i>" not in rendered
    assert "&lt;script&gt;" in rendered
    # "# heading" inside a quote and a title is not a heading.
    assert "heading" not in " ".join(_headings(tokens, "h1") + _headings(tokens, "h2"))
    # Links only go to http(s) URLs.
    hrefs = [
        c.attrs["href"] for t in tokens if t.children for c in t.children if c.type == "link_open"
    ]
    assert hrefs and all(str(h).startswith("https://") for h in hrefs)


def test_quote_is_a_verbatim_blockquote(markdown: str, report: Report) -> None:
    quote = next(s.text for s in report.statements if s.speaker == "lukashenko")
    tokens = _tokens(markdown)
    start = next(i for i, t in enumerate(tokens) if t.type == "blockquote_open")
    inline_token = next(t for t in tokens[start:] if t.type == "inline")
    text = "".join(
        c.content if c.type == "text" else "\n" if c.type == "softbreak" else ""
        for c in inline_token.children or []
    )
    assert " ".join(text.split()) == " ".join(quote.split())


def test_contradiction_section_cites_actions_corpus_and_explanation(markdown: str) -> None:
    section = markdown.split("### C1")[1].split("\n## ")[0]
    seen = _plain(section)
    assert "Belarus let Russian forces attack from its territory | <i>x</i>" in seen
    assert "(https://example.com/a%28b%29c)" in section  # the source link, parentheses encoded
    assert "javascript:" not in re.sub(r"\(javascript:alert\(1\)\)", "", section)  # only as text
    assert "Russische Truppen griffen von Belarus aus an." in seen
    assert "Denies involvement while [b]the territory[/b] was used | see *source*" in seen
    assert "19 December 2022" in seen
    assert "denial" in seen and "denial-vs-support" in seen


def test_summary_table_counts_per_speaker(markdown: str) -> None:
    tokens = _tokens(markdown)
    assert any(t.type == "table_open" for t in tokens)
    cells: list[str] = []
    rows: list[list[str]] = []
    for tok in tokens:
        if tok.type == "tr_open":
            cells = []
        elif tok.type == "inline" and cells is not None:
            cells.append(tok.content)
        elif tok.type == "tr_close":
            rows.append(cells)
    lukashenko = next(r for r in rows if r[0] == "Alexander Lukaschenko")
    assert lukashenko[1] == "1" and lukashenko[5] == "1"  # statements, contradictions
    assert rows[-1][1] == "4"  # total statements


def test_timeline_is_a_mermaid_block_with_actions_and_statements(markdown: str) -> None:
    fences = [t for t in _tokens(markdown) if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid"]
    body = fences[0].content
    assert body.startswith("timeline\n")
    assert "2022-02-24 : Action" in body
    assert "2022-12-19 : Statement Alexander Lukaschenko" in body
    # Mermaid syntax characters from user text are removed.
    for line in body.splitlines()[2:]:
        event = line.split(" : ", 1)[1] if " : " in line else line
        assert not set(event.strip().lstrip(": ")) & set(";#<>`")


def test_german_report_text(report: Report, action: Action) -> None:
    text = render(report, "markdown", _options(action, "de"))
    tokens = _tokens(text)
    assert "Methode und Vorbehalte" in _headings(tokens, "h2")
    assert "Widersprüche" in _headings(tokens, "h2")
    assert "Zeitleiste" in _headings(tokens, "h2")
    assert "19. Dezember 2022" in text
    assert "Belarus stellte sein Gebiet" in text  # the German action description
    assert "„Russische Truppen" in text


def test_without_actions_or_dates_it_still_cites_the_evidence(report: Report) -> None:
    text = render(report, "markdown", RenderOptions())
    assert "Example News, Troops crossed \\[from\\] Belarus" in text
    assert "lukashenko" in text  # ids stand in for missing display names
    assert "- **Generated:**" not in text  # no date unless given


def test_deterministic(report: Report, action: Action) -> None:
    assert render(report, "markdown", _options(action)) == render(
        report, "markdown", _options(action)
    )


def test_empty_report_says_so(report: Report) -> None:
    text = render(Report(tool=report.tool), "markdown")
    assert "No statements were found." in text
    assert "No statement was found to contradict" in text


@pytest.mark.parametrize(
    "hostile",
    [
        "# heading",
        "- item",
        "1. item",
        "> quote",
        "===",
        "<div>x</div>",
        "[a](javascript:x)",
        "a | b",
        "**bold**",
        "`code`",
        "&amp;",
        "![img](http://x/y.png)",
        "    indented",
        "$x$",
    ],
)
def test_inline_escaping_renders_the_characters(hostile: str) -> None:
    rendered = _plain(f"- **Label:** {inline(hostile)}\n\n{inline(hostile)}\n")
    assert rendered.count(hostile.strip()) == 2


def test_only_http_urls_become_links() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://example.org/a b") is None
    assert safe_url("https://example.org/x(1)") == "https://example.org/x%281%29"


def test_claim_type_names_replace_ids(report: Report) -> None:
    names = {"denial": "Bestreiten einer Kriegsbeteiligung"}
    text = render(report, "markdown", RenderOptions(lang="de", claim_type_names=names))
    assert "**Aussagetyp:** Bestreiten einer Kriegsbeteiligung" in text
    assert "| Bestreiten einer Kriegsbeteiligung (1) |" in text
