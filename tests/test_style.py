"""The house style of the book's English (data/style.md), its mechanical points, on the files it covers.

Checked: one spelling (-ise, official names keep -ize), per cent written one way ("82%"), the
categories of offence ("serious", not "grave"), and "Act of" for a dated law. The French the files
quote (YAML keys ``fr`` and ``quote``, «…» quotations, ``lang="fr"`` spans) is not English and is
left out. Generated pages are not read here: they are written from these files (and from
claims.csv) and checked for being current by their own tests.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from catbook.pack.paths import ROOT

PACK = ROOT / "data" / "cat-c-kaz-3"
TRAINING = PACK / "training"
INSTRUCTORS = ROOT / "book" / "instructors"

#: Official names that keep their own -ize spelling (data/style.md, "Exception").
OFFICIAL = re.compile(r"World Health Organization|Organization for Security and Co-operation in Europe|"
                      r"International Organization for Migration|Transnational Organized Crime")
#: English words that end in -ize but are not the -ise/-ize suffix.
NOT_THE_SUFFIX = {"size", "sizes", "sized", "seize", "seizes", "seized", "seizing", "seizure", "prize",
                  "prizes", "capsize", "maize", "baize"}
IZE = re.compile(r"\b[A-Za-z]+iz(?:e|es|ed|ing|er|ers|ation|ations|ational)\b")
PER_CENT = re.compile(r"\d[ \u00a0\u202f]+%|\bper ?cent\b|\bpercent\b", re.IGNORECASE)
GRAVE = re.compile(r"\bgrave (?:or particularly grave )?offences?\b|\bparticularly grave\b", re.IGNORECASE)
LAW_OF = re.compile(r"\b[Ll]aws? of (?:\d|[1-3]?\d(?:st|nd|rd|th)? (?:January|February|March|April|May|June|"
                    r"July|August|September|October|November|December))")
FRENCH = re.compile(r"«[^»]*»|<span lang=\"fr\">.*?</span>|<blockquote lang=\"fr\">.*?</blockquote>", re.DOTALL)
FRENCH_KEYS = {"fr", "quote"}


def style_problems(text: str) -> list[str]:
    """What in ``text`` (English) breaks a mechanical point of data/style.md."""
    text = OFFICIAL.sub("", FRENCH.sub("", text))
    found = [f"-ize: {w}" for w in IZE.findall(text) if w.lower() not in NOT_THE_SUFFIX]
    found += [f"per cent: {m.group(0)!r}" for m in PER_CENT.finditer(text)]
    found += [f"offence category: {m.group(0)!r}" for m in GRAVE.finditer(text)]
    found += [f"'Act of': {m.group(0)!r}" for m in LAW_OF.finditer(text)]
    return found


def _english_strings(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            if k not in FRENCH_KEYS:
                yield from _english_strings(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from _english_strings(item, key)
    elif isinstance(node, str):
        yield node


def _yaml_text(path: Path) -> str:
    return "\n".join(_english_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))


def _csv_text(path: Path, columns: tuple[str, ...]) -> str:
    with path.open(encoding="utf-8", newline="") as f:
        return "\n".join(row[c] for row in csv.DictReader(f) for c in columns)


def _hand_written_pages() -> list[Path]:
    """The English instructors' pages written by hand (the generated ones say who wrote them)."""
    return [p for p in sorted(INSTRUCTORS.glob("*.md"))
            if "catbook.training pages" not in p.read_text(encoding="utf-8")]


SOURCES = {
    "training/exercises.yaml": lambda: _yaml_text(TRAINING / "exercises.yaml"),
    "training/quizzes.yaml": lambda: _yaml_text(TRAINING / "quizzes.yaml"),
    "training/ui.yaml": lambda: _yaml_text(TRAINING / "ui.yaml"),
    "training/glossary.csv (en, note_en)": lambda: _csv_text(TRAINING / "glossary.csv", ("en", "note_en")),
    "report/translation.en.csv (text_en, note_en)":
        lambda: _csv_text(PACK / "report" / "translation.en.csv", ("text_en", "note_en")),
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_english_data_keeps_the_house_style(name):
    assert style_problems(SOURCES[name]()) == []


def test_the_hand_written_english_instructors_pages_keep_the_house_style():
    pages = _hand_written_pages()
    assert {p.name for p in pages} >= {"index.md", "session-1.md", "session-4.md"}
    problems = {p.name: style_problems(p.read_text(encoding="utf-8")) for p in pages}
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("text, problem", [
    ("with the prosecutor's authorization", "-ize: authorization"),
    ("27 persons, 82 % of them", "per cent: '2 %'"),
    ("27 persons, 82\u00a0% of them", "per cent: '2\\xa0%'"),
    ("82 per cent", "per cent: 'per cent'"),
    ("a grave or particularly grave offence", "offence category: 'grave or particularly grave offence'"),
    ("since the Law of 18 January 2011", "'Act of': 'Law of 1'"),
])
def test_each_point_is_caught(text, problem):
    assert style_problems(text) == [problem]


@pytest.mark.parametrize("text", [
    "the World Health Organization and the International Organization for Migration",
    "the United Nations Convention against Transnational Organized Crime",
    "the Act of 18 January 2011 seized 82% of the percentage",
    "a serious or particularly serious offence; a grave and flagrant disregard",
    "the French «infractions graves», «82 %», «la loi du 18 janvier 2011»",
    "a law on domestic violence; authorisation; recognised; specialised",
])
def test_what_the_style_allows_passes(text):
    assert style_problems(text) == []
