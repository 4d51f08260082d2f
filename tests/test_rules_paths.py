"""Rules scoped to paths: one rules folder for two stories, each story's rules seeing only
its own articles (`paths:` on a file and on a rule), `rules lint --corpus`, and the
errors of a bad pattern. The stories are invented."""

import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import app
from factcheck.cli import cli
from factcheck.errors import RuleError
from factcheck.rules import load_rules, select, why_not
from factcheck.rules import paths as rule_paths
from factcheck.rules.examples import run_examples
from tests.helpers import claim

# two stories in one project: a flood (with a draft that must not be checked) and a fire
STORIES = {
    "stories/marrow-flood/harbour-post.txt": (
        "Floods in the Marrow valley have killed 1,240 people, officials said on Tuesday. "
        "About 18,500 residents of Říčany and three other towns were moved to shelters."
    ),
    "stories/marrow-flood/valley-courier.txt": (
        "The death toll from the Marrow valley floods reached 1,260 on Tuesday evening, the "
        "regional governor said, as water at the Žabinec dam kept rising."
    ),
    "stories/marrow-flood/drafts/unchecked-tip.txt": (
        "A caller told the newsroom that the floods had killed 90 people."
    ),
    "stories/kessel-fire/harbour-post.txt": (
        "The fire at the Kessel warehouse killed 37 workers, the fire service said. It took "
        "140 firefighters nine hours to put it out."
    ),
    "stories/kessel-fire/valley-courier.txt": (
        "Thirty-seven people died in the Kessel warehouse fire, according to city hall."
    ),
    "stories/kessel-fire/evening-herald.txt": (
        "The Kessel warehouse fire killed 52 workers, the union said on Friday."
    ),
}

# the same two rules, told apart only by their paths: neither names its story
FLOOD_RULES = """\
paths:
  include: [stories/marrow-flood/]
  exclude: [drafts/]
rules:
  - id: marrow-flood-toll
    title: Deaths in the Marrow valley floods
    select: {kind: count, about: [dead]}
    agree: {tolerance: 0.05}
"""
FIRE_RULES = """\
rules:
  - id: kessel-fire-toll
    title: Deaths in the Kessel warehouse fire
    select: {kind: count, about: [dead]}
    agree: {tolerance: 0.05}
    paths: {include: [stories/kessel-fire/]}
"""


def make_project(root: Path, flood: str = FLOOD_RULES, fire: str = FIRE_RULES) -> Path:
    for name, text in STORIES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text + "\n", encoding="utf-8")
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "marrow-flood.yaml").write_text(flood, encoding="utf-8")
    (root / "rules" / "kessel-fire.yaml").write_text(fire, encoding="utf-8")
    return root


def seen(result) -> dict[str, list[tuple[str, str]]]:
    """Each rule's statements as (document, figure)."""
    return {f.rule_id: [(c.doc, c.text) for c in f.claims] for f in result.facts}


def findings(result) -> list[tuple[str, str, str]]:
    return sorted((c.rule_id, c.check, c.left.doc) for c in result.conflicts)


def test_each_story_s_rules_see_only_its_articles(tmp_path):
    root = make_project(tmp_path)
    result = app.run([str(root / "stories")], str(root / "rules"), str(tmp_path / "f.db"))
    assert seen(result) == {
        "marrow-flood-toll": [
            ("stories/marrow-flood/harbour-post.txt", "1,240 people"),
            ("stories/marrow-flood/valley-courier.txt", "1,260"),
        ],
        "kessel-fire-toll": [
            ("stories/kessel-fire/evening-herald.txt", "52 workers"),
            ("stories/kessel-fire/harbour-post.txt", "37 workers"),
            ("stories/kessel-fire/valley-courier.txt", "Thirty-seven people"),
        ],
    }
    # the fire's own disagreement is found; 1,240 dead is never compared with 37 or 90
    assert findings(result) == [
        ("kessel-fire-toll", "outlier", "stories/kessel-fire/evening-herald.txt")
    ]


