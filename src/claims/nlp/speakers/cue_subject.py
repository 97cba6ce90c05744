"""Who is speaking: the subject of a speech cue.

Preference order for the subject of a speech verb: a passive agent (``wurde von X kritisiert``),
a name in apposition to a description that opens the sentence (``Der Vorsitzende der Fraktion,
Hans Maier, hatte … gefordert``), the phrase right before the verb (``Lukaschenko sagte``,
``Der Investor X, Larry Kellerman, sagte``), the phrase right after it (``sagte Lukaschenko``,
``sagte er``, ``sagte der Landeschef von Nordbank, Ulrich Sommer``), then the nearest person
before it in the sentence (``hatte Lukaschenko am Donnerstag erklärt``). Pronouns, epithets and
descriptions are resolved by :mod:`.coref`, noun phrases by :mod:`.phrases`, appositions by
:mod:`.appositions`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from claims.kb.speakers import OTHER_PREFIX
from claims.nlp.extensions import sentence_at, span_attr, token_texts
from claims.nlp.grammar.verbs import wie_before
from claims.nlp.sentences.segment import sentence_of
from claims.nlp.speakers.agents import passive_agent, passive_without_agent, quoted_subject
from claims.nlp.speakers.agreement import disagrees
from claims.nlp.speakers.appositions import (
    apposition_before,
    front_apposition,
    inverted_apposition,
    titled_name_after,
)
from claims.nlp.speakers.attribute_heads import unless_attribute
from claims.nlp.speakers.clauses import (
    after_auxiliary,
    auxiliary_after_relative,
    before_relative,
    is_object,
    opens_clause,
    opens_with_object,
    phrase_ending_at,
    phrase_starting_at,
    possessive_subject,
    quoted_object,
    relative_antecedent,
)
from claims.nlp.speakers.coref import subject_of_sentence
from claims.nlp.speakers.doccontext import DocContext, mentions_between
from claims.nlp.speakers.linking import resolve_mention
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.names import DETERMINERS, OBJECT_MARKERS, SENTENCE_OPENERS, capitalised
from claims.nlp.speakers.nouns import attributive, person_noun
from claims.nlp.speakers.phrases import (
    DATIVES,
    SUBJECT_FILLERS,
    in_phrase,
    inverted_phrase_subject,
    named_body,
)
from claims.nlp.speakers.salience import record_subject
from claims.nlp.speakers.sentence_subject import (
    bare_opener,
    bare_sentence_subject,
    inverted_subject,
    name_ends,
)
from claims.nlp.words import word_set

AUXILIARIES = word_set("auxiliaries")
GENDERED_PRONOUNS = word_set("gendered_pronouns")
PERSON_DEFINITE = word_set("person_definite_articles")
MAX_TITLE_TOKENS = 14
# lower-case words inside a title ("der Staatssekretär für Verkehr und maritime Wirtschaft")
TITLE_WORDS = word_set("title_function_words")
# accusative articles of an unnamed person ("zitiert einen Lokführer", "zitiert mehrere Anwohner")
UNNAMED_OBJECT_DETERMINERS = word_set("unnamed_object_determiners")
NOMINAL_OPENERS = word_set("nominative_articles")
# words before a title noun that make the name after it an attribute ("der Chef von Bayer X")
GENITIVE_LINKS = word_set("title_genitive_links")
COORDINATED = word_set("name_coordinators")


def cue_subject(
    ctx: DocContext, cue: Span, exclude: tuple[int, int] | None = None
) -> Mention | None:
    """The subject of a speech verb; a single person never agrees with a plural verb."""
    found = _cue_subject(ctx, cue, exclude)
    if found is None or found.kind in ("name", "person", "role", "institution"):
        clause_start = _clause_start(ctx, cue.start, sentence_at(ctx.doc, cue.start).start)
        found = unless_attribute(ctx, cue, found, clause_start)
    if span_attr(cue, "cue_lemma") == "zitieren" and found is not None:
        quoted = quoted_object(ctx, cue, found, exclude)
        if quoted is not None:  # "zitiert die Zeitung den Minister X": X speaks
            return quoted
        if _unnamed_quoted_person(ctx, cue):
            return None  # "zitiert einen Lokführer": the medium only passes it on
    if found is None or found.kind not in ("name", "person"):
        return found
    clause_start = _clause_start(ctx, cue.start, sentence_at(ctx.doc, cue.start).start)
    return None if disagrees(ctx.doc, cue, clause_start, found) else found


def _before_bracket(ctx: DocContext, close: int, clause_start: int) -> int:
    """The token before the ``(`` that the ``)`` at ``close`` closes."""
    k = close
    while k > clause_start and ctx.doc[k].text != "(":
        k -= 1
    return k - 1


def _unnamed_quoted_person(ctx: DocContext, cue: Span) -> bool:
    """``zitiert dazu einen Lokführer``: an active ``zitieren`` with a person noun in the
    accusative after it and no name, so the one quoted is not named."""
    doc = ctx.doc
    sent = sentence_at(doc, cue.start)
    for t in range(cue.end, min(sent.end, cue.end + 6)):
        if doc[t].lower_ not in UNNAMED_OBJECT_DETERMINERS:
            continue
        nouns = [tok for tok in doc[t + 1 : min(sent.end, t + 4)] if capitalised(tok.text)]
        return bool(nouns) and person_noun(nouns[0].text)
    return False


def _cue_subject(
    ctx: DocContext, cue: Span, exclude: tuple[int, int] | None = None
) -> Mention | None:
    doc = ctx.doc
    sent = sentence_at(doc, cue.start)
    clause_start = _clause_start(ctx, cue.start, sent.start)
    agent = passive_agent(cue, clause_start)
    if agent is not None:  # 0. "wurde von X kritisiert": X, or nobody named
        found = phrase_starting_at(ctx, agent, cue, bare=False)
        return record_subject(ctx, found) if found is not None else None
    if passive_without_agent(cue, clause_start):
        return None  # "Ägypten wird aufgefordert": the subject is spoken to
    quoted = quoted_subject(cue, clause_start)
    found = phrase_starting_at(ctx, quoted, cue) if quoted is not None else None
    if found is not None:  # "wird Musk wie folgt zitiert"
        return record_subject(ctx, found)
    relative, antecedent = relative_antecedent(ctx, cue)
    if relative:  # "Kritik kommt vom Verband X, der … als „…“ sieht"
        return record_subject(ctx, antecedent) if antecedent is not None else None
    wie = wie_before(doc, cue, clause_start)
    if wie >= 0:  # "Wie der Sprecher des Amts, Tom Weiß, mitteilte": the name
        found = inverted_apposition(ctx, wie + 1, cue.start, exclude)
        named = ctx.by_start.get(doc[wie + 1].idx) if wie + 1 < cue.start else None
        if found is None and named is not None and named.kind in ("name", "person"):
            found = resolve_mention(ctx, named)  # "Wie Regierungssprecher X am Montag mitteilte"
        if found is not None:
            return record_subject(ctx, found)
    possessive = possessive_subject(ctx, clause_start, cue)
    if possessive is not None:  # "McCains Kampagne warf X vor": not X
        return record_subject(ctx, possessive)
    front = front_apposition(ctx, sent)
    if (
        front is not None
        and front[1] <= cue.start
        and not any(t.text in ",;:" for t in doc[front[1] : cue.start])
    ):  # "Der Vorsitzende der Fraktion, Hans Maier, hatte X aufgefordert"
        return record_subject(ctx, front[0])
    # 1. the subject right before the verb, opening its clause: "Lukaschenko sagte"
    j = cue.start - 1
    while j >= clause_start and doc[j].lower_ in SUBJECT_FILLERS:
        j -= 1
    group = apposition_before(ctx, j, clause_start) if doc[j].text == "," else None
    if group is not None and (
        opens_clause(ctx, doc[group[1]].idx, doc[clause_start].idx)
        or doc[group[1] - 1].lower_ in AUXILIARIES  # "Erst gestern hatte der Investor X,"
    ):
        return record_subject(ctx, group[0])  # "der Investor X, Larry Kellerman, sagte"
    if j > clause_start + 2 and doc[j].text == ")":
        # "Rainer X (FDP) warf der Regierung vor": the name before the bracket
        k = _before_bracket(ctx, j, clause_start)
        coordinated = any(t.lower_ in COORDINATED for t in doc[clause_start:k])
        if k >= clause_start and k in name_ends(ctx) and not coordinated:
            j = k
    if j > clause_start + 2 and doc[j].text == ",":
        # "Henning Scherf (SPD), warnte": the subject before an apposition's comma
        k = j - 1
        if doc[k].text == ")":
            k = _before_bracket(ctx, k, clause_start)
        j = k if k >= clause_start and k in name_ends(ctx) else j
    before = j if j >= clause_start else -1
    object_front = opens_with_object(ctx, clause_start, cue)
    if before >= 0 and not object_front:  # not "Den Unmut der Partei brachte X …"
        found = phrase_ending_at(ctx, before, cue, bare=False)
        if found is None and bare_opener(ctx, before, clause_start):
            # "Thaksin beschuldigte General Prem, …": a name opening the clause before
            # the verb, not the object after it
            found = phrase_ending_at(ctx, before, cue, bare=True)
        if found is not None and _genitive_of_name(found):
            found = None  # "Die Äußerungen Hassemers und Papiers bezeichnete X": attributive
        if found is not None and opens_clause(ctx, found.start, doc[clause_start].idx):
            return record_subject(ctx, found)
        if found is not None and after_auxiliary(ctx, found.start, clause_start, cue):
            return record_subject(ctx, found)  # "Laut X hat der IWF angekündigt": inverted
    # 2. the inverted subject right after it: "sagte Lukaschenko", "sagte er"
    j = cue.end
    while j < sent.end and doc[j].lower_ in SUBJECT_FILLERS:
        j += 1
    dative = j < sent.end and doc[j].lower_ in DATIVES  # "teilte dem Sender X mit"
    dative = dative or (j > cue.end and doc[j - 1].lower_ == "gegenüber")  # "sagte gegenüber"
    # "X nannte … und rief die Armee auf": a verb right after "und" shares the subject
    # of the clause before; what follows it is an object
    dative = dative or (cue.start > sent.start and doc[cue.start - 1].lower_ in COORDINATED)
    # "Das Institut bestätigte die Befunde des Amts X, …": a subject before the verb
    nominal_front = not object_front and doc[clause_start].lower_ in NOMINAL_OPENERS
    if nominal_front and 1 < cue.start - clause_start <= 4:
        # "Das Landesinstitut bestätigte die Befunde des Amts X": what follows is the object
        dative = dative or all(capitalised(t.text) for t in doc[clause_start + 1 : cue.start])
    if j < sent.end and not dative and not (exclude and exclude[0] <= doc[j].idx < exclude[1]):
        found = (
            inverted_apposition(ctx, j, sent.end, exclude)
            or (None if nominal_front else titled_name_after(ctx, j, sent.end, exclude))
            or named_body(ctx, j, j, sent.end)  # "zitiert „Radio Sahel“"
            or _named_after_title(ctx, j, cue, sent.end, exclude)
            or phrase_starting_at(ctx, j, cue)
            or inverted_phrase_subject(ctx, j, sent.end, exclude)
        )
        if found is not None:
            return record_subject(ctx, found)
    if before >= 0 and doc[before].text == ",":
        # "Die Gemeinschaft der Anwohner (GdA), die seit Jahren klagt, hat erklärt": the
        # phrase before a relative clause that ends right before the verb (no subject after it)
        found = before_relative(ctx, before, clause_start, cue)
        if found is not None:
            return record_subject(ctx, found)
    comma = auxiliary_after_relative(ctx, clause_start, cue) if before >= 0 else None
    if comma is not None:  # "X, die 1990 gegründet wurde, hat in einem Brief erklärt"
        found = before_relative(ctx, comma, clause_start, cue)
        if found is not None:
            return record_subject(ctx, found)
    # a bare name before the verb only now: "Stattdessen sagte Lukaschenko" is inverted
    if before >= 0 and not object_front:
        found = phrase_ending_at(ctx, before, cue, bare=True)
        if found is not None and _genitive_of_name(found):
            found = None
        if found is not None and opens_clause(ctx, found.start, doc[clause_start].idx):
            return record_subject(ctx, found)
    if object_front:
        return None  # "Den Unmut der Partei brachte …": the front is the object
    if cue.start > sent.start and doc[cue.start - 1].lower_ in COORDINATED:
        # "Zudem kritisierte er X und teilte mit, …": the inverted pronoun subject of the
        # first verb is the subject of the verb after "und"
        near = range(cue.start - 2, max(sent.start + 1, cue.start - 12), -1)
        opening = range(min(sent.start + 4, cue.start - 2), sent.start + 1, -1)
        for p in [*near, *opening]:
            if doc[p].text in (".", ";", ":"):
                break
            named = ctx.by_start.get(doc[p].idx)
            if (
                (doc[p].lower_ in GENDERED_PRONOUNS or (named and named.kind == "name"))
                and doc[p - 1].text.islower()
                and (
                    doc[p].lower_ == "er"  # always a subject
                    or p - 1 <= sent.start
                    or not doc[p - 2].text[:1].isalpha()
                    or doc[p - 2].text in SENTENCE_OPENERS
                )
            ):  # "sie" or a name right after a verb that opens the clause: no object
                found = phrase_starting_at(ctx, p, cue)
                if found is not None:
                    return record_subject(ctx, found)
                break
        # "Am Montag stellte X seine Pläne für den Norden der Ukraine vor und sagte": the
        # inverted subject of the sentence's first verb, past a fronted prepositional phrase
        if any(t.lower_ in OBJECT_MARKERS for t in doc[sent.start : sent.start + 3]):
            k = sentence_of(ctx.sent_starts, cue.start_char)
            first = inverted_subject(ctx, k, adverbial=True)
            if first is not None and first.start < cue.start_char:
                return record_subject(ctx, first)
    # 3. the subject of the sentence: "Lukaschenko nannte …, lobte später …"
    k = sentence_of(ctx.sent_starts, cue.start_char)
    found = subject_of_sentence(ctx, k, cue.start_char, None)
    if found is not None and not (exclude and exclude[0] <= found.start < exclude[1]):
        return record_subject(ctx, found)
    found = bare_sentence_subject(ctx, sent, cue) or _clause_subject(
        ctx, clause_start, cue, exclude
    )
    if found is not None:
        return record_subject(ctx, found)
    # 4. the nearest person before the verb that is not an object
    for m in reversed(mentions_between(ctx, sent.start_char, cue.start_char)):
        if exclude and exclude[0] <= m.start < exclude[1]:
            continue
        if is_object(ctx, m):
            continue
        resolved = resolve_mention(ctx, m)
        if resolved is not None:
            return record_subject(ctx, resolved)
    return None


def _named_after_title(
    ctx: DocContext, j: int, cue: Span, stop: int, exclude: tuple[int, int] | None
) -> Mention | None:
    """``empfahl der Staatssekretär für Verkehr Jörn Albrecht beiden Seiten, …``: a
    person named inside the noun phrase that a definite description opens, rather than the
    description's antecedent."""
    doc = ctx.doc
    if doc[j].lower_ not in PERSON_DEFINITE:
        return None
    for t in range(j + 1, min(stop, j + MAX_TITLE_TOKENS)):
        tok = doc[t]
        if tok.is_punct or (exclude and exclude[0] <= tok.idx < exclude[1]):
            return None
        if tok.is_lower and tok.lower_ not in TITLE_WORDS and not attributive(tok.text):
            return None  # the noun phrase ended ("beiden Seiten" is no title)
        m = ctx.by_start.get(tok.idx)
        title_before = (
            capitalised(doc[t - 1].text)
            and doc[t - 2].lower_ not in GENITIVE_LINKS
            and any(person_noun(w.text) for w in doc[j + 1 : t])
        )  # "der Staatssekretär für Verkehr X", not "die Staatsanwaltschaft X"
        if m is not None and m.kind in ("name", "person", "guess") and title_before:
            # the title confirms a guessed name ("der Staatssekretär … Jörn Albrecht")
            return resolve_mention(ctx, replace(m, kind="name") if m.kind == "guess" else m)
    return None


