"""User-controlled text on its way in (metadata) and out (terminal, CI log, files).

Article files, their names, front matter and JSONL keys are untrusted. Two rules keep them
from acting on whoever reads the output:

* at ingest, :func:`clean_metadata` removes control characters (ESC and OSC sequences lose
  their introducer, NUL goes) and invisible format characters (zero-width, soft hyphen, bidi
  controls) from every metadata value;
* on every line-oriented channel (stderr, ``--format text``, the table, Markdown),
  :func:`display` shows what remains visibly escaped: line breaks and control characters as
  ``\\n``/``\\x1b``, bidi controls as ``\\u202e``, and GitHub workflow-command openers (``::``,
  ``##[``) broken by a backslash, so a file name cannot forge a CI annotation or a log line.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional controls: they reorder what a reader sees (Trojan Source, CVE-2021-42574).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Characters with no glyph that split or join words invisibly.
INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff" + BIDI_CONTROLS
_CONTROL = "\x00-\x1f\x7f-\x9f\u2028\u2029"

# ANSI escape sequences whole (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`, two-byte ESC x),
# so that no left-over `[31m` stays in a title
_TERMINAL_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-Z\\-_]"
)
_METADATA_DROP = re.compile(f"[{INVISIBLE}]")
_METADATA_SPACE = re.compile(f"[{_CONTROL}]+")
_SPACES = re.compile(r"[ \t]{2,}")
_DISPLAY = re.compile(f"[{_CONTROL}{INVISIBLE}]|::|##\\[")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "::": ":\\:", "##[": "#\\#["}


def clean_metadata(value: str) -> str:
    """A metadata value as one clean line: NFC, control characters as one space, invisible
    format characters removed, runs of spaces collapsed, trimmed."""
    text = _TERMINAL_SEQUENCE.sub("", value)
    text = unicodedata.normalize("NFC", text)
    text = _METADATA_DROP.sub("", text)
    text = _METADATA_SPACE.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _escape(match: re.Match[str]) -> str:
    found = match.group(0)
    named = _NAMED.get(found)
    if named is not None:
        return named
    code = ord(found)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def display(text: str) -> str:
    """``text`` safe to print inside one line of a terminal or CI log (see the module)."""
    return _DISPLAY.sub(_escape, text)


_VISIBLE = re.compile(f"[{_CONTROL}{INVISIBLE}]")


def visible(text: str) -> str:
    """:func:`display` for documents (Markdown, CSV): control and invisible characters
    escaped, workflow-command openers left as they are."""
    return _VISIBLE.sub(_escape, text)
