"""The SQLite store: the schema and its migrations, row codecs, and the run lock.

`Store` is the only class that talks to SQLite; `run_lock` keeps a database
to one run at a time.
"""

from .codecs import FactRow, Packed, RunRecord
from .connection import check_path
from .database import REVIEW_STATUSES, DocumentState, Store, with_review
from .lock import run_lock

__all__ = [
    "REVIEW_STATUSES",
    "DocumentState",
    "FactRow",
    "Packed",
    "RunRecord",
    "Store",
    "check_path",
    "run_lock",
    "with_review",
]
