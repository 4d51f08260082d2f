"""Reading articles: encodings, skipped files, titles and publication dates."""

import codecs
import json
import os

import pytest

from factcheck.documents import find_paths, find_published, read_corpus, read_document
from factcheck.errors import InputError


@pytest.mark.parametrize(
    "raw, text",
    [
        (b"Troops: 5,000.\n", "Troops: 5,000.\n"),
        (codecs.BOM_UTF8 + b"Troops: 5,000.", "\ufeffTroops: 5,000."),
        ("Troops: 5,000.".encode("utf-16"), "Troops: 5,000."),
        (b"Line one.\r\nTroops: 5,000.\r\n", "Line one.\r\nTroops: 5,000.\r\n"),
    ],
)
def test_encodings_decode_without_rewriting_text(tmp_path, raw, text):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    assert read_document(str(path)).text == text


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"Troops: 5,000.\nCaf\xe9 ok\n", r"a\.txt:2:4: invalid UTF-8 byte 0xe9"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
    ],
)
def test_unusable_files_say_where_and_why(tmp_path, raw, message):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=message):
        read_document(str(path))


def test_corpus_skips_bad_files_and_keeps_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("About 5,000 troops.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa bad")
    (tmp_path / "notes.csv").write_text("1,2,3", encoding="utf-8")
    docs, skipped = read_corpus([str(tmp_path)])
    assert [os.path.basename(d.path) for d in docs] == ["good.txt"]
    assert [os.path.basename(s.path) for s in skipped] == ["bad.txt"]


def test_symlink_loop_is_followed_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("x 1", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    assert [os.path.basename(p) for p in find_paths([str(tmp_path)])] == ["a.md"]


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        find_paths([str(tmp_path / "nope")])


@pytest.mark.parametrize(
    "head, date",
    [
        ("Title\n\nDec 02, 2017\n  • Print", "2017-12-02"),
        ("Skip to Content\n\nJanuary 3, 2020 » Today News »", "2020-01-03"),
        ("Title\nFriday, 30 November 2017\nBody", "2017-11-30"),
        ("Title\nPublished 2019-04-05T10:00", "2019-04-05T10:00"),
        ("Title\nNo date in this header, only in 2016.", None),
    ],
)
def test_publication_date_from_dateline(head, date):
    assert find_published(head) == date


def test_metadata_file_gives_date_and_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some title\nTroops: 5,000.", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(
        json.dumps({"published": "2018-02-14", "title": "Real title"}), encoding="utf-8"
    )
    doc = read_document(str(path))
    assert (doc.published, doc.title) == ("2018-02-14", "Real title")


def test_bad_metadata_names_the_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Troops: 5,000.", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text('{"published": "soon"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.txt\.meta\.json: 'published' is 'soon'"):
        read_document(str(path))


def test_dateline_search_reads_only_the_first_characters_of_long_lines():
    """A header of long lines (a paragraph per line) is read up to HEADER_CHARS only, so a
    megabyte article costs what a short one does."""
    from factcheck.documents import HEADER_CHARS

    para = "Officials said talks would resume after the holiday. " * 200  # 10 KB, no date
    assert find_published("Title\nMarch 3, 2025\n" + para * 300) == "2025-03-03"
    late = "Title\n" + "x" * HEADER_CHARS + "\nMarch 3, 2025\n"
    assert find_published(late) is None
    assert find_published(late[HEADER_CHARS - 100 :]) == "2025-03-03"
