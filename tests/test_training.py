"""The instructors' course (catbook.training): every answer checked against the engine or the data.

Answers are recomputed here directly with ``catbook.custody`` (audit, deadlines, the rule
book) and with data/cat-c-kaz-3/claims.csv and data/cat-c-kaz-3/figures.csv, and compared with what the generated
pages and quizzes show; the committed pages must be what the generator writes now.
"""
from __future__ import annotations

import html
import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from catbook import custody
from catbook.text import printer as catbook_pdf
from catbook.pack.chapters import CHAPTERS, chapter_of_section
from catbook.judge.claims import VERDICTS, load_claims
from catbook.custody.moments import resolve_zone, to_utc
from catbook.custody.tables import format_overrun
from catbook.text import figures
from catbook.text.figures import load_figures
from catbook.pack.paths import ROOT
from catbook.text.source import line, source_lines
from catbook.training import TrainingDataError, quiz
from catbook.training import exercises as ex_mod
from catbook.training import glossary, handouts, pages, quizzes
from catbook.training.clock import PLACEHOLDER
from catbook.training.common import INSTRUCTORS, TYPED_TIME, when_with_offset

COURSE = ex_mod.load_exercises()
CLAIMS = load_claims()
FIGURES = load_figures()
QUIZZES = quizzes.load_quizzes()
N_LINES = len(source_lines())
SESSION_PAGES = [INSTRUCTORS / f"session-{s.number}.md" for s in COURSE.sessions]
HAND_WRITTEN = [INSTRUCTORS / "index.md", *SESSION_PAGES]


def claim_row(claim_id: str):
    rows = CLAIMS[CLAIMS.claim_id == claim_id]
    assert not rows.empty, f"no claim {claim_id}"
    return rows.iloc[0]


# --- the engine, called directly (not through catbook.training) -----------------------------

def engine_outcomes(case) -> dict[str, dict]:
    """rule -> {due, status, overrun, delay, done} straight from catbook.custody / rules.yaml."""
    out = {}
    if case.arrested_at is not None:
        if case.now is not None:
            for f in custody.audit(case.arrested_at, dict(case.events), tz=case.tz, now=case.now,
                                   foreigner=case.foreigner, juvenile=case.juvenile,
                                   delay_authorised=case.delay_authorised):
                out[f.rule] = {"due": f.due, "status": f.status, "overrun": f.overrun,
                               "delay": f.deadline.lawful_delay_until, "done": f.actual}
        else:
            for d in custody.deadlines(case.arrested_at, tz=case.tz, foreigner=case.foreigner,
                                       juvenile=case.juvenile, delay_authorised=case.delay_authorised):
                out[d.rule] = {"due": d.due, "status": None, "overrun": None,
                               "delay": d.lawful_delay_until, "done": None}
    zone = resolve_zone(case.tz)
    for rule_id, c in case.clocks.items():
        hours = custody.load_rules().rule(rule_id).duration.amount
        start = to_utc(c["start"], zone, "start")
        due = start + timedelta(hours=hours)
        done = to_utc(c["done"], zone, "done") if c.get("done") else None
        now = to_utc(case.now, zone, "now") if case.now else None
        if done is not None:
            status, overrun = ("met", None) if done <= due else ("missed", done - due)
        elif now is not None:
            status, overrun = ("pending", None) if now <= due else ("missed", now - due)
        else:
            status, overrun = None, None
        out[rule_id] = {"due": due.astimezone(zone), "status": status, "overrun": overrun, "delay": None,
                        "done": done}
    return out


# --- exercises ----------------------------------------------------------------------------------

def test_course_has_enough_exercises_on_the_required_scenarios():
    ids = {e.id for e in COURSE.exercises}
    assert len(ids) >= 15
    required = {"night-arrest", "protocol-drawn-up-late", "family-not-informed", "foreign-national-consulate",
                "juvenile-arrest", "injuries-at-admission", "complaint-who-investigates",
                "expulsion-risk-of-torture", "confession-under-duress"}
    assert required <= ids
    assert [s.number for s in COURSE.sessions] == [1, 2, 3, 4]
    assert all(COURSE.of_session(s.number) for s in COURSE.sessions)


CUSTODY_EXERCISES = [e for e in COURSE.exercises if e.is_custody]


