"""What a figure is about, its role and its speaker (factcheck/extract/frames.py), read through
the extractor on invented news sentences."""

import pytest

from factcheck.extract import extract
from factcheck.extract.frames import sentence_frames


def figure(sentence: str, text: str, published: str = "2025-03-12"):
    claims = [c for c in extract(sentence, "a.txt", published) if c.kind != "date"]
    found = [c for c in claims if c.text.startswith(text)]  # "2,300 of the town's"
    assert found, [c.text for c in claims]
    return found[0]


# sentence, the figure as written, words its `about` must have, words it must not have
ABOUT = [
    ("Only 2,300 of the town's 9,000 residents survived.", "2,300", {"survived"}, set()),
    # after a comma, a verb before the next figure is that figure's own
    (
        "The quake, which killed 3,000 people, also destroyed 40,000 homes.",
        "40,000 homes",
        {"homes", "destroyed"},
        {"dead", "killed"},
    ),
    (
        "The quake, which killed 3,000 people, also destroyed 40,000 homes.",
        "3,000 people",
        {"killed", "dead"},
        {"homes"},
    ),
    ("The budget will rise to $3 billion from $2.4 billion.", "$2.4 billion", {"budget"}, set()),
    (
        "Only 2,300 of the town's 9,000 residents survived.",
        "9,000 residents",
        {"residents"},
        {"survived"},
    ),
    (
        "Donors gave $800 million for schools and $410 million for public safety.",
        "$800 million",
        {"schools"},
        {"safety"},
    ),
    (
        "Donors gave $800 million for schools and $410 million for public safety.",
        "$410 million",
        {"public", "safety"},
        {"schools"},
    ),
    ("The death toll rose to 38,000 on Tuesday.", "38,000", {"death", "toll", "dead"}, set()),
    ("The toll climbed to 121.", "121", {"toll", "dead"}, set()),
    ("Fourteen people were killed in the crush.", "Fourteen people", {"people", "dead"}, set()),
    (
        "Hundreds of people gathered for a vigil for the 21 people who died.",
        "Hundreds of people",
        {"vigil"},
        {"dead"},
    ),
    (
        "The bridge cost £640 million, twice the £320 million spent on the ring road.",
        "£320 million",
        {"ring", "road"},
        {"bridge"},
    ),
    (
        "The flow fell from 5,000 to about 1,200 barrels a day.",
        "about 1,200 barrels a day",
        {"flow"},
        set(),
    ),
    (
        "About 41,000 people were inside the park, although the promoter had a licence for "
        "only 30,000.",
        "About 41,000 people",
        {"people", "park"},
        {"licence", "promoter"},
    ),
]


@pytest.mark.parametrize("sentence, text, has, lacks", ABOUT)
def test_about_holds_the_figures_own_words(sentence, text, has, lacks):
    about = set(figure(sentence, text).about.split())
    assert has <= about and not (lacks & about), about


ROLE = [
    ("The toll rose to 73,000, up from 57,600 on Monday.", "73,000", "value"),
    ("The toll rose to 73,000, up from 57,600 on Monday.", "57,600", "previous"),
    ("Output fell from 5,000 to 1,200 barrels a day.", "5,000", "previous"),
    ("Deaths increased by nearly 16,000 overnight.", "nearly 16,000", "change"),
    ("The bridge carries 38,000 vehicles, 9,000 more than last year.", "9,000", "change"),
    ("The toll could reach 100,000, officials warned.", "100,000", "projection"),
    ("The final bill is expected to exceed £900 million.", "£900 million", "projection"),
    ("The venue has a capacity of 40,000 people.", "40,000 people", "limit"),
    ("Police gave permission for 80,000 people to attend.", "80,000 people", "limit"),
    ("Pledges fell short of the $3 billion target.", "$3 billion", "limit"),
    ("The toll rose to 17 as three of the injured died in hospital.", "three", "change"),
    ("About 12,000 troops are in the country now.", "About 12,000 troops", "value"),
    ("Officials could not confirm the 200 deaths.", "200 deaths", "value"),
    ("The count stood at 17, up one from 16 the day before.", "16", "previous"),
    ("Divers found four more bodies on Sunday.", "four more bodies", "change"),
    ("The toll rose from 18 to 21 on Sunday.", "18", "previous"),
    ("The budget will rise to $3 billion from $2.4 billion.", "$2.4 billion", "previous"),
    ("Some 5,000 residents were allowed to return home.", "Some 5,000 residents", "value"),
]


@pytest.mark.parametrize("sentence, text, role", ROLE)
def test_role_says_what_the_figure_is_to_its_fact(sentence, text, role):
    assert figure(sentence, text).role == role


