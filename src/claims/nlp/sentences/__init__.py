"""Stage ``claims_sentencizer``: sentence and paragraph boundaries of news German."""