def _clause_subject(
    ctx: DocContext, clause_start: int, cue: Span, exclude: tuple[int, int] | None
) -> Mention | None:
    """``Wie der Kreml am Montag mitteilte``: a noun phrase inside the cue's own clause."""
    doc = ctx.doc
    for t in range(max(clause_start, cue.start - 8), cue.start):
        tok = doc[t]
        if exclude and exclude[0] <= tok.idx < exclude[1]:
            continue
        if in_phrase(ctx, t):
            continue
        if _after_number(doc, t, clause_start):
            continue  # "um 15 Uhr MEZ", "300 Euro": a unit after a number speaks for nobody
        if tok.lower_ in DETERMINERS or capitalised(tok.text):
            found = phrase_starting_at(ctx, t, cue, bare=False)
            if found is not None:
                return found
    return None


def _clause_start(ctx: DocContext, i: int, lo: int) -> int:
    texts = token_texts(ctx.doc)
    lo = max(lo, i - 40)
    j = i - 1
    while j > lo and texts[j] not in (":", ";", "(", "–", "—"):
        if texts[j] == ")":  # "Henning Scherf (SPD), warnte": skip the brackets
            while j > lo and texts[j] != "(":
                j -= 1
        j -= 1
    return j + 1 if j > lo or texts[j] in (":", ";", "(", "–", "—") else lo


def _after_number(doc: Doc, t: int, lo: int) -> bool:
    """Token ``t`` is part of the capitalised words right after a number (a unit, a time
    zone: ``15:36 Uhr MEZ``, ``300 Millionen Euro``)."""
    k = t - 1
    while k >= lo and t - k <= 3 and capitalised(doc[k].text):
        k -= 1
    number = doc[k].text if k >= lo else ""
    return number[:1].isdigit() and not number.endswith(".")  # an ordinal ("3.") ends a date


def _genitive_of_name(m: Mention) -> bool:
    """``Papiers`` for ``other:Hans-Jürgen Papier``: a genitive, which is never a subject."""
    name = m.speaker.removeprefix(OTHER_PREFIX) if m.speaker else ""
    return (
        m.kind in ("name", "person")
        and name != m.speaker
        and m.text.endswith("s")
        and not name.endswith("s")
        and m.text[:-1].endswith(name.split()[-1] if name else "-")
    )
