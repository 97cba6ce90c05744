"""Where the parts of a statement's attribution stand in the text (quotation attribution roles).

Read after the extraction from what the rules already recorded, never a second attribution:

* **speaker**: the mention that named the speaker (offsets carried by ``speaker_mention``, see
  :mod:`claims.nlp.located`), or the mention found for an unnamed speaker (``_.speaker_span``);
  a mention text without offsets (a headline name) is looked up nearest the statement;
* **cue**: the pieces of the cue (``wies … zurück`` is two);
* **frame**: the attribution clause around cue and speaker: from the start of the clause
  (sentence start, comma, colon, dash or the statement before the cue) to its end (a closing
  comma or colon included); for a source marker (``laut X``) only the marker and its source. A
  content that lies inside (``wies die Vorwürfe zurück``) is no part of the frame: consumers
  subtract it (:mod:`claims.report.spkatt` does);
* **addressee**: whom the speaker addressed, inside the frame after the cue: ``gegenüber X``,
  ``im Interview mit X`` or a dative phrase (``sagte er der Zeitung``) of a verb that takes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from claims.nlp.extensions import (
    doc_text,
    sentence_at,
    span_attr,
    token_idx,
    token_lowers,
    token_texts,
)
from claims.nlp.located import Range, pieces_of
from claims.nlp.quotes.marks import QUOTE_MARKS
from claims.nlp.speakers.extent import (
    cue_extent,
    marker_source,
    noun_phrase_end,
    speaker_extent,
    token_at,
)
from claims.nlp.words import word_map, word_set

MARKER_LEMMAS = word_set("marker_lemmas")
DATIVE_PRONOUNS = word_set("dative_pronouns")
SUBJECT_OR_DATIVE_ARTICLES = word_set("subject_or_dative_articles")
#: speech verbs that name an addressee in the dative (``sagte er der Zeitung``)
DATIVE_VERBS = word_set("dative_verbs")
DATIVE_ARTICLES = word_set("dative_articles")
DATIVES = DATIVE_ARTICLES | DATIVE_PRONOUNS
PASSIVE = word_set("passive_auxiliaries")
#: verbs whose accusative object is whom they address ("forderte die Gewerkschaft auf")
OBJECT_VERBS = word_set("addressee_object_verbs")
#: verbs whose addressee follows a preposition ("appellierte an die Politiker")
PREPOSITION_VERBS = word_map("addressee_preposition_verbs")
PREPOSITION_ADDRESSEE = word_set("addressee_prepositions")
PREPOSITIONS = word_set("phrase_prepositions")
SOURCE_PREPOSITIONS = word_set("source_prepositions")
INTERVIEW = re.compile(r"\b(?:Interview|Gespräch)\s+mit\s+$")
CLAUSE_BORDER = frozenset(",;:–—()[]")
SENTENCE_END = frozenset(".!?")
MAX_SEARCH = 600
POINTERS = word_set("object_demonstratives")
PERSONAL_PRONOUNS = word_set("gendered_pronouns")
PRONOUN = re.compile(r"(\w+)\b")


@dataclass(frozen=True)
class Roles:
    speaker: Range | None = None
    cues: tuple[Range, ...] = ()
    frame: Range | None = None
    addressee: Range | None = None


ART = r"(?:[Dd](?:er|ie|as|en|em|es)|[Ee]in(?:e|er|es|em|en)?)"
ADJ = r"[a-zäöüß][a-zäöüß-]*(?:e|en|er|es|em)"
NOUN = r"[A-ZÄÖÜ][\w.-]*"
NP_HEAD = rf"{ART}\s+(?:{ADJ}\s+){{0,3}}"
#: what stands before a mention and belongs to its phrase: "der belarussische ", "Ein Sprecher der "
PHRASE_BEFORE = re.compile(
    rf"(?:(?:{NP_HEAD})?{NOUN}\s+(?:des|der)\s+(?:{ADJ}\s+){{0,2}}|{NP_HEAD})$"
)
#: a subject phrase: "Der Bürgermeister der Stadt", "ein Sprecher der Polizei", "Experten"
SUBJECT = re.compile(
    rf"(?:{NP_HEAD})?{NOUN}(?:\s+{NOUN})*(?:\s+(?:des|der)\s+(?:{ADJ}\s+){{0,2}}{NOUN}(?:\s+{NOUN})*)?"
)


def roles_of(doc: Doc, span: Span, content: Range) -> Roles:
    """The roles of one statement span whose exact content is ``content``."""
    speaker = _speaker(doc, span, content)
    cues = found = _cues(doc, span, content)
    if not cues:
        return Roles(speaker=_whole(doc, speaker, cues, content, span))
    if (span_attr(span, "cue_lemma") or "") in MARKER_LEMMAS:
        cues, source = _marker(doc, cues, content)
        speaker = source or _whole(doc, speaker, cues, content, span)
    else:
        cues = cue_extent(doc, cues, content)
        speaker = _whole(doc, speaker, cues, content, span)
    frame = _frame(doc, span, content, cues, speaker)
    if speaker is None and frame is not None:
        speaker = _whole(doc, _subject(doc, span, found, frame, content), cues, content, span)
    addressee = None
    if frame is not None:
        addressee = _addressee(doc, span, cues, speaker, frame)
        addressee = addressee or _object_addressee(doc, span, cues, speaker, frame)
    return Roles(speaker=speaker, cues=cues, frame=frame, addressee=addressee)


def _speaker(doc: Doc, span: Span, content: Range) -> Range | None:
    mention = span_attr(span, "speaker_mention")
    where = pieces_of(mention)
    if where:
        return _phrase(doc, where[0], content)
    if mention is None:
        found = span_attr(span, "speaker_span")
        return _phrase(doc, found, content) if found else None
    return _nearest(doc_text(doc), str(mention), content)


def _bounds(doc: Doc, where: Range, cues: tuple[Range, ...], content: Range) -> tuple[int, int]:
    """The tokens a speaker phrase at ``where`` may fill: its sentence without the content,
    the cue and a closing full stop or quote mark."""
    a = token_at(doc, where[0])
    sent = sentence_at(doc, a)
    floor, hi = sent.start, sent.end
    for lo_char, hi_char in (content, *cues):
        if hi_char <= where[0]:
            floor = max(floor, token_at(doc, hi_char - 1) + 1)
        elif lo_char >= where[1]:
            hi = min(hi, token_at(doc, lo_char))
    texts = token_texts(doc)
    while hi - 1 > a and (texts[hi - 1] in SENTENCE_END or texts[hi - 1] in QUOTE_MARKS):
        hi -= 1
    return floor, hi


def _whole(
    doc: Doc, where: Range | None, cues: tuple[Range, ...], content: Range, span: Span
) -> Range | None:
    """The speaker's whole phrase (:func:`speaker_extent`)."""
    if where is None:
        return None
    floor, hi = _bounds(doc, where, cues, content)
    dative = (
        (span_attr(span, "cue_lemma") or "") in DATIVE_VERBS
        and bool(cues)
        and cues[0][1] <= where[0]
    )
    return speaker_extent(doc, where, floor, hi, dative)


