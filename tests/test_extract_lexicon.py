"""Every entry of the extractor's lexicon is read in a sentence, so none can be silently dead.

The test walks factcheck/vocab/lexicon.yaml section by section; each entry is put
in a news-style sentence and the extractor's output must show it was read.
A new row in the lexicon is covered here without a new test line; a section
the walk does not know fails `test_every_section_is_walked`. The frame sections
(about, role, speaker, time) are walked in test_extract_lexicon_frames.py.
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract, nouns
from factcheck.vocab import currencies, units
from factcheck.vocab.lexicon import LEX

# the other lexicon-walking test files: importing them records the sections they walk
from . import (  # noqa: F401
    test_extract_counts26,
    test_extract_durations,
    test_extract_lexicon_frames,
    test_extract_probe27,
    test_extract_ranges26,
    test_rules_select,
)
from .lexicon_walk import WALKED, walks

CLAIMS = ("count", "percent", "money", "measure", "duration", "age")


def claims(text: str, published: str | None = None):
    return [c for c in extract(text, "t.txt", published) if c.kind in CLAIMS]


def the_claim(text: str, published: str | None = None):
    found = claims(text, published)
    assert len(found) == 1, (text, [(c.text, c.kind, c.value) for c in found])
    return found[0]


def entries(section: str) -> list:
    """The entries of a section of the word lists (lexicon.yaml) or the unit table (units.yaml)."""
    value = LEX[section] if section in LEX else units.TABLE[section]
    return sorted(value.items()) if isinstance(value, dict) else sorted(value)


def ids(pairs) -> list[str]:
    return [str(p[0]) if isinstance(p, tuple) else str(p) for p in pairs]


# --- numbers -------------------------------------------------------------------------


@walks("number_words")
@pytest.mark.parametrize(
    "word,value",
    sorted({**LEX["number_words"]["small"], **LEX["number_words"]["tens"]}.items()),
)
def test_number_word(word, value):
    if value == 0:
        c = the_claim(f"The hospital reported {word} deaths on Sunday.")
        assert (c.value, c.noun) == (0, "deaths")
        return
    c = the_claim(f"Police said {word} people were arrested at the march.")
    assert (c.value, c.noun) == (value, "people")


@walks("scales", "big_words")
@pytest.mark.parametrize("word,factor", entries("scales"), ids=ids(entries("scales")))
def test_scale_after_a_figure(word, factor):
    sep = "" if len(word) <= 3 and word not in ("lac", "mil") else " "
    c = the_claim(f"The ministry set aside $3{sep}{word} for the new hospitals.")
    assert c.kind == "money"
    assert c.value == pytest.approx(3 * factor)


@walks("ordinals")
@pytest.mark.parametrize("word,rank", entries("ordinals"), ids=ids(entries("ordinals")))
def test_ordinal_word(word, rank):
    found = [
        c for c in extract(f"It is now the {word}-largest port in the region.") if c.kind == "rank"
    ]
    assert [c.value for c in found] == [rank]


@walks("fractions")
@pytest.mark.parametrize("word,denominator", entries("fractions"), ids=ids(entries("fractions")))
def test_fraction_word(word, denominator):
    numerator = "three" if word.endswith("s") else "one"
    c = the_claim(f"Nearly {numerator}-{word} of the voters stayed at home.")
    n = 3 if numerator == "three" else 1
    assert c.kind == "percent"
    assert c.value == pytest.approx(100 * n / denominator, abs=0.01)


@walks("fraction_ordinals")
@pytest.mark.parametrize(
    "word,denominator", entries("fraction_ordinals"), ids=ids(entries("fraction_ordinals"))
)
def test_fraction_ordinal(word, denominator):
    found = [c for c in extract(f"The test found three {word}s were faulty.") if c.kind == "number"]
    assert [c.value for c in found] == [pytest.approx(3 / denominator)]


@walks("vulgar_fractions")
@pytest.mark.parametrize("char,parts", entries("vulgar_fractions"))
def test_vulgar_fraction(char, parts):
    c = the_claim(f"The favourite won by 2{char} lengths at Ascot.")
    assert c.value == pytest.approx(2 + parts[0] / parts[1])


@walks("vague")
@pytest.mark.parametrize("word,bounds", entries("vague"), ids=ids(entries("vague")))
def test_vague_amount(word, bounds):
    c = the_claim(f"{word.capitalize()} of people fled the fighting.")
    assert (c.qualifier, c.low, c.high) == ("vague", *bounds)


# --- qualifiers ----------------------------------------------------------------------

QUALIFIERS = [(p, q) for q, ps in LEX["qualifiers"].items() for p in ps]


@walks("qualifiers")
@pytest.mark.parametrize("phrase,qualifier", QUALIFIERS, ids=[p for p, _ in QUALIFIERS])
def test_qualifier_before(phrase, qualifier):
    sep = "" if phrase == "~" else " "
    c = the_claim(f"Officials said {phrase}{sep}4,500 people attended the rally.")
    assert (c.value, c.qualifier) == (4500, qualifier)
    assert c.text.startswith(phrase)


@walks("qualifiers_after")
@pytest.mark.parametrize("phrase,qualifier", entries("qualifiers_after"))
def test_qualifier_after(phrase, qualifier):
    c = the_claim(f"Officials said 4,500 people {phrase} attended the rally.")
    assert (c.value, c.qualifier) == (4500, qualifier)
    assert c.text.endswith(phrase)


@walks("rising_qualifiers")
@pytest.mark.parametrize("word,qualifier", entries("rising_qualifiers"))
def test_rising_qualifier(word, qualifier):
    verb = "climbed past" if word == "past" else word
    c = the_claim(f"The death toll {verb} 2,000 on Monday, officials said.")
    assert (c.value, c.qualifier) == (2000, qualifier)


@walks("moved_up_to")
@pytest.mark.parametrize("verb", entries("moved_up_to"))
def test_a_figure_that_moved_up_to_is_not_a_bound(verb):
    c = the_claim(f"The provincial estimate {verb} up to 1,450 homes by Thursday.")
    assert (c.value, c.qualifier, c.high) == (1450, "exact", None)


@walks("moved_object_up_to")
@pytest.mark.parametrize("verb", entries("moved_object_up_to"))
def test_a_figure_an_object_was_moved_up_to_is_not_a_bound(verb):
    c = the_claim(f"The provincial authority {verb} its estimate of lost homes up to 1,450.")
    assert (c.value, c.qualifier, c.high) == (1450, "exact", None)
    c = the_claim(f"The operator {verb} fares by up to 1,450 rupees.")
    assert (c.value, c.qualifier) == (1450, "at_most")


@walks("rising_subjects")
@pytest.mark.parametrize("subject", entries("rising_subjects"))
def test_rising_subject(subject):
    c = the_claim(f"The {subject} passed 4,500 on Monday, the agency said.")
    assert (c.value, c.qualifier) == (4500, "more_than")


@walks("spaced_qualifiers_after")
@pytest.mark.parametrize("word,qualifier", entries("spaced_qualifiers_after"))
def test_spaced_qualifier_after(word, qualifier):
    c = the_claim(f"The crowd was put at 4,500 {word}, the organisers said.")
    assert (c.value, c.qualifier) == (4500, qualifier)
    assert c.text.endswith(word)


@walks("range_openers")
@pytest.mark.parametrize("phrase", entries("range_openers"))
def test_range_opener(phrase):
    c = the_claim(f"Officials put the crowd {phrase} 12,000 and 19,000 people.")
    assert (c.qualifier, c.low, c.high) == ("range", 12000, 19000)
    assert c.text.startswith(phrase)


@walks("hyphen_qualifiers")
@pytest.mark.parametrize("word,qualifier", entries("hyphen_qualifiers"))
def test_hyphen_qualifier(word, qualifier):
    c = the_claim(f"The 40-{word} passengers waited for hours.")
    assert (c.value, c.qualifier) == (40, qualifier)


# --- what is not a claim ---------------------------------------------------------------


@walks("identifier_words")
@pytest.mark.parametrize("word", entries("identifier_words"))
def test_identifier_word(word):
    for text in (
        f"Crews said {word.capitalize()} 12 reopened on Monday.",
        f"Crews at {word} 12 left.",
    ):
        assert [c.value for c in claims(text)] == [], text


@pytest.mark.parametrize(
    "text",
    [
        "The motorway was shut between junctions 10 and 11 for much of the day.",
        "Passengers at gates 14 and 15 waited as categories 3 and 4 were checked.",
        "Readers can text 85258 or dial 999 for help.",
    ],
)
def test_numbers_that_name_are_not_counts(text):
    assert claims(text) == []


@walks("abbreviations")
@pytest.mark.parametrize("word", entries("abbreviations"))
def test_abbreviation_does_not_end_a_sentence(word):
    text = f"They met {word.capitalize()}. Jones and 40 people from the town."
    assert the_claim(text).sentence == text


@walks("sentence_starters")
@pytest.mark.parametrize("word", entries("sentence_starters"))
def test_sentence_starter_after_initials(word):
    text = f"Aid came from the U.S. {word.capitalize()} 40 trucks were sent."
    c = [c for c in claims(text) if c.value == 40][0]
    assert c.sentence.startswith(word.capitalize())


@walks("score_words_before")
@pytest.mark.parametrize("word", entries("score_words_before"))
def test_score_word_before_a_tally(word):
    assert claims(f"The home side {word} 7-9 on Sunday night.") == []


@walks("score_words_after")
@pytest.mark.parametrize("word", entries("score_words_after"))
def test_score_word_after_a_tally(word):
    assert claims(f"It ended in a 7-9 {word} for the visitors.") == []


@walks("age_group_nouns")
@pytest.mark.parametrize("word", entries("age_group_nouns"))
def test_age_bracket(word):
    assert claims(f"The vaccine is offered to {word} over 65 in the city.") == []


@walks("street_types")
@pytest.mark.parametrize("word", entries("street_types"))
def test_street_address(word):
    assert claims(f"The office at 25 Baker {word} was closed on Monday.") == []


@walks("time_shift_words")
@pytest.mark.parametrize("word", entries("time_shift_words"))
def test_time_shift(word):
    assert claims(f"The plant said it would close three years {word}.") == []


@walks("weather_words")
@pytest.mark.parametrize("word", entries("weather_words"))
def test_weather_word_makes_a_letter_a_temperature(word):
    c = the_claim(f"Reports of {word} in the valley put it at 30C on Friday.")
    assert (c.value, c.dimension) == (30, "temperature")


# --- money ---------------------------------------------------------------------------


@walks("currency_symbols")
@pytest.mark.parametrize("symbol,code", entries("currency_symbols"))
def test_currency_symbol(symbol, code):
    c = the_claim(f"The ticket cost {symbol}40 at the gate.")
    assert (c.kind, c.value, c.unit) == ("money", 40, code)


@walks("dollar_prefixes")
@pytest.mark.parametrize("prefix,code", entries("dollar_prefixes"))
def test_dollar_prefix(prefix, code):
    written = prefix.upper() if len(prefix) <= 3 or "." in prefix else prefix.capitalize()
    c = the_claim(f"The bank lent {written}$40 million to the port.")
    assert (c.kind, c.value, c.unit) == ("money", 40e6, code)


@walks("dollar_suffixes")
@pytest.mark.parametrize("suffix,code", entries("dollar_suffixes"))
def test_dollar_suffix(suffix, code):
    c = the_claim(f"The bank lent ${suffix} 40 million to the port.")
    assert (c.kind, c.value, c.unit) == ("money", 40e6, code)


@walks("price_denominators")
@pytest.mark.parametrize("written,label", entries("price_denominators"))
def test_price_denominator(written, label):
    c = the_claim(f"Growers were paid €12.50 per {written} at the market.")
    assert (c.kind, c.value, c.unit, c.si_unit) == ("money", 12.5, f"EUR/{label}", f"EUR/{label}")


CODES = [(c, currencies.code_for(c)) for c in LEX["safe_codes"]] + [
    (c, c) for c in LEX["upper_codes"]
]


@walks("safe_codes", "upper_codes", "code_aliases")
@pytest.mark.parametrize("written,code", CODES, ids=[c for c, _ in CODES])
def test_currency_code(written, code):
    c = the_claim(f"The fund raised {written.upper()} 40 million last year.")
    assert (c.kind, c.value, c.unit) == ("money", 40e6, LEX["code_aliases"].get(written, code))


@walks("word_prefixes")
@pytest.mark.parametrize("word,code", entries("word_prefixes"))
def test_word_prefix(word, code):
    written = word if word[0].isalpha() and not word.isascii() else word.capitalize()
    c = the_claim(f"Farmers were paid {written} 400 a month.")
    assert (c.kind, c.value, c.unit) == ("money", 400, code)


NAMES = [
    (form, adj, code)
    for form, name in sorted(currencies.CURRENCY_FORMS.items())
    for adj, code in [("", LEX["currency_names"][name]["code"])]
    + sorted(LEX["currency_names"][name]["adjectives"].items())
]


@walks("currency_names", "invariant_names")
@pytest.mark.parametrize("form,adjective,code", NAMES)
def test_currency_name(form, adjective, code):
    adj = " ".join(w.capitalize() for w in adjective.split()) + " " if adjective else ""
    c = the_claim(f"The deal was worth 40 million {adj}{form}, the ministry said.")
    assert c.kind == "money"
    assert c.unit == code if form not in ("satoshi", "satoshis") else c.unit == "satoshi"


@walks("guarded_names")
@pytest.mark.parametrize("name", entries("guarded_names"))
def test_guarded_name_is_a_word_when_small(name):
    assert not [c for c in claims(f"Only 5 {name} trucks came back.") if c.kind == "money"]
    c = the_claim(f"The club paid 5 million {name}s for the striker.")
    assert c.kind == "money" or name in currencies.INVARIANT_NAMES


@walks("subunits")
@pytest.mark.parametrize("word,spec", entries("subunits"))
def test_subunit(word, spec):
    sep = "" if word in ("p", "¢") else " "
    c = the_claim(f"A loaf now costs 40{sep}{word} more than last year.")
    assert (c.kind, c.unit) == ("money", spec["label"])
    assert c.si_value == pytest.approx(40 * spec["fraction"])


@walks("subunit_prefixes")
@pytest.mark.parametrize("prefix,code", entries("subunit_prefixes"))
def test_subunit_prefix_names_the_currency(prefix, code):
    c = the_claim(f"Earnings came to 1,031 {prefix} cents a share in the quarter.")
    assert (c.kind, c.value, c.unit, c.si_unit) == ("money", 1031, "cent", code)


# --- dates -----------------------------------------------------------------------------


@walks("months", "ambiguous_months")
@pytest.mark.parametrize("word,month", entries("months"))
def test_month(word, month):
    found = [
        c for c in extract(f"The talks ended on 5 {word.capitalize()} 2019.") if c.kind == "date"
    ]
    assert [c.time for c in found] == [f"2019-{month:02d}-05"]


@walks("year_cues")
@pytest.mark.parametrize("word", entries("year_cues"))
def test_year_cue(word):
    found = extract(f"Reports said that {word} 1900 homes were built.")
    assert [c.kind for c in found if c.value == 1900] == ["date"]


@walks("relative_years")
@pytest.mark.parametrize("phrase,shift", entries("relative_years"))
def test_relative_year(phrase, shift):
    c = the_claim(f"The company sold 40,000 cars {phrase}.", published="2020-06-01")
    assert c.time == str(2020 + shift)


# --- units ---------------------------------------------------------------------------

UNIT_FORMS = [
    (form, unit.short) for form, unit in sorted(units.CURATED.items()) if unit.short != "magnitude"
]


@walks("units_spaced_lowercase")
@pytest.mark.parametrize("form", entries("units_spaced_lowercase"))
def test_a_spaced_lowercase_unit(form):
    c = the_claim(f"The blaze spread across approximately 59,000 {form} of scrub.")
    assert (c.kind, c.value, c.unit) == ("measure", 59000, units.CURATED[form].short)
    capital = claims(f"Around 3 {form.capitalize()} Long cruises left port.")
    assert all(c.kind != "measure" for c in capital)


@walks("rate_base_before")
@pytest.mark.parametrize("words", entries("rate_base_before"))
def test_the_base_of_a_rate_is_no_count(words):
    assert [c.value for c in claims(f"Deaths ran at 7 {words} 100,000 people.")] == []


@walks("units_lowercase_only")
@pytest.mark.parametrize("form", entries("units_lowercase_only"))
def test_a_unit_only_in_lower_case(form):
    assert the_claim(f"Each bar holds 35{form} of sugar.").unit == units.CURATED[form].short
    upper = claims(f"The 5{form.upper()} network reached 1,800 towns.")
    assert [(c.value, c.unit) for c in upper] == [(1800, None)]


@walks("squared_units")
@pytest.mark.parametrize("short,square", entries("squared_units"))
def test_a_spaced_two_after_a_length_is_its_square(short, square):
    form = {"mile": "miles", "foot": "feet"}.get(short, short)
    sep = "" if form in units.ATTACHED_ONLY else " "
    c = the_claim(f"The reserve covers 1,280{sep}{form} 2 (officials said) of the Ōtaki valley.")
    assert (c.value, c.unit, c.text) == (1280, units.CURATED[square].short, f"1,280{sep}{form} 2")


@walks("units_curated", "units_attached_only", "units_attached_lowercase")
@pytest.mark.parametrize("form,short", UNIT_FORMS, ids=[f for f, _ in UNIT_FORMS])
def test_unit_form(form, short):
    attached = units.ATTACHED_ONLY | units.ATTACHED_LOWERCASE
    sep = "" if form in attached or not form[0].isalpha() else " "
    frame = "Temperatures" if units.CURATED[form].dimension == "temperature" else "The survey"
    frame = "The wall survey" if form == "m" else frame  # a bare "37m" is millions or metres
    c = the_claim(f"{frame} recorded 37{sep}{form} at the site.")
    assert (c.value, c.unit) == (37, short)


@walks("metre_cues")
@pytest.mark.parametrize("word", entries("metre_cues"))
def test_a_word_of_length_makes_an_attached_m_metres(word):
    c = the_claim(f"Surveyors said the {word} was 37m, Ōtaki officials added.")
    assert (c.value, c.unit) == (37, "m")
    assert claims("Surveyors said the total was 37m, Ōtaki officials added.") == []


@walks("metre_cues_after")
@pytest.mark.parametrize("word", entries("metre_cues_after"))
def test_a_word_of_extent_after_an_attached_m_makes_it_metres(word):
    c = the_claim(f"Surveyors said the gap was 37m {word}, Ōtaki officials added.")
    assert (c.value, c.unit) == (37, "m")
    assert claims(f"Surveyors said the {word} total was 37m, Ōtaki officials added.") == []


@walks("units_in_doubt")
@pytest.mark.parametrize(
    "form,word", [(f, w) for f, words in entries("units_in_doubt") for w in sorted(words)]
)
def test_a_unit_in_doubt_beside_a_word_of_another_unit(form, word):
    assert the_claim(f"Officials in Ōtaki said the gap was 12{form}.").unit == form
    found = claims(f"Officials in Ōtaki said the {word} gap was 12{form}.")
    assert [c for c in found if c.unit == form] == []


@walks("quantulum_junk")
@pytest.mark.parametrize("word", entries("quantulum_junk"))
def test_quantulum_junk_is_not_a_unit(word):
    found = claims(f"They found 37 {word} near the river.")
    assert not [c for c in found if c.kind == "measure" and c.unit == word]


# --- counted nouns -----------------------------------------------------------------------


@walks("person_nouns")
@pytest.mark.parametrize("word", entries("person_nouns"))
def test_small_spelled_count_of_people(word):
    c = the_claim(f"Witnesses said three {word} were taken away.")
    assert c.value == 3
    assert c.noun in (word, nouns.IMPLIED_BY_VERB.get(word))  # "three killed": the dead


@walks("irregular_plurals")
@pytest.mark.parametrize("word", entries("irregular_plurals"))
def test_irregular_plural_is_a_counted_noun(word):
    assert nouns.is_plural(word)
    assert nouns.noun_after(f" {word} arrived", 0, 100)[0] == word


@walks("person_singular")
@pytest.mark.parametrize("word", entries("person_singular"))
def test_person_in_apposition_is_an_age(word):
    text = f"The {word}, 62, said the plan would fail."
    assert [(c.text, c.kind, c.value) for c in extract(text, "t.txt")] == [("62", "age", 62)]


@walks("implied_by_verb")
@pytest.mark.parametrize("verb,noun", entries("implied_by_verb"))
def test_implied_noun(verb, noun):
    c = the_claim(f"In the attack, 14 were {verb}, officials said.")
    assert c.noun == noun


@walks("implied_by_verb_between")
@pytest.mark.parametrize("words", entries("implied_by_verb_between"))
def test_words_between_a_count_and_its_participle(words):
    alone = {"were", "was", "are", "is", "have", "has", "had", "remain", "remained", "still"}
    between = {"been": "have been", "being": "are still being"}.get(
        words, words if words in alone else f"were {words}"
    )
    c = the_claim(f"After the landslide in the valley, 47 {between} missing.")
    assert c.noun == "missing"


@walks("not_counted_nouns")
@pytest.mark.parametrize("noun", entries("not_counted_nouns"))
def test_a_source_noun_is_never_what_an_elided_count_counts(noun):
    text = f"About 4,200 families fled the valley. The {noun} put the total at 12,500 on Monday."
    counts = {c.text: c.noun for c in claims(text)}
    assert counts == {"About 4,200 families": "families", "12,500": None}


@walks("death_counts")
@pytest.mark.parametrize("phrase", entries("death_counts"))
def test_a_death_count_names_what_its_figure_counts(phrase):
    c = the_claim(f"The {phrase} from the floods in three provinces climbed to 1,066 on Monday.")
    assert (c.value, c.noun) == (1066, "dead")


@walks("noun_stop_words", "verbs")
@pytest.mark.parametrize("word", sorted(set(LEX["noun_stop_words"]) | set(LEX["verbs"])))
def test_word_ends_a_noun_phrase(word):
    found = nouns.noun_after(f" troops {word} x", 0, 100)
    assert found is not None and found[0] == "troops"


@walks("adjectives_ed", "adjectives_ing")
@pytest.mark.parametrize(
    "word",
    sorted((set(LEX["adjectives_ed"]) | set(LEX["adjectives_ing"])) - nouns.IRREGULAR_PLURALS),
)
def test_participle_adjective_stays_in_the_noun_phrase(word):
    found = nouns.noun_after(f" {word} troops", 0, 100)
    assert found is not None and found[0].endswith(f"{word} troops")


@walks("money_nouns")
@pytest.mark.parametrize("noun", entries("money_nouns"))
def test_a_money_noun_without_a_currency_is_no_count(noun):
    found = {c.text: c.kind for c in claims(f"The board reported a 2.4 billion {noun} for 2025.")}
    assert found == {}
    named = {c.text: c.kind for c in claims(f"The board reported a $2.4 billion {noun} for 2025.")}
    assert named == {"$2.4 billion": "money"}


ELDER = "Rescuers moved 4,200 residents from the flooded valley on Sunday."


@walks("subject_determiners")
@pytest.mark.parametrize("det", entries("subject_determiners"))
def test_a_sentence_naming_its_own_subject_borrows_no_noun(det):
    counts = {c.text: c.noun for c in claims(f"{ELDER} Police put {det} crowd at 12,500.")}
    assert counts == {"4,200 residents": "residents", "12,500": None}


@walks("subject_prepositions")
@pytest.mark.parametrize("prep", entries("subject_prepositions"))
def test_a_place_or_time_phrase_is_no_subject(prep):
    later = f"{prep.capitalize()} the capital, another 1,300 were moved."
    counts = {c.text: c.noun for c in claims(f"{ELDER} {later}")}
    assert counts == {"4,200 residents": "residents", "1,300": "residents"}


@walks("not_subject_words")
@pytest.mark.parametrize("word", entries("not_subject_words"))
def test_an_amount_word_after_a_determiner_is_no_subject(word):
    article = "An" if word[0] in "aeiou" else "A"
    counts = {c.value: c.noun for c in claims(f"{ELDER} {article} {word} 1,300 were moved.")}
    assert counts == {4200: "residents", 1300: "residents"}


@walks("telling_verbs")
@pytest.mark.parametrize("verb", entries("telling_verbs"))
def test_a_plural_that_tells_is_no_subject(verb):
    # ("estimated 1,300" is also an estimate: the values say which noun each count has)
    counts = {c.value: c.noun for c in claims(f"{ELDER} Officials {verb} 1,300 more.")}
    assert counts == {4200: "residents", 1300: "residents"}, counts
    counts = {c.value: c.noun for c in claims(f"{ELDER} Shelters took 1,300.")}
    assert counts == {4200: "residents", 1300: None}, counts


@walks("over_lasting_words")
@pytest.mark.parametrize("word", entries("over_lasting_words"))
def test_over_after_a_word_of_lasting_is_more_than(word):
    found = {c.text: c.qualifier for c in claims(f"The 2,400 miners {word} over 36 hours.")}
    assert found.get("over 36 hours") == "more_than", found


@walks("tenor_instruments")
@pytest.mark.parametrize("word", entries("tenor_instruments"))
def test_a_term_that_names_an_instrument_is_no_duration(word):
    found = {c.text: c.kind for c in claims(f"The 10-year {word} moved after a 25-year lease.")}
    assert found == {"25-year": "duration"}


def test_every_section_is_walked():
    walked = set(WALKED)
    assert set(LEX) | set(units.TABLE) == walked
