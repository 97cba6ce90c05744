"""Subjects that a clause's shape tells (used by :mod:`.cue_subject`).

* a relative clause that ends in the cue speaks for the phrase before its comma (``Kritik kommt
  vom Verband X, der die Maßnahme als „…“ sieht``);
* an active ``zitieren`` quotes its object, not the medium that is its subject;
* a Saxon genitive and a noun open the clause (``McCains Kampagne warf …``): not the object after
  the verb;
* an accusative or dative phrase in front (``Den Vorwurf wies …``): the subject follows the verb.
"""

from __future__ import annotations

from spacy.tokens import Span

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.extensions import sentence_at
from claims.nlp.lexicon import is_common_noun
from claims.nlp.speakers.appositions import description_word, name_ending_at
from claims.nlp.speakers.coref import object_pronoun, pronoun
from claims.nlp.speakers.doccontext import DocContext, mentions_between
from claims.nlp.speakers.linking import resolve_mention
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.names import (
    DETERMINERS,
    FUNCTION_WORDS,
    OBJECT_MARKERS,
    SENTENCE_OPENERS,
    capitalised,
    name_like,
)
from claims.nlp.speakers.nouns import attributive, feminine_noun, name_adjective
from claims.nlp.speakers.phrases import COORDINATORS, noun_phrase
from claims.nlp.words import word_set

OBJECT_PRONOUNS = word_set("quoted_object_pronouns")

RELATIVES = word_set("relatives")
MASCULINE_ARTICLES = word_set("masculine_articles")
POSSESSOR_PRONOUNS = word_set("possessor_pronouns")
ATTRIBUTE_LINKS = word_set("attribute_links")
INVERTED_SUBJECT_PRONOUNS = word_set("inverted_subject_pronouns")
FRONTED_OBJECT_DETERMINERS = word_set("fronted_object_determiners")
FRONTED_OBJECT_ARTICLES = word_set("fronted_object_articles")
CAPITALISED_DEFINITE = word_set("capitalised_definite_articles")
DESCRIPTION_ARTICLES = word_set("description_articles")
GENDERED_PRONOUNS = word_set("gendered_pronouns")
# relative pronouns that can be the subject of their clause
SUBJECT_RELATIVES = word_set("subject_relatives")
# "…, in der …", "…, mit dem …": a preposition before the relative pronoun
RELATIVE_PREPOSITIONS = word_set("relative_clause_prepositions")
AUXILIARIES = word_set("auxiliaries")
PASSIVE_OR_FUTURE = word_set("passive_or_future")
MAX_RELATIVE_CLAUSE = 20  # tokens
MAX_APPOSITION = 10  # tokens of a description between commas
# adverbs between a subject and its verb ("McCains Kampagne selbst dagegen warf")
POSSESSIVE_FILLERS = word_set("possessive_fillers")


def relative_antecedent(ctx: DocContext, cue: Span) -> tuple[bool, Mention | None]:
    """Whether the cue ends a relative clause, and who speaks: the person or body named
    right before the clause's comma when the pronoun is the subject (``…, der den Plan als
    „…“ sieht.``), nobody named when the clause has a subject of its own (``…, die der
    Minister als „…“ bezeichnet``)."""
    doc = ctx.doc
    sent = sentence_at(doc, cue.start)
    after = cue.end
    if after < sent.end and not (doc[after].is_punct or doc[after].is_space):
        return False, None  # the verb does not close the clause
    for t in range(cue.start - 1, max(sent.start, cue.start - MAX_RELATIVE_CLAUSE), -1):
        tok = doc[t]
        if tok.text in (".", ";", ":", "!", "?"):
            return False, None
        if tok.text != ",":
            continue
        if t + 1 >= cue.start or doc[t + 1].lower_ not in SUBJECT_RELATIVES:
            return False, None  # the nearest comma opens no relative clause
        if (
            t + 3 < cue.start
            and doc[t + 2].lower_ in MASCULINE_ARTICLES
            and (capitalised(doc[t + 3].text) or attributive(doc[t + 3].text))
        ):
            return True, None  # "…, die der Minister als „…“ bezeichnet": its own subject
        if t - 1 < sent.start:
            return False, None
        return True, name_ending_at(ctx, t - 1, sent.start) or _name_before_apposition(
            ctx, t, sent.start
        )
    return False, None


