"""The generated pages of the instructors' part: exercises per session, quizzes, glossary.

Written into ``book/instructors/`` and committed, so a fresh clone builds without a
generation step; ``tests/test_training.py`` proves each committed page is what this module
writes from the current data (``python -m catbook.training pages`` rewrites them).
"""
from __future__ import annotations

from pathlib import Path

from catbook.text.markdown import escape
from catbook.training import exercises, glossary, quizzes
from catbook.training.common import page_root
from catbook.training.exercises import doc_ref as chapter_doc_ref
from catbook.training.lang import LANGUAGES, Language, language

QUIZ_INDEX = "quizzes"


def quiz_doc(key: str) -> str:
    return f"quiz-{key}"


def render_quiz_page(key: str, lang: Language | None = None) -> str:
    lang = lang or language("en")
    qs = quizzes.questions(key, lang=lang)
    root = page_root(f"{lang.doc_dir}/{quiz_doc(key)}")
    short = lang.chapter_title(key).split(":")[0]
    return (
        f"# {lang.t('quiz.page_title', short=escape(short))}\n\n{lang.t('quiz.generated_note')}\n"
        + lang.t("quiz.page_intro", count=lang.plural(len(qs), "question"), chapter=chapter_doc_ref(key, lang))
        + "\n\n```{raw} html\n" + quizzes.render_html(key, root, lang) + "```\n")


def render_quiz_index(lang: Language | None = None) -> str:
    lang = lang or language("en")
    items = []
    for key in quizzes.load_quizzes():
        n = len(quizzes.questions(key))
        items.append(f"- {{doc}}`{escape(lang.chapter_title(key))} <{quiz_doc(key)}>` ({lang.plural(n, 'question')})")
    return (f"# {lang.t('quiz.index_title')}\n\n{lang.t('quiz.index_note')}\n"
            + lang.t("quiz.index_intro") + "\n\n" + "\n".join(items) + "\n")


def generated_pages(lang: Language | None = None) -> dict[str, str]:
    """Every generated page of a language: file name in its folder -> text."""
    lang = lang or language("en")
    course = exercises.load_exercises()
    pages = {f"{s.exercises_page}.md": exercises.render_page(s.number, course, lang) for s in course.sessions}
    pages.update({f"{quiz_doc(key)}.md": render_quiz_page(key, lang) for key in quizzes.load_quizzes()})
    pages[f"{QUIZ_INDEX}.md"] = render_quiz_index(lang)
    pages["glossary.md"] = glossary.render_page(lang=lang)
    return pages


def write_pages(folder: Path | None = None, lang: Language | None = None) -> list[Path]:
    """Write a language's generated pages (both languages when neither is given)."""
    if lang is None and folder is None:
        return [p for code in LANGUAGES for p in write_pages(lang=language(code))]
    lang = lang or language("en")
    folder = folder or lang.folder
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generated_pages(lang).items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
