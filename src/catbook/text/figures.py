"""Every statistic the report states, as a table: ``<pack>/figures.csv``.

One row per number the report gives as a measurement (a count, percentage,
sum of money, capacity, area, sentence length ...), across all six parts.
Each row quotes the report verbatim (``quote_fr`` is an exact substring of
``source_line``) and records the number exactly as printed
(``value_as_written``), so every value can be re-derived from the text by
:func:`parse_french_number` -- and a test does so for every row.

Columns
-------
figure_id         ``fig-<section>-<NNN>``, numbered in reading order within the section.
section           the section id of the line in ``<pack>/report/paragraphs.csv``.
topic             one tag from :data:`TOPICS`.
measure_en        what is counted, in English.
period            the period as the report gives it: a year "Y"; a range "Y1-Y2"; a day
                  "Y-MM-DD" ("as of 1 January"); a month "Y-MM"; "Y-" (since a year);
                  "Y1;Y2" (one number stated for two years); "annual"; "last four
                  years"; "" if none. Where the year is only implied, ``note`` says so.
value             the number as stated, even where it looks wrong (see ``note``);
                  0 for a stated zero ("aucun cas ... n'a été enregistré").
unit              one of :data:`UNITS`.
qualifier         one of :data:`QUALIFIERS`.
value_as_written  the numeral exactly as printed ("48 684", "4,4", "neuf"),
                  without a multiplier word; "milliards"/"millions" written
                  after it (even after a range: "60 à 70 millions") is read
                  from ``quote_fr`` (see :func:`value_from_text`).
source_line       1-based line of ``<pack>/source/ (the file report.yaml names)``.
para_no           the official paragraph of the report that line belongs to (derived from
                  the corpus by ``make data``, :mod:`catbook.text.para_columns`; never typed).
quote_fr          the shortest verbatim excerpt that says what is counted;
                  it occurs exactly once in the line.
note              empty, or an observation (typos, ambiguities, rounding).

Topics (controlled list)
------------------------
See :data:`TOPICS` for the list and what each tag covers: torture-cases,
convictions, sentences, complaints, prison-population, amnesty-pardon,
prosecutor-oversight, monitoring-visits, monitoring-bodies, ngo-cooperation,
health, budget, infrastructure, staff, training, extradition, refugees,
domestic-violence, trafficking, compensation, awareness, other.

Conventions
-----------
* A sentence length in years and months is two rows (years, months), one number
  per row; ``note`` gives the total in months.
* A number stated once for several persons or years is one row; ``note`` says so.
* The same quantity stated in two places is two rows (the audit compares them).
* Stated zeros ("aucun cas", "aucune demande") are rows with value 0 where the
  report gives them as the count of something in a period; "aucun(e)" in rules
  ("aucune restriction") is not a figure, and the completeness scan does not
  look for "aucun" or for the article "un/une". "un"/"une" are figures only
  inside an enumerated breakdown ("one centre of one kind and one of another").

Qualifiers
----------
exact       the number is stated plainly.
more-than   "plus de", "supérieur à", "over".
at-least    "au moins", "pas moins de".
about       "environ", "quelque", "approximativement", "de l'ordre de".
nearly      "près de", "bon an mal an près de", "presque".
less-than   "moins de".
at-most     "jusqu'à", "au plus", "n'excédant pas".
range-low   lower bound of a stated range ("de 15 à 17 %": 15).
range-high  upper bound of a stated range ("de 15 à 17 %": 17).

What is *not* a figure
----------------------
Dates, years used as dates, numbers of articles/paragraphs/laws/decisions/
orders, list-item markers "1)", document symbols, institution codes, telephone
numbers, legal time limits and penalty ranges that are rules rather than
measurements ("soixante-douze heures", "dans un délai de dix jours", "de cinq à
dix ans"), and ordinal words. :func:`uncovered_numbers` finds every digit run
and every number word of the report's language in the report and returns those that are
neither quoted by a figure nor excluded by one of the rules in :data:`EXCLUSION_RULES` (the
language's, from ``data/languages/<code>.yaml``, then :data:`FORM_RULES`) or the reviewed list
:data:`REVIEWED_EXCLUSIONS` (read from the pack's ``number-exclusions.yaml``); a test asserts it
returns nothing, so dropping a figure makes the suite fail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from functools import lru_cache

from catbook.pack.datafile import DataFileError, StrictModel, load_yaml
from catbook.pack.paths import language_file
from catbook.pack.report import report

from catbook.pack.paths import FIGURES_CSV, NUMBER_EXCLUSIONS_YAML
from catbook.text.source import line as source_line_text
from catbook.text.source import source_lines

COLUMNS = [
    "figure_id", "section", "topic", "measure_en", "period", "value", "unit",
    "qualifier", "value_as_written", "source_line", "para_no", "quote_fr", "note",
]

#: Controlled topic list: tag -> what it covers.
TOPICS: dict[str, str] = {
    "torture-cases": "criminal cases opened and cases recorded concerning torture or ill-treatment (including stated zeros)",
    "convictions": "persons convicted of torture or violence, and the share given custodial sentences",
    "sentences": "sentences imposed in the individual cases the report cites (prison terms, bans)",
    "complaints": "complaints and requests received by the penitentiary system",
    "prison-population": "persons held in prisons, remand centres or temporary detention centres",
    "amnesty-pardon": "amnesty, pardon and decriminalisation: releases and sentence reductions",
    "prosecutor-oversight": "prosecutors' checks and the releases they ordered",
    "monitoring-visits": "visits, interventions and checks by NGOs and public monitoring commissions",
    "monitoring-bodies": "public monitoring commissions: their number and membership",
    "ngo-cooperation": "associations the authorities cooperate with",
    "health": "medical care in custody: equipment, mortality, health promotion",
    "budget": "money allocated or spent on the prison and detention system",
    "infrastructure": "institutions, buildings, places, capacities and floor areas",
    "staff": "personnel numbers and recruitment",
    "training": "training courses, seminars, legal-education events, persons trained",
    "extradition": "extraditions, refusals, extradition-related instructions",
    "refugees": "refugees and asylum applications",
    "domestic-violence": "family violence: offences, protection orders, crisis centres, police measures",
    "trafficking": "trafficking in human beings: criminal cases, persons prosecuted, cases uncovered",
    "compensation": "compensation awarded to victims",
    "awareness": "information materials and awareness events",
    "other": "a statistic that fits none of the above (measure_en says what it is)",
}

#: The units every pack's figures may use; the pack's currency (``currency`` in report.yaml)
#: is added to them in :data:`UNITS`.
COMMON_UNITS = frozenset({
    "persons", "cases", "requests", "orders", "percent", "institutions",
    "facilities", "places", "square-metres", "bodies", "visits", "checks", "events",
    "meetings", "calls", "devices", "items", "documents", "years", "months", "hours",
    "interventions",
})
_CURRENCY = report().currency
UNITS = set(COMMON_UNITS | ({_CURRENCY.unit} if _CURRENCY else set()))

QUALIFIERS = {
    "exact", "more-than", "at-least", "about", "nearly", "less-than", "at-most",
    "range-low", "range-high",
}

# ---------------------------------------------------------------------------
# Numbers as the report's language writes them (data/languages/<code>.yaml)
# ---------------------------------------------------------------------------

class LanguageError(DataFileError):
    """A language file (data/languages/<code>.yaml) is missing or malformed; names the field."""


class LanguagePattern(StrictModel):
    """A kind of number that is not a statistic, recognised by the words of one language around it."""
    name: str
    description: str
    pattern: str
    ignore_case: bool = False


class Language(StrictModel):
    """How one language writes numbers: digits, number words, and the contexts that make a number no
    statistic. Read from ``data/languages/<code>.yaml``; see ``fr.yaml`` for what each key means."""
    code: str
    name: str
    group_separators: str
    decimal_mark: str
    wrong_decimal_mark: str = ""
    units: dict[str, int]
    tens: dict[str, int] = {}
    compounds: dict[str, int] = {}
    hundreds: tuple[str, ...] = ()
    thousands: tuple[str, ...] = ()
    thousand_nouns: tuple[str, ...] = ()
    joiner: str = ""
    zero_words: tuple[str, ...] = ()
    multipliers: dict[str, int] = {}
    range_words: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    not_scanned: tuple[str, ...] = ()
    fraction_words: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    exclusion_rules: tuple[LanguagePattern, ...] = ()

    @property
    def space(self) -> str:
        """A regex for one of the spaces that group thousands."""
        return "[" + re.escape(self.group_separators) + "]"

    @property
    def number_words(self) -> frozenset[str]:
        """Every word that can be part of a number written in words."""
        return (frozenset(self.units) | frozenset(self.tens) | frozenset(self.hundreds)
                | frozenset(self.thousands) | frozenset(self.thousand_nouns) | {self.joiner} - {""})

    def rule(self, entry: LanguagePattern) -> "ExclusionRule":
        """An exclusion rule of this language, its placeholders ({SP}, {MONTHS}, {REF_NUM}) filled."""
        body = (entry.pattern.replace("{SP}", _GAP).replace("{MONTHS}", _alternation(self.months))
                .replace("{REF_NUM}", _REF_NUM))
        return ExclusionRule(entry.name, entry.description,
                             re.compile(body, re.IGNORECASE if entry.ignore_case else 0))


def _alternation(words) -> str:
    """A regex matching any of ``words``, longest first (so 'millions' wins over 'million')."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: The number of an article or list item inside a legal reference ("141-1", "b").
