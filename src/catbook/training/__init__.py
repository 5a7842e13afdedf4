"""Classroom training for law-enforcement instructors: exercises, quizzes, glossary, handouts.

Everything here is generated from <pack>/training/ and the project's own data (the custody
engine, claims, figures), never typed into a page:

    from catbook.training import quiz
    quiz("art-11")                 # a self-check quiz for a chapter notebook (HTML, no kernel)

``python -m catbook.training pages`` writes the generated pages of ``book/instructors/``;
``python -m catbook.training handouts`` prints the A4 handouts with Chromium.
"""
from catbook.training.common import TrainingDataError
from catbook.training.exercises import load_exercises

__all__ = ["TrainingDataError", "load_exercises", "quiz"]


def quiz(chapter_key: str, root: str = "../"):
    """The self-check quiz of a chapter: displays as HTML, its repr lists the questions.

    ``root`` is the way from the page showing it back to the book's root: ``"../"`` for a
    chapter notebook in ``notebooks/`` (the default).
    """
    from catbook.training.quizzes import Quiz
    return Quiz(chapter_key, root=root)
