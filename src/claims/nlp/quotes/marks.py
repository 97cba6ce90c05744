"""Quote marks as tokens, shared by the stages that look for a quote next to a word."""

from __future__ import annotations

# every mark that opens or closes a quote (German, French, English and straight)
QUOTE_MARKS = frozenset("„“”\"»«‚‘’'›‹")
# marks that open a quoted name after a noun (``der Verein „Memorial“``) ...
OPENING_QUOTES = frozenset('„“"»«‚')
# ... and those that close it
CLOSING_QUOTES = frozenset('“”"«»‘')
