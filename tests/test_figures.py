"""data/cat-c-kaz-3/figures.csv: every row re-derived from the report's text."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from catbook.text.corpus import load_paragraphs
from catbook.text.figures import (
    COLUMNS, EXCLUSION_RULES, QUALIFIERS, REVIEWED_CATEGORIES, REVIEWED_EXCLUSIONS, TOPICS,
    UNITS, classify_numbers, excerpt_pattern, figure, figures_for, load_figures, locate_value,
    number_occurrences, parse_french_number, uncovered_numbers, value_from_text,
)
from catbook.pack.paths import FIGURES_CSV
from catbook.text.source import line


@pytest.fixture(scope="module")
def figs() -> pd.DataFrame:
    return load_figures()


@pytest.fixture(scope="module")
def sections() -> dict[int, str]:
    p = load_paragraphs()
    return dict(zip(p.source_line.astype(int), p.section))


def _rows(df):
    return list(df.itertuples(index=False))


# --- the table -------------------------------------------------------------

def test_columns_and_dtypes(figs):
    assert list(figs.columns) == COLUMNS
    assert figs["value"].dtype == float
    assert figs["source_line"].dtype.kind == "i"
    assert len(figs) >= 200


def test_csv_is_utf8_with_plain_header():
    head = FIGURES_CSV.read_text(encoding="utf-8").split("\n", 1)[0]
    assert head == ",".join(COLUMNS)


def test_figure_ids_unique_and_well_formed(figs):
    assert figs["figure_id"].is_unique
    for r in _rows(figs):
        assert re.fullmatch(r"fig-[a-z0-9-]+-\d{3}", r.figure_id), r.figure_id
        assert r.figure_id.removeprefix("fig-").rsplit("-", 1)[0] == r.section, r.figure_id


def test_no_figure_id_is_a_claim_id(figs):
    """Figure ids and claim ids cannot be confused (issue 22): figures are `fig-<section>-<NNN>`."""
    from catbook.judge.claims import load_claims
    from catbook.judge.findings import has_findings, load_findings
    ids = set(figs.figure_id)
    assert not ids & set(load_claims(validate_rows=False).claim_id)
    if has_findings():
        assert not ids & {f.id for f in load_findings(check_refs=False)}


def test_section_matches_paragraph_table(figs, sections):
    bad = [(r.figure_id, r.source_line, r.section, sections.get(r.source_line))
           for r in _rows(figs) if sections.get(r.source_line) != r.section]
    assert not bad


def test_no_figure_on_a_heading(figs):
    p = load_paragraphs()
    headings = set(p.loc[p.is_heading.astype(str) == "True", "source_line"].astype(int))
    assert not set(figs.source_line) & headings


def test_quote_is_exact_and_unique_in_its_line(figs):
    bad = []
    for r in _rows(figs):
        text = line(r.source_line)
        if text.count(r.quote_fr) != 1:
            bad.append((r.figure_id, text.count(r.quote_fr), r.quote_fr))
    assert not bad


def test_quote_contains_value_as_written_standing_alone(figs):
    bad = [(r.figure_id, r.value_as_written, r.quote_fr) for r in _rows(figs)
           if locate_value(r.quote_fr, r.value_as_written) is None]
    assert not bad


def test_value_is_parsed_from_the_text(figs):
    bad = []
    for r in _rows(figs):
        irregular = "irregular digit grouping" in r.note
        expected = value_from_text(r.value_as_written, r.quote_fr, irregular_grouping=irregular)
        if expected != r.value:
            bad.append((r.figure_id, r.value_as_written, r.value, expected))
    assert not bad


def test_irregular_grouping_only_where_noted(figs):
    """Strict parsing fails only for rows whose note explains the misprint."""
    for r in _rows(figs):
        try:
            value_from_text(r.value_as_written, r.quote_fr)
            strict_ok = True
        except ValueError:
            strict_ok = False
        assert strict_ok != ("irregular digit grouping" in r.note), r.figure_id


def test_rows_not_duplicated(figs):
    assert not figs.duplicated(["source_line", "quote_fr", "value_as_written"]).any()


def test_controlled_vocabularies(figs):
    assert set(figs.topic) <= set(TOPICS)
    assert set(figs.unit) <= UNITS
    assert set(figs.qualifier) <= QUALIFIERS
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", t) for t in TOPICS)


PERIOD_RE = re.compile(
    r"|\d{4}|\d{4}-\d{4}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}-|\d{4}(?:;\d{4})+|annual|last four years")


def test_period_format(figs):
    bad = [(r.figure_id, r.period) for r in _rows(figs) if not PERIOD_RE.fullmatch(r.period)]
    assert not bad


def test_measure_is_filled_and_english(figs):
    assert (figs.measure_en.str.len() > 10).all()


_MARKERS = {
    "more-than": re.compile(r"(?:plus\s+de|plus\s+d’|supérieur\s+à)\s*$", re.IGNORECASE),
    "about": re.compile(r"(?:environ|avoisine\s+les)\s*$", re.IGNORECASE),
    "nearly": re.compile(r"près\s+de\s*$", re.IGNORECASE),
    "range-low": re.compile(r"\bde\s*$"),
}


def test_qualifier_agrees_with_the_words_before_the_number(figs):
    bad = []
    for r in _rows(figs):
        m = locate_value(r.quote_fr, r.value_as_written)
        before = r.quote_fr[: m.start()].replace("\u00a0", " ")
        found = [q for q, rx in _MARKERS.items() if rx.search(before)]
        if r.qualifier in _MARKERS:
            if r.qualifier not in found:
                bad.append((r.figure_id, r.qualifier, before[-25:]))
        elif r.qualifier == "range-high":
            if not re.search(r"\d\s*à\s*$", before):
                bad.append((r.figure_id, r.qualifier, before[-25:]))
        elif found and found != ["range-low"]:
            bad.append((r.figure_id, r.qualifier, found, before[-25:]))
    assert not bad


def test_stated_zeros_are_written_aucun(figs):
    zeros = figs[figs.value == 0]
    assert set(zeros.value_as_written.str.lower()) <= {"aucun", "aucune"}
    assert zeros.note.str.contains("statement of zero").all()


def test_figures_for(figs):
    art2 = figures_for("art-2")
    assert len(art2) == (figs.section == "art-2").sum() > 30
    assert art2.source_line.is_monotonic_increasing
    assert figures_for("no-such-section").empty


def test_known_figures(figs):
    by = figs.set_index(["source_line", "value_as_written"])
    assert by.loc[(104, "48\u00a0684"), "value"] == 48684
    assert by.loc[(464, "48\u00a06864"), "value"] == 486864
    assert by.loc[(77, "3,1"), "value"] == 3_100_000_000
    assert by.loc[(77, "3,1"), "qualifier"] == "more-than"
    assert by.loc[(386, "1,167"), "value"] == 1_167_000_000
    assert by.loc[(258, "neuf"), "value"] == 9
    assert by.loc[(341, "vingt-neuf"), "value"] == 29
    assert by.loc[(450, "mille"), "value"] == 1000
    assert by.loc[(448, "4,4"), "unit"] == "percent"
    assert by.loc[(90, "60"), "value"] == 60_000_000


# --- completeness ------------------------------------------------------------

def test_every_number_in_the_report_is_a_figure_or_excluded_by_a_rule():
    u = uncovered_numbers()
    listing = "\n".join(f"line {r.source_line}: {r.text!r} ({r.kind})" for r in u.itertuples())
    assert u.empty, f"numbers neither in figures.csv nor excluded:\n{listing}"


def test_scan_finds_digits_and_words():
    occ = number_occurrences()
    at = occ.set_index(["source_line", "text"])
    assert (104, "48\u00a0684") in at.index
    assert (341, "vingt-neuf") in at.index
    assert (470, "Vingt-et-une") in at.index
    assert (455, "un millier") in at.index
    assert (184, "5,4") in at.index
    assert len(occ) > 900


def test_dropping_a_figure_is_detected(figs):
    dropped = figs[figs.figure_id != figs.loc[figs.source_line == 104, "figure_id"].iloc[0]]
    u = uncovered_numbers(dropped)
    assert list(u.text) == ["48\u00a0684"]


def test_no_figure_is_a_date_or_reference(figs):
    c = classify_numbers(figs)
    rules = {r.name: r for r in EXCLUSION_RULES}
    bad = []
    for r in c[c.status == "figure"].itertuples():
        text = line(r.source_line)
        for name in ("date", "year", "legal-reference", "document-number", "list-marker"):
            for m in rules[name].pattern.finditer(text):
                if m.start() <= r.start and r.end <= m.end():
                    bad.append((r.by, name, r.text))
    assert not bad


def test_reviewed_exclusions_are_live_and_justified():
    c = classify_numbers()
    for ex in REVIEWED_EXCLUSIONS:
        assert ex.category in REVIEWED_CATEGORIES, ex
        assert ex.reason
        hits = list(excerpt_pattern(ex.excerpt).finditer(line(ex.source_line)))
        assert len(hits) == 1, f"line {ex.source_line}: {ex.excerpt!r} matches {len(hits)} times"
        m = hits[0]
        inside = c[(c.source_line == ex.source_line) & (c.start >= m.start()) & (c.end <= m.end())]
        assert len(inside), f"line {ex.source_line}: {ex.excerpt!r} excludes no number"
        assert (inside.status == "excluded").all()


# --- parse_french_number -------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("48 684", 48684), ("48\u00a0684", 48684), ("48\u202f684", 48684),
    ("5\u00a0099\u00a0430", 5099430), ("4,4", 4.4), ("43,9 millions", 43_900_000),
    ("3,1 milliards", 3_100_000_000), ("1,167\u00a0milliard", 1_167_000_000),
    ("195 millions", 195_000_000), ("7", 7), ("0", 0),
    ("neuf", 9), ("Trois", 3), ("Quatre", 4), ("vingt-neuf", 29), ("Vingt-et-une", 21),
    ("vingt et un", 21), ("soixante-douze", 72), ("soixante-dix-sept", 77),
    ("quatre-vingts", 80), ("quatre-vingt-dix", 90), ("cent", 100), ("deux cents", 200),
    ("mille", 1000), ("deux mille", 2000), ("trente", 30), ("seize", 16),
    ("un millier", 1000), ("aucun", 0), ("Aucune", 0),
])
def test_parse_french_number(text, value):
    assert parse_french_number(text) == value


def test_parse_irregular_grouping_only_on_request():
    assert parse_french_number("48\u00a06864", irregular_grouping=True) == 486864
    with pytest.raises(ValueError, match="48\\\\xa06864"):
        parse_french_number("48\u00a06864")


@pytest.mark.parametrize("text, message", [
    ("", "empty"),
    ("   ", "empty"),
    ("1.5", "decimal point"),
    ("12 34", "thousands"),
    ("4,4,4", "thousands"),
    ("douze pommes", "not a French number word"),
    ("et", "misplaced 'et'"),
    ("millions", "without a number"),
    ("mille mille", "'mille' twice"),
])
def test_parse_french_number_errors(text, message):
    with pytest.raises(ValueError, match=message):
        parse_french_number(text)


def test_parse_rejects_non_strings():
    with pytest.raises(ValueError, match="expected a string"):
        parse_french_number(12)  # type: ignore[arg-type]


def test_value_from_text_reads_multipliers():
    assert value_from_text("60", "montant moyen de 60 à 70 millions de tenge") == 60_000_000
    assert value_from_text("70", "montant moyen de 60 à 70 millions de tenge") == 70_000_000
    assert value_from_text("3,1", "Plus de 3,1\u00a0milliards de tenge") == 3_100_000_000
    assert value_from_text("15", "de 15 à 17 % en moyenne") == 15
    with pytest.raises(ValueError, match="does not stand alone"):
        value_from_text("68", "plus de 68\u00a0000 personnes")


def test_locate_value_respects_number_boundaries():
    assert locate_value("contre 63\u00a0000 en 2009", "63") is None
    assert locate_value("contre 63\u00a0000 en 2009", "63\u00a0000").start() == 7
    assert locate_value("en 2013, 13 cas", "13").start() == 9
    assert locate_value("vingt-neuf ressortissants", "neuf") is None


def test_reviewed_exclusions_come_from_data_and_bad_entries_are_named(tmp_path, monkeypatch):
    import yaml
    from catbook.text import figures
    from catbook.pack.paths import NUMBER_EXCLUSIONS_YAML
    raw = yaml.safe_load(NUMBER_EXCLUSIONS_YAML.read_text(encoding="utf-8"))
    assert len(figures.REVIEWED_EXCLUSIONS) == len(raw["exclusions"]) and figures.REVIEWED_CATEGORIES == raw["categories"]
    raw["exclusions"][0]["category"] = "no-such-category"
    bad = tmp_path / "number-exclusions.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(figures, "NUMBER_EXCLUSIONS_YAML", bad)
    with pytest.raises(figures.FiguresError, match=r"exclusions\[0\]\.category"):
        figures._reviewed()
def test_line_93_and_283_figures_as_the_text_says(figs):
    assert "établissements spécialisés" in line(93)
    for fid in ("fig-art-2-014", "fig-art-2-015", "fig-art-2-016"):
        assert "pre-trial" not in figure(fid).measure_en
        assert "établissements spécialisés" in figure(fid).measure_en
    assert "420 interventions" in line(283).replace("\u00a0", " ")
    for fid in ("fig-co2-unheaded-275-003", "fig-co2-unheaded-275-004"):
        assert figure(fid).unit == "interventions"
    # 63 000 has no qualifier word before it in line 104: coded as printed, the rounding noted
    assert figure("fig-art-2-024").qualifier == "exact"
    assert "round thousand" in figure("fig-art-2-024").note
