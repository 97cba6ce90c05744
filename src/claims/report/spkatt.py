"""``claims quotes --format spkatt``: one JSON document per article in the annotation format of
the German quotation attribution datasets (GermEval 2023 SpkAtt; Petersen-Frey & Biemann 2024),
so that the field's scorers and tools read the statements directly.

A document holds ``documentName``, ``originalText`` (the ingested text), ``tokens`` and
``sentences`` from claims' own tokenisation (spaCy's German tokenizer, the claims sentence
splitter) and one annotation per statement: ``type`` (``Direct``, ``Indirect``, ``Reported``
for kind ``reported``, ``IndirectFreeIndirect`` for ``free_indirect``, ``FreeIndirect`` for
hearsay), ``medium``,
``isNested``/``hasNested`` (a statement inside another) and the roles ``quote``, ``speaker``,
``cue``, ``frame`` and ``addressee``, each with ``spans`` (token ``begin``/``end``, exclusive,
and ``charBegin``/``charEnd``), ``text`` and ``tokenIds``. The quote is the statement without
the attribution words that stand inside it, with the punctuation the datasets quote (the
complementizer of an indirect statement, the quotation marks of a direct one, the full stop of
a sentence of its own); the frame is the attribution clause without the statement. A
``reported`` statement (a speech act with nominal content) is annotated as the dataset
annotates Reported: the quote is the whole sentence, speaker and speech verb included,
with the speaker (and addressee) inside it and no cue or frame. A quoted phrase inside a
report (``sagte, der Plan sei „nicht zu halten“``) is annotated once more as a nested Direct
quotation with the report's roles, as the datasets do; a quoted name (``„Ärzte ohne Grenzen“``:
no lower-case word but function words) is not.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from claims.models import Article, Statement
from claims.nlp.words import word_set

# our kinds as the dataset's types: ``free_indirect`` statements are Konjunktiv sentences that
# go on with a report, which the dataset calls IndirectFreeIndirect; its FreeIndirect is speech
# without a cue and without the Konjunktiv, mostly ``soll``-hearsay: our ``hearsay`` statements
TYPES = {
    "direct": "Direct",
    "indirect": "Indirect",
    "reported": "Reported",
    "free_indirect": "IndirectFreeIndirect",
}
WRITING_CUES = ("schreib", "schrieb", "geschrieben", "twitter", "postete")
ROLES = ("speaker", "cue", "frame", "addressee")
COMPLEMENTIZERS = frozenset({"dass", "daß", "ob"})
OPENING_MARKS = frozenset({"„", "“", '"', "»", "«", "‚", "‘", "‹", "›"})
CLOSING_MARKS = frozenset({"“", "”", '"', "«", "»", "‘", "’", "‹", "›"})
SENTENCE_ENDS = frozenset({".", "!", "?"})
SENTENCE_KINDS = frozenset({"free_indirect", "reported"})
QUOTE_PAIRS = {"„": "“", "»": "«", "«": "»", "‚": "‘", "›": "‹"}
MAX_NESTED_QUOTE = 400
NAME_FUNCTION_WORDS = word_set("name_function_words")


@dataclass(frozen=True)
class Tokens:
    """Tokens (``begins``/``ends`` char offsets, ``texts``) and sentences of one text."""

    begins: list[int]
    ends: list[int]
    texts: list[str]
    sentence_of: list[int]  # 0-based sentence of each token
    sentence_starts: list[int]  # first token of each sentence

    def covering(self, ranges: Iterable[tuple[int, int]]) -> set[int]:
        """Ids of the tokens that overlap any of the character ranges."""
        ids: set[int] = set()
        for a, b in ranges:
            if b <= a:
                continue
            lo = bisect_right(self.ends, a)
            hi = bisect_left(self.begins, b)
            ids.update(range(lo, hi))
        return ids


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from claims.nlp.tokenizer import blank_german

    return blank_german().tokenizer


def tokenize(text: str) -> Tokens:
    """claims' tokens and sentences of an article text (whitespace is no token)."""
    from claims.nlp.lexicon import load_lexicon
    from claims.nlp.sentences.segment import paragraph_ranges, sentence_starts, unwrap

    flat = unwrap(text)
    starts = sentence_starts(flat, paragraph_ranges(flat), load_lexicon().abbreviations)
    begins: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    sentence_of: list[int] = []
    first: list[int] = []
    for tok in _tokenizer()(flat):
        if tok.is_space or not tok.text.strip():
            continue
        k = max(0, bisect_right(starts, tok.idx) - 1)
        if not sentence_of or k != sentence_of[-1]:
            first.append(len(begins))
        begins.append(tok.idx)
        ends.append(tok.idx + len(tok.text))
        texts.append(tok.text)
        sentence_of.append(k if not sentence_of or k >= sentence_of[-1] else sentence_of[-1])
    # renumber sentences densely (a paragraph of whitespace holds no token)
    dense: dict[int, int] = {}
    sentence_of = [dense.setdefault(k, len(dense)) for k in sentence_of]
    return Tokens(begins, ends, texts, sentence_of, first)


