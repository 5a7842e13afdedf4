"""The pack's ``datapackage.json``: every table of the pack as a Frictionless Data Package (v2),
assembled from schema files.

No table is described here. Each table's Frictionless Table Schema (fields, types,
constraints, primary and foreign keys, with the table's ``title`` and ``description``) is a
YAML file:

* ``data/schemas/<name>.schema.yaml`` for the tables every pack has (paragraphs, claims,
  figures, audit, recommendations, ...), and ``data/schemas/tidy-<kind>.schema.yaml``, the
  form of a topic table (its labels come from the pack's ``table-definitions.yaml``);
* ``<pack>/schemas/<name>.schema.yaml`` for a table only this pack has;
* ``data/schemas/package.yaml``: the package's own metadata and the report-text resource.

Those files name no report. Where a description must, it holds a placeholder filled from
``report.yaml`` (``{symbol}``, ``{source_file}``, ``{co_symbol}``, ``{co_prefix}``, ... see
:func:`values`); where a constraint is a vocabulary a module owns, it holds
``{vocab:<name>}`` (the enum) and ``{terms:<name>}`` (the listing in the description),
filled from that module (:data:`VOCABULARIES`), so no vocabulary is typed twice. Each
schema's field list must equal its module's column list, so a column added in code cannot
go undescribed. The descriptor is generated and committed; a test proves the committed file
is what :func:`render` writes now.

``python -m catbook.book.datapackage`` writes the descriptor; ``python -m catbook.book.datapackage
validate`` validates the package with ``frictionless`` (rows, types, constraints, keys, the
source's sha256) and prints every error. :func:`validate` skips a resource of
:data:`PENDING` whose file does not exist yet, and says so. :mod:`catbook.pack.tables` reads one
table through its schema here (:func:`resource`).
"""
from __future__ import annotations

import copy
import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml

from catbook.judge import audit, claims, external, findings, questions, recommendations, tidy, verdicts
from catbook.pack import paths
from catbook.pack.paths import PACK, PACK_SCHEMAS_DIR, PACKAGE_JSON, SCHEMAS_DIR, rel
from catbook.text import corpus, figures, translation
from catbook.training import glossary

#: Resources whose file another part of the project is still producing; validation skips
#: them (and reports the skip) while the file is absent.
PENDING = frozenset({"recommendations", "findings"})

PACKAGE_YAML = SCHEMAS_DIR / "package.yaml"
TIDY_TEMPLATES = {"by-year": SCHEMAS_DIR / "tidy-by-year.schema.yaml",
                  "breakdown": SCHEMAS_DIR / "tidy-breakdown.schema.yaml"}


class DataPackageError(ValueError):
    """A schema file is malformed or does not match the table it describes."""


# ---------------------------------------------------------------------------
# What the schema files may refer to
# ---------------------------------------------------------------------------

#: name -> (enum, terms listed in the description), each from the module that owns it.
VOCABULARIES: dict[str, Callable[[], tuple[list | None, Any]]] = {
    "parts": lambda: (list(corpus.PART_NUMERALS), None),
    "list-rules": lambda: (None, corpus.LIST_RULES),
    "claim-kinds": lambda: (list(claims.KINDS), claims.KINDS),
    "verdicts": lambda: (verdicts.verdict_ids(), verdicts.meanings()),
    "check-kinds": lambda: (list(verdicts.check_kinds()), verdicts.check_kind_meanings()),
    "topics": lambda: (list(figures.TOPICS), figures.TOPICS),
    "units": lambda: (sorted(figures.UNITS), figures.UNITS),
    "qualifiers": lambda: (sorted(figures.QUALIFIERS), figures.QUALIFIERS),
    "audit-kinds": lambda: (list(audit.KINDS), set(audit.KINDS)),
    "audit-statuses": lambda: (list(audit.VERDICT_MEANINGS), audit.VERDICT_MEANINGS),
    "audit-methods": lambda: (sorted(audit.METHODS), None),
    "assessments": lambda: (list(recommendations.ASSESSMENTS), recommendations.MEANINGS),
    "reconciliation-measures": lambda: (list(tidy.RECONCILIATION_MEASURES), None),
    "agreements": lambda: (list(tidy.AGREEMENTS), None),
    "question-kinds": lambda: (list(questions.KINDS), questions.KINDS),
    "gap-measures": lambda: (list(questions.MEASURES), None),
    "denominators": lambda: (list(questions.DENOMINATOR), None),
    "gap-statuses": lambda: (list(questions.STATUSES), questions.STATUSES),
    "question-priorities": lambda: (list(questions.PRIORITIES), questions.PRIORITIES),
    "gravities": lambda: ([g.id for g in findings.rubric().gravity],
                          {g.id: g.label_en for g in findings.rubric().gravity}),
    "evidence-strengths": lambda: ([e.id for e in findings.rubric().evidence],
                                   {e.id: e.label_en for e in findings.rubric().evidence}),
    "severities": lambda: (findings.severity_ids(), {s.id: s.meaning_en for s in findings.rubric().severity}),
    "external-topics": lambda: (list(external.TOPICS), None),
    "bearings": lambda: (list(external.BEARINGS), None),
    "source-kinds": lambda: (list(external.SOURCE_KINDS), None),
    "co2-text-kinds": lambda: (list(external.PREVIOUS_TEXT_KINDS), None),
}

