"""`make site` on the real book: the folder catbook.book.site writes from the book `make book-check`
built is self-contained, and works from a sub-path of a host: served under
/some/sub/path/, its pages load every file from that folder, none from another host."""
from __future__ import annotations

import pytest

from catbook.book import site
from catbook.text import printer
from catbook.text.printer import PAGE_READY

SUB_PATH = "some/sub/path"
PAGES = ["index.html", "book/intro.html", "notebooks/art-02-prevention.html", "book/calculator.html"]


@pytest.fixture(scope="module")
def published(book_dir, tmp_path_factory):
    """The site folder under a sub-path of a temporary host's root, and that host's URL."""
    root = tmp_path_factory.mktemp("host")
    folder = site.build(book_dir, root / SUB_PATH)
    with printer.serve(root) as url:
        yield folder, url


def test_the_site_folder_is_self_contained(published):
    folder, _ = published
    assert site.check(folder) == []
    assert (folder / "index.html").is_file() and not (folder / ".buildinfo").exists()
    assert (folder / "_static" / "catbook-web").is_dir()


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_only_from_the_folder_under_a_sub_path(published, page, path):
    folder, url = published
    base = f"{url}/{SUB_PATH}/"
    failed = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(base + path, wait_until="load")
    page.wait_for_function(PAGE_READY)
    assert page.title(), f"{path}: no title"
    # data: and blob: addresses are made by the page itself (blob: of its own origin).
    outside = [u for u in page.requests if not u.startswith((base, "data:", f"blob:{url}/"))]
    assert outside == [], f"{path} asked for files outside {base}: {outside}"
    assert failed == [], f"{path}: {failed}"
