"""A calculator a custody officer or a monitor can keep, in Chromium (issue #12, item 4).

On the built book (``book_url``): the page calculator's address holds its case, so the link
reopens the same case in a fresh browser; the form survives a reload, an invalid entry
included, with its error beside the field; "Print this case" prints one A4 page with every
deadline, verdict, legal basis and report line; "Copy as text" puts the same record on the
clipboard. A chapter shows the kernel-free calculator (not a widget snapshot) filled with
its worked case, computed as the Python engine computes it, prints and copies it, and links
the case into the calculator page; two calculators on one page each keep their own case and
ids. The engine (``catbook.custody``) is the oracle throughout. Pages are counted by
``catbook.book.printer.page_count`` and the page size read with pypdf.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from catbook.text import printer
from catbook.pack.chapters import CHAPTERS
from catbook.custody import NOT_RECORDED, load_rules, load_scenarios, scenario
from catbook.custody.messages import message
from catbook.custody.moments import format_moment
from catbook.custody.widgets import evaluate_form

PAGE = "/book/calculator.html"
READY = "[data-catbook-calculator='custody'][data-ready='true']"
RULES = {rule.id: rule for rule in load_rules().rules}
FORM_RULES = [rule.id for rule in load_rules().custody_rules(foreigner=True, juvenile=True)]
FLAGS = ("foreigner", "juvenile", "delay_authorised")
SCENARIOS = load_scenarios()
A4_POINTS = (595.3, 841.9)
#: Chapters whose notebook shows the calculator, and the worked case each starts from.
CHAPTER_CASES = {"custody-clock": "foreign-national-consulate-late",
                 **{c.notebook: c.custody_scenario for c in CHAPTERS.values() if c.custody_scenario}}

ROWS = """root => Array.from(document.querySelectorAll(root + ' .cc-table tbody tr')).map(tr =>
  [tr.dataset.rule, tr.dataset.due, tr.dataset.status])"""
ERRORS = """root => Object.fromEntries(Array.from(document.querySelectorAll(root + ' [data-error-for]'))
  .filter(node => !node.hidden).map(node => [node.dataset.errorFor, node.textContent]))"""


def engine_rows(case) -> list[list[str]]:
    return [[f.rule, f.due.isoformat(timespec="minutes"), f.status] for f in case.run()]


def act_text(inputs, rule) -> str:
    """What an act's field shows for a case given as audit()'s arguments: its time, or blank."""
    value = inputs["events"].get(rule)
    return "" if value is None or value == NOT_RECORDED else str(value)


def not_done(inputs, rule) -> bool:
    """Whether the act's "not done" box is ticked: left out or None, where the rule applies (as audit() reads it)."""
    applies = {r.id for r in load_rules().custody_rules(foreigner=bool(inputs.get("foreigner")),
                                                         juvenile=bool(inputs.get("juvenile")))}
    return rule in applies and inputs["events"].get(rule) is None


def fill(page, case, prefix="cc-"):
    """Type a worked case into a form (every field), as a reader would."""
    inputs = case.inputs
    page.fill(f"#{prefix}arrested_at", str(inputs["arrested_at"]))
    page.fill(f"#{prefix}tz", inputs["tz"])
    for flag in FLAGS:
        page.set_checked(f"#{prefix}{flag}", bool(inputs.get(flag)))
    for rule in FORM_RULES:
        page.fill(f"#{prefix}{rule}", act_text(inputs, rule))
        page.set_checked(f"#{prefix}not-done-{rule}", not_done(inputs, rule))
    page.fill(f"#{prefix}now", str(inputs["now"]))


def show(page, prefix="cc-"):
    before = page.get_attribute(f"#{prefix}results", "data-run")
    page.click(f"#{prefix}submit")
    page.wait_for_function("([id, before]) => document.getElementById(id).dataset.run !== before",
                           arg=[f"{prefix}results", before])
    return page.get_attribute(f"#{prefix}results", "data-state")


