"""Where the project's files live: one place, so no module guesses paths."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
REPORT_YAML = DATA / "report.yaml"
PARAGRAPHS_CSV = DATA / "report" / "paragraphs.csv"
CLAIMS_CSV = DATA / "claims.csv"
FIGURES_CSV = DATA / "figures.csv"
CUSTODY_DIR = DATA / "custody"
BOOK = ROOT / "book"
NOTEBOOKS = ROOT / "notebooks"
RECOMMENDATIONS_CSV = DATA / "recommendations.csv"
AUDIT_CSV = DATA / "audit.csv"
OFFICIAL_PARAGRAPHS_YAML = DATA / "report" / "official-paragraphs.yaml"
TRANSLATION_EN_CSV = DATA / "report" / "translation.en.csv"
EXTERNAL_CSV = DATA / "external.csv"
CO2_TEXT_CSV = DATA / "co2-text.csv"
EXTERNAL_MD = BOOK / "external.md"
