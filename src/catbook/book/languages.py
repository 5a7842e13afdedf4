"""Sphinx extension: the Russian pages of the instructors' part, and the switch between versions.

A page under ``book/instructors/ru/`` is Russian, and this extension makes the whole page so:

* its ``<html lang>`` says so (the ``language``/``lang_attr`` of the page's context), and the
  admonition titles that Sphinx writes in the book's language ("Note", "Exercise") are put in the
  page's language (key ``page.titles`` of ``<pack>/training/ru/ui.yaml``);
* the theme's own words (header buttons, navigation, "Contents", "previous"/"next", "Back to top",
  "Click to show", the footer, the book's title) are put in Russian from
  ``<pack>/training/ru/theme.yaml`` (:func:`translate_theme`);
* every run of Latin-script words that stays on the page is marked with its language
  (:func:`mark_foreign`): ``lang="fr"`` for the report's French, ``lang="en"`` for English kept as
  it is (titles of English pages, the claim summaries), ``lang="la"`` for the phrases the theme
  table names, so that a screen reader reads each in its own voice. Code, identifiers and symbols
  (CAT/C/KAZ/3, Asia/Almaty) are left alone: :mod:`catbook.book.latin` says which, and counts what
  is left unmarked.

Every page that has a counterpart in the other language (``book/instructors/X`` and
``book/instructors/ru/X``, and the pairs of :data:`PAIRS`) gets, in the header of the article next
to the theme's buttons, a visible switch «Русский / English»: the page's own language as the
current item, the other one a link to the counterpart (words from ``page.language_name``,
``page.switch_label`` and ``page.this_version`` of each language's ``ui.yaml``).

The frame of the page (header, navigation, footer, ``<title>``, inline scripts) is written by the
theme's templates, not by the page's body, so these changes are made on the written HTML, with
BeautifulSoup, once the build is finished (:func:`rewrite_page`; idempotent: a page already
rewritten carries ``data-catbook-languages`` on its ``<html>`` and is left as it is).
Registered in ``_config.yml`` (``sphinx.extra_extensions``).
"""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString

from catbook.book import latin
from catbook.book.sphinx_ext import _html, _soup
from catbook.text.templating import render

#: Folder of each non-English version, relative to the book's root -> its language code.
VERSIONS = {"book/instructors/ru/": ("ru", "book/instructors/")}
#: Pairs outside that scheme: the Russian calculator is the version of the book's calculator page.
PAIRS = {"book/instructors/ru/calculator": ("book/calculator", "ru")}
#: The languages of the switch, in the order it shows them.
SWITCH_ORDER = ("ru", "en")
#: Marks a written page this extension has rewritten.
DONE = "data-catbook-languages"

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_FRENCH_CUES = re.compile(
    r"[éèêëàâîïôûùçœ]|\b(?:le|la|les|de|du|des|et|à|au|aux|une?|est|sont|dans|pour|sur|par|qui|que|"
    r"ne|pas|sous|ou|son|sa|ses|leur|avec|cette|ces|il|elle)\b|\b[ldnjqs][’']", re.I)
_ENGLISH_CUES = re.compile(
    r"\b(?:the|and|of|to|is|are|for|with|this|that|by|on|its|from|an?|be|it|who|when|how|what|"
    r"which|may|must|report|custody|article|articles|self-check|session)\b", re.I)


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


# --- the switch -------------------------------------------------------------------------------

def switch_html(pagename: str, other: str, code: str) -> str:
    """The switch «Русский / English» of a page whose counterpart ``other`` is in language ``code``."""
    from catbook.training.lang import language
    own = "en" if code != "en" else (page_language(pagename) or "en")
    if own == code:  # a page of one version paired with a page of the same language: no switch
        return ""
    href = posixpath.relpath(other, posixpath.dirname(pagename)) + ".html"
    items = [{"code": c, "name": language(c).t("page.language_name"), "current": c == own,
              "href": href, "title": language(c).t("page.this_version")}
             for c in SWITCH_ORDER if c in (own, code)]
    return render("language-switch.html", items=items, label=language(own).t("page.switch_label"),
                  own=own)