_REF_NUM = r"(?:\d+(?:[-\u2011]\d+)?|[a-g])"
#: Hyphens that join number words and number ranges.
_HYPHENS = "\\-\u2011"
#: The spaces around a number and between it and a multiplier word, in any language.
_BLANKS = " \u00a0\u202f"
_GAP = "[" + _BLANKS + "]"


def language(code: str | None = None) -> Language:
    """The language file of ``code`` (default: the report's, ``source.language`` of report.yaml)."""
    return _language(code or report().source.language)


@lru_cache(maxsize=8)
def _language(code: str) -> Language:
    path = language_file(code)
    lang = load_yaml(path, Language, LanguageError, code=code)
    for i, entry in enumerate(lang.exclusion_rules):
        try:
            lang.rule(entry)
        except re.error as error:
            raise LanguageError(path.name, f"exclusion_rules.{i}.pattern",
                                f"not a regular expression ({error})") from None
    return lang


def _parse_words(phrase: str, text: str, lang: Language) -> int:
    tokens = [t for t in re.split(rf"[\s{re.escape(lang.group_separators)}{_HYPHENS}]+", phrase.lower()) if t]
    if not tokens:
        raise ValueError(f"parse_number: no number in {text!r}")
    if len(tokens) == 1 and tokens[0] in lang.zero_words:
        return 0
    # A thousand noun ("un millier") counts like the thousand word.
    if lang.thousands:
        tokens = [lang.thousands[0] if t in lang.thousand_nouns else t for t in tokens]
    for t in tokens:
        if t not in lang.number_words:
            raise ValueError(f"parse_number: {t!r} in {text!r} is not a {lang.name} number word")
    if lang.joiner and lang.joiner in (tokens[0], tokens[-1]):
        raise ValueError(f"parse_number: misplaced {lang.joiner!r} in {text!r}")
    # Two words that are one number ("quatre-vingt(s)" = 80).
    merged: list[str] = []
    i = 0
    while i < len(tokens):
        pair = " ".join(tokens[i:i + 2])
        if i + 1 < len(tokens) and pair in lang.compounds:
            merged.append(pair)
            i += 2
            continue
        merged.append(tokens[i])
        i += 1
    at = [k for k, w in enumerate(merged) if w in lang.thousands]
    if len(at) > 1:
        raise ValueError(f"parse_number: {merged[at[1]]!r} twice in {text!r}")
    if at:
        k = at[0]
        head = _below(merged[:k], text, lang) if merged[:k] else 1
        tail = _below(merged[k + 1:], text, lang) if merged[k + 1:] else 0
        return head * 1000 + tail
    return _below(merged, text, lang)


