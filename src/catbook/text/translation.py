"""The project's unofficial English translation of the report, one row per line.

``<pack>/report/translation.en.csv`` has the columns ``para_id, source_line, text_en, note_en``: an
English reading of every non-empty line of the French text, and, where the English follows a French
that is itself wrong or misleading, a translator's note (``note_en``, empty on most lines; the report
page shows it under the line). It is the project's own translation of the
United Nations' French version, not the United Nations' English text; every page that shows it
says so (:data:`NOTICE`).

Loading validates the table against the verified source: every non-empty line has exactly one row,
no row names an empty line, and every number the French line writes in digits appears in the
English line with the same value (English grouping and decimal point accepted; a misprint kept
as printed is marked ``[sic]``). The same number check compares the claims' English glosses with
their French quotes, so a gloss cannot drop or change a number its line keeps.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from catbook.text.figures import language, parse_french_number
from catbook.pack.paths import TRANSLATION_EN_CSV
from catbook.pack.report import report
from catbook.text.source import source_lines

COLUMNS = ["para_id", "source_line", "text_en", "note_en"]

#: What every page that shows the translation says about it.
NOTICE = ("English: the project's unofficial translation of the United Nations' "
          f"{language().name} version "
          "(not the United Nations' English text); it awaits review by a native legal reader.")

_SP = "[ \u00a0\u202f]"
#: Digit runs as French prints them: thousands groups joined ("48 684"), a decimal comma kept.
_FR_DIGITS = re.compile(rf"(?<![\d,.])\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?(?!\d)|(?<![\d,.])\d+(?:,\d+)?")
#: Digit runs as English prints them: "48,684", "2.5", "1998".
_EN_DIGITS = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.,])\d+(?:\.\d+)?")
#: A number copied exactly as printed in the French and flagged: "48 6864 [sic]".
_SIC = re.compile(rf"(\d+(?:{_SP}\d+)*(?:,\d+)?)\s*\[sic\]")


class TranslationError(ValueError):
    """A row of the translation table breaks one of its rules."""

    def __init__(self, source_line: int | str, field: str, reason: str):
        self.source_line, self.field, self.reason = source_line, field, reason
        super().__init__(f"translation.en.csv line {source_line}: {field}: {reason}")


def _value(text: str) -> float:
    return parse_french_number(text, irregular_grouping=True)


def french_numbers(text: str) -> Counter:
    """The values of the numbers a French text writes in digits ("48 684" -> 48684.0)."""
    return Counter(_value(m.group()) for m in _FR_DIGITS.finditer(text))


def english_numbers(text: str) -> Counter:
    """The values of the numbers an English text writes in digits.

    English grouping ("48,684") and decimal point ("2.5") are read; a French-style group kept in
    the English ("48 684") and a misprint copied with ``[sic]`` count as the French reads them.
    """
    found = Counter()
    for m in _SIC.finditer(text):
        found[_value(m.group(1))] += 1
        found.update(french_numbers(m.group(1)))  # and the groups as the French line scans them
    rest = _SIC.sub(" ", text)
    for m in _EN_DIGITS.finditer(rest):
        found[float(m.group().replace(",", ""))] += 1
    for value, n in french_numbers(rest).items():  # "48 684" written the French way
        found[value] = max(found[value], n)
    return found


def missing_numbers(french: str, english: str) -> list[float]:
    """Numbers of the French text that its English rendering drops or changes (sorted)."""
    return sorted((french_numbers(french) - english_numbers(english)).elements())


def validate(df: pd.DataFrame) -> None:
    """Raise TranslationError for the first rule the table breaks."""
    if list(df.columns) != COLUMNS:
        raise TranslationError("(header)", "columns", f"expected {COLUMNS}, got {list(df.columns)}")
    lines = source_lines()
    dupes = df.source_line[df.source_line.duplicated()]
    if len(dupes):
        raise TranslationError(int(dupes.iat[0]), "source_line", "translated twice")
    for row in df.itertuples():
        n = int(row.source_line)
        if row.para_id != f"p{n}":
            raise TranslationError(n, "para_id", f"{row.para_id!r} should be 'p{n}'")
        if not 1 <= n <= len(lines) or not lines[n - 1].strip():
            raise TranslationError(n, "source_line", "not a non-empty line of the report")
        if not str(row.text_en).strip():
            raise TranslationError(n, "text_en", "empty")
        if str(row.note_en) != str(row.note_en).strip():
            raise TranslationError(n, "note_en", "leading or trailing space")
        lost = missing_numbers(lines[n - 1], row.text_en)
        if lost:
            raise TranslationError(n, "text_en", f"numbers of the French line missing: {lost}")
    done = set(df.source_line)
    untranslated = [i for i, text in enumerate(lines, 1) if text.strip() and i not in done]
    if untranslated:
        raise TranslationError(untranslated[0], "source_line",
                               f"not translated ({len(untranslated)} line(s) without English)")


@lru_cache(maxsize=1)
def _load() -> pd.DataFrame:
    df = pd.read_csv(TRANSLATION_EN_CSV, dtype={"para_id": str, "source_line": int, "text_en": str, "note_en": str},
                     keep_default_na=False)
    validate(df)
    return df


def load_translation() -> pd.DataFrame:
    """The validated translation table (a copy)."""
    return _load().copy()


def needed() -> bool:
    """Whether the pack's report needs the English translation: its text is not in English."""
    return report().source.language != "en"


def english(source_line: int) -> str:
    """The English reading of a line ('' for an empty line, and for a report written in English)."""
    if not needed():
        return ""
    rows = _load().set_index("source_line").text_en
    return rows.get(source_line, "")


def note(source_line: int) -> str:
    """The translator's note on a line's English ('' for most lines)."""
    if not needed():
        return ""
    return _load().set_index("source_line").note_en.get(source_line, "")


def gloss_problems(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims whose English gloss drops or changes a number that their French quote writes."""
    out = [{"claim_id": c.claim_id, "source_line": c.source_line, "missing": lost}
           for c in claims.itertuples() if (lost := missing_numbers(c.quote_fr, c.gloss_en))]
    return pd.DataFrame(out, columns=["claim_id", "source_line", "missing"])
