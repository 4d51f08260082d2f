"""Shared fixtures: a copy of the seeds and the bundled rules, isolated in tmp_path."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A working folder with seeds/ and rules/ copied from the repository, as the cwd."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch):
    """Reports as off a terminal: the default width and no colour, whatever the shell sets."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A working folder with the stand-in extractor's corpus (news/) and rules, as the cwd."""
    from . import fake_extract

    monkeypatch.chdir(tmp_path)
    fake_extract.write_newsroom(tmp_path)
    fake_extract.calls.clear()
    return tmp_path
