"""The HTML report: one self-contained page with a chart per fact, checked as
markup and, where Chromium is installed, rendered in a real headless browser."""

import os
import re
import shutil
import struct
import subprocess
import sys
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck import app as pipeline
from factcheck import report
from factcheck.report.chart import Scale

from .planted import write_planted

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The planted corpus, run with the real extractor; its result and HTML page."""
    pytest.importorskip("factcheck.extract")
    root = tmp_path_factory.mktemp("planted")
    write_planted(root)
    result = pipeline.run([str(root / "news")], str(root / "rules"), str(root / "f.db"))
    rep = report.Report(
        conflicts=result.conflicts,
        rules=result.rules,
        documents=len(result.documents),
        claims=result.claim_count,
        facts=result.facts,
        root=result.root,
    )
    page = report.render(rep, "html")
    (root / "report.html").write_text(page, encoding="utf-8")
    return root, result, page


class Dom(HTMLParser):
    """Per fact section: its statements, bars, outlier bars and markers, and every id."""

    def __init__(self):
        super().__init__()
        self.facts: dict[str, dict] = {}
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.current = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        classes = (a.get("class") or "").split()
        if tag == "section" and "fact" in classes:
            self.current = self.facts.setdefault(
                a["data-fact"],
                {
                    "statements": int(a["data-statements"]),
                    "charts": [],
                    "bars": [],
                    "markers": [],
                    "grouped": [],
                },
            )
            return
        if self.current is None:
            return
        if "chart" in classes:
            self.current["charts"].append(a.get("class"))
        if "bar" in classes:
            self.current["bars"].append(classes[1])
            self.current["grouped"].append(int(a["data-statements"]))
        if "marker" in classes and self.current["charts"][-1] == "chart number-line":
            self.current["markers"].append(classes[1])

    def handle_endtag(self, tag):
        if tag == "section":
            self.current = None


def parse(page: str) -> Dom:
    dom = Dom()
    dom.feed(page)
    return dom


def outliers_by_fact(result) -> dict[str, int]:
    out: dict[str, int] = {}
    for c in result.conflicts:
        if c.check not in ("split", "disputed"):
            out[c.rule_id] = out.get(c.rule_id, 0) + 1
    return out


def assert_every_fact_charted(dom: Dom, result) -> None:
    expected = outliers_by_fact(result)
    assert sorted(dom.facts) == sorted(r.id for r in result.rules)
    for rule_id, fact in dom.facts.items():
        assert "chart number-line" in fact["charts"], rule_id
        assert len(fact["bars"]) == fact["statements"] > 0, rule_id  # one bar per statement
        assert fact["bars"].count("outlier") == expected.get(rule_id, 0), rule_id
        assert fact["markers"].count("marker-outlier") == expected.get(rule_id, 0), rule_id


def test_every_fact_has_a_chart_with_one_bar_per_statement(planted):
    _, result, page = planted
    assert outliers_by_fact(result) == {
        "harbour-bridge-cost": 2,
        "landslide-toll": 1,
        "zurich-evacuees": 1,
    }
    dom = parse(page)
    assert_every_fact_charted(dom, result)
    assert dom.facts["landslide-toll"]["charts"] == ["chart number-line", "chart timeline"]
    assert dom.facts["zurich-evacuees"]["statements"] == 5


def test_the_page_is_self_contained(planted):
    _, _, page = planted
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(http" not in page


def test_every_finding_links_to_its_sentence_in_context(planted):
    _, result, page = planted
    dom = parse(page)
    assert all(link in dom.ids for link in dom.links)  # no dangling link
    wrong = next(c for c in result.conflicts if c.rule_id == "zurich-evacuees")
    item = re.search(rf'<li id="finding-{wrong.id}".*?</li>', page, re.S)[0]
    anchor = re.search(r'href="#(s-[0-9a-f]+)"', item)[1]
    row = re.search(rf'<tr id="{anchor}".*?</tr>', page, re.S)[0]
    assert "<mark>12,400 people</mark> were evacuated from the flood zone" in row


def test_figures_spanning_more_than_ten_times_use_a_log_scale(planted):
    _, _, page = planted
    evacuees = page.split('data-fact="zurich-evacuees"')[1].split("</section>")[0]
    assert "log scale" in evacuees  # 1,150 to 12,400
    bridge = page.split('data-fact="harbour-bridge-cost"')[1].split("</section>")[0]
    assert "linear scale" in bridge  # 2.4 to 3.9 billion
    assert Scale([1150, 12_400], 0, 100).log and not Scale([2.4e9, 3.9e9], 0, 100).log


def _png_size(path: Path) -> tuple[int, int]:
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def _chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


# Only in the test's copy of the page, never in the product: the report in a frame of the
# window's width (headless Chromium lays out a page no narrower than 500 pixels, a frame at
# any width), and a script that writes where its bars and consensus bands are drawn and how
# wide the page is, and the frame's page as drawn, into the page Chromium dumps.
MEASURE = """<script>
const edges = [...document.querySelectorAll(".bar .track, .bar .marker, .consensus-band")]
  .map(e => e.getBoundingClientRect().right);