@pytest.mark.parametrize("exercise", CUSTODY_EXERCISES, ids=lambda e: e.id)
def test_custody_solution_shows_what_the_engine_computes(exercise):
    page = ex_mod.render_exercise(exercise)
    computed = exercise.results()
    for label, case in exercise.cases.items():
        direct = engine_outcomes(case)
        for rule_id, o in computed[label].items():
            d = direct[rule_id]
            assert (o.due, o.status, o.overrun, o.lawful_delay_until) == \
                (d["due"], d["status"], d["overrun"], d["delay"]), f"{exercise.id}/{label}/{rule_id}"
        for o in exercise.shown(computed[label]):
            d = direct[o.rule]
            assert when_with_offset(d["due"]) in page
            if d["status"]:
                verdict = f"**{d['status']}**" + (f" ({format_overrun(d['overrun'])} late)" if d["overrun"] else "")
                assert verdict in page, f"{exercise.id}: verdict of {o.rule} not shown as computed"
            if d["delay"]:
                assert when_with_offset(d["delay"]) in page


@pytest.mark.parametrize("exercise", [e for e in CUSTODY_EXERCISES if e.intended], ids=lambda e: e.id)
def test_engine_gives_the_verdicts_the_exercise_teaches(exercise):
    for label, statuses in exercise.intended.items():
        direct = engine_outcomes(exercise.cases[label])
        assert {rule: direct[rule]["status"] for rule in statuses} == statuses, f"{exercise.id}/{label}"


def test_every_custody_exercise_states_an_intent_or_only_deadlines():
    for e in CUSTODY_EXERCISES:
        judged = any(c.now is not None for c in e.cases.values())
        assert e.intended or not judged, f"{e.id}: verdicts are computed but no intended verdict is checked"


def test_prose_never_types_a_time_and_every_placeholder_is_filled():
    raw = yaml.safe_load((ex_mod.EXERCISES_FILE).read_text(encoding="utf-8"))
    for entry in raw["exercises"]:
        for field in ex_mod.PROSE_FIELDS:
            assert not TYPED_TIME.search(entry[field]), f"{entry['id']}.{field} types a time"
    for e in COURSE.exercises:
        for field in ex_mod.PROSE_FIELDS:
            assert not PLACEHOLDER.search(e.text(field)), f"{e.id}.{field}"


def test_placeholders_fill_from_the_engine_and_the_data():
    e = COURSE.exercise("held-past-72-hours")
    direct = engine_outcomes(e.cases["main"])["court-72h"]
    text = e.text("solution")
    assert f"{direct['status']}, {format_overrun(direct['overrun'])} past the deadline" in text
    z = COURSE.exercise("zero-recorded-cases").text("solution")
    figure = figures.figure("fig-art-1-4-5-010")
    assert f"{int(figure.value)} of them" in z
    assert VERDICTS[claim_row("co2-7-020").verdict] in z


@pytest.mark.parametrize("exercise", COURSE.exercises, ids=lambda e: e.id)
def test_legal_points_quote_the_report_and_cite_claims_shown_in_the_book(exercise):
    assert exercise.quotes or exercise.basis or exercise.is_custody
    for q in exercise.quotes + exercise.basis:
        assert q.fr in line(q.line), f"{exercise.id}: not verbatim in line {q.line}"
        assert q.en
    for claim_id in exercise.claims:
        assert chapter_of_section(claim_row(claim_id).section), f"{claim_id} has no chapter page"
    for rule_id in exercise.rules:
        custody.load_rules().rule(rule_id)
    assert set(exercise.use) <= set(CHAPTERS) | {"calculator", "custody-clock", "report-text",
                                                  "claims-index", "recommendations"}


def test_misconceptions_named_by_exercises_are_sections_of_the_session_pages():
    defined = set()
    for path in SESSION_PAGES:
        defined |= set(re.findall(r"^\(mis-([a-z0-9-]+)\)=\n###", path.read_text(encoding="utf-8"), re.M))
    named = {m for e in COURSE.exercises for m in e.misconceptions}
    assert named <= defined
    required = {"count-from-protocol", "family-delay-after-2011", "three-hours-maximum"}
    assert required <= defined


