"""The instructors' part in Russian: every page has its Russian version, with the same answers
computed by the same engine, the glossary's Russian terms used consistently, words from data.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import yaml

from catbook import custody
from catbook.text.corpus import para_of_line
from catbook.pack.paths import ROOT
from catbook.training import exercises as ex_mod
from catbook.training import glossary, handouts, pages, quizzes, terms
from catbook.training.common import INSTRUCTORS, TRAINING_DIR
from catbook.training.lang import LANGUAGES, UI_FILES, language
from catbook.book.languages import counterpart, page_language

RU = language("ru")
EN = language("en")
RU_DIR = INSTRUCTORS / "ru"
COURSE = ex_mod.load_exercises()
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
NUMBER = re.compile(r"\d+")
RU_CAPTION = "Для преподавателей (на русском)"


# --- the words, from data ---------------------------------------------------------------------

def test_both_interface_tables_have_the_same_keys_and_names():
    en, ru = (yaml.safe_load(UI_FILES[c].read_text(encoding="utf-8")) for c in LANGUAGES)
    assert set(en) <= set(ru)
    # English takes chapter titles from catbook.pack.chapters and units as data/ writes them.
    assert {k.split(".")[0] for k in set(ru) - set(en)} <= {"chapter", "unit", "page"}
    for key, text in en.items():
        if isinstance(text, str):
            names = set(re.findall(r"(?<!\{)\{(\w+)\}(?!\})", text))
            assert names == set(re.findall(r"(?<!\{)\{(\w+)\}(?!\})", ru[key])), key


def test_russian_dates_durations_and_plural_forms():
    moment = datetime(2012, 3, 1, 23, 40, tzinfo=ZoneInfo("Asia/Almaty"))
    assert RU.when(moment) == "1 марта 2012 г. в 23:40"
    assert RU.when_with_offset(moment) == "1 марта 2012 г. в 23:40 (UTC+06:00)"
    assert EN.when(moment) == "23:40 on 1 March 2012"
    assert RU.duration(timedelta(hours=2, minutes=5)) == "2 ч 05 мин"
    assert RU.duration(timedelta(days=1, hours=3)) == "1 сут. 3 ч 00 мин"
    forms = {n: RU.plural(n, "question") for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111)}
    assert forms == {1: "1 вопрос", 2: "2 вопроса", 4: "4 вопроса", 5: "5 вопросов", 11: "11 вопросов",
                     12: "12 вопросов", 14: "14 вопросов", 21: "21 вопрос", 22: "22 вопроса",
                     25: "25 вопросов", 101: "101 вопрос", 111: "111 вопросов"}
    assert EN.plural(1, "question") == "1 question" and EN.plural(3, "question") == "3 questions"


def test_every_rule_has_its_russian_title_limit_and_basis():
    table = yaml.safe_load((TRAINING_DIR / "ru" / "rules.yaml").read_text(encoding="utf-8"))
    book = custody.load_rules()
    assert set(table) == {r.id for r in book.rules}
    for rule in book.rules:
        for field in ("title", "limit", "basis", "description"):
            assert re.search(r"[\u0400-\u04FF]", RU.rule_text(rule, field)), (rule.id, field)
        # The same numbers (articles, dates, lines) as the English basis.
        assert Counter(NUMBER.findall(rule.basis)) == Counter(NUMBER.findall(RU.rule_text(rule, "basis"))), rule.id


# --- the translations keep every placeholder and number ---------------------------------------

def _same_placeholders_and_numbers(where: str, english: str, russian: str):
    assert re.search(r"[\u0400-\u04FF]", russian), f"{where}: not Russian"
    assert Counter(PLACEHOLDER.findall(english)) == Counter(PLACEHOLDER.findall(russian)), where
    strip = lambda t: PLACEHOLDER.sub("", t)  # noqa: E731
    assert Counter(NUMBER.findall(strip(english))) == Counter(NUMBER.findall(strip(russian))), where


@pytest.mark.parametrize("exercise", COURSE.exercises, ids=lambda e: e.id)
def test_russian_exercise_keeps_placeholders_numbers_and_quotes(exercise):
    for field in ("title", "facts", "question", "solution"):
        _same_placeholders_and_numbers(f"{exercise.id}.{field}", exercise.prose(field),
                                       exercise.prose(field, RU))
    for kind in ("quotes", "basis"):
        assert len(exercise.glosses(kind, RU)) == len(getattr(exercise, kind))


def test_every_session_has_a_russian_title():
    for s in COURSE.sessions:
        assert re.search(r"[\u0400-\u04FF]", COURSE.session_title(s.number, RU))


# --- same answers, same engine ----------------------------------------------------------------

@pytest.mark.parametrize("exercise", [e for e in COURSE.exercises if e.is_custody], ids=lambda e: e.id)
def test_russian_solution_shows_the_engines_times_and_verdicts(exercise):
    page = (RU_DIR / f"exercises-{exercise.session}.md").read_text(encoding="utf-8")
    block = page.split(f":label: ru-ex-{exercise.id}\n")[1].split("\n## ")[0]
    for outcomes in exercise.results().values():
        for o in exercise.shown(outcomes):
            assert RU.when_with_offset(o.due) in block, (o.rule, RU.when_with_offset(o.due))
            if o.status:
                assert f"**{RU.status(o.status)}**" in block
            if o.overrun is not None:
                assert RU.duration(o.overrun) in block


@pytest.mark.parametrize("key", list(quizzes.load_quizzes()))
def test_russian_quiz_has_the_same_answer_key(key):
    english = quizzes.questions(key)
    russian = quizzes.questions(key, lang=RU)
    assert [(q.id, q.kind, q.answer) for q in english] == [(q.id, q.kind, q.answer) for q in russian]
    for e, r in zip(english, russian):
        assert r.prompt != e.prompt and re.search(r"[\u0400-\u04FF]", r.prompt)
        if e.kind == "choice":  # the same choices, in the same order, the same one right
            assert [c.correct for c in e.choices] == [c.correct for c in r.choices]
    html = quizzes.render_html(key, "../../../", RU)
    assert 'id="catbook-quiz-' + key + '-ru"' in html and "Проверить ответ" in html


# --- the pages --------------------------------------------------------------------------------

def test_every_english_instructors_page_has_its_russian_page():
    english = {p.name for p in INSTRUCTORS.glob("*.md")}
    russian = {p.name for p in RU_DIR.glob("*.md")}
    assert english <= russian, f"no Russian page for {sorted(english - russian)}"
    assert russian - english == {"calculator.md"}  # the Russian version of book/calculator.md
    for name in english:
        assert counterpart(f"book/instructors/{name[:-3]}", {f"book/instructors/ru/{name[:-3]}"})


def test_committed_russian_pages_are_current():
    for name, text in pages.generated_pages(RU).items():
        path = RU_DIR / name
        assert path.is_file(), f"{path} missing: run `python -m catbook.training pages`"
        assert path.read_text(encoding="utf-8") == text, \
            f"book/instructors/ru/{name} is stale: run `python -m catbook.training pages`"


def test_russian_pages_are_the_last_part_of_the_toc():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    last = toc["parts"][-1]
    assert last["caption"] == RU_CAPTION
    listed = [c["file"] for c in last["chapters"]]
    assert set(listed) == {f"book/instructors/ru/{p.stem}" for p in RU_DIR.glob("*.md")}
    english = [c["file"] for c in toc["parts"][-2]["chapters"]]
    # Same order as the English part (the calculator after the course plan).
    assert [f for f in listed if not f.endswith("/calculator")] == [f.replace("/instructors/", "/instructors/ru/")
                                                                   for f in english]


def test_every_russian_page_says_it_awaits_a_native_legal_reader():
    for path in RU_DIR.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "ожидают проверки юристом — носителем языка" in text, path.name


def test_russian_pages_cite_lines_with_paragraphs_and_their_own_labels():
    for path in RU_DIR.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "{ref}`line " not in text and "<ex-" not in text and "<sol-" not in text, path.name
        for m in re.finditer(r"\{ref\}`строк\w* (\d+) <p\d+>`( · \{ref\}`п\. (\d+) <para-\d+>`)?", text):
            para = para_of_line(int(m[1]))
            assert para is None or (m[2] and int(m[3]) == para), f"{path.name}: {m[0]}"


def test_page_language_and_switch_of_the_sphinx_extension():
    found = {"book/instructors/session-1", "book/instructors/ru/session-1", "book/calculator",
             "book/instructors/ru/calculator", "book/instructors/glossary"}
    assert page_language("book/instructors/ru/session-1") == "ru"
    assert page_language("book/instructors/session-1") is None
    assert counterpart("book/instructors/session-1", found) == ("book/instructors/ru/session-1", "ru")
    assert counterpart("book/instructors/ru/session-1", found) == ("book/instructors/session-1", "en")
    assert counterpart("book/calculator", found) == ("book/instructors/ru/calculator", "ru")
    assert counterpart("book/instructors/glossary", found) is None  # no Russian page in this set
    assert counterpart("book/intro", found) is None
    from catbook.book.languages import translate_titles
    body = ('<p class="admonition-title">Solution to<a class="reference internal" href="#x"> Exercise</a></p>'
            '<p class="admonition-title">Note</p><p>Note</p>')
    assert translate_titles(body, "ru") == ('<p class="admonition-title">Решение к<a class="reference internal" '
                                            'href="#x"> упражнению</a></p><p class="admonition-title">Примечание</p>'
                                            '<p>Note</p>')
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "catbook.book.languages" in config["sphinx"]["extra_extensions"]


# --- terms checked, not assumed ---------------------------------------------------------------

TERMS = glossary.load_glossary()


def test_stem_rule_matches_inflected_russian_and_not_other_words():
    by_id = {t.term_id: t for t in TERMS}
    assert terms.stem("задержание") == "задержан" and terms.stem("пытки") == "пыт"
    assert terms.uses_russian(by_id["proces-verbal-garde-a-vue"], "в протоколе задержания указано")
    assert terms.uses_russian(by_id["torture"], "жертвы пыток")
    assert terms.uses_russian(by_id["centre-detention-provisoire"], "в следственных изоляторах")
    assert not terms.uses_russian(by_id["proces-verbal-garde-a-vue"], "протокол допроса")
    assert not terms.uses_russian(by_id["procureur"], "следователь")
    # The report's French quotes (« spaced ») are not the page's Russian.
    assert not terms.uses_russian(by_id["procureur"], "« прокурор »")
    assert terms.uses_english(by_id["centre-detention-provisoire"], "pre-trial detention centres")


def test_missing_terms_finds_an_english_term_left_untranslated():
    english = "The duty prosecutor reviews the file."
    assert [t.term_id for t in terms.missing_terms(english, "Дежурный прокурор проверяет материалы.", TERMS)] == []
    missing = {t.term_id for t in terms.missing_terms(english, "Дежурный сотрудник проверяет материалы.", TERMS)}
    assert missing == {"procureur-de-garde"}
    # A longer term counts as itself only.
    assert {t.term_id for t in terms.missing_terms(
        "a pre-trial detention centre", "следственный изолятор", TERMS)} == set()


@pytest.mark.parametrize("name", sorted(p.name for p in INSTRUCTORS.glob("*.md")))
def test_russian_page_uses_the_glossarys_russian_where_the_english_page_uses_the_english(name):
    english = (INSTRUCTORS / name).read_text(encoding="utf-8")
    russian = (RU_DIR / name).read_text(encoding="utf-8")
    missing = terms.missing_terms(english, russian, TERMS)
    assert not missing, f"ru/{name}: " + "; ".join(f"{terms.form(t.en)!r} is {terms.form(t.ru)!r}" for t in missing)


def test_every_term_the_english_pages_use_appears_in_the_russian_pages():
    """Beyond the glossary page itself: the course's prose uses the terms in both languages."""
    def corpus(folder):
        return "\n".join(p.read_text(encoding="utf-8") for p in folder.glob("*.md") if p.name != "glossary.md")
    english, russian = corpus(INSTRUCTORS), corpus(RU_DIR)
    in_english = {t.term_id for t in TERMS if terms.uses_english(t, english)}
    in_russian = {t.term_id for t in TERMS if terms.uses_russian(t, russian)}
    assert in_english <= in_russian, sorted(in_english - in_russian)
    assert len(in_russian) >= 50


