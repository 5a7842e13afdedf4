"""The proof of generality (issue 15): a second, made-up report pack built through the same code.

``tests/packs/cat-c-vlr-2`` is MADE-UP TEST DATA: a short English "second periodic report of
Veloria" (CAT/C/VLR/2) answering made-up concluding observations CAT/C/VLR/CO/1 (sections
``co1-``), with its own zone (Europe/Lisbon, which has summer time) and its own custody rules
(6 h before a prosecutor, 48 h before a judge, 24 h for a child). A copy of it in a temporary
folder is chosen with ``CATBOOK_PACK``; pages and notebooks go to ``CATBOOK_BOOK`` and
``CATBOOK_NOTEBOOKS`` in the same folder. Every step runs the real pipeline in a subprocess
(``python -m catbook data``, ``catbook.judge.tidy``, ``catbook.book.datapackage``, ``catbook notebooks``,
the custody engine, the audit, nbconvert, jupyter-book) and the tests read what it wrote.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PACK_SOURCE = ROOT / "tests" / "packs" / "cat-c-vlr-2"
BIN = Path(sys.executable).parent
#: What must never leak from CAT/C/KAZ/3 into the second pack's outputs.
FOREIGN = ("KAZ", "Kazakh", "Almaty", "co2-")


def _run(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if check and done.returncode:
        raise AssertionError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def _python(env: dict, code: str):
    """Run ``code`` with the pack's environment; it prints one JSON value, returned."""
    done = _run(env, sys.executable, "-c", textwrap.dedent(code))
    return json.loads(done.stdout.strip().splitlines()[-1])


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The second pack copied to a temporary folder and built as `make data` builds a pack."""
    default_pack = ROOT / "data" / "cat-c-kaz-3"
    before = _digest(default_pack)
    base = tmp_path_factory.mktemp("second-pack")
    pack = base / "cat-c-vlr-2"
    shutil.copytree(PACK_SOURCE, pack)
    (base / "book").mkdir()
    (base / "notebooks").mkdir()
    env = {**os.environ, "CATBOOK_PACK": str(pack), "CATBOOK_BOOK": str(base / "book"),
           "CATBOOK_NOTEBOOKS": str(base / "notebooks"),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    logs = {}
    for step in (["catbook", "check"], ["catbook", "data"], ["catbook", "audit"], ["catbook.judge.tidy"],
                 ["catbook.book.datapackage"],
                 ["catbook", "notebooks"]):
        logs[" ".join(step)] = _run(env, sys.executable, "-m", *step).stdout
    yield {"env": env, "pack": pack, "base": base, "logs": logs}
    assert _digest(default_pack) == before, "building the second pack changed data/cat-c-kaz-3/"


# -- source text to corpus ------------------------------------------------------------------

def test_the_pack_is_marked_as_made_up():
    assert "MADE-UP TEST DATA" in (PACK_SOURCE / "report.yaml").read_text(encoding="utf-8")
    assert "MADE-UP TEST DATA" in (PACK_SOURCE / "README.md").read_text(encoding="utf-8")


def test_corpus_has_the_packs_parts_sections_and_paragraphs(built):
    assert "source OK" in built["logs"]["catbook check"]
    df = pd.read_csv(built["pack"] / "report" / "paragraphs.csv", dtype=str, keep_default_na=False)
    source = (built["pack"] / "source" / "cat-c-vlr-2.en.txt").read_text(encoding="utf-8").split("\n")
    assert len(df) == len(source) == 33
    assert list(df.text) == source
    assert list(dict.fromkeys(df.section)) == [
        "intro", "general", "articles", "art-2", "art-12-13", "replies", "co1-8", "co1-9",
        "co1-9-a", "co1-9-b", "co1-unheaded-29", "co1-11"]
    assert set(df.part) == {"I", "II", "III", "IV"}
    by_line = df.set_index("source_line")
    # English headings, read by the patterns of the pack's report.yaml
    assert by_line.loc["14", "section_title"] == "Articles 12 and 13"
    assert by_line.loc["23", "section_title"] == "Paragraph 9, Subparagraph (a)"
    # the block whose heading is missing is found and placed by position (CO/1 paragraph 10)
    assert by_line.loc["29", "section_inferred"] == "True"
    assert by_line.loc["29", "co2_paragraphs"] == "10"
    assert "CO/1 paragraph 10" in by_line.loc["29", "section_title"]
    # official paragraphs 1-19, the two list items carry the number of their lead-in
    assert df.para_no.replace("", None).dropna().astype(int).max() == 19
    assert list(df[df.is_list_item == "True"].source_line) == ["25", "26"]
    assert by_line.loc["25", "para_no"] == by_line.loc["24", "para_no"] == "15"
    assert not any(s.startswith("co2-") for s in df.section)


def test_para_no_is_stamped_into_the_packs_tables(built):
    figures = pd.read_csv(built["pack"] / "figures.csv", dtype=str, keep_default_na=False)
    assert dict(zip(figures.figure_id, figures.para_no))["co1-11-002"] == "18"
    recs = pd.read_csv(built["pack"] / "recommendations.csv", dtype=str, keep_default_na=False)
    assert dict(zip(recs.co2_paragraph, recs.para_no))["9"] == "15-16"


# -- claims and figures ---------------------------------------------------------------------

def test_claims_are_validated_on_the_verdict_scale(built):
    out = _python(built["env"], """
        import json
        from catbook.judge import verdicts
        from catbook.judge.claims import load_claims
        claims = load_claims()
        print(json.dumps({"verdicts": dict(zip(claims.claim_id, claims.verdict)),
                          "scale": list(verdicts.labels()),
                          "computed": verdicts.computed_verdicts()}))
    """)
    assert set(out["verdicts"].values()) <= set(out["scale"])
    assert out["verdicts"]["art-2-002"] == "contradicted"
    assert out["computed"] == {"art-12-13-001": "supported"} == {
        k: v for k, v in out["verdicts"].items() if k in out["computed"]}


def test_a_claim_not_in_the_english_text_is_refused(built):
    env = dict(built["env"])
    broken = built["base"] / "broken-pack"
    shutil.copytree(built["pack"], broken)
    claims = pd.read_csv(broken / "claims.csv", dtype=str, keep_default_na=False)
    claims.loc[0, "quote_fr"] = "This is the third periodic report"
    claims.to_csv(broken / "claims.csv", index=False)
    env["CATBOOK_PACK"] = str(broken)
    done = _run(env, sys.executable, "-c", "from catbook.judge.claims import load_claims; load_claims()", check=False)
    assert done.returncode
    assert "claims.csv intro-001: quote_fr: not a verbatim substring of line 2" in done.stderr


def test_figures_are_read_from_the_english_text(built):
    out = _python(built["env"], """
        import json
        from catbook.text.figures import load_figures, uncovered_numbers, value_from_text, classify_numbers
        from catbook.text.source import line
        figs = load_figures()
        rows = [{"id": r.figure_id, "value": r.value,
                 "from_text": value_from_text(r.value_as_written, r.quote_fr),
                 "once": line(r.source_line).count(r.quote_fr)} for r in figs.itertuples()]
        without = figs[figs.figure_id != "art-12-13-005"]
        print(json.dumps({"rows": rows, "uncovered": uncovered_numbers().text.tolist(),
                          "status": classify_numbers().status.value_counts().to_dict(),
                          "uncovered_without_one": uncovered_numbers(without)[["source_line", "text"]]
                          .values.tolist()}))
    """)
    assert len(out["rows"]) == 16
    for row in out["rows"]:
        assert row["from_text"] == row["value"], row["id"]
        assert row["once"] == 1, row["id"]
    assert {r["id"]: r["value"] for r in out["rows"]}["art-12-13-004"] == 153
    assert out["uncovered"] == []
    assert out["status"]["figure"] == 16
    # the completeness scan is live on this text: dropping a figure leaves its number uncovered
    assert out["uncovered_without_one"] == [[16, "19"]]


def test_topic_tables_and_datapackage_are_built_from_the_pack(built):
    table = pd.read_csv(built["pack"] / "tables" / "complaints_by_year.csv")
    assert table.value.tolist() == [40, 52, 61]
    package = json.loads((built["pack"] / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in package["resources"]}
    assert {"figures", "claims"} <= names


def test_the_packs_tables_pass_the_frictionless_schemas(built):
    out = _python(built["env"], """
        import json
        from catbook.book import datapackage
        result = datapackage.validate()
        print(json.dumps({t["name"]: [e["type"] for e in t["errors"]]
                          for t in result.report.to_descriptor()["tasks"]}))
    """)
    for name in ("paragraphs", "figures", "claims", "audit", "recommendations", "questions", "data-gaps",
                 "complaints-by-year"):
        assert out[name] == [], name
    # what the pack does not have: an English translation of an English text
    assert {name for name, errors in out.items() if errors} == {"translation-en"}


def test_the_packs_datapackage_names_nothing_of_another_report(built):
    text = (built["pack"] / "datapackage.json").read_text(encoding="utf-8")
    assert "CAT/C/VLR/2" in text
    # the pack's files are cited from the pack's folder, never by a path of this machine
    assert "cat-c-vlr-2/source/" in text and str(built["base"]) not in text
    # the table of the previous observations' words keeps its documented name in every pack
    text = text.replace('"name": "co2-text"', "").replace('"path": "co2-text.csv"', "")
    for word in FOREIGN:
        assert word not in text, word


def test_the_report_page_is_generated_for_the_pack(built):
    _run(built["env"], sys.executable, "-m", "catbook", "pages")
    page = (built["base"] / "book" / "report-text.md").read_text(encoding="utf-8")
    assert "CAT/C/VLR/2" in page
    assert "the police may hold a suspect for no more than 6 hours" in page
    for word in FOREIGN + ("French", "kaz-3"):
        assert word not in page, word


# -- custody rules and zone -----------------------------------------------------------------

def test_custody_deadlines_follow_the_packs_rules_and_zone(built):
    out = _python(built["env"], """
        import json
        from catbook.custody import deadlines, load_scenarios
        from catbook.custody.moments import DEFAULT_ZONE
        adult = deadlines("2017-10-28 22:00")
        child = deadlines("2017-10-28 22:00", juvenile=True)
        scenarios = {c.name: {f.rule: [f.due.isoformat(), f.status] for f in c.run()} for c in load_scenarios()}
        expected = {c.name: {k: [v["due"], v["status"]] for k, v in c.expected.items()} for c in load_scenarios()}
        print(json.dumps({"zone": DEFAULT_ZONE,
                          "adult": {d.rule: d.due.isoformat() for d in adult},
                          "child": {d.rule: d.due.isoformat() for d in child},
                          "scenarios": scenarios, "expected": expected}))
    """)
    assert out["zone"] == "Europe/Lisbon"
    # 22:00 summer time (+01:00); the clocks go back at 02:00: six hours end at 03:00 winter time
    assert out["adult"] == {"prosecutor-6h": "2017-10-29T03:00:00+00:00",
                            "judge-48h": "2017-10-30T21:00:00+00:00"}
    assert out["child"]["juvenile-judge-24h"] == "2017-10-29T21:00:00+00:00"
    assert set(out["child"]) == {"prosecutor-6h", "judge-48h", "juvenile-judge-24h"}
    for name, expected in out["expected"].items():
        got = out["scenarios"][name]
        assert set(got) == set(expected), name
        for rule, (due, status) in expected.items():
            assert pd.Timestamp(got[rule][0]) == pd.Timestamp(due), (name, rule)
            assert got[rule][0][-6:] == due[-6:], (name, rule, "offset")
            assert got[rule][1] == status, (name, rule)


def test_web_calculator_data_carries_the_packs_rules_and_zone(built):
    done = _run(built["env"], sys.executable, "-m", "catbook", "web-data")
    data = json.loads(done.stdout)
    assert data["zones"]["default"] == "Europe/Lisbon"
    assert "Europe/Lisbon" in data["zones"]["country"]
    assert "Asia/Almaty" in data["zones"].pop("known")  # every IANA zone is accepted; none is offered first
    assert data["languages"] == {}  # the pack has no Russian texts
    text = json.dumps(data)
    assert "prosecutor-6h" in text and "juvenile-judge-24h" in text
    assert "protocol-3h" not in text
    for word in FOREIGN:
        assert word not in text, word


# -- the audit ------------------------------------------------------------------------------

def test_audit_runs_the_packs_declared_checks(built):
    _run(built["env"], sys.executable, "-m", "catbook", "audit")
    audit = pd.read_csv(built["pack"] / "audit.csv", dtype=str, keep_default_na=False)
    declared = yaml.safe_load((built["pack"] / "audit-checks.yaml").read_text(encoding="utf-8"))["checks"]
    assert list(audit.check_id) == [c["check_id"] for c in declared]
    status = dict(zip(audit.check_id, audit.status))
    assert status == {"complaints-total": "supported",
                      "held-beyond-six-hours-within-arrests": "supported",
                      "arrests-fell": "supported",
                      "unannounced-within-visits": "supported"}
    assert set(audit.method) == {"computed"}
    row = audit.set_index("check_id").loc["complaints-total"]
    assert "153" in row.computed + row.reported


# -- a chapter and its HTML page ------------------------------------------------------------

def _execute(built) -> Path:
    """The generated Article 2 chapter, executed by nbconvert."""
    source = built["base"] / "notebooks" / "vlr-art-02-custody.ipynb"
    nb = nbformat.read(source, as_version=4)
    folder = built["base"] / "site" / "notebooks"
    folder.mkdir(parents=True)
    path = folder / source.name
    nbformat.write(nb, path)
    _run(built["env"], str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--inplace",
         "--ExecutePreprocessor.store_widget_state=True", str(path))
    return path


def _html(built, notebook: Path) -> str:
    """A one-chapter jupyter-book (the builder of the real book) of the executed notebook."""
    site = notebook.parent.parent
    (site / "_config.yml").write_text(textwrap.dedent("""\
        title: A made-up test book
        author: catbook tests
        only_build_toc_files: true
        execute: {execute_notebooks: "off"}
        parse: {myst_enable_extensions: [colon_fence, deflist, dollarmath, substitution]}
        sphinx:
          extra_extensions: [catbook.book.sphinx_ext]
          config:
            nb_render_markdown_format: myst
            nb_mime_priority_overrides:
              - [html, application/vnd.jupyter.widget-view+json, null]
            suppress_warnings: ["mystnb.unknown_mime_type"]
        """), encoding="utf-8")
    (site / "intro.md").write_text("# A made-up test book\n", encoding="utf-8")
    (site / "_toc.yml").write_text(f"format: jb-book\nroot: intro\nchapters:\n"
                                   f"  - file: notebooks/{notebook.stem}\n", encoding="utf-8")
    _run(built["env"], str(BIN / "jupyter-book"), "build", str(site))
    return (site / "_build" / "html" / "notebooks" / f"{notebook.stem}.html").read_text(encoding="utf-8")


def _check_chapter(built, notebook: Path, html: str) -> None:
    nb = nbformat.read(notebook, as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")
    # the pack's symbols and a verbatim quote of its text, with the worked case's DST deadline
    assert "CAT/C/VLR/CO/1" in html
    assert "the police may hold a suspect for no more than 6 hours" in html
    assert "2017-10-29 03:00+00:00" in html
    assert "Europe/Lisbon" in html
    for word in FOREIGN:
        assert word not in html, f"{word!r} of CAT/C/KAZ/3 in the second pack's chapter page"


def test_chapter_notebook_executes_and_renders_to_html(built):
    notebook = _execute(built)
    nb = nbformat.read(notebook, as_version=4)
    sources = [c.source for c in nb.cells]
    for call in ("view.audit()", "view.custody_findings()", "view.recommendations()"):
        assert any(call in s for s in sources), call
    html = _html(built, notebook)
    _check_chapter(built, notebook, html)
    # the chapter's audit cell shows the pack's own declared check, computed
    assert "held-beyond-six-hours-within-arrests" in html
