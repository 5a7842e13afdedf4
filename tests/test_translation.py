"""The English translation: every line translated, every number kept, glosses that agree."""
import pandas as pd
import pytest

from catbook.text import translation
from catbook.judge.claims import load_claims
from catbook.text.source import source_lines
from catbook.text.translation import TranslationError, missing_numbers


def test_every_non_empty_line_has_its_english():
    df = translation.load_translation()
    expected = [i for i, text in enumerate(source_lines(), 1) if text.strip()]
    assert df.source_line.tolist() == expected
    assert (df.para_id == "p" + df.source_line.astype(str)).all()
    assert df.text_en.str.strip().astype(bool).all()


def test_every_number_of_each_french_line_is_in_its_english_line():
    lines = source_lines()
    lost = {r.source_line: missing_numbers(lines[r.source_line - 1], r.text_en)
            for r in translation.load_translation().itertuples()}
    assert {n: v for n, v in lost.items() if v} == {}


def test_glosses_keep_the_numbers_of_their_quotes():
    problems = translation.gloss_problems(load_claims())
    assert problems.empty, problems.to_string()


def test_glosses_agree_with_the_line_translation_on_numbers():
    """A number a gloss writes is one the translation of its line writes too."""
    disagree = []
    for c in load_claims().itertuples():
        extra = translation.english_numbers(c.gloss_en) - translation.english_numbers(
            translation.english(c.source_line))
        if extra:
            disagree.append((c.claim_id, sorted(extra.elements())))
    assert disagree == []


@pytest.mark.parametrize("fr, en, lost", [
    ("48 684 personnes", "48,684 people", []),
    ("48 684 personnes", "48 684 people", []),
    ("2,5 % des cas", "2.5% of cases", []),
    ("en 2012, 48 6864 détenus", "in 2012, 48 6864 [sic] detainees", []),
    ("le 28 janvier 2012 à 20 h 30", "on 28 January 2012 at 20:30", []),
    ("48 684 personnes", "48,648 people", [48684.0]),
    ("2,5 % des cas", "25% of cases", [2.5]),
    ("en 2011 et 2012", "in 2011", [2012.0]),
    ("trois heures", "three hours", []),
])
def test_number_check_reads_both_conventions(fr, en, lost):
    assert missing_numbers(fr, en) == lost


def _table(rows):
    return pd.DataFrame(rows, columns=translation.COLUMNS)


def _complete():
    return translation.load_translation()


def test_a_missing_line_is_named():
    df = _complete()
    df = df[df.source_line != 295]
    with pytest.raises(TranslationError, match="line 295: source_line: not translated") as e:
        translation.validate(df)
    assert e.value.field == "source_line"


def test_a_changed_number_is_named():
    df = _complete()
    df.loc[df.source_line == 104, "text_en"] = "No numbers at all."
    with pytest.raises(TranslationError, match="line 104: text_en: numbers of the French line missing"):
        translation.validate(df)


@pytest.mark.parametrize("row, field", [
    (["p1", 2, "x", ""], "para_id"),
    (["p488", 488, "A lone space", ""], "source_line"),
    (["p4", 4, "  ", ""], "text_en"),
    (["p4", 4, "Text.", " A note. "], "note_en"),
])
def test_bad_rows_are_refused_with_their_field(row, field):
    df = pd.concat([_complete()[lambda d: d.source_line != row[1]], _table([row])])
    with pytest.raises(TranslationError) as e:
        translation.validate(df.sort_values("source_line"))
    assert e.value.field == field
    assert isinstance(e.value, ValueError)


def test_wrong_columns_are_refused():
    with pytest.raises(TranslationError, match="columns"):
        translation.validate(pd.DataFrame({"line": [1], "en": ["x"]}))


# --- the language review of December 2026 (issue 24): errors fixed, notes, house style ----------

def _row(n):
    return translation.load_translation().set_index("source_line").loc[n]


def test_line_198_names_the_civil_defendant_not_the_accused():
    assert "civil claimant or civil defendant" in _row(198).text_en


def test_line_452_names_administrative_detention_not_arrest():
    text = _row(452).text_en
    assert "administrative detention" in text and "taken to" in text
    assert "brought before" not in text and '"Administrative arrest"' not in text
    assert "административное задержание" in _row(452).note_en


@pytest.mark.parametrize("n, words", [(23, "задержание"), (218, "задержание"), (289, "с санкции суда")])
def test_source_induced_lines_carry_a_translators_note(n, words):
    assert words in translation.note(n)


def test_notes_are_few_and_shown_on_the_report_page():
    df = translation.load_translation()
    noted = df[df.note_en != ""].source_line.tolist()
    assert set(noted) >= {23, 198, 218, 289, 452}
    from catbook.book.pages import render_report_text
    page = render_report_text()
    assert page.count('class="tr-note"') == len(noted)


def test_house_style_of_the_english():
    """data/style.md: -ise (official names kept), "%" closed up, "serious" offences, "Act of"."""
    import re
    text = " ".join(translation.load_translation().text_en)
    official = re.compile(r"(World Health|International) Organization|Organization for Security|Organized Crime")
    ize = [w for w in re.findall(r"\b\w*(?:organ|recogn|author|special)iz\w*", official.sub("", text))]
    assert ize == []
    assert not re.search(r"\d %|\bper ?cent\b", text)
    assert not re.search(r"\bgrave offences?\b", text)
    assert not re.search(r"\b[Ll]aw of \d", text)
