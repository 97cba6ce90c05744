"""Appositions: a description and a name for the same speaker.

``sagte der Deutschlandchef der Firma, Ulrich Sommer`` and ``Der Vorsitzende der Fraktion, Hans
Maier, hatte … gefordert`` name the speaker after the description's comma; ``Bakary Sanogo, der
Polizeichef der Region, sagte`` and ``Wie Bert Rutland, Chef der Firma X, mitteilte`` before it. The
name is the speaker, not a body inside the description (``der Firma X``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.extensions import sentence_at, token_lowers, token_texts
from claims.nlp.grammar.verbs import is_finite_verb
from claims.nlp.lexicon import load_lexicon
from claims.nlp.speakers.doccontext import DocContext
from claims.nlp.speakers.linking import resolve_mention
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.names import (
    DETERMINERS,
    OBJECT_MARKERS,
    SENTENCE_OPENERS,
    capitalised,
    name_at,
)
from claims.nlp.speakers.nouns import attributive
from claims.nlp.words import word_set

RELATIVE_PRONOUNS = word_set("subject_relatives")
DEFINITE_ARTICLES = word_set("definite_articles")
MAX_DESCRIPTION = 24  # tokens
MAX_TITLE_TOKENS = 16
# prepositions (with article) that open a phrase of place, time or cause, never part of a title
NOT_IN_TITLES = word_set("not_in_titles")
# articles of a noun phrase that cannot be the subject (accusative, dative, genitive)
OBJECT_CASE = word_set("object_case_determiners")


def description_word(word: str) -> bool:
    """A word that may stand inside a description before its apposition: nouns, articles,
    prepositions, adjectives (``der für die Region zuständige Koordinator der Agentur``)."""
    low = word.lower()
    return (
        capitalised(word)
        or low in DETERMINERS
        or low in OBJECT_MARKERS
        or low in ("und", "-", "/", "&")
        or word[:1].isdigit()
        or attributive(word)
    )


def apposition_name(ctx: DocContext, t: int, stop: int) -> Mention | None:
    """The person named at token ``t`` after a description's comma (``der Chef der
    Agentur, Ulrich Sommer,``): a known mention, or name words before a comma, a bracket or
    the sentence end."""
    doc = ctx.doc
    if t >= stop:
        return None
    m = ctx.by_start.get(doc[t].idx)
    if m is not None:
        return resolve_mention(ctx, m) if m.kind in ("name", "person", "guess") else None
    name = name_at(ctx.text, doc[t].idx)
    if (
        name is None
        and t + 1 < stop
        and doc[t].text[:1].isupper()
        and doc[t].is_alpha
        and doc[t].lower_ not in DETERMINERS  # "Der NDR, der …": the article is no name
    ):
        # "der Sender, Radio Vatikan,": a common noun that opens a body's name
        rest = name_at(ctx.text, doc[t + 1].idx)
        name = f"{doc[t].text} {rest}" if rest is not None and doc[t].whitespace_ else None
    if name is None:
        return None
    end = doc[t].idx + len(name)
    after = ctx.text[end : end + 2].lstrip(" ")[:1]
    if after not in (",", "(", ".", ";", ""):
        return None
    first = name.split()[0]
    return Mention(
        doc[t].idx,
        end,
        name,
        "person",
        OTHER_PREFIX + name,
        load_lexicon().first_names.get(first),
    )


def inverted_apposition(
    ctx: DocContext, j: int, stop: int, exclude: tuple[int, int] | None
) -> Mention | None:
    """``sagte der Landeschef von Nordbank, Ulrich Sommer`` / ``erklärte der Direktor der
    Agentur (ERB), Mohammed el-Kadi``: a description after the verb whose comma is
    followed by a name; the name is the speaker."""
    doc = ctx.doc
    if doc[j].lower_ not in DETERMINERS:
        return None
    t = j + 1
    while t < min(stop, j + 24):
        tok = doc[t]
        if exclude and exclude[0] <= tok.idx < exclude[1]:
            return None
        if tok.text == "(":  # "(ERB)": skip the brackets
            close = next((k for k in range(t + 1, min(stop, t + 8)) if doc[k].text == ")"), 0)
            if not close:
                return None
            t = close + 1
            continue
        if tok.text == ",":
            name = apposition_name(ctx, t + 1, stop) if t > j + 1 else None
            if name is not None and exclude and exclude[0] <= name.start < exclude[1]:
                return name if _closed(ctx, name.end, stop) else None
            return name
        if not description_word(tok.text):
            return None
        t += 1
    return None


def titled_name_after(
    ctx: DocContext, j: int, stop: int, exclude: tuple[int, int] | None
) -> Mention | None:
    """``empfahl der Kommissar für Erweiterung und Nachbarschaft Štefan Füle, …``: a noun
    phrase after the verb, with no verb in it, whose last words before a comma or the end
    are a name: the name speaks, however long the title before it."""
    doc = ctx.doc
    if doc[j].lower_ not in DETERMINERS:
        return None
    close = next(
        (t for t in range(j + 1, min(stop, j + MAX_TITLE_TOKENS)) if doc[t].text in ",.;:("),
        None,
    )
    if close is None or close < j + 3:
        return None
    if not all(description_word(t.text) for t in doc[j + 1 : close]):
        return None  # "fordert der Richter jeweils eine Strafe von 20.000 Euro": no title
    if any(t.lower_ in NOT_IN_TITLES for t in doc[j + 1 : close]):
        return None  # "erklärte die Fraktion zum Rücktritt Hartmanns": a phrase, no title
    if any(t.is_lower and is_finite_verb(t.text) for t in doc[j + 1 : close]):
        return None
    end = doc[close - 1].idx + len(doc[close - 1])
    if exclude and exclude[0] < end and doc[j].idx < exclude[1]:
        return None
    known = ctx.by_end.get(end)
    if known is not None and known.start >= doc[j].idx and known.kind != "guess":
        return resolve_mention(ctx, known)  # "der Außenminister Sergei X": a known person
    first_names = load_lexicon().first_names
    # a known first name opens the name; else two words ("Štefan Füle"), then one, then three
    starts = [k for k in range(close - 3, close) if doc[k].text in first_names]
    starts += [close - 2, close - 1, close - 3]
    for k in starts:
        if k < j + 2 or not capitalised(doc[k - 1].text):
            continue  # a title noun stands right before the name
        if k - 2 > j and doc[k - 2].lower_ in DETERMINERS:
            continue  # "ein Sprecher des Auswärtigen Amtes": a genitive, no name
        m = ctx.by_start.get(doc[k].idx)
        if m is not None and m.end == end:
            # the title confirms a guessed name: "das US-Magazin Foreign Policy"
            return resolve_mention(ctx, replace(m, kind="name") if m.kind == "guess" else m)
        name = name_at(ctx.text, doc[k].idx)
        if name is not None and doc[k].idx + len(name) == end and not _genitive(ctx, name):
            gender = first_names.get(name.split()[0])
            return Mention(doc[k].idx, end, name, "person", OTHER_PREFIX + name, gender)
    return None


def _genitive(ctx: DocContext, name: str) -> bool:
    """``Hartmanns`` where the text also has ``Hartmann``: a possessor, not a speaker."""
    last = name.split()[-1]
    return last.endswith("s") and f"{last[:-1]} " in ctx.text


def _closed(ctx: DocContext, end: int, stop: int) -> bool:
    """A punctuation mark closes the name (``…, Ulrich Sommer, der …``): an apposition,
    not the subject of the reported clause (``meldete die Zeitung, Müller rechne …``)."""
    rest = ctx.text[end : ctx.doc[stop - 1].idx + len(ctx.doc[stop - 1])].lstrip()
    return not rest or rest[0] in ",;:.!?()–—"


def name_ending_at(ctx: DocContext, i: int, lo: int) -> Mention | None:
    """A person whose name ends with token ``i``: a known mention, or name words."""
    doc = ctx.doc
    m = ctx.by_end.get(doc[i].idx + len(doc[i]))
    if m is not None:
        return resolve_mention(ctx, m) if m.kind in ("name", "person", "guess") else None
    a = i
    while a > lo and i - a < 3 and capitalised(doc[a - 1].text):
        a -= 1
    for s in range(a, i + 1):
        name = apposition_name(ctx, s, i + 2)
        if name is not None and name.end == doc[i].idx + len(doc[i]):
            return name
    return None


def _object_case(ctx: DocContext, start: int, lo: int) -> bool:
    """The name at char ``start`` follows an article that is no nominative (``den
    früheren Generalsekretär X``)."""
    doc = ctx.doc
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    t = span.start
    while t > max(lo, span.start - 5):
        prev = doc[t - 1]
        if prev.lower_ in OBJECT_CASE:
            return True
        if not (capitalised(prev.text) or attributive(prev.text)):
            break
        t -= 1
    return False


def _description(ctx: DocContext, a: int, b: int) -> bool:
    """Tokens ``a``..``b`` form a description (brackets allowed)."""
    doc = ctx.doc
    depth = 0
    for t in range(a, b):
        text = doc[t].text
        depth += (text == "(") - (text == ")")
        if depth == 0 and text not in "()" and not description_word(text):
            return False
    return b > a and depth == 0


def apposition_before(ctx: DocContext, j: int, lo: int) -> tuple[Mention, int] | None:
    """The name of an apposition group that ends with the comma at token ``j``: ``der
    Investor für das Stadion, Larry B. Kellerman,`` or ``Bakary Sanogo, der Polizeichef
    der Region,`` -> the name and the token index where the group starts."""
    doc = ctx.doc
    k = j - 1
    while k > lo and j - k < MAX_DESCRIPTION and doc[k].text != ",":
        k -= 1
    if k <= lo or doc[k].text != ",":
        return None
    last = j - 1
    if doc[last].text == ")":  # "Christian Wulff (CDU),"
        while last > k and doc[last].text != "(":
            last -= 1
        last -= 1
    name = apposition_name(ctx, k + 1, j + 1)
    if name is not None and name.end == doc[last].idx + len(doc[last]):
        # description first: the description is the run of description words before k
        d = k
        while d > lo and k - d < MAX_DESCRIPTION and description_word(doc[d - 1].text):
            d -= 1
        while d < k and doc[d].lower_ not in DETERMINERS:
            d += 1  # "hatte der Investor": the description opens with its article
        if d < k - 1 and doc[d].lower_ in DETERMINERS - OBJECT_CASE and _description(ctx, d + 1, k):
            return name, d
        return None
    # name first: "Name, der Polizeichef der Region," / "Name, der die Allianz führt,"
    first = doc[k + 1]
    relative = first.lower_ in RELATIVE_PRONOUNS
    if not (relative or _description(ctx, k + 1, j)) or not (
        first.lower_ in DETERMINERS or capitalised(first.text)
    ):
        return None
    before = name_ending_at(ctx, k - 1, lo) if k - 1 >= lo else None
    if before is None or _object_case(ctx, before.start, lo):
        return None  # "Den früheren Sekretär X, der …, nannte Y": X is the object
    at = doc.char_span(before.start, before.start + 1, alignment_mode="expand")
    return (before, at.start) if at is not None else None


def front_apposition(ctx: DocContext, sent: Span) -> tuple[Mention, int] | None:
    """``Der Fraktionschef im Stadtrat, Werner Huber, hatte …``: the name of a
    description that opens the sentence, and the token index where the clause goes on."""
    doc = ctx.doc
    texts = token_texts(doc)
    a = sent.start
    while a < sent.end and (texts[a] in '„“"»«' or texts[a] in SENTENCE_OPENERS):
        a += 1
    if a >= sent.end or token_lowers(doc)[a] not in DEFINITE_ARTICLES:
        return None
    t = a + 1
    while t < min(sent.end, a + MAX_DESCRIPTION) and texts[t] != ",":
        t += 1
    if t >= sent.end or texts[t] != "," or not _description(ctx, a + 1, t):
        return None
    name = apposition_name(ctx, t + 1, sent.end)
    if name is None:
        return None
    e = t + 1
    while e < sent.end and doc[e].idx < name.end:
        e += 1
    if e < sent.end and doc[e].text == "(":
        while e < sent.end and doc[e].text != ")":
            e += 1
        e += 1
    if e + 1 >= sent.end or doc[e].text != "," or not doc[e + 1].text[:1].islower():
        return None
    return name, e + 1


def front_subject(ctx: DocContext, k: int) -> Mention | None:
    """The person named in apposition to a description that opens sentence ``k`` (computed
    once per sentence)."""
    if k in ctx.fronts:
        return ctx.fronts[k]
    span = ctx.doc.char_span(ctx.sent_starts[k], ctx.sent_starts[k] + 1, alignment_mode="expand")
    found = front_apposition(ctx, sentence_at(ctx.doc, span.start)) if span else None
    ctx.fronts[k] = found[0] if found is not None else None
    return ctx.fronts[k]
