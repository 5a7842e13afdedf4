"""What the book's notebooks import: one stable surface over the layers.

A notebook says ``from catbook.notebook import ChapterView`` (and the like) and nothing
else of the package, so moving a module inside ``catbook`` changes this file, not the
stored notebooks: their code cells, and so their executed outputs, stay as they are.
Everything here is a re-export; the logic lives in the layer that owns it
(``ARCHITECTURE.md``, "Layers").
"""
from catbook.book import charts
from catbook.book.calculator_cell import calculator_cell
from catbook.book.chapter_view import ChapterView
from catbook.book.claims_index import ClaimsIndex
from catbook.book.display import CitedTable, NotebookText, show_audit, show_claims, show_reconciliation
from catbook.custody import custody_timeline, deadlines_table, findings_table, rules_table
from catbook.custody.chapter import later_law, open_questions, report_words, rule_versions
from catbook.judge import compare
from catbook.judge import recommendations
from catbook.judge.audit import run_audit
from catbook.judge.claims import VERDICTS, claims_for, verdict_counts
from catbook.pack.chapters import claims_by_theme
from catbook.text.corpus import load_paragraphs, sections
from catbook.text.figures import figures_for, load_figures
from catbook.text.markdown import Markdown
from catbook.training import quiz

__all__ = [
    "VERDICTS", "ChapterView", "CitedTable", "ClaimsIndex", "Markdown", "NotebookText", "calculator_cell",
    "charts", "claims_by_theme", "claims_for", "compare", "custody_timeline", "deadlines_table",
    "figures_for", "findings_table", "later_law", "load_figures", "load_paragraphs", "open_questions",
    "quiz", "recommendations", "report_words", "rule_versions", "rules_table", "run_audit", "sections",
    "show_audit", "show_claims", "show_reconciliation", "verdict_counts",
]
