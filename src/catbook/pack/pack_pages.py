"""The prose of generated pages that belongs to one report: Jinja2 Markdown templates in the pack.

A page the code writes (the report text, the outside facts, the questions) opens with prose
that speaks of one report: its examples, its sources, what the research found. That prose is
the pack's ``pages/<name>.md``; a pack without it gets the neutral default of
``catbook/page_templates/pack/<name>.md``. Templates see ``report`` (catbook.pack.report), ``paths``
(catbook.pack.paths, with the filter ``rel`` for a file as the book cites it) and what the page passes.
Undefined names fail the build (``StrictUndefined``).
"""
from __future__ import annotations


from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from catbook.pack import paths
from catbook.pack.report import report

DEFAULTS = paths.PAGE_TEMPLATES / "pack"


def pack_text(name: str, **context) -> str:
    """The pack's ``pages/<name>`` (or the default) rendered with ``context``."""
    env = Environment(loader=ChoiceLoader([FileSystemLoader(paths.PAGES_DIR), FileSystemLoader(DEFAULTS)]),
                      undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    env.filters["rel"] = paths.rel
    return env.get_template(name).render(report=report(), paths=paths, **context)