def _below(words: list[str], text: str, lang: Language) -> int:
    """The value of number words below a thousand (compounds already merged)."""
    current = 0
    for w in words:
        if w == lang.joiner:
            continue
        if w in lang.compounds:
            current += lang.compounds[w]
        elif w in lang.units:
            current += lang.units[w]
        elif w in lang.tens:
            current += lang.tens[w]
        elif w in lang.hundreds:
            current = (current or 1) * 100
        else:
            raise ValueError(f"parse_number: unknown number word {w!r} in {text!r}")
    return current


def parse_number(text: str, *, irregular_grouping: bool = False, lang: Language | None = None) -> float:
    """The value of a number as the report's language prints it (``lang``, default :func:`language`).

    In French: digits with space, no-break space or narrow no-break space as thousands
    separators ("48 684"), a decimal comma ("4,4"), an optional multiplier word ("3,1 milliards",
    "43,9 millions", "1,167 milliard"), numbers written in words ("neuf", "vingt-neuf",
    "soixante-douze", "mille", "deux mille", "un millier"), and "aucun"/"aucune" for a stated
    zero. Raises ValueError with the offending text otherwise.

    With ``irregular_grouping=True`` digit groups of any length separated by spaces are joined
    ("48 6864" -> 486864): the value as printed, for the rare misprint the table records
    verbatim (and explains in ``note``).
    """
    if not isinstance(text, str):
        raise ValueError(f"parse_number: expected a string, got {type(text).__name__}")
    lang = lang or language()
    sp, mark = lang.space, re.escape(lang.decimal_mark)
    s = text.strip(_BLANKS)
    if not s:
        raise ValueError("parse_number: empty text is not a number")
    multiplier = 1
    m = re.match(rf"^(?P<num>.+?){_GAP}+(?P<mult>[^\W\d_]+)$", s)
    if m and m["mult"].lower() in lang.multipliers:
        multiplier = lang.multipliers[m["mult"].lower()]
        s = m["num"].strip(_BLANKS)
    elif s.lower() in lang.multipliers:
        raise ValueError(f"parse_number: multiplier {s!r} without a number")
    if re.search(r"\d", s):
        d = re.match(rf"^(?P<int>\d{{1,3}}(?:{sp}\d{{3}})+|\d+)(?:{mark}(?P<frac>\d+))?$", s)
        if not d and irregular_grouping:
            d = re.match(rf"^(?P<int>\d+(?:{sp}\d+)*)(?:{mark}(?P<frac>\d+))?$", s)
        if not d:
            wrong = lang.wrong_decimal_mark
            if wrong and re.search(rf"\d{re.escape(wrong)}\d", s):
                raise ValueError(f"parse_number: {text!r} uses {wrong!r} as a decimal point; "
                                 f"{lang.name} prints the decimal mark {lang.decimal_mark!r}")
            raise ValueError(f"parse_number: {text!r} is not digits with thousands separated "
                             f"by {lang.group_separators!r} and an optional decimal mark {lang.decimal_mark!r}")
        integer = int(re.sub(sp, "", d["int"]))
        value = float(f"{integer}.{d['frac']}") if d["frac"] else float(integer)
    else:
        value = float(_parse_words(s, text, lang))
    result = value * multiplier
    # Avoid binary noise such as 3.1e9 -> 3100000000.0000005
    return float(round(result, 6))


