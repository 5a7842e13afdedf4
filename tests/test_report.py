"""catbook.pack.report: data/cat-c-kaz-3/report.yaml read into a strict model; bad files refused by field."""
from __future__ import annotations

import pytest
import yaml

from catbook.text import corpus, source
from catbook.pack.paths import REPORT_YAML
from catbook.pack.report import ReportConfigError, load_report, report


def _write(tmp_path, change):
    raw = yaml.safe_load(REPORT_YAML.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "report.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_the_book_reads_its_report_from_data():
    r = report()
    assert source.SYMBOL == r.symbol and source.SOURCE_SHA256 == r.source.sha256
    assert source.SOURCE_FILE == REPORT_YAML.parent / r.source.file and source.SOURCE_FILE.exists()
    assert corpus.CO_PREFIX == r.previous_observations.section_prefix
    assert set(corpus.PART_SECTIONS) == set(r.parts.values())
    # every section the corpus gives under the answering part starts with the prefix
    paragraphs = corpus.load_paragraphs()
    answers = paragraphs[(paragraphs.part == r.answers_part) & ~paragraphs.section.isin(corpus.PART_SECTIONS)]
    assert len(answers) and answers.section.str.startswith(r.co_prefix).all()


@pytest.mark.parametrize("change, field", [
    (lambda raw: raw.update(extra_key=1), "extra_key"),
    (lambda raw: raw["source"].update(sha256="abc"), "source.sha256"),
    (lambda raw: raw["headings"].update(article="(unclosed"), "headings.article"),
    (lambda raw: raw.update(default_zone="Mars/Olympus"), "default_zone"),
    (lambda raw: raw.update(answers_part="IX"), "answers_part"),
    (lambda raw: raw.pop("symbol"), "symbol"),
    (lambda raw: raw["currency"].update(unit="Tenge!"), "currency.unit"),
    (lambda raw: raw["currency"].update(colour="gold"), "currency.colour"),
])
def test_a_bad_report_yaml_names_its_field(tmp_path, change, field):
    with pytest.raises(ReportConfigError) as error:
        load_report(_write(tmp_path, change))
    assert error.value.field == field and isinstance(error.value, ValueError)
    assert str(error.value).startswith(f"report.yaml: {field}: ")


def test_a_missing_report_yaml_is_a_clear_error(tmp_path):
    with pytest.raises(ReportConfigError, match="is missing"):
        load_report(tmp_path / "report.yaml")


def test_the_currency_is_a_unit_the_pack_declares():
    """No currency is written into the code: the figures' units are the shared ones plus the
    pack's currency from report.yaml, and charts label amounts with its words."""
    from catbook.book.charts import _scale
    from catbook.text import figures
    import pandas as pd
    currency = report().currency
    assert currency.unit in figures.UNITS and currency.unit not in figures.COMMON_UNITS
    values, label = _scale(pd.Series([2_500_000.0]), currency.unit)
    assert label == currency.millions_label_en and values.iloc[0] == 2.5
    assert _scale(pd.Series([10.0]), "persons")[1] == "persons"
