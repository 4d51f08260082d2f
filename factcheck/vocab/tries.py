"""Regex pieces made from word lists: a trie alternation, and a pattern narrowed to some shapes."""

from __future__ import annotations

import re


def alternation(phrases, flexible_space: bool = True) -> str:
    """A regex alternation of phrases, each escaped; spaces match any run when flexible_space.

    Built as a trie ("sa(?:id|ys?)" rather than "said|says|say"): Python's regex
    engine tries the alternatives of a flat list one by one at every position,
    and the word lists are long. A longer phrase is tried before its prefix, as
    in a list sorted longest first, so the same text matches.
    """
    trie: dict = {}
    for phrase in sorted(set(phrases)):
        if not phrase:
            continue
        node = trie
        for atom in _atoms(phrase, flexible_space):
            node = node.setdefault(atom, {})
        node[""] = {}
    return "(?:" + _first_atoms(trie) + _trie_regex(trie) + ")"


def lower_alternation(phrases) -> str:
    """alternation of phrases as written (no flexible spaces), for a pattern that ignores
    case: lowercased first, so case variants share a branch and the longest match is still
    tried first (a trie of "KM" and "km/hr" would try "KM" first and stop there)."""
    return alternation([p.lower() for p in phrases], flexible_space=False)


def narrowed(full: re.Pattern, source: str, flags: int) -> re.Pattern:
    """source, a pattern with some of full's shapes, compiled with every other group of full
    as an empty group of a last alternative that never matches: its matches read the same
    way as full's (each group is there; the ones it lacks are never set)."""
    own = re.compile(source, flags).groupindex
    missing = "".join(f"(?P<{g}>)" for g in full.groupindex if g not in own)
    return re.compile(f"{source}|(?!){missing}", flags)


def _first_atoms(trie: dict) -> str:
    """A lookahead for the phrases' first characters: the engine tests one character
    class at each place instead of entering every branch of the trie (a search over a
    sentence is about twice as fast). Nothing when a phrase can start with a space."""
    if "" in trie or not trie or any(len(atom) > 2 for atom in trie):  # a flexible space is "\\s+"
        return ""
    return "(?=[" + "".join(trie) + "])"


def _atoms(phrase: str, flexible_space: bool) -> list[str]:
    """The regex pieces of a phrase: one per character, a run of spaces one piece."""
    if not flexible_space:
        return [re.escape(ch) for ch in phrase]
    atoms: list[str] = []
    for i, word in enumerate(phrase.split(" ")):
        if i:
            atoms.append(r"\s+")
        atoms.extend(re.escape(ch) for ch in word)
    return atoms


def _trie_regex(node: dict) -> str:
    branches = [atom + _trie_regex(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
