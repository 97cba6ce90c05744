"""How far a speaker's phrase and a cue reach in the text.

The attribution rules find a speaker by the words that name it (``Klaus Stöhr``) and a cue by
its verb (``gefordert``). A reader, and the quotation-attribution benchmark, take the whole
phrase: the noun phrase with its attributes and appositions (``Der Leiter des Programms der
WHO, Klaus Stöhr``) and the verb with its auxiliary, reflexive and correlate (``hat sich dafür
ausgesprochen``). These functions only widen ranges over tokens; who speaks never changes.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from claims.nlp.extensions import sentence_at, token_idx, token_lowers, token_texts
from claims.nlp.grammar.verbs import is_finite_verb
from claims.nlp.lexicon import is_common_noun, is_lower_case_word
from claims.nlp.located import Range
from claims.nlp.quotes.marks import CLOSING_QUOTES, OPENING_QUOTES
from claims.nlp.words import word_set

DETERMINERS = word_set("determiners")
FILLERS = word_set("subject_fillers")
GENITIVE_ARTICLES = word_set("genitive_articles")
# a genitive attribute opens with an article or a quantifier ("die Meinung vieler Ökonomen")
GENITIVE_STARTS = GENITIVE_ARTICLES | word_set("genitive_quantifiers")
LINKS = word_set("institution_name_prepositions")
PLACE_LINKS = word_set("place_links") - LINKS
#: words that tie what follows them into a longer phrase: a phrase after them was cut
ATTACHING = LINKS | PLACE_LINKS | GENITIVE_ARTICLES | DETERMINERS
COORDINATORS = word_set("name_coordinators") - {"oder"}
VERB_COORDINATORS = word_set("verb_coordinators")
MEDIA = word_set("media_nouns")
POINTERS = word_set("object_demonstratives")
NOT_OPENING = word_set("not_speaker_openers")
#: short and function words that end like an adjective ("wie", "seine", "diese", "während")
FUNCTION_WORDS = (
    word_set("subordinators")
    | word_set("content_conjunctions")
    | word_set("possessives")
    | word_set("marker_lemmas")
)
DATIVE_VERBS = word_set("dative_verbs")
AUXILIARIES = (
    word_set("perfect_auxiliaries") | word_set("passive_auxiliaries") | word_set("sein_forms")
)
CORRELATES = word_set("cue_correlates")
CONTENT_LINKS = tuple(p.lower().split() for p in sorted(word_set("cue_content_links")))
QUOTES = OPENING_QUOTES | CLOSING_QUOTES
CLAUSE_END = frozenset(",;:.!?–—()")
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
MAX_PARENTHESIS = 8
MAX_QUOTED_NAME = 8
MAX_LEFT = 30


def token_at(doc: Doc, char: int) -> int:
    """The index of the token that holds character ``char`` (or the last one before it)."""
    return max(0, bisect_right(token_idx(doc), char) - 1)


def _end_char(doc: Doc, i: int) -> int:
    return token_idx(doc)[i] + len(token_texts(doc)[i])


def _modifier(text: str, low: str) -> bool:
    """A lower-case adjective inside a noun phrase (``amtierende``, ``81-jährige``)."""
    if not text[:1].islower() and not text[:1].isdigit():
        return False
    if text[:1].isdigit():
        return low.replace("-", "").isalnum() and low.endswith(ADJECTIVE_ENDINGS)
    if low in FILLERS or low in AUXILIARIES or low in DETERMINERS or low in FUNCTION_WORDS:
        return False
    return len(low) > 3 and low.endswith(ADJECTIVE_ENDINGS)


def _heads(doc: Doc, i: int, hi: int) -> int:
    """The end of the capitalised words or quoted name that head a noun phrase at ``i``."""
    texts = token_texts(doc)
    j = i
    while j < hi:
        text = texts[j]
        if text in ("„", "»", '"'):
            close = next(
                (k for k in range(j + 1, min(hi, j + MAX_QUOTED_NAME)) if texts[k] in QUOTES),
                None,
            )
            if close is None or close == j + 1:
                break
            j = close + 1
        elif text[:1].isupper() or (text[:1].isdigit() and j > i):
            j += 1
        else:
            break
    return j


def _parenthesis(doc: Doc, j: int, hi: int) -> int | None:
    """The index after a short parenthesis at ``j`` (``(SPD)``, ``(IAEO)``), else None."""
    texts = token_texts(doc)
    for k in range(j + 1, min(hi, j + MAX_PARENTHESIS)):
        if texts[k] == ")":
            return k + 1 if k > j + 1 else None
        if texts[k] in CLAUSE_END:
            return None
    return None


def noun_phrase_end(doc: Doc, i: int, hi: int, genitive: bool = True, places: bool = False) -> int:
    """The end of the noun phrase that starts at token ``i`` (``i`` when none starts there):
    a determiner, adjectives, capitalised words or a quoted name, then a parenthesis, genitive
    attributes and attributes with ``von``, ``für``, ``im`` … (``Der Vorsitzende des Vereins
    für Denkmalpflege``). ``genitive=False`` leaves out a ``der`` that may be a dative;
    ``places`` takes ``in``, ``im``, ``aus`` … phrases too (``der Fraktion im Landtag``), where
    the phrase must end at a known place (before the comma of an apposition)."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    j = i
    if j < hi and lowers[j] in DETERMINERS:
        j += 1
    while j < hi and _modifier(texts[j], lowers[j]):
        j += 1
    k = _heads(doc, j, hi)
    if k == j:
        return i
    j = k
    while j < hi:
        low = lowers[j]
        if texts[j] == "(":
            after = _parenthesis(doc, j, hi)
            if after is None:
                break
            j = after
            continue
        if low in GENITIVE_ARTICLES and (
            (low == "der" and not genitive) or _name_word(texts[j - 1])
        ):
            break  # a possible dative; "Sergei Voznyak der …": a name takes no genitive
        if low in GENITIVE_STARTS or low in LINKS or (places and low in PLACE_LINKS):
            start = j if low in GENITIVE_STARTS else j + 1
            k = noun_phrase_end(doc, start, hi, genitive, places)
            if k == start:
                break
            j = k
            continue
        break
    return j


