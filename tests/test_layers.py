"""The package's layers (ARCHITECTURE.md, "Layers"): import-linter's contracts of pyproject.toml.

``layers``: ``__main__ | notebook`` > ``book`` > ``training`` > ``judge | custody`` > ``text`` >
``pack``; a module imports only from its own layer and those below, and ``judge`` and ``custody``
not from each other. ``no-circles``: no import circle among the modules of any package.
import-linter (grimp) reads every import statement, those inside functions too; the tests
below prove it on a copy of the package with one such import added.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).parent / "lint-imports"


def _lint(root: Path, src: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"],
                          cwd=root, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=300)


def test_the_layers_and_no_circles_contracts_are_kept():
    done = _lint(ROOT, ROOT / "src")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 2 kept, 0 broken." in done.stdout


def test_every_module_is_in_a_layer():
    """``exhaustive``: a new top-level module or subpackage must be placed in a layer."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "exhaustive = true" in text
    package = ROOT / "src" / "catbook"
    tops = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    tops |= {p.parent.name for p in package.glob("*/__init__.py")}
    assert tops == {"__main__", "notebook", "book", "training", "judge", "custody", "text", "pack"}


@pytest.fixture
def copy(tmp_path) -> tuple[Path, Path]:
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "catbook", src / "catbook",
                    ignore=shutil.ignore_patterns("__pycache__", "page_templates"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path, src


def _add(path: Path, code: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code + "\n", encoding="utf-8")


def test_an_upward_import_inside_a_function_breaks_the_layers(copy):
    root, src = copy
    # the old circle's way in: the table loader asking a module above it for a schema
    _add(src / "catbook" / "pack" / "tables.py", "def _schema_of(name):\n    from catbook.judge import tidy\n"
                                                  "    return tidy.TABLES")
    done = _lint(root, src)
    assert done.returncode != 0
    assert "Each layer imports only the layers below it BROKEN" in done.stdout
    assert "catbook.pack.tables -> catbook.judge.tidy" in done.stdout


def test_judge_and_custody_stay_independent(copy):
    root, src = copy
    _add(src / "catbook" / "custody" / "chapter.py", "def _claims():\n    from catbook.judge.claims import load_claims\n"
                                                     "    return load_claims()")
    done = _lint(root, src)
    assert "Each layer imports only the layers below it BROKEN" in done.stdout


def test_a_circle_inside_a_layer_breaks_the_no_circles_contract(copy):
    root, src = copy
    # verdicts -> claims exists (claims imports verdicts); this closes the circle
    _add(src / "catbook" / "judge" / "verdicts.py", "def _count():\n    from catbook.judge.claims import load_claims\n"
                                                    "    return len(load_claims())")
    done = _lint(root, src)
    assert done.returncode != 0
    assert "No import circles among the modules of any package BROKEN" in done.stdout
    assert "Each layer imports only the layers below it KEPT" in done.stdout
