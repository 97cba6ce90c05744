"""German grammar shared by the stages: finite verbs, clause shape and mood (Konjunktiv)."""
