"""The spaCy pipeline of the statement extractor.

``blank("de")`` (or a trained German pipeline when one is named and installed) followed by the
rule components: sentences, quotes, cues, indirect speech, speakers. Nothing needs a trained model.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from claims.errors import InputError
from claims.kb.speakers import SpeakerRegistry
from claims.nlp.cues import component as _cues  # noqa: F401 (registers the factory)
from claims.nlp.cues import relays as _relays  # noqa: F401 (registers the factory)
from claims.nlp.indirect import component as _indirect  # noqa: F401 (registers the factory)
from claims.nlp.quotes import component as _quotes  # noqa: F401 (registers the factory)
from claims.nlp.sentences import component as _sentences  # noqa: F401 (registers the factory)
from claims.nlp.speakers.component import SpeakerAttributor
from claims.nlp.tokenizer import add_colon_quote_infixes, blank_german

COMPONENTS = (
    "claims_sentencizer",
    "claims_quotes",
    "claims_cues",
    "claims_relays",
    "claims_indirect",
    "claims_speakers",
)


def build_pipeline(
    registry: SpeakerRegistry, model: str | None = None, one_word_quotes: bool = False
) -> Language:
    """A pipeline that fills ``doc.spans["statements"]`` (see :mod:`.speakers.component`);
    ``one_word_quotes`` keeps quoted single words as statements (the benchmark's convention)."""
    if model is None:
        nlp = blank_german()
    else:
        try:
            nlp = spacy.load(model, exclude=["senter", "sentencizer"])
        except OSError as exc:
            raise InputError(
                f"spaCy model '{model}' is not installed",
                hint="omit --model to use the built-in rules, or install the model with "
                f"'python -m spacy download {model}'",
            ) from exc
        if "parser" in nlp.pipe_names:
            nlp.disable_pipe("parser")  # our sentence rules decide the boundaries
        add_colon_quote_infixes(nlp)
    # no parser or NER: memory grows linearly, so long single-line texts are fine
    nlp.max_length = max(nlp.max_length, 200_000_000)
    for name in COMPONENTS:
        wants = name in ("claims_speakers", "claims_indirect")
        config = {"one_word_quotes": one_word_quotes} if wants else {}
        nlp.add_pipe(name, config=config)
    speakers = nlp.get_pipe("claims_speakers")
    assert isinstance(speakers, SpeakerAttributor)
    speakers.set_registry(registry)
    return nlp
