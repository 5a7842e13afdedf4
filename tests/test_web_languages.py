"""The calculator's other languages, exported with the rules (catbook.book.web.language_payload)."""
from __future__ import annotations

import re

import pytest
import yaml

from catbook.book import web
from catbook.custody import RulesDataError, load_rules
from catbook.custody.messages import messages


def test_the_russian_table_has_every_key_and_name_of_the_english():
    ru = web.language_payload("ru")
    assert set(ru["messages"]) == set(messages())
    for key, text in messages().items():
        assert set(re.findall(r"\{([a-z_]+)\}", text)) == set(re.findall(r"\{([a-z_]+)\}", ru["messages"][key])), key
        words = re.sub(r"\{[a-z_]+\}", "", text)
        assert re.search(r"[\u0400-\u04FF]", ru["messages"][key]) or not re.search(r"[a-z]{3}", words), key
    # the page's own words are in the table too (web/src/custody-calculator.js reads page.*)
    assert ru["messages"]["page.button.submit"] == "Показать сроки"


def test_every_rule_has_its_russian_words_for_the_page():
    ru = web.language_payload("ru")
    book = load_rules()
    assert set(ru["rules"]) == {r.id for r in book.rules}
    for rule in book.rules:
        words = ru["rules"][rule.id]
        assert all(re.search(r"[\u0400-\u04FF]", words[k]) for k in ("title", "description", "basis", "limit"))
        assert ("act" in words) == (rule.act is not None)
    assert ru["rules"]["family-notice-12h"]["delay"] == "72 часа"
    payload = web.custody_rules_payload()
    assert payload["languages"]["ru"] == ru
    assert payload["generated_from"]["languages"]["ru"][0] == "data/cat-c-kaz-3/custody/messages.ru.yaml"


def test_a_table_that_lacks_a_key_or_a_name_is_refused(tmp_path, monkeypatch):
    messages_file, rules_file, examples_file = web.LANGUAGE_FILES["ru"]
    table = yaml.safe_load(messages_file.read_text(encoding="utf-8"))
    broken = dict(table)
    del broken["verdict.met"]
    path = tmp_path / "messages.ru.yaml"
    path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    monkeypatch.setitem(web.LANGUAGE_FILES, "ru", (path, rules_file, examples_file))
    with pytest.raises(RulesDataError, match="verdict.met"):
        web.language_payload("ru")
    broken = dict(table, **{"verdict.late_by": "опоздание"})
    path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RulesDataError, match="late_by"):
        web.language_payload("ru")


def test_every_worked_case_has_its_russian_name_and_facts_with_the_same_times():
    from catbook.custody.scenarios import load_scenarios
    examples = web.language_payload("ru")["examples"]
    cases = load_scenarios()
    assert set(examples) == {case.name for case in cases}
    for case in cases:
        words = examples[case.name]
        assert re.search(r"[\u0400-\u04FF]", words["title"]) and re.search(r"[\u0400-\u04FF]", words["facts"])
        assert not re.search(r"[A-Za-z]{2,}", words["title"]), case.name
        # the same clock times, dates and numbers as the English facts
        assert sorted(re.findall(r"\d+", case.facts)) == sorted(re.findall(r"\d+", words["facts"])), case.name


def test_a_worked_case_without_its_russian_words_is_refused(tmp_path, monkeypatch):
    messages_file, rules_file, examples_file = web.LANGUAGE_FILES["ru"]
    table = yaml.safe_load(examples_file.read_text(encoding="utf-8"))
    name = next(iter(table))
    del table[name]
    path = tmp_path / "scenarios.yaml"
    path.write_text(yaml.safe_dump(table, allow_unicode=True), encoding="utf-8")
    monkeypatch.setitem(web.LANGUAGE_FILES, "ru", (messages_file, rules_file, path))
    with pytest.raises(RulesDataError, match=name):
        web.language_payload("ru")


#: Where the English message uses a glossary term in a sense the glossary's note sends elsewhere:
#: "actual deprivation of liberty" is, in Russian, «фактическое задержание» (note of
#: privation-de-liberte; language review 2026-12, m9).
GLOSSARY_SENSE = {("page.help.arrested_at", "privation-de-liberte")}


def test_the_calculator_messages_use_the_glossarys_russian_terms():
    """Where an English message uses a glossary term, its Russian message uses the term's Russian
    form (catbook.training.terms, by stem), and the words the language review struck are gone."""
    from catbook.training import glossary, terms
    table = web.language_payload("ru")["messages"]
    all_terms = glossary.load_glossary()
    for key, english in messages().items():
        missing = [t for t in terms.missing_terms(english, table[key], all_terms)
                   if (key, t.term_id) not in GLOSSARY_SENSE]
        assert not missing, f"{key}: " + "; ".join(f"{terms.form(t.en)!r} is {terms.form(t.ru)!r}" for t in missing)
    words = " ".join(table.values())
    assert "момент фактического задержания" in table["page.label.arrested_at"].lower()
    assert table["verdict.missed"] == "срок нарушен"
    for struck in ("срок пропущен", "лишения свободы в виде", "внешний предел"):
        assert struck not in words.lower(), struck