def form_values(page, prefix="cc-") -> dict:
    keys = ["arrested_at", "tz", *FORM_RULES, "now"]
    values = {key: page.input_value(f"#{prefix}{key}") for key in keys}
    values.update({flag: page.is_checked(f"#{prefix}{flag}") for flag in FLAGS})
    values.update({f"not-done-{rule}": page.is_checked(f"#{prefix}not-done-{rule}") for rule in FORM_RULES})
    return values


def expected_values(case) -> dict:
    inputs = case.inputs
    return {"arrested_at": str(inputs["arrested_at"]), "tz": inputs["tz"],
            **{rule: act_text(inputs, rule) for rule in FORM_RULES},
            **{f"not-done-{rule}": not_done(inputs, rule) for rule in FORM_RULES},
            "now": str(inputs["now"]), **{flag: bool(inputs.get(flag)) for flag in FLAGS}}


def open_calculator(page, url):
    page.goto(url)
    page.wait_for_selector(READY)


# --- the link ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["foreign-national-consulate-late", "arrest-before-report-period-almaty-dst"])
def test_the_address_reopens_the_same_case_in_a_fresh_browser(browser, page, book_url, name):
    case = scenario(name)
    open_calculator(page, book_url + PAGE)
    fill(page, case)
    assert show(page) == "ok"
    link = page.evaluate("() => location.href")
    assert urlsplit(link).query, "the case is in the address"
    shown = page.evaluate(ROWS, "#custody-calculator")
    assert shown == engine_rows(case)
    # a new browser context: no storage, no history; only the link
    other = browser.new_context(locale="en-GB")
    try:
        fresh = other.new_page()
        open_calculator(fresh, link)
        assert form_values(fresh) == expected_values(case)
        fresh.wait_for_function("() => document.getElementById('cc-results').dataset.state === 'ok'")
        assert fresh.evaluate(ROWS, "#custody-calculator") == shown
    finally:
        other.close()


def test_a_bare_calculator_page_writes_nothing_into_its_address_until_typed_into(page, book_url):
    open_calculator(page, book_url + PAGE)
    assert page.evaluate("() => location.search") == ""
    page.fill("#cc-arrested_at", "2012-03-01 09:00")
    assert "arrested_at=2012-03-01+09%3A00" in page.evaluate("() => location.search")


# --- reload --------------------------------------------------------------------------------

def test_reload_keeps_the_form_with_an_invalid_entry_and_its_error_beside_the_field(page, book_url):
    case = scenario("routine-arrest-all-on-time")
    open_calculator(page, book_url + PAGE)
    fill(page, case)
    assert show(page) == "ok"
    page.fill("#cc-court-72h", "soon")      # typed, not submitted
    page.fill("#cc-tz", "Asia/Nowhere")
    page.reload()
    page.wait_for_selector(READY)
    want = {**expected_values(case), "court-72h": "soon", "tz": "Asia/Nowhere"}
    assert form_values(page) == want
    expected = evaluate_form(arrested_at=want["arrested_at"], tz=want["tz"], foreigner=want["foreigner"],
                             juvenile=want["juvenile"], delay_authorised=want["delay_authorised"],
                             events={rule: want[rule] for rule in FORM_RULES}, now=want["now"]).errors
    assert set(expected) == {"court-72h", "tz"}
    assert page.evaluate(ERRORS, "#custody-calculator") == expected
    for key in expected:
        row = page.locator(f"#custody-calculator [data-field-row='{key}']")
        assert row.locator(f"[data-error-for='{key}']").is_visible()
        assert page.get_attribute(f"#cc-{key}", "aria-invalid") == "true"
    assert page.get_attribute("#cc-results", "data-state") == "error"


def test_reload_keeps_what_was_typed_into_a_chapters_calculator(page, book_url):
    case = scenario(CHAPTER_CASES["custody-clock"])
    open_calculator(page, f"{book_url}/notebooks/custody-clock.html")
    assert form_values(page) == expected_values(case)
    page.fill("#cc-arrested_at", "2012-07-15 10:30")
    page.reload()
    page.wait_for_selector(READY)
    assert page.input_value("#cc-arrested_at") == "2012-07-15 10:30"
    assert page.evaluate("() => location.search") == "", "a chapter's calculator leaves the address alone"
    page.click("#cc-reset")
    page.wait_for_function("() => document.getElementById('cc-results').dataset.state === 'ok'")
    assert form_values(page) == expected_values(case)
    assert page.evaluate(ROWS, ".cc-instance") == engine_rows(case)