def parse_french_number(text: str, *, irregular_grouping: bool = False) -> float:
    """:func:`parse_number` in French (``data/languages/fr.yaml``), whatever the report's language."""
    return parse_number(text, irregular_grouping=irregular_grouping, lang=language("fr"))


def number_pattern(value_as_written: str, lang: Language | None = None) -> re.Pattern[str]:
    """A regex for value_as_written standing alone (not part of a longer number or word)."""
    body = re.escape(value_as_written)
    if re.match(r"\d", value_as_written):
        lang = lang or language()
        sp, mark = lang.space, re.escape(lang.decimal_mark)
        return re.compile(rf"(?<![\d{mark}])(?<!\d{sp}){body}(?![\d]|{mark}\d|{sp}\d{{3}}(?!\d))")
    return re.compile(rf"(?<![\w{_HYPHENS}]){body}(?![\w{_HYPHENS}])", re.IGNORECASE)


def locate_value(quote: str, value_as_written: str) -> re.Match[str] | None:
    """The first stand-alone occurrence of value_as_written in quote."""
    return number_pattern(value_as_written).search(quote)


def _multiplier_after(lang: Language) -> re.Pattern[str]:
    """A multiplier word right after a number, or after a range ("60 à 70 millions")."""
    seps = re.escape(lang.group_separators + _BLANKS + lang.decimal_mark)
    joins = "|".join([_alternation(lang.range_words), "-", ","] if lang.range_words else ["-", ","])
    return re.compile(rf"^(?:{_GAP}*(?:{joins}){_GAP}*\d[\d{seps}]*?)?{_GAP}+(?P<mult>{_alternation(lang.multipliers)})\b")


