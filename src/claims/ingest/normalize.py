"""Text normalisation done once, before any offset exists."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 control characters except tab and newline, plus the Unicode line/paragraph separators
# (they would make line counting differ between tools).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def normalize_text(raw: str) -> str:
    """NFC, ``\\n`` line ends, no BOM, control characters replaced by a space.

    Every replacement keeps the number of lines, so line numbers still match the file.
    """
    text = raw.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub(" ", text)