def _marker(
    doc: Doc, cues: tuple[Range, ...], content: Range
) -> tuple[tuple[Range, ...], Range | None]:
    """A source marker: the cue is its preposition or postposition (``nach``, ``laut``,
    ``zufolge``), the speaker the noun phrase it governs (``Angaben der Polizei``)."""
    lowers = token_lowers(doc)
    first = token_at(doc, cues[0][0])
    last = token_at(doc, max(cues[-1][0], cues[-1][1] - 1))
    marker = next((k for k in range(first, last + 1) if lowers[k] in MARKER_LEMMAS), None)
    if marker is None:
        return cues, None
    where = (token_idx(doc)[marker], token_idx(doc)[marker] + len(token_texts(doc)[marker]))
    floor, hi = _bounds(doc, where, (), content)
    source = marker_source(doc, marker, floor, hi, prefer_before=marker > first)
    return (where,), source


def _phrase(doc: Doc, where: Range, content: Range) -> Range:
    """The mention with the article, adjectives and head noun of its phrase before it
    (``der belarussische`` Präsident, ``Ein Sprecher der`` Polizei)."""
    text = doc_text(doc)
    lo = max(0, where[0] - 80)
    if where[0] >= content[1]:
        lo = max(lo, content[1])
    m = PHRASE_BEFORE.search(text, lo, where[0])
    if m is None or (m.start() < content[1] and content[0] < where[0]):
        return where
    if m.start() > 0 and text[m.start() - 1].isalnum():
        return where
    return (m.start(), where[1])