def value_from_text(value_as_written: str, quote: str, *, irregular_grouping: bool = False) -> float:
    """The value a row must carry: the numeral plus any multiplier word written after it.

    The multiplier may follow directly ("3,1 milliards") or after a range
    ("60 à 70 millions": 60 -> 60 000 000).
    """
    m = locate_value(quote, value_as_written)
    if m is None:
        raise ValueError(f"value_from_text: {value_as_written!r} does not stand alone in {quote!r}")
    lang = language()
    mm = _multiplier_after(lang).match(quote[m.end():]) if lang.multipliers else None
    if mm:
        return parse_number(f"{value_as_written} {mm['mult']}", irregular_grouping=irregular_grouping)
    return parse_number(value_as_written, irregular_grouping=irregular_grouping)


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------

def load_figures() -> pd.DataFrame:
    """The pack's figures.csv, validated by its schema (catbook.pack.tables), with typed columns
    (value float, source_line int)."""
    from catbook.pack import tables
    df = tables.load("figures")
    df["value"] = df["value"].astype(float)
    df["source_line"] = df["source_line"].astype(int)
    for col in ("section", "topic", "unit", "qualifier"):
        df[col] = df[col].astype("category")
    return df


class FigureLookupError(ValueError):
    """A figure asked for by id is not in figures.csv, or not on the line the caller expects."""

    def __init__(self, figure_id: str, field: str, reason: str):
        self.figure_id, self.field, self.reason = figure_id, field, reason
        super().__init__(f"figures.csv {figure_id}: {field}: {reason}")


_INDEXED: dict[tuple, pd.DataFrame] = {}


def _indexed() -> pd.DataFrame:
    stat = FIGURES_CSV.stat()
    key = (str(FIGURES_CSV), stat.st_size, stat.st_mtime_ns)
    if key not in _INDEXED:
        _INDEXED.clear()
        _INDEXED[key] = load_figures().set_index("figure_id", drop=False)
    return _INDEXED[key]


def figure(figure_id: str, *, line: int | None = None, figures: pd.DataFrame | None = None) -> pd.Series:
    """The one figure lookup: the row of ``figure_id`` (value float, source_line int).

    ``figures`` is the table to look in (default: the pack's figures.csv, indexed once while
    the file is unchanged). With ``line``, the figure must be on that line of the report.
    Raises :class:`FigureLookupError` naming the figure and the field.
    """
    if figures is None:
        table = _indexed()
        hit = table.loc[figure_id] if figure_id in table.index else None
    elif "figure_id" not in figures.columns:  # a table indexed by figure_id
        hit = figures.loc[figure_id] if figure_id in figures.index else None
    else:
        rows = figures[figures["figure_id"] == figure_id]
        hit = rows.iloc[0] if len(rows) else None
    if hit is None:
        raise FigureLookupError(str(figure_id), "figure_id", "not in figures.csv")
    if line is not None and int(hit["source_line"]) != int(line):
        raise FigureLookupError(str(figure_id), "source_line",
                                f"{figure_id} is on line {hit['source_line']}, expected line {line}")
    return hit


