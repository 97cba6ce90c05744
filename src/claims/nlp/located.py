"""Words as written, with where they were written.

``Located`` is a ``str`` (so ``speaker_mention`` and ``cue`` keep their type, compare equal to
plain strings and serialise as before) that also carries the character ranges of its pieces in
the Doc's text: ``wies … zurück`` is two ranges. Every rule that copies a speaker mention or cue
from one statement to another (``span._.cue = report._.cue``) copies the offsets with it, so the
spans of :mod:`claims.nlp.speakers.roles` need no bookkeeping in the attribution rules.
"""

from __future__ import annotations

from spacy.tokens import Span

Range = tuple[int, int]


class Located(str):
    """A string with the character ranges (``pieces``) it was read from."""

    pieces: tuple[Range, ...]

    def __new__(cls, text: str, pieces: tuple[Range, ...]) -> Located:
        obj = super().__new__(cls, text)
        obj.pieces = tuple((int(a), int(b)) for a, b in pieces if b > a)
        return obj

    def __reduce__(self) -> tuple[object, ...]:
        return (Located, (str(self), self.pieces))


def located(text: str | None, *pieces: Range) -> str | None:
    """``text`` with its pieces, or ``text`` unchanged when no piece is known."""
    if text is None:
        return None
    if isinstance(text, Located) and not any(b > a for a, b in pieces):
        return text
    valid = tuple(p for p in pieces if p[1] > p[0])
    return Located(str(text), valid) if valid else text


def pieces_of(value: object) -> tuple[Range, ...]:
    """The ranges a value was read from (none for a plain string or None)."""
    return value.pieces if isinstance(value, Located) else ()


def span_range(span: Span) -> Range:
    """The character range of a spaCy span."""
    return (span.start_char, span.end_char)