def _name_word(word: str) -> bool:
    """A capitalised word of a name, not a common noun (also in the genitive, ``Zentrums``,
    which the word table does not list) nor a quotation mark closing a quoted name."""
    if word in QUOTES or not word[:1].isupper():
        return False
    if is_common_noun(word):
        return False
    if word.endswith("n") and is_common_noun(word[:-1]):
        return False  # a dative plural the table lacks ("Worten")
    return not (word.endswith("s") and (is_common_noun(word[:-1]) or is_common_noun(word[:-2])))


def _np_start(
    doc: Doc, lo: int, end: int, hi: int, genitive: bool, places: bool = False
) -> int | None:
    """The leftmost token from ``lo`` whose noun phrase runs exactly to ``end``."""
    for s in range(lo, end):
        if noun_phrase_end(doc, s, hi, genitive, places) == end:
            return s
    return None


def _left_limit(doc: Doc, a: int, floor: int) -> int:
    """The first token left of ``a`` that no noun phrase crosses (a verb, a clause border)."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    s = a
    while s > floor and a - s < MAX_LEFT:
        text, low = texts[s - 1], lowers[s - 1]
        inside = (
            text[:1].isupper()
            or text[:1].isdigit()
            or low in DETERMINERS
            or low in LINKS
            or low in GENITIVE_ARTICLES
            or low in PLACE_LINKS
            or (_modifier(text, low) and _attributive(doc, s - 1))
            or text in QUOTES
            or text in "()"
        )
        if not inside:
            break
        s -= 1
    while s < a and (_opener(doc, s) or lowers[s] in FILLERS or lowers[s] in NOT_OPENING):
        s += 1
    return s


def _attributive(doc: Doc, k: int) -> bool:
    """A modifier at ``k`` that is no finite verb, or one after an article, a number or another
    adjective (``die 13 beteiligten``, not ``starben``, ``bezeichnete``)."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    if not is_finite_verb(lowers[k]):
        return True
    before = texts[k - 1] if k > 0 else ""
    return lowers[k - 1] in DETERMINERS or before[:1].isdigit() if k > 0 else False


