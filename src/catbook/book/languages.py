"""Sphinx extension: the Russian pages of the instructors' part, and the switch between versions.

A page under ``book/instructors/ru/`` is Russian: its ``<html lang>`` says so (the
``language``/``lang_attr`` of the page's context). Every page that has a counterpart in the
other language (``book/instructors/X`` and ``book/instructors/ru/X``) gets, at the top of its
body, a visible link to it, worded in the language it leads to (from
``<pack>/training/ui.yaml`` and ``<pack>/training/ru/ui.yaml``, key ``page.this_version``), and
the admonition titles that Sphinx writes in the book's language ("Note", "Exercise") are put
in the page's language (key ``page.titles``).
Registered in ``_config.yml`` (``sphinx.extra_extensions``).
"""
from __future__ import annotations

import posixpath
import re

from catbook.text.templating import render

#: Folder of each non-English version, relative to the book's root -> its language code.
VERSIONS = {"book/instructors/ru/": ("ru", "book/instructors/")}
#: Pairs outside that scheme: the Russian calculator is the version of the book's calculator page.
PAIRS = {"book/instructors/ru/calculator": ("book/calculator", "ru")}


def counterpart(pagename: str, found_docs) -> tuple[str, str] | None:
    """The page's other-language version and that version's language code, or None."""
    for page, (english, code) in PAIRS.items():
        if pagename == page:
            return english, "en"
        if pagename == english:
            return page, code
    for prefix, (code, english) in VERSIONS.items():
        if pagename.startswith(prefix):
            other = english + pagename[len(prefix):]
            return (other, "en") if other in found_docs else None
        if pagename.startswith(english) and "/" not in pagename[len(english):]:
            other = prefix + pagename[len(english):]
            return (other, code) if other in found_docs else None
    return None


def page_language(pagename: str) -> str | None:
    for prefix, (code, _) in VERSIONS.items():
        if pagename.startswith(prefix):
            return code
    return None


def switch_html(pagename: str, other: str, code: str) -> str:
    from catbook.training.lang import language
    href = posixpath.relpath(other, posixpath.dirname(pagename)) + ".html"
    text = language(code).t("page.this_version")
    return render("language-switch.html", href=href, code=code, text=text)


_TITLE = re.compile(r'(<p class="admonition-title">)(.*?)(</p>)', re.S)


def translate_titles(body: str, code: str) -> str:
    """The admonition titles Sphinx and sphinx-exercise wrote in English ('Note', 'Exercise',
    'Solution to … Exercise'), in the words of ``page.titles`` of that language's table."""
    from catbook.training.lang import language
    titles = language(code).strings.get("page.titles", {})

    def one(m: re.Match) -> str:
        inner = re.sub(r"(^|>)([^<]+)(<|$)", lambda t: t[1] + titles.get(t[2], t[2]) + t[3], m[2])
        return m[1] + inner + m[3]

    return _TITLE.sub(one, body)


def _on_page_context(app, pagename, templatename, context, doctree):
    code = page_language(pagename)
    if code:
        context["language"] = code
        context["lang_attr"] = code
        if "body" in context:
            context["body"] = translate_titles(context["body"], code)
    pair = counterpart(pagename, app.env.found_docs)
    if pair and "body" in context:
        context["body"] = switch_html(pagename, *pair) + context["body"]


def setup(app):
    app.connect("html-page-context", _on_page_context)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
