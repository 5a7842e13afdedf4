"""The languages of the instructors' part: every word a generated page shows, from data.

One renderer writes both versions of each page; what differs is read from
the pack's ``training/ui.yaml`` (English) and ``training/ru/ui.yaml`` (Russian, same keys):
interface words, month names, the date format, duration words, verdict words, rule titles,
chapter and tool titles. The Russian prose of the exercises and quizzes is in
``training/ru/exercises.yaml`` and ``ru/quizzes.yaml`` (keyed by id; everything else,
cases, claims, quotes' French, comes from the English files, so both languages show the same
answers computed by the same engine).

    from catbook.training.lang import language
    ru = language("ru")
    ru.when(moment)            # '1 марта 2020 г. в 23:40' (the «в» is the format's: a template
                               # says «задержан {arrest}», never «задержан в {arrest}»)
    ru.plural(3, "question")   # '3 вопроса'
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from catbook.text.markdown import SEP, para_anchor
from catbook.training.common import INSTRUCTORS, INSTRUCTORS_DOC_DIR, TRAINING_DIR, TrainingDataError

LANGUAGES = ("en", "ru")
UI_FILES = {"en": TRAINING_DIR / "ui.yaml", "ru": TRAINING_DIR / "ru" / "ui.yaml"}


def _plural_category(code: str, n: int) -> str:
    """The plural form a number takes (CLDR rules for whole numbers): one / few / many / other."""
    if code == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return "few"
        return "many"
    return "one" if n == 1 else "other"


@dataclass(frozen=True)
class Language:
    code: str
    strings: dict

    # --- words -------------------------------------------------------------------------
    def t(self, key: str, **values) -> str:
        """The text of ``key``, its ``{names}`` filled with ``values``."""
        try:
            text = self.strings[key]
        except KeyError:
            raise TrainingDataError(UI_FILES[self.code].name, f"no text for {key!r}") from None
        return text.format(**values)

    def plural(self, n: int, noun: str) -> str:
        """'1 question', '3 questions'; '1 вопрос', '3 вопроса', '5 вопросов'."""
        forms = self.strings[f"plural.{noun}"]
        return f"{n} {forms[_plural_category(self.code, n)]}"

    def status(self, status: str) -> str:
        """A verdict of the custody engine (met / missed / pending) in this language."""
        return self.t(f"status.{status}")

    def claim_verdict(self, verdict: str) -> str:
        return self.t(f"claim_verdict.{verdict}")

    # --- moments and lengths -----------------------------------------------------------
    def when(self, moment: datetime) -> str:
        month = self.strings["months"][moment.month - 1]
        return self.t("date_format", time=f"{moment:%H:%M}", day=moment.day, month=month, year=moment.year)

    def when_with_offset(self, moment: datetime) -> str:
        total = int(moment.utcoffset().total_seconds()) // 60
        hours, minutes = divmod(abs(total), 60)
        return f"{self.when(moment)} (UTC{'-' if total < 0 else '+'}{hours:02d}:{minutes:02d})"

    def duration(self, length: timedelta) -> str:
        """A length of time, as the custody clock shows it ('2 h 05 min'; '2 ч 05 мин')."""
        minutes = int(length.total_seconds()) // 60
        days, rest = divmod(minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        return self.t("duration.days" if days else "duration.hours", days=days, hours=hours,
                      minutes=f"{minutes:02d}")

    # --- the rule book and the book's pages ----------------------------------------------
    def rule_text(self, rule, field: str) -> str:
        """A rule's title, basis or limit: rules.yaml's English, or this language's rules table."""
        if self.code == "en":
            return {"title": rule.title, "basis": rule.basis, "limit": rule.duration.label,
                    "description": rule.description, "note": rule.note or ""}[field]
        try:
            return _rules_table(self.code)[rule.id][field] if field != "note" or rule.note else ""
        except KeyError:
            raise TrainingDataError(f"{self.code}/rules.yaml", f"no {field} for rule {rule.id!r}") from None

    def version_text(self, rule, version, field: str) -> str:
        """A dated version's label, note or lawful delay's description ('delay_description')."""
        if self.code == "en":
            return {"label": version.label, "note": version.note or "",
                    "delay_description": version.lawful_delay.description if version.lawful_delay else ""}[field]
        table = _rules_table(self.code)[rule.id].get("versions", {}).get(version.label, {})
        if field == "label":
            return table.get("label", version.label)
        english = self.version_text.__func__(language("en"), rule, version, field)
        if english and field not in table:
            raise TrainingDataError(f"{self.code}/rules.yaml", f"{rule.id}: no {field} for version {version.label}")
        return table.get(field, "")

    def delay_label(self, rule_id: str, english: str) -> str:
        """The lawful delay a rule's older version allowed ('72 hours')."""
        if self.code == "en":
            return english
        return _rules_table(self.code)[rule_id]["delay"]

    def unit(self, unit: str) -> str:
        """A unit of the pack's figures.csv or rules.yaml ('persons', 'hours') in this language."""
        return unit if self.code == "en" else self.t(f"unit.{unit}")

    def chapter_title(self, key: str) -> str:
        from catbook.pack.chapters import CHAPTERS
        return CHAPTERS[key].title if self.code == "en" else self.t(f"chapter.{key}")

    def tool_title(self, name: str) -> str:
        return self.t(f"tool.{name}")

    @property
    def folder(self) -> Path:
        """Where this language's pages of the instructors' part live."""
        return INSTRUCTORS if self.code == "en" else INSTRUCTORS / self.code

    @property
    def doc_dir(self) -> str:
        return INSTRUCTORS_DOC_DIR if self.code == "en" else f"{INSTRUCTORS_DOC_DIR}/{self.code}"

    def line_label(self, n: int) -> str:
        return self.t("line", n=n)

    def para_label(self, n: int) -> str:
        return self.t("para", n=n)

    def line_ref(self, n: int) -> str:
        """A checked MyST link to line ``n`` and its official paragraph ('line N · para. M')."""
        from catbook.text.corpus import para_of_line
        link = f"{{ref}}`{self.line_label(n)} <p{n}>`"
        para = para_of_line(n)
        return link if para is None else f"{link}{SEP}{{ref}}`{self.para_label(para)} <{para_anchor(para)}>`"


@lru_cache(maxsize=None)
def language(code: str = "en") -> Language:
    if code not in LANGUAGES:
        raise TrainingDataError("language", f"{code!r} is not one of {LANGUAGES}")
    strings = yaml.safe_load(UI_FILES[code].read_text(encoding="utf-8"))
    return Language(code, strings)


@lru_cache(maxsize=None)
def _rules_table(code: str) -> dict:
    return yaml.safe_load((TRAINING_DIR / code / "rules.yaml").read_text(encoding="utf-8"))


def translations(code: str, name: str) -> dict:
    """The prose of the pack's ``training/<code>/<name>.yaml`` (exercises, quizzes), keyed by id."""
    return _translations(code, name)


@lru_cache(maxsize=None)
def _translations(code: str, name: str) -> dict:
    path = TRAINING_DIR / code / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))
