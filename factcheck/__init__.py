"""factcheck: find numeric claims in news articles and check that sources agree.

Library first: `factcheck.app.run()` does what `factcheck run` does.
"""

__version__ = "0.1.0"