def _name_before_apposition(ctx: DocContext, comma: int, lo: int) -> Mention | None:
    """``Reinhard X, Vorsitzender der Partei, der sagte …``: the name before the
    description that ends at ``comma``."""
    doc = ctx.doc
    for c in range(comma - 1, max(lo, comma - MAX_APPOSITION), -1):
        if doc[c].text == ",":
            return name_ending_at(ctx, c - 1, lo) if c - 1 >= lo else None
        if not description_word(doc[c].text):
            return None
    return None


def noun_owner(ctx: DocContext, cue: Span) -> Mention | None:
    """Whose words a speech noun names: ``das Fazit von Sandra Boser``, ``die Aussage des
    Ministers X``: a person named right after ``von`` or a genitive article."""
    doc = ctx.doc
    before = doc[cue.start - 1] if cue.start > 0 else None
    if before is not None and before.lower_ in POSSESSOR_PRONOUNS:
        # "Seine Botschaft: „…“", "daneben sein Zitat": the possessor, like a pronoun
        owner = pronoun(ctx, before.idx, before.text, None)
        sent = sentence_at(doc, cue.start)
        named = mentions_between(ctx, cue.end_char, sent.end_char)
        if owner is not None and any(m.speaker == owner.speaker for m in named):
            return None  # "Seine Meinung zu X: „…“": X is the topic, not the owner
        return owner
    k = cue.end
    if k + 1 >= len(doc) or doc[k].lower_ not in ATTRIBUTE_LINKS:
        return None
    k += 1
    while k < len(doc) and k - cue.end < 4 and not ctx.by_start.get(doc[k].idx):
        if not (doc[k].lower_ in DETERMINERS or capitalised(doc[k].text)):
            return None
        k += 1  # "der Abgeordneten Sandra Boser": a title before the name
    m = ctx.by_start.get(doc[k].idx) if k < len(doc) else None
    if m is None or m.kind not in ("name", "person"):
        return None
    return resolve_mention(ctx, m)


def quoted_object(
    ctx: DocContext, cue: Span, subject: Mention, exclude: tuple[int, int] | None
) -> Mention | None:
    """The person an active ``zitieren`` quotes: a named person in its sentence other
    than its subject (the medium or person who passes the words on)."""
    sent = sentence_at(ctx.doc, cue.start)
    lo = max(sent.start, cue.start - 12)
    if any(
        t.lower_ in PASSIVE_OR_FUTURE and not (exclude and exclude[0] <= t.idx < exclude[1])
        for t in ctx.doc[lo : cue.start]
    ):
        return None  # "wird X zitiert": the subject is the one quoted
    nxt = ctx.doc[cue.end] if cue.end < sent.end else None
    if nxt is not None and subject.end <= cue.start_char and nxt.lower_ in OBJECT_PRONOUNS:
        # "Die Zeitung zitiert ihn so: „…“": someone named before the sentence
        return object_pronoun(ctx, nxt.idx, nxt.text, sent.start_char)
    for m in mentions_between(ctx, sent.start_char, sent.end_char):
        if exclude and exclude[0] <= m.start < exclude[1]:
            continue
        if m.kind not in ("name", "person", "guess") or subject.start <= m.start < subject.end:
            continue  # an unknown name counts: it is the object ("zitiert Néstor X")
        resolved = resolve_mention(ctx, m)
        if resolved is not None and resolved.speaker != subject.speaker:
            return resolved
    return None


