"""The HTML report: one self-contained page with a chart per fact, checked as
markup and, where Chromium is installed, rendered in a real headless browser."""

import os
import re
import shutil
import struct
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck import app as pipeline
from factcheck import report
from factcheck.report.html import Scale

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
                {"statements": int(a["data-statements"]), "charts": [], "bars": [], "markers": []},
            )
        if self.current is None:
            return
        if tag == "svg" and "chart" in classes:
            self.current["charts"].append(a.get("class"))
        if tag == "g" and "bar" in classes:
            self.current["bars"].append(classes[1])
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


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt-get install chromium)")
@pytest.mark.parametrize("width", [1280, 390])
def test_chromium_renders_a_chart_per_fact_with_outliers_marked(planted, width, tmp_path):
    root, result, _ = planted
    url = (root / "report.html").as_uri()
    dumped = _chromium(["--dump-dom", url], tmp_path / "profile-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    assert_every_fact_charted(parse(dumped.stdout), result)
    shot = tmp_path / f"report-{width}.png"
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
    from factcheck.report.html import _merged

    days = [(12_000.0, 12_400.0), (12_100.0, 12_500.0), (12_450.0, 12_600.0), (30_000.0, 30_500.0)]
    assert _merged(days) == [(12_000.0, 12_600.0), (30_000.0, 30_500.0)]
