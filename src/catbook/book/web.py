"""What the published book serves from its own host: rules data and front-end files.

Two things need JavaScript in the static book, and neither may come from another host:

* stored ipywidgets views (the notebooks' calculator snapshots) need require.js and
  ``@jupyter-widgets/html-manager``; both are npm packages pinned in ``web/package.json``
  (locked in ``web/package-lock.json``, installed by ``make web`` with ``npm ci``);
* the kernel-free custody calculator (``book/calculator.md``) runs ``web/src`` in the
  reader's browser, on the rules exported here from the pack's ``custody/rules.yaml``.

This module is also a Sphinx extension (``sphinx.extra_extensions`` in ``_config.yml``).
At the start of every HTML build it writes all of these files into
``<outdir>/_static/catbook-web/``, so the data the page computes with is always the
rules file of that build and nothing generated is ever committed. The folder is
deliberately not the project's ``_static/``: Jupyter Book 1 adds every ``.js`` file found
under its static paths to every page. The calculator's files are added only to pages
whose body contains the calculator's container (``CALCULATOR_MARKER``); myst-nb adds
the widget files (``nb_ipywidgets_js``) to pages whose notebook stores widget state, and
this extension takes them off again where no widget view is shown.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from importlib import metadata
from pathlib import Path

import yaml

from catbook.custody.errors import RulesDataError
from catbook.custody.messages import MESSAGES_FILE, messages
from catbook.custody.moments import _zone_names as _engine_zone_names
from catbook.custody.moments import DEFAULT_ZONE, country_zones
from catbook.custody.rules import ARREST, RULES_FILE, Duration, Rule, RuleBook, Version, load_rules
from catbook.custody.scenarios import SCENARIOS_FILE, load_scenarios
from catbook.training.lang import language as training_language
from catbook.pack.paths import CUSTODY_DIR, ROOT, TRAINING_DIR, rel

WEB = ROOT / "web"
WEB_SRC = WEB / "src"
NODE_MODULES = WEB / "node_modules"
#: Folder under the built book's ``_static`` that holds everything this module writes.
STATIC_SUBDIR = "catbook-web"
#: The attribute that marks the calculator's container in a page's HTML.
CALCULATOR_MARKER = 'data-catbook-calculator="custody"'
#: The format of the exported rules; bump it when the JSON's shape changes.
FORMAT = "catbook-custody-rules/2"
#: The project's own front-end files (web/src), copied as they are: the calculator's engine
#: (no DOM; also run by node in the parity tests) and page part, and the script that tells
#: the widget manager where its fonts are.
SOURCE_FILES = ("custody-engine.js", "custody-calculator.js", "custody-calculator.css", "widgets-assets-path.js")
#: Vendored npm files: package, file inside the package, destination under STATIC_SUBDIR.
#: html-manager's embed-amd.js loads its icon fonts relative to itself, so the fonts a
#: browser can use (woff2, woff) travel with it; the source maps and the other bundles do not.
VENDOR_FILES = (
    ("requirejs", "require.js", "require.js"),
    ("@jupyter-widgets/html-manager", "dist/embed-amd.js", "html-manager/embed-amd.js"),
    ("@jupyter-widgets/html-manager", "dist/embed.js.LICENSE.txt", "html-manager/LICENSE.txt"),
)
VENDOR_GLOBS = (("@jupyter-widgets/html-manager", "dist", ("*.woff2", "*.woff"), "html-manager"),)


class WebAssetsError(RuntimeError):
    """The front-end packages are missing or are not the versions web/package.json pins."""


# --- the rules as JSON ---------------------------------------------------------------------

def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _iso(day) -> str | None:
    return day.isoformat() if day is not None else None


def _duration(duration: Duration) -> dict:
    return {"amount": duration.amount, "unit": duration.unit, "label": duration.label}


def _version(version: Version) -> dict:
    delay = version.lawful_delay
    return {
        "from": _iso(version.valid_from), "to": _iso(version.valid_to),
        "source_lines": list(version.source_lines), "quote_fr": version.quote_fr,
        "quote_line": version.quote_line, "note": version.note,
        "lawful_delay": None if delay is None else {
            "duration": _duration(delay.duration), "starts_from": delay.starts_from,
            "description": delay.description, "basis": delay.basis,
        },
    }


def _rule(rule: Rule) -> dict:
    return {
        "id": rule.id, "title": rule.title, "computable": rule.computable, "applies_to": rule.applies_to,
        "starts_from": rule.starts_from,
        "act": None if rule.act is None else {"id": rule.act.id, "label": rule.act.label},
        "duration": _duration(rule.duration), "description": rule.description, "basis": rule.basis,
        "source_lines": list(rule.source_lines), "quote_fr": rule.quote_fr, "quote_line": rule.quote_line,
        "note": rule.note, "in_force": [_version(v) for v in rule.versions],
        "immediately": None if rule.immediately is None else {
            "source_lines": list(rule.immediately.source_lines), "quote_fr": rule.immediately.quote_fr,
            "quote_line": rule.immediately.quote_line},
        "later_law": [{"source": s.source, "publisher": s.publisher, "symbol": s.symbol, "date": s.date,
                       "url": s.url, "says": s.says} for s in rule.later_law],
    }


#: The calculator's other languages: the message table in that language (same keys and
#: names as messages.yaml), the rules' texts (titles, acts, limits, bases) and the worked cases'
#: names and facts (same names as scenarios.yaml) in it; a language counts when the pack has all
#: three files.
LANGUAGE_FILES = {code: files for code, files in
                  {"ru": (CUSTODY_DIR / "messages.ru.yaml", TRAINING_DIR / "ru" / "rules.yaml",
                          TRAINING_DIR / "ru" / "scenarios.yaml")}.items()
                  if all(f.exists() for f in files)}
_NAMES = re.compile(r"\{([a-z_]+)\}")


def language_payload(code: str, book: RuleBook | None = None) -> dict:
    """The words of the calculator in language ``code``: its message table and rule texts.

    The page's engine computes with the same rules; only these words change. Refuses a table
    whose keys or ``{names}`` differ from messages.yaml, or a rule without its texts.
    """
    book = book or load_rules()
    messages_file, rules_file, examples_file = LANGUAGE_FILES[code]
    table = yaml.safe_load(messages_file.read_text(encoding="utf-8"))
    english = messages()
    if not isinstance(table, dict) or set(table) != set(english):
        missing, extra = sorted(set(english) - set(table or {})), sorted(set(table or {}) - set(english))
        raise RulesDataError(f"{messages_file.name}: keys differ from messages.yaml (missing {missing}, extra {extra})")
    for key, text in english.items():
        if set(_NAMES.findall(text)) != set(_NAMES.findall(str(table[key]))):
            raise RulesDataError(f"{messages_file.name}: {key} must name {sorted(set(_NAMES.findall(text)))}")
    texts = yaml.safe_load(rules_file.read_text(encoding="utf-8"))
    rules = {}
    for rule in book.rules:
        t = texts.get(rule.id)
        if not t:
            raise RulesDataError(f"{rules_file.name}: no texts for rule {rule.id}")
        entry = {k: t[k] for k in ("title", "description", "basis", "limit")}
        if rule.act is not None:
            entry["act"] = t["act"]
        # each dated version's note, in the order of in_force (None: the version has none)
        by_label = t.get("versions", {})
        entry["versions"] = []
        for version in rule.versions:
            note = by_label.get(version.label, {}).get("note")
            if version.note and not note:
                raise RulesDataError(f"{rules_file.name}: {rule.id}: no note for version {version.label}")
            entry["versions"].append({"note": note if version.note else None})
        delays = [v for v in rule.versions if v.lawful_delay]
        if delays:
            version = t.get("versions", {}).get(delays[0].label, {})
            entry.update(delay=t["delay"], delay_description=version["delay_description"],
                         delay_basis=version["delay_basis"])
        rules[rule.id] = entry
    strings = training_language(code).strings
    return {"messages": {k: str(v) for k, v in table.items()}, "rules": rules,
            "examples": _examples(examples_file),
            # how the language writes a moment, as the instructors' pages do (training/<code>/ui.yaml)
            "dates": {"months": [str(m) for m in strings["months"]], "moment": str(strings["date_format"])}}


def _examples(path: Path) -> dict:
    """The worked cases' names (``title``) and ``facts`` in a language, by the scenario's name:
    one entry for every case of scenarios.yaml, none for another (RulesDataError naming the file)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = [case.name for case in load_scenarios()]
    if not isinstance(raw, dict) or set(raw) != set(names):
        missing, extra = sorted(set(names) - set(raw or {})), sorted(set(raw or {}) - set(names))
        raise RulesDataError(f"{path.name}: cases differ from scenarios.yaml (missing {missing}, extra {extra})")
    out = {}
    for name in names:
        entry = raw[name]
        if not isinstance(entry, dict) or set(entry) != {"title", "facts"} \
                or not all(str(entry[k] or "").strip() for k in ("title", "facts")):
            raise RulesDataError(f"{path.name}: {name}: expected a non-empty title and facts")
        out[name] = {k: " ".join(str(entry[k]).split()) for k in ("title", "facts")}
    return out


