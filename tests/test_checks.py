"""Selection and agreement on hand-made claims."""

import textwrap
from dataclasses import fields, replace

import pytest

from factcheck.checks import CHECKS
from factcheck.checks.attribution import party
from factcheck.checks.base import conflict_id
from factcheck.extract import extract
from factcheck.model import Rule
from factcheck.rules import evaluate, in_window, load_rules, schema, selects, why_not

from .helpers import claim

RULES = textwrap.dedent(
    """
    aliases:
      us: [U.S., US, United States, American]
    rules:
      - id: us-troops
        title: U.S. troops in Iraq
        select:
          kind: count
          nouns: [troops, forces, soldiers]
          noun_excludes: [iraqi]
          words: ["@us", Iraq]
          not_words: [peak]
          time: {after: 2017-01-01}
        agree: {tolerance: 0.1}
    """
)


@pytest.fixture
def rule(tmp_path):
    (tmp_path / "r.yaml").write_text(RULES, encoding="utf-8")
    return load_rules(str(tmp_path))[0]


@pytest.mark.parametrize(
    "c, picked",
    [
        (claim(), True),
        (claim(noun="Iraqi soldiers"), False),
        (claim(noun="elite soldiers"), True),
        (claim(noun="groups"), False),
        (claim(kind="percent"), False),
        (claim(sentence="Iraq has 5,000 troops."), False),  # no U.S. word
        (claim(sentence="At the peak the U.S. had 5,000 troops in Iraq."), False),
        (claim(time="2016"), False),
        (claim(time="2017-12"), True),
        (claim(time=None), True),  # unknown time is included by default
    ],
)
def test_selection(rule, c, picked):
    assert selects(rule, c) is picked


@pytest.mark.parametrize(
    "time, after, before, unknown, inside",
    [
        ("2016", "2017-01-01", None, "include", False),
        ("2017", "2017-06", None, "include", True),  # a year overlaps its months
        ("2007-11", "2007", "2008-12", "include", True),
        ("2009-01-02", "2007", "2008-12", "include", False),
        (None, "2007", None, "exclude", False),
        (None, None, None, "exclude", True),
    ],
)
def test_time_window(time, after, before, unknown, inside):
    assert in_window(time, after, before, unknown) is inside


def test_overlapping_sources_agree(rule):
    a = claim(doc="a.txt", value=None, low=5000, high=9000, qualifier="range")
    b = claim(doc="b.txt", value=5000, interval_low=5000, interval_high=None, qualifier="more_than")
    assert evaluate([rule], [a, b]).conflicts == []


def test_two_disjoint_sources_are_one_split_naming_both_sides(rule):
    a = claim(doc="a.txt", value=None, low=5000, high=9000, qualifier="range")
    b = claim(doc="b.txt", value=12000, interval_low=10800, interval_high=13200, qualifier="approx")
    result = evaluate([rule], [b, a])
    (c,) = result.conflicts
    assert (c.check, c.left.doc, c.right.doc) == ("split", "a.txt", "b.txt")
    assert c.reason == (
        "sources split with no consensus within 10% tolerance: 5,000–9,000 (a.txt) against "
        "12,000 (b.txt)"
    )
    assert c.severity == "error"


def test_tolerance_absorbs_small_gaps(rule):
    a = claim(doc="a.txt", value=9000)
    b = claim(doc="b.txt", value=9800)
    assert evaluate([rule], [a, b]).conflicts == []


def test_claims_in_one_document_are_not_compared(rule):
    a = claim(doc="a.txt", value=5000)
    b = claim(doc="a.txt", value=50000, start=99)
    assert evaluate([rule], [a, b]).conflicts == []


def test_conflict_id_ignores_offsets_but_not_statements():
    a, b = claim(doc="a.txt"), claim(doc="b.txt", value=9)
    moved = claim(doc="a.txt", start=500)
    assert conflict_id("r", "agreement", [a, b]) == conflict_id("r", "agreement", [b, moved])
    other = claim(doc="a.txt", text="6,000 troops")
    assert conflict_id("r", "agreement", [a, b]) != conflict_id("r", "agreement", [other, b])


# -- the checks beyond agreement, on hand-made claims ----------------------------------