def possessive_subject(ctx: DocContext, clause_start: int, cue: Span) -> Mention | None:
    """``McCains Kampagne warf …``, ``Spectors Verteidiger Bruce Cutler vertritt …``: a
    possessor's name and a noun open the clause right before the verb. The name after the
    noun speaks, else the whole phrase does."""
    doc = ctx.doc
    a = clause_start
    while a < cue.start and doc[a].text in '„“"»«':
        a += 1
    verb = cue.start
    while verb > a + 2 and doc[verb - 1].lower_ in POSSESSIVE_FILLERS:
        verb -= 1  # "McCains Kampagne selbst dagegen warf"
    if verb - a < 2 or verb - a > 4:
        return None
    owner, noun = doc[a], doc[a + 1]
    if not (
        owner.text.endswith("s")
        and capitalised(owner.text)
        and owner.lower_ not in DETERMINERS
        and owner.lower_ not in FUNCTION_WORDS
        and name_like(owner.text[:-1])
        and owner.text[:-1] in ctx.text.replace(owner.text, "")
        and capitalised(noun.text)
        and is_common_noun(noun.text)
    ):
        return None
    if verb - a > 2:
        name = ctx.by_start.get(doc[a + 2].idx)
        if name is None or doc[verb - 1].idx + len(doc[verb - 1]) != name.end:
            return None
        return resolve_mention(ctx, name)
    text = f"{owner.text} {noun.text}"
    return Mention(owner.idx, noun.idx + len(noun), text, "institution", OTHER_PREFIX + text)


def opens_with_object(ctx: DocContext, clause_start: int, cue: Span) -> bool:
    """The clause opens with a noun phrase in the accusative or dative right before the
    verb (``Den Vorwurf der Opposition wies …``, ``Dem Vorschlag des Ministers …``): the
    subject follows the verb, so no name in front of it speaks."""
    doc = ctx.doc
    a = clause_start
    while a < cue.start and (doc[a].text in '„“"»«' or doc[a].text in SENTENCE_OPENERS):
        a += 1
    if (
        a + 1 < cue.start
        and cue.end < len(doc)
        and doc[cue.end].lower_ in INVERTED_SUBJECT_PRONOUNS
        and doc[a].text in FRONTED_OBJECT_DETERMINERS
        and all(description_word(t.text) for t in doc[a + 1 : cue.start])
    ):
        return True  # "Die Ukraine warnte er": a nominative pronoun after the verb
    if a + 1 >= cue.start or doc[a].text not in FRONTED_OBJECT_ARTICLES:
        return False
    if doc[a].text == "Der" and not _feminine_head(ctx, a + 1, cue.start):
        return False  # "Der Sprecher sagte": nominative
    return all(description_word(t.text) for t in doc[a + 1 : cue.start])


def _feminine_head(ctx: DocContext, start: int, stop: int) -> bool:
    """``Der britischen Zeitung sagte X``: after ``der``, adjectives in ``-en`` and a
    feminine noun make a dative (or genitive), not the subject."""
    for tok in ctx.doc[start:stop]:
        if capitalised(tok.text) and name_adjective(tok):
            continue  # "Der Westdeutschen Allgemeinen Zeitung", "Der Frankfurter Rundschau"
        if tok.text.endswith("en") and not capitalised(tok.text):
            continue  # "Der britischen Zeitung"
        return capitalised(tok.text) and feminine_noun(tok.text)
    return False


def after_auxiliary(ctx: DocContext, start: int, clause_start: int, cue: Span) -> bool:
    """The mention at char ``start`` follows the clause's finite auxiliary (after its
    article and adjectives) and the participle or infinitive cue closes the clause:
    ``… hat der IWF angekündigt``, ``… will die Firma bestreiten``."""
    doc = ctx.doc
    first = doc[clause_start].lower_
    if first in DETERMINERS or not (first in OBJECT_MARKERS or first in FUNCTION_WORDS):
        return False  # "Ein Gericht hat das Netzwerk X aufgefordert": X is the object
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not cue[-1].is_lower:
        return False
    k = span.start - 1
    while (
        k > clause_start
        and doc[k].lower_ not in AUXILIARIES  # "musste" ends like an adjective
        and (doc[k].lower_ in DETERMINERS or attributive(doc[k].text))
    ):
        k -= 1
    return k > clause_start and doc[k].lower_ in AUXILIARIES and not doc[k - 1].is_punct


def auxiliary_after_relative(ctx: DocContext, clause_start: int, cue: Span) -> int | None:
    """``Die IG X, die 1990 gegründet wurde, hat in einer Stellungnahme erklärt``: the comma
    that closes a relative clause when the main clause goes on with its finite auxiliary and
    no further comma stands before the participle cue."""
    doc = ctx.doc
    if not cue[-1].is_lower:
        return None
    for c in range(cue.start - 2, clause_start + 2, -1):
        if doc[c].text == ",":
            return c if doc[c + 1].lower_ in AUXILIARIES else None
    return None