# --- handouts ---------------------------------------------------------------------------------

def test_russian_card_and_sheet_come_from_the_same_engine():
    rule = custody.load_rules().rule("family-notice-12h")
    card = handouts.card_html(rule, lang=RU)
    assert '<html lang="ru">' in card
    for text in (RU.rule_text(rule, "title"), RU.rule_text(rule, "limit"), RU.rule_text(rule, "basis")):
        assert html.escape(text) in card
    example = handouts.example_for("family-notice-12h")
    assert RU.when_with_offset(example.outcome.due) in card
    key = handouts.sheet_html(1, with_solutions=True, lang=RU)
    for e in COURSE.of_session(1):
        assert html.escape(e.text("solution", lang=RU)) in key


# --- issue 24: the Russian in the terms of Kazakh law, nothing English without a reason -------

def test_the_calculator_pages_use_the_glossarys_russian_terms():
    """The pair outside book/instructors/: book/calculator.md and its Russian page."""
    english = (ROOT / "book" / "calculator.md").read_text(encoding="utf-8")
    russian = (RU_DIR / "calculator.md").read_text(encoding="utf-8")
    missing = terms.missing_terms(english, russian, TERMS)
    assert not missing, "; ".join(f"{terms.form(t.en)!r} is {terms.form(t.ru)!r}" for t in missing)
    # R1: the two administrative institutions the review found swapped
    assert "административное\nзадержание** по статье 620" in russian
    assert "административный арест, назначаемый судьёй" in russian


