"""Noun phrases as speakers: institutions, bare names, descriptions, appositions.

German needs an article before a singular common noun, so a bare capitalised subject of a
singular verb is a name; a definite description refers back like a pronoun; a description with a
name in apposition (``der Chef der Agentur, Hans Maier,``) is that name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.extensions import sentence_at
from claims.nlp.lexicon import is_common_noun
from claims.nlp.quotes.marks import CLOSING_QUOTES, OPENING_QUOTES
from claims.nlp.speakers.agreement import PLURAL_AUXILIARIES
from claims.nlp.speakers.coref import description
from claims.nlp.speakers.doccontext import DocContext, mentions_between
from claims.nlp.speakers.linking import resolve_mention
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.names import (
    DETERMINERS,
    FUNCTION_WORDS,
    NOT_NAME,
    OBJECT_MARKERS,
    acronym,
    capitalised,
    inflected_noun,
    name_at,
    name_word,
)
from claims.nlp.speakers.nouns import (
    attributive,
    institution_word,
    name_adjective,
    person_noun,
    plural_person,
    spokesperson_body,
)
from claims.nlp.speakers.salience import BODY_DESCRIPTIONS, recent_body
from claims.nlp.words import word_set

SUBJECT_FILLERS = word_set("subject_fillers")
NAME_LIST_PREPOSITIONS = word_set("name_list_prepositions")
ADDITIVE_CONJUNCTIONS = word_set("additive_conjunctions")
CONTENT_OPENERS = word_set("source_ending_conjunctions")
DESCRIPTION_ARTICLES = word_set("description_articles")
DEFINITE_ARTICLES = word_set("definite_articles")
FEMININE_ARTICLES = word_set("feminine_articles")
INSTITUTION_NAME_PREPOSITIONS = word_set("institution_name_prepositions")
ATTRIBUTE_LINKS = word_set("attribute_links")
DOCUMENTS = word_set("source_documents")


SINGULAR_AUXILIARIES = word_set("singular_auxiliaries")


COORDINATORS = word_set("clause_coordinators")
DATIVES = word_set("dative_words")
GENITIVES = word_set("genitive_determiners")
# articles after which a person noun is a definite description: "der Präsident" refers back
# ("" when no article is found), "deren Anführer" does not
DEFINITE = word_set("definite_forms") | {""}


def _body_words(words: list[str], masculine: bool = False) -> bool:
    """Words after adjectives that name a body: an institution noun (``die staatliche
    Agentur``), a common noun before a name (``der deutsche Hersteller Puma``), or after the
    nominative ``der`` a name (``der britische Telegraph``)."""
    if any(acronym(w) or institution_word(w) for w in words):
        return True
    if masculine and words and all(not is_common_noun(w) for w in words):
        return True
    return len(words) > 1 and is_common_noun(words[0]) and not is_common_noun(words[-1])


LOWER_CASE_AGENCIES = word_set("lower_case_agencies")


def _named_members(doc: Doc, b: int, stop: int) -> int:
    """The end of ``von X und Y`` (or ``X und Y``) after a plural body noun, names only
    (``die Regierungen von Deutschland und Frankreich``, ``die Agenturen dpa und AFP``); ``b``
    when no such list follows."""
    k = b + (b < stop and doc[b].lower_ in NAME_LIST_PREPOSITIONS)
    names = 0
    while k < stop and (doc[k].text[:1].isupper() or doc[k].text in LOWER_CASE_AGENCIES):
        names += 1
        k += 1
        joined = k + 1 < stop and (
            (doc[k].lower_ in ADDITIVE_CONJUNCTIONS and doc[k + 1].text[:1].isalpha())
            or (doc[k].text == "," and doc[k + 1].text[:1].isupper())
        )
        if not joined:
            break
        k += 1
    return k if names >= 2 else b


def inverted_phrase_subject(
    ctx: DocContext, j: int, stop: int, exclude: tuple[int, int] | None
) -> Mention | None:
    """A person inside the noun phrase after the verb: ``sagte der Vorsitzende des
    Verbandes, Elmar Gesse,`` / ``äußerte sich der EU-Außenbeauftragte Javier Solana``."""
    doc = ctx.doc
    commas = 0
    skip_to = _extended_attribute(ctx, j, stop)
    for t in range(j, min(stop, j + 14)):
        tok = doc[t]
        if t < skip_to:
            continue
        if exclude and exclude[0] <= tok.idx < exclude[1]:
            return None
        if tok.text in (":", ".", ";") or tok.text in '„“"»«' or tok.lower_ in CONTENT_OPENERS:
            return None
        if tok.text == ",":
            commas += 1
            if commas > 1 or doc[j].lower_ not in DETERMINERS:
                return None
            continue
        if tok.lower_ in OBJECT_MARKERS and tok.lower_ not in DESCRIPTION_ARTICLES:
            return None
        m = ctx.by_start.get(tok.idx)
        if m is not None:
            return resolve_mention(ctx, m)
    return None


def _extended_attribute(ctx: DocContext, j: int, stop: int) -> int:
    """``die in New York geborene X``, ``der aus Bayern stammende X``: an article, a
    prepositional phrase and the participle it belongs to; the token after the participle
    (the noun phrase goes on there), or ``j`` when there is none."""
    doc = ctx.doc
    if j + 2 >= stop or doc[j].lower_ not in DETERMINERS:
        return j
    if doc[j + 1].lower_ not in OBJECT_MARKERS - DETERMINERS:
        return j
    for t in range(j + 2, min(stop, j + 8)):
        tok = doc[t]
        if tok.is_punct:
            return j
        inflected = tok.text.islower() and tok.text.endswith(("e", "en", "er", "es", "em"))
        if inflected and len(tok) > 3 and t + 1 < stop and capitalised(doc[t + 1].text):
            return t + 1  # the participle before the noun ("geborene Lopez")
    return j


def _singular(ctx: DocContext, cue: Span) -> bool:
    """Whether the reporting verb is singular (a participle asks its auxiliary)."""
    sent = sentence_at(ctx.doc, cue.start)
    before = list(ctx.doc[max(sent.start, cue.start - 6) : cue.start])
    while any(tok.is_punct for tok in before):
        before.pop(0)  # only the cue's own clause: not "… werden“, fügte er hinzu"
    if any(tok.lower_ in PLURAL_AUXILIARIES for tok in before):
        return False
    if any(tok.lower_ in SINGULAR_AUXILIARIES for tok in before):
        return True  # "hat … hingewiesen"
    return not cue[-1].text.endswith("en")  # "sagten", "darauf bestanden"


def in_phrase(ctx: DocContext, t: int) -> bool:
    """Token ``t`` is inside a prepositional or genitive phrase (``in belarussischen
    Kliniken``, ``beider Armeen``): no subject."""
    doc = ctx.doc
    for j in range(t - 1, max(-1, t - 4), -1):
        low = doc[j].lower_
        if low in OBJECT_MARKERS - DETERMINERS or low in GENITIVES:
            return True
        if not (low in DETERMINERS or attributive(doc[j].text) or capitalised(doc[j].text)):
            return False
    return False


def noun_phrase(
    ctx: DocContext, j: int, cue: Span, backwards: bool, bare: bool = True
) -> Mention | None:
    """A subject that is not a known mention: an institution (``der Kreml``, ``die WHO``,
    ``das US-Magazin Foreign Policy``) or a bare name (``Seidling sagte``, ``sagte Köhler``)
    — German needs an article before a singular common noun, so a bare capitalised
    subject of a singular verb is a name."""
    doc = ctx.doc
    sent = sentence_at(doc, j)
    if backwards:
        a = j
        while a > sent.start and j - a < 3 and capitalised(doc[a - 1].text):
            a -= 1
        b = j + 1
        det = a > sent.start and doc[a - 1].lower_ in DETERMINERS
        if j - a == 1 and doc[a].lower_ in DETERMINERS and person_noun(doc[j].text):
            a, det = a + 1, True  # "Das Staatsoberhaupt gab zu": the article opens it
    else:
        a = j
        det = doc[a].lower_ in DETERMINERS
        if det:
            a += 1
        adjectives = a
        while det and a < sent.end and attributive(doc[a].text):
            a += 1  # "der deutsche Hersteller X"
        b = a
        while b < sent.end and b - a < 3 and capitalised(doc[b].text):
            if b > a and person_noun(doc[b - 1].text) and inflected_noun(doc[b].text):
                break  # "wies der Präsident Berichte zurück": the object follows
            b += 1
        described = det or (a > 0 and attributive(doc[a - 1].text))
        named = named_body(ctx, a, b, sent.end) if described else None
        named = named or (_bracketed_body(ctx, a, sent.end) if det else None)
        if named is not None:  # "die Zeitung „X“", "die „X“", "die Regierung in Y"
            return named
        after = [t.text for t in doc[a:b]]
        if a > adjectives and after and person_noun(after[-1]):
            body = _represented(ctx, b, sent.end)
            if body is not None:  # "ein örtlicher Sprecher der Welthungerhilfe"
                return body
        if (
            a > adjectives
            and not _body_words(after, masculine=doc[j].lower_ == "der")
            and not (after and person_noun(after[-1]))  # "der 69-jährige Politiker"
        ):
            return None  # "bekräftigte das umfassende Engagement": an object
    words = [t.text for t in doc[a:b]]
    if not words or not all(capitalised(w) for w in words):
        return None
    if a > 0 and (doc[a - 1].lower_ in DETERMINERS or attributive(doc[a - 1].text)):
        det = True  # "der belarussische Außenminister": a description, not a name
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
    phrase = ctx.text[start:end]
    adjective_name = [t for t in doc[a:b] if t.lower_ not in DETERMINERS]
    if (
        len(adjective_name) >= 2
        and name_adjective(adjective_name[0])
        # "Regierender Bürgermeister X" is a person; "die Freien Demokraten" a party
        and not any(person_noun(t.text) and not plural_person(t.text) for t in adjective_name)
    ):
        # "die Vereinten Nationen", "das Weiße Haus": an adjective written capitalised
        name = ctx.text[adjective_name[0].idx : end]
        return Mention(adjective_name[0].idx, end, name, "institution", OTHER_PREFIX + name)
    only_articles = all(w.lower() in DETERMINERS for w in words[:-1])  # "Ein Polizeisprecher"
    body_name = spokesperson_body(words[-1]) if only_articles else None
    if body_name is not None:  # "ein Polizeisprecher", "der Regierungssprecher"
        return Mention(start, end, phrase, "institution", OTHER_PREFIX + body_name)
    definite = doc[a - 1].lower_ in DEFINITE_ARTICLES if a else False
    if det and words == [phrase] and definite:
        body = recent_body(ctx, start) if phrase in BODY_DESCRIPTIONS else None
        if body is not None:  # "Die Organisation erklärte": the body named before
            return Mention(start, end, phrase, "institution", body.speaker)
    for k, word in enumerate(words):
        if acronym(word) or institution_word(word):
            name = " ".join(words[k + 1 :]) or word
            e = _named_members(doc, b, sent.end) if not backwards and k + 1 == len(words) else b
            if e > b:  # "die Regierungen von Deutschland und Frankreich"
                end = doc[e - 1].idx + len(doc[e - 1])
                phrase = name = ctx.text[start:end]
            return Mention(start, end, phrase, "institution", OTHER_PREFIX + name)
    article = next(
        (t.lower_ for t in reversed(doc[max(0, a - 4) : a]) if t.lower_ in DETERMINERS), ""
    )
    head = words[-1].rpartition("-")[2]
    if det and (person_noun(words[-1]) or head in DOCUMENTS) and not backwards:
        body = _represented(ctx, b, sent.end)
        if body is not None:  # "ein Sprecher des Kreml", "der Korrespondent der Zeitung X",
            return body  # "meldete die Website der Regierung"
    prefix, _, head = words[-1].rpartition("-")
    if (
        det
        and prefix  # "ein Sprecher" alone names no body
        and head.lower().startswith("sprecher")
        and (acronym(prefix) or name_word(prefix))
    ):
        # "ein IWF-Sprecher", "die Siemens-Sprecherin": the body speaks
        return Mention(start, end, phrase, "institution", OTHER_PREFIX + prefix)

    if det and person_noun(words[-1]) and _singular(ctx, cue) and article in DEFINITE:
        gender = "f" if article in FEMININE_ARTICLES or words[-1].endswith("in") else "m"
        return description(ctx, start, end, phrase, gender)
    while words and (
        is_common_noun(words[0]) or words[0] in NOT_NAME or words[0].lower() in FUNCTION_WORDS
    ):
        words.pop(0)  # a title before a name: "Innenminister Schäuble"
    if det and words and article in DEFINITE_ARTICLES and not backwards:
        # "der Focus", "die Hoover Institution", "die Taliban", "der Hersteller Puma"
        return Mention(start, end, phrase, "institution", OTHER_PREFIX + " ".join(words))
    if det and words and len(words) == len(phrase.split()) and article in DEFINITE_ARTICLES:
        return Mention(start, end, phrase, "institution", OTHER_PREFIX + " ".join(words))
    if det or not bare or not words or not _singular(ctx, cue):
        return None
    phrase = " ".join(words)
    for m in reversed(mentions_between(ctx, max(0, start - ctx.window), start)):
        if m.kind == "person" and m.speaker and m.speaker.endswith(words[-1]):
            return Mention(start, end, phrase, "person", m.speaker, m.gender, m.country)
        surname = m.speaker.rsplit(" ", 1)[-1] if m.speaker else ""
        if m.kind == "person" and words[-1] == surname + "s" and not surname.endswith("s"):
            return None  # "Die Thesen Sommers" after "Hans-Peter Sommer": a genitive
    return Mention(start, end, phrase, "person", OTHER_PREFIX + phrase)


def named_body(ctx: DocContext, a: int, b: int, stop: int) -> Mention | None:
    """A body named after its common noun (``die Zeitung „Kieler Anzeiger“``, ``die
    „Computerzeitung“``) or by its seat (``die Regierung in Bamako``); ``a``..``b`` are the
    capitalised words after the article."""
    doc = ctx.doc
    head = doc[b - 1].text if b > a else ""
    if b < stop and doc[b].text in OPENING_QUOTES and (not head or is_common_noun(head)):
        close = next(
            (k for k in range(b + 1, min(stop, b + 9)) if doc[k].text in CLOSING_QUOTES), 0
        )
        if close > b + 1 and doc[b + 1].text[:1].isupper():
            start, end = doc[a].idx, doc[close].idx + len(doc[close])
            name = ctx.text[doc[b + 1].idx : doc[close].idx].strip()
            return Mention(start, end, ctx.text[start:end], "institution", OTHER_PREFIX + name)
    if head and institution_word(head) and b + 1 < stop and doc[b].lower_ == "in":
        place = name_at(ctx.text, doc[b + 1].idx)  # "die Regierung in Bamako"
        if place is not None and not is_common_noun(place.split()[0]):
            start, end = doc[a].idx, doc[b + 1].idx + len(place)
            # the seat is part of the mention, the body is the speaker
            body = ctx.text[start : doc[b - 1].idx + len(doc[b - 1])]
            phrase = ctx.text[start:end]
            return Mention(start, end, phrase, "institution", OTHER_PREFIX + body)
    return None


def _bracketed_body(ctx: DocContext, a: int, stop: int) -> Mention | None:
    """``die Schutzgemeinschaft der Kapitalanleger (SdK)``: a description followed by the
    short name of a body in brackets."""
    doc = ctx.doc
    for t in range(a, min(stop - 2, a + 9)):
        tok = doc[t]
        if tok.text == "(":
            short = doc[t + 1].text
            upper = sum(c.isupper() for c in short)
            if doc[t + 2].text == ")" and short.isalpha() and upper >= 2 and len(short) <= 6:
                start, end = doc[a].idx, doc[t + 2].idx + 1
                phrase = ctx.text[start:end]
                return Mention(start, end, phrase, "institution", OTHER_PREFIX + short)
            return None
        if tok.is_punct or not (
            capitalised(tok.text)
            or tok.lower_ in DETERMINERS
            or tok.lower_ in INSTITUTION_NAME_PREPOSITIONS
            or attributive(tok.text)
        ):
            return None
    return None


def _represented(ctx: DocContext, b: int, stop: int) -> Mention | None:
    """The institution a spokesperson or correspondent speaks for: ``des Kreml``, ``der
    Frankfurter Allgemeinen Zeitung``, ``von Tesla`` after the person noun."""
    doc = ctx.doc
    if b < stop and capitalised(doc[b].text) and doc[b].text.endswith("s"):
        name = doc[b].text  # "der Vertreter Malis": a genitive name
        if not is_common_noun(name) and name not in NOT_NAME and len(name) > 3:
            start, end = doc[b].idx, doc[b].idx + len(name)
            return Mention(start, end, name, "institution", OTHER_PREFIX + name[:-1])
    if b >= stop or doc[b].lower_ not in ATTRIBUTE_LINKS:
        return None
    a = b + 1
    while a < stop and doc[a].lower_ in DETERMINERS:
        a += 1
    e = a
    while (
        e < stop
        and e - a < 4
        and (
            capitalised(doc[e].text)
            or attributive(doc[e].text)
            or (doc[e].text.isdigit() and e + 1 < stop and capitalised(doc[e + 1].text))
        )
    ):
        e += 1  # "des Vereins", "von Bayer 04 Leverkusen"
    named = named_body(ctx, a, e, stop)
    if named is not None:  # "der Zeitung „Kieler Bote“"
        return named
    if e + 1 < stop and doc[e].text == "," and doc[e + 1].idx in ctx.by_start:
        named = ctx.by_start[doc[e + 1].idx]
        k = e + 1
        while k < stop and doc[k].idx < named.end:
            k += 1
        if k >= stop or doc[k].text in ",.;:!?)":
            return resolve_mention(ctx, named)  # "…, Bambang Suryo Aji," (not "…, X rechne mit")
    words = [t.text for t in doc[a:e] if capitalised(t.text)]
    if not words or person_noun(words[-1]):
        return None
    if not any(acronym(w) or institution_word(w) or not is_common_noun(w) for w in words):
        return None
    start, end = doc[a].idx, doc[e - 1].idx + len(doc[e - 1])
    name = " ".join(words)
    if e + 1 < stop and doc[e].lower_ == "in":  # "der Polizei in Bremen": with its seat
        place = name_at(ctx.text, doc[e + 1].idx)
        if place is not None:
            end = doc[e + 1].idx + len(place)
    return Mention(start, end, ctx.text[start:end], "institution", OTHER_PREFIX + name)
