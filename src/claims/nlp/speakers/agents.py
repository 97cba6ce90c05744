"""Agents of passive speech verbs: ``wurde von X kritisiert`` reports what X said.

In a passive clause the grammatical subject is what is spoken about; the speaker, when named,
is the ``von``/``vom`` phrase between the auxiliary and the participle.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.nlp.extensions import span_attr
from claims.nlp.words import word_set

# forms of "werden" that make a speech verb passive (one list for every passive check)
PASSIVE_AUXILIARIES = word_set("quote_passive_auxiliaries")
AGENT_PREPOSITIONS = word_set("agent_prepositions")
# a participle cue in the passive that keeps its subject as speaker ("wurde mit den Worten
# zitiert": the subject is quoted)
SUBJECT_KEEPING = word_set("subject_keeping_verbs")
MAX_CLAUSE = 12
# lower-case words inside an agent's noun phrase ("vom Presseamt des Kremls")
AGENT_LINKS = word_set("agent_links")


def passive_agent(cue: Span, clause_start: int) -> int | None:
    """Token index where the agent phrase of a passive cue starts (after ``von``), if any:
    ``Die Pläne wurden von der Opposition kritisiert`` -> the index of ``der``."""
    doc = cue.doc
    if span_attr(cue, "cue_lemma") in SUBJECT_KEEPING or not cue[-1].text[:1].islower():
        return None
    lo = max(clause_start, cue.start - MAX_CLAUSE)
    window = doc[lo : cue.start]
    aux = next((t.i for t in window if t.lower_ in PASSIVE_AUXILIARIES), None)
    if aux is None and cue.end < len(doc) and doc[cue.end].lower_ in PASSIVE_AUXILIARIES:
        aux = lo - 1  # "… abgelehnt worden", "als er … kritisiert wurde"
    if aux is None:
        return None
    between = doc[aux + 1 : cue.start]
    if any(t.text in (",", ";", ":") or t.text in '„“"»«' for t in between):
        return None  # another clause or a quote between auxiliary and participle
    for t in between:
        if t.lower_ in AGENT_PREPOSITIONS and t.i + 1 < cue.start:
            return t.i + 1
    return None


def quoted_subject(cue: Span, clause_start: int) -> int | None:
    """Token index of the subject of a passive ``zitieren`` right after its auxiliary: ``wird
    Musk wie folgt zitiert`` -> the index of ``Musk`` (the subject is the one quoted)."""
    if span_attr(cue, "cue_lemma") not in SUBJECT_KEEPING:
        return None
    doc = cue.doc
    window = doc[max(clause_start, cue.start - MAX_CLAUSE) : cue.start]
    aux = next((t.i for t in window if t.lower_ in PASSIVE_AUXILIARIES), None)
    if aux is None or aux + 1 >= cue.start or doc[aux + 1].is_punct:
        return None
    return aux + 1


def passive_without_agent(cue: Span, clause_start: int) -> bool:
    """``Ägypten wird aufgefordert, …``: a participle cue in the passive with no ``von``
    phrase. Its subject is the one spoken to or about, never the speaker."""
    doc = cue.doc
    word = cue[-1].text
    if span_attr(cue, "cue_lemma") in SUBJECT_KEEPING or not (
        word.islower() and word.endswith("t")
    ):
        return False
    if passive_agent(cue, clause_start) is not None:
        return False
    lo = max(clause_start, cue.start - MAX_CLAUSE)
    aux = next((t.i for t in doc[lo : cue.start] if t.lower_ in PASSIVE_AUXILIARIES), None)
    if aux is None:
        return False
    between = doc[aux + 1 : cue.start]
    return not any(t.text in (",", ";", ":") or t.text in '„“"»«' for t in between)


def agent_phrase(doc: Doc, start: int, verb: int) -> list[Token]:
    """The tokens of the agent's noun phrase from ``start`` up to the participle ``verb``:
    ``Presseamt des Kremls`` in ``vom Presseamt des Kremls am Montag bekannt gegeben``."""
    end = start
    while end < verb and (doc[end].text[:1].isupper() or doc[end].lower_ in AGENT_LINKS):
        end += 1
    return list(doc[start:end])
