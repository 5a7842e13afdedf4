"""``data/cat-c-kaz-3/datapackage.json``: every table in ``data/`` as a Frictionless Data Package (v2).

The descriptor is generated here and committed; a test proves the committed
file is what :func:`render` writes now. Vocabularies are not typed twice: the
enum constraints come from the modules that own them (:mod:`catbook.claims`
kinds and verdicts, :mod:`catbook.figures` topics, units and qualifiers,
:mod:`catbook.audit` statuses, :mod:`catbook.corpus` columns and parts,
:mod:`catbook.recommendations` columns and assessments,
:mod:`catbook.tidy` tables, series and categories), and each resource's field
list must equal its module's column list, so a column added in code cannot go
undescribed.

Foreign keys that hold:

* ``claims`` and ``figures``: (source_line, section, para_no) -> ``paragraphs`` -- the
  line exists and the row's section and official paragraph are that line's;
* every ``tables/*``: (figure_id, source_line, para_no, value, unit, qualifier) ->
  ``figures`` -- each tidy row is a figure, value for value; a breakdown's
  ``parent`` is one of its own categories.

``python -m catbook.datapackage`` writes the descriptor;
``python -m catbook.datapackage validate`` validates the package with
``frictionless`` (rows, types, constraints, keys, the source's sha256) and
prints every error. :func:`validate` skips a resource of :data:`PENDING` whose
file does not exist yet, and says so.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import audit, claims, corpus, figures, recommendations, tidy, verdicts
from .paths import PACK, PACKAGE_JSON
from .source import SOURCE_FILE, SOURCE_SHA256, SYMBOL, source_lines, verify_source

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"

#: Resources whose file another part of the project is still producing; validation skips
#: them (and reports the skip) while the file is absent.
PENDING = frozenset({"recommendations"})

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUGS = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:;[a-z0-9]+(?:-[a-z0-9]+)*)*$"
LINES = r"^[1-9][0-9]*(?:;[1-9][0-9]*)*$"
NUMBERED_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9]{3}$"
#: The forms of figures.csv ``period`` (see the catbook.figures docstring).
PERIOD = (r"^(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{4}-(?:[0-9]{4})?|[0-9]{4}(?:;[0-9]{4})+"
          r"|annual|last four years)$")


class DataPackageError(ValueError):
    """The descriptor does not match the tables it describes."""


# ---------------------------------------------------------------------------
# Field helpers
# ---------------------------------------------------------------------------

def _field(name: str, type_: str, description: str, *, required: bool = False, unique: bool = False,
           enum: list | None = None, pattern: str | None = None, minimum: int | None = None,
           maximum: int | None = None, **extra: Any) -> dict:
    f: dict[str, Any] = {"name": name, "type": type_, "description": description, **extra}
    c: dict[str, Any] = {}
    if required:
        c["required"] = True
    if unique:
        c["unique"] = True
    if enum is not None:
        c["enum"] = list(enum)
    if pattern is not None:
        c["pattern"] = pattern
    if minimum is not None:
        c["minimum"] = minimum
    if maximum is not None:
        c["maximum"] = maximum
    if c:
        f["constraints"] = c
    return f


def _vocab(description: str, terms: dict[str, str] | set[str] | frozenset[str]) -> str:
    """A description that lists a vocabulary, with meanings where the module gives them."""
    if isinstance(terms, dict):
        return description + " " + "; ".join(f"`{k}`: {v}" for k, v in terms.items()) + "."
    return description + " One of: " + ", ".join(f"`{t}`" for t in sorted(terms)) + "."


def _source_line(description: str = "1-based line of data/cat-c-kaz-3/source/cat-c-kaz-3.fr.txt.") -> dict:
    return _field("source_line", "integer", description, required=True, minimum=1,
                  maximum=len(source_lines()))


def _para_no(description: str = "The official paragraph number of CAT/C/KAZ/3 that source_line "
             "belongs to (paragraphs.para_no), derived from the corpus by `make data`.",
             required: bool = True) -> dict:
    return _field("para_no", "integer", description, required=required, minimum=1,
                  maximum=int(corpus.official_paragraphs()["document"]["paragraphs"]))


def _section(description: str, required: bool = True) -> dict:
    return _field("section", "string", description, required=required, pattern=SLUG)


def _resource(name: str, path: str, title: str, description: str, fields: list[dict],
              columns: list[str], *, primary_key: list[str], foreign_keys: list[dict] | None = None) -> dict:
    names = [f["name"] for f in fields]
    if names != columns:
        raise DataPackageError(f"datapackage {name}: fields {names} differ from the columns {columns}")
    schema: dict[str, Any] = {"fields": fields, "primaryKey": primary_key}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": name, "type": "table", "path": path, "title": title, "description": description,
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema,
    }


def _fk(fields: list[str], resource: str | None, ref_fields: list[str] | None = None) -> dict:
    reference: dict[str, Any] = {"fields": ref_fields or fields}
    if resource is not None:
        reference["resource"] = resource
    return {"fields": fields, "reference": reference}


_LINE_AND_SECTION_FK = _fk(["source_line", "section", "para_no"], "paragraphs")

# ---------------------------------------------------------------------------
# Resources
# ---------------------------------------------------------------------------

def _source_resource() -> dict:
    verify_source()
    return {
        "name": "report-text", "type": "text", "path": SOURCE_FILE.relative_to(PACK).as_posix(),
        "title": f"{SYMBOL}, French text",
        "description": (f"The French text of {SYMBOL} as received, one paragraph per line (lines are "
                        "counted from 1 and split on '\\n'). Never edited: its sha256 is checked "
                        "before any quote is read. Every source_line in the other tables is a "
                        "line of this file. An official United Nations document, reproduced "
                        "verbatim; the package licence covers the project's tables, not this text."),
        "format": "txt", "mediatype": "text/plain", "encoding": "utf-8",
        "bytes": SOURCE_FILE.stat().st_size, "hash": f"sha256:{SOURCE_SHA256}",
    }


def _paragraphs() -> dict:
    parts = list(corpus.PART_NUMERALS)  # the part numerals the parser recognises
    fields = [
        _field("para_id", "string", "Stable id: `p` + line number.", required=True, unique=True,
               pattern=r"^p[1-9][0-9]*$"),
        _source_line("1-based line of data/cat-c-kaz-3/source/cat-c-kaz-3.fr.txt; one row per line."),
        _field("part", "string", "Part of the report (roman numeral).", required=True, enum=parts),
        _section("Section id: `intro`, `general`, `art-2`, …, `op` (Optional Protocol), `cases-ngo` "
                 "(part V), `co2-16` (answer to paragraph 16 of CAT/C/KAZ/CO/2), `co2-21-a-b`, "
                 "`co2-unheaded-275` (a block whose heading is missing)."),
        _field("section_title", "string", "The heading as printed, or a description of the missing "
               "heading.", required=True),
        _field("co2_paragraphs", "string", "Part VI: the CO/2 paragraph(s) the section answers, "
               "';'-separated.", pattern=LINES),
        _field("section_inferred", "boolean", "True when the section's heading is missing from the "
               "text and the section was inferred.", required=True),
        _field("inference_reason", "string", "Why the block was detected and which paragraph(s) it "
               "may answer."),
        _field("is_heading", "boolean", "The line is a heading (or the second line of one).",
               required=True),
        _para_no("The official paragraph number of CAT/C/KAZ/3 (1-387) the line belongs to: a "
                 "paragraph opens a number, a list item carries the number of the paragraph above "
                 "it, a heading or blank line has none (empty). Found by the rules of "
                 "report/official-paragraphs.yaml, which also holds the document's ranges that the "
                 "numbering reproduces.", required=False),
        _field("is_list_item", "boolean", "The line is an item of a list that continues the "
               "paragraph above it (no number of its own).", required=True),
        _field("list_item_rule", "string", _vocab("The rules that marked the line as a list item, "
               "';'-separated; empty for any other line.", corpus.LIST_RULES),
               pattern=r"^(?:[a-z-]+(?:;[a-z-]+)*)?$"),
        _field("text", "string", "The line, verbatim (leading tabs and spaces kept).", required=True),
    ]
    return _resource("paragraphs", "report/paragraphs.csv", "The report, one row per line",
                     "The paragraph corpus: every line of the source with its part and section. "
                     "Made by `python -m catbook data` (catbook.corpus).",
                     fields, corpus.COLUMNS, primary_key=["para_id"])


def _claims() -> dict:
    fields = [
        _field("claim_id", "string", "Id: the section, then a number.", required=True, unique=True,
               pattern=SLUG),
        _section("Section of the line (equal to paragraphs.section of source_line)."),
        _source_line(),
        _para_no(),
        _field("quote_fr", "string", "The claim, an exact substring of the line.", required=True),
        _field("gloss_en", "string", "English translation of quote_fr.", required=True),
        _field("summary_en", "string", "What the report claims, in English.", required=True),
        _field("kind", "string", _vocab("Kind of claim.", claims.KINDS), required=True,
               enum=list(claims.KINDS)),
        _field("legal_basis", "string", "The legal basis as the report gives it (empty if none)."),
        _field("verdict", "string", _vocab("Verdict against the report's own data, on the one scale of "
                                           "data/verdict-scale.yaml.", verdicts.meanings()),
               required=True, enum=verdicts.verdict_ids()),
        _field("check_kind", "string", _vocab("How the verdict was reached; each kind allows only some "
                                              "verdicts (data/verdict-scale.yaml).",
                                              verdicts.check_kind_meanings()),
               required=True, enum=list(verdicts.check_kinds())),
        _field("figure_ids", "string", "Figures of figures.csv the verdict rests on, ';'-separated "
               "(kinds computed and figures-judged; computations in data/cat-c-kaz-3/claim-checks.yaml).",
               pattern=r"^(?:[a-z0-9-]+(?:;[a-z0-9-]+)*)?$"),
        _field("evidence_en", "string", "The reasoning behind the verdict.",
               required=True),
        _field("evidence_lines", "string", "Other lines of the report used, ';'-separated.",
               pattern=LINES),
    ]
    return _resource("claims", "claims.csv", "Claims register",
                     "One row per claim the report makes, with a verbatim quote and a verdict "
                     "against the report's own data. Made by hand from the text; catbook.claims "
                     "checks every quote.",
                     fields, claims.COLUMNS, primary_key=["claim_id"], foreign_keys=[_LINE_AND_SECTION_FK])


def _figures() -> dict:
    fields = [
        _field("figure_id", "string", "`<section>-<NNN>`, numbered in reading order within the section.",
               required=True, unique=True, pattern=NUMBERED_ID),
        _section("Section of the line (equal to paragraphs.section of source_line)."),
        _field("topic", "string", _vocab("Topic tag.", figures.TOPICS), required=True,
               enum=list(figures.TOPICS)),
        _field("measure_en", "string", "What is counted, in English.", required=True),
        _field("period", "string", "The period as the report gives it: `2012`, `2008-2012`, "
               "`2013-01-01`, `2013-01`, `2011-` (since 2011), `2009;2010` (one number for two "
               "years), `annual`, `last four years`; empty if none.", pattern=PERIOD),
        _field("value", "number", "The number as stated, even where it looks wrong (see note); 0 for "
               "a stated zero.", required=True),
        _field("unit", "string", _vocab("Unit.", figures.UNITS), required=True,
               enum=sorted(figures.UNITS)),
        _field("qualifier", "string", _vocab("How the report qualifies the number ('plus de' -> "
               "`more-than`, 'environ' -> `about` …).", figures.QUALIFIERS), required=True,
               enum=sorted(figures.QUALIFIERS)),
        _field("value_as_written", "string", "The numeral exactly as printed ('48 684', '4,4', "
               "'neuf'), without a multiplier word.", required=True),
        _source_line(),
        _para_no(),
        _field("quote_fr", "string", "The shortest verbatim excerpt of the line that says what is "
               "counted.", required=True),
        _field("note", "string", "An observation (typos, ambiguities, rounding), or empty."),
    ]
    return _resource("figures", "figures.csv", "Every statistic the report states",
                     "One row per number the report gives as a measurement, quoted verbatim and "
                     "re-derived from the text by the tests (catbook.figures).",
                     fields, figures.COLUMNS, primary_key=["figure_id"],
                     foreign_keys=[_LINE_AND_SECTION_FK])


def _audit() -> dict:
    fields = [
        _field("check_id", "string", "Id of the check (a function in catbook.audit).", required=True,
               unique=True, pattern=SLUG),
        _field("section", "string", "Sections of the lines used, ';'-separated.", required=True,
               pattern=SLUGS),
        _field("kind", "string", _vocab("Kind of check.", set(audit.KINDS)), required=True,
               enum=list(audit.KINDS)),
        _field("source_lines", "string", "Lines used, ';'-separated, ascending.", required=True,
               pattern=LINES),
        _field("para_no", "string", "The official paragraphs of CAT/C/KAZ/3 those lines belong to, "
               "';'-separated, ascending, each once (from paragraphs.para_no, by `make data`).",
               required=True, pattern=LINES),
        _field("description_en", "string", "What is compared; its numbers are those of the lines "
               "or of the computation, never typed.", required=True),
        _field("computed", "string", "What the figures give, with the arithmetic.", required=True),
        _field("reported", "string", "What the report says.", required=True),
        _field("status", "string", _vocab("Verdict, on the book's one scale (data/verdict-scale.yaml).",
                                          audit.VERDICT_MEANINGS),
               required=True, enum=list(audit.VERDICT_MEANINGS)),
        _field("method", "string", _vocab("How the verdict was reached.", {
            "computed": "the check's code compares the numbers or dates: holds -> supported, fails -> contradicted",
            "judged": "read, not computed: verdict and reasoning from data/cat-c-kaz-3/audit-judgements.yaml"}),
               required=True, enum=sorted(audit.METHODS)),
        _field("reasoning_en", "string", "Why the judged verdict (required when method is judged; "
               "empty for computed rows)."),
    ]
    return _resource("audit", "audit.csv", "Consistency audit of the report's numbers",
                     "One row per check of the report's figures against each other (totals, "
                     "percentages, restatements, trends, dates of legal acts, legal references). Made by `python -m catbook audit` "
                     "(catbook.audit).",
                     fields, audit.AUDIT_COLUMNS, primary_key=["check_id"])


def _recommendations() -> dict:
    fields = [
        _field("co2_paragraph", "integer", "Paragraph of the Committee's concluding observations "
               "(CAT/C/KAZ/CO/2).", required=True, unique=True, minimum=1),
        _field("section", "string", "Section(s) of the report that answer it (paragraphs.section), "
               "';'-separated; empty if none.", pattern=SLUGS),
        _field("answer_lines", "string", "Lines of the report that answer it, as a range `275-286` "
               "or a single line; empty if none.", pattern=r"^[1-9][0-9]*(?:-[1-9][0-9]*)?$"),
        _field("para_no", "string", "The official paragraphs of CAT/C/KAZ/3 that answer_lines covers, "
               "`212-223` or one number; empty if none (from paragraphs.para_no, by `make data`).",
               pattern=r"^[1-9][0-9]*(?:-[1-9][0-9]*)?$"),
        _field("heading_in_text", "boolean", "The report prints a heading for the paragraph.",
               required=True),
        _field("topic_en", "string", "The topic, inferred from the report's answer (the Committee's "
               "wording is not in the source).", required=True),
        _field("assessment", "string", _vocab("The grade on the tracker's scale "
               "(data/tracker-scale.yaml), judged from what the report shows.",
               recommendations.MEANINGS), required=True, enum=list(recommendations.ASSESSMENTS)),
        _field("reason_en", "string", "Why, in English.", required=True),
    ]
    return _resource("recommendations", "recommendations.csv",
                     "The report's answers to the concluding observations",
                     "One row per paragraph of the Committee's concluding observations "
                     "(CAT/C/KAZ/CO/2) that part VI answers or should answer, graded implemented, "
                     "partly implemented, not implemented, rejected or insufficient information "
                     "(data/tracker-scale.yaml; catbook.recommendations).",
                     fields, recommendations.COLUMNS, primary_key=["co2_paragraph"])


def _tidy_resource(table: tidy.Table) -> dict:
    codes = list(dict.fromkeys(lab.code for lab in table.labels))
    meaning = {}
    for lab in table.labels:
        meaning.setdefault(lab.code, lab.description)
    label = _field(table.label_column, "string",
                   _vocab("Series." if table.kind == tidy.BY_YEAR else "Category.", meaning),
                   required=True, enum=codes)
    common = [
        _field("value", "number", "The figure's value (figures.value).", required=True),
        _field("unit", "string", "The figure's unit (figures.unit).", required=True,
               enum=sorted(figures.UNITS)),
        _field("qualifier", "string", "The figure's qualifier (figures.qualifier).", required=True,
               enum=sorted(figures.QUALIFIERS)),
    ]
    tail = [
        _field("measure_en", "string", "What is counted (figures.measure_en).", required=True),
        _field("figure_id", "string", "The figure this row comes from (figures.figure_id).",
               required=True, pattern=NUMBERED_ID),
        _source_line("The figure's line of the report (figures.source_line)."),
        _para_no("The official paragraph of that line (figures.para_no)."),
        _field("note", "string", "The figure's note (figures.note), e.g. a misprint."),
    ]
    fks = [_fk(["figure_id", "source_line", "para_no", "value", "unit", "qualifier"], "figures")]
    if table.kind == tidy.BY_YEAR:
        fields = [label, _field("year", "integer", "Year, read from the figure's period.", required=True),
                  *common,
                  _field("period", "string", "The figure's period as stated (figures.period); "
                         "`2009;2010` when one number was stated for both years.", required=True,
                         pattern=r"^[0-9]{4}(?:;[0-9]{4})*$"),
                  *tail]
    else:
        parents = list(dict.fromkeys(lab.parent for lab in table.labels if lab.parent))
        fields = [label,
                  _field("parent", "string", "The category this one is part of; empty for a whole.",
                         enum=parents or None),
                  _field("period", "string", "The figure's period as stated (figures.period).",
                         pattern=PERIOD),
                  *common, *tail]
        if parents:
            fks.append(_fk(["parent"], "", ["category"]))  # "": this resource
    res = _resource(table.name.replace("_", "-"), f"tables/{table.name}.csv", table.title,
                    table.description + " Derived from figures.csv by `python -m catbook.tidy` "
                    "(catbook.tidy).", fields, table.columns, primary_key=table.primary_key,
                    foreign_keys=fks)
    return res


def _training_glossary() -> dict:
    from .training import glossary  # the course's glossary (catbook.training)
    fields = [
        _field("term_id", "string", "Stable id of the term.", required=True, unique=True, pattern=SLUG),
        _field("fr", "string", "The French term as the report uses it (an exact substring of source_line).",
               required=True),
        _source_line("A line of the report where the term appears."),
        _field("en", "string", "English term.", required=True),
        _field("ru", "string", "The standard Russian legal term (not a quotation of the report).",
               required=True),
        _field("note_en", "string", "What a trainee should know about the term, or empty."),
    ]
    return _resource("training-glossary", "training/glossary.csv", "Course glossary: French, English, Russian",
                     "The report's legal terms for the instructors' course (book/instructors/glossary.md); "
                     "catbook.training.glossary checks that each French term occurs in its line.",
                     fields, glossary.COLUMNS, primary_key=["term_id"])


def _translation_en() -> dict:
    from . import translation
    fields = [
        _field("para_id", "string", "Id of the line in paragraphs.csv (`p` + line number).", required=True,
               unique=True, pattern=r"^p[1-9][0-9]*$"),
        _source_line("The line translated; every non-empty line of the report has one row."),
        _field("text_en", "string", "The project's unofficial English translation of the line of the "
               "French version (not the United Nations' English text). Every number the French line "
               "writes in digits appears here with the same value (checked by catbook.translation).",
               required=True),
    ]
    return _resource("translation-en", "report/translation.en.csv", "The report in English, line by line",
                     translation.NOTICE + " Shown beside the French in book/report-text.md.",
                     fields, translation.COLUMNS, primary_key=["para_id"],
                     foreign_keys=[_fk(["para_id", "source_line"], "paragraphs")])


def _external_resources() -> list[dict]:
    from . import external
    required = {"fact_id", "topic", "source_kind", "statement_en", "source_title",
                "source_symbol_or_publisher", "source_date", "source_url", "retrieved_via",
                "report_lines", "bearing", "bearing_en"}
    enums = {"topic": external.TOPICS, "bearing": external.BEARINGS, "source_kind": external.SOURCE_KINDS}
    facts = [_field(c, "string", external.FIELD_DESCRIPTIONS[c], required=c in required,
                    unique=c == "fact_id", **({"enum": list(enums[c])} if c in enums else {}))
             for c in external.COLUMNS]
    co2 = [_field(c, "integer" if c == "co2_paragraph" else "string", external.CO2_FIELD_DESCRIPTIONS[c],
                  required=True, unique=c == "co2_paragraph",
                  **({"enum": list(external.CO2_TEXT_KINDS)} if c == "text_kind" else {}))
           for c in external.CO2_COLUMNS]
    return [
        _resource("external", "external.csv", "Facts from outside the report",
                  "Facts from other public sources (UN documents, Kazakhstan's laws, NGOs), each with "
                  "its source and how it bears on lines of the report; kept apart from the verdicts "
                  "on the report's own data (book/external.md, catbook.external).",
                  facts, external.COLUMNS, primary_key=["fact_id"]),
        _resource("co2-text", "co2-text.csv", "The Committee's words of CAT/C/KAZ/CO/2",
                  "Paragraphs of the concluding observations CAT/C/KAZ/CO/2 in the Committee's own "
                  "words, where a public source shows them (catbook.external).",
                  co2, external.CO2_COLUMNS, primary_key=["co2_paragraph"]),
    ]


def _reconciliation() -> dict:
    fields = [
        _field("measure", "string", "What the row counts.", required=True,
               enum=list(tidy.RECONCILIATION_MEASURES)),
        _field("year", "string", "The year or period the row is stated for; empty if none."),
        _field("agency", "string", "The agency or place the row concerns, as the report gives it.",
               required=True),
        _field("quantity", "string", "Code of the quantity; rows with the same code state the same "
               "quantity in different places.", required=True),
        _field("value", "number", "The figure's value (figures.value).", required=True),
        _field("unit", "string", "The figure's unit (figures.unit).", required=True,
               enum=sorted(figures.UNITS)),
        _field("qualifier", "string", "The figure's qualifier (figures.qualifier).", required=True,
               enum=sorted(figures.QUALIFIERS)),
        _field("measure_en", "string", "What is counted (figures.measure_en).", required=True),
        _field("figure_id", "string", "The figure this row comes from (figures.figure_id).",
               required=True, unique=True, pattern=NUMBERED_ID),
        _source_line("The figure's line of the report (figures.source_line)."),
        _para_no("The official paragraph of that line (figures.para_no)."),
        _field("quote_fr", "string", "The figure's verbatim quote (figures.quote_fr).", required=True),
        _field("agreement", "string", "Computed: `agrees`/`differs` (same quantity elsewhere), "
               "`within`/`exceeds` (part of a whole), `in-tension` (a 'no case' statement against cases "
               "counted in an overlapping scope), `single` (given once).", required=True,
               enum=list(tidy.AGREEMENTS)),
        _field("comparison", "string", "The comparison made, with the figures compared.", required=True),
    ]
    return _resource("torture-reconciliation", f"tables/{tidy.RECONCILIATION_NAME}.csv",
                     "Torture cases reconciled across the report",
                     "Every place the report gives torture cases opened, persons, convictions, "
                     "sentences or a 'no case' statement (defined in torture-reconciliation.yaml; "
                     "built by `python -m catbook.tidy`).", fields, tidy.RECONCILIATION_COLUMNS,
                     primary_key=["figure_id"],
                     foreign_keys=[_fk(["figure_id", "source_line", "para_no", "value", "unit",
                                        "qualifier"], "figures")])


def _questions_resources() -> list[dict]:
    from . import questions
    article = r"^(OP )?[0-9]{1,2}$"
    q = [
        _field("question_id", "string", "Id of the question (q-NNN).", required=True, unique=True,
               pattern=r"^q-[0-9]{3}$"),
        _field("convention_article", "string", "Article of the Convention (n) or the Optional "
               "Protocol (OP n).", required=True, pattern=article),
        _field("kind", "string", _vocab("Kind.", questions.KINDS), required=True,
               enum=list(questions.KINDS)),
        _field("question_en", "string", "The question, in English.", required=True),
        _field("source_lines", "string", "';'-separated lines of the report it rests on.",
               required=True, pattern=r"^[0-9]+(;[0-9]+)*$"),
        _field("requested_en", "string", "The figure or document requested.", required=True),
        _field("related", "string", "';'-separated claim ids, audit check ids, figure ids or "
               "external fact ids."),
    ]
    g = [
        _field("convention_article", "string", "Article of the Convention.", required=True,
               pattern=article),
        _field("measure", "string", "Measure.", required=True, enum=list(questions.MEASURES)),
        _field("figure_ids", "string", "';'-separated figures of figures.csv for the measure."),
        _field("source_lines", "string", "';'-separated lines of the report.", required=True,
               pattern=r"^[0-9]+(;[0-9]+)*$"),
        _field("denominator_given", "string", "Whether the report gives the denominator.",
               required=True, enum=list(questions.DENOMINATOR)),
        _field("denominator_en", "string", "The denominator the report gives or does not give.",
               required=True),
        _field("status", "string", _vocab("Status (computed from figures.csv topics where they "
               "decide, checked by catbook.questions).", questions.STATUSES), required=True,
               enum=list(questions.STATUSES)),
        _field("reason_en", "string", "Why.", required=True),
    ]
    return [
        _resource("questions", "questions.csv", "Questions for the delegation",
                  "One question per contradiction, data gap or silence of the report, with its lines, "
                  "the figure or document requested and the Convention article (book/questions.md, "
                  "catbook.questions).", q, questions.QUESTION_COLUMNS, primary_key=["question_id"]),
        _resource("data-gaps", "data-gaps.csv", "Data-gap matrix per article",
                  "Per article and measure, whether the report gives the figures and their "
                  "denominator (catbook.questions).", g, questions.GAP_COLUMNS,
                  primary_key=["convention_article", "measure"]),
    ]
def _dated_acts() -> dict:
    fields = [
        _field("act_id", "string", "Id of the legal act.", required=True, pattern=SLUG),
        _field("act_en", "string", "The act, in English.", required=True),
        _field("event", "string", "What is dated: adopted, registered, published, signed (by whom), "
               "ratified, deadline, added, counted since entry into force.", required=True),
        _field("date_as_printed", "string", "The date as the report prints it.", required=True),
        _field("date_iso", "string", "The same date, ISO 8601 (year or year-month where the report "
               "gives no day).", required=True, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
        _source_line("The line that dates the event (1-based line of data/cat-c-kaz-3/source/cat-c-kaz-3.fr.txt)."),
        _field("quote_fr", "string", "Verbatim words of that line giving the date.", required=True),
    ]
    return _resource("dated_acts", "report/dated-acts.csv", "Dates of legal acts as the report prints them",
                     "Adoption, registration, publication, signature, ratification and deadline dates "
                     "the report gives for legal acts, each with its line and a verbatim quote; the "
                     "audit compares their order (catbook.audit, kind date-order).",
                     fields, audit.DATED_ACTS_COLUMNS, primary_key=["act_id", "event", "source_line"])


def build_descriptor() -> dict:
    """The package descriptor."""
    resources = [_source_resource(), _paragraphs(), _translation_en(), _claims(), _figures(), _audit(), _dated_acts(),
                 _recommendations(), *(_tidy_resource(t) for t in tidy.TABLES), _reconciliation(), _training_glossary(),
                 *_questions_resources(), *_external_resources()]
    return {
        "$schema": PROFILE,
        "name": "catbook-cat-c-kaz-3",
        "title": f"{SYMBOL} as open data: Kazakhstan's third periodic report to the UN Committee "
                 "against Torture",
        "description": (
            f"Every line, claim and statistic of {SYMBOL} (period 2008-2012) as tables, with the "
            "consistency audit of its numbers and tidy topic tables derived from the figures. "
            "Every row cites the line of the report it comes from (source_line). Made and checked "
            "by the catbook Python package; see data/README.md. Cite as given in CITATION.cff."),
        "keywords": ["Convention against Torture", "Kazakhstan", SYMBOL, "human rights", "open data"],
        "licenses": [LICENSE],
        "contributors": [{"title": "The catbook project", "roles": ["author"]}],
        "sources": [{"title": f"Third periodic report of Kazakhstan to the Committee against Torture "
                              f"({SYMBOL}), French text", "path": SOURCE_FILE.relative_to(PACK).as_posix()}],
        "resources": resources,
    }


def render() -> str:
    """The descriptor as committed (2-space JSON, UTF-8, final newline)."""
    return json.dumps(build_descriptor(), indent=2, ensure_ascii=False) + "\n"


def write(path: Path = PACKAGE_JSON) -> Path:
    path.write_text(render(), encoding="utf-8", newline="\n")
    return path


# ---------------------------------------------------------------------------
# Validation (frictionless)
# ---------------------------------------------------------------------------

@dataclass
class Validation:
    """A frictionless report, the resources skipped because their file is missing, and the errors."""
    report: Any
    skipped: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return bool(self.report.valid)

    def errors(self) -> list[dict]:
        """Every error: resource, row, field, type, note."""
        out = []
        for err in self.report.errors:  # package-level (descriptor) errors
            out.append({"resource": "", "row": None, "field": None, "type": err.type, "note": err.note})
        for task in self.report.tasks:
            for err in task.errors:
                out.append({"resource": task.name, "row": getattr(err, "row_number", None),
                            "field": getattr(err, "field_name", None), "type": err.type,
                            "note": err.note})
        return out

    def summary(self) -> str:
        lines = [f"{e['resource']}{'' if e['row'] is None else ' row ' + str(e['row'])}"
                 f"{'' if not e['field'] else ' ' + e['field']}: [{e['type']}] {e['note']}"
                 for e in self.errors()]
        lines += [f"skipped {name}: file not there yet" for name in self.skipped]
        return "\n".join(lines)


def validate(path: Path = PACKAGE_JSON) -> Validation:
    """Validate the package at ``path`` with frictionless.

    A resource in :data:`PENDING` whose file does not exist yet is skipped (and listed in
    ``skipped``); any other missing file is an error.
    """
    from frictionless import Package  # imported here: building the descriptor does not need it

    descriptor = json.loads(Path(path).read_text(encoding="utf-8"))
    base = Path(path).parent
    skipped = [r["name"] for r in descriptor["resources"]
               if r["name"] in PENDING and not (base / r["path"]).exists()]
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] not in skipped]
    for r in descriptor["resources"]:
        fks = r.get("schema", {}).get("foreignKeys")
        if fks:
            r["schema"]["foreignKeys"] = [fk for fk in fks if fk["reference"].get("resource") not in skipped]
    package = Package(descriptor, basepath=str(base))
    return Validation(package.validate(), skipped)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["validate"]:
        result = validate()
        text = result.summary()
        if text:
            print(text)
        n = len(json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))["resources"])
        print(f"{'valid' if result.valid else 'INVALID'}: {n - len(result.skipped)} of {n} resources "
              "validated")
        return 0 if result.valid else 1
    if args:
        print("usage: python -m catbook.datapackage [validate]", file=sys.stderr)
        return 2
    out = write()
    print(f"wrote {out.relative_to(PACK.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