def test_no_claim_summary_evidence_or_glossary_note_is_left_in_english_on_a_russian_page():
    from catbook.training.common import claims_df
    table = claims_df().set_index("claim_id")
    texts = "\n".join(p.read_text(encoding="utf-8") for p in RU_DIR.glob("*.md"))
    for claim_id in {c for e in COURSE.exercises for c in e.claims}:
        assert html.escape(table.loc[claim_id].summary_en, quote=False)[:60] not in texts, claim_id
    for term in TERMS:
        if term.note_en:
            assert term.note_en[:60] not in texts, term.term_id
    for key in quizzes.load_quizzes():
        for q in quizzes.questions(key, lang=RU):
            assert not q.evidence_en
            if q.kind == "verdict":
                assert re.search(r"[\u0400-\u04FF]{4}", q.answer_text.split(".", 1)[1]), q.id


def _digits(text: str) -> Counter:
    return Counter(NUMBER.findall(re.sub(r"data/\S+", "", text)))


def test_russian_claim_texts_and_glossary_notes_keep_every_number():
    from catbook.training.common import claims_df
    raw = yaml.safe_load((TRAINING_DIR / "ru" / "claims.yaml").read_text(encoding="utf-8"))
    table = claims_df().set_index("claim_id")
    for key, column in (("summaries", "summary_en"), ("evidence", "evidence_en")):
        for claim_id, text in raw[key].items():
            assert _digits(str(table.loc[claim_id, column])) == _digits(text), (key, claim_id)
    notes = glossary.notes("ru", TERMS)
    for term in TERMS:
        if term.note_en:
            assert _digits(term.note_en) == _digits(notes[term.term_id]), term.term_id


