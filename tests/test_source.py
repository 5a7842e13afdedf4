"""The project's copy of the report is the text received, byte for byte."""
import hashlib
import shutil

import pytest

from catbook.text import source
from catbook.pack.paths import ROOT


def test_source_matches_recorded_sha256():
    source.verify_source()
    assert hashlib.sha256(source.SOURCE_FILE.read_bytes()).hexdigest() == source.SOURCE_SHA256


def test_source_matches_shared_original_when_present():
    shared = ROOT.parent / "shared" / "source" / "cat-c-kaz-3.fr.txt"
    if not shared.exists():
        pytest.skip("no shared/ folder beside this checkout")
    assert shared.read_bytes() == source.SOURCE_FILE.read_bytes()


def test_an_edited_copy_is_rejected(tmp_path):
    copy = tmp_path / "report.txt"
    shutil.copy(source.SOURCE_FILE, copy)
    copy.write_bytes(copy.read_bytes().replace("torture".encode(), "tortura".encode(), 1))
    with pytest.raises(source.SourceIntegrityError, match="sha256"):
        source.verify_source(copy)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(source.SourceIntegrityError, match="missing"):
        source.verify_source(tmp_path / "nope.txt")


def test_lines_are_split_on_newlines_only():
    lines = source.source_lines()
    assert len(lines) == 488
    assert source.line(4) == "Ce rapport porte sur la période comprise entre 2008 et 2012."
    with pytest.raises(ValueError, match="source_line"):
        source.line(489)
