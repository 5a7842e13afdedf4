"""Sphinx extension: a one-notebook rebuild of the book costs what that notebook costs.

With ``numfig`` on, every build numbers figures, tables, code blocks and exercises across the
book: Sphinx's ``TocTreeCollector.assign_figure_numbers`` unpickles the doctree of every page
(all 50-odd, some of them large notebooks) even when a single notebook changed. That walk was
the largest part of a rebuild after the fixed start-up cost. The book numbers nothing: no
``{numref}``, no numbered figure or table caption, and its exercises are ``:nonumber:``.
Jupyter Book turns ``numfig`` on by default and ``sphinx_exercise`` and
``sphinx_jupyterbook_latex`` force it on again at ``config-inited``, so a setting in
``_config.yml`` alone cannot turn it off; this extension does, after them.

Set ``catbook_numfig: true`` in ``sphinx.config`` of ``_config.yml`` to number things again.
If a page uses ``{numref}`` while numbering is off, Sphinx warns ("numfig is disabled"), which
``make book-check`` turns into an error.
"""
from __future__ import annotations


def _numfig(app, config) -> None:
    """``config-inited``, after the extensions that force ``numfig`` on."""
    config.numfig = bool(config.catbook_numfig)


def setup(app):
    app.add_config_value("catbook_numfig", False, "env")
    app.connect("config-inited", _numfig, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
