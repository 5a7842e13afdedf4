"""Command line: `pages` writes book/instructors/ pages; `handouts` prints the A4 handouts."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m catbook.training", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("pages", help="write the generated pages of book/instructors/ from <pack>/training/")
    handouts = sub.add_parser("handouts", help="print the cards, exercise sheets and glossary to PDF")
    handouts.add_argument("--out", type=Path, default=None, help="folder (default: _build/handouts)")
    args = parser.parse_args(argv)
    if args.command == "pages":
        from catbook.training.pages import write_pages
        for path in write_pages():
            print(f"wrote {path}")
        return 0
    from catbook.text.printer import page_count
    from catbook.training import handouts as h
    try:
        made = h.build(args.out or h.OUT_DIR)
    except h.HandoutError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for path in made:
        print(f"wrote {path} ({page_count(path)} page(s))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
