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
    messages_file, rules_file = web.LANGUAGE_FILES["ru"]
    table = yaml.safe_load(messages_file.read_text(encoding="utf-8"))
    broken = dict(table)
    del broken["verdict.met"]
    path = tmp_path / "messages.ru.yaml"
    path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    monkeypatch.setitem(web.LANGUAGE_FILES, "ru", (path, rules_file))
    with pytest.raises(RulesDataError, match="verdict.met"):
        web.language_payload("ru")
    broken = dict(table, **{"verdict.late_by": "опоздание"})
    path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RulesDataError, match="late_by"):
        web.language_payload("ru")