def before_relative(ctx: DocContext, comma: int, clause_start: int, cue: Span) -> Mention | None:
    """The noun phrase opening the clause when a relative clause (``, die …,``) stands
    between it and the verb; ``comma`` closes the relative clause."""
    doc = ctx.doc
    if not doc[comma - 1].is_lower:
        return None  # "am Freitag, dem 3. Mai 2004,": a date, no relative clause
    t = comma - 1
    while t > clause_start + 1 and not (
        doc[t].text == ","
        and (
            doc[t + 1].lower_ in RELATIVES
            or (doc[t + 1].lower_ in RELATIVE_PREPOSITIONS and doc[t + 2].lower_ in RELATIVES)
        )
    ):
        t -= 1
    if t <= clause_start + 1:
        return None
    for s in range(clause_start, min(t, clause_start + 4)):
        tok = doc[s]
        if tok.lower_ in DETERMINERS or capitalised(tok.text):
            found = phrase_starting_at(ctx, s, cue, bare=False)
            if (
                found is not None
                and found.end <= doc[t].idx
                and opens_clause(ctx, found.start, doc[clause_start].idx)
            ):
                return found
    return None


def opens_clause(ctx: DocContext, start: int, clause_start: int) -> bool:
    """At most two words (a conjunction, an adverb) before the mention in its clause."""
    head = ctx.text[clause_start:start]
    if ", " in head:  # "…, und das Kinderhilfswerk X rief auf": the clause after the comma
        head = head.rsplit(", ", 1)[1]
    words = head.split()
    if (
        words
        and words[0] in CAPITALISED_DEFINITE
        and all(map(description_word, words))
        and words[-1].lower() not in OBJECT_MARKERS  # not "Die Botschaft in X"
    ):
        return True  # "Der Vorsitzende des Ausschusses X erklärte": a title before X
    while words and (words[0].lower() in COORDINATORS or words[0].lower() in DETERMINERS):
        words.pop(0)
    while words and attributive(words[0]):
        words.pop(0)
    words = [w for w in words if w.lower() not in AUXILIARIES]  # "Gestern hatte X …"
    return len(words) <= 2 and not any(w.lower() in OBJECT_MARKERS for w in words)


def is_object(ctx: DocContext, m: Mention) -> bool:
    """Preceded by a preposition or a dative article (``zu Präsident Putin``)."""
    before = ctx.text[max(0, m.start - 40) : m.start].split()[-3:]
    for word in reversed(before):
        low = word.lower()
        if low in OBJECT_MARKERS:
            return True
        if not (word[:1].isupper() or low in DESCRIPTION_ARTICLES):
            return False
    return False


def phrase_ending_at(ctx: DocContext, j: int, cue: Span, bare: bool = True) -> Mention | None:
    """The person or body named by the phrase that ends at token ``j``: a mention, ``er``/``sie``
    or a noun phrase read backwards."""
    tok = ctx.doc[j]
    end = tok.idx + len(tok)
    m = ctx.by_end.get(end)
    if m is not None:
        return resolve_mention(ctx, m)
    if tok.lower_ in GENDERED_PRONOUNS:
        return pronoun(ctx, tok.idx, tok.text, cue)
    return noun_phrase(ctx, j, cue, backwards=True, bare=bare)


def phrase_starting_at(ctx: DocContext, j: int, cue: Span, bare: bool = True) -> Mention | None:
    """The person or body named by the phrase that starts at token ``j``: a mention,
    ``er``/``sie`` or a noun phrase."""
    tok = ctx.doc[j]
    m = ctx.by_start.get(tok.idx)
    if m is not None:
        return resolve_mention(ctx, m)
    if tok.lower_ in GENDERED_PRONOUNS:
        return pronoun(ctx, tok.idx, tok.text, cue)
    return noun_phrase(ctx, j, cue, backwards=False, bare=bare)


def subject_at(ctx: DocContext, i: int, cue: Span) -> Mention | None:
    """The person or body named by the phrase that starts at token ``i``."""
    return phrase_starting_at(ctx, i, cue, bare=False)
