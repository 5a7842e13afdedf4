"""The report a pack describes (its ``report.yaml``, ``paths.REPORT_YAML``): symbol, source and its sha256,
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

from pydantic import field_validator

from catbook.pack.datafile import DataFileError, StrictModel, load_yaml
from catbook.pack.paths import REPORT_YAML


class ReportConfigError(DataFileError):
    """report.yaml is missing, malformed or names something that does not exist."""

    def __init__(self, field: str, reason: str, file: str = "report.yaml"):
        super().__init__(file, field, reason)


class Period(StrictModel):
    first_year: int
    last_year: int


class Source(StrictModel):
    file: str
    sha256: str
    language: str
    original_language: str = ""

    @field_validator("sha256")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not re.fullmatch(r"[0-9a-f]{64}", value):
            raise ValueError("must be 64 lower-case hexadecimal digits")
        return value


class Paragraphs(StrictModel):
    first: int
    last: int


class PreviousObservations(StrictModel):
    symbol: str
    short_name: str
    section_prefix: str
    #: What they are, as a sentence names them ("the concluding observations on the second report").
    described_en: str = "the previous concluding observations"
    #: The paragraphs of them the report answers (first to last, inclusive).
    answered_paragraphs: Paragraphs | None = None

    @property
    def paragraph_range(self) -> range:
        """The answered paragraphs as a range (empty when report.yaml gives none)."""
        p = self.answered_paragraphs
        return range(p.first, p.last + 1) if p else range(0)


class Currency(StrictModel):
    """The State's currency, a unit the pack's figures may use (``unit`` in figures.csv)."""
    #: The unit's id in figures.csv (a lower-case word).
    unit: str
    #: How a chart or table labels an amount, and an amount in millions.
    label_en: str
    millions_label_en: str

    @field_validator("unit")
    @classmethod
    def _unit_id(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z][a-z-]*", value):
            raise ValueError(f"{value!r} is not a unit id (lower-case letters and hyphens)")
        return value


class Headings(StrictModel):
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


class Report(StrictModel):
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
    #: The currency the report's amounts are in (none: the pack's figures state no amount).
    currency: Currency | None = None
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
    report = load_yaml(path, Report, ReportConfigError, file="report.yaml", folder=path.parent)
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
