"""The one way a YAML data file is read: a strict pydantic model and an error naming file, field, reason.

Every YAML file of a pack (``report.yaml``, ``chapters.yaml``, ``table-definitions.yaml``,
``claim-checks.yaml``...) and the shared files (``verdict-scale.yaml``) is read with
:func:`load_yaml` into a :class:`StrictModel`: unknown keys are refused, values are frozen, and
whatever goes wrong (a missing file, a YAML syntax error, a field pydantic refuses) becomes a
:class:`DataFileError` (a ``ValueError``) whose ``file``, ``field`` and ``reason`` say where and why.
Each module keeps its own subclass (``ReportConfigError``, ``ChaptersError``...) so callers can
catch the errors of one kind of file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError


class StrictModel(BaseModel):
    """A data file's entry: unknown keys refused, values frozen once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DataFileError(ValueError):
    """A data file breaks one of its rules: ``file``, ``field`` (dotted, '' if the whole file) and ``reason``."""

    def __init__(self, file: str, field: str = "", reason: str = ""):
        self.file, self.field, self.reason = file, field, reason
        super().__init__(": ".join(part for part in (file, field, reason) if part))


Model = TypeVar("Model", bound=BaseModel)


def field_of(error: ValidationError) -> tuple[str, str]:
    """The dotted location and message of the first problem pydantic found ('' for the whole entry)."""
    first = error.errors()[0]
    return ".".join(str(p) for p in first["loc"]), first["msg"]


def read_yaml(path: Path, error: type[DataFileError] = DataFileError, *, file: str | None = None) -> Any:
    """The parsed content of ``path`` (None for an empty file); a missing file or bad YAML raises ``error``."""
    path = Path(path)
    file = file or path.name
    if not path.exists():
        raise error(file=file, field="file", reason=f"{path} is missing")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        reason = getattr(problem, "problem", None) or str(problem)
        raise error(file=file, field="file", reason=f"not valid YAML{where}: {reason}") from None


def validate(raw: Any, model: type[Model], error: type[DataFileError] = DataFileError, *,
             file: str, prefix: str = "", **extra: Any) -> Model:
    """``raw`` (a mapping) as ``model``; ``extra`` adds fields the file does not hold (its folder...).

    A refused value raises ``error`` with ``field`` the dotted location (after ``prefix``, if given).
    """
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise error(file=file, field=prefix or "file", reason="must be a mapping")
    try:
        return model.model_validate({**raw, **extra})
    except ValidationError as problem:
        field, reason = field_of(problem)
        field = ".".join(p for p in (prefix, field) if p) or "file"
        raise error(file=file, field=field, reason=reason) from None


def load_yaml(path: Path, model: type[Model], error: type[DataFileError] = DataFileError, *,
              file: str | None = None, **extra: Any) -> Model:
    """The YAML file at ``path`` validated as ``model``; every problem raises ``error`` naming the field."""
    file = file or Path(path).name
    return validate(read_yaml(path, error, file=file), model, error, file=file, **extra)