#: name -> the module's column list the schema's fields must equal.
COLUMNS: dict[str, Callable[[], list[str]]] = {
    "paragraphs": lambda: corpus.COLUMNS,
    "translation-en": lambda: translation.COLUMNS,
    "claims": lambda: claims.COLUMNS,
    "figures": lambda: figures.COLUMNS,
    "audit": lambda: audit.AUDIT_COLUMNS,
    "dated_acts": lambda: audit.DATED_ACTS_COLUMNS,
    "recommendations": lambda: recommendations.COLUMNS,
    "questions": lambda: questions.QUESTION_COLUMNS,
    "data-gaps": lambda: questions.GAP_COLUMNS,
    "findings": lambda: findings.COLUMNS,
    "torture-reconciliation": lambda: tidy.RECONCILIATION_COLUMNS,
    "training-glossary": lambda: glossary.COLUMNS,
    "external": lambda: external.COLUMNS,
    "co2-text": lambda: external.PREVIOUS_TEXT_COLUMNS,
}


def _terms(terms: Any) -> str:
    """The listing of a vocabulary, with meanings where the module gives them."""
    if isinstance(terms, dict):
        return "; ".join(f"`{k}`: {v}" for k, v in terms.items()) + "."
    return "One of: " + ", ".join(f"`{t}`" for t in sorted(terms)) + "."


@lru_cache(maxsize=1)
def values() -> dict[str, Any]:
    """What a placeholder ``{name}`` of a schema file stands for: facts of report.yaml and the pack."""
    from catbook.text.corpus import official_paragraphs
    from catbook.pack.report import report
    from catbook.text.source import source_lines
    r = report()
    return {
        "symbol": r.symbol, "symbol_slug": re.sub(r"[^a-z0-9]+", "-", r.symbol.lower()).strip("-"),
        "state": r.state, "title_en": r.title_en,
        "package_title": r.package_title or f"{r.symbol} as open data: {r.title_en}",
        "first_year": r.period.first_year, "last_year": r.period.last_year,
        "language_name": figures.language().name,
        "source_file": r.source.file, "pack_dir": rel(PACK),
        "co_symbol": r.previous_observations.symbol, "co_short": r.previous_observations.short_name,
        "co_prefix": r.previous_observations.section_prefix, "answers_part": r.answers_part,
        "source_lines": len(source_lines()),
        "paragraphs": int(official_paragraphs()["document"]["paragraphs"]),
    }


_PLACEHOLDER = re.compile(r"\{(?:(vocab|terms):)?([a-z][a-z0-9_-]*)\}")


def _fill(obj: Any, where: str, extra: dict[str, Any]) -> Any:
    """``obj`` with every placeholder replaced; an unknown one is a DataPackageError naming it."""
    if isinstance(obj, dict):
        return {k: _fill(v, where, extra) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_fill(v, where, extra) for v in obj]
    if not isinstance(obj, str):
        return obj

    def value(kind: str | None, name: str) -> Any:
        if kind is None:
            known = {**values(), **extra}
            if name not in known:
                raise DataPackageError(f"{where}: unknown placeholder {{{name}}}")
            return known[name]
        if name in extra.get("vocabularies", {}):
            enum, terms = extra["vocabularies"][name]
        elif name in VOCABULARIES:
            enum, terms = VOCABULARIES[name]()
        else:
            raise DataPackageError(f"{where}: unknown vocabulary {{{kind}:{name}}}")
        out = enum if kind == "vocab" else terms
        if out is None:
            raise DataPackageError(f"{where}: vocabulary {name!r} has no {'enum' if kind == 'vocab' else 'terms'}")
        return out

    whole = _PLACEHOLDER.fullmatch(obj)
    if whole:
        got = value(whole[1], whole[2])
        return _terms(got) if whole[1] == "terms" else got
    return _PLACEHOLDER.sub(lambda m: str(_terms(value(m[1], m[2])) if m[1] == "terms"
                                          else value(m[1], m[2])), obj)


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DataPackageError(f"{path.name}: not YAML ({error})") from None
    if not isinstance(data, dict):
        raise DataPackageError(f"{path.name}: must be a mapping")
    return data


# ---------------------------------------------------------------------------
# Resources
# ---------------------------------------------------------------------------

def schema_files() -> dict[str, Path]:
    """Every table's schema file, shared ones first (in ``package.yaml``'s order), then the pack's."""
    shared = {name: SCHEMAS_DIR / f"{name}.schema.yaml" for name in _read_yaml(PACKAGE_YAML)["tables"]}
    own = {p.name.removesuffix(".schema.yaml"): p for p in sorted(PACK_SCHEMAS_DIR.glob("*.schema.yaml"))}
    clash = set(shared) & set(own)
    if clash:
        raise DataPackageError(f"{PACK_SCHEMAS_DIR.name}: {sorted(clash)} are shared tables; "
                               "a pack cannot redefine them")
    return {**shared, **own}