def add_switch(soup: BeautifulSoup, switch: str) -> None:
    """Put the switch first among the items at the end of the article's header (next to the
    theme's buttons), or at the top of the article when the theme has no such header."""
    fragment = BeautifulSoup(switch, "html.parser")
    place = soup.select_one(".header-article-items__end")
    if place is not None:
        item = soup.new_tag("div", attrs={"class": "header-article-item catbook-language-switch-item"})
        item.extend(list(fragment.contents))
        place.insert(0, item)
        return
    article = soup.find("article") or soup.body
    if article is not None:
        article.insert(0, fragment)


# --- admonition titles (page body) ------------------------------------------------------------

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


# --- the theme's words ------------------------------------------------------------------------

@lru_cache(maxsize=None)
def theme_words(code: str) -> dict:
    """``<pack>/training/<code>/theme.yaml``: the theme's words in that language."""
    from catbook.training.common import TRAINING_DIR
    path = TRAINING_DIR / code / "theme.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _squash(text: str) -> str:
    return " ".join(text.split())


THEME_ATTRIBUTES = ("title", "aria-label", "placeholder", "data-bs-title", "alt")


def translate_theme(soup: BeautifulSoup, words: dict, book_title: str = "") -> None:
    """The theme's words in the page's language: texts of the page's frame, attributes, the
    strings of inline scripts, and the book's title in ``<title>`` and the navigation."""
    texts, attributes = words.get("text", {}), words.get("attributes", {})
    new_title = words.get("book_title", "")
    article = soup.find("article")
    for s in list(soup.find_all(string=True)):
        if type(s) is not NavigableString or s.parent is None or s.parent.name in ("script", "style"):
            continue
        if article is not None and article in s.parents:
            continue
        key = _squash(str(s))
        if key in texts:
            s.replace_with(str(s).replace(str(s).strip(), texts[key]))
        elif book_title and new_title and key == book_title:
            s.replace_with(str(s).replace(str(s).strip(), new_title))
    if soup.title and soup.title.string and book_title and new_title:
        soup.title.string = soup.title.string.replace(book_title, new_title)
    for el in soup.find_all(True):
        for attr in THEME_ATTRIBUTES:
            value = el.get(attr)
            if isinstance(value, str) and _squash(value) in attributes:
                el[attr] = attributes[_squash(value)]
    for script in soup.find_all("script", src=False):
        code = script.string
        if code:
            for english, translated in words.get("scripts", {}).items():
                code = code.replace(f"'{english}'", f"'{translated}'").replace(f'"{english}"', f'"{translated}"')
            if code != script.string:
                script.string = code


# --- marking what stays in Latin script -------------------------------------------------------

def guess_language(text: str, words: dict, *, quoted: bool = False) -> str:
    """The language of a run of Latin-script words: a phrase the theme table names, else French or
    English by their commonest words and French letters; a run between «» defaults to French
    (the report's quotes), any other to English."""
    low = _squash(text).lower()
    for code, phrases in words.get("phrases", {}).items():
        if any(p.lower() in low for p in phrases):
            return code
    fr, en = len(_FRENCH_CUES.findall(text)), len(_ENGLISH_CUES.findall(text))
    if fr != en:
        return "fr" if fr > en else "en"
    return "fr" if quoted else "en"


def _links_to_other_language(el, pagename: str) -> bool:
    """Whether ``el`` is in a link to a page that is not in ``pagename``'s language."""
    a = el if el.name == "a" else el.find_parent("a")
    if a is None or not a.get("href"):
        return False
    href = a["href"].split("#")[0]
    if not href or "://" in href or href.startswith("mailto:"):
        return False
    target = posixpath.normpath(posixpath.join(posixpath.dirname(pagename), href))
    return page_language(target) != page_language(pagename)