def test_without_paths_the_two_stories_are_compared(tmp_path):
    """The control: the same rules unscoped see both stories and the draft, and clash."""
    flood = FLOOD_RULES.split("rules:\n", 1)[1]
    fire = FIRE_RULES.replace("    paths: {include: [stories/kessel-fire/]}\n", "")
    root = make_project(tmp_path, "rules:\n" + flood, fire)
    result = app.run([str(root / "stories")], str(root / "rules"), str(tmp_path / "f.db"))
    docs = {doc for claims in seen(result).values() for doc, _ in claims}
    assert "stories/marrow-flood/drafts/unchecked-tip.txt" in docs
    assert {rule for rule, _, _ in findings(result)} == {"marrow-flood-toll", "kessel-fire-toll"}
    assert len(seen(result)["marrow-flood-toll"]) == 6


def test_running_from_another_folder_names_and_scopes_alike(tmp_path, monkeypatch):
    root = make_project(tmp_path / "newsroom")
    at_root = app.run([str(root / "stories")], str(root / "rules"), str(tmp_path / "a.db"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    away = app.run(["../newsroom/stories"], "../newsroom/rules", str(tmp_path / "b.db"))
    monkeypatch.chdir(root / "stories" / "kessel-fire")
    inside = app.run(["../marrow-flood", "."], "../../rules", str(tmp_path / "c.db"))
    assert len(seen(at_root)["kessel-fire-toll"]) == 3
    assert seen(away) == seen(inside) == seen(at_root)
    assert [c.id for c in away.conflicts] == [c.id for c in inside.conflicts]
    assert [c.id for c in away.conflicts] == [c.id for c in at_root.conflicts]


def test_the_root_is_the_folder_of_factcheck_toml(tmp_path):
    """With factcheck.toml above the rules, patterns are written from its folder."""
    root = make_project(tmp_path / "newsroom")
    (root / "factcheck.toml").write_text('rules = "desk/rules"\n', encoding="utf-8")
    (root / "desk").mkdir()
    (root / "rules").rename(root / "desk" / "rules")
    result = app.run([str(root / "stories")], str(root / "desk" / "rules"), str(tmp_path / "f.db"))
    assert len(seen(result)["marrow-flood-toll"]) == 2
    assert len(seen(result)["kessel-fire-toll"]) == 3


def test_documents_outside_the_project_root_are_not_seen_and_the_run_says_so(tmp_path):
    root = make_project(tmp_path / "newsroom")
    outside = tmp_path / "wire" / "stories"
    outside.parent.mkdir()
    (root / "stories").rename(outside)
    result = app.run([str(outside)], str(root / "rules"), str(tmp_path / "f.db"))
    assert seen(result) == {"marrow-flood-toll": [], "kessel-fire-toll": []}
    assert result.notes == [
        f"6 documents are outside the project root ({root}): 2 rules with 'paths: include' "
        "do not see them"
    ]


def test_a_rule_s_paths_narrow_its_file_s(tmp_path):
    """Both must admit a document: the file's folder and the rule's own outlet."""
    flood = FLOOD_RULES + (
        "  - id: marrow-flood-toll-courier\n"
        "    title: Deaths in the Marrow valley floods, as the Valley Courier reports them\n"
        "    select: {kind: count, about: [dead]}\n"
        "    paths: {include: [valley-courier.txt]}\n"
    )
    root = make_project(tmp_path, flood)
    result = app.run([str(root / "stories")], str(root / "rules"), str(tmp_path / "f.db"))
    assert seen(result)["marrow-flood-toll-courier"] == [
        ("stories/marrow-flood/valley-courier.txt", "1,260")
    ]


def test_exclude_wins_over_include(tmp_path):
    flood = FLOOD_RULES.replace(
        "include: [stories/marrow-flood/]", "include: [stories/marrow-flood/drafts/]"
    )
    root = make_project(tmp_path, flood)
    result = app.run([str(root / "stories")], str(root / "rules"), str(tmp_path / "f.db"))
    assert seen(result)["marrow-flood-toll"] == []


def test_changing_a_rule_s_paths_selects_again_on_the_next_run(tmp_path):
    root = make_project(tmp_path)
    db = str(tmp_path / "f.db")
    app.run([str(root / "stories")], str(root / "rules"), db)
    fire = root / "rules" / "kessel-fire.yaml"
    fire.write_text(FIRE_RULES.replace("kessel-fire/", "marrow-flood/"), encoding="utf-8")
    result = app.run([str(root / "stories")], str(root / "rules"), db)
    assert [doc for doc, _ in seen(result)["kessel-fire-toll"]] == [
        "stories/marrow-flood/drafts/unchecked-tip.txt",
        "stories/marrow-flood/harbour-post.txt",
        "stories/marrow-flood/valley-courier.txt",
    ]


# -- why a claim is not selected ---------------------------------------------------------


def _rule(paths_yaml: str, tmp_path: Path, file_paths: str = ""):
    (tmp_path / "r.yaml").write_text(
        file_paths
        + "rules:\n  - id: flood-toll\n    title: Deaths\n    select: {kind: count}\n"
        + f"    paths: {paths_yaml}\n",
        encoding="utf-8",
    )
    return load_rules(str(tmp_path / "r.yaml"))[0]


@pytest.mark.parametrize(
    "paths, file_paths, doc, reason",
    [
        (
            "{include: [stories/marrow-flood/, stories/ostrava-flood/]}",
            "",
            "stories/kessel-fire/harbour-post.txt",
            "its document 'stories/kessel-fire/harbour-post.txt' is not in the rule's paths "
            "(include: 'stories/marrow-flood/', 'stories/ostrava-flood/')",
        ),
        (
            "{include: [stories/marrow-flood/], exclude: [drafts/, '*.tmp.txt']}",
            "",
            "stories/marrow-flood/drafts/unchecked-tip.txt",
            "its document 'stories/marrow-flood/drafts/unchecked-tip.txt' is excluded by the "
            "rule's paths ('drafts/')",
        ),
        (
            "{exclude: [live-*.txt]}",
            "paths: {include: [stories/marrow-flood/]}\n",
            "stories/kessel-fire/live-1.txt",
            "its document 'stories/kessel-fire/live-1.txt' is not in the paths of the rule's "
            "file (include: 'stories/marrow-flood/')",
        ),
        (
            "{exclude: [live-*.txt]}",
            "paths: {include: [stories/marrow-flood/]}\n",
            "stories/marrow-flood/live-1.txt",
            "its document 'stories/marrow-flood/live-1.txt' is excluded by the rule's paths "
            "('live-*.txt')",
        ),
        (
            "{include: [stories/]}",
            "",
            "/srv/wire/stories/a.txt",
            "its document '/srv/wire/stories/a.txt' is outside the project root, and the "
            "rule's paths include only documents inside it",
        ),
        ("{exclude: [drafts/]}", "", "/srv/wire/drafts/a.txt", None),
        ("{include: [stories/]}", "", "stories/marrow-flood/harbour-post.txt", None),
    ],
)
def test_why_not_says_the_claim_is_outside_the_rule_s_paths(
    paths, file_paths, doc, reason, tmp_path
):
    rule = _rule(paths, tmp_path, file_paths)
    assert why_not(rule, claim(doc=doc, noun="people")) == reason


def test_scope_is_decided_once_per_document(tmp_path, monkeypatch):
    rule = _rule("{include: [stories/marrow-flood/]}", tmp_path)
    calls = []
    reason = rule_paths._Layer._reason
    monkeypatch.setattr(
        rule_paths._Layer, "_reason", lambda self, doc: calls.append(doc) or reason(self, doc)
    )
    docs = ["stories/marrow-flood/a.txt", "stories/kessel-fire/b.txt"]
    claims = [claim(doc=d, start=10 * i) for d in docs for i in range(50)]
    chosen = select([rule], claims).matches
    assert {c.doc for _, c in chosen} == {"stories/marrow-flood/a.txt"}
    assert calls == ["stories/kessel-fire/b.txt", "stories/marrow-flood/a.txt"]


# -- examples --------------------------------------------------------------------------


def test_examples_are_inside_the_paths_unless_they_say_where_they_are(tmp_path):
    (tmp_path / "r.yaml").write_text(
        textwrap.dedent("""\
            paths: {include: [stories/marrow-flood/]}
            rules:
              - id: marrow-flood-toll
                title: Deaths in the Marrow valley floods
                select: {kind: count, about: [dead]}
                agree: {tolerance: 0.05}
                examples:
                  match:
                    - "Floods in the Marrow valley have killed 1,240 people."
                    - text: "The floods have killed 1,240 people."
                      path: stories/marrow-flood/harbour-post.txt
                  no_match:
                    - text: "The fire killed 37 workers."
                      path: stories/kessel-fire/harbour-post.txt
                  conflict:
                    - articles:
                        - "The floods have killed 1,240 people."
                        - "The floods have killed 37 people."
                  no_conflict:
                    - articles:
                        - {path: stories/marrow-flood/a.txt, text: "The floods killed 1,240."}
                        - {path: stories/kessel-fire/b.txt, text: "The fire killed 37 people."}
              - id: marrow-flood-toll-wrong
                title: An example placed outside the rule's paths
                select: {kind: count, about: [dead]}
                examples:
                  match:
                    - text: "The fire killed 37 workers."
                      path: stories/kessel-fire/harbour-post.txt
            """),
        encoding="utf-8",
    )
    result = run_examples(load_rules(str(tmp_path / "r.yaml")))
    assert result.summary() == "6 examples: 5 passed, 1 failed"
    [failure] = result.failures
    assert str(failure) == (
        f"{tmp_path / 'r.yaml'}:28:11: [T001] rule 'marrow-flood-toll-wrong': selects no claim of "
        '"The fire killed 37 workers."\n'
        "  help: '37 workers': its document 'stories/kessel-fire/harbour-post.txt' is not in "
        "the paths of the rule's file (include: 'stories/marrow-flood/')"
    )


# -- rules lint --corpus -----------------------------------------------------------------


def test_lint_warns_about_include_patterns_that_match_no_file_of_the_corpus(tmp_path, monkeypatch):
    fire = FIRE_RULES.replace("[stories/kessel-fire/]", "[stories/kesel-fire/, '*.md']")
    flood = FLOOD_RULES.replace("[stories/marrow-flood/]", "[stories/marrow-flood/, '!x', wire/]")
    make_project(tmp_path, flood, fire)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["rules", "lint", "rules", "--corpus", "stories"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "rules/kessel-fire.yaml:6:23: [W001] rule 'kessel-fire-toll': 'include' pattern "
        "'stories/kesel-fire/' matches no file of the corpus\n"
        f"  help: did you mean 'stories/kessel-fire/'? patterns are paths from the project "
        f"root ({tmp_path})\n"
        "rules/kessel-fire.yaml:6:44: [W001] rule 'kessel-fire-toll': 'include' pattern "
        "'*.md' matches no file of the corpus\n"
        "  help: patterns are paths from the project root "
        f"({tmp_path}), such as 'stories/kessel-fire/evening-herald.txt'\n"
        "rules/marrow-flood.yaml:2:42: [W001] 'include' pattern 'wire/' matches no file of "
        "the corpus\n"
        "  help: patterns are paths from the project root "
        f"({tmp_path}), such as 'stories/kessel-fire/evening-herald.txt'\n"
        "2 rules OK in rules, 3 warnings\n"
    )
    # without a corpus, nothing to warn about
    result = CliRunner().invoke(cli, ["rules", "lint", "rules"])
    assert (result.exit_code, result.output) == (0, "2 rules OK in rules\n")


def test_lint_with_a_corpus_that_every_pattern_matches_is_quiet(tmp_path, monkeypatch):
    make_project(tmp_path)
    monkeypatch.chdir(tmp_path / "stories")
    corpus = ["--corpus", "marrow-flood", "--corpus", "kessel-fire"]
    result = CliRunner().invoke(cli, ["rules", "lint", "../rules", *corpus])
    assert (result.exit_code, result.output) == (0, "2 rules OK in ../rules\n")


def test_lint_says_when_the_corpus_is_outside_the_project_root(tmp_path):
    root = make_project(tmp_path / "newsroom")
    wire = tmp_path / "wire"
    (root / "stories").rename(wire)
    result = CliRunner().invoke(cli, ["rules", "lint", str(root / "rules"), "--corpus", str(wire)])
    assert result.exit_code == 0
    assert result.output.splitlines()[1] == (
        f"  help: no file of the corpus is inside the project root ({root}), where patterns match"
    )


# -- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paths, error",
    [
        (
            "{include: stories/marrow-flood/, exlude: [drafts/]}",
            "5:45: [E010] rule 'flood-toll': unknown key 'exlude' in 'paths'\n"
            "  help: did you mean 'exclude'?",
        ),
        (
            "{include: {stories: marrow-flood}}",
            "5:13: [E012] rule 'flood-toll': 'include' must be a list of path patterns, not a "
            "mapping\n  help: Gitignore-style patterns of the documents to check, from the "
            "project root ('stories/quake/', '*.md'); none: every document.",
        ),
        (
            "{include: [stories/marrow-flood/, '  ']}",
            "5:46: [E026] rule 'flood-toll': an empty pattern matches no file\n"
            "  help: remove it, or write a folder ('stories/quake/'), a file or a glob ('*.md')",
        ),
        (
            "{exclude: ['stories/[marrow-flood/']}",
            "5:23: [E026] rule 'flood-toll': 'stories/[marrow-flood/' has a '[' that does not "
            "close, and gitignore discards such a pattern\n"
            "  help: close it ([abc] matches one of a, b or c), or write \\[ for a bracket itself",
        ),
        (
            "{include: [./stories/marrow-flood/]}",
            "5:23: [E026] rule 'flood-toll': './stories/marrow-flood/' has a '.' part, which no "
            "document's path has\n"
            "  help: write the path from the project root (the folder of factcheck.toml, else "
            "the folder holding the rules folder), e.g. 'stories/quake/'",
        ),
    ],
)
def test_a_bad_paths_section_is_an_error_at_its_place(paths, error, tmp_path):
    with pytest.raises(RuleError) as e:
        _rule(paths, tmp_path)
    [found] = e.value.problems
    assert str(found) == f"{tmp_path / 'r.yaml'}:{error}"


def test_running_with_a_bad_pattern_exits_2_before_reading_anything(tmp_path, monkeypatch):
    root = make_project(tmp_path, FLOOD_RULES.replace("drafts/", "drafts\\"))
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["run", "stories", "--db", str(tmp_path / "f.db")])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: 1 problem(s) in rules under rules\n"
        "rules/marrow-flood.yaml:3:13: [E026] 'drafts\\' ends with a backslash that escapes "
        "nothing\n  help: remove it: '/' separates folders, on Windows too\n"
    )
    assert not os.path.exists(tmp_path / "f.db")