const out = parent.document.createElement("pre");
out.id = "measured";
out.textContent = JSON.stringify({count: edges.length, right: Math.max(...edges),
  page: document.documentElement.scrollWidth, viewport: window.innerWidth});
const dom = parent.document.createElement("pre");
dom.id = "dom";
dom.textContent = document.documentElement.outerHTML;
parent.document.body.append(out, dom);
</script>"""


def _framed(page: str, width: int) -> str:
    measured = escape(page.replace("</body>", MEASURE + "</body>"), quote=True)
    return (
        '<!DOCTYPE html><html><body style="margin:0"><iframe style="border:0" '
        f'width="{width}" height="1600" srcdoc="{measured}"></iframe></body></html>'
    )


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt-get install chromium)")
@pytest.mark.parametrize("width", [1280, 390])
def test_chromium_renders_a_chart_per_fact_with_outliers_marked(planted, width, tmp_path):
    """Every chart is drawn with its outliers; at 1280 and at 390 pixels (a phone) the bars
    and consensus bands are inside the window and the page needs no sideways scrolling."""
    import json

    root, result, page = planted
    framed = tmp_path / "framed.html"
    framed.write_text(_framed(page, width), encoding="utf-8")
    dumped = _chromium(["--dump-dom", framed.as_uri()], tmp_path / "profile-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    box = json.loads(unescape(re.search(r'<pre id="measured">(.*?)</pre>', dumped.stdout)[1]))
    assert box["viewport"] == width
    assert box["count"] >= 2 * sum(f["statements"] for f in parse(page).facts.values())
    assert box["right"] <= width and box["page"] <= width
    drawn = unescape(re.search(r'<pre id="dom">(.*?)</pre>', dumped.stdout, re.S)[1])
    assert_every_fact_charted(parse(drawn), result)
    url = (root / "report.html").as_uri()
    shot = tmp_path / f"report-{width}.png"
    url = (root / "report.html").as_uri()
    taken = _chromium(
        [f"--window-size={width},1600", f"--screenshot={shot}", url], tmp_path / "profile-shot"
    )
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert _png_size(shot) == (width, 1600)
    assert shot.stat().st_size > 20_000  # a page was drawn, not a blank screen


def test_hostile_article_text_is_inert(tmp_path):
    from factcheck.rules import evaluate, load_rules

    from .helpers import claim

    (tmp_path / "r.yaml").write_text(
        "rules:\n  - {id: troops, title: 'Troops <b>now</b>', select: {nouns: [troops]},"
        " agree: {tolerance: 0.1}}\n",
        encoding="utf-8",
    )
    rules = load_rules(str(tmp_path))
    hostile = 'Officials said "5,000 troops" <script>alert(1)</script> \x1b[31m & more.'
    claims = [
        claim(doc=f"news/{name}.txt", value=value, sentence=hostile if value > 9000 else "")
        for name, value in [("a", 5000.0), ("b", 5000.0), ("c", 5100.0), ("<d>", 12000.0)]
    ]
    found = evaluate(rules, claims)
    page = report.render(
        report.Report(conflicts=found.conflicts, rules=rules, facts=found.facts), "html"
    )
    assert "<script" not in page and "<b>now" not in page and "\x1b" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "news/&lt;d&gt;.txt" in page
    dom = parse(page)
    assert dom.facts["troops"]["bars"].count("outlier") == 1


def test_the_html_report_is_the_same_bytes_whatever_the_hash_seed(tmp_path):
    """A timeline's date labels of one day (updates in the morning and the evening) come
    out in one order: the page does not change between two runs of the same inputs."""

    root = Path(__file__).resolve().parent
    pages = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", "run", str(root / "stories" / "flood"),
             "--rules", str(root / "stories" / "rules" / "flood.yaml"),
             "--db", str(tmp_path / f"{seed}.db"), "--format", "html"],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        assert done.returncode == 1, done.stderr
        pages.add(done.stdout)
    assert len(pages) == 1


def test_each_fact_says_where_it_comes_from_and_a_suggestion_how_to_keep_it():
    """A template and a suggested fact are labelled; a suggestion's rule is folded under a
    line that says where to save it; a written rule names its file and line."""
    from dataclasses import replace
    from html import unescape

    from factcheck.model import Fact

    from .test_formats import RAIN_PASTE, SAVE_RAIN, UNWRITTEN, unwritten_run

    run = unwritten_run()
    facts = [
        Fact(c.rule_id, run.rules_by_id[c.rule_id].title, "warning", (c.left, c.right))
        for c in run.conflicts
    ]
    facts.append(Fact("soldiers", "Soldiers sent", "error", ()))
    page = report.render(replace(run, facts=facts), "html")
    assert f'<p class="summary">{UNWRITTEN}; 3 documents, 11 claims' in page
    dom = parse(page)
    assert set(dom.facts) == {"displaced", "rain-metre", "soldiers"}
    assert '<code>displaced</code> <span class="origin">template</span></h2>' in page
    assert '<code>rain-metre</code> <span class="origin">suggested</span></h2>' in page
    assert (
        '<p class="where">A built-in template, <code>displaced</code>: use it in a rules file '
        "with <code>- use: displaced</code>.</p>"
    ) in page
    assert '<p class="where">Rule: <code>rules/news.yaml:2</code></p>' in page
    folded = re.search(
        r'<details class="paste"><summary>(.*?)</summary><pre><code>(.*?)</code></pre>', page, re.S
    )
    assert folded and folded[1] == SAVE_RAIN and unescape(folded[2]) == RAIN_PASTE
    finding = re.search(r'<li id="finding-68d3912e645f".*?</li>', page)[0]
    assert 'displaced</a> <span class="origin">template</span> <code>68d3912e645f' in finding
    assert "flood/03_dagblad_ø.txt:1</a> states <strong>1,240 people</strong>" in finding


def test_overlapping_consensus_bands_of_one_fact_are_drawn_as_one():
    from factcheck.report.chart import _merged

    days = [(12_000.0, 12_400.0), (12_100.0, 12_500.0), (12_450.0, 12_600.0), (30_000.0, 30_500.0)]
    assert _merged(days) == [(12_000.0, 12_600.0), (30_000.0, 30_500.0)]


OUTLETS = ["zürcher_zeitung", "le_temps_genève", "corriere_del_ticino", "blick_romandie",
           "srf_nachrichten", "tribune_de_genève", "der_bund_bern", "vaterland_vaduz"]  # fmt: skip
WRONG = {137: 12_400.0, 281: 4_870.0, 419: 124.0, 555: 9_860.0}  # statement number: its figure


def six_hundred_statements(tmp_path):
    """One fact stated 600 times by eight newsrooms: 596 figures between 1,150 and 1,262
    people (many of them distinct), and four wrong ones, each a finding of its own."""
    from factcheck.rules import evaluate, load_rules

    from .helpers import claim

    (tmp_path / "r.yaml").write_text(
        "rules:\n  - {id: evacuees, title: 'People evacuated from the Zürich flood zone',"
        " select: {nouns: [people]}, agree: {tolerance: 0.1}}\n",
        encoding="utf-8",
    )
    rules = load_rules(str(tmp_path))
    claims = []
    for i in range(600):
        value = WRONG.get(i, 1_150.0 + (i * 37) % 113)
        text = f"{value:,.0f} people"
        claims.append(
            claim(
                doc=f"news/{OUTLETS[i % len(OUTLETS)]}/{i:03}_hochwasser.txt",
                value=value,
                noun="people",
                text=text,
                sentence=f"Authorities said {text} were evacuated from the Limmat quarter "
                "overnight as the river rose past its record.",
                time=f"2024-06-{3 + i % 3:02}",
            )
        )
    found = evaluate(rules, claims)
    page = report.render(
        report.Report(conflicts=found.conflicts, rules=rules, facts=found.facts), "html"
    )
    return found, page


def test_a_fact_of_600_statements_draws_a_bounded_chart_that_names_each_outlier(tmp_path):
    """Past 30 statements the number line groups statements of one figure (or neighbouring
    figures) and role into one bar with its source count; each outlier keeps its own bar,
    named, and every statement is counted in exactly one bar."""
    from factcheck.report.chart import ROWS

    found, page = six_hundred_statements(tmp_path)
    wrong = [c for c in found.conflicts if c.check == "outlier"]
    assert sorted(c.left.value for c in wrong) == sorted(WRONG.values())
    fact = parse(page).facts["evacuees"]
    assert fact["statements"] == 600
    assert len(fact["bars"]) <= ROWS + len(wrong)  # not 600 rows
    assert sum(fact["grouped"]) == 600
    assert fact["bars"].count("outlier") == len(wrong) == fact["markers"].count("marker-outlier")
    chart = page.split('class="chart number-line"')[1].split('<table class="sources">')[0]
    for c in wrong:
        bar = re.search(rf'<div class="bar outlier" data-doc="{re.escape(c.left.doc)}"'
                        r' data-statements="1"[^>]*>(.*?)</div>', chart)  # fmt: skip
        assert bar, c.left.doc
        assert f"{c.left.doc}:1 · {c.left.time} · {c.left.value:,.0f} people" in bar[1]
    groups = re.findall(r'<span class="label" aria-hidden="true">(consensus · [^<]*)</span>', chart)
    assert groups and all(
        re.fullmatch(r"consensus · 1,\d{3}(–1,\d{3})? people · \d{1,3} sources", g) for g in groups
    )
    assert sum(int(g.split(" · ")[-1].split()[0]) for g in groups) == 596
    assert len(chart) < 40_000  # the chart's markup is bounded too, not one row per statement


def test_a_timeline_draws_one_mark_per_day_figure_and_role(tmp_path):
    """Hundreds of statements of a fact tracked over time, on three days: one mark each per
    day, figure and role, however many sources state it."""
    from dataclasses import replace

    from factcheck.report.chart import timeline

    found, _ = six_hundred_statements(tmp_path)
    fact = replace(found.facts[0], timeline=True)
    outliers = {(c.left.doc, c.left.start, c.left.end) for c in found.conflicts}
    drawn = timeline(fact, outliers, "f0")
    marks = {(c.time, c.value) for c in fact.claims}
    assert drawn.count('<g class="step') == len(marks) < 600
    assert drawn.count('<g class="step outlier"') == 4
    counts = [int(n) for n in re.findall(r"\(and (\d+) more sources?\)</title>", drawn)]
    assert counts and sum(counts) + len(marks) == 600
    assert "(and 1 more sources)" not in drawn


def test_a_fact_not_tracked_over_time_has_one_consensus_band(planted):
    """The bridge's three agreeing sources (CHF 2.4, 2.4 and 2.5 billion, dated on two
    days) are one shaded range from 2.4 to 2.5 billion, not a strip per day."""
    _, result, page = planted
    bridge = next(f for f in result.facts if f.rule_id == "harbour-bridge-cost")
    assert bridge.bands == ((2.4e9, 2.5e9),)
    chart = page.split('data-fact="harbour-bridge-cost"')[1].split("</section>")[0]
    assert chart.count('class="consensus-band"') == 1
    toll = next(f for f in result.facts if f.rule_id == "landslide-toll")
    assert len(toll.bands) == 2  # tracked over time: one consensus per day