# --- quizzes ------------------------------------------------------------------------------------

class _Quiz(HTMLParser):
    """Collects the questions (data-kind, data-answer), labels, inputs, links and scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.questions, self.labels, self.inputs, self.hrefs, self.srcs = [], set(), [], [], []
        self.fieldsets = self.legends = self.buttons = self.live = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-kind" in a:
            self.questions.append((a["id"], a["data-kind"], a["data-answer"]))
        if tag == "label" and "for" in a:
            self.labels.add(a["for"])
        if tag == "input":
            self.inputs.append(a)
        if tag == "a":
            self.hrefs.append(a.get("href", ""))
        if "src" in a:
            self.srcs.append(a["src"])
        self.fieldsets += tag == "fieldset"
        self.legends += tag == "legend"
        self.buttons += tag == "button" and a.get("type") == "button"
        self.live += a.get("aria-live") == "polite"


def parse_quiz(html: str) -> _Quiz:
    p = _Quiz()
    p.feed(html)
    return p


def test_every_article_chapter_has_a_quiz():
    article_chapters = {k for k in CHAPTERS if k.startswith("art-")}
    assert article_chapters <= set(QUIZZES)
    assert all(len(qs) >= 3 for qs in QUIZZES.values())


QUIZ_RAW = yaml.safe_load(quizzes.QUIZZES_FILE.read_text(encoding="utf-8"))
ALL_QUESTIONS = [(key, entry) for key, entries in QUIZ_RAW.items() for entry in entries]


@pytest.mark.parametrize("key, entry", ALL_QUESTIONS, ids=[f"{k}/{e['id']}" for k, e in ALL_QUESTIONS])
def test_quiz_answer_key_is_the_engines_or_the_datas(key, entry):
    parsed = parse_quiz(quizzes.render_html(key))
    dom_id = f"cq-{key}-{entry['id']}"
    (kind, answer), = [(k, a) for i, k, a in parsed.questions if i == dom_id]
    question = next(q for q in quizzes.questions(key) if q.id == entry["id"])
    if kind in ("deadline", "status"):
        from catbook.training.clock import parse_case
        direct = engine_outcomes(parse_case(entry["case"], "test"))[entry["rule"]]
        if kind == "deadline":
            assert answer == direct["due"].strftime("%Y-%m-%dT%H:%M")
        else:
            assert question.choices[int(answer)].text == direct["status"]
    elif kind == "verdict":
        assert question.choices[int(answer)].text == VERDICTS[claim_row(entry["claim"]).verdict]
    elif kind == "number":
        if "figure" in entry:
            expected = figures.figure(entry["figure"]).value
        elif "rule" in entry:
            expected = custody.load_rules().rule(entry["rule"]).duration.amount
        else:
            rule = custody.load_rules().rule(entry["lawful_delay"])
            expected = next(v.lawful_delay.duration.amount for v in rule.versions if v.lawful_delay)
        assert int(answer) == expected
    else:
        correct = [c for c in entry["choices"] if c.get("correct")]
        assert len(correct) == 1
        support = correct[0]["support"]
        row = claim_row(support["claim"])
        assert support["quote"] in row.quote_fr, "the claim does not say what the correct choice says"
        assert row.quote_fr in line(int(row.source_line))
        assert chapter_of_section(row.section), "support claim must be shown on a chapter page"
        assert question.choices[int(answer)].text == correct[0]["text"].strip()


@pytest.mark.parametrize("key", sorted(QUIZZES))
def test_quiz_html_is_accessible_and_self_contained(key):
    html = quizzes.render_html(key)
    parsed = parse_quiz(html)
    n = len(QUIZZES[key])
    assert len(parsed.questions) == n
    assert parsed.fieldsets == parsed.legends == parsed.buttons == parsed.live == n
    for a in parsed.inputs:
        assert a["id"] in parsed.labels, f"input {a['id']} has no label"
    assert not parsed.srcs, "the quiz loads nothing"
    assert "http" not in "".join(parsed.hrefs)
    assert html.count("<script>") == 1 and "src=" not in html.split("<script>")[1]


@pytest.mark.parametrize("key", sorted(QUIZZES))
def test_quiz_links_point_at_report_lines_and_claim_anchors(key):
    parsed = parse_quiz(quizzes.render_html(key, root="../../"))
    notebooks = {c.notebook for c in CHAPTERS.values()}
    for href in parsed.hrefs:
        m = re.fullmatch(r"\.\./\.\./book/report-text\.html#p(\d+)", href)
        if m:
            assert 1 <= int(m.group(1)) <= N_LINES
            continue
        m = re.fullmatch(r"\.\./\.\./book/report-text\.html#para-(\d+)", href)
        if m:  # the official paragraph beside the line
            assert 1 <= int(m.group(1)) <= 387
            continue
        m = re.fullmatch(r"\.\./\.\./notebooks/([a-z0-9-]+)\.html#claim-([a-z0-9-]+)", href)
        assert m, f"unexpected link {href}"
        assert m.group(1) in notebooks
        assert CHAPTERS[chapter_of_section(claim_row(m.group(2)).section)].notebook == m.group(1)


def test_quiz_object_for_a_notebook():
    q = quiz("art-11")
    assert q._repr_html_() == quizzes.render_html("art-11", "../")
    text = repr(q)
    assert text.startswith("Self-check quiz, Article 11")
    assert all(f"\n{i}. [" in text for i in range(1, len(q.questions) + 1))
    assert "href" not in text and "<" not in text
    with pytest.raises(KeyError):
        quiz("art-99")


# --- the loaders refuse what they must -----------------------------------------------------------

def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return path


EXERCISE = """
sessions: [{number: 1, title: T}]
exercises:
  - id: x
    session: 1
    title: X
    articles: [11]
    rules: [protocol-3h]
    use: [calculator]
    facts: FACTS
    question: Q
    solution: SOLUTION
    cases: [{arrested_at: "2012-03-01 23:40", tz: Asia/Almaty}]
