"""Stage ``claims_speakers``: statements attributed to the speakers of the registry."""
