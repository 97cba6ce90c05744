"""Stage ``claims_quotes``: direct quotations and the quote-like marks that are not quotes."""