def _subject(
    doc: Doc, span: Span, cues: tuple[Range, ...], frame: Range, content: Range
) -> Range | None:
    """No mention was found: the phrase the frame names as subject, right before the cue
    (``Der Bürgermeister der Stadt sagte``), right after it (``sagte ein Sprecher der
    Polizei``), or after a marker (``laut jüngsten Untersuchungen``)."""
    text = doc_text(doc)
    if span_attr(span, "cue_lemma") == "heißen":
        return _place_phrase(doc, frame, content)  # "In der Erklärung heißt es, …"
    before = text[frame[0] : cues[0][0]]
    m = SUBJECT.fullmatch(before.rstrip())
    if m is not None and before.strip() and before.strip().lower() not in POINTERS:
        return (frame[0], frame[0] + len(before.rstrip()))  # not "Das sagte …": the content
    start = (
        cues[-1][1] + len(text[cues[-1][1] : frame[1]]) - len(text[cues[-1][1] : frame[1]].lstrip())
    )
    pronoun = PRONOUN.match(text, start, frame[1])
    if pronoun is not None and pronoun.group(1).lower() in PERSONAL_PRONOUNS:
        return (pronoun.start(1), pronoun.end(1))  # "sagte er": a person nobody named
    m = SUBJECT.match(text, start, frame[1])
    if m is None or _inside(m.start(), m.end(), content):
        return None
    if (span_attr(span, "cue_lemma") or "") not in MARKER_LEMMAS and not re.match(
        ART, text[m.start() :]
    ):
        return None  # "sagte Montag": a bare capital after a verb is no subject
    return (m.start(), m.end())


def _place_phrase(doc: Doc, frame: Range, content: Range) -> Range | None:
    """The document or place an impersonal ``es heißt`` names (``in der Erklärung der
    Partei``, ``hieß es aus dem Ministerium``): the phrase after its preposition."""
    lowers = token_lowers(doc)
    f0, f1 = token_at(doc, frame[0]), token_at(doc, frame[1] - 1) + 1
    for p in range(f0, f1 - 1):
        if lowers[p] in SOURCE_PREPOSITIONS and not _inside(*_range(doc[p + 1]), content):
            end = noun_phrase_end(doc, p + 1, f1)
            if end > p + 1:
                return (token_idx(doc)[p + 1], doc[end - 1].idx + len(doc[end - 1]))
    return None


def _cues(doc: Doc, span: Span, content: Range) -> tuple[Range, ...]:
    cue = span_attr(span, "cue")
    if cue is None:
        return ()
    where = pieces_of(cue)
    if where:
        return tuple(sorted(where))
    found = _nearest(doc_text(doc), str(cue), content)
    return (found,) if found else ()


def _nearest(text: str, words: str, content: Range) -> Range | None:
    """The occurrence of ``words`` outside the content nearest to it (None if none near)."""
    if not words.strip():
        return None
    lo, hi = max(0, content[0] - MAX_SEARCH), min(len(text), content[1] + MAX_SEARCH)
    best: Range | None = None
    best_gap = MAX_SEARCH + 1
    for m in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text[lo:hi]):
        a, b = lo + m.start(), lo + m.end()
        if a < content[1] and content[0] < b:
            continue
        gap = content[0] - b if b <= content[0] else a - content[1]
        if gap < best_gap:
            best, best_gap = (a, b), gap
    return best


def _inside(a: int, b: int, content: Range) -> bool:
    return a < content[1] and content[0] < b


def _frame(
    doc: Doc, span: Span, content: Range, cues: tuple[Range, ...], speaker: Range | None
) -> Range | None:
    first = doc.char_span(cues[0][0], cues[0][1], alignment_mode="expand")
    if first is None:
        return None
    sent = sentence_at(doc, first.start)
    lo, hi = cues[0][0], cues[-1][1]
    if speaker is not None and sent.start_char <= speaker[0] and speaker[1] <= sent.end_char:
        lo, hi = min(lo, speaker[0]), max(hi, speaker[1])
    if (span_attr(span, "cue_lemma") or "") in MARKER_LEMMAS:
        return (lo, hi)  # the marker with its source, also inside the sentence it qualifies
    if _inside(lo, hi, content) and not (content[0] >= lo and content[1] <= hi):
        lo, hi = cues[0][0], cues[-1][1]  # content between speaker and cue: the cue's side
        if _inside(lo, hi, content) and not (content[0] >= lo and content[1] <= hi):
            return (cues[0][0], cues[0][1])
    a = doc.char_span(lo, hi, alignment_mode="expand")
    if a is None:
        return (lo, hi)
    i, j = a.start, a.end
    while i > sent.start:
        tok = doc[i - 1]
        if tok.text in CLAUSE_BORDER or tok.text in SENTENCE_END or _inside(*_range(tok), content):
            break
        i -= 1
    while j < sent.end:
        tok = doc[j]
        if _inside(*_range(tok), content) or tok.text in SENTENCE_END:
            break
        if tok.text in CLAUSE_BORDER:
            if tok.text in ",:":
                j += 1  # "Er sagte,": the comma closes the frame
            break
        j += 1
    return (doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))


