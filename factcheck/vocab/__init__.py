"""factcheck's vocabulary: the word lists, the regex tries built from them, the unit table.

`lexicon` loads the one word-list file (lexicon.yaml) and `data` checks the shape of
every data file; `tries` turns a list into a regex alternation (a trie) and narrows a
pattern to some of its shapes; `currencies` holds symbols, ISO codes and currency names;
`units` the unit table (units.yaml) with SI factors, reading quantulum3's unit tables
lazily for the long tail. Nothing here reads text: the extractor (factcheck.extract) and
the rule loader both build on it, and the rule loader needs only the unit table.
"""