def _role(tokens: Tokens, text: str, ids: set[int]) -> dict[str, Any]:
    ordered = sorted(ids)
    spans: list[dict[str, int]] = []
    for i in ordered:
        if spans and spans[-1]["end"] == i:
            spans[-1]["end"] = i + 1
            spans[-1]["charEnd"] = tokens.ends[i]
        else:
            spans.append(
                {"begin": i, "charBegin": tokens.begins[i], "charEnd": tokens.ends[i], "end": i + 1}
            )
    return {
        "spans": spans,
        "text": " ".join(text[s["charBegin"] : s["charEnd"]] for s in spans),
        "tokenIds": ordered,
    }


def _pairs(*values: list[int] | list[list[int]] | None) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for value in values:
        if not value:
            continue
        if isinstance(value[0], list):
            out.extend((int(p[0]), int(p[1])) for p in value)
        else:
            out.append((int(value[0]), int(value[1])))
    return out


def medium(st: Statement) -> str:
    cue = (st.cue or "").lower()
    return "Writing" if cue.startswith(WRITING_CUES) else "Speech"


def annotation(tokens: Tokens, text: str, st: Statement, index: int) -> dict[str, Any]:
    content = tokens.covering([(st.start, st.end)])
    if content and st.kind != "direct":
        first = min(content)  # the datasets quote the complementizer: "dass …", "ob …"
        if first and tokens.texts[first - 1].lower() in COMPLEMENTIZERS:
            content.add(first - 1)
    speaker = tokens.covering(_pairs(st.speaker_span))
    cue = tokens.covering(_pairs(st.cue_spans))
    addressee = tokens.covering(_pairs(st.addressee_span))
    whole_frame = tokens.covering(_pairs(st.frame_span))
    frame = whole_frame - content
    if whole_frame and content and min(content) < min(whole_frame) < max(content):
        # inserted in the statement ("hat nach Angaben von X keinen Plan")
        frame = whole_frame if max(whole_frame) < max(content) else frame
    frame |= {i for i in speaker | cue | addressee if frame and min(frame) <= i <= max(frame)}
    # attribution words inside the statement are not quoted; a statement that is nothing else
    # (the roles were read inside it) keeps its tokens: a quotation is never empty
    quote = (content - speaker - cue - frame - addressee) or content
    if st.kind == "reported":
        # a report of a speech act is its whole sentence, speaker and verb included, without
        # a cue or frame of its own (``X bestritt eine Beteiligung.``): the dataset's Reported
        # (243 of 297 train Reported quotations are whole sentences)
        quote = _same_sentence(tokens, content)
        cue, frame = set(), set()
    _add_punctuation(tokens, st.kind, quote)
    roles = {"speaker": speaker, "cue": cue, "frame": frame, "addressee": addressee}
    out: dict[str, Any] = {
        "id": index,
        "type": "FreeIndirect" if st.hearsay else TYPES.get(st.kind, "Indirect"),
        "medium": medium(st),
        "isNested": False,
        "hasNested": False,
        "quote": _role(tokens, text, quote),
    }
    for name in ROLES:
        out[name] = _role(tokens, text, roles[name])
    return out


