"""What each chapter covers: report sections, the Convention's obligation, themes, charts.

The facts live in the pack: its ``chapters.yaml`` (one entry per chapter: its sections of the
report, the previous observations' paragraphs, its question, themes as line ranges, charts
as figure ids of the pack's figures.csv, the worked custody case), its reading in
``chapters/readings/<key>.md``, and the Convention's obligation it opens with in
``data/convention/obligations.yaml`` (shared by every report's data). This module only
reads and checks them (pydantic, unknown keys refused, :class:`ChaptersError` naming the
entry and field) so every chapter notebook is built the same way
(`catbook.book.chapter_notebook` writes them, `catbook.book.chapter_view` fills them).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from catbook.pack.datafile import DataFileError, StrictModel, load_yaml
from catbook.pack.paths import CHAPTERS_YAML, CONVENTION_OBLIGATIONS_YAML


class ChaptersError(DataFileError):
    """chapters.yaml, a reading or obligations.yaml is malformed; names the file, the entry and field."""

    def __init__(self, field: str, reason: str, file: str = "chapters"):
        super().__init__(file, field, reason)


@dataclass(frozen=True)
class Theme:
    title: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Chart:
    """A bar chart of figures sharing one unit, labelled by their period unless told otherwise."""
    title: str
    figure_ids: tuple[str, ...]
    labels: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str
    obligation_en: str
    sections: tuple[str, ...] = ()
    question_en: str = ""
    themes: tuple[Theme, ...] = field(default_factory=tuple)
    charts: tuple[Chart, ...] = ()
    previous_paragraphs: tuple[int, ...] = ()
    notebook: str = ""
    reading_en: str = ""
    custody_scenario: str = ""  # a worked case of the custody scenarios to show with the calculator

    @property
    def section(self) -> str:
        """The chapter's main section (its first)."""
        return self.sections[0]


class _Theme(StrictModel):
    title: str
    first_line: int
    last_line: int


class _Chart(StrictModel):
    title: str
    figure_ids: list[str]
    labels: list[str] = []
    note: str = ""


class _Entry(StrictModel):
    key: str
    title: str
    notebook: str
    generated: bool
    sections: list[str]
    obligation: str
    previous_observations_paragraphs: list[int] = []
    custody_scenario: str = ""
    question_en: str = ""
    themes: list[_Theme] = []
    charts: list[_Chart] = []
    reading: str = ""


class _File(StrictModel):
    chapters: list[_Entry]


class _Obligation(StrictModel):
    text_en: str


class _Obligations(StrictModel):
    obligations: dict[str, _Obligation]


def load_chapters(path: Path = CHAPTERS_YAML,
                  obligations_path: Path = CONVENTION_OBLIGATIONS_YAML) -> tuple[dict[str, Chapter], tuple[str, ...]]:
    """Every chapter by key (in the file's order) and the keys of the generated ones."""
    entries = load_yaml(path, _File, ChaptersError).chapters
    obligations = load_yaml(obligations_path, _Obligations, ChaptersError).obligations
    chapters: dict[str, Chapter] = {}
    for i, e in enumerate(entries):
        where = f"chapters[{i}] ({e.key})"
        if e.key in chapters:
            raise ChaptersError(where, "key used twice", path.name)
        if e.obligation not in obligations:
            raise ChaptersError(f"{where}.obligation", f"{e.obligation!r} is not in {obligations_path.name}", path.name)
        for t in e.themes:
            if t.first_line > t.last_line:
                raise ChaptersError(f"{where}.themes", f"{t.title!r}: first_line after last_line", path.name)
        for c in e.charts:
            if c.labels and len(c.labels) != len(c.figure_ids):
                raise ChaptersError(f"{where}.charts", f"{c.title!r}: one label per figure id", path.name)
        reading = ""
        if e.reading:
            reading_file = path.parent / e.reading
            if not reading_file.exists():
                raise ChaptersError(f"{where}.reading", f"{reading_file} is missing", path.name)
            reading = reading_file.read_text(encoding="utf-8").strip()
        chapters[e.key] = Chapter(
            key=e.key, title=e.title, obligation_en=obligations[e.obligation].text_en,
            sections=tuple(e.sections), question_en=e.question_en,
            themes=tuple(Theme(t.title, t.first_line, t.last_line) for t in e.themes),
            charts=tuple(Chart(c.title, tuple(c.figure_ids), tuple(c.labels), c.note) for c in e.charts),
            previous_paragraphs=tuple(e.previous_observations_paragraphs), notebook=e.notebook,
            reading_en=reading, custody_scenario=e.custody_scenario)
    return chapters, tuple(e.key for e in entries if e.generated)


CHAPTERS, GENERATED_CHAPTERS = load_chapters()


def claims_by_theme(claims, section: str) -> dict[str, object]:
    """The chapter's claims split by theme, in the chapter's order (theme title → rows)."""
    return {t.title: claims[claims.source_line.between(t.first_line, t.last_line)]
            for t in CHAPTERS[section].themes}


def chapter_of_section(section: str) -> str | None:
    """The key of the chapter that presents a report section (None if no chapter does)."""
    for chapter in CHAPTERS.values():
        if section in chapter.sections:
            return chapter.key
    return None
