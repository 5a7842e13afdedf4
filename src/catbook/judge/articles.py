"""Articles of the Convention and of its Optional Protocol as the pack's tables name them:
"2", "16", "OP 17". One place for the form, the check, the order and the heading, shared by the
questions, the data gaps and the findings."""
from __future__ import annotations

import re

#: An article: a number, or "OP " and a number.
ARTICLE = re.compile(r"^(OP )?([0-9]{1,2})$")
#: How many articles each text has: the Convention 33, the Optional Protocol 37.
ARTICLE_COUNT = {"": 33, "OP ": 37}


def article_problem(value: str) -> str | None:
    """Why ``value`` is not an article of the Convention or of the Protocol (None when it is)."""
    m = ARTICLE.match(value)
    if not m or not 1 <= int(m.group(2)) <= ARTICLE_COUNT[m.group(1) or ""]:
        return f"{value!r} is not an article of the Convention (1-33) or 'OP n' (1-37)"
    return None


def article_key(value: str) -> tuple[int, int]:
    """Sort key: the Convention's articles in order, then the Protocol's."""
    m = ARTICLE.match(value)
    return (1 if m.group(1) else 0, int(m.group(2)))


def article_label(value: str) -> str:
    """The heading of an article: "Article 16", "Optional Protocol, article 17"."""
    return f"Optional Protocol, article {value[3:]}" if value.startswith("OP ") else f"Article {value}"
