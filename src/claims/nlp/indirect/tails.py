"""What may follow the speech verb of a report that stands before it.

``Die Lage sei ernst, betonte X, der seit 2021 regiert.``: after the speaker a relative clause
about the speaker, or a ``wie`` clause naming the channel (``…, sagte er dem Sender Y, wie die
Agentur Z meldete``), may still close the sentence. Anything longer is a clause of its own
(``meinte er damit kaum die Kämpfe, die …``), and the verb reports nothing before it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.nlp.words import word_set

# relative pronouns that open a clause about the speaker after "…, sagte X, der …"
TAIL_RELATIVES = word_set("tail_relatives")
TAIL_RELATIVE_PREPOSITIONS = word_set("tail_relative_prepositions")
RELATIVE_DATIVES = word_set("relative_datives")
THIRD_PERSON_PRONOUNS = word_set("third_person_pronouns")
SOURCE_PREPOSITIONS = word_set("source_prepositions")  # "behauptete er in einem Interview"
DATIVE_ARTICLES = word_set("dative_articles")  # "sagte er dem Sender X"
MAX_NAMED_TAIL = 5  # tokens of the speaker between the cue and that relative clause
MAX_PLACED_TAIL = 12  # the same after a pronoun, with the place or addressee it spoke to


def wie_channel(doc: Doc, i: int, end: int, cue_starts: set[int]) -> bool:
    """``wie die Agentur Y meldete``: a ``wie`` clause closed by its speech verb passes a report
    on; it is neither the content nor the speaker of the report before it."""
    if doc[i].lower_ != "wie":
        return False
    last = end - 1
    while last > i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return last in cue_starts


def framed(doc: Doc, s0: int, end: int, cue_starts: set[int]) -> bool:
    """The clause ``s0``..``end`` holds a report with its own speech verb after a comma
    (``X habe …, sagte er dem Sender Z``): a ``wie`` source after it is the channel."""
    return any(k in cue_starts and doc[k - 1].text == "," for k in range(s0 + 1, end))


def opens_relative(doc: Doc, i: int, s1: int) -> bool:
    """A relative clause opens at ``i``: ``der …``, ``welche …``, ``aus dem …``."""
    if doc[i].lower_ in TAIL_RELATIVES:
        return True
    return (
        i + 1 < s1
        and doc[i].lower_ in TAIL_RELATIVE_PREPOSITIONS
        and doc[i + 1].lower_ in RELATIVE_DATIVES
    )


def relative_tail(doc: Doc, cue: Span, s1: int, cue_starts: set[int]) -> int | None:
    """The comma before a relative or channel clause that may close a report after its
    speaker (see the module doc), else None."""
    comma = next((t.i for t in doc[cue.end : s1 - 1] if t.text == ","), None)
    if comma is None or not (
        opens_relative(doc, comma + 1, s1) or wie_channel(doc, comma + 1, s1, cue_starts)
    ):
        return None
    pronoun = doc[cue.end].lower_ in THIRD_PERSON_PRONOUNS
    # a pronoun may carry the place or addressee it spoke to: "…, behauptete er in einem
    # Interview des Senders X, aus dem die Agentur Y zitierte."
    placed = (
        pronoun
        and comma - cue.end <= MAX_PLACED_TAIL
        and (
            doc[cue.end + 1].lower_ in SOURCE_PREPOSITIONS
            or doc[cue.end + 1].lower_ in DATIVE_ARTICLES
        )
    )
    if not placed and comma - cue.end > (1 if pronoun else MAX_NAMED_TAIL):
        return None  # more than a speaker before it: "meinte er damit kaum die Kämpfe, die …"
    return comma