def load(tmp_path, text):
    (tmp_path / "r.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_rules(str(tmp_path))


def measure(doc, metres, unit="km"):
    made = claim(doc=doc, kind="measure", value=metres, noun=None, unit=unit, si_unit="metre")
    return replace(made, dimension="length")


def test_agreement_compares_converted_values(tmp_path):
    (rule,) = load(
        tmp_path,
        """
        rules:
          - {id: tunnel, title: T, select: {dimension: length}, agree: {tolerance: 0.01}}
    """,
    )
    km = measure("a.txt", 1600.0)
    feet = measure("b.txt", 1600.2, unit="foot")  # 5,250 ft
    far = measure("c.txt", 2438.4, unit="foot")  # 8,000 ft
    assert evaluate([rule], [km, feet]).conflicts == []
    (c,) = evaluate([rule], [km, far, feet]).conflicts
    assert (c.check, c.left.doc) == ("outlier", "c.txt")
    # shown in the units the articles wrote (compared in metres): 1.6 km and 5,250 ft agree
    assert c.reason == (
        "8,000 feet is outside the consensus 1.6 km of 2 sources within 1% tolerance"
    )
    assert c.details["consensus"]["range"] == [1600.0, 1600.2]  # stored in SI
    assert c.details["consensus"]["unit"] == "metre"


@pytest.mark.parametrize(
    "select, c, picked",
    [
        ("{dimension: length}", measure("a.txt", 5.0), True),
        ("{dimension: [mass, currency]}", measure("a.txt", 5.0), False),
        ("{unit: km}", measure("a.txt", 5.0, unit="foot"), True),  # km means any length
        ("{unit: INR}", measure("a.txt", 5.0), False),
        ("{time: {as_of: 2018-03}}", claim(time="2018-03-05"), True),
        ("{time: {as_of: 2018-03}}", claim(time="2018-04-01"), False),
        ("{time: {as_of: 2018-03-05}}", claim(time="2018"), True),  # the year holds that day
        ("{not_regex: 'troops? in Iraq'}", claim(), False),
    ],
)
def test_new_selectors(tmp_path, select, c, picked):
    (rule,) = load(tmp_path, f"rules: [{{id: r, title: R, select: {select}}}]\n")
    assert selects(rule, c) is picked


@pytest.mark.parametrize(
    "select, c, why",
    [
        ("{kind: percent}", claim(), "its kind is count, not percent"),
        (
            "{nouns: [groups]}",
            claim(),
            "its counted noun is 'troops', which is not one of the rule's nouns",
        ),
        (
            "{nouns: [troops], noun_excludes: [iraqi]}",
            claim(noun="Iraqi troops"),
            "its counted noun 'Iraqi troops' has the excluded word 'iraqi'",
        ),
        ("{words: [Iraq, Syria]}", claim(), "the sentence has none of 'Syria'"),
        ("{any_words: [Syria, Turkey]}", claim(), "the sentence has none of 'Turkey', 'Syria'"),
        ("{not_words: [iraq]}", claim(), "the sentence has the excluded word 'Iraq'"),
        ("{time: {after: 2017}}", claim(time="2016"), "it refers to 2016, not after 2017"),
        ("{time: {as_of: 2017}}", claim(time="2016"), "it refers to 2016, not as of 2017"),
        (
            "{time: {after: 2017, unknown: exclude}}",
            claim(),
            "its time is unknown and the rule excludes unknown times",
        ),
        ("{kind: count}", claim(), None),
    ],
)
def test_why_not_names_the_first_reason(tmp_path, select, c, why):
    (rule,) = load(tmp_path, f"rules: [{{id: r, title: R, select: {select}}}]\n")
    assert why_not(rule, c) == why


BOUNDS = """
    rules:
      - id: bridge
        title: Bridge span
        severity: info
        select: {dimension: length}
        bounds: {min: 0.01, max: 100, unit: km}
"""


@pytest.mark.parametrize(
    "metres, flagged", [(2400.0, False), (2_400_000.0, True), (5.0, True), (100_000.0, False)]
)
def test_bounds_flag_a_single_claim(tmp_path, metres, flagged):
    (rule,) = load(tmp_path, BOUNDS)
    conflicts = evaluate([rule], [measure("a.txt", metres)]).conflicts
    assert bool(conflicts) is flagged
    if flagged:
        assert (conflicts[0].check, conflicts[0].severity, conflicts[0].right) == (
            "bounds",
            "info",
            None,
        )


TOLL = """
    rules:
      - id: toll
        title: Toll
        select: {nouns: [people]}
        agree: {}
        over_time: {may_only: rise}
"""


def died(doc, n, time, qualifier="exact", high=None):
    return claim(
        doc=doc,
        value=n,
        noun="people",
        time=time,
        qualifier=qualifier,
        interval_high=high if qualifier == "at_least" else n,
        sentence=f"{n} people died in the floods.",
    )


def test_a_toll_may_rise_but_not_fall(tmp_path):
    (rule,) = load(tmp_path, TOLL)
    mar4 = died("a.txt", 12, "2018-03-04", "at_least")
    mar5 = died("b.txt", 15, "2018-03-05")
    mar6 = died("c.txt", 9, "2018-03-06")
    assert evaluate([rule], [mar4, mar5]).conflicts == []  # no agreement across days
    found = evaluate([rule], [mar4, mar5, mar6]).conflicts
    # one finding at the step where it fell, against the highest earlier floor
    assert [(c.check, c.left.doc, c.right.doc) for c in found] == [("over_time", "c.txt", "b.txt")]
    assert (
        found[0].reason
        == "fell from 15 (2018-03-05, b.txt) to 9 (2018-03-06), but it may only rise"
    )
    same_day = died("d.txt", 20, "2018-03-05")
    assert [c.check for c in evaluate([rule], [mar5, same_day]).conflicts] == ["split"]


RELATIONS = """
    rules:
      - {id: whole, title: W, select: {nouns: [fighters], noun_excludes: [tribal]}}
      - {id: part, title: P, select: {nouns: [tribal fighters]}, relate: {part_of: whole}}
      - id: total
        title: Total
        select: {nouns: [people]}
        relate: {sum_of: [men, women], tolerance: 0.05}
      - {id: men, title: M, select: {nouns: [men]}}
      - {id: women, title: F, select: {nouns: [women]}}
      - {id: jobs, title: J, select: {nouns: [jobs]}}
      - {id: staff, title: S, select: {nouns: [employees]}}
      - id: share
        title: Share cut
        severity: warning
        select: {kind: percent}
        relate: {percent_of: {whole: staff, part: jobs}, tolerance: 0.1}
"""


@pytest.mark.parametrize(
    "claims, expected",
    [
        ([("fighters", 60000), ("tribal fighters", 20000)], []),
        ([("fighters", 60000), ("tribal fighters", 70000)], [("part", "part_whole")]),
        ([("people", 100), ("men", 60), ("women", 40)], []),
        ([("people", 120), ("men", 60), ("women", 40)], [("total", "sum")]),
        ([("people", 100), ("men", 60)], []),  # a missing part: nothing to add up
        ([("employees", 13000), ("jobs", 390), ("%", 3)], []),
        ([("employees", 13000), ("jobs", 900), ("%", 3)], [("share", "percent_of")]),
    ],
)
def test_relations_between_facts(tmp_path, claims, expected):
    rules = load(tmp_path, RELATIONS)
    made = [
        claim(
            doc=f"{i}.txt",
            value=float(n),
            noun=None if noun == "%" else noun,
            kind="percent" if noun == "%" else "count",
            si_unit="percent" if noun == "%" else None,
        )
        for i, (noun, n) in enumerate(claims)
    ]
    found = [(c.rule_id, c.check) for c in evaluate(rules, made).conflicts]
    assert found == expected


RALLY = """
    rules:
      - id: rally
        title: Rally
        select: {nouns: [people]}
        agree: {tolerance: 0.1}
        attribution:
          parties: {organisers: [organisers, organizers], police: [police]}
          disputed: DISPUTED
"""


def said(doc, who, n):
    return claim(
        doc=doc,
        value=n,
        noun="people",
        text=f"{n:,} people",
        sentence=f"{who} said {n:,} people joined the rally.",
        speaker=who,
    )


@pytest.mark.parametrize(
    "disputed, a, b, expected",
    [
        ("true", "Organisers", "Police", [("disputed", "organisers", "police")]),
        ("false", "Organisers", "Police", []),
        ("true", "Police", "Police", [("open",)]),  # one party, two figures: a split
        ("true", "Organizers", "Reporters", [("open",)]),  # one party unknown: a plain split
    ],
)
def test_attributed_figures(tmp_path, disputed, a, b, expected):
    (rule,) = load(tmp_path, RALLY.replace("DISPUTED", disputed))
    found = evaluate([rule], [said("a.txt", a, 250000), said("b.txt", b, 100000)]).conflicts
    assert [(c.status, *c.details.get("parties", [])) for c in found] == expected


def test_a_figure_no_party_is_named_for_is_no_third_side(tmp_path):
    (rule,) = load(tmp_path, RALLY.replace("DISPUTED", "true"))
    claims = [
        said("a.txt", "Organisers", 250000),
        said("b.txt", "Police", 100000),
        said("c.txt", None, 175000),
        said("d.txt", None, 1750),  # the unnamed disagree among themselves
    ]
    found = evaluate([rule], claims).conflicts
    dispute = next(c for c in found if c.status == "disputed")
    assert dispute.details["parties"] == ["organisers", "police"]
    assert dispute.details["unattributed"]["label"] == "no party named"
    assert dispute.details["unattributed"]["documents"] == ["c.txt", "d.txt"]
    assert dispute.reason.endswith("(c.txt, d.txt), not compared")
    (split,) = [c for c in found if c.status != "disputed"]
    assert split.reason.endswith("(no party named)")
    assert {split.left.doc, split.right.doc} == {"c.txt", "d.txt"}


@pytest.mark.parametrize(
    "sentence, parties",
    [
        (
            "Organisers said 250,000 people came, while police put it at 100,000 people.",
            ["organisers", "police"],
        ),
        # the party named nearest a figure is not always its speaker
        (
            "Police, who closed the bridge, said 100,000 came, while organisers said 250,000.",
            ["police", "organisers"],
        ),
        ("The rally drew 100,000 people, police said.", ["police"]),
        ("About 250,000 people came, according to the organisers.", ["organisers"]),
        # no speaker: no party, even with a party named in the sentence
        ("The rally, which police had tried to ban, drew 100,000 people.", [None]),
    ],
)
def test_party_is_the_figures_own_speaker(tmp_path, sentence, parties):
    (rule,) = load(tmp_path, RALLY.replace("DISPUTED", "true"))
    figures = [c for c in extract(sentence, "a.txt", "2024-05-01") if c.kind == "count"]
    assert [party(rule, c) for c in figures] == parties


def test_broad_rule_gives_one_finding_not_pairs(rule):
    # 400 documents that all disagree with each other: 79,800 pairs, one split
    claims = [claim(doc=f"{i:03d}.txt", value=1000.0 * 2**i) for i in range(400)]
    (split,) = evaluate([rule], claims).conflicts
    assert split.check == "split"
    assert split.details["side_count"] == 400
    assert split.reason.endswith("and 396 more")


AGE_RULES = textwrap.dedent(
    """
    rules:
      - id: any-figure
        title: Any figure about the mayor
        select:
          words: [mayor]
        agree: {tolerance: 0.1}
      - id: time-spans
        title: Spans of time about the mayor
        select:
          dimension: time
          words: [mayor]
        agree: {tolerance: 0.1}
      - id: mayor-age
        title: The mayor's age
        select:
          kind: age
          words: [mayor]
        agree: {tolerance: 0}
    """
)


# -- what a figure is about, its role and speaker; floors, stated precision, repeats ----

FRAMED = textwrap.dedent(
    """
    aliases:
      dead: [dead, killed]
    rules:
      - id: toll
        title: Quake toll
        select: {kind: count, about: ["@dead"], not_about: [injured], speaker: [ministry]}
        agree: {}
      - id: toll-changes
        title: Quake toll changes
        select: {kind: count, about: [dead], role: [change]}
        agree: {}
      - id: passengers
        title: Passengers aboard
        select: {kind: count, about: [passengers]}
        agree: {precision: stated}
      - id: rising
        title: Rising toll
        select: {kind: count, about: [dead]}
        agree: {}
        over_time: {may_only: rise}
    """
)


def test_an_age_is_selected_only_by_a_rule_of_kind_age(tmp_path):
    (tmp_path / "r.yaml").write_text(AGE_RULES, encoding="utf-8")
    rules = {r.id: r for r in load_rules(str(tmp_path))}
    age = replace(
        claim(value=74.0, noun=None, kind="age", unit="year", sentence="The mayor, a 74-year-old"),
        dimension="time",
    )
    assert not selects(rules["any-figure"], age)
    assert not selects(rules["time-spans"], age)
    assert "only a rule with kind: age" in why_not(rules["any-figure"], age)
    assert selects(rules["mayor-age"], age)


def test_a_bare_number_is_selected_only_by_a_rule_of_kind_number(tmp_path):
    rules_text = AGE_RULES + (
        "  - id: mayor-ratio\n"
        "    title: The mayor's ratio\n"
        "    select: {kind: number, words: [mayor]}\n"
        "    agree: {tolerance: 0}\n"
    )
    (tmp_path / "r.yaml").write_text(rules_text, encoding="utf-8")
    rules = {r.id: r for r in load_rules(str(tmp_path))}
    ratio = claim(value=0.75, noun=None, kind="number", unit=None, sentence="The mayor said 3/4")
    assert not selects(rules["any-figure"], ratio)
    assert "only a rule with kind: number" in why_not(rules["any-figure"], ratio)
    assert selects(rules["mayor-ratio"], ratio)


@pytest.fixture
def framed(tmp_path):
    (tmp_path / "r.yaml").write_text(FRAMED, encoding="utf-8")
    return {r.id: r for r in load_rules(str(tmp_path))}


@pytest.mark.parametrize(
    "rule_id, about, role, speaker, why",
    [
        ("toll", "death toll dead", "value", "the ministry", None),
        ("toll", "people killed", "value", "the interior ministry", None),
        (
            "toll",
            "people injured dead",
            "value",
            "the ministry",
            "which has the excluded 'injured'",
        ),
        ("toll", "residents town", "value", "the ministry", "which has none of dead, killed"),
        ("toll", "death toll dead", "previous", "the ministry", "its role is previous, not value"),
        ("toll", "death toll dead", "value", None, "no speaker is named for it"),
        ("toll", "death toll dead", "value", "police", "its speaker is 'police'"),
        ("toll-changes", "deaths dead", "change", None, None),
        ("toll-changes", "deaths dead", "value", None, "its role is value, not change"),
    ],
)
def test_selection_by_the_figures_own_frame(framed, rule_id, about, role, speaker, why):
    c = claim(noun=None, about=about, role=role, speaker=speaker)
    reason = why_not(framed[rule_id], c)
    assert (reason is None) if why is None else (why in reason), reason


def test_a_vague_amount_is_a_floor(framed):
    thousands = claim(
        doc="a.txt", value=None, low=1000, high=10000, qualifier="vague", about="people killed dead"
    )
    tens = claim(
        doc="b.txt",
        value=None,
        low=10000,
        high=100000,
        qualifier="vague",
        about="people killed dead",
    )
    count = claim(doc="c.txt", value=38000, about="people killed dead")
    few = claim(doc="d.txt", value=1200, about="people killed dead")
    rule = framed["rising"]
    assert evaluate([rule], [thousands, count]).conflicts == []
    [split] = evaluate([rule], [tens, few]).conflicts
    assert split.check == "split"
    # "tens of thousands" is a floor: at least 10,000, which 1,200 is not
    assert split.reason == "sources split with no consensus: 10,000 (b.txt) against 1,200 (d.txt)"


def test_stated_precision_compares_the_stated_figures(framed):
    about = claim(
        doc="a.txt",
        value=223,
        qualifier="approx",
        interval_low=200.7,
        interval_high=245.3,
        about="passengers",
    )
    exact = claim(doc="b.txt", value=237, about="passengers")
    [split] = evaluate([framed["passengers"]], [about, exact]).conflicts
    assert split.reason == "sources split with no consensus: 223 (a.txt) against 237 (b.txt)"
    implied = replace(
        framed["passengers"], agree=replace(framed["passengers"].agree, precision="implied")
    )
    assert evaluate([implied], [about, exact]).conflicts == []


def test_a_figure_repeated_in_one_document_is_one_statement(framed):
    headline = claim(doc="a.txt", start=0, value=3020, about="toll dead")
    body = claim(doc="a.txt", start=80, value=3020, about="death toll dead")
    other = claim(doc="b.txt", value=2600, about="death toll dead")
    result = evaluate([framed["rising"]], [headline, body, other])
    assert len(result.matches) == 3  # both places are shown as selected
    assert len(result.conflicts) == 1  # but the pair of sources is compared once


def test_updates_of_one_day_at_different_hours_are_successive(framed):
    morning = claim(doc="a.txt", value=1420, time="2025-07-13T07:30", about="dead")
    evening = claim(doc="b.txt", value=1690, time="2025-07-13T19:00", about="dead")
    later = claim(doc="c.txt", value=1610, time="2025-07-14T08:00", about="dead")
    rule = framed["rising"]
    assert evaluate([rule], [morning, evening]).conflicts == []
    [conflict] = evaluate([rule], [evening, later]).conflicts
    assert conflict.check == "over_time"
    # a date without a time of day can be any hour of that day
    day = claim(doc="d.txt", value=1500, time="2025-07-13", about="dead")
    assert [c.check for c in evaluate([rule], [day, evening]).conflicts] == ["split"]


def test_each_check_type_reads_its_own_section_of_a_rule():
    sections = {k.name: k for k in schema.RULE}
    rule_fields = {f.name for f in fields(Rule)}
    for name, check in CHECKS.items():
        assert check.section == name
        assert sections[name].type == "mapping" and name in rule_fields
