"""The one CSV loader: a table of the pack read through its Frictionless schema.

``load(name)`` validates the file with ``frictionless`` against the table's resource in the
pack's ``datapackage.json`` (types, required cells, unique keys, patterns, enums, ranges, the
header) and returns it as a DataFrame of strings, as written (empty cells are ``""``); the
loader that owns the table converts the columns it computes with. The descriptor is data:
:mod:`catbook.book.datapackage` assembles it from the schema files (``python -m
catbook.book.datapackage``, the first step of ``make data``) and a test proves the committed
file is current, so this loader needs no module above it to know a table's schema or path.
A constraint lives in the schema file, once: loaders keep only the checks a schema cannot
state (a quote verbatim in its line, a verdict allowed by its check kind, ...). Keys into
other tables (``foreignKeys``) are checked when the whole package is validated
(``python -m catbook.book.datapackage validate``, ``tests/test_datapackage.py``).

The first bad cell raises :class:`TableError` (a ``ValueError``) naming the file, the row,
the field and the reason; a pack without its descriptor, or a name it does not list, raises
it too. A file is validated once per process while it is unchanged (its size and
modification time are the cache key, the descriptor's too).
"""
from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from catbook.pack import paths


class TableError(ValueError):
    """A cell, row or header of a pack table breaks its schema."""

    def __init__(self, file: str, row: int | None, field: str | None, reason: str):
        self.file, self.row, self.field, self.reason = file, row, field, reason
        where = file + ("" if row is None else f" row {row}") + ("" if not field else f" field {field!r}")
        super().__init__(f"{where}: {reason}")


@lru_cache(maxsize=8)
def _descriptor(path: str, size: int, mtime_ns: int) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def descriptor() -> dict:
    """The pack's ``datapackage.json`` (read again when the file changes)."""
    path = paths.PACKAGE_JSON
    if not path.exists():
        raise TableError(path.name, None, None, f"{paths.rel(path)} is missing: run "
                         "`python -m catbook.book.datapackage` (the first step of `make data`)")
    stat = path.stat()
    return _descriptor(str(path), stat.st_size, stat.st_mtime_ns)


def _resources() -> dict[str, dict]:
    return {r["name"]: r for r in descriptor()["resources"] if r.get("type") == "table"}


def table_paths() -> dict[str, Path]:
    """Each table of the pack (by resource name) -> its file, as the descriptor lists them."""
    return {name: paths.PACK / r["path"] for name, r in _resources().items()}


def schema(name: str) -> dict:
    """The table's Frictionless resource descriptor (keys to other tables left out)."""
    resources = _resources()
    if name not in resources:
        raise TableError(paths.PACKAGE_JSON.name, None, None,
                         f"no table {name!r} (known: {', '.join(sorted(resources))})")
    res = copy.deepcopy(resources[name])
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
def _validated(name: str, path: str, size: int, mtime_ns: int, package_key: tuple) -> None:
    from frictionless import Resource
    resource = schema(name)
    resource["path"] = Path(path).name
    report = Resource(resource, basepath=str(Path(path).parent)).validate()
    if not report.valid:
        first = _first_error(report)
        row, field, reason = first if first else (None, None, "invalid")
        raise TableError(Path(path).name, row, field, reason)


def validate(name: str, path: Path | None = None) -> Path:
    """Validate the table's file (once while it is unchanged); raise TableError for its first error."""
    if path is None:
        path = table_paths().get(name) or schema(name)  # an unknown name raises TableError
    path = Path(path)
    if not path.exists():
        raise TableError(path.name, None, None, f"{path} is missing")
    stat, package = path.stat(), paths.PACKAGE_JSON.stat()
    _validated(name, str(path.resolve()), stat.st_size, stat.st_mtime_ns,
               (str(paths.PACKAGE_JSON), package.st_size, package.st_mtime_ns))
    return path


def load(name: str, path: Path | None = None) -> pd.DataFrame:
    """The table ``name`` of the pack (or the file ``path`` read as that table), validated."""
    path = validate(name, path)
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