def _range(tok: object) -> Range:
    idx = tok.idx  # type: ignore[attr-defined]
    return (idx, idx + len(tok))  # type: ignore[arg-type]


def _addressee(
    doc: Doc, span: Span, cues: tuple[Range, ...], speaker: Range | None, frame: Range
) -> Range | None:
    text = doc_text(doc)
    lemma = span_attr(span, "cue_lemma") or ""
    window = doc.char_span(frame[0], frame[1], alignment_mode="expand")
    if window is None:
        return None
    for k, tok in enumerate(window):
        if tok.idx < cues[0][1] and not INTERVIEW.search(text[frame[0] : tok.idx]):
            continue  # addressees follow the cue ("Im Interview mit X" may come first)
        low = tok.lower_
        if speaker is not None and speaker[0] <= tok.idx < speaker[1]:
            continue
        if low in PREPOSITION_ADDRESSEE or INTERVIEW.search(text[frame[0] : tok.idx]):
            start = k + 1 if low in PREPOSITION_ADDRESSEE else k
            found = _noun_phrase(window, start)
            if found is not None:
                return found
            continue
        if lemma not in DATIVE_VERBS or tok.idx < cues[0][1]:
            continue
        if low in DATIVE_PRONOUNS and k > 0 and window[k - 1].idx < cues[-1][1] + 2:
            return _range(tok)
        if low not in DATIVE_ARTICLES or (k > 0 and window[k - 1].lower_ in PREPOSITIONS):
            continue
        if low in SUBJECT_OR_DATIVE_ARTICLES and speaker is None:
            continue  # "sagte der Minister": the subject, not whom he told
        if speaker is not None and tok.idx < speaker[0]:
            continue  # before the speaker after the cue is the subject's side
        found = _noun_phrase(window, k)
        if found is not None:
            return found
    return None


def _object_addressee(
    doc: Doc, span: Span, cues: tuple[Range, ...], speaker: Range | None, frame: Range
) -> Range | None:
    """Whom a request, accusation or appeal is addressed to: the accusative object of
    ``forderte X auf``, ``beschuldigt X``, the phrase after ``appellierte an``, and the dative
    that opens a passive accusation (``Dem Minister wird vorgeworfen``)."""
    lemma = span_attr(span, "cue_lemma") or ""
    lowers = token_lowers(doc)
    first, last = token_at(doc, cues[0][0]), token_at(doc, cues[-1][1] - 1)
    f0, f1 = token_at(doc, frame[0]), token_at(doc, frame[1] - 1) + 1
    if (lemma in OBJECT_VERBS or lemma in PREPOSITION_VERBS) and speaker is not None:
        # after the verb and its subject (unnamed, "forderten die Ärzte …" names the speaker)
        taken = {token_at(doc, a) for a, _ in cues}
        taken |= set(range(token_at(doc, speaker[0]), token_at(doc, speaker[1] - 1) + 1))
        k = first + 1
        while k < f1 and k in taken:
            k += 1
        if lemma in PREPOSITION_VERBS:
            if k >= f1 or lowers[k] not in PREPOSITION_VERBS[lemma]:
                return None
            k += 1
        end = noun_phrase_end(doc, k, last if last > first else f1) if k < f1 else k
        return (token_idx(doc)[k], token_idx(doc)[end - 1] + len(doc[end - 1])) if end > k else None
    if lemma in DATIVE_VERBS and speaker is None and f0 < first and lowers[f0] in DATIVES:
        end = f0 + 1 if lowers[f0] in DATIVE_PRONOUNS else noun_phrase_end(doc, f0, first)
        if end > f0 and lowers[end] in PASSIVE:  # "Dem Minister wird vorgeworfen"
            return (token_idx(doc)[f0], token_idx(doc)[end - 1] + len(doc[end - 1]))
    return None


def _noun_phrase(window: Span, k: int) -> Range | None:
    """An article or determiner, lower-case adjectives, then capitalised words or a quoted
    name (``der „Berliner Zeitung“``): the phrase starting at token ``k``."""
    if k >= len(window):
        return None
    j = k
    if window[j].is_lower and window[j].text not in ("„", "»"):
        j += 1  # the article
    while j < len(window) and window[j].is_lower and window[j].is_alpha:
        j += 1  # adjectives
    end = j
    while end < len(window):
        tok = window[end]
        if tok.text in ("„", "»", "“", "«") or tok.text[:1].isupper() or tok.text[:1].isdigit():
            end += 1
            continue
        break
    if end == j:
        return None
    last = window[end - 1]
    return (window[k].idx, last.idx + len(last))
