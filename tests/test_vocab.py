"""factcheck.vocab: one word-list file with its check, the tries, the unit table; below extract."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from factcheck.vocab import lexicon, units
from factcheck.vocab.tries import alternation


@pytest.mark.parametrize(
    "lex,error",
    [
        ({"fine": ["a", "b c"], "table": {"x": 1}, "text": "km; length"}, None),
        ([], "a mapping of sections expected"),
        ({"stopwords": ["the", True]}, "stopwords: True is no phrase (quote 'on', 'no' and 'off')"),
        ({"stopwords": ["the", " of"]}, "stopwords: ' of' is no phrase"),
        ({"scales": 12}, "scales: a list, a mapping or a text expected"),
    ],
)
def test_the_lexicon_check(lex, error):
    if error is None:
        lexicon.check(lex)
        return
    with pytest.raises(lexicon.LexiconError, match="^" + re.escape(f"lexicon.yaml: {error}")):
        lexicon.check(lex)


def test_the_shipped_lexicon_holds_the_frame_sections_too():
    lexicon.check(lexicon.LEX)
    assert {"qualifiers", "currency_names", "clause_openers", "stopwords"} <= set(lexicon.LEX)


def test_the_unit_table_is_data_of_its_own():
    """The rule loader reads units (bounds, select: unit) without the word lists."""
    assert {"units_curated", "units_attached_only", "quantulum_junk"} <= set(units.TABLE)
    assert not set(units.TABLE) & set(lexicon.LEX)
    assert (units.CURATED["km"].si_unit, units.CURATED["km"].factor) == ("metre", 1000.0)


def test_a_phrase_of_the_lexicon_matches_any_run_of_spaces():
    assert alternation(["put the"]) == r"(?:(?=[p])put\s+the)"


@pytest.mark.parametrize(
    "name,short,si,factor",
    [("km", "km", "metre", 1e3), ("square miles", "square mile", "square metre", 2589988.110336)],
)
def test_the_curated_unit_table(name, short, si, factor):
    unit = units.CURATED[name]
    assert (unit.short, unit.si_unit) == (short, si)
    assert unit.factor == pytest.approx(factor)
    assert units.to_si(2.0, unit) == pytest.approx(2 * factor)


def _modules_after(statement: str) -> list[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return out.stdout.split()


@pytest.mark.parametrize("statement", ["import factcheck.rules", "import factcheck.vocab.units"])
def test_the_rules_and_the_vocabulary_import_no_extractor_and_no_quantulum3(statement):
    loaded = _modules_after(statement)
    assert not [m for m in loaded if m.startswith(("factcheck.extract", "quantulum3"))]


def test_the_rules_read_the_unit_table_without_parsing_the_word_lists():
    # `factcheck rules lint` starts without reading lexicon.yaml (about 20 ms of YAML)
    assert "factcheck.vocab.lexicon" not in _modules_after("import factcheck.rules")