def test_a_glossary_note_missing_in_russian_is_refused(monkeypatch):
    from catbook.training import lang as lang_mod
    from catbook.training.common import TrainingDataError
    real = lang_mod.translations("ru", "glossary")
    broken = {"notes": {k: v for k, v in real["notes"].items() if k != "garde-a-vue"}}
    monkeypatch.setattr(lang_mod, "translations", lambda code, name: broken)
    with pytest.raises(TrainingDataError, match="garde-a-vue"):
        glossary.notes("ru", TERMS)


def test_the_review_points_the_russian_version_wants_are_settled():
    """Language review 2026-12: the struck words are gone from the Russian data and pages."""
    files = [*(TRAINING_DIR / "ru").glob("*.yaml"), ROOT / "data" / "cat-c-kaz-3" / "custody" / "messages.ru.yaml",
             *RU_DIR.glob("*.md")]
    # the page's own words: not the report's French quotes (« spaced »), which keep their spelling
    text = "\n".join(terms.visible(p.read_text(encoding="utf-8")) for p in files if p.name != "review-2026-12.yaml")
    for struck in ("серьёзного\nпреступления", "серьёзного преступления", "помещения под стражу",
                   "помещения под задержание", "содержаться под задержанием", "санкции судьи",
                   "согласия судьи", "Oussenta", "раздел 52", "Раздел 52", "кумовств", "получает ноту",
                   "собственной безопасности Министерства", "насилие в семье", "пункт 3 статьи 138",
                   "пункт 4 статьи 24", "пункт 1 статьи 532", "механизм правил"):
        assert struck not in text, struck
    assert not re.search(r"(?<![A-Za-z])[A-Q]\.\s", (TRAINING_DIR / "ru" / "exercises.yaml").read_text(encoding="utf-8"))


def test_every_review_point_has_a_recorded_outcome():
    review = yaml.safe_load((TRAINING_DIR / "ru" / "review-2026-12.yaml").read_text(encoding="utf-8"))
    points = {p["id"]: p for p in review["points"]}
    wanted = {f"R{n}" for n in range(1, 9)} | {f"m{n}" for n in range(1, 23)} | {f"G{n}" for n in range(1, 10)}
    assert wanted <= set(points), sorted(wanted - set(points))
    for point in points.values():
        assert point["outcome"] in {"fixed", "fixed-awaits-native-reader", "disagree"}, point["id"]
        assert point["changed"] and point["source"], point["id"]
        if point["outcome"] == "disagree":
            assert point.get("why"), point["id"]


def test_the_russian_index_names_the_open_legal_points():
    text = (RU_DIR / "index.md").read_text(encoding="utf-8")
    assert "ожидают проверки юристом — носителем языка" in text
    for point in ("с момента фактического задержания или с момента доставления", "двенадцать часов",
                  "арест", "статьи 141-1"):
        assert point in text, point