# --- the chapters -----------------------------------------------------------------------------

@pytest.mark.parametrize("notebook", sorted(CHAPTER_CASES))
def test_a_chapter_shows_the_kernel_free_calculator_with_its_worked_case(page, book_url, notebook, tmp_path):
    case = scenario(CHAPTER_CASES[notebook])
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    open_calculator(page, f"{book_url}/notebooks/{notebook}.html")
    assert page.locator(".cc-instance").count() == 1
    assert page.get_attribute(".cc-instance", "data-main") == "false"
    page.wait_for_function("() => document.getElementById('cc-results').dataset.state === 'ok'")
    assert form_values(page) == expected_values(case)
    assert page.evaluate(ROWS, ".cc-instance") == engine_rows(case)
    # report lines link to the report's text
    href = page.get_attribute(".cc-instance .cc-rule a[href*='#p']", "href")
    assert href.startswith("../book/report-text.html#p")
    # no widget snapshot and no widget manager
    assert page.locator(".widget-text, .jupyter-widgets").count() == 0
    assert not [url for url in page.requests if "html-manager" in url or url.endswith("/require.js")]
    assert failed == [] and page.page_errors == []
    assert [m.text for m in page.console_messages if m.type == "error"] == []
    # its case prints on one page and copies as text, with a link into the calculator page
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.click("#cc-print")
    assert page.evaluate("() => window.printed")
    out = tmp_path / "chapter.pdf"
    page.pdf(path=str(out), format="A4", prefer_css_page_size=True)
    assert printer.page_count(out) == 1
    text = page.evaluate("() => window.CatbookCustody.calculators[0].caseText()")
    for item in record_items(case):
        assert item in text, item
    link = page.get_attribute("#cc-open", "href")
    assert link.startswith("../book/calculator.html?") and link.split("/")[-1] in text
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    # "Open this case in the calculator": the calculator page with the same case
    page.click("#cc-open")
    page.wait_for_url(re.compile(r".*/book/calculator\.html\?.*"))
    page.wait_for_selector(READY)
    assert form_values(page) == expected_values(case)
    page.wait_for_function("() => document.getElementById('cc-results').dataset.state === 'ok'")
    assert page.evaluate(ROWS, "#custody-calculator") == engine_rows(case)


def test_no_page_of_the_book_holds_a_widget_view_or_loads_the_widget_manager(book_dir):
    for path in book_dir.rglob("*.html"):
        if "_static" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "application/vnd.jupyter.widget-view+json" not in text, path
        assert "html-manager/embed-amd.js" not in text, path


# --- print and copy ------------------------------------------------------------------------

def record_items(case) -> list[str]:
    """What the printed sheet and the text must hold for each deadline of a case."""
    items = []
    for f in case.run():
        items += [f.rule, RULES[f.rule].title, message(f"verdict.{f.status}").upper(), format_moment(f.due),
                  RULES[f.rule].basis, ", ".join(map(str, f.source_lines))]
    return items


def pdf_page_size(path) -> tuple[float, float]:
    """Width and height (points) of the first page, read with pypdf (a pinned dependency)."""
    from pypdf import PdfReader
    box = PdfReader(str(path)).pages[0].mediabox
    return float(box.width), float(box.height)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_print_gives_one_a4_page_with_every_deadline_verdict_basis_and_line(page, book_url, tmp_path):
    open_calculator(page, book_url + PAGE)
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    for n, case in enumerate(SCENARIOS, start=1):
        fill(page, case)
        assert show(page) == "ok", case.name
        page.click("#cc-print")
        assert page.evaluate("() => window.printed") == n
        assert page.evaluate("() => document.documentElement.classList.contains('cc-printing')")
        sheet = page.locator("#cc-print-root .cc-sheet")
        text = sheet.inner_text()
        for item in record_items(case):
            assert item in text, (case.name, item)
        out = tmp_path / f"{case.name}.pdf"
        page.pdf(path=str(out), format="A4", prefer_css_page_size=True, print_background=True)
        assert printer.page_count(out) == 1, case.name
        size = pdf_page_size(out)
        assert size == pytest.approx(A4_POINTS, abs=1.0), case.name
        printed = _norm(printer.pdf_text(out))
        for f in case.run():  # the printed page holds the sheet, not the page around it
            assert _norm(f.rule) in printed and _norm(message(f"verdict.{f.status}").upper()) in printed, (case.name, f.rule)
        assert _norm("Load a worked case") not in printed
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
        assert not page.evaluate("() => document.documentElement.classList.contains('cc-printing')")


