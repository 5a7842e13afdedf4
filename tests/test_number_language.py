"""The number words and patterns of a language are data (data/languages/<code>.yaml), read by catbook.text.figures."""
from __future__ import annotations

import pytest
import yaml

from catbook.text import figures
from catbook.pack.datafile import DataFileError
from catbook.text.figures import Language, LanguageError, exclusion_rules, language, parse_number
from catbook.pack.paths import language_file
from catbook.pack.report import report


def test_the_report_language_is_the_one_report_yaml_names():
    assert language().code == report().source.language
    assert language() is language(report().source.language)


def test_every_rule_of_the_language_file_is_used_and_named():
    raw = yaml.safe_load(language_file("fr").read_text(encoding="utf-8"))
    names = [r.name for r in exclusion_rules(language("fr"))]
    assert names[:len(raw["exclusion_rules"])] == [r["name"] for r in raw["exclusion_rules"]]
    assert {r.name for r in figures.EXCLUSION_RULES} == set(names)
    assert "quatorze" in figures.NUMBER_WORDS and "et" in figures.NUMBER_WORDS


def test_month_names_come_from_the_file():
    date = {r.name: r for r in exclusion_rules(language("fr"))}["date"].pattern
    assert date.search("le 18 janvier 2011") and not date.search("le 18 Januar 2011")


def _made_up(**change) -> Language:
    """A small made-up English, to show the parser knows no French of its own."""
    raw = dict(code="xx", name="Made-up English", group_separators=",", decimal_mark=".",
               wrong_decimal_mark="", units={"one": 1, "two": 2, "three": 3, "ten": 10, "twelve": 12},
               tens={"twenty": 20, "forty": 40}, hundreds=["hundred"], thousands=["thousand"],
               joiner="and", zero_words=["none"], multipliers={"million": 1_000_000},
               months=["March"], exclusion_rules=[{"name": "date", "description": "'1 March'",
                                                  "pattern": r"\d{1,2}{SP}?(?:{MONTHS})"}])
    raw.update(change)
    return Language(**raw)


@pytest.mark.parametrize("text, value", [
    ("48,684", 48684), ("4.5", 4.5), ("2.5 million", 2_500_000), ("forty-two", 42),
    ("two hundred and twelve", 212), ("three thousand", 3000), ("none", 0),
])
def test_another_language_file_parses_its_own_numbers(text, value):
    assert parse_number(text, lang=_made_up()) == value


def test_another_language_refuses_french_and_names_its_words():
    with pytest.raises(ValueError, match="not a Made-up English number word"):
        parse_number("vingt", lang=_made_up())
    with pytest.raises(ValueError, match="misplaced 'and'"):
        parse_number("and", lang=_made_up())
    rule = _made_up().rule(_made_up().exclusion_rules[0])
    assert rule.pattern.search("on 1 March") and not rule.pattern.search("on 1 mars")


def test_a_bad_language_file_names_the_field(tmp_path, monkeypatch):
    bad = yaml.safe_load(language_file("fr").read_text(encoding="utf-8"))
    bad["exclusion_rules"][0]["pattern"] = "(unclosed"
    (tmp_path / "zz.yaml").write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    bad["colour"] = "red"
    (tmp_path / "zy.yaml").write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(figures, "language_file", lambda code: tmp_path / f"{code}.yaml")
    figures._language.cache_clear()
    try:
        with pytest.raises(LanguageError) as error:
            language("zz")
        assert error.value.field == "exclusion_rules.0.pattern" and isinstance(error.value, DataFileError)
        with pytest.raises(LanguageError) as error:
            language("zy")
        assert error.value.field == "colour"
        with pytest.raises(LanguageError, match="is missing"):
            language("qq")
    finally:
        figures._language.cache_clear()


@pytest.mark.parametrize("text, value", [
    ("48,684", 48684), ("5,099,430", 5099430), ("4.5", 4.5), ("3.1 billion", 3_100_000_000),
    ("forty-two", 42), ("Twenty-one", 21), ("two hundred and twelve", 212), ("three thousand", 3000),
    ("none", 0), ("nineteen", 19),
])
def test_english_numbers_come_from_en_yaml(text, value):
    assert parse_number(text, lang=language("en")) == value


@pytest.mark.parametrize("text", ["48,68", "4,5", "twelve apples", "thousand thousand", "and"])
def test_english_refuses_what_it_does_not_print(text):
    with pytest.raises(ValueError):
        parse_number(text, lang=language("en"))


def test_english_rules_recognise_english_contexts():
    rules = {r.name: r.pattern for r in exclusion_rules(language("en"))}
    assert rules["date"].search("on 18 January 2011").group(0) == "18 January 2011"
    assert rules["date"].search("on March 5, 2012").group(0) == "March 5, 2012"
    assert rules["legal-reference"].search("under articles 4 and 5 of").group(0) == "articles 4 and 5"
    assert rules["document-number"].search("decree No. 430 of").group(0) == "No. 430"
    assert not rules["date"].search("le 18 janvier 2011")