def _add_punctuation(tokens: Tokens, kind: str, quote: set[int]) -> None:
    """The datasets' quotes keep the punctuation that delimits them: a direct quote its
    quotation marks (``„Wir bauen.“``), a sentence of its own (a Konjunktiv continuation, a
    report of a speech act) its final full stop. Our statements are the words alone."""
    if not quote:
        return
    lo, hi = min(quote), max(quote)
    n = len(tokens.texts)
    if kind == "direct":
        if lo and tokens.texts[lo - 1] in OPENING_MARKS:
            quote.add(lo - 1)
        if hi + 1 < n and tokens.texts[hi + 1] in CLOSING_MARKS:
            quote.add(hi + 1)
    elif (
        kind in SENTENCE_KINDS
        and hi + 1 < n
        and tokens.texts[hi + 1] in SENTENCE_ENDS
        and tokens.sentence_of[hi + 1] == tokens.sentence_of[hi]
    ):
        quote.add(hi + 1)


def _same_sentence(tokens: Tokens, ids: set[int]) -> set[int]:
    """The tokens of the sentences that ``ids`` touch."""
    sentences = {tokens.sentence_of[i] for i in ids}
    return {i for i, k in enumerate(tokens.sentence_of) if k in sentences}


def document(article: Article, statements: list[Statement], name: str) -> dict[str, Any]:
    """The SpkAtt document of one article (``article.text`` must be set)."""
    text = article.text or ""
    tokens = tokenize(text)
    statements = [st for st in statements if tokens.covering([(st.start, st.end)])]
    statements = _with_clauses(statements)
    annotations = [annotation(tokens, text, st, k) for k, st in enumerate(statements)]
    _mark_nested(statements, annotations)
    statements, annotations = _quoted_inside(tokens, text, statements, annotations)
    annotations = _merge_continuations(tokens, text, statements, annotations)
    n = len(tokens.begins)
    token_rows = []
    word = 0
    for i in range(n):
        word = 1 if i == 0 or tokens.sentence_of[i] != tokens.sentence_of[i - 1] else word + 1
        token_rows.append(
            {
                "charBegin": tokens.begins[i],
                "charEnd": tokens.ends[i],
                "id": i,
                "sentence": tokens.sentence_of[i] + 1,
                "text": tokens.texts[i],
                "word": word,
            }
        )
    sentences = []
    bounds = [*tokens.sentence_starts, n]
    for k in range(len(tokens.sentence_starts)):
        lo, hi = bounds[k], bounds[k + 1]
        c0 = tokens.begins[lo]
        c1 = tokens.begins[hi] if hi < n else len(text)
        sentences.append(
            {
                "begin": lo,
                "charBegin": c0,
                "charEnd": c1,
                "end": hi,
                "id": k,
                "text": text[c0:c1],
                "tokenIds": list(range(lo, hi)),
                "tokens": tokens.texts[lo:hi],
            }
        )
    return {
        "annotations": annotations,
        "documentName": name,
        "originalText": text,
        "sentences": sentences,
        "tokens": token_rows,
    }


