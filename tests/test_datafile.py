"""catbook.pack.datafile: the one strict base and the one YAML loader every data file goes through."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from catbook.pack.chapters import ChaptersError
from catbook.custody.errors import RulesDataError
from catbook.pack.datafile import DataFileError, StrictModel, load_yaml, read_yaml, validate
from catbook.pack.report import ReportConfigError
from catbook.judge.tidy import TidyError
from catbook.judge.verdicts import VerdictScaleError


class _Entry(StrictModel):
    name: str
    count: int = 0


class _File(StrictModel):
    entries: list[_Entry]


def test_an_unknown_key_names_file_and_dotted_field(tmp_path):
    path = tmp_path / "things.yaml"
    path.write_text("entries:\n  - {name: a}\n  - {name: b, colour: red}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_yaml(path, _File)
    assert (error.value.file, error.value.field) == ("things.yaml", "entries.1.colour")
    assert str(error.value).startswith("things.yaml: entries.1.colour: ")


def test_bad_yaml_and_a_missing_file_are_data_file_errors(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("entries:\n  - {name: a\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken.yaml: file: not valid YAML \(line \d+"):
        load_yaml(path, _File)
    with pytest.raises(DataFileError, match="is missing") as error:
        read_yaml(tmp_path / "absent.yaml")
    assert error.value.field == "file" and isinstance(error.value, ValueError)


def test_the_error_class_and_extra_fields_are_the_callers(tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text("name: x\n", encoding="utf-8")
    assert load_yaml(path, _Entry, count=3) == _Entry(name="x", count=3)
    with pytest.raises(TidyError) as error:
        validate(["not", "a", "mapping"], _Entry, TidyError, file="t.yaml", prefix="tables.0")
    assert error.value.field == "tables.0" and error.value.reason == "must be a mapping"


def test_models_are_frozen_and_strict():
    entry = _Entry(name="a")
    with pytest.raises(ValidationError):
        entry.name = "b"
    with pytest.raises(ValidationError):
        _Entry(name="a", extra=1)


@pytest.mark.parametrize("error", [ReportConfigError, ChaptersError, TidyError, VerdictScaleError, RulesDataError])
def test_each_modules_error_is_a_data_file_error(error):
    assert issubclass(error, DataFileError) and issubclass(error, ValueError)
