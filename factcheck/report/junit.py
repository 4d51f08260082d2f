"""JUnit XML for test dashboards: one test case per fact, one failure per failing fact.

A fact fails when one of its findings fails the run; the failure's message
counts the findings and its text lists them. Findings that do not fail
(accepted, in the baseline, below --fail-on, disputed) are listed in the
case's system-out. `tests` is the number of facts and `failures` the number
of failing facts (plus one erroring case per skipped file), so the counts add
up. A case's system-out says where its fact comes from (`rule: rules/news.yaml:12`,
`template: deaths ...`, or a suggestion and its rule to paste). Valid against
Jenkins' JUnit XSD.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model import Conflict
from .base import PLAIN, Report, Terminal
from .helpers import finding_message, save_note, xml


def _case(suite: ET.Element, report: Report, rule_id: str, rule, found: list[Conflict]) -> bool:
    case = ET.SubElement(suite, "testcase", classname="factcheck.facts", name=xml(rule_id))
    failing = [c for c in found if report.failing(c)]
    if failing:
        n = len(failing)
        severity = min((c.severity for c in failing), key=("error", "warning", "info").index)
        failure = ET.SubElement(
            case,
            "failure",
            type=severity,
            message=xml(
                f"{n} finding{'s' if n != 1 else ''}: " + "; ".join(c.reason for c in failing[:5])
            ),
        )
        failure.text = xml("\n".join(f"{c.severity}: {finding_message(c)}" for c in failing))
    others = [
        f"{report.standing(c)} {c.severity}: {finding_message(c)}"
        for c in found
        if c not in failing
    ]
    where = [report.origin_text(rule_id)] if rule is not None else []
    paste = report.paste(rule_id) if report.origin(rule_id) == "suggestion" else ""
    if paste:  # after the findings: the rule to keep checking this fact
        others += ["", f"{save_note(rule_id)}:", paste.rstrip("\n")]
    ET.SubElement(case, "system-out").text = xml("\n".join(where + others))
    return bool(failing)


def render(report: Report, terminal: Terminal = PLAIN) -> str:
    """The run as JUnit XML."""
    report = report.printable()
    by_rule: dict[str, list[Conflict]] = {}
    for c in report.conflicts:
        by_rule.setdefault(c.rule_id, []).append(c)
    rules = report.rules_by_id
    # the facts with findings first, in the findings' order (the most severe first), then
    # the facts that passed, by id
    ids = list(by_rule) + sorted(set(rules) - set(by_rule))
    suites = ET.Element("testsuites", name="factcheck")
    suite = ET.SubElement(suites, "testsuite", name="factcheck")
    if report.unwritten:  # facts nobody wrote a rule for were checked: say so
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="summary", value=xml(report.summary()))
    for path, reason in report.skipped_files:  # a file not read is an error, not a pass
        case = ET.SubElement(suite, "testcase", classname="factcheck.files", name=xml(path))
        ET.SubElement(case, "error", type="skipped", message=xml(reason))
    failed = sum(_case(suite, report, i, rules.get(i), by_rule.get(i, [])) for i in ids)
    for element in (suites, suite):
        element.set("tests", str(len(ids) + len(report.skipped_files)))
        element.set("failures", str(failed))
        element.set("errors", str(len(report.skipped_files)))
    suite.set("skipped", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"
