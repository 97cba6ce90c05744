"""Stage ``claims_cues``: the speech verbs, nouns and markers that cue a statement."""
