def test_dbg(page, book_url):
    bad = []
    page.on("response", lambda r: bad.append((r.status, r.url)) if r.status >= 400 else None)
    page.goto(book_url + "/notebooks/custody-clock.html")
    page.wait_for_timeout(5000)
    print("inputs", page.locator(".widget-text input").count(), bad)