def _opener(doc: Doc, s: int) -> bool:
    """A capitalised function word that opens the sentence (``Wie``, ``Laut``), no name."""
    text = token_texts(doc)[s]
    prev = token_texts(doc)[s - 1] if s > 0 else ""
    return (
        text[:1].isupper()
        and token_lowers(doc)[s] not in DETERMINERS
        and (not prev.strip() or prev in CLAUSE_END or prev in QUOTES)
        and (
            token_lowers(doc)[s] in FUNCTION_WORDS
            or (is_lower_case_word(text) and not is_common_noun(text))
        )
    )


def speaker_extent(
    doc: Doc, where: Range, floor: int, hi: int, dative_cue: bool = False
) -> Range | None:
    """The whole phrase around the speaker mention ``where``, between tokens ``floor`` and
    ``hi`` (the clause around it without the content and the cue): the noun phrase through the
    mention, an apposition on either side between commas (``Karl Weidner, der Sprecher des
    Verbands,``), and names joined by ``und`` before a cue (``Eva Kern und Paul Stein``)."""
    a = token_at(doc, where[0])
    b = token_at(doc, max(where[0], where[1] - 1)) + 1
    if a < floor or b > hi:
        return where
    texts, lowers = token_texts(doc), token_lowers(doc)
    if lowers[a] in NOT_OPENING:
        return None  # "Am Montag sagte …", "Als Begründung nannte …": an adverbial
    while a < b and (_opener(doc, a) or lowers[a] in POINTERS or lowers[a] in FILLERS):
        a += 1  # "Außerdem", "Dies", "Auch"
    if a == b:
        return None
    where = (token_idx(doc)[a], where[1])
    genitive = not dative_cue
    start = next(
        (
            s
            for s in range(_left_limit(doc, a, floor), a)
            if noun_phrase_end(doc, s, hi, genitive) >= b
        ),
        a,
    )  # the leftmost noun phrase that runs through the mention
    end = max(b, noun_phrase_end(doc, start, hi, genitive))
    if dative_cue and end > b and any(lowers[k] in MEDIA for k in range(b, end)):
        end = b  # "sagte Müller der Zeitung": whom he told, not his phrase
    # an apposition after a comma, closed by a comma or by the clause's end
    if end + 1 < hi and texts[end] == ",":
        k = noun_phrase_end(doc, end + 1, hi, True, places=True)  # no dative in it
        if k > end + 1 and (k == hi or texts[k] == ","):
            end = k
    # names joined by "und" or "sowie" before the cue ("X sowie Y sprachen")
    if end + 1 < hi and lowers[end] in COORDINATORS:
        k = noun_phrase_end(doc, end + 1, hi, genitive)
        if k == hi:
            end = k
    # an apposition before a comma ("Der Leiter der WHO, Klaus Stöhr, sagte")
    if start - 1 > floor and texts[start - 1] == ",":
        limit = _left_limit(doc, start - 1, floor)
        left = _np_start(doc, limit, start - 1, hi, genitive, places=True)
        closed = end == hi or texts[end] in (",", ":") or texts[end][:1].islower()
        opens = left is not None and (left == floor or lowers[left - 1] not in ATTACHING)
        if left is not None and left == limit and closed and opens:
            start = left  # from a clause border: not "…im Bundestag, X" cut at "im"
    # names joined by "und" right before the cue
    if end == hi and start - 1 > floor and lowers[start - 1] in COORDINATORS:
        left = _np_start(doc, _left_limit(doc, start - 1, floor), start - 1, hi, genitive)
        if left is not None:
            start = left
    return (min(where[0], token_idx(doc)[start]), max(where[1], _end_char(doc, end - 1)))


