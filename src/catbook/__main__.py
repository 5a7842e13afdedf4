"""Command line: `check` the source, rebuild `data` tables and generated `pages`, run the `audit`."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="catbook", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="verify the source text's sha256")
    sub.add_parser("data", help="rewrite <pack>/datapackage.json, rebuild <pack>/report/paragraphs.csv from the source "
                                     "text and para_no in the tables")
    sub.add_parser("pages", help="regenerate book/report-text.md, book/external.md and book/verdict-scale.md")
    sub.add_parser("notebooks", help="(re)write the template chapter notebooks, unexecuted")
    sub.add_parser("audit", help="check the report's numbers against each other; write <pack>/audit.csv")
    web_data = sub.add_parser("web-data", help="the custody rules as JSON for the browser calculator "
                                                "(the book build writes it itself; this prints or saves it)")
    web_data.add_argument("--out", help="write to this file instead of standard output")
    args = parser.parse_args(argv)

    from catbook.text import source
    from catbook.pack.paths import AUDIT_CSV, PARAGRAPHS_CSV
    try:
        source.verify_source()
    except source.SourceIntegrityError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"source OK: sha256 {source.SOURCE_SHA256}")
    elif args.command == "data":
        from catbook.book.datapackage import write as write_descriptor
        from catbook.text.corpus import write_paragraphs_csv
        # The descriptor first: the table loader reads each table's schema from it.
        print(f"wrote {write_descriptor().relative_to(PARAGRAPHS_CSV.parents[2])}")
        from catbook.text.para_columns import write_all
        df = write_paragraphs_csv()
        print(f"wrote {PARAGRAPHS_CSV}: {len(df)} rows, "
              f"{int(df.is_heading.sum())} headings, "
              f"{df[df.section_inferred].section.nunique()} blocks with inferred sections, "
              f"{df.para_no.nunique()} official paragraphs ({int(df.is_list_item.sum())} list items)")
        for path in write_all():
            print(f"wrote para_no into {path.relative_to(path.parents[1])}")
    elif args.command == "audit":
        from catbook.judge.audit import write_audit
        df = write_audit()
        for row in df.itertuples():
            print(f"[{row.status:12s}] {row.check_id} (lines {row.source_lines})")
            print(f"    {row.description_en}")
            print(f"    computed: {row.computed}")
            print(f"    reported: {row.reported}")
        counts = df.status.value_counts()
        print(f"wrote {AUDIT_CSV}: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
    elif args.command == "notebooks":
        from catbook.book.chapter_notebook import write_all
        for p in write_all():
            print(f"wrote {p}")
    elif args.command == "web-data":
        from catbook.book.web import custody_rules_json
        text = custody_rules_json()
        if args.out:
            from pathlib import Path
            Path(args.out).write_text(text, encoding="utf-8")
            print(f"wrote {args.out}")
        else:
            sys.stdout.write(text)
    elif args.command == "pages":
        from catbook.book.pages import write_pages
        for p in write_pages():
            print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
