"""Sphinx extension: the book's search finds what a lawyer types (issue 23, point 7).

Registered by ``catbook.book.sphinx_ext`` (``app.setup_extension``). Sphinx's own search splits
words at every sign that is not a letter or digit and drops terms made only of digits, so an
article number such as "141-1" (the torture article of the Criminal Code) is split into "141"
and "1", both dropped: no result. A phrase such as "garde à vue" is three words, ranked by each
word alone ("vue" of "en vue de"). And a result's snippet is the page's text, code cells too.

* **Index.** The book's search language (:class:`LawyerEnglish`, the English one with more
  words) also indexes every hyphenated number or word as one term (``141-1``, ``art-2``; the
  hyphen written as -, ‐ or ‑).
* **Phrases.** For each phrase of :data:`PHRASES` (the legal terms of the report, in French and
  English), the pages whose text (code left out) holds it are listed in
  ``_static/catbook-search.js``; on the search page a query that holds such a phrase ranks
  those pages first, in Sphinx's order among themselves.
* **Query and snippets.** ``catbook-search.js``, loaded by the search page only, before Sphinx's
  ``searchtools.js``: the query is split as the index is (``splitQuery``: a hyphenated number
  stays one term), and a result's snippet is made from the page without its code (code cells,
  highlighted blocks, ``pre``).
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from docutils import nodes
from sphinx.search.en import SearchEnglish

#: The search page's own script (written into the build's ``_static`` at build-finished).
SCRIPT = "catbook-search.js"
#: Phrases a reader types as one: pages holding the phrase come first.
PHRASES = (
    "garde à vue", "détention provisoire", "code pénal", "code de procédure pénale",
    "mauvais traitements", "aveux", "avocat", "ombudsman", "mécanisme national de prévention",
    "police custody", "pre-trial detention", "criminal code", "code of criminal procedure",
    "ill-treatment", "national preventive mechanism", "temporary detention facility",
    "habeas corpus", "non-refoulement", "diplomatic assurances", "Optional Protocol",
)
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-"})
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")
_CODE_CLASSES = {"cell_input", "highlight"}


def hyphenated(text: str) -> list[str]:
    """Hyphenated terms of a text, hyphens made plain: "art. 141‑1" -> ["141-1"]."""
    return _HYPHENATED.findall(text.translate(_HYPHENS))


class LawyerEnglish(SearchEnglish):
    """The English search language, which also keeps hyphenated numbers and words as terms."""

    def split(self, input: str) -> list[str]:
        words = super().split(input)
        return words + [w.lower() for w in hyphenated(input)]

    def word_filter(self, word: str) -> bool:
        return "-" in word or super().word_filter(word)

    def stem(self, word: str) -> str:
        return word.lower() if "-" in word else super().stem(word)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def prose_text(doctree) -> str:
    """The text of a page without its code (literal blocks, code cells)."""
    parts = []
    for node in doctree.findall(nodes.Text):
        parent, code = node.parent, False
        while parent is not None:
            if isinstance(parent, nodes.literal_block) or _CODE_CLASSES & set(parent.get("classes", [])):
                code = True
                break
            parent = parent.parent
        if not code:
            parts.append(node.astext())
    return " ".join(parts)


def phrases_in(text: str) -> list[str]:
    folded = _fold(text)
    return [p for p in PHRASES if _fold(p) in folded]


def _doctree_read(app, doctree) -> None:
    store = getattr(app.env, "catbook_phrases", None)
    if store is None:
        store = app.env.catbook_phrases = {}
    store[app.env.docname] = phrases_in(prose_text(doctree))


def _purge(app, env, docname) -> None:
    getattr(env, "catbook_phrases", {}).pop(docname, None)


def _merge(app, env, docnames, other) -> None:
    if not hasattr(env, "catbook_phrases"):
        env.catbook_phrases = {}
    env.catbook_phrases.update({d: v for d, v in getattr(other, "catbook_phrases", {}).items() if d in docnames})


def phrase_map(by_doc: dict[str, list[str]], docs) -> dict[str, list[str]]:
    """{folded phrase: sorted docnames holding it} over the docs still in the book."""
    out: dict[str, list[str]] = {}
    for doc in sorted(docs):
        for phrase in by_doc.get(doc, ()):
            out.setdefault(_fold(phrase), []).append(doc)
    return out


SCRIPT_TEMPLATE = """\
// Written by catbook.book.search at build time: do not edit. The search page only, before searchtools.js.
var CATBOOK_PHRASES = __PHRASES__;
// Split a query as the index is: words, and hyphenated numbers or words as one term ("141-1").
var splitQuery = (query) => {
  const words = query.split(/[^\\p{Letter}\\p{Number}_\\p{Emoji_Presentation}]+/gu).filter(t => t);
  const joined = query.replace(/[\\u2010-\\u2013]/g, "-").match(/[\\p{Letter}\\p{Number}_]+(?:-[\\p{Letter}\\p{Number}_]+)+/gu) || [];
  return [...words.filter(w => !joined.some(j => j.split("-").includes(w) && /^\\d+$/.test(w))), ...joined];
};
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined") return;
  // Snippets never show code: code cells, highlighted blocks and pre are left out.
  const toText = Search.htmlToText;
  Search.htmlToText = (html, anchor) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    // code, and the frame of the page inside its main element (header buttons, contents, footer)
    doc.querySelectorAll(".cell_input, div.highlight, pre, .bd-header-article, .bd-sidebar-secondary,"
      + " .prev-next-area, .bd-footer-article, #pst-back-to-top").forEach(el => el.remove());
    return toText(doc.documentElement.outerHTML, anchor);
  };
  // A query holding a phrase of the book: the pages with that phrase first.
  const perform = Search._performSearch;
  Search._performSearch = (query, ...rest) => {
    const results = perform(query, ...rest);
    const q = query.normalize("NFC").toLowerCase().split(/\\s+/).join(" ");
    const docs = new Set(Object.entries(CATBOOK_PHRASES).filter(([p]) => q.includes(p)).flatMap(([, d]) => d));
    if (!docs.size) return results;
    // results are shown from the end of the list: the pages with the phrase go last
    return [...results.filter(r => !docs.has(r[0])), ...results.filter(r => docs.has(r[0]))];
  };
});
"""


def _write_script(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    phrases = phrase_map(getattr(app.env, "catbook_phrases", {}), app.env.found_docs)
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / SCRIPT).write_text(
        SCRIPT_TEMPLATE.replace("__PHRASES__", json.dumps(phrases, ensure_ascii=False, sort_keys=True)),
        encoding="utf-8")


def _page_context(app, pagename, templatename, context, doctree) -> None:
    if pagename == "search":
        app.add_js_file(SCRIPT, priority=100)


def setup(app):
    app.add_search_language(LawyerEnglish)
    app.connect("doctree-read", _doctree_read)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _write_script, priority=980)  # before catbook.book.light (990)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