"""


@pytest.mark.parametrize("facts, solution, message", [
    ("Arrested at 23:40.", "Due {due:protocol-3h}.", "typed time"),
    ("Arrested at {arrest}.", "Due {due:court-99h}.", "no clock court-99h"),
    ("Arrested at {arrest}.", "It was {status:protocol-3h}.", "no verdict without a moment of checking"),
])
def test_exercise_loader_refuses_typed_or_unknown_answers(tmp_path, facts, solution, message):
    path = _write(tmp_path, EXERCISE.replace("FACTS", facts).replace("SOLUTION", solution))
    with pytest.raises(TrainingDataError, match=message):
        ex_mod.load_exercises(path)


def test_exercise_loader_refuses_a_misquote(tmp_path):
    text = EXERCISE.replace("FACTS", "At {arrest}.").replace("SOLUTION", "{due:protocol-3h}") + \
        "    quotes: [{line: 309, fr: \"trois heures et demie\", en: x}]\n"
    with pytest.raises(TrainingDataError, match="not a verbatim substring of line 309"):
        ex_mod.load_exercises(_write(tmp_path, text))


def test_quiz_loader_refuses_unsupported_correct_choice(tmp_path):
    text = """
art-11:
  - id: q
    kind: choice
    prompt: P?
    choices:
      - {text: A, correct: true, support: {claim: co2-11-005, quote: "dans les vingt-quatre heures"}}
      - {text: B}
