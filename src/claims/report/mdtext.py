"""Putting untrusted text into Markdown and Mermaid so it is shown, never interpreted.

Article titles, quotes, speaker names and KB texts come from users. A quote containing ``# x``,
``|``, ``<script>`` or ``[a](javascript:...)`` must render as those characters: backslash escapes
are CommonMark's own way to say "this is a literal character" and every renderer honours them.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from claims.report.common import excerpt, one_line
from claims.textsafe import visible

# ASCII punctuation with a meaning somewhere in CommonMark or GitHub Flavored Markdown
# (emphasis, code, links, images, HTML, entities, tables, strike-through, math, headings).
_SPECIAL = frozenset("\\`*_[]<>&|~#!$")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d{1,9}(?=[.)]))")
_PARAGRAPHS = re.compile(r"\n\s*\n")
_MERMAID_UNSAFE = re.compile(r"[:;#`<>{}\[\]\"\\%&|]+")


def inline(text: str) -> str:
    """``text`` on one line, with every character that Markdown could interpret escaped."""
    flat = visible(one_line(text))
    escaped = "".join("\\" + ch if ch in _SPECIAL else ch for ch in flat)
    # A leading "-", "+", "=" or "1." would start a list or underline a heading.
    match = _LINE_START.match(escaped)
    if match:
        head = match.group(2)
        cut = match.end(1)
        if head[0].isdigit():
            # Escape the "." or ")" after the number: "1\." is not a list item.
            end = match.end(2)
            escaped = escaped[:end] + "\\" + escaped[end:]
        else:
            escaped = escaped[:cut] + "\\" + escaped[cut:]
    return escaped


def blockquote(text: str) -> str:
    """A blockquote of ``text``: its paragraphs kept, lines inside a paragraph joined."""
    paragraphs = [inline(p) for p in _PARAGRAPHS.split(text.strip()) if p.strip()]
    return "\n>\n".join("> " + p for p in paragraphs) or ">"


def safe_url(url: str | None) -> str | None:
    """The URL percent-encoded for a link destination, or None unless it is http(s)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ord(ch) < 32 or ch.isspace() for ch in url):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def link(label: str, url: str | None) -> str:
    """``[label](url)`` for a safe URL; else the label (and the URL as plain text)."""
    target = safe_url(url)
    text = inline(label)
    if target:
        return f"[{text}]({target})"
    if url:
        return f"{text} ({inline(url)})"
    return text


def table(header: list[str], rows: list[list[str]], align: str = "") -> str:
    """A GFM pipe table; ``align`` has one of ``l``/``r`` per column. Cells must be escaped."""
    marks = ["---:" if a == "r" else "---" for a in align.ljust(len(header), "l")]

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(c or " " for c in cells) + " |"

    return "\n".join([row(header), row(marks), *(row(r) for r in rows)])


def mermaid_text(text: str, limit: int = 80) -> str:
    """Text for a Mermaid label: no syntax characters, no line breaks, no backticks."""
    return excerpt(_MERMAID_UNSAFE.sub(" ", text), limit)
