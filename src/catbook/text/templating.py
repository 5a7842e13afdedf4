"""The one place the book's HTML is rendered: Jinja2 templates in ``catbook/page_templates/``.

Python computes the values; the markup (page fragments, stylesheets, inline scripts) lives in
the templates. The environment

* escapes every ``{{ value }}`` exactly as :func:`html.escape` does (``quote=True``:
  ``& < > " '`` become ``&amp; &lt; &gt; &quot; &#x27;``), so the pages read the same as when
  they were built by hand; a value already marked safe (``|safe``, :class:`markupsafe.Markup`,
  another rendered fragment) goes in as it is;
* refuses a missing value (``StrictUndefined``): a template naming a variable the caller did not
  pass raises :class:`jinja2.exceptions.UndefinedError` instead of printing nothing;
* keeps the templates' whitespace as written, but for the one newline that ends each file
  (Jinja's default): a fragment's file ends with a newline, its output does not. Line breaks
  that are only there for reading are cut with Jinja's ``-`` markers (``{#- #}`` at the start
  of a line joins it to the one before).

``render("quiz/quiz.html", questions=...)`` renders one file; ``macros("custody/widget.html")``
gives a file's macros as functions; ``text("para-lookup/range.js")`` reads a file as it is.
"""
from __future__ import annotations

import html
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Undefined
from markupsafe import Markup

from catbook.pack.paths import PAGE_TEMPLATES


def _finalize(value):
    """Escape like ``html.escape(str(value), quote=True)``; safe markup passes through."""
    if isinstance(value, Undefined):
        str(value)  # StrictUndefined raises here, naming the missing variable
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(html.escape(str(value), quote=True))


def _escape(value) -> Markup:
    """The ``|e`` filter, the same escaping as ``{{ value }}``."""
    return _finalize(value)


def _text(value) -> Markup:
    """The ``|text`` filter: escaped for an element's text only (``html.escape(quote=False)``:
    quotes stay as typed), where a page has always shown them so."""
    return Markup(html.escape(str(value), quote=False))


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(PAGE_TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      finalize=_finalize)
    env.filters["e"] = env.filters["escape"] = _escape
    env.filters["text"] = _text
    return env


def render(name: str, /, **values) -> str:
    """The template ``page_templates/<name>`` filled with ``values`` (every name it uses must be given)."""
    return environment().get_template(name).render(**values)


def macros(name: str, /):
    """The macros of ``page_templates/<name>`` as functions: ``macros("custody/widget.html").error(reason, colour)``
    returns the macro's HTML (escaped the same way; a missing argument raises when it is used)."""
    return environment().get_template(name).module


def text(name: str) -> str:
    """A file of ``page_templates/`` (a stylesheet, a script) as it is, unrendered."""
    return (PAGE_TEMPLATES / name).read_text(encoding="utf-8")