def _resource(name: str, path: Path, schema: dict, columns: list[str]) -> dict:
    schema = dict(schema)
    title, description = schema.pop("title", ""), schema.pop("description", "")
    names = [f["name"] for f in schema.get("fields", [])]
    if names != list(columns):
        raise DataPackageError(f"datapackage {name}: fields {names} differ from the columns {list(columns)}")
    for f in schema["fields"]:  # an enum that a vocabulary left empty is no constraint
        if "enum" in f.get("constraints", {}) and not f["constraints"]["enum"]:
            del f["constraints"]["enum"]
            if not f["constraints"]:
                del f["constraints"]
    return {"name": name, "type": "table", "path": path.relative_to(PACK).as_posix(), "title": title,
            "description": description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": schema}


def _tidy_resource(table) -> dict:
    meaning: dict[str, str] = {}
    for lab in table.labels:
        meaning.setdefault(lab.code, lab.description)
    parents = list(dict.fromkeys(lab.parent for lab in table.labels if lab.parent))
    where = TIDY_TEMPLATES[table.kind].name
    extra = {"table_title": table.title, "table_description": table.description,
             "vocabularies": {"labels": (list(meaning), meaning), "parents": (parents, None)}}
    schema = _fill(_read_yaml(TIDY_TEMPLATES[table.kind]), where, extra)
    if not parents:  # no breakdown of a breakdown: no reference to the table's own categories
        schema["foreignKeys"] = [fk for fk in schema.get("foreignKeys", [])
                                 if fk["reference"].get("resource") != ""]
    return _resource(table.name.replace("_", "-"), table.path, schema, table.columns)


def table_paths() -> dict[str, Path]:
    """Each table of the pack (by resource name) -> its file (all from catbook.pack.paths and the
    pack's table definitions); the descriptor records them for :mod:`catbook.pack.tables`."""
    out = {
        "paragraphs": paths.PARAGRAPHS_CSV, "translation-en": paths.TRANSLATION_EN_CSV,
        "claims": paths.CLAIMS_CSV, "figures": paths.FIGURES_CSV, "audit": paths.AUDIT_CSV,
        "dated_acts": paths.DATED_ACTS_CSV, "recommendations": paths.RECOMMENDATIONS_CSV,
        "questions": paths.QUESTIONS_CSV, "data-gaps": paths.DATA_GAPS_CSV, "findings": paths.FINDINGS_CSV,
        "external": paths.EXTERNAL_CSV, "co2-text": paths.PREVIOUS_TEXT_CSV,
        "training-glossary": paths.GLOSSARY_CSV,
        "torture-reconciliation": paths.TABLES_DIR / f"{tidy.RECONCILIATION_NAME}.csv",
    }
    out.update({t.name.replace("_", "-"): t.path for t in tidy.TABLES})
    return out


def table_resource(name: str) -> dict:
    """The resource descriptor of one table of the pack (schema filled, columns checked)."""
    files = schema_files()
    if name in files:
        if name not in COLUMNS:
            raise DataPackageError(f"{files[name].name}: no module owns the columns of table {name!r}")
        paths = table_paths()
        if name not in paths:
            raise DataPackageError(f"{files[name].name}: table {name!r} has no path in table_paths()")
        schema = _fill(_read_yaml(files[name]), files[name].name, {})
        return _resource(name, paths[name], schema, COLUMNS[name]())
    for table in tidy.TABLES:
        if table.name.replace("_", "-") == name:
            return _tidy_resource(table)
    raise DataPackageError(f"no schema for table {name!r} (known: {sorted(files)} and the topic tables)")


def table_names() -> list[str]:
    """Every table of the package, in the descriptor's order."""
    files = list(schema_files())
    shared = _read_yaml(PACKAGE_YAML)["tables"]
    return [*shared, *(t.name.replace("_", "-") for t in tidy.TABLES),
            *(n for n in files if n not in shared)]


def _source_resource(template: dict) -> dict:
    from catbook.pack.report import report
    from catbook.text.source import SOURCE_FILE, SOURCE_SHA256, verify_source
    verify_source()
    res = _fill(template, PACKAGE_YAML.name, {})
    res.update(path=report().source.file, bytes=SOURCE_FILE.stat().st_size, hash=f"sha256:{SOURCE_SHA256}")
    return res


def build_descriptor() -> dict:
    """The package descriptor."""
    package = _read_yaml(PACKAGE_YAML)
    source = package.pop("source")
    package.pop("tables")
    head = _fill(package, PACKAGE_YAML.name, {})
    resources = [_source_resource(source), *(table_resource(n) for n in table_names())]
    return {**head, "resources": resources}


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
    package = Package(copy.deepcopy(descriptor), basepath=str(base))
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
        print("usage: python -m catbook.book.datapackage [validate]", file=sys.stderr)
        return 2
    out = write()
    print(f"wrote {out.relative_to(PACK.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
