"""A planted corpus for the real extractor: five Swiss newsrooms on one night.

- `zurich-evacuees`: four sources agree on about 1,200 people; one says 12,400
  (one finding, not four).
- `harbour-bridge-cost`: three say CHF 2.4–2.5 billion, two say 3.8–3.9
  (two findings).
- `landslide-toll` (may only rise): 12 on June 3, at least 21 on June 4, then 9
  on June 5 (one finding, at the step where it fell).

The HTML report test and `docs/report.png` are made from it.
"""

RULES = """\
rules:
  - id: zurich-evacuees
    title: People evacuated from the Zürich flood zone
    severity: error
    select:
      kind: count
      nouns: [people, residents]
      words: [evacuated]
    agree:
      tolerance: 0.05
  - id: harbour-bridge-cost
    title: Cost of the new harbour bridge
    severity: warning
    select:
      kind: money
      words: [bridge]
    agree:
      tolerance: 0.05
  - id: landslide-toll
    title: Deaths in the Valais landslide
    severity: error
    select:
      kind: count
      nouns: [people, dead]
      words: [landslide]
    agree: {}
    over_time:
      may_only: rise
"""

ARTICLES = {
    "news/a_nzz.txt": (
        "Zürich flood: thousands leave their homes\n\n"
        "ZÜRICH, 2024-06-03 — Authorities said 1,240 people were evacuated from the Limmat "
        "quarter overnight as the river rose past its record.\n"
        "The new harbour bridge will cost CHF 2.4 billion, the canton said. "
        "A landslide in Valais killed 12 people on Sunday.\n"
    ),
    "news/b_srf.txt": (
        "Evacuations continue\n\n"
        "ZÜRICH, June 3, 2024 — About 1,250 residents were evacuated from low-lying streets, "
        "police said.\n"
        "Officials expect the harbour bridge to cost CHF 2.4 billion. "
        "The Valais landslide has killed at least 12 people.\n"
    ),
    "news/c_tagi.txt": (
        "A city under water\n\n"
        "June 4, 2024 — Some 1,200 people were evacuated before the Limmat burst its banks "
        "in Zürich, the fire brigade said.\n"
        "The harbour bridge will cost CHF 2.5 billion. "
        "The landslide in Valais has killed at least 21 people, rescuers said.\n"
    ),
    "news/d_blick.txt": (
        "Night of sirens\n\n"
        "ZÜRICH, 2024-06-04 — More than 1,150 people were evacuated in the night, "
        "according to the city.\n"
        "The harbour bridge will cost CHF 3.9 billion, the city's auditors said.\n"
    ),
    "news/e_wire.txt": (
        "Flood update\n\n"
        "ZÜRICH, 2024-06-05 — The city said 12,400 people were evacuated from the flood zone, "
        "a figure officials later called a typo.\n"
        "The harbour bridge will cost CHF 3.8 billion, a second study found. "
        "Nine people died in the Valais landslide, the canton now says.\n"
    ),
}


def write_planted(root) -> None:
    """Write the planted corpus (news/) and its rules (rules/) under root."""
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "planted.yaml").write_text(RULES, encoding="utf-8")
    for name, text in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
