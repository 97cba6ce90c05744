"""Text normalisation done once, before any offset exists."""

from __future__ import annotations

import re
import unicodedata

from claims.textsafe import INVISIBLE

# C0/C1 control characters except tab and newline, plus the Unicode line/paragraph separators
# (they would make line counting differ between tools).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


# Invisible format characters (zero-width space and joiners, soft hyphen, word joiner, bidi
# controls): inside a name they split it for the rules (`Max\u200b Müller`), and bidi controls
# reorder what a reader sees. They are removed before any offset exists.
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def normalize_text(raw: str) -> str:
    """NFC, ``\\n`` line ends, no BOM, control characters replaced by a space, invisible format
    characters (:data:`claims.textsafe.INVISIBLE`) removed.

    Every replacement keeps the number of lines, so line numbers still match the file; every
    offset of the report indexes this text (``--include-text`` shows it).
    """
    text = raw.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub(" ", text)