def figures_by_id(figure_ids, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of these figures, in the order given, with the table's column types (a missing
    id is a :class:`FigureLookupError`, as in :func:`figure`)."""
    ids = list(figure_ids)
    table = load_figures() if figures is None else figures
    if "figure_id" in table.columns:
        table = table.set_index("figure_id")
    missing = [i for i in ids if i not in table.index]
    if missing:
        raise FigureLookupError(str(missing[0]), "figure_id", "not in figures.csv")
    return table.loc[ids].reset_index()


def figures_for(section: str) -> pd.DataFrame:
    """The figures of one section, in reading order."""
    df = load_figures()
    out = df[df["section"] == section]
    return out.sort_values(["source_line", "figure_id"]).reset_index(drop=True)


# ---------------------------------------------------------------------------
# Completeness: every number in the report is a figure or deliberately excluded
# ---------------------------------------------------------------------------

def _digit_run(lang: Language) -> re.Pattern[str]:
    """Digit runs: thousands groups joined ("48 684"), a decimal part kept ("4,4")."""
    return re.compile(rf"(?<!\d)\d+(?:{lang.space}\d{{3}}(?!\d))*(?:{re.escape(lang.decimal_mark)}\d+)?")


def _word_run(lang: Language) -> re.Pattern[str]:
    """Numbers in words: "neuf", "vingt-neuf", "Vingt-et-une", "soixante-douze", "un millier";
    the words that are also the article ("un", "une") are not scanned alone."""
    alone = (lang.number_words - {lang.joiner}) - set(lang.articles) - set(lang.not_scanned)
    word, inner = _alternation(alone), _alternation(alone | set(lang.articles))
    joiner = rf"(?:{re.escape(lang.joiner)}[{_HYPHENS}])?" if lang.joiner else ""
    noun = (rf"(?:{_alternation(lang.articles)}){lang.space}+(?:{_alternation(lang.thousand_nouns)})|"
            if lang.articles and lang.thousand_nouns else "")
    return re.compile(rf"(?<![\w{_HYPHENS}])(?:{noun}(?:{word})(?:[{_HYPHENS}]{joiner}(?:{inner}))*)(?![\w{_HYPHENS}])",
                      re.IGNORECASE)


def _fraction(lang: Language) -> re.Pattern[str] | None:
    """Fraction words a statistic could hide in."""
    if not lang.fraction_words:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation(lang.fraction_words)})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class ExclusionRule:
    """A kind of number that is not a statistic, recognised by its context."""
    name: str
    description: str
    pattern: re.Pattern[str]


#: Numbers that are never statistics in any language, recognised by their form. The rules that
#: need the words around a number (dates, legal references...) are the language's
#: (``exclusion_rules`` of data/languages/<code>.yaml), and come first.
FORM_RULES: tuple[ExclusionRule, ...] = (
    ExclusionRule("year", "a year or range of years used as a date or period: '1999', '2001-2005', '1998-1999'",
                  re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-3]\d)(?:[-\u2011](?:19|20)\d\d)?(?!\d)")),
    ExclusionRule("article-number", "a hyphenated article number standing alone: '79-1', '101-2'",
                  re.compile(r"(?<![\d\-])\d{2,3}[-\u2011]\d(?!\d)")),
    ExclusionRule("list-marker", "a list item number at the start of a line: '1)'",
                  re.compile(r"^\d+\)")),
    ExclusionRule("institution-code", "an institution's code: 'AB-123/4', '159/25'",
                  re.compile(r"\b(?:[A-Z]{2}-)?\d+/\d+\b")),
    ExclusionRule("unit-exponent", "the exponent of a unit: 'm2'",
                  re.compile(r"\bm[23]\b")),
    ExclusionRule("markup", "a word-processor artefact: '[bookmark: SUB123]'",
                  re.compile(r"\[bookmark:[^\]]*\]")),
)


def exclusion_rules(lang: Language | None = None) -> tuple[ExclusionRule, ...]:
    """The rules of the report's language (or ``lang``), then the rules of form."""
    lang = lang or language()
    return tuple(lang.rule(entry) for entry in lang.exclusion_rules) + FORM_RULES


def __getattr__(name: str):
    # EXCLUSION_RULES is read from the language file on first use, not at import, so a pack in a
    # language without a file can still load its figures.
    if name == "EXCLUSION_RULES":
        return exclusion_rules()
    if name == "NUMBER_WORDS":
        return language().number_words
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class FiguresError(ValueError):
    """A file of figures or number exclusions breaks its rules; the message names entry and field."""


@dataclass(frozen=True)
class ReviewedExclusion:
    """A number read and judged not to be a statistic.

    ``excerpt`` is written with plain spaces and apostrophes; it matches the line
    with any run of spaces/no-break spaces for a space and ’ for ' (see
    :func:`excerpt_pattern`), and must match exactly once.
    """
    source_line: int
    excerpt: str
    category: str
    reason: str


def excerpt_pattern(excerpt: str) -> re.Pattern[str]:
    """A regex for an excerpt typed with plain spaces and apostrophes."""
    parts = [re.escape(p.replace("'", "\u2019")) for p in re.split(r"[ \u00a0\u202f]+", excerpt.strip())]
    return re.compile(r"[ \u00a0\u202f]+".join(parts))


class NumberExclusionsError(DataFileError, FiguresError):
    """number-exclusions.yaml breaks its rules: ``file``, ``field`` (dotted) and ``reason``."""


class _Exclusion(StrictModel):
    source_line: int
    excerpt: str
    category: str
    reason: str


