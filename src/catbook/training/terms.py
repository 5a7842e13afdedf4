"""Glossary terms checked in the pages: where an English page uses a term, its Russian page
must use the glossary's Russian term (<pack>/training/glossary.csv, column ``ru``).

Russian inflects, so a Russian term is compared by stem. **The rule:** the term's form is its
text without brackets or guillemets ("следственный изолятор (СИЗО)" → "следственный
изолятор"); each word of it is cut to a stem, the word minus its last two letters, keeping at
least three letters ("задержание" → "задержан", "пытки" → "пыт", so that "пыток" matches). The term occurs in a text when its stems
occur in order, each starting a word and followed by any letters, with nothing but spaces and
punctuation between them ("протокола задержания" matches "протокол задержания"). The English
form is the ``en`` text without brackets, matched as whole words (its last word also with
"s" or "es"), case ignored.
"""
from __future__ import annotations

import re

from catbook.training.glossary import Term


def form(text: str) -> str:
    """A term without what is in brackets or guillemets ('custody (police ...)' -> 'custody')."""
    text = re.sub(r"\([^)]*\)|«[^»]*»", " ", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def stem(word: str) -> str:
    """The word minus its last two letters, keeping at least three ('пытки' -> 'пыт')."""
    return word[:max(3, len(word) - 2)]


def visible(text: str) -> str:
    """A page's words as a reader sees them, in the page's own language: no scripts, styles,
    tags, link targets, nor the report's French quotes (« spaced guillemets », as the book
    prints them; Russian quotes have none)."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    text = re.sub(r"«[\s\u00a0\u202f][^»]*»", " ", text)  # the report's French: « with a space »
    text = re.sub(r"<[^>]+>|`<[^`]*>`|\{\w+\}", " ", text)
    return text


def russian_pattern(term: Term) -> re.Pattern:
    words = re.findall(r"\w+", form(term.ru).lower().replace("ё", "е"))
    return re.compile(r"(?<!\w)" + r"\w*[\W_]+".join(re.escape(stem(w)) for w in words) + r"\w*")


def english_pattern(term: Term) -> re.Pattern:
    words = re.findall(r"[\w'-]+", form(term.en).lower())
    return re.compile(r"(?<![\w-])" + r"\W+".join(re.escape(w) for w in words) + r"(?:s|es)?(?![\w-])")


def normalise_ru(text: str) -> str:
    return text.lower().replace("ё", "е")


def uses_russian(term: Term, text: str) -> bool:
    return bool(russian_pattern(term).search(normalise_ru(visible(text))))


def uses_english(term: Term, text: str) -> bool:
    return bool(english_pattern(term).search(visible(text).lower()))


_EN_SPAN = re.compile(r'<span lang="en">(.*?)</span>', re.S)


def missing_terms(english_page: str, russian_page: str, terms) -> list[Term]:
    """The glossary terms the English page uses whose Russian form its Russian page lacks.

    Text the Russian page itself shows in English (``<span lang="en">``, e.g. the claims
    register's summaries) is left out of the English page's text; a term inside a longer
    glossary term ('pre-trial detention' in 'pre-trial detention centre') counts as the
    longer one only.
    """
    english = english_page
    for shown in _EN_SPAN.findall(russian_page):
        english = english.replace(shown, " ")
    english = visible(english).lower()
    used = []
    for term in sorted(terms, key=lambda t: -len(form(t.en))):
        pattern = english_pattern(term)
        if pattern.search(english):
            used.append(term)
            english = pattern.sub(" # ", english)
    return [t for t in used if not uses_russian(t, russian_page)]
