"""General German function words the matchers rely on: negation, conditions, hedges, particles.

These are facts of the German language, not of any topic, so they live in code; everything
topic-specific (predicates, objects, actors) is data in ``claims/data/*.yaml``.
"""

from __future__ import annotations

#: Lemmas (lower case) that negate the clause they stand in.
NEGATORS = frozenset(
    {
        "nicht",
        "kein",
        "keinerlei",
        "niemand",
        "nie",
        "niemals",
        "nimmer",
        "nimmermehr",
        "keineswegs",
        "keinesfalls",
        "nirgends",
        "nirgendwo",
        "weder",
        "nichts",
    }
)

#: Verbs whose meaning is a negation ("schließt ... aus", "hält seine Soldaten heraus").
LEXICAL_NEGATORS = frozenset(
    {
        "ausschließen",
        "ablehnen",
        "zurückweisen",
        "bestreiten",
        "abstreiten",
        "dementieren",
        "verneinen",
        "leugnen",
        "heraushalten",
        "raushalten",
        "fernhalten",
        "abseits",
        "unbeteiligt",
        "verweigern",
        "verzichten",
        "absagen",
    }
)

#: Nouns that dismiss what they are said of ("Berichte ... als Lüge", "eine Erfindung").
DISMISSALS = frozenset(
    {
        "lüge",
        "lügen",
        "erfindung",
        "fälschung",
        "propaganda",
        "unsinn",
        "märchen",
        "fake",
        "desinformation",
        "falschmeldung",
        "verleumdung",
        "hirngespinst",
        "erfinden",
        "erfunden",
        "erlogen",
    }
)

#: Adjectives that dismiss a claim they are said of ("Die Vorwürfe seien haltlos").
DISMISSING_ADJECTIVES = frozenset(
    {
        "unbegründet",
        "haltlos",
        "absurd",
        "gegenstandslos",
        "unwahr",
        "lächerlich",
        "aus der luft gegriffen",
    }
)

#: Nouns for someone else's claim: a sentence that calls them baseless denies their content
#: ("Anschuldigungen, das Land sei beteiligt, seien unbegründet").
ACCUSATIONS = frozenset(
    {
        "vorwurf",
        "vorwürfe",
        "anschuldigung",
        "anschuldigungen",
        "beschuldigung",
        "beschuldigungen",
        "behauptung",
        "behauptungen",
        "unterstellung",
        "unterstellungen",
        "bericht",
        "berichte",
        "gerücht",
        "gerüchte",
        "spekulation",
        "spekulationen",
    }
)

#: Verbs of accusing: a sentence that reports an accusation and is answered by a rejection
#: ("Man wirft uns vor, X getan zu haben. Aber nein ...") denies X.
ACCUSING_VERBS = frozenset(
    {
        "vorwerfen",
        "vorhalten",
        "beschuldigen",
        "bezichtigen",
        "unterstellen",
        "anlasten",
        "anschuldigen",
        "nachsagen",
        "verdächtigen",
        "anklagen",
    }
)

#: First words of a sentence that rejects what the one before it said ("Nein.", "Aber nein").
REJECTION_OPENERS = frozenset({"nein", "mitnichten", "quatsch", "blödsinn", "unsinn", "falsch"})

#: Words that, said of "das"/"dies"/"alles", reject the sentence before ("Das ist absurd",
#: "Das stimmt nicht").
REJECTION_PREDICATES = frozenset({"falsch", "gelogen", "wahr", "stimmen", "zutreffen"})

#: Demonstratives that point back to the sentence before ("Das ist eine Lüge").
REJECTION_SUBJECTS = frozenset({"das", "dies", "dieses", "alles", "nichts"})

#: Speech cues that deny what they introduce ("bestritt, dass ...", "wies ... zurück").
NEGATIVE_CUES = LEXICAL_NEGATORS | {"verwerfen", "abtun"}

#: Words after ``nicht`` that make it additive ("nicht nur ..., sondern auch"), not negating.
ADDITIVE_AFTER_NICHT = frozenset({"nur", "bloß", "allein", "lediglich"})