"""
    path = _write(tmp_path, text)
    with pytest.raises(TrainingDataError, match="support quote is not in claim co2-11-005"):
        quizzes.load_quizzes(path)


# --- glossary -------------------------------------------------------------------------------------

def test_glossary_terms_occur_in_their_line_and_have_russian():
    terms = glossary.load_glossary()
    assert len(terms) >= 30
    for t in terms:
        assert t.fr in line(t.source_line), f"{t.term_id}: {t.fr!r} not in line {t.source_line}"
        assert re.search(r"[\u0400-\u04FF]", t.ru)
        assert t.en
    by_id = {t.term_id: t for t in terms}
    assert by_id["garde-a-vue"].ru.startswith("задержание")
    assert by_id["proces-verbal-garde-a-vue"].ru == "протокол задержания"
    assert {"enqueteur", "agent-instruction", "procureur", "detention-provisoire"} <= set(by_id)


# --- generated and hand-written pages -------------------------------------------------------------

def test_committed_generated_pages_are_current():
    for name, text in pages.generated_pages().items():
        path = INSTRUCTORS / name
        assert path.is_file(), f"{path} missing: run `python -m catbook.training pages`"
        assert path.read_text(encoding="utf-8") == text, \
            f"book/instructors/{name} is stale: run `python -m catbook.training pages`"


def test_no_stale_generated_page_is_left_behind():
    generated = set(pages.generated_pages())
    on_disk = {p.name for p in INSTRUCTORS.glob("*.md")}
    hand_written = {p.name for p in HAND_WRITTEN}
    assert on_disk - generated - hand_written == set()


def test_every_instructors_page_is_in_the_toc_as_the_last_english_part():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    last = next(part for part in toc["parts"] if part["caption"] == "For instructors")
    # The Russian version of this part comes right after it, last (tests/test_training_ru.py).
    assert toc["parts"][-2] is last

    def files(entries):
        for entry in entries:
            yield entry["file"]
            yield from files(entry.get("sections", []))

    # Flat: a nested entry makes the theme draw an unnamed toggle on every page (axe summary-name).
    assert not any("sections" in entry for entry in last["chapters"])
    listed = set(files(last["chapters"]))
    on_disk = {f"book/instructors/{p.stem}" for p in INSTRUCTORS.glob("*.md")}
    assert listed == on_disk


def test_sphinx_exercise_is_enabled():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    extensions = config["sphinx"]["extra_extensions"]
    assert "sphinx_exercise" in extensions and "catbook.book.sphinx_ext" in extensions


@pytest.mark.parametrize("path", HAND_WRITTEN, ids=lambda p: p.name)
def test_hand_written_pages_cite_real_lines_claims_and_exercises(path):
    text = path.read_text(encoding="utf-8")
    labels = {e.label for e in COURSE.exercises}
    for target in re.findall(r"\{ref\}`[^`<]*<([^>]+)>`", text) + re.findall(r"\{ref\}`([^`<]+)`", text):
        if target.startswith("claim-"):
            assert chapter_of_section(claim_row(target[len("claim-"):]).section)
        elif re.fullmatch(r"p\d+", target):
            assert 1 <= int(target[1:]) <= N_LINES
        elif re.fullmatch(r"para-\d+", target):  # the official paragraph beside a line
            assert 1 <= int(target[len("para-"):]) <= 387
        elif target.startswith("ex-"):
            assert target in labels, target
        else:
            assert target.startswith("mis-"), target
    assert not TYPED_TIME.search(re.sub(r"\|\s*\d:\d\d–\d:\d\d\s*\|", "|", text)), \
        "a clock time outside the timetable: deadlines belong in the generated exercises"


def test_session_pages_tie_objectives_to_articles_and_rules():
    rules = {r.id for r in custody.load_rules().rules}
    for path in SESSION_PAGES:
        text = path.read_text(encoding="utf-8")
        objectives = text.split("## Learning objectives")[1].split("## Reading")[0]
        assert re.search(r"articles? \d+", objectives, re.I)
        for rule in re.findall(r"`([a-z0-9-]+)`", objectives):
            assert rule in rules, f"{path.name}: unknown rule {rule}"
        assert "## Timetable" in text and "## Discussion prompts" in text and "## Common misconceptions" in text
        assert "{doc}`../../notebooks/" in text


# --- handouts -------------------------------------------------------------------------------------

def test_card_and_sheet_html_come_from_the_data():
    rule = custody.load_rules().rule("family-notice-12h")
    card = handouts.card_html(rule)
    for text in (rule.title, rule.duration.label, rule.basis):
        assert html.escape(text) in card
    example = handouts.example_for("family-notice-12h")
    assert when_with_offset(example.outcome.due) in card
    sheet = handouts.sheet_html(1)
    key = handouts.sheet_html(1, with_solutions=True)
    for e in COURSE.of_session(1):
        assert html.escape(e.text("facts")) in sheet
        assert html.escape(e.text("solution")) in key
        assert html.escape(e.text("solution")) not in sheet


@pytest.mark.parametrize("code", ["en", "ru"])
def test_a_card_prints_on_one_page_with_the_rules_text(tmp_path, code):
    """Printed by the book's Chromium (`make test` installs it: `make chromium`), read back with pypdf;
    in English and in Russian (the same rule, its words from data/cat-c-kaz-3/training/ru/)."""
    from catbook.training.lang import language
    if not catbook_pdf.chromium_available():
        pytest.fail(f"{catbook_pdf.CHROMIUM} is missing: run `make chromium`", pytrace=False)
    lang = language(code)
    rule = custody.load_rules().rule("court-72h")
    pdf = handouts.build_card(rule.id, tmp_path, lang=lang)
    assert catbook_pdf.page_count(pdf) == 1
    [(width, height)] = catbook_pdf.page_sizes(pdf)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, f"not A4: {width} x {height} pt"
    html_text = (tmp_path / "cards" / "court-72h.html").read_text(encoding="utf-8")
    assert html.escape(rule.quote_fr) in html_text
    flat = handouts.normalise(catbook_pdf.pdf_text(pdf))
    assert f'<html lang="{code}">' in html_text
    for words in (lang.rule_text(rule, "title"), rule.quote_fr, f"({lang.t('sheet.line', n=rule.quote_line)})",
                  lang.rule_text(rule, "limit")):
        assert handouts.normalise(words) in flat, f"{words!r} not in the printed card"


def test_a_card_longer_than_a_page_is_refused(tmp_path, monkeypatch):
    """build_card counts the printed pages: a card that runs onto a second page is an error."""
    if not catbook_pdf.chromium_available():
        pytest.fail(f"{catbook_pdf.CHROMIUM} is missing: run `make chromium`", pytrace=False)
    long = handouts.card_html
    monkeypatch.setattr(handouts, "card_html",
                        lambda rule, course=None, lang=None: long(rule, course, lang).replace(
                            "</body>", "<p>padding</p>" * 400 + "</body>"))
    with pytest.raises(handouts.HandoutError, match="a card must fit on one"):
        handouts.build_card("court-72h", tmp_path)


# --- clocks the arrest does not start: the engine's rule_deadline and judge -----------------

def _hour_rule_not_from_arrest():
    book = custody.load_rules()
    for rule in book.rules:
        if not rule.computable and rule.duration.unit == "hours" and not rule.duration.is_immediate:
            return rule
    pytest.skip("the pack has no hour limit outside the custody clock")


def test_rule_clock_uses_the_engines_limit_and_verdicts():
    from catbook.training.clock import Case, rule_clock
    rule = _hour_rule_not_from_arrest()
    limit = rule.duration.as_timedelta()
    start = "2012-05-14 19:20"
    case = Case(label="x", arrested_at=None, tz="Asia/Almaty", now="2013-01-01 00:00")
    begin = to_utc(start, resolve_zone("Asia/Almaty"), "start")
    at_limit = (begin + limit).astimezone(resolve_zone("Asia/Almaty"))
    met = rule_clock(rule.id, start, case, at_limit.isoformat())
    late = rule_clock(rule.id, start, case, (at_limit + timedelta(minutes=1)).isoformat())
    assert (met.status, met.overrun, met.due) == ("met", None, at_limit)
    assert (late.status, late.overrun) == ("missed", timedelta(minutes=1))
    pending = rule_clock(rule.id, start, Case(label="x", arrested_at=None, now=start, tz="Asia/Almaty"))
    assert pending.status == "pending"
    unjudged = rule_clock(rule.id, start, Case(label="x", arrested_at=None, tz="Asia/Almaty"))
    assert unjudged.status is None and unjudged.due == at_limit


def test_rule_clock_refuses_an_act_before_its_clock():
    from catbook.training.clock import Case, rule_clock
    rule = _hour_rule_not_from_arrest()
    case = Case(label="x", arrested_at=None, tz="Asia/Almaty", now="2013-01-01 00:00")
    with pytest.raises(TrainingDataError, match=rf"clocks\[{rule.id}\]\.done"):
        rule_clock(rule.id, "2012-05-14 19:20", case, "2012-05-14 19:00")


def test_judge_needs_a_moment_for_an_act_not_done():
    rule = _hour_rule_not_from_arrest()
    deadline = custody.rule_deadline(rule.id, "2012-05-14 19:20", tz="Asia/Almaty")
    with pytest.raises(custody.CustodyInputError) as err:
        custody.judge(deadline)
    assert err.value.field == "now"
