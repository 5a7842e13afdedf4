"""catbook.book.web: the rules exported for the kernel-free calculator and the files the book serves."""
import json

import pytest

from catbook.book import web
from catbook.custody import country_zones, load_rules, load_scenarios


def test_the_export_is_the_validated_rule_book():
    payload = web.custody_rules_payload()
    book = load_rules()
    assert payload["format"] == web.FORMAT
    assert [rule["id"] for rule in payload["rules"]] == [rule.id for rule in book.rules]
    assert payload["known_period"]["from"] == book.known_period.start.isoformat()
    for exported, rule in zip(payload["rules"], book.rules):
        assert exported["computable"] == rule.computable
        assert exported["duration"]["amount"] == rule.duration.amount
        assert exported["duration"]["unit"] == rule.duration.unit
        assert [v["from"] for v in exported["in_force"]] == [
            v.valid_from.isoformat() if v.valid_from else None for v in rule.versions]
    family = next(r for r in payload["rules"] if r["id"] == "family-notice-12h")
    assert family["in_force"][0]["to"] == "2011-01-17"
    assert family["in_force"][0]["lawful_delay"]["duration"] == {"amount": 72, "unit": "hours", "label": "72 hours"}
    assert family["in_force"][1]["lawful_delay"] is None


def test_the_export_names_its_sources_and_carries_zones_and_worked_cases():
    payload = web.custody_rules_payload()
    source = payload["generated_from"]
    assert source["rules"] == "data/cat-c-kaz-3/custody/rules.yaml" and len(source["rules_sha256"]) == 64
    assert payload["zones"]["country"] == list(country_zones())
    assert set(payload["zones"]["country"]) <= set(payload["zones"]["known"])
    assert payload["zones"]["default"] in payload["zones"]["country"]
    assert [e["name"] for e in payload["examples"]] == [c.name for c in load_scenarios()]
    assert all(isinstance(e["inputs"]["foreigner"], bool) for e in payload["examples"])
    assert all(isinstance(e["inputs"][flag], bool) for e in payload["examples"]
               for flag in ("foreigner", "juvenile", "delay_authorised"))
    assert any(e["inputs"]["juvenile"] for e in payload["examples"])


def test_the_export_carries_the_message_table_and_the_new_rule_data():
    from catbook.custody.messages import messages

    payload = web.custody_rules_payload()
    assert payload["messages"] == messages() and "duration.days" in payload["messages"]
    assert payload["generated_from"]["messages"] == "data/cat-c-kaz-3/custody/messages.yaml"
    rules = {r["id"]: r for r in payload["rules"]}
    assert rules["protocol-3h"]["immediately"]["source_lines"] == [23, 218, 297]
    assert rules["parents-notice-immediate"]["duration"]["unit"] == "immediately"
    assert rules["court-72h"]["later_law"] and all(s["source"] == "external" and s["url"].startswith("http")
                                                  for s in rules["court-72h"]["later_law"])
    assert rules["family-notice-12h"]["later_law"] == []


def test_the_script_and_the_json_hold_the_same_data():
    script = web.custody_rules_script()
    prefix = "window.catbookCustodyRules = "
    line = next(line for line in script.splitlines() if line.startswith(prefix))
    assert json.loads(line[len(prefix):].rstrip(";")) == json.loads(web.custody_rules_json())
    assert "</script" not in script


@pytest.fixture
def fake_node_modules(tmp_path, monkeypatch):
    """A node_modules with the pinned versions and stand-ins for the vendored files."""
    modules = tmp_path / "node_modules"
    for package, version in web._pinned_versions().items():
        (modules / package).mkdir(parents=True)
        (modules / package / "package.json").write_text(json.dumps({"version": version}))
    for package, inner, _ in web.VENDOR_FILES:
        path = modules / package / inner
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"// {package}/{inner}")
    for package, folder, _, _ in web.VENDOR_GLOBS:
        for name in ("a1.woff2", "a1.woff", "a1.ttf", "embed.js.map"):
            (modules / package / folder / name).write_text(name)
    monkeypatch.setattr(web, "NODE_MODULES", modules)
    return modules


