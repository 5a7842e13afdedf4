"""The custody chapter's generated passages: the report's words and open questions, from the data.

The notebook only calls these and shows the Markdown, so every quote, line number,
date and gloss comes from rules.yaml and nothing is typed into the chapter by hand.
Lines are cited with `markdown.line_ref`, so the book links each quote to its line.
"""
from __future__ import annotations

from catbook.text.markdown import escape, line_ref
from catbook.custody.rules import Rule, RuleBook, Version, load_rules


def report_words(*, computable: bool = True, book: RuleBook | None = None) -> str:
    """Each custody rule (or each other rule) as its French words, line, and English gloss."""
    book = book or load_rules()
    return "\n\n".join(_rule_words(rule) for rule in book.rules if rule.computable == computable)


def _rule_words(rule: Rule) -> str:
    return (f"**{rule.id}** ({rule.duration.label}, from: {escape(rule.starts_from)}; "
            f"basis: {escape(rule.basis)})\n\n"
            f"> « {escape(rule.quote_fr)} » ({line_ref(rule.quote_line)})\n>\n> *{escape(rule.description)}*")


def rule_versions(rule_id: str, book: RuleBook | None = None) -> str:
    """The dated versions of one rule: period, the report's words, the lawful delay, the note."""
    rule = (book or load_rules()).rule(rule_id)
    return "\n\n".join(_version_words(rule, version) for version in rule.versions)


def _version_words(rule: Rule, version: Version) -> str:
    parts = [f"**{rule.id}, {version.label}**"]
    if version.quote_fr:
        parts.append(f"> « {escape(version.quote_fr)} » ({line_ref(version.quote_line)})")
    if version.lawful_delay:
        delay = version.lawful_delay
        parts.append(f"Lawful delay: up to {delay.duration.label} from {escape(delay.starts_from)}. "
                     f"{escape(delay.description)} Basis: {escape(delay.basis)}.")
    if version.note:
        parts.append(escape(version.note))
    return "\n\n".join(parts)


def open_questions(book: RuleBook | None = None) -> str:
    """Every note of the rules data, one bullet each: what the report leaves open."""
    book = book or load_rules()
    bullets = [f"- **Period covered:** {escape(book.known_period.note)}"]
    for rule in book.rules:
        notes = [rule.note] + [version.note for version in rule.versions]
        bullets += [f"- **{rule.id}:** {escape(note)}" for note in notes if note]
    return "\n".join(bullets)


def later_law(book: RuleBook | None = None) -> str:
    """What outside sources say about the law after the report's period, each marked as external.

    One bullet per source of every rule's ``later_law``: publisher, symbol, date, address
    and what it says. None of it is the report's text.
    """
    book = book or load_rules()
    bullets = [f"- **{rule.id}** — *external source*, {escape(s.publisher)}, {escape(s.symbol)}, {s.date}, "
               f"<{s.url}>: {escape(s.says)}"
               for rule in book.rules for s in rule.later_law]
    return "\n".join(bullets)
