"""Stage ``claims_indirect``: reported speech (indirect statements) and where its content ends."""