def test_lint_warns_about_a_rule_that_its_paths_and_its_file_s_leave_blind(tmp_path, monkeypatch):
    """Each pattern matches, but the file's folder and the rule's folder never meet."""
    flood = FLOOD_RULES + (
        "  - id: kessel-fire-injured\n"
        "    title: People injured in the Kessel warehouse fire\n"
        "    select: {kind: count, about: [injured]}\n"
        "    paths: {include: [stories/kessel-fire/]}\n"
    )
    make_project(tmp_path, flood)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["rules", "lint", "rules", "--corpus", "stories"])
    assert (result.exit_code, result.output) == (
        0,
        "rules/marrow-flood.yaml:12:5: [W002] rule 'kessel-fire-injured': its paths and its "
        "file's admit no file of the corpus\n"
        "  help: for instance, the document 'stories/kessel-fire/evening-herald.txt' is not "
        "in the paths of the rule's file (include: 'stories/marrow-flood/')\n"
        "3 rules OK in rules, 1 warning\n",
    )


def test_a_template_s_use_is_scoped_by_its_file_s_paths(tmp_path):
    """One file per story, `- use: deaths` in each, and no story words."""
    flood = "paths: {include: [stories/marrow-flood/], exclude: [drafts/]}\nrules:\n"
    flood += "  - use: deaths\n    agree: {tolerance: 0.05}\n"  # 1,240 and 1,260 agree
    fire = "rules:\n  - use: deaths\n    id: kessel-fire-deaths\n"
    fire += "    paths: {include: [stories/kessel-fire/]}\n"
    root = make_project(tmp_path, flood, fire)
    result = app.run([str(root / "stories")], str(root / "rules"), str(tmp_path / "f.db"))
    assert {
        rule: sorted({doc.split("/")[1] for doc, _ in claims})
        for rule, claims in seen(result).items()
    } == {"deaths": ["marrow-flood"], "kessel-fire-deaths": ["kessel-fire"]}
    assert len(seen(result)["deaths"]) == 2  # the draft's 90 is not read
    assert [c.rule_id for c in result.conflicts] == ["kessel-fire-deaths"]


def test_suggest_knows_a_scoped_rule_covers_a_fact_from_any_folder(tmp_path, monkeypatch):
    """`suggest --rules` names the documents from the project root before asking whether a
    scoped rule selects them, as a run does."""
    root = make_project(tmp_path)
    monkeypatch.chdir(root / "stories")
    done = app.suggest(["kessel-fire", "marrow-flood"], "../rules")
    # one fact per story folder (never the two tolls as one), each its folder's rule's
    assert done.covered == {
        "kessel-fire.dead-worker-fire-kessel": "kessel-fire-toll",
        "marrow-flood.dead-flood-marrow": "marrow-flood-toll",
    }