#: Verbs and adjectives whose negation scopes over the following complement clause
#: ("ich kann mir nicht vorstellen, dass ...", "wir planen nicht, ... zu töten").
BRIDGE_WORDS = frozenset(
    {
        "vorstellen",
        "planen",
        "beabsichtigen",
        "vorhaben",
        "wollen",
        "gedenken",
        "glauben",
        "denken",
        "erwarten",
        "bereit",
        "beabsichtigt",
        "meinen",
        "annehmen",
        "absicht",
        "sehen",
        "versprechen",
        "interesse",
        "plan",
        "ziel",
        "wille",
        # permission: "hat nie zugelassen, dass von hier aus angegriffen wird"
        "zulassen",
        "erlauben",
        "gestatten",
        "dulden",
        "genehmigen",
        "billigen",
    }
)

#: Words that open a complement clause.
COMPLEMENTIZERS = frozenset({"dass", "daß", "ob", "wonach"})

#: Restrictive particles that make a following ``wenn`` a condition ("nur wenn",
#: "lediglich ... wenn").
RESTRICTIVE = frozenset({"nur", "lediglich", "ausschließlich", "erst", "bloß", "allein"})
CONDITIONAL_AFTER_RESTRICTIVE = frozenset({"wenn", "falls", "sofern", "fall", "falle"})
#: Conjunctions that are conditions on their own.
CONDITIONAL = frozenset({"falls", "sofern", "vorausgesetzt", "insofern"})

#: Hedges: a reporter sentence that only fears, guesses or reports a rumour asserts nothing.
HEDGES = frozenset(
    {
        "befürchten",
        "fürchten",
        "befürchtung",
        "vermuten",
        "vermutlich",
        "spekulieren",
        "spekulation",
        "angeblich",
        "möglicherweise",
        "eventuell",
        "vielleicht",
        "könnte",
        "könnten",
        "würde",
        "würden",
        "gerücht",
        "falls",
        "ob",
    }
)

#: Separable verb particles; a clause-final particle is joined to the verb ("mischen ... ein").
PARTICLES = frozenset(
    {
        "ab",
        "an",
        "auf",
        "aus",
        "bei",
        "ein",
        "fest",
        "fern",
        "her",
        "heraus",
        "herein",
        "hin",
        "hinein",
        "los",
        "mit",
        "nach",
        "raus",
        "rein",
        "vor",
        "weg",
        "zu",
        "zurück",
        "zusammen",
        "dar",
        "durch",
        "um",
        "hervor",
    }
)

#: Coordinating conjunctions: a separable particle before them ends its verb's clause.
COORDINATORS = frozenset({"und", "oder", "aber", "sondern", "doch", "denn"})

#: Tokens that end a clause.
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "(", ")", "-", "…", ".", "!", "?"})

#: Opening quote marks and the closing marks they pair with.
QUOTE_PAIRS = {
    "„": "“”",
    "“": "”",
    '"': '"',
    "«": "»",
    "»": "«",
    "‚": "‘’",
    "‹": "›",
    "›": "‹",
}
QUOTE_CHARS = frozenset('„“”"«»‚‘’‹›')

#: Inflectional endings stripped to build a crude stem key (longest first).
ENDINGS = ("ern", "em", "en", "er", "es", "e", "n", "s")

#: Words that point back to an earlier sentence: a reporter sentence with one of them is
#: attributed to the actors of the sentence before it as well ("von dort aus", "Er erkannte").
ANAPHORS = frozenset(
    {
        "er",
        "sie",
        "es",
        "dort",
        "dorthin",
        "dorther",
        "dortige",
        "dortigen",
        "dessen",
        "deren",
        "sein",
        "seine",
        "seinem",
        "seinen",
        "seiner",
        "seines",
        "ihr",
        "ihre",
        "ihrem",
        "ihren",
        "ihrer",
        "ihres",
        "beide",
        "beiden",
    }
)
