"""The lexicon walk, continued: every entry of the frame sections of factcheck/vocab/lexicon.yaml
(what a figure is about, its role, its speaker, its time) is read in a sentence.

`test_extract_lexicon.test_every_section_is_walked` counts the sections walked here too.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract import clauses, extract, frames
from factcheck.vocab.lexicon import LEX

from .lexicon_walk import walks


def figures(text: str, published: str | None = None):
    return [c for c in extract(text, "t.txt", published) if c.kind not in ("date", "rank")]


def the_figure(text: str, published: str | None = None):
    found = figures(text, published)
    assert len(found) == 1, (text, [c.text for c in found])
    return found[0]


def the_figure_at(text: str, start: str, published: str | None = None):
    return next(c for c in figures(text, published) if c.text.startswith(start))


@walks("event_nouns")
@pytest.mark.parametrize("noun", LEX["event_nouns"])
def test_a_date_before_an_event_noun_is_no_time_of_the_figure(noun):
    c = the_figure(f"Officials said 7,300 people died in the October 8 {noun}.", "2005-11-03")
    assert (c.time, c.time_source) == ("2005-11-03", "published")


@walks("attribution_verbs")
@pytest.mark.parametrize("verb", LEX["attribution_verbs"])
def test_an_attribution_verb_names_the_speaker(verb):
    assert the_figure(f"Police {verb} that 5,200 people marched.").speaker == "Police"


@walks("claimed_objects")
@pytest.mark.parametrize("words", LEX["claimed_objects"])
def test_claimed_with_lives_names_no_speaker(words):
    assert the_figure(f"The storm claimed {words} of 12 villagers.").speaker is None


@walks("attribution_owners")
@pytest.mark.parametrize("noun", LEX["attribution_owners"])
def test_the_owner_of_a_figure_is_its_speaker(noun):
    c = the_figure(f"The toll stood at 5,200, by the agency's own {noun}.")
    assert c.speaker == "the agency"


@walks("clause_openers")
@pytest.mark.parametrize("opener", LEX["clause_openers"])
def test_a_comma_before_a_clause_opener_starts_a_clause(opener):
    sentence = f"Rescuers found 5,200 tents in the camp, {opener} 300 trucks waited nearby."
    cut = clauses.CLAUSE_RE.search(sentence)
    assert cut is not None and sentence[cut.start()] == ","
    assert clauses.OPENER_RE.match(sentence, cut.end()).group(0).strip() == opener


@walks("fronted_openers")
@pytest.mark.parametrize("opener", LEX["fronted_openers"])
def test_a_fronted_phrase_comes_before_the_speaker(opener):
    text = f"{opener.capitalize()} the storm, police said 5,200 people fled."
    assert the_figure_at(text, "5,200").speaker == "police"


@walks("previous_before")
@pytest.mark.parametrize("words", LEX["previous_before"])
def test_an_earlier_figure_after_a_previous_cue(words):
    found = figures(f"The toll reached 5,200, {words} 4,100.")
    assert [c.role for c in found] == ["value", "previous"]


@walks("previous_adjectives", "previous_nouns")
@pytest.mark.parametrize(
    "adjective,noun",
    [(a, "count") for a in LEX["previous_adjectives"]]
    + [("earlier", n) for n in LEX["previous_nouns"]],
)
def test_an_earlier_figure_named_as_one(adjective, noun):
    found = figures(f"The toll reached 5,200, above its {adjective} {noun} of 4,100.")
    assert [c.role for c in found] == ["value", "previous"]


@walks("change_verbs", "change_acts")
@pytest.mark.parametrize("verb", LEX["change_verbs"] + LEX["change_acts"])
def test_a_change_verb_with_by_makes_a_change(verb):
    assert the_figure(f"The number of refugees {verb} by 5,200.").role == "change"


@pytest.mark.parametrize("verb", [v for v in LEX["change_verbs"] if v not in ("up", "down")])
def test_a_percent_right_after_a_verb_of_a_moving_figure_is_a_change(verb):
    # "Prices plunged 12%": the figure moved by 12%, it is not the level it moved to
    assert the_figure(f"Wholesale prices in the northern provinces {verb} 12.5%.").role == "change"


@pytest.mark.parametrize("verb", LEX["change_acts"])
def test_a_sum_after_a_verb_that_acts_on_it_is_what_was_acted_on(verb):
    # "The appeal raised $5 million": the money raised, not a change of some level
    assert the_figure(f"The Kessin appeal {verb} $4,250,000 this week.").role == "value"


@pytest.mark.parametrize("verb", LEX["change_verbs"] + LEX["change_acts"])
def test_the_change_verbs_are_one_list_for_ranges_too(verb):
    # "rose 5 percent to 10 percent" is a change of 5 and a level of 10, never a range
    found = figures(f"Its market share {verb} 4.5 percent to 11 percent in 2025.")
    assert [c.qualifier for c in found] == ["exact", "exact"], [c.text for c in found]


@walks("change_nouns")
@pytest.mark.parametrize("noun", LEX["change_nouns"])
def test_a_change_noun_with_of_makes_a_change(noun):
    assert the_figure(f"Officials reported an {noun} of 5,200 refugees.").role == "change"


@walks("change_after")
@pytest.mark.parametrize("word", LEX["change_after"])
def test_a_comparative_after_the_figure_makes_a_change(word):
    assert the_figure(f"Fares were 5% {word} than last year.").role == "change"


@walks("projection_before")
@pytest.mark.parametrize("words", LEX["projection_before"])
def test_a_figure_that_may_come_is_a_projection(words):
    assert the_figure(f"The toll {words} reach 5,200.").role == "projection"


@walks("limit_before")
@pytest.mark.parametrize("words", LEX["limit_before"])
def test_a_figure_allowed_or_planned_is_a_limit(words):
    assert the_figure(f"The stadium has {words} 5,200 fans.").role == "limit"


@walks("limit_after")
@pytest.mark.parametrize("noun", LEX["limit_after"])
def test_a_limit_noun_after_the_figure(noun):
    assert the_figure(f"The $5 billion {noun} was met.").role == "limit"


@walks("limit_after_near")
@pytest.mark.parametrize("word", LEX["limit_after_near"])
def test_a_limit_word_a_few_words_after_the_figure(word):
    assert the_figure(f"There were 5,200 for whom {word} had been granted.").role == "limit"


@walks("casualty_words")
@pytest.mark.parametrize("word", LEX["casualty_words"])
def test_a_casualty_word_makes_the_figure_about_the_dead(word):
    assert "dead" in the_figure(f"The {word} reached 5,200 on Sunday.").about.split()


@walks("stopwords")
@pytest.mark.parametrize("word", LEX["stopwords"])
def test_a_stopword_is_no_part_of_what_a_figure_is_about(word):
    c = the_figure_at(f"Officials counted 5,200 tents {word} the camp.", "5,200")
    assert word not in c.about.split()
    assert frames._content(f"tents {word} camp") == ["tents", "camp"]  # a number word too


@pytest.mark.parametrize(
    "sentence,roles",
    [
        ("Retail sales at Orvane's 1,240 shops soared by 40% in the year to March.", ["change"]),
        (
            "Wholesale onion prices in Pune plunged 12 per cent on Tuesday, traders said.",
            ["change"],
        ),
        ("The Kessa index sank 3.2%, or 214.6 points, to 6,480.15 on Friday.", None),
        ("Exports edged up 0.4% to €2.1 billion, the statistics office said.", ["change", "value"]),
        ("The charity's winter appeal has raised £1.35 million since Monday.", ["value"]),
        ("Turnout was up to 62% in the northern districts.", ["value"]),
    ],
)
def test_moving_figures_in_news_sentences(sentence, roles):
    found = [c for c in figures(sentence) if c.kind in ("percent", "money")]
    if roles is None:  # the first figure after the verb is the change
        assert found[0].role == "change"
    else:
        assert [c.role for c in found] == roles, [(c.text, c.role) for c in found]


# -- the words of `factcheck suggest` (factcheck/rules/suggest.py) -----------------------


@walks("suggest_subjects")
@pytest.mark.parametrize(("word", "subject"), sorted(LEX["suggest_subjects"].items()))
def test_each_suggest_word_names_its_subject(word, subject):
    from factcheck.rules.suggest import subject_of

    assert subject_of(f"figure {word} reported") == subject


@walks("suggest_generic_nouns")
@pytest.mark.parametrize("noun", LEX["suggest_generic_nouns"])
def test_a_count_of_a_generic_noun_needs_a_subject(noun):
    from factcheck.rules.suggest import key_of
    from tests.helpers import claim

    assert key_of(claim(noun=noun, about=f"{noun} village square"), {}) is None
    assert key_of(claim(noun=noun, about=f"{noun} injured"), {}).subject == "injured"


@walks("suggest_status", "suggest_rising")
@pytest.mark.parametrize("subject", sorted(set(LEX["suggest_status"]) | set(LEX["suggest_rising"])))
def test_status_and_rising_subjects_are_subjects(subject):
    assert subject in set(LEX["suggest_subjects"].values())


@walks("suggest_same_nouns")
@pytest.mark.parametrize(("noun", "same"), sorted(LEX["suggest_same_nouns"].items()))
def test_nouns_that_name_the_same_thing(noun, same):
    from factcheck.rules.suggest import key_of
    from tests.helpers import claim

    assert key_of(claim(noun=f"1,500 {noun}", about=f"{noun} helping"), {}).noun == same


@walks("suggest_parties")
@pytest.mark.parametrize(("word", "party"), sorted(LEX["suggest_parties"].items()))
def test_a_speaker_names_its_party(word, party):
    from factcheck.rules.suggest import party_of
    from tests.helpers import claim

    assert party_of(claim(speaker=f"a spokesman for the {word.title()}")) == party


@walks("estimate_verbs")
@pytest.mark.parametrize("verb", LEX["estimate_verbs"])
def test_a_party_that_moves_its_own_figure_gives_it(verb):
    c = the_figure(f"The interior ministry {verb} its estimate of the missing to 4,700.")
    assert c.speaker == "The interior ministry"


PRONOUN_OF = {"person": "She", "body": "It", "group": "They"}


@walks("party_nouns")
@pytest.mark.parametrize(
    "kind, noun", [(kind, noun) for kind, nouns in LEX["party_nouns"].items() for noun in nouns]
)
def test_a_pronoun_in_the_next_sentence_stands_for_the_party(kind, noun):
    text = (
        f"The {noun} visited the flooded camp on Friday. "
        f"{PRONOUN_OF[kind]} said 4,700 people were there."
    )
    assert the_figure(text).speaker == f"The {noun}"


@walks("speaker_time_words")
@pytest.mark.parametrize("word", LEX["speaker_time_words"])
def test_when_a_party_spoke_is_no_part_of_it(word):
    assert the_figure(f"Police {word} said 4,700 people fled the district.").speaker == "Police"


@walks("retold_verbs")
@pytest.mark.parametrize("verb", LEX["retold_verbs"])
def test_a_figure_someone_had_given_is_an_earlier_one(verb):
    at = " at" if verb.startswith("put the") else ""
    assert the_figure(f"The agency had {verb}{at} 4,700 dead.").role == "previous"


@walks("retold_adverbs")
@pytest.mark.parametrize("adverb", LEX["retold_adverbs"])
def test_an_adverb_of_the_past_makes_a_reported_figure_an_earlier_one(adverb):
    assert the_figure(f"Officials {adverb} reported 4,700 dead.").role == "previous"
    assert the_figure(f"The agency had {adverb} reported 4,700 dead.").role == "previous"


# the day and hour of a figure (factcheck/extract/day_time.py): the article is of
# Thursday, March 5, 2026
THU = "2026-03-05"


@walks("weekdays")
@pytest.mark.parametrize("day", LEX["weekdays"])
def test_a_weekday_is_the_latest_such_day_on_or_before_publication(day):
    c = the_figure(f"On {day.title()}, the council said 1,250 homes were flooded.", THU)
    back = (3 - LEX["weekdays"][day]) % 7  # Thursday is weekday 3
    if back == 0:
        assert (c.time, c.time_source) == (THU, "published")
    else:
        expected = dt.date(2026, 3, 5) - dt.timedelta(days=back)
        assert (c.time, c.time_source) == (expected.isoformat(), "text")


@walks("relative_days")
@pytest.mark.parametrize("words", LEX["relative_days"])
def test_a_relative_day_counts_from_publication(words):
    c = the_figure(f"{words.capitalize()} the council said 1,250 homes were flooded.", THU)
    day = f"2026-03-{5 + LEX['relative_days'][words]:02d}"
    hour = LEX["times_of_day"].get(words.split()[-1])
    expected = (f"{day}T{hour}", "text") if hour else (day, "text")
    assert (c.time, c.time_source) == (expected if expected[0] != THU else (THU, "published"))


@walks("times_of_day", "hour_words")
@pytest.mark.parametrize("word", LEX["times_of_day"])
def test_a_time_of_day_stands_for_its_fixed_hour(word):
    if word in LEX["hour_words"]:
        text = f"By {word} the council said 1,250 homes were flooded."
    elif word in LEX["relative_days"]:
        text = f"{word.capitalize()} the council said 1,250 homes were flooded."
    else:
        text = f"On Thursday {word} the council said 1,250 homes were flooded."
    c = the_figure(text, THU)
    assert (c.time, c.time_source) == (f"{THU}T{LEX['times_of_day'][word]}", "text")


@walks("future_day_words")
@pytest.mark.parametrize("words", LEX["future_day_words"])
def test_a_day_to_come_is_no_time_of_the_figure(words):
    c = the_figure(f"{words.capitalize()} Monday, 1,250 homes face inspection.", THU)
    assert (c.time, c.time_source) == (THU, "published")


@walks("future_words")
@pytest.mark.parametrize("words", LEX["future_words"])
def test_a_planned_day_is_no_time_of_the_figure(words):
    c = the_figure(f"The agency {words} 1,250 inspections on Tuesday.", THU)
    assert (c.time, c.time_source) == (THU, "published")


@walks("own_clause_openers")
@pytest.mark.parametrize("opener", LEX["own_clause_openers"])
def test_a_date_in_a_relative_clause_is_its_own(opener):
    c = the_figure(f"The depot, {opener} the army built in 1975, stores 1,250 tents.", THU)
    assert (c.time, c.time_source) == (THU, "published")


@walks("founding_verbs")
@pytest.mark.parametrize("verb", LEX["founding_verbs"])
def test_a_founding_date_dates_no_later_figure(verb):
    c = the_figure(f"The depot was {verb} in 1975 and now stores 1,250 tents.", THU)
    assert (c.time, c.time_source) == (THU, "published")
    c = the_figure(f"The depot was {verb} in 1975 with 1,250 tents.", THU)
    assert (c.time, c.time_source) == ("1975", "text")


@walks("present_time_words")
@pytest.mark.parametrize("word", LEX["present_time_words"])
def test_a_figure_said_to_hold_now_is_not_dated_by_another_phrase(word):
    text = (
        f"The garrison holds 1,250 soldiers {word}, far fewer than the 17,400 it held "
        "at the height of the 2007 surge."
    )
    found = {c.text.split()[-1]: (c.time, c.time_source) for c in figures(text, THU)}
    assert found["soldiers"] == (THU, "published")
    assert found["17,400"] == ("2007", "text")


@walks("relative_months")
@pytest.mark.parametrize("words", LEX["relative_months"])
def test_a_relative_month_is_a_month_before_publication(words):
    shift = LEX["relative_months"][words]
    c = the_figure(f"Exports totalled $41.3 billion {words}.", THU)
    assert (c.time, c.time_source) == (f"2026-{3 + shift:02d}", "text")


@walks("earlier_units")
@pytest.mark.parametrize("unit", LEX["earlier_units"])
def test_an_earlier_phrase_counts_back_from_the_figure_before(unit):
    kind, step = LEX["earlier_units"][unit]
    count = "two" if unit.endswith("s") else "a"
    c = the_figure_at(
        f"Rainfall reached 212mm on March 3, 2025, against 180mm {count} {unit} earlier.",
        "180mm",
        THU,
    )
    n = step * (2 if count == "two" else 1)
    want = {
        "year": f"{2025 - n}-03-03",
        "day": (dt.date(2025, 3, 3) - dt.timedelta(days=n)).isoformat(),
        "month": None,  # a count of months back from a day says less: unknown
    }[kind]
    assert (c.time, c.time_source) == (want, "text" if want else None)


@walks("previous_words")
@pytest.mark.parametrize("word", LEX["previous_words"])
def test_the_previous_year_dates_the_figure_before_it(word):
    c = the_figure_at(
        f"Burglaries fell to 24,600 in 2025, from 26,100 the {word} year.", "26,100", THU
    )
    assert (c.time, c.time_source) == ("2024", "text")


@walks("span_direction_words")
@pytest.mark.parametrize("word", LEX["span_direction_words"])
def test_a_count_of_units_earlier_or_later_counts_from_the_figure_before(word):
    way = LEX["span_direction_words"][word]
    c = the_figure_at(
        f"She repaid £12,000 in June 2025 and £8,000 two months {word}.", "£8,000", THU
    )
    assert (c.time, c.time_source) == (f"2025-{6 - 2 * way:02d}", "text")


@walks("earlier_period_adjectives", "earlier_period_nouns")
@pytest.mark.parametrize("noun", LEX["earlier_period_nouns"])
@pytest.mark.parametrize("adjective", LEX["earlier_period_adjectives"])
def test_a_period_named_earlier_counts_back_from_the_figure_before(adjective, noun):
    kind, step = LEX["earlier_period_adjectives"][adjective]
    c = the_figure_at(
        f"Sales were $4.1 billion on March 3, 2025, against $3.6 billion in the {adjective}"
        f" {noun}.",
        "$3.6",
        THU,
    )
    want = {
        "year": f"{2025 - step}-03-03",
        "day": (dt.date(2025, 3, 3) - dt.timedelta(days=step)).isoformat(),
        "month": None,
    }[kind]
    assert (c.time, c.time_source) == (want, "text" if want else None)


@walks("period_end_nouns", "period_end_links")
@pytest.mark.parametrize("link", LEX["period_end_links"])
@pytest.mark.parametrize("noun", LEX["period_end_nouns"])
def test_a_period_named_by_its_last_month_holds_in_that_month(noun, link):
    c = the_figure_at(f"Net profit was €1,240 million in the {noun} {link} January.", "€1,240", THU)
    assert (c.time, c.time_source) == ("2026-01", "text")


@walks("noun_verb_followers")
@pytest.mark.parametrize("verb", LEX["noun_verb_followers"])
def test_claims_before_a_verb_is_no_speaker(verb):
    c = the_figure(f"Jobless claims {verb} 219,000, the Labor Department said.", THU)
    assert c.speaker == "the Labor Department"


@walks("data_nouns")
@pytest.mark.parametrize("noun", LEX["data_nouns"])
def test_published_data_is_no_speaker_but_names_its_source(noun):
    c = the_figure(f"Retail sales fell 0.7%, according to {noun} released on Tuesday.", THU)
    assert c.speaker is None
    c = the_figure(f"Retail sales fell 0.7%, according to {noun} from the statistics bureau.", THU)
    assert c.speaker == "the statistics bureau"


@walks("speaker_subordinators")
@pytest.mark.parametrize("word", LEX["speaker_subordinators"])
def test_a_party_of_a_clause_saying_when_is_no_speaker(word):
    c = the_figure_at(
        f"The toll stood at 1,134 on Sunday, a day {word} the government put it at 980.",
        "1,134",
        THU,
    )
    assert c.speaker is None


@walks("baseline_clause_openers")
@pytest.mark.parametrize("opener", LEX["baseline_clause_openers"])
def test_a_date_in_a_since_clause_is_a_baseline(opener):
    c = the_figure(
        f"The depot has handed out 1,250 tents {opener} the old bridge closed on March 3.", THU
    )
    assert (c.time, c.time_source) == (THU, "published")


@walks("giver_verbs_after")
@pytest.mark.parametrize(("verb", "participle"), LEX["giver_verbs_after"].items())
def test_a_verb_after_a_figure_names_who_gives_it(verb, participle):
    text = f"Police counted 4,100, far fewer than the 9,600 {participle} by the organisers."
    c = the_figure_at(text, "9,600")
    assert (c.speaker, c.text, c.noun) == ("organisers", "9,600", None)
    text = f"Police counted 4,100, far fewer than the 9,600 that the organisers {verb}."
    assert the_figure_at(text, "9,600").speaker == "organisers"
