"""What keeps a one-notebook rebuild cheap (benchmarks/bench_book.py measures it; no test
times anything): numbering off though sphinx_exercise forces it on, the build's own modules
importing neither pandas nor matplotlib, and no jsonschema that compiles IRI grammars at import."""
from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from catbook.pack.paths import ROOT


def sphinx_config(tmp_path, **overrides):
    from sphinx.application import Sphinx
    src = tmp_path / "src"
    src.mkdir()
    (src / "index.rst").write_text("Tiny\n====\n\nText.\n", encoding="utf-8")
    app = Sphinx(str(src), None, str(tmp_path / "out"), str(tmp_path / "doctrees"), "html",
                 confoverrides={"extensions": ["sphinx_exercise", "catbook.book.fast_rebuild"], **overrides},
                 status=None, warning=None, freshenv=True)
    return app.config


def test_numbering_is_off_after_sphinx_exercise_turned_it_on(tmp_path):
    assert sphinx_config(tmp_path).numfig is False


def test_numbering_comes_back_when_asked_for(tmp_path):
    assert sphinx_config(tmp_path, catbook_numfig=True).numfig is True


def test_the_book_loads_the_extension():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "catbook.book.fast_rebuild" in config["sphinx"]["extra_extensions"]


@pytest.mark.parametrize("module", ["catbook.book.web", "catbook.book.launch", "catbook.book.fast_rebuild", "catbook.book.sphinx_ext",
                                    "jupyter_book.config"])
def test_build_extensions_import_no_heavy_library(module):
    """Every build imports these; pandas, matplotlib and rfc3987_syntax cost a second or more."""
    code = (f"import sys, {module}; "
            "print(' '.join(m for m in ('pandas', 'matplotlib', 'rfc3987_syntax') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "", f"importing {module} imports {done.stdout.strip()}"


def test_custody_tables_and_timeline_still_import_on_use():
    code = ("import catbook.custody as c; from catbook.custody import custody_timeline, rules_table; "
            "import sys; print(callable(custody_timeline), callable(c.deadlines_table), 'pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "True"]
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        import catbook.custody
        catbook.custody.nothing_here  # noqa: B018
