"""Report formats, one module each: `render(report)` returns the text of that format.

`report.render` picks the module; `table` also takes the terminal width and
whether to colour. JSON stays in `report` (the `show` and `conflicts`
commands share it).
"""