def _zone_names() -> list[str]:
    """Every zone name ``resolve_zone`` accepts, sorted."""
    return sorted(_engine_zone_names())


def custody_rules_payload(book: RuleBook | None = None) -> dict:
    """rules.yaml as validated by ``load_rules``, plus what the page needs to read input like the engine.

    ``zones.known`` is the list of zone names the engine accepts (the pinned tzdata's),
    ``zones.country`` the ones offered first (the zones of report.yaml's ``country``), ``zones.default``
    its ``default_zone``; ``examples`` are the worked cases of scenarios.yaml, which the page can load
    into its form; ``messages`` is the message table (the pack's custody/messages.yaml) that the
    page's engine words its texts with.
    """
    book = book or load_rules()
    period = book.known_period
    return {
        "format": FORMAT,
        "generated_from": {
            "rules": rel(RULES_FILE), "rules_sha256": _sha256(RULES_FILE),
            "scenarios": rel(SCENARIOS_FILE),
            "scenarios_sha256": _sha256(SCENARIOS_FILE),
            "messages": rel(MESSAGES_FILE), "messages_sha256": _sha256(MESSAGES_FILE),
            "tzdata": metadata.version("tzdata"),
            "languages": {code: [rel(p) for p in files]
                          for code, files in LANGUAGE_FILES.items()},
        },
        "arrest": ARREST,
        "known_period": {"from": _iso(period.start), "to": _iso(period.end),
                         "source_lines": list(period.source_lines), "quote_fr": period.quote_fr,
                         "quote_line": period.quote_line, "note": period.note},
        "rules": [_rule(rule) for rule in book.rules],
        "messages": dict(messages()),
        "languages": {code: language_payload(code, book) for code in LANGUAGE_FILES},
        "zones": {"default": DEFAULT_ZONE, "country": list(country_zones()), "known": _zone_names()},
        "examples": [{"name": case.name, "title": case.title, "facts": case.facts,
                      "inputs": {"arrested_at": str(case.inputs["arrested_at"]), "tz": case.inputs["tz"],
                                 "foreigner": bool(case.inputs["foreigner"]),
                                 "juvenile": bool(case.inputs["juvenile"]),
                                 "delay_authorised": bool(case.inputs["delay_authorised"]),
                                 "events": {k: str(v) for k, v in case.inputs["events"].items()
                                            if v is not None},
                                 "now": str(case.inputs["now"])}}
                     for case in load_scenarios()],
    }