SPEAKER = [
    (
        "Organisers said 1.03 million marched, while police put the peak at 240,000.",
        "1.03 million",
        "Organisers",
    ),
    (
        "Organisers said 1.03 million marched, while police put the peak at 240,000.",
        "240,000",
        "police",
    ),
    (
        "Police, who closed the bridge, said 60,000 people took part, while the union claimed "
        "more than 300,000.",
        "60,000 people",
        "Police",
    ),
    (
        "Police, who closed the bridge, said 60,000 people took part, while the union claimed "
        "more than 300,000.",
        "more than 300,000",
        "the union",
    ),
    (
        "About 300,000 people joined the march, according to the organisers.",
        "About 300,000 people",
        "the organisers",
    ),
    (
        "The floods have killed 1,150 people, the disaster agency said on Saturday.",
        "1,150 people",
        "the disaster agency",
    ),
    ("The agency's own figure was about 1,200 dead.", "about 1,200", "The agency"),
    ("The rally, which police had tried to ban, drew 100,000 people.", "100,000 people", None),
    ("They said 5,000 people came.", "5,000 people", None),
    # the figure's owner, not the outlet that reported it
    (
        "Organisers estimated that about 500,000 took part, according to a local broadcaster.",
        "about 500,000",
        "Organisers",
    ),
    (
        "The police are saying at least 750,000, while the organisers are saying 2 million.",
        "at least 750,000",
        "The police",
    ),
    (
        "The police are saying at least 750,000, while the organisers are saying 2 million.",
        "2 million",
        "the organisers",
    ),
    ("The organisers' estimate was 200,000 people.", "200,000 people", "The organisers"),
    # the owner of an estimate, not the words before it
    (
        "Police did not dispute the organisers' estimate of 512,000 marchers.",
        "512,000 marchers",
        "the organisers",
    ),
    # "claimed" that takes lives names no speaker
    ("The mudslides have claimed at least 1,240 lives across the valley.", "at least 1,240", None),
    ("The storm claimed the lives of 2,315 people in Dạ Lạt.", "2,315 people", None),
    ("Residents claimed 2,000 homes were flooded.", "2,000 homes", "Residents"),
    # a speaker that ends the sentence loses the full stop, an initialism keeps its dots
    (
        "More than 1,000 passengers were stuck in four trains, said Montakan Sriwipas.",
        "More than 1,000 passengers",
        "Montakan Sriwipas",
    ),
    (
        "Some 4,800 migrants arrived on Monday, said a spokeswoman for the U.S.",
        "Some 4,800 migrants",
        "a spokeswoman for the U.S.",
    ),
]


@pytest.mark.parametrize("sentence, text, speaker", SPEAKER)
def test_speaker_is_the_party_of_the_figures_own_clause(sentence, text, speaker):
    assert figure(sentence, text).speaker == speaker


def test_frames_are_pure_functions_of_the_sentence():
    text = "Intro. Donors gave $800 million for schools and $410 million for roads."
    s = text.index("Donors")
    a, b = text.index("$800 million"), text.index("$410 million")
    figures = [(a, a + 12, "$800 million"), (b, b + 12, "$410 million")]
    frames = sentence_frames(text, (s, len(text)), figures)
    assert [f.about for f in frames] == ["donors gave schools", "roads"]
    assert [f.role for f in frames] == ["value", "value"]


@pytest.mark.parametrize(
    "sentence, text, role, speaker, about_has",
    [
        # a passive names its speaker after "by"; the subject is what the figure is about
        (
            "Turnout was estimated at 85,000 by police, although organisers claimed 200,000.",
            "85,000",
            "value",
            "police",
            {"turnout"},
        ),
        (
            "Turnout was estimated at 85,000 by police, although organisers claimed 200,000.",
            "200,000",
            "value",
            "organisers",
            {"turnout"},
        ),
        # "an earlier estimate of" is no speaker
        (
            "The Red Cross said 45,000 people were displaced, up from an earlier estimate of "
            "30,000.",
            "30,000",
            "previous",
            "The Red Cross",
            {"displaced"},
        ),
        # a new total after "bringing" has its own words
        (
            "Rescuers pulled 37 survivors from the rubble, bringing the number rescued alive "
            "to 112.",
            "112",
            "value",
            None,
            {"rescued", "alive"},
        ),
        (
            "The event drew 250,000 devotees, far more than the 80,000 for whom permission had "
            "been granted.",
            "80,000",
            "limit",
            None,
            {"permission"},
        ),
        (
            "The company expects to cut 3,000 jobs, about 5% of its workforce of 60,000.",
            "60,000",
            "value",
            None,
            {"workforce"},
        ),
    ],
)
def test_frames_of_wire_sentences(sentence, text, role, speaker, about_has):
    c = figure(sentence, text)
    assert (c.role, c.speaker) == (role, speaker)
    assert about_has <= set(c.about.split()), c.about
