"""The course glossary (<pack>/training/glossary.csv): the report's legal terms in French,
English and Russian.

French terms are verbatim as the report uses them, each with a line where it appears (the
loader checks that the line contains it); Russian gives the standard legal term most
trainees work with. The page ``book/instructors/glossary.md`` is generated from the file.
The notes are in English in the table (``note_en``, its columns are fixed by the pack's schema)
and in another language in ``<pack>/training/<lang>/glossary.yaml`` (``notes``, by term_id):
every term with an English note has its note there, and a note for no such term is refused.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from catbook.pack.paths import GLOSSARY_CSV
from catbook.text.markdown import escape
from catbook.text.source import line as report_line
from catbook.training.common import TRAINING_DIR, TrainingDataError

GLOSSARY_FILE = GLOSSARY_CSV
COLUMNS = ["term_id", "fr", "source_line", "en", "ru", "note_en"]
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
#: Words of another language inside a note, marked in the data as [[fr:…]] or [[en:…]] and
#: shown as <span lang="fr">…</span>, so that a screen reader reads them in their language.
_FOREIGN = re.compile(r"\[\[(fr|en|ru):(.*?)\]\]")


def marked(note: str) -> str:
    """A note as Markdown: escaped, its [[fr:…]]/[[en:…]] words in a ``lang`` span."""
    out, last = [], 0
    for m in _FOREIGN.finditer(note):
        out += [escape(note[last:m.start()]), f'<span lang="{m[1]}">{escape(m[2])}</span>']
        last = m.end()
    return "".join(out) + escape(note[last:])


@dataclass(frozen=True)
class Term:
    term_id: str
    fr: str
    source_line: int
    en: str
    ru: str
    note_en: str = ""


def load_glossary(path: Path = GLOSSARY_FILE) -> tuple[Term, ...]:
    with Path(path).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            raise TrainingDataError(Path(path).name, f"columns {reader.fieldnames}, expected {COLUMNS}")
        rows = list(reader)
    terms, seen = [], set()
    for i, row in enumerate(rows, 2):
        where = f"{Path(path).name} row {i} ({row['term_id']})"
        if not _SLUG.match(row["term_id"]) or row["term_id"] in seen:
            raise TrainingDataError(f"{where}.term_id", "a unique lower-case slug")
        seen.add(row["term_id"])
        try:
            n = int(row["source_line"])
        except ValueError:
            raise TrainingDataError(f"{where}.source_line", "a line number") from None
        if not row["fr"] or row["fr"] not in report_line(n):
            raise TrainingDataError(f"{where}.fr", f"{row['fr']!r} does not occur in line {n}")
        if not row["en"].strip():
            raise TrainingDataError(f"{where}.en", "empty")
        if not _CYRILLIC.search(row["ru"]):
            raise TrainingDataError(f"{where}.ru", "expected a Russian term (Cyrillic)")
        terms.append(Term(row["term_id"], row["fr"], n, row["en"].strip(), row["ru"].strip(),
                          row["note_en"].strip()))
    return tuple(terms)


def notes(code: str, terms: tuple[Term, ...] | None = None) -> dict[str, str]:
    """The glossary's notes in language ``code`` (term_id -> note); English is the table's ``note_en``."""
    terms = load_glossary() if terms is None else terms
    if code == "en":
        return {t.term_id: t.note_en for t in terms if t.note_en}
    from catbook.training.lang import translations
    where = f"{code}/glossary.yaml"
    try:
        raw = translations(code, "glossary")
    except FileNotFoundError:
        raise TrainingDataError(where, "missing: the notes of the glossary in this language") from None
    if not isinstance(raw, dict) or set(raw) != {"notes"} or not isinstance(raw["notes"], dict):
        raise TrainingDataError(where, "expected exactly the key 'notes', a mapping term_id -> note")
    table = {str(k): " ".join(str(v).split()) for k, v in raw["notes"].items()}
    wanted = {t.term_id for t in terms if t.note_en}
    if set(table) != wanted:
        raise TrainingDataError(f"{where}: notes", f"missing {sorted(wanted - set(table))}, "
                                f"extra {sorted(set(table) - wanted)} (a note for each term with a note_en)")
    for term_id, note in table.items():
        if not _CYRILLIC.search(note):
            raise TrainingDataError(f"{where}: notes.{term_id}", "expected a note in the language (no Cyrillic)")
    return table


def sorted_terms(terms: tuple[Term, ...], by: str = "en") -> list[Term]:
    """The terms in the alphabetical order of a language's column (``en`` or ``ru``)."""
    return sorted(terms, key=lambda t: (re.sub(r"^\W+", "", getattr(t, by).lower()), t.term_id))


def render_page(terms: tuple[Term, ...] | None = None, lang=None) -> str:
    from catbook.training.lang import language
    lang = lang or language("en")
    terms = load_glossary() if terms is None else terms
    rows = []
    translated = notes(lang.code, terms)
    for t in sorted_terms(terms, lang.code):
        note = marked(translated.get(t.term_id, ""))
        fr, ru = f'<span lang="fr">{escape(t.fr)}</span>', f'<span lang="ru">{escape(t.ru)}</span>'
        if lang.code == "en":
            cells = [escape(t.en), fr, ru]
        else:
            cells = [escape(t.ru), fr, f'<span lang="en">{escape(t.en)}</span>']
        rows.append("| " + " | ".join(cells) + f" | {lang.line_ref(t.source_line)} | {note} |")
    return lang.t("glossary.page", count=lang.plural(len(terms), "term")) + "\n".join(rows) + "\n"
