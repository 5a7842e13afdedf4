"""catbook.book.brief: the brief for the dialogue, as a Word file with every question of the pack."""
from __future__ import annotations

from catbook.book import brief
from catbook.pack import tables


def test_the_word_file_has_every_question_and_finding(tmp_path):
    from docx import Document
    out = brief.write_docx(tmp_path / "brief.docx")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    questions = tables.load("questions")
    for q in questions.itertuples():
        assert q.question_id in text, f"{q.question_id} missing from the Word brief"
        assert " ".join(q.question_en.split())[:80] in text
    for _, items in brief.brief():
        for item in items:
            assert item.title in text
    assert "para. " in text and "line " in text


def test_the_page_links_lines_questions_and_both_files():
    page = brief.page_markdown()
    names = brief.file_names()
    assert names["pdf"] in page and names["docx"] in page
    for qid in tables.load("questions").question_id:
        assert f"{{ref}}`{qid} <{qid}>`" in page
    assert "{ref}`line " in page and "{ref}`para. " in page