def test_copy_as_text_puts_the_whole_case_on_the_clipboard(browser, book_url):
    case = scenario("family-delay-before-2011-change")
    context = browser.new_context(locale="en-GB")
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=book_url)
        page = context.new_page()
        open_calculator(page, book_url + PAGE)
        fill(page, case)
        assert show(page) == "ok"
        page.click("#cc-copy")
        page.wait_for_function("() => document.getElementById('custody-calculator').dataset.copied === 'true'")
        text = page.evaluate("() => navigator.clipboard.readText()")
        assert "Copied the case as text" in page.text_content("#cc-copy-status")
        for item in record_items(case):
            assert item in text, item
        assert f"Link to this case: {page.evaluate('() => location.href')}" in text
        for key, value in expected_values(case).items():
            if isinstance(value, str) and value:
                assert value in text, key
        for f in case.run():
            for warning in f.warnings:
                assert warning in text
            if f.deadline.lawful_delay_until is not None:
                assert format_moment(f.deadline.lawful_delay_until) in text
    finally:
        context.close()


def test_copy_and_print_of_a_case_with_errors_list_what_to_correct(page, book_url):
    open_calculator(page, book_url + PAGE)
    page.fill("#cc-arrested_at", "2012-03-01")
    assert show(page) == "error"
    text = page.evaluate("() => window.CatbookCustody.calculators[0].caseText()")
    reason = evaluate_form(arrested_at="2012-03-01", tz="Asia/Almaty", foreigner=False,
                           events={rule: "" for rule in FORM_RULES}, now="").errors["arrested_at"]
    assert "Not computed: correct these fields first" in text and reason in text


def test_every_calculator_of_a_page_is_mounted_with_its_own_case_and_ids(page, book_url, book_dir):
    """Two worked cases on one page (the chapter page served with a second calculator added)."""
    from catbook.book.calculator_cell import calculator_html

    first, second = scenario(CHAPTER_CASES["custody-clock"]), scenario("minor-parents-told-at-once")
    html = (book_dir / "notebooks" / "custody-clock.html").read_text(encoding="utf-8")
    extra = calculator_html(second.inputs, second.name).replace(
        'data-case=', 'data-calculator-page="../book/calculator.html" data-case=', 1)
    html = html.replace("</main>", extra + "</main>", 1)
    page.route("**/notebooks/custody-clock.html",
               lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
    page.goto(f"{book_url}/notebooks/custody-clock.html")
    page.wait_for_function("() => document.querySelectorAll(\"[data-catbook-calculator='custody'][data-ready='true']\")"
                           ".length === 2")
    ids = page.evaluate("() => Array.from(document.querySelectorAll('[id]')).map(n => n.id)")
    assert len(ids) == len(set(ids)), "no id twice on the page"
    page.wait_for_function("() => document.getElementById('cc2-results').dataset.state === 'ok'")
    assert form_values(page) == expected_values(first)
    assert form_values(page, "cc2-") == expected_values(second)
    roots = page.locator("[data-catbook-calculator='custody']")
    assert [roots.nth(i).get_attribute("data-main") for i in range(2)] == ["false", "false"]
    table_rows = """id => Array.from(document.querySelectorAll('#' + id + ' tbody tr'))
        .map(tr => [tr.dataset.rule, tr.dataset.due, tr.dataset.status])"""
    assert page.evaluate(table_rows, "cc-table") == engine_rows(first)
    assert page.evaluate(table_rows, "cc2-table") == engine_rows(second)
    page.fill("#cc2-now", "soon")
    assert page.input_value("#cc-now") == str(first.inputs["now"]), "typing in one leaves the other alone"
