"""Parse the report into a paragraph table: one row per source line.

The source has one paragraph per line. Headings are recognised by their form
(part numerals, "Article(s) …", "Paragraphe(s) …", "Alinéa(s) …"), not by
line number, so the parser explains itself and a test can check each heading.

Part VI answers the Committee's concluding observations (CAT/C/KAZ/CO/2)
paragraph by paragraph, but some "Paragraphe N" headings are missing from the
text. Such a block starts with a paragraph indented by one space (lines 275,
287, 304, 320, 328, 333). It gets a section of its own, ``co2-unheaded-<line>``,
``section_inferred = True`` and the reason, and is never folded into the
section above it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .paths import PARAGRAPHS_CSV
from .source import source_lines

COLUMNS = [
    "para_id", "source_line", "part", "section", "section_title", "co2_paragraphs",
    "section_inferred", "inference_reason", "is_heading", "text",
]

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
_PART_SECTION = {"I": "intro", "II": "general", "III": "part-iii", "IV": "op",
                 "V": "cases-ngo", "VI": "part-vi"}
PART_SECTIONS = frozenset(_PART_SECTION.values())

PART_RE = re.compile(r"^\s*(?P<num>VI|IV|V|III|II|I)\.\s*\t(?P<title>.+)$")
ARTICLE_RE = re.compile(r"^\t\tArticles?\s(?P<nums>[\d\s,et]+?)\s*$")
PARAGRAPH_RE = re.compile(r"^\t\tParagraphes?\s(?P<nums>[\d\s,et]+?)\s*$")
ALINEA_RE = re.compile(r"^\s*Alinéas?\s(?P<letters>[a-z\s,et]+?)\s*$")
UNHEADED_RE = re.compile(r"^ (?=\S)")  # one leading space, then text


def para_id(source_line: int) -> str:
    """Stable paragraph id: the source never changes, so its line number never does."""
    return f"p{source_line}"


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _letters(text: str) -> list[str]:
    return [t for t in re.split(r"[\s,]+", text) if t and t != "et"]


@dataclass
class _State:
    part: str = ""
    section: str = ""
    title: str = ""
    co2: str = ""
    co2_base: str = ""  # the paragraph number an "Alinéa" belongs to
    inferred: bool = False
    reason: str = ""
    last_part_line: int = 0


def _classify(n: int, text: str, st: _State) -> bool:
    """Update the state for line n; return True when the line is a heading."""
    plain = text.strip()
    if m := PART_RE.match(text):
        num = m["num"]
        st.part, st.section, st.title = num, _PART_SECTION[num], m["title"].strip()
        st.co2 = st.co2_base = ""
        st.inferred, st.reason, st.last_part_line = False, "", n
        return True
    # A part heading broken over two lines: the second half starts in lower case.
    if st.last_part_line == n - 1 and plain[:1].islower():
        st.title = f"{st.title} {plain}"
        return True
    if m := ARTICLE_RE.match(text):
        nums = _numbers(m["nums"])
        st.section, st.title = "art-" + "-".join(nums), plain
        st.inferred, st.reason = False, ""
        return True
    if m := PARAGRAPH_RE.match(text):
        nums = _numbers(m["nums"])
        st.section, st.title = "co2-" + "-".join(nums), plain
        st.co2 = st.co2_base = ";".join(nums)
        st.inferred, st.reason = False, ""
        return True
    if st.part == "VI" and (m := ALINEA_RE.match(text)):
        letters = _letters(m["letters"])
        st.section = f"co2-{st.co2_base}-" + "-".join(letters)
        st.title = f"Paragraphe {st.co2_base}, {plain}"
        st.co2 = st.co2_base
        st.inferred, st.reason = False, ""
        return True
    if st.part == "VI" and UNHEADED_RE.match(text):
        st.section, st.title = f"co2-unheaded-{n}", ""
        st.co2, st.inferred = "", True
        st.reason = "heading missing"  # completed by _explain_unheaded once all headings are known
        return False
    return False


def _explain_unheaded(df: pd.DataFrame) -> pd.DataFrame:
    """Say, for each unheaded block, which CO/2 paragraphs it may answer and why.

    The candidates are the numbers missing between the numbered headings on
    either side. When there are as many unheaded blocks as missing numbers,
    the blocks are matched to them in order; otherwise every candidate is listed
    and the block is left unassigned: the text alone does not settle it.
    """
    df = df.copy()
    numbered = df[df.is_heading & df.section.str.match(r"^co2-\d")]
    heads = [(int(r.source_line), [int(x) for x in r.co2_paragraphs.split(";")])
             for r in numbered.itertuples() if r.co2_paragraphs]
    starts = df[df.section.str.startswith("co2-unheaded-")].groupby("section").source_line.min()
    for section, first in starts.sort_values().items():
        before = [h for h in heads if h[0] < first]
        after = [h for h in heads if h[0] > first]
        prev_line, prev_nums = before[-1]
        next_line, next_nums = after[0]
        missing = list(range(max(prev_nums) + 1, min(next_nums)))
        siblings = sorted(s for s in starts[(starts > prev_line) & (starts < next_line)])
        prev_title = df.loc[df.source_line == prev_line, "section_title"].iat[0]
        next_title = df.loc[df.source_line == next_line, "section_title"].iat[0]
        where = (f"heading missing from the text: the block starts at line {first} with an "
                 f"indented paragraph, between the headings '{prev_title}' (line {prev_line}) "
                 f"and '{next_title}' (line {next_line}), which leave CO/2 paragraph(s) "
                 f"{', '.join(map(str, missing))} without a heading")
        if len(siblings) == len(missing):
            k = siblings.index(first)
            co2 = str(missing[k])
            why = (f"{where}; {len(siblings)} unheaded blocks for {len(missing)} missing numbers, "
                   f"so by position this block most likely answers paragraph {co2}")
        else:
            co2 = ";".join(map(str, missing))
            why = (f"{where}; {len(siblings)} unheaded blocks for {len(missing)} missing numbers, "
                   "so position alone cannot tell which paragraph(s) this block answers")
        mask = df.section == section
        df.loc[mask, "section_title"] = (
            f"Heading missing (probably CO/2 paragraph {co2}, by position)" if ";" not in co2
            else f"Heading missing (one of CO/2 paragraphs {co2.replace(';', ', ')})")
        df.loc[mask, "co2_paragraphs"] = co2
        df.loc[mask, "inference_reason"] = why
    return df


def parse_paragraphs(lines: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
    """The paragraph table (see COLUMNS) for the given lines, by default the report."""
    lines = source_lines() if lines is None else lines
    st = _State()
    rows = []
    for n, text in enumerate(lines, start=1):
        is_heading = _classify(n, text, st)
        rows.append({
            "para_id": para_id(n), "source_line": n, "part": st.part,
            "section": st.section, "section_title": st.title, "co2_paragraphs": st.co2,
            "section_inferred": st.inferred, "inference_reason": st.reason,
            "is_heading": is_heading, "text": text,
        })
    df = pd.DataFrame(rows, columns=COLUMNS)
    # A heading broken over two lines is only complete on its second line.
    df["section_title"] = df.groupby("section", sort=False).section_title.transform("last")
    return _explain_unheaded(df)


def load_paragraphs() -> pd.DataFrame:
    """The paragraph table as written in data/report/paragraphs.csv."""
    df = pd.read_csv(PARAGRAPHS_CSV, dtype=str, keep_default_na=False)
    df["source_line"] = df["source_line"].astype(int)
    for col in ("section_inferred", "is_heading"):
        df[col] = df[col].map({"True": True, "False": False})
    return df


def write_paragraphs_csv(path=PARAGRAPHS_CSV) -> pd.DataFrame:
    df = parse_paragraphs()
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")
    return df


def sections(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per section in reading order: id, part, title, first and last line."""
    df = parse_paragraphs() if df is None else df
    g = df.groupby("section", sort=False)
    return pd.DataFrame({
        "part": g.part.first(),
        "title": g.section_title.first(),
        "co2_paragraphs": g.co2_paragraphs.first(),
        "section_inferred": g.section_inferred.first(),
        "first_line": g.source_line.min(),
        "last_line": g.source_line.max(),
        "lines": g.size(),
    }).reset_index()
