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


# --- every YAML file of the pack: an unknown or malformed key is refused, naming file and key ---
# (issue 22 item 5; training/** and findings.yaml are checked by their own tests)

import yaml as _yaml

from catbook.pack import paths as _paths


def _copy_with(tmp_path, source, mutate, name=None):
    """``source`` parsed, changed by ``mutate`` (which returns the key it broke), written under its own name."""
    data = _yaml.safe_load(source.read_text(encoding="utf-8"))
    key = mutate(data)
    path = tmp_path / (name or source.name)
    path.write_text(_yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path, key


def _add(entry_path, key="colour", value="red"):
    """A mutation adding an unknown ``key`` to the mapping at ``entry_path`` (keys and indexes)."""
    def mutate(data):
        target = data
        for step in entry_path:
            target = target[step]
        target[key] = value
        return key
    return mutate


def _load_reconciliation(path):
    from catbook.judge.tidy import load_reconciliation_definition
    return load_reconciliation_definition(path)


def _load_tables(path):
    from catbook.judge.tidy import load_table_definitions
    return load_table_definitions(path)


def _load_official(path):
    from catbook.text.corpus import load_official_paragraphs
    return load_official_paragraphs(path)


def _load_exclusions(path):
    from catbook.text.figures import _reviewed
    return _reviewed(path)


def _load_report(path):
    from catbook.pack.report import load_report
    return load_report(path)


def _load_chapters(path):
    from catbook.pack.chapters import load_chapters
    return load_chapters(path)


def _load_claim_checks(path, monkeypatch):
    from catbook.judge import verdicts
    monkeypatch.setattr(verdicts, "CLAIM_CHECKS_YAML", path)
    return verdicts.load_claim_checks()


def _load_audit_checks(path):
    from catbook.judge.audit import load_checks
    return load_checks(path)


def _load_judgements(path):
    from catbook.judge.audit import load_judgements
    return load_judgements(path)


def _load_notebooks(path):
    from catbook.book.display import load_notebook_texts
    return load_notebook_texts(path)


def _load_rules(path):
    from catbook.custody.rules import load_rules
    return load_rules(path)


def _load_scenarios(path):
    from catbook.custody.scenarios import load_scenarios
    return load_scenarios(path)


def _load_messages(path, monkeypatch):
    from catbook.custody import messages
    monkeypatch.setattr(messages, "MESSAGES_FILE", path)
    messages.messages.cache_clear()
    try:
        return messages.messages()
    finally:
        messages.messages.cache_clear()


def _load_tracker_scale(path):
    from catbook.judge.recommendations import load_scale
    return load_scale(path)


def _first_key(data):
    return next(iter(data))


# (file, its path in the pack, the mutation, the loader, whether the loader needs monkeypatch)
_PACK_FILES = [
    ("torture-reconciliation.yaml", _paths.RECONCILIATION_YAML, _add(["rows", 0]), _load_reconciliation, False),
    ("table-definitions.yaml", _paths.TABLE_DEFINITIONS_YAML, _add(["tables", 0, "labels", 0]), _load_tables, False),
    ("official-paragraphs.yaml", _paths.OFFICIAL_PARAGRAPHS_YAML, _add(["ranges", 2]), _load_official, False),
    ("number-exclusions.yaml", _paths.NUMBER_EXCLUSIONS_YAML, _add(["exclusions", 0]), _load_exclusions, False),
    ("report.yaml", _paths.REPORT_YAML, _add([]), _load_report, False),
    ("chapters.yaml", _paths.CHAPTERS_YAML, _add(["chapters", 0]), _load_chapters, False),
    ("claim-checks.yaml", _paths.CLAIM_CHECKS_YAML, _add(["checks", 0]), _load_claim_checks, True),
    ("audit-checks.yaml", _paths.AUDIT_CHECKS_YAML, _add(["checks", 0]), _load_audit_checks, False),
    ("audit-judgements.yaml", _paths.AUDIT_JUDGEMENTS_YAML,
     lambda d: _add([_first_key(d)])(d), _load_judgements, False),
    ("notebooks.yaml", _paths.NOTEBOOK_TEXT_YAML, lambda d: _add([_first_key(d)])(d), _load_notebooks, False),
    ("rules.yaml", _paths.CUSTODY_DIR / "rules.yaml", _add(["rules", 0]), _load_rules, False),
    ("scenarios.yaml", _paths.CUSTODY_DIR / "scenarios.yaml", _add([0]), _load_scenarios, False),
    ("tracker-scale.yaml", _paths.TRACKER_SCALE_YAML, _add(["grades", 0]), _load_tracker_scale, False),
]


@pytest.mark.parametrize("name, source, mutate, load, patch", _PACK_FILES, ids=[f[0] for f in _PACK_FILES])
def test_an_unknown_key_in_each_pack_file_is_refused_naming_file_and_key(tmp_path, monkeypatch,
                                                                         name, source, mutate, load, patch):
    assert source.name == name and source.exists()
    load(source, monkeypatch) if patch else load(source)   # the committed file loads
    path, key = _copy_with(tmp_path, source, mutate)
    with pytest.raises(ValueError) as error:
        load(path, monkeypatch) if patch else load(path)
    # audit-judgements.yaml's loader (catbook.judge.audit) names the file by its stem
    named = name if name != "audit-judgements.yaml" else "audit-judgements"
    assert named in str(error.value) and key in str(error.value), str(error.value)


def test_a_value_split_at_a_comma_is_refused_in_a_strict_file(tmp_path):
    """YAML ends an unquoted flow-mapping value at a comma and keeps the rest as a key (review 2026-12
    §5.1): the strict model refuses that key, naming file and key."""
    path = tmp_path / "official-paragraphs.yaml"
    text = _paths.OFFICIAL_PARAGRAPHS_YAML.read_text(encoding="utf-8")
    text = text.replace('title: "Articles 1, 4 et 5"', "title: Articles 1, 4 et 5")
    path.write_text(text, encoding="utf-8")
    from catbook.text.corpus import OfficialParagraphsError, load_official_paragraphs
    with pytest.raises(OfficialParagraphsError) as error:
        load_official_paragraphs(path)
    assert (error.value.file, error.value.field) == ("official-paragraphs.yaml", "ranges.2.4 et 5")


@pytest.mark.parametrize("name, source, mutate, load, expected", [
    ("official-paragraphs.yaml", _paths.OFFICIAL_PARAGRAPHS_YAML,
     lambda d: d["ranges"][0].__setitem__("first", "one") or "first", _load_official, "ranges.0.first"),
    ("number-exclusions.yaml", _paths.NUMBER_EXCLUSIONS_YAML,
     lambda d: d["exclusions"][0].pop("reason") and "reason", _load_exclusions, "exclusions.0.reason"),
    ("tracker-scale.yaml", _paths.TRACKER_SCALE_YAML,
     lambda d: d["grades"][0].__setitem__("meaning", ["a", "b"]) or "meaning", _load_tracker_scale, "grades.0.meaning"),
    ("torture-reconciliation.yaml", _paths.RECONCILIATION_YAML,
     lambda d: d["rows"][0].__setitem__("line", "fifty-two") or "line", _load_reconciliation, "rows.0.line"),
])
def test_a_malformed_key_names_file_and_dotted_field(tmp_path, name, source, mutate, load, expected):
    path, _ = _copy_with(tmp_path, source, mutate)
    with pytest.raises(DataFileError) as error:
        load(path)
    assert (error.value.file, error.value.field) == (name, expected)


def test_custody_messages_refuse_a_malformed_value(tmp_path, monkeypatch):
    for source in (_paths.CUSTODY_DIR / "messages.yaml",):
        path, key = _copy_with(tmp_path, source, lambda d: d.__setitem__(_first_key(d), ["split", "value"])
                               or _first_key(d))
        with pytest.raises(DataFileError, match=source.name):
            _load_messages(path, monkeypatch)