def _foreign(token: str) -> bool:
    return bool(latin.WORD.search(token)) and not _CYRILLIC.search(token) and not latin.allowed(token)


_LETTER = re.compile(rf"[{latin.LATIN}]")


def _runs(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are runs of foreign Latin-script words: from the first letter of the
    run's first word to the last letter of its last, across numbers and punctuation, not across a
    Cyrillic word."""
    runs, start, end = [], None, None
    for m in re.finditer(r"\S+", text):
        token = m.group()
        if _foreign(token):
            letters = [i for i, ch in enumerate(token) if _LETTER.match(ch)]
            first, last = m.start() + letters[0], m.start() + letters[-1] + 1
            if start is None:
                start = first
            end = last
        elif _CYRILLIC.search(token) and start is not None:
            runs.append((start, end))
            start = end = None
    if start is not None:
        runs.append((start, end))
    return runs


def mark_foreign(soup: BeautifulSoup, pagename: str, words: dict) -> None:
    """Mark every run of unmarked Latin-script words with its language (see the module's doc)."""
    for s in list(soup.find_all(string=True)):
        if type(s) is not NavigableString or s.parent is None or s.parent.name in ("title", "html", "head"):
            continue
        if not latin.WORD.search(s) or latin.is_marked(s) or not any(_foreign(t) for t in s.split()):
            continue
        parent = s.parent
        whole = parent.get_text()
        if not _CYRILLIC.search(whole) and parent.name not in ("body", "div", "section", "article", "main"):
            if parent.get("lang") is None:
                parent["lang"] = "en" if _links_to_other_language(parent, pagename) else \
                    guess_language(whole, words, quoted="«" in whole)
            continue
        text, pieces, at = str(s), [], 0
        for start, end in _runs(text):
            run = text[start:end]
            lang = "en" if _links_to_other_language(parent, pagename) else \
                guess_language(run, words, quoted=text[:start].rstrip().endswith(("«", "“", "„")))
            span = soup.new_tag("span", attrs={"lang": lang})
            span.string = run
            pieces += [NavigableString(text[at:start]), span]
            at = end
        if pieces:
            pieces.append(NavigableString(text[at:]))
            for piece in pieces:
                if str(piece):
                    s.insert_before(piece)
            s.extract()


# --- the written pages ------------------------------------------------------------------------

def rewrite_page(html: str, pagename: str, switch: str, book_title: str = "") -> str:
    """A written page with its switch, and, on a page of another language than English, the
    theme's words in that language and its Latin-script runs marked (idempotent)."""
    soup = _soup(html)
    root = soup.find("html")
    if root is None or root.has_attr(DONE):
        return html
    code = page_language(pagename)
    if code:
        words = theme_words(code)
        translate_theme(soup, words, book_title)
        mark_foreign(soup, pagename, words)
    if switch:
        add_switch(soup, switch)
    root[DONE] = ""
    return _html(soup)


def _on_page_context(app, pagename, templatename, context, doctree):
    code = page_language(pagename)
    if code:
        context["language"] = code
        context["lang_attr"] = code
        if "body" in context:
            context["body"] = translate_titles(context["body"], code)


def _rewrite_written(app, exception) -> None:
    """build-finished: every page of a pair, and every non-English page, rewritten in place."""
    if exception or app.builder.format != "html":
        return
    title = app.config.html_title or app.config.project or ""
    for pagename in sorted(app.env.found_docs):
        pair = counterpart(pagename, app.env.found_docs)
        if not pair and not page_language(pagename):
            continue
        path = Path(app.outdir) / app.builder.get_target_uri(pagename)
        if not path.is_file():
            continue
        switch = switch_html(pagename, *pair) if pair else ""
        html = path.read_text(encoding="utf-8")
        new = rewrite_page(html, pagename, switch, title)
        if new != html:
            path.write_text(new, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", _on_page_context)
    app.connect("build-finished", _rewrite_written, priority=450)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
