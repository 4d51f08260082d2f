"""factcheck's vocabulary: the word lists, the regex tries built from them, the unit table.

`lexicon` loads the one word-list file (lexicon.yaml) and checks its shape; `tries`
turns a list into a regex alternation (a trie) and narrows a pattern to some of its
shapes; `units` holds currencies and units of measure with their SI factors, and
reads quantulum3's unit tables lazily for the long tail. Nothing here reads text:
the extractor (factcheck.extract) and the rule loader both build on it.
"""
