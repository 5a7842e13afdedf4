"""How the book's tables read: raw column names as headers, index columns, counts printed as
floats ("108.0") and charts whose ``alt`` text is a file path, counted over a built book.

    .venv/bin/python benchmarks/reader_tables.py [BUILT_HTML_DIR]     (default _build/html)

A header is *raw* when it is a column name as the data keeps it: snake_case (``topic_en``,
``source_line``) anywhere, or, in a table drawn from a DataFrame (pandas' ``dataframe`` or the
book's ``reader-table``), exactly the name of a column of one of the pack's tables (``value``,
``unit``, ``verdict``). An *index column* is a table whose body rows start with a header cell (pandas'
index). A *".0" count* is a body cell whose text is a whole number written with ".0" (a percentage
such as "19.0 %" inside a sentence is prose, not a count). The
pages counted are the built book's HTML pages (genindex, search and _static left out).
"""
from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
FLOAT_COUNT = re.compile(r"-?\d+\.0")


def column_names() -> set[str]:
    """The column names of every CSV table of the pack (their header rows)."""
    sys.path.insert(0, str(ROOT / "src"))
    from catbook.pack.paths import PACK
    names: set[str] = set()
    for path in Path(PACK).rglob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            names.update(next(csv.reader(f), []))
    return {n for n in names if n}


def count(html_dir: Path) -> dict[str, Counter]:
    names = column_names()
    totals = {k: Counter() for k in ("raw headers", "  of them snake_case", "index columns", "'.0' counts",
                                     "path alt texts")}
    for page in sorted(html_dir.rglob("*.html")):
        rel = page.relative_to(html_dir).as_posix()
        if rel.startswith("_") or rel in ("genindex.html", "search.html", "index.html"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for table in soup.find_all("table"):
            thead = table.find("thead")
            from_frame = bool({"dataframe", "reader-table"} & set(table.get("class") or []))
            for th in thead.find_all("th") if thead else ():
                text = th.get_text(" ", strip=True)
                if text and (SNAKE.match(text) or (from_frame and text in names)):
                    totals["raw headers"][rel] += 1
                if text and SNAKE.match(text):
                    totals["  of them snake_case"][rel] += 1
            tbody = table.find("tbody")
            first = tbody.find("tr") if tbody else None
            cell = first.find(["th", "td"], recursive=False) if first else None
            if cell is not None and cell.name == "th":
                totals["index columns"][rel] += 1
            for td in tbody.find_all(["td", "th"]) if tbody else ():
                if FLOAT_COUNT.fullmatch(td.get_text(" ", strip=True)):
                    totals["'.0' counts"][rel] += 1
        for img in soup.find_all("img"):
            alt = img.get("alt", "")
            if re.search(r"\.(png|svg|jpe?g)$", alt) or "_images/" in alt:
                totals["path alt texts"][rel] += 1
    return totals


def main(argv: list[str]) -> int:
    html_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "_build" / "html"
    totals = count(html_dir)
    print(f"reader tables over {html_dir}")
    for what, per_page in totals.items():
        pages = ", ".join(f"{p} {n}" for p, n in per_page.most_common(5))
        print(f"  {what:20} {sum(per_page.values()):5}  on {len(per_page)} pages" + (f"  (most: {pages})" if pages else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
