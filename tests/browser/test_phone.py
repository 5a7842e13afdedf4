"""The book on a phone (390x844, touch): the navigation button opens the table of contents, and the
calculator's form and results are usable at that width with no sideways scroll of the page.

The themes' own handlers are bound to a header button that narrow screens hide
(pydata-sphinx-theme #2451, sphinx-book-theme #988); ``_static/catbook-toggles.js`` forwards the
visible buttons' clicks to it.
"""
from __future__ import annotations

import pytest

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    body = page.evaluate("document.body.scrollWidth")
    assert width <= 390 and body <= 390, f"the page scrolls sideways: {width} px, body {body} px in 390"


@pytest.mark.parametrize("path", ["book/intro.html", "notebooks/art-03-non-refoulement.html"])
def test_the_navigation_button_opens_the_table_of_contents(phone, book_url, path):
    phone.goto(f"{book_url}/{path}")
    toggles = phone.locator(".primary-toggle")
    visible = [i for i in range(toggles.count()) if toggles.nth(i).is_visible()]
    assert visible, "no visible navigation button on a phone"
    dialog = phone.locator("#pst-primary-sidebar-modal")
    assert not dialog.is_visible()
    toggles.nth(visible[0]).tap()
    dialog.wait_for(state="visible")
    toc = dialog.locator("nav.bd-links a.reference.internal, .bd-toc-item a")
    assert toc.count() > 20, "the dialog opened without the table of contents"
    assert dialog.get_by_role("link", name="Questions for the delegation").first.is_visible() or \
        dialog.locator("a[href*='questions']").count() > 0
    # The first entries are on screen, inside the phone's width.
    box = toc.first.bounding_box()
    assert box and 0 <= box["x"] < 390 and box["y"] < 844
    phone.keyboard.press("Escape")
    dialog.wait_for(state="hidden")


def test_the_calculator_form_and_results_fit_a_phone(phone, book_url):
    phone.goto(f"{book_url}/book/calculator.html")
    _no_sideways_scroll(phone)
    field = phone.locator("#cc-arrested_at")
    field.scroll_into_view_if_needed()
    box = field.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, f"the arrest field is off-screen: {box}"
    field.fill("2012-03-01 09:00")
    phone.fill("#cc-tz", "Asia/Almaty")
    phone.fill("#cc-now", "2012-03-05 09:00")
    before = phone.get_attribute("#cc-results", "data-run")
    phone.locator("#cc-submit").tap()
    phone.wait_for_function("b => document.querySelector('#cc-results').dataset.run !== b", arg=before)
    results = phone.locator("#cc-results")
    results.scroll_into_view_if_needed()
    assert results.is_visible() and results.inner_text().strip()
    rbox = results.bounding_box()
    assert rbox and rbox["x"] >= 0 and rbox["x"] + rbox["width"] <= 391, f"results wider than the phone: {rbox}"
    _no_sideways_scroll(phone)
