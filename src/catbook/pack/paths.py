"""Where the project's files live: one place, so no module guesses paths.

The book is built from one **report pack**: a folder that holds everything about one
report (its source text, ``report.yaml``, chapters, tables, audit, custody rules,
training data). The pack is chosen by the environment variable ``CATBOOK_PACK``: a
folder name under ``data/`` or any path. Its one documented default is the pack of the
report this repository was started for. Files every State's pack shares (the verdict
scale, the tracker scale, the Convention's obligations) stay at the top of ``data/``.

The generated book pages and notebooks go to ``CATBOOK_BOOK`` and ``CATBOOK_NOTEBOOKS``
when set (a second pack can be built into a scratch folder), else to ``book/`` and
``notebooks/``.
"""
import os
from pathlib import Path

#: The package folder (src/catbook) and the repository root.
PACKAGE_DIR = Path(__file__).resolve().parents[1]
ROOT = PACKAGE_DIR.parents[1]
#: The Jinja2 templates and the files of the book's HTML (catbook.text.templating, catbook.pack.pack_pages).
PAGE_TEMPLATES = PACKAGE_DIR / "page_templates"
DATA = ROOT / "data"
#: The documented default pack (a folder under data/); CATBOOK_PACK overrides it.
DEFAULT_PACK = "cat-c-kaz-3"
PACK = (DATA / os.environ.get("CATBOOK_PACK", DEFAULT_PACK)).resolve()

# Shared by every pack.
VERDICT_SCALE_YAML = DATA / "verdict-scale.yaml"
TRACKER_SCALE_YAML = DATA / "tracker-scale.yaml"
CONVENTION_OBLIGATIONS_YAML = DATA / "convention" / "obligations.yaml"
AUDIT_CHECK_KINDS_YAML = DATA / "audit-check-kinds.yaml"
#: How serious a finding is: gravity x strength of evidence (catbook.judge.findings).
SEVERITY_RUBRIC_YAML = DATA / "severity-rubric.yaml"
#: Frictionless Table Schemas of the tables every pack has (catbook.book.datapackage, catbook.pack.tables).
SCHEMAS_DIR = DATA / "schemas"
#: How each language writes numbers (catbook.text.figures): data/languages/<code>.yaml.
LANGUAGES_DIR = DATA / "languages"


def language_file(code: str) -> Path:
    """The number words and patterns of the language ``code`` (an ISO 639-1 code: 'fr')."""
    return LANGUAGES_DIR / f"{code}.yaml"


# The pack's own files.
REPORT_YAML = PACK / "report.yaml"


PARAGRAPHS_CSV = PACK / "report" / "paragraphs.csv"
OFFICIAL_PARAGRAPHS_YAML = PACK / "report" / "official-paragraphs.yaml"
TRANSLATION_EN_CSV = PACK / "report" / "translation.en.csv"
DATED_ACTS_CSV = PACK / "report" / "dated-acts.csv"
CLAIMS_CSV = PACK / "claims.csv"
CLAIM_CHECKS_YAML = PACK / "claim-checks.yaml"
FIGURES_CSV = PACK / "figures.csv"
NUMBER_EXCLUSIONS_YAML = PACK / "number-exclusions.yaml"
TABLE_DEFINITIONS_YAML = PACK / "table-definitions.yaml"
TABLES_DIR = PACK / "tables"
RECONCILIATION_YAML = PACK / "torture-reconciliation.yaml"
AUDIT_CSV = PACK / "audit.csv"
AUDIT_JUDGEMENTS_YAML = PACK / "audit-judgements.yaml"
AUDIT_CHECKS_YAML = PACK / "audit-checks.yaml"
CHAPTERS_YAML = PACK / "chapters.yaml"
NOTEBOOK_TEXT_YAML = PACK / "notebooks.yaml"  # prose, charts and cases of the hand-made notebooks
RECOMMENDATIONS_CSV = PACK / "recommendations.csv"
EXTERNAL_CSV = PACK / "external.csv"
PREVIOUS_TEXT_CSV = PACK / "co2-text.csv"
QUESTIONS_CSV = PACK / "questions.csv"
DATA_GAPS_CSV = PACK / "data-gaps.csv"
#: Findings: one judgement per matter of substance (catbook.judge.findings), and the derived table.
FINDINGS_YAML = PACK / "findings.yaml"
FINDINGS_CSV = PACK / "findings.csv"
PACKAGE_JSON = PACK / "datapackage.json"
#: Table Schemas of the tables only this pack has.
PACK_SCHEMAS_DIR = PACK / "schemas"
CUSTODY_DIR = PACK / "custody"
TRAINING_DIR = PACK / "training"
#: The instructors' glossary (catbook.training.glossary), a table of the data package.
GLOSSARY_CSV = TRAINING_DIR / "glossary.csv"
#: The prose of generated pages that belongs to the report (Jinja2 Markdown, catbook.pack.pack_pages).
PAGES_DIR = PACK / "pages"

# Where the generated pages and notebooks go.
BOOK = Path(os.environ.get("CATBOOK_BOOK", ROOT / "book")).resolve()
NOTEBOOKS = Path(os.environ.get("CATBOOK_NOTEBOOKS", ROOT / "notebooks")).resolve()
EXTERNAL_MD = BOOK / "external.md"


def rel(path: Path) -> str:
    """A file as the book and its exports cite it: relative to the repository when inside it
    ('data/<pack>/claims.csv'), else relative to the pack's parent folder for a pack kept
    elsewhere ('<pack>/claims.csv'), else the whole path."""
    path = Path(path).resolve()
    for base in (ROOT, PACK.parent):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return path.as_posix()