def _merge_continuations(
    tokens: Tokens, text: str, statements: list[Statement], annotations: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Konjunktiv sentences in a row that go on with one speaker's report are one
    IndirectFreeIndirect quotation in the datasets (on the train split of the news dataset 84
    of its continuations span several sentences, 4 pairs of adjacent ones are kept apart); ours
    are a statement each. A run ends at another statement, a paragraph or another speaker."""
    out: list[dict[str, Any]] = []
    run: tuple[Statement, dict[str, Any]] | None = None
    for st, ann in zip(statements, annotations, strict=True):  # in text order
        if run is not None and run[0].start <= st.start and st.end <= run[0].end:
            out.append(ann)  # a partial quote inside the continuation
            continue
        if (
            st.kind == "free_indirect"
            and run is not None
            and run[0].hearsay == st.hearsay
            and _goes_on(tokens, text, run[0], st)
        ):
            merged = run[1]
            for role in ("quote", *ROLES):
                ids = set(merged[role]["tokenIds"]) | set(ann[role]["tokenIds"])
                merged[role] = _role(tokens, text, ids)
            merged["hasNested"] = merged["hasNested"] or ann["hasNested"]
            run = (st, merged)
            continue
        out.append(ann)
        run = (st, ann) if st.kind == "free_indirect" else None
    for k, ann in enumerate(out):
        ann["id"] = k
    return out


def _goes_on(tokens: Tokens, text: str, before: Statement, st: Statement) -> bool:
    """``st`` is the next sentence after ``before``, same paragraph, same speaker."""
    if st.speaker != before.speaker or "\n" in text[before.end : st.start]:
        return False
    last = tokens.covering([(before.start, before.end)])
    first = tokens.covering([(st.start, st.end)])
    return bool(last and first) and (
        tokens.sentence_of[min(first)] == tokens.sentence_of[max(last)] + 1
    )


def _with_clauses(statements: list[Statement]) -> list[Statement]:
    """A direct quote that fills an indirect clause (``sagte, es sei „…“``) stands in the
    datasets twice: the Indirect clause and the Direct quote nested in it, with the same
    roles. Ours is one statement with the clause's ``clause_span``."""
    have = {(st.start, st.end) for st in statements}
    extra = [
        st.model_copy(
            update={"kind": "indirect", "start": st.clause_span[0], "end": st.clause_span[1]}
        )
        for st in statements
        if st.clause_span and tuple(st.clause_span) not in have
    ]
    if not extra:
        return statements
    return sorted([*statements, *extra], key=lambda st: (st.start, -st.end))


def _quoted_inside(
    tokens: Tokens, text: str, statements: list[Statement], annotations: list[dict[str, Any]]
) -> tuple[list[Statement], list[dict[str, Any]]]:
    """A quoted phrase inside a report (``sagte, die Lage sei „unter Kontrolle“``) is a Direct
    quotation nested in it in the datasets, with the report's speaker, cue and frame; ours is
    part of the report's statement. Added where no statement of ours is that quote."""
    directs = [(st.start, st.end) for st in statements if st.kind == "direct"]
    extra: list[tuple[Statement, dict[str, Any]]] = []
    for st, ann in zip(statements, annotations, strict=True):
        if st.kind == "direct":
            continue
        roles = _pairs(st.speaker_span) + _pairs(st.frame_span)
        for a, b in _quotes_in(text, st.start, st.end):
            if any(x < b and a < y for x, y in [*directs, *roles]):
                continue  # a quote of ours, or a name in the speaker's phrase or the frame
            ids = tokens.covering([(a, b)])
            if not ids or _a_name(tokens, ids):
                continue
            nested = {**ann, "type": "Direct", "isNested": True, "hasNested": False}
            nested["quote"] = _role(tokens, text, ids)
            if st.kind == "reported":  # its sentence holds the roles: the report's own words
                for name, where in (("cue", st.cue_spans), ("frame", st.frame_span)):
                    nested[name] = _role(tokens, text, tokens.covering(_pairs(where)) - ids)
            ann["hasNested"] = True
            inner = st.model_copy(update={"kind": "direct", "start": a, "end": b})
            extra.append((inner, nested))
    if not extra:
        return statements, annotations
    rows = sorted(
        [*zip(statements, annotations, strict=True), *extra],
        key=lambda row: (row[0].start, -row[0].end),
    )
    return [row[0] for row in rows], [row[1] for row in rows]


def _a_name(tokens: Tokens, ids: set[int]) -> bool:
    """A quoted name or title (``„Ärzte ohne Grenzen“``, ``„Falcon 1“``), no words of anyone's:
    no lower-case word in it but function words."""
    return not any(
        t.isalpha() and t.islower() and t not in NAME_FUNCTION_WORDS
        for t in (tokens.texts[i] for i in ids)
    )


def _quotes_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges of the quoted phrases in ``text[start:end]``, marks included."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        close = QUOTE_PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1, end + 1)
        if j < 0 or j - i > MAX_NESTED_QUOTE:
            i += 1
            continue
        out.append((i, j + 1))
        i = j + 1
    return out


def _mark_nested(statements: list[Statement], annotations: list[dict[str, Any]]) -> None:
    """A statement inside another (a partial quote in a report) is nested in it."""
    for i, inner in enumerate(statements):
        for j, outer in enumerate(statements):
            if i == j or (inner.start, inner.end) == (outer.start, outer.end):
                continue
            if outer.start <= inner.start and inner.end <= outer.end:
                annotations[i]["isNested"] = True
                annotations[j]["hasNested"] = True


def document_name(article: Article, used: set[str]) -> str:
    """The article's file name without its extension; the article id makes it unique."""
    base = Path(article.path).stem if article.path else article.id
    name = base if base not in used else f"{base}-{article.id}"
    used.add(name)
    return name


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