class _ExclusionsFile(StrictModel):
    categories: dict[str, str]
    exclusions: list[_Exclusion]


def _reviewed(path: Path | None = None) -> tuple[dict[str, str], tuple[ReviewedExclusion, ...]]:
    """<pack>/number-exclusions.yaml, read through a strict model: the categories and the numbers
    judged one by one (an unknown or malformed key raises NumberExclusionsError naming it)."""
    path = NUMBER_EXCLUSIONS_YAML if path is None else path
    data = load_yaml(path, _ExclusionsFile, NumberExclusionsError)
    entries = []
    for i, entry in enumerate(data.exclusions):
        if entry.category not in data.categories:
            raise NumberExclusionsError(file=path.name, field=f"exclusions[{i}].category",
                                        reason=f"{entry.category!r} is not a declared category")
        entries.append(ReviewedExclusion(entry.source_line, entry.excerpt, entry.category, entry.reason))
    return dict(data.categories), tuple(entries)


#: Categories of judged exclusions, and the exclusions (<pack>/number-exclusions.yaml).
REVIEWED_CATEGORIES, REVIEWED_EXCLUSIONS = _reviewed()


def number_occurrences() -> pd.DataFrame:
    """Every digit run, number word and fraction word in the report, with its span."""
    lang = language()
    scanners = [("digits", _digit_run(lang)), ("words", _word_run(lang)), ("fraction", _fraction(lang))]
    scanners = [(kind, rx) for kind, rx in scanners if rx is not None]
    rows = []
    for n, text in enumerate(source_lines(), start=1):
        for kind, rx in scanners:
            for m in rx.finditer(text):
                rows.append({"source_line": n, "start": m.start(), "end": m.end(),
                             "text": m.group(0), "kind": kind})
    return pd.DataFrame(rows, columns=["source_line", "start", "end", "text", "kind"])


def _figure_spans(figures: pd.DataFrame) -> dict[int, list[tuple[int, int, str]]]:
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for r in figures.itertuples():
        text = source_line_text(int(r.source_line))
        at = text.find(r.quote_fr)
        m = locate_value(r.quote_fr, r.value_as_written) if at >= 0 else None
        if m is None:
            continue  # a broken row; the figure tests report it
        spans.setdefault(int(r.source_line), []).append((at + m.start(), at + m.end(), r.figure_id))
    return spans


def _rule_spans() -> dict[int, list[tuple[int, int, str]]]:
    spans: dict[int, list[tuple[int, int, str]]] = {}
    rules = exclusion_rules()
    for n, text in enumerate(source_lines(), start=1):
        for rule in rules:
            for m in rule.pattern.finditer(text):
                spans.setdefault(n, []).append((m.start(), m.end(), rule.name))
        for ex in REVIEWED_EXCLUSIONS:
            if ex.source_line == n:
                for m in excerpt_pattern(ex.excerpt).finditer(text):
                    spans.setdefault(n, []).append((m.start(), m.end(), f"reviewed:{ex.category}"))
    return spans


def classify_numbers(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every number occurrence with how it is accounted for.

    ``status`` is ``figure`` (its span overlaps a figure's value_as_written in the
    line; ``by`` gives the figure_id), ``excluded`` (it lies inside a match of an
    :data:`EXCLUSION_RULES` pattern or a :data:`REVIEWED_EXCLUSIONS` excerpt;
    ``by`` names the rule) or ``uncovered``.
    """
    if figures is None:
        figures = load_figures()
    occ = number_occurrences()
    fig = _figure_spans(figures)
    rules = _rule_spans()
    status, by = [], []
    for r in occ.itertuples():
        hit = [fid for (s, e, fid) in fig.get(r.source_line, []) if s < r.end and r.start < e]
        if hit:
            status.append("figure"); by.append(";".join(hit))
            continue
        rule = [name for (s, e, name) in rules.get(r.source_line, []) if s <= r.start and r.end <= e]
        if rule:
            status.append("excluded"); by.append(rule[0])
        else:
            status.append("uncovered"); by.append("")
    out = occ.copy()
    out["status"] = status
    out["by"] = by
    return out


def uncovered_numbers(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number occurrences that are neither a figure nor excluded by a documented rule."""
    c = classify_numbers(figures)
    return c[c["status"] == "uncovered"].reset_index(drop=True)