def custody_rules_json(book: RuleBook | None = None) -> str:
    return json.dumps(custody_rules_payload(book), ensure_ascii=False, indent=1) + "\n"


def custody_rules_script(book: RuleBook | None = None) -> str:
    """The same JSON as a script that sets ``window.catbookCustodyRules``.

    A script, not a fetch of the JSON file, so the page also works opened from disk
    (``file://``), where browsers refuse fetch().
    """
    body = json.dumps(custody_rules_payload(book), ensure_ascii=False, separators=(",", ":"))
    return (f"// Generated at book build time from {rel(RULES_FILE)} by catbook.book.web: do not edit.\n"
            f"window.catbookCustodyRules = {body};\n")


# --- the front-end files -------------------------------------------------------------------

def _pinned_versions() -> dict[str, str]:
    return json.loads((WEB / "package.json").read_text(encoding="utf-8"))["dependencies"]


def check_node_modules() -> None:
    """Refuse a missing or stale ``web/node_modules`` (not the versions package.json pins)."""
    for package, pinned in _pinned_versions().items():
        manifest = NODE_MODULES / package / "package.json"
        if not manifest.is_file():
            shown = manifest.relative_to(ROOT) if manifest.is_relative_to(ROOT) else manifest
            raise WebAssetsError(f"{shown} is missing: run `make web` (npm ci in web/)")
        installed = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        if installed != pinned:
            raise WebAssetsError(f"web/node_modules has {package} {installed}, web/package.json pins "
                                 f"{pinned}: run `make web`")


