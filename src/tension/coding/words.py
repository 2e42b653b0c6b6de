"""Closed classes of English words that the shallow analysis relies on.

Auxiliaries, negations, adverbs that may sit inside a verb chain, prepositions,
determiners, clause openers and punctuation that ends a clause: fixed sets, looked up by
the lower-cased token.

>>> from tension.coding.words import AUX, PREPOSITIONS
>>> "has" in AUX, "against" in PREPOSITIONS
(True, True)
"""

from __future__ import annotations

__all__ = ["BE", "AUX", "FUTURE", "NEGATION", "ADVERBS", "COPULA", "PREPOSITIONS", "DETERMINERS", "NOUN_ADJECTIVES",
           "STOPS", "CLAUSE_WORDS", "RELATIVES", "OWNERS", "SUBORDINATORS", "QUANTITIES", "COORDINATORS", "CLAUSE_STOPS",
           "INQUIRIES"]

BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'re", "get", "got", "gets", "getting", "gotten"})
AUX = BE | frozenset({"has", "have", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can",
                      "could", "may", "might", "must", "'ll", "'d", "'ve", "'s"})
FUTURE = frozenset({"will", "would", "shall", "'ll", "may", "might", "could"})
NEGATION = frozenset({"not", "n't", "never", "no", "neither", "nor", "cannot"})
ADVERBS = frozenset({"also", "further", "still", "again", "already", "just", "then", "now", "soon", "even", "once", "yet",
                     "only", "too", "twice", "earlier", "later", "long", "first", "last", "reportedly", "allegedly",
                     "jointly", "formally", "finally", "repeatedly", "reportedly", "all", "both", "each", "therefore",
                     "however", "thus", "meanwhile", "subsequently", "ever", "often", "sometimes", "together", "not"})
COPULA = BE | frozenset({"remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "appeared",
                         "become", "became", "becomes", "feel", "feels", "felt", "stay", "stayed", "stays"})
PREPOSITIONS = frozenset({"of", "in", "on", "at", "to", "from", "for", "against", "about", "over", "into", "onto", "toward",
                          "towards", "among", "between", "during", "since", "after", "before", "despite", "amid", "under",
                          "through", "across", "within", "without", "near", "via", "per", "upon", "including", "like", "than",
                          "as", "by", "with", "throughout", "beyond", "behind", "around", "along", "following", "regarding",
                          "concerning", "unlike", "except", "inside", "outside", "alongside", "until", "till"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
                         "your", "'s", "some", "any", "each", "every", "no", "another", "such", "several", "many", "both",
                         "two", "three", "four", "five"})
#: adjectives that, after a determiner, make the next word a noun ("the recent decline")
NOUN_ADJECTIVES = frozenset({"recent", "latest", "new", "subsequent", "first", "last", "second", "major", "large",
                             "massive", "alleged", "planned", "possible", "further", "renewed", "fresh", "unprecedented",
                             "deliberate", "organized", "organised", "military", "joint", "diplomatic", "economic",
                             "political", "reciprocal", "mutual", "official", "formal", "brutal", "deadly", "fierce"})
STOPS = frozenset({".", ";", ":", "!", "?", "\u201c", "\u201d", '"', "(", ")", "\u2014", "--"})
CLAUSE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "because", "while", "whereas", "although", "though",
                          "if", "unless", "when", "where", "whether"})
RELATIVES = frozenset({"who", "which", "that"})
OWNERS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
#: prepositions that also open a clause: "until the EU provides ...", "after Iran attacked ..."
SUBORDINATORS = frozenset({"until", "till", "after", "before", "since", "as", "unless", "because", "while", "when", "if", "though", "although"})
QUANTITIES = frozenset({"hundreds", "thousands", "dozens", "scores", "tens", "millions", "some", "many", "most", "several",
                        "one", "two", "three", "four", "five", "group", "groups", "members", "member", "unit", "units",
                        "contingent", "delegation", "team", "teams", "number", "all", "none", "each"})
COORDINATORS = frozenset({"and", "or", "but", ",", "then", "while", "thereby", "so"})
#: words that end the gap of a pattern ("expel ... @diplomat" does not reach past them)
CLAUSE_STOPS = frozenset({".", ";", ":", "!", "?", "that", "which", "who", "whom", "because", "while", "whereas",
                          "although", "but", "when", "if", "unless", "\u201c", "\u201d", '"'})
#: nouns of an inquiry: the preposition after one ("an investigation *into* the embassy") ends a
#: pattern's gap, so "opened an investigation into the embassy" is no opening of an embassy
INQUIRIES = frozenset({"investigation", "investigations", "probe", "probes", "inquiry", "inquiries", "enquiry",
                       "enquiries", "inquest", "audit"})
