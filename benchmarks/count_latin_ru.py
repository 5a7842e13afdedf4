"""Count the Latin-script words left unmarked on the Russian pages of a built book; prints, never asserts.

A word counts when it is in Latin script, is not inside code, is not marked with a language other
than Russian (``lang="en"``, ``lang="fr"``, ...) and is not an identifier or symbol of the allowlist
(CAT/C/KAZ/3, Asia/Almaty, UTC, file names, ids): the same function as the test of the Russian
pages, ``catbook.book.latin.unmarked_words`` (``tests/browser/test_russian_pages.py``).

Usage: .venv/bin/python benchmarks/count_latin_ru.py [HTML_DIR] [--words N]
  HTML_DIR  the built book's HTML folder (default: $BOOK_HTML, else _build/check/_build/html)
  --words N also print each page's N commonest unmarked words
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from catbook.book.latin import count  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html_dir", nargs="?",
                        default=os.environ.get("BOOK_HTML", ROOT / "_build" / "check" / "_build" / "html"))
    parser.add_argument("--words", type=int, default=0)
    args = parser.parse_args(argv)
    pages = count(Path(args.html_dir))
    if not pages:
        print(f"no Russian pages under {args.html_dir}", file=sys.stderr)
        return 1
    total = Counter()
    for page, words in pages.items():
        n = sum(words.values())
        total += words
        print(f"{n:6d}  {page}")
        if args.words and n:
            print("        " + ", ".join(f"{w} ×{k}" for w, k in words.most_common(args.words)))
    print(f"{sum(total.values()):6d}  total, {len(pages)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
