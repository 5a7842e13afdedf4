"""The report a data folder describes (``data/cat-c-kaz-3/report.yaml``): symbol, source and its sha256,
language, period, the concluding observations it answers and the prefix of their sections,
the default zone, the heading patterns and the part map.

The code knows a report only through this file: a book for another report is another
``report.yaml`` beside its own data. Unknown keys and malformed values are refused with a
:class:`ReportConfigError` naming the field.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .paths import REPORT_YAML


class ReportConfigError(ValueError):
    """report.yaml is missing, malformed or names something that does not exist."""

    def __init__(self, field: str, reason: str):
        self.field, self.reason = field, reason
        super().__init__(f"report.yaml: {field}: {reason}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Period(_Strict):
    first_year: int
    last_year: int


class Source(_Strict):
    file: str
    sha256: str
    language: str
    #: the language's English name, as the chapters say it ("French")
    language_name_en: str
    original_language: str = ""

    @field_validator("sha256")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not re.fullmatch(r"[0-9a-f]{64}", value):
            raise ValueError("must be 64 lower-case hexadecimal digits")
        return value


class PreviousObservations(_Strict):
    symbol: str
    short_name: str
    section_prefix: str
    #: the report the observations were made on, as the chapters name it ("second report")
    on_report_en: str


class Headings(_Strict):
    part: str
    article: str
    paragraph: str
    subparagraph: str
    subparagraph_title: str
    unheaded: str
    list_word: str

    @field_validator("part", "article", "paragraph", "subparagraph", "unheaded")
    @classmethod
    def _pattern(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"not a regular expression ({error})") from None
        return value


class Report(_Strict):
    symbol: str
    state: str
    title_en: str
    #: The title of the pack's datapackage.json; default "<symbol> as open data: <title_en>".
    package_title: str = ""
    period: Period
    source: Source
    previous_observations: PreviousObservations
    default_zone: str
    country: str
    headings: Headings
    parts: dict[str, str]
    answers_part: str
    folder: Path = Path(".")

    @property
    def source_file(self) -> Path:
        return self.folder / self.source.file

    @property
    def co_prefix(self) -> str:
        """The prefix of the sections that answer the previous concluding observations."""
        return self.previous_observations.section_prefix


def load_report(path: Path = REPORT_YAML) -> Report:
    """The validated report descriptor at ``path``."""
    if not path.exists():
        raise ReportConfigError("file", f"{path} is missing")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ReportConfigError("file", "must be a mapping")
    try:
        report = Report(**raw, folder=path.parent)
    except ValidationError as error:
        first = error.errors()[0]
        raise ReportConfigError(".".join(map(str, first["loc"])) or "file", first["msg"]) from None
    if report.answers_part not in report.parts:
        raise ReportConfigError("answers_part", f"{report.answers_part!r} is not a part of 'parts'")
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        ZoneInfo(report.default_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ReportConfigError("default_zone", f"{report.default_zone!r} is not an IANA zone") from None
    return report


@lru_cache(maxsize=1)
def report() -> Report:
    """The report of this book (``paths.REPORT_YAML``), loaded once."""
    return load_report()