def marker_source(
    doc: Doc, marker: int, lo: int, hi: int, prefer_before: bool = False
) -> Range | None:
    """The noun phrase a source marker governs (``nach Angaben der Polizei``, ``Dem Bericht
    zufolge``, ``laut dem Sprecher der Bahn, Tim Kaiser``) between tokens ``lo`` and ``hi``;
    ``prefer_before``: the marker is a postposition (its cue words stand before it)."""
    texts = token_texts(doc)
    end = noun_phrase_end(doc, marker + 1, hi) if not prefer_before else marker + 1
    if end > marker + 1:
        if end + 1 < hi and texts[end] == ",":
            k = noun_phrase_end(doc, end + 1, hi)
            if k > end + 1 and k < hi and texts[k] == ",":
                end = k
        return (token_idx(doc)[marker + 1], _end_char(doc, end - 1))
    before = _np_start(doc, _left_limit(doc, marker, lo), marker, marker, True)
    if before is None:
        return None
    return (token_idx(doc)[before], _end_char(doc, marker - 1))


def cue_extent(doc: Doc, cues: tuple[Range, ...], content: Range) -> tuple[Range, ...]:
    """The cue with the words of its verb complex: the auxiliary of a participle (``hat
    gefordert``, ``war berichtet worden``), a reflexive or correlate next to the verb
    (``äußerte sich``, ``geht davon aus``), the ``wie`` that opens its clause and a link to the
    content (``bezeichnete … als``, ``mit den Worten``)."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    first = token_at(doc, cues[0][0])
    last = token_at(doc, max(cues[-1][0], cues[-1][1] - 1))
    c0, c1 = token_at(doc, content[0]), token_at(doc, max(content[0], content[1] - 1))
    sent = sentence_at(doc, first)
    lo = first
    while lo > sent.start and texts[lo - 1] not in CLAUSE_END and texts[lo - 1] not in QUOTES:
        if c0 <= lo - 1 <= c1:
            break
        lo -= 1
    hi = last + 1
    while hi < sent.end and texts[hi] not in CLAUSE_END and texts[hi] not in QUOTES:
        if c0 <= hi <= c1:
            break
        hi += 1
    extra: list[int] = []
    verb = texts[first][:1].islower()
    if verb:
        if lowers[first] not in AUXILIARIES:
            # not the auxiliary of another verb ("hat X aufgegriffen und fordert Y"); a
            # participle closing the clause shares it ("hat X abgelehnt und gesagt, …")
            ends_clause = last + 1 >= len(texts) or texts[last + 1] in CLAUSE_END
            extra += [
                k
                for k in range(lo, hi)
                if lowers[k] in AUXILIARIES
                and (
                    ends_clause or not any(lowers[m] in VERB_COORDINATORS for m in range(k, first))
                )
            ]
        # after the verb (``geht davon aus``); before it only where the verb closes its clause
        # (``wie er sich äußerte``), not a fronted adverbial (``Darüber hinaus schrieb X …``)
        verb_last = first == last and last + 1 == hi
        near = range(max(lo, first - 2) if verb_last else first + 1, min(hi, last + 4))
        extra += [k for k in near if lowers[k] in CORRELATES or lowers[k] == "sich"]
        if lo < first and lowers[lo] == "wie":
            extra.append(lo)
        elif lo == first - 1 and lowers[lo] == "so":
            extra.append(lo)  # "…, so schätzen die Forscher"
        extra += _content_link(doc, last, hi)
    elif first > lo and lowers[first - 1] in DETERMINERS:
        extra.append(first - 1)  # a noun cue with its article ("die Behauptung")
    if not extra:
        return cues
    idx = token_idx(doc)
    pieces = list(cues) + [(idx[k], _end_char(doc, k)) for k in set(extra)]
    return tuple(sorted(set(pieces)))


def _content_link(doc: Doc, last: int, hi: int) -> list[int]:
    """``als`` or ``mit den Worten`` ending the clause of the cue, right before the content."""
    lowers = token_lowers(doc)
    end = hi
    while end > last + 1 and token_texts(doc)[end - 1] in QUOTES:
        end -= 1
    for words in CONTENT_LINKS:
        n = len(words)
        if end - n > last and [lowers[k] for k in range(end - n, end)] == words:
            return list(range(end - n, end))
    return []