def test_assets_are_written_with_the_rules_and_without_what_the_browser_never_uses(fake_node_modules, tmp_path):
    out = tmp_path / "out"
    written = {p.relative_to(out).as_posix() for p in web.write_web_assets(out)}
    assert {"require.js", "html-manager/embed-amd.js", "html-manager/a1.woff2", "html-manager/a1.woff",
            "custody-engine.js", "custody-calculator.js", "custody-calculator.css", "widgets-assets-path.js",
            "custody-rules.json", "custody-rules.js"} <= written
    assert not {"html-manager/a1.ttf", "html-manager/embed.js.map"} & written
    assert json.loads((out / "custody-rules.json").read_text(encoding="utf-8")) == web.custody_rules_payload()


def test_missing_or_stale_packages_are_refused(fake_node_modules):
    package, pinned = next(iter(web._pinned_versions().items()))
    manifest = fake_node_modules / package / "package.json"
    manifest.write_text(json.dumps({"version": pinned + "-other"}))
    with pytest.raises(web.WebAssetsError, match="make web"):
        web.check_node_modules()
    manifest.unlink()
    with pytest.raises(web.WebAssetsError, match="is missing"):
        web.check_node_modules()


def test_package_json_pins_exact_versions_and_the_lock_agrees():
    pinned = web._pinned_versions()
    assert {"@jupyter-widgets/html-manager", "requirejs"} <= set(pinned)
    lock = json.loads((web.WEB / "package-lock.json").read_text(encoding="utf-8"))
    for package, version in pinned.items():
        assert version[0].isdigit(), f"{package} must be pinned exactly, not {version!r}"
        assert lock["packages"][f"node_modules/{package}"]["version"] == version


class FakeApp:
    def __init__(self):
        self.js, self.css = [], []

    def add_js_file(self, name, **kwargs):
        self.js.append((name, kwargs))

    def add_css_file(self, name, **kwargs):
        self.css.append(name)


def test_calculator_files_go_only_to_pages_that_hold_the_calculator():
    app = FakeApp()
    web._page_assets(app, "book/intro", "page.html", {"body": "<p>no calculator</p>"}, None)
    assert app.js == [] and app.css == []
    web._page_assets(app, "book/calculator", "page.html", {"body": f"<div {web.CALCULATOR_MARKER}></div>"}, None)
    assert [name for name, _ in app.js] == ["catbook-web/custody-rules.js", "catbook-web/custody-engine.js",
                                           "catbook-web/custody-calculator.js"]
    assert app.js[1][1] == {"loading_method": "defer"}
    assert app.css == ["catbook-web/custody-calculator.css"]


def test_the_command_line_prints_or_saves_the_export(tmp_path, capsys):
    from catbook.__main__ import main

    assert main(["web-data"]) == 0
    assert json.loads(capsys.readouterr().out) == web.custody_rules_payload()
    out = tmp_path / "rules.json"
    assert main(["web-data", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == web.custody_rules_payload()


class Script:
    def __init__(self, filename, **attributes):
        self.filename, self.attributes = filename, attributes


def test_widget_scripts_stay_only_on_pages_that_show_a_widget():
    class App:
        class config:
            nb_ipywidgets_js = {"catbook-web/require.js": {}, "catbook-web/html-manager/embed-amd.js": {}}

    def scripts():
        return [Script("_static/theme.js"), Script(None, type=web.WIDGET_STATE_MIME),
                Script("_static/catbook-web/require.js"), Script("catbook-web/html-manager/embed-amd.js")]

    shown = {"body": f'<script type="{web.WIDGET_VIEW_MIME}">{{}}</script>', "script_files": scripts()}
    web._drop_unused_widget_scripts(App, "notebooks/custody-clock", "page.html", shown, None)
    assert len(shown["script_files"]) == 4
    removed = {"body": "<p>the calculator cell's output is removed</p>", "script_files": scripts()}
    web._drop_unused_widget_scripts(App, "notebooks/art-11", "page.html", removed, None)
    assert [s.filename for s in removed["script_files"]] == ["_static/theme.js"]