def write_web_assets(dest: Path) -> list[Path]:
    """Write the rules data, the calculator and the vendored widget files into ``dest``."""
    check_node_modules()
    dest = Path(dest)
    written = []

    def put(path: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        written.append(target)

    for package, inner, target in VENDOR_FILES:
        put(NODE_MODULES / package / inner, dest / target)
    for package, folder, patterns, target in VENDOR_GLOBS:
        for pattern in patterns:
            for path in sorted((NODE_MODULES / package / folder).glob(pattern)):
                put(path, dest / target / path.name)
    for name in SOURCE_FILES:
        put(WEB_SRC / name, dest / name)
    for name, text in (("custody-rules.json", custody_rules_json()), ("custody-rules.js", custody_rules_script())):
        (dest / name).write_text(text, encoding="utf-8")
        written.append(dest / name)
    return written


# --- the Sphinx extension ------------------------------------------------------------------

def _stage(app) -> None:
    from sphinx.errors import ExtensionError

    if getattr(app.builder, "format", None) != "html":
        return
    try:
        write_web_assets(Path(app.outdir) / "_static" / STATIC_SUBDIR)
    except WebAssetsError as error:
        raise ExtensionError(str(error)) from None


def _page_assets(app, pagename, templatename, context, doctree) -> None:
    """Add the calculator's data, script and style to the pages that hold the calculator."""
    if CALCULATOR_MARKER not in (context.get("body") or ""):
        return
    app.add_css_file(f"{STATIC_SUBDIR}/custody-calculator.css")
    app.add_js_file(f"{STATIC_SUBDIR}/custody-rules.js")
    app.add_js_file(f"{STATIC_SUBDIR}/custody-engine.js", loading_method="defer")
    app.add_js_file(f"{STATIC_SUBDIR}/custody-calculator.js", loading_method="defer")


WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"


def _drop_unused_widget_scripts(app, pagename, templatename, context, doctree) -> None:
    """No widget manager on a page that shows no widget view.

    myst-nb adds the widget state and ``nb_ipywidgets_js`` to every page whose notebook
    stores widget state, even when the cells showing the widgets are removed from the
    page (``remove-output``): several megabytes of JavaScript that would render nothing.
    """
    if WIDGET_VIEW_MIME in (context.get("body") or ""):
        return
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    # the HTML builder holds local script paths with their "_static/" prefix
    widget_files = {name for path in (app.config.nb_ipywidgets_js or {}) for name in (path, f"_static/{path}")}

    def is_widget_script(script) -> bool:
        attributes = getattr(script, "attributes", None) or {}
        return (getattr(script, "filename", None) in widget_files
                or attributes.get("type") == WIDGET_STATE_MIME)

    scripts[:] = [script for script in scripts if not is_widget_script(script)]


def setup(app) -> dict:
    app.connect("builder-inited", _stage)
    app.connect("html-page-context", _page_assets)
    # after myst-nb's own html-page-context handler, which adds the widget scripts
    app.connect("html-page-context", _drop_unused_widget_scripts, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
