"""What each chapter covers: its report section, the Convention's obligation, its themes.

Kept as data in one place so every chapter notebook is built the same way and
the index of chapters can be generated rather than typed.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Theme:
    title: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Chapter:
    section: str
    title: str
    obligation_en: str
    themes: tuple[Theme, ...] = field(default_factory=tuple)


CHAPTERS = {
    "art-2": Chapter(
        section="art-2",
        title="Article 2: prevention, custody safeguards and legal guarantees",
        obligation_en=(
            "Article 2 of the Convention requires each State party to take effective "
            "legislative, administrative, judicial or other measures to prevent acts of "
            "torture in any territory under its jurisdiction. No exceptional circumstance "
            "whatsoever (war, threat of war, internal instability, public emergency) may be "
            "invoked to justify torture, and an order from a superior officer or a public "
            "authority is no justification either. The Committee reads the article as "
            "requiring, in practice, the basic safeguards of every person deprived of liberty "
            "from the very outset: a record of the time of arrest, prompt access to a lawyer "
            "and a doctor, notice to the family, and prompt judicial control of the detention."
        ),
        themes=(
            Theme("Custody: when it starts and how long it may last", 58, 64),
            Theme("Places of detention and who is held where", 65, 74),
            Theme("The penitentiary system, its programmes and health care", 75, 102),
            Theme("Prison population, humanisation of criminal law, amnesty", 103, 113),
            Theme("Probation, parole and non-custodial sentences", 114, 124),
        ),
    ),
}


def theme_of(section: str, source_line: int) -> str:
    """The theme a line belongs to within its chapter ('' if the chapter has none)."""
    for theme in CHAPTERS[section].themes:
        if theme.first_line <= source_line <= theme.last_line:
            return theme.title
    return ""


def claims_by_theme(claims, section: str) -> dict[str, object]:
    """The chapter's claims split by theme, in the chapter's order (theme title → rows)."""
    return {t.title: claims[claims.source_line.between(t.first_line, t.last_line)]
            for t in CHAPTERS[section].themes}
