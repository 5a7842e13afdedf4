"""The one CSV loader: a table of the pack read through its Frictionless schema.

``load(name)`` validates the file with ``frictionless`` against the table's schema
(:func:`catbook.datapackage.table_resource`: types, required cells, unique keys, patterns,
enums, ranges, the header) and returns it as a DataFrame of strings, as written (empty cells
are ``""``); the loader that owns the table converts the columns it computes with. A
constraint lives in the schema file, once: loaders keep only the checks a schema cannot
state (a quote verbatim in its line, a verdict allowed by its check kind, ...). Keys into
other tables (``foreignKeys``) are checked when the whole package is validated
(``python -m catbook.datapackage validate``, ``tests/test_datapackage.py``).

The first bad cell raises :class:`TableError` (a ``ValueError``) naming the file, the row,
the field and the reason. A file is validated once per process while it is unchanged (its
size and modification time are the cache key).
"""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths


class TableError(ValueError):
    """A cell, row or header of a pack table breaks its schema."""

    def __init__(self, file: str, row: int | None, field: str | None, reason: str):
        self.file, self.row, self.field, self.reason = file, row, field, reason
        where = file + ("" if row is None else f" row {row}") + ("" if not field else f" field {field!r}")
        super().__init__(f"{where}: {reason}")


def table_paths() -> dict[str, Path]:
    """Each table of the pack (by resource name) -> its file (all from catbook.paths)."""
    from . import tidy
    from .training.glossary import GLOSSARY_FILE
    out = {
        "paragraphs": paths.PARAGRAPHS_CSV, "translation-en": paths.TRANSLATION_EN_CSV,
        "claims": paths.CLAIMS_CSV, "figures": paths.FIGURES_CSV, "audit": paths.AUDIT_CSV,
        "dated_acts": paths.DATED_ACTS_CSV, "recommendations": paths.RECOMMENDATIONS_CSV,
        "questions": paths.QUESTIONS_CSV, "data-gaps": paths.DATA_GAPS_CSV,
        "external": paths.EXTERNAL_CSV, "co2-text": paths.CO2_TEXT_CSV,
        "training-glossary": GLOSSARY_FILE,
        "torture-reconciliation": paths.TABLES_DIR / f"{tidy.RECONCILIATION_NAME}.csv",
    }
    out.update({t.name.replace("_", "-"): t.path for t in tidy.TABLES})
    return out


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    """The table's Frictionless resource descriptor (keys to other tables left out)."""
    from .datapackage import table_resource
    res = table_resource(name)
    res["schema"].pop("foreignKeys", None)
    return res


def _first_error(report) -> tuple[int | None, str | None, str] | None:
    for err in report.errors:
        return None, None, err.message
    for task in report.tasks:
        for err in task.errors:
            field = getattr(err, "field_name", None)
            row = getattr(err, "row_number", None)
            if err.type == "primary-key":
                field = ",".join(task.resource.schema.primary_key) if task.resource else None
                field = field or "primary key"
            elif err.type in ("incorrect-label", "missing-label", "extra-label", "duplicate-label"):
                field = getattr(err, "label", None) or field
            return row, field, f"[{err.type}] {err.note}"
    return None


@lru_cache(maxsize=64)
def _validated(name: str, path: str, size: int, mtime_ns: int) -> None:
    from frictionless import Resource
    descriptor = copy.deepcopy(schema(name))
    descriptor["path"] = Path(path).name
    report = Resource(descriptor, basepath=str(Path(path).parent)).validate()
    if not report.valid:
        first = _first_error(report)
        row, field, reason = first if first else (None, None, "invalid")
        raise TableError(Path(path).name, row, field, reason)


def validate(name: str, path: Path | None = None) -> Path:
    """Validate the table's file (once while it is unchanged); raise TableError for its first error."""
    path = Path(path) if path is not None else table_paths()[name]
    if not path.exists():
        raise TableError(path.name, None, None, f"{path} is missing")
    stat = path.stat()
    _validated(name, str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    return path


def load(name: str, path: Path | None = None) -> pd.DataFrame:
    """The table ``name`` of the pack (or the file ``path`` read as that table), validated."""
    path = validate(name, path)
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
