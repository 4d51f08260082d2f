"""select.about, head first: a figure that counts a thing of its own is selected by its
own words; one that counts people, cases or nothing by its clause's words too."""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.rules import why_not
from factcheck.rules.load import load_rules_text
from factcheck.rules.select import open_head
from factcheck.vocab.lexicon import LEX

from .lexicon_walk import walks


def rule(about: list[str], nouns: list[str] | None = None):
    select = f"      kind: count\n      about: {about}\n"
    if nouns:
        select += f"      nouns: {nouns}\n"
    text = f"rules:\n  - id: fact\n    title: A fact\n    select:\n{select}"
    return load_rules_text(text, "rules.yaml")[0]


def figure(sentence: str, starts: str):
    return next(c for c in extract(sentence, "a.txt") if c.text.startswith(starts))


def figure_of(sentence: str, value: float):
    return next(c for c in extract(sentence, "a.txt") if c.value == value)


CASES = [
    # (sentence, the figure, about, nouns, selected)
    ("Thousands of teachers from 9 provinces marched on the capital on Monday.", "9",
     ["marched"], None, False),
    ("Thousands of teachers from 9 provinces marched on the capital on Monday.", "9",
     ["provinces"], None, True),
    ("Some 4,300 teachers from nine provinces marched on the capital on Monday.", "Some 4,300",
     ["marched"], None, True),
    ("At least 38 people were killed and 120 injured when the bus overturned near Kasaragod.",
     "At least 38", ["killed"], None, True),
    ("Engineers inspected 5,000 buildings and found 2,400 of them damaged by the tremor.",
     "2,400", ["damaged"], None, True),
    ("About 2,400 buildings were damaged, according to the engineers' first inspections.",
     "About 2,400", ["damaged"], None, True),
    ("Residents of 36 villages were evacuated as the Mahanadi burst its banks.", "36",
     ["evacuated"], None, False),
    ("Residents of 36 villages were evacuated as the Mahanadi burst its banks.", "36",
     ["evacuated"], ["villages"], True),
    ("Residents of 36 villages were evacuated as the Mahanadi burst its banks.", "36",
     ["villages", "evacuated"], None, True),
    ("About 2,150 mourners attended the funeral in Ciudad Bolívar on Thursday afternoon.",
     "About 2,150", ["attended"], None, True),
    ("Rations were handed out to evacuated families in 310 shelters across the state.", "310",
     ["evacuated"], None, False),
    ("Rations were handed out to evacuated families among 4,000 residents of the island.",
     "4,000", ["evacuated"], None, True),
    ("The death toll from the landslide rose to 1,047 on Wednesday, officials said.", "1,047",
     ["landslide"], None, True),
    ("Police said 57 people had been arrested and that 19 of them had been charged.", "19",
     ["charged"], None, True),
    ("The storm damaged 4,800 vehicles parked along the coast road, insurers estimated.",
     "4,800", ["storm"], None, True),
    ("Farmers in 212 villages across the district joined the protest against the new tax.",
     "212", ["protest"], None, False),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "starts", "about", "nouns", "selected"), CASES)
def test_about_reads_the_head_first(sentence, starts, about, nouns, selected):
    why = why_not(rule(about, nouns), figure(sentence, starts))
    assert (why is None) == selected, why


def test_the_reason_names_the_head_and_its_own_words():
    c = figure(CASES[0][0], "9")
    why = why_not(rule(["marched"]), c)
    assert why == (
        "it counts provinces in a phrase of its own, and its own words '9 provinces' "
        "have none of marched"
    )


@walks("open_heads")
@pytest.mark.parametrize("noun", LEX["open_heads"])
def test_an_open_head_lets_the_clause_select(noun):
    assert open_head(noun)
    c = figure(f"Officials said 1,350 {noun} were reported across the region by Friday.", "1,350")
    assert why_not(rule(["region"]), c) is None


@walks("head_prepositions", "head_determiners")
@pytest.mark.parametrize("preposition", LEX["head_prepositions"])
@pytest.mark.parametrize("determiner", ["", *LEX["head_determiners"]])
def test_a_thing_in_a_phrase_is_not_what_the_clause_is_about(preposition, determiner):
    said = f"Crews were sent {preposition} {determiner} 14 depots, the operator said."
    c = figure_of(" ".join(said.split()), 14)
    assert why_not(rule(["crews"]), c) is not None
    assert why_not(rule(["depots"]), c) is None


@walks("open_head_endings")
@pytest.mark.parametrize("ending", LEX["open_head_endings"])
def test_a_person_ending_opens_the_head(ending):
    assert open_head(f"campaign{ending}")


@walks("thing_heads")
@pytest.mark.parametrize("noun", LEX["thing_heads"])
def test_a_thing_that_ends_like_a_person_is_a_head_of_its_own(noun):
    assert not open_head(noun)
