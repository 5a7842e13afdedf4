"""catbook.pack.chapters reads the chapters from data: bad files are refused by entry and field."""
from __future__ import annotations

import shutil

import pytest
import yaml

from catbook.pack.chapters import CHAPTERS, GENERATED_CHAPTERS, ChaptersError, load_chapters
from catbook.pack.paths import CHAPTERS_YAML, CONVENTION_OBLIGATIONS_YAML, PACK as DATA


def _copy(tmp_path, change=None):
    raw = yaml.safe_load(CHAPTERS_YAML.read_text(encoding="utf-8"))
    if change:
        change(raw)
    shutil.copytree(DATA / "chapters", tmp_path / "chapters")
    path = tmp_path / "chapters.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_the_data_gives_every_chapter_its_obligation_and_reading():
    assert len(CHAPTERS) == len(yaml.safe_load(CHAPTERS_YAML.read_text(encoding="utf-8"))["chapters"])
    assert set(GENERATED_CHAPTERS) < set(CHAPTERS)
    for chapter in CHAPTERS.values():
        assert chapter.obligation_en and chapter.sections and chapter.notebook
    # every generated chapter has a reading, read from its Markdown file
    assert all(CHAPTERS[k].reading_en.startswith("**Reading the findings.**") for k in GENERATED_CHAPTERS)


def test_a_copy_loads_the_same_chapters(tmp_path):
    chapters, generated = load_chapters(_copy(tmp_path), CONVENTION_OBLIGATIONS_YAML)
    assert chapters == CHAPTERS and generated == GENERATED_CHAPTERS


@pytest.mark.parametrize("change, field", [
    (lambda raw: raw["chapters"][0].update(colour="red"), "chapters.0.colour"),
    (lambda raw: raw["chapters"][1].update(obligation="art-99"), ".obligation"),
    (lambda raw: raw["chapters"][1].update(reading="chapters/readings/none.md"), ".reading"),
    (lambda raw: raw["chapters"][1].update(key=raw["chapters"][0]["key"]), "chapters[1]"),
    (lambda raw: raw["chapters"][0]["themes"][0].update(first_line=999), ".themes"),
    (lambda raw: raw["chapters"][0].pop("title"), "chapters.0.title"),
])
def test_a_bad_chapters_file_names_the_entry_and_field(tmp_path, change, field):
    with pytest.raises(ChaptersError) as error:
        load_chapters(_copy(tmp_path, change), CONVENTION_OBLIGATIONS_YAML)
    assert field in error.value.field and isinstance(error.value, ValueError)
