"""General German function words the matchers rely on: negation, conditions, hedges, particles.

These are facts of the German language, not of any topic; the lists are data in
``claims/data/rule_words.yaml`` (read by :mod:`claims.wordlists`), each written once there.
Sets that combine lists are built here. Everything topic-specific (predicates, objects, actors)
is in the other data files.
"""

from __future__ import annotations

from claims.wordlists import word_list, word_map, word_set

FILE = "rule_words.yaml"

#: Lemmas (lower case) that negate the clause they stand in.
NEGATORS = word_set(FILE, "negators")
#: Verbs whose meaning is a negation ("schließt ... aus", "hält seine Soldaten heraus").
LEXICAL_NEGATORS = word_set(FILE, "lexical_negators")
#: Nouns that dismiss what they are said of ("Berichte ... als Lüge", "eine Erfindung").
DISMISSALS = word_set(FILE, "dismissals")
#: Adjectives that dismiss a claim they are said of ("Die Vorwürfe seien haltlos").
DISMISSING_ADJECTIVES = word_set(FILE, "dismissing_adjectives")
#: Nouns for someone else's claim ("Anschuldigungen, das Land sei beteiligt, seien unbegründet").
ACCUSATIONS = word_set(FILE, "accusations")
#: Verbs of accusing ("Man wirft uns vor, X. Aber nein": X is denied).
ACCUSING_VERBS = word_set(FILE, "accusing_verbs")
#: First words of a sentence that rejects the one before ("Aber nein").
REJECTION_OPENERS = word_set(FILE, "rejection_openers")
#: Words that, said of "das"/"dies", reject the sentence before ("Das stimmt nicht").
REJECTION_PREDICATES = word_set(FILE, "rejection_predicates")
#: Demonstratives that point back to the sentence before ("Das ist eine Lüge").
REJECTION_SUBJECTS = word_set(FILE, "rejection_subjects")
#: Speech cues that deny what they introduce ("bestritt, dass ...", "wies ... zurück").
NEGATIVE_CUES = LEXICAL_NEGATORS | word_set(FILE, "negative_cues")
#: Words after ``nicht`` that make it additive ("nicht nur ..., sondern auch"), not negating.
ADDITIVE_AFTER_NICHT = word_set(FILE, "additive_after_nicht")
#: Words whose negation scopes over the following complement clause ("nicht vorstellen, dass").
BRIDGE_WORDS = word_set(FILE, "bridge_words")
#: Words that open a complement clause.
COMPLEMENTIZERS = word_set(FILE, "complementizers")
#: Restrictive particles that make a following ``wenn`` a condition ("nur wenn").
RESTRICTIVE = word_set(FILE, "restrictive")
CONDITIONAL_AFTER_RESTRICTIVE = word_set(FILE, "conditional_after_restrictive")
#: Conjunctions that are conditions on their own.
CONDITIONAL = word_set(FILE, "conditional")
#: Hedges: a reporter sentence that only fears, guesses or reports a rumour asserts nothing.
HEDGES = word_set(FILE, "hedges")
#: Separable verb particles; a clause-final particle is joined to the verb ("mischen ... ein").
PARTICLES = word_set(FILE, "particles")
#: Coordinating conjunctions: a separable particle before them ends its verb's clause.
COORDINATORS = word_set(FILE, "coordinators")
#: Tokens that end a clause.
CLAUSE_BREAKS = word_set(FILE, "clause_breaks")
#: Tokens after which a sentence may end.
SENTENCE_ENDS = word_set(FILE, "sentence_ends")
#: Opening quote marks and the closing marks they pair with.
QUOTE_PAIRS = word_map(FILE, "quote_pairs")
#: Every quote mark: the opening ones and the closing ones they pair with.
QUOTE_CHARS = frozenset(QUOTE_PAIRS).union(*QUOTE_PAIRS.values())
#: Inflectional endings stripped to build a crude stem key (longest first).
ENDINGS = word_list(FILE, "endings")
#: Endings of finite verb forms replaced by -en to guess an infinitive, in this order.
FINITE_ENDINGS = word_list(FILE, "finite_endings")
#: Words that point back to an earlier sentence ("von dort aus", "Er erkannte"): a reporter
#: sentence with one is attributed to the actors of the sentence before it as well.
ANAPHORS = word_set(FILE, "anaphors")
#: Words that make a reporter sentence one *about a statement* ("widerspricht seiner Aussage").
STATEMENT_NOUNS = word_set(FILE, "statement_nouns")
