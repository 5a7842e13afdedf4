"""Parse the report into a paragraph table: one row per source line.

The source has one paragraph per line. Headings are recognised by their form
(the patterns of ``headings`` in the pack's report.yaml: in the default pack, part
numerals, "Article(s) …", "Paragraphe(s) …", "Alinéa(s) …"), not by line number, so the
parser explains itself and a test can check each heading.

One part (``answers_part``) answers the Committee's previous concluding observations
(``previous_observations``) paragraph by paragraph, but some paragraph headings may be
missing from the text. Such a block starts the way ``headings.unheaded`` says (in the
default pack, a paragraph indented by one space). It gets a section of its own,
``<section_prefix>unheaded-<line>``, ``section_inferred = True`` and the reason, and is
never folded into the section above it.

The official paragraph numbers. The United Nations document numbers its paragraphs
(``document.paragraphs`` of the pack's report/official-paragraphs.yaml); headings and
list items carry no number. Each line gets ``para_no``, the
number of the paragraph it belongs to: a paragraph opens a new number, a list item
carries the number of the paragraph above it (its lead-in), a heading or a blank line
has none. List items are found by rule (``list_items`` in
the pack's ``report/official-paragraphs.yaml``, see :data:`LIST_RULES`), never by line
number; ``list_item_rule`` says which rules marked the line. The numbering must
reproduce the ranges of the document's table of contents, recorded in the same file
(:func:`verify_official_numbering`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from catbook.pack.datafile import DataFileError, StrictModel, load_yaml
from catbook.pack.paths import OFFICIAL_PARAGRAPHS_YAML, PARAGRAPHS_CSV
from catbook.pack.report import report
from catbook.text.source import source_lines

COLUMNS = [
    "para_id", "source_line", "part", "section", "section_title", "co2_paragraphs",
    "section_inferred", "inference_reason", "is_heading", "para_no", "is_list_item",
    "list_item_rule", "text",
]

#: The rules that find list items, in the order they are tried, with what each says.
LIST_RULES = {
    "after-colon": "the line after a paragraph or list item whose text ends with a colon "
                   "(the list's lead-in) is a list item",
    "after-semicolon": "the line after a list item ending with a semicolon is the next item "
                       "of the same list",
    "numbered": "a line opening with a number and a parenthesis, '1)' … '7)', then a tab, is a list item",
}


class OfficialParagraphsError(DataFileError):
    """The numbering of the lines does not reproduce the document's paragraph ranges,
    or official-paragraphs.yaml is malformed (``file``, ``field``, ``reason``)."""

    def __init__(self, field: str = "", reason: str = "", file: str = "official-paragraphs.yaml"):
        super().__init__(file=file, field=field, reason=reason)


class _OfficialDocument(StrictModel):
    symbol: str
    title: str
    language: str
    date: str
    published: str
    source_of_ranges: str
    paragraphs: int


class _OfficialRange(StrictModel):
    part: str
    section: str | None = None
    title: str
    first: int
    last: int


class _ListRules(StrictModel):
    opens: str
    continues: str
    numbered: str


class _OfficialParagraphs(StrictModel):
    """report/official-paragraphs.yaml: unknown keys refused, every field typed."""
    document: _OfficialDocument
    ranges: list[_OfficialRange]
    list_items: _ListRules
    blank: str


class ParagraphRangeError(ValueError):
    """A paragraph number or range typed by a reader is not one of the report's."""

    def __init__(self, value: str, reason: str):
        self.field, self.value, self.reason = "paragraph", value, reason
        super().__init__(f"paragraph: {value!r}: {reason}")

_REPORT = report()
_PART_SECTION = dict(_REPORT.parts)
#: The part numerals the parser recognises, in the order report.yaml lists them.
PART_NUMERALS = tuple(_PART_SECTION)
PART_SECTIONS = frozenset(_PART_SECTION.values())
#: The prefix of the sections that answer the previous concluding observations (``section_prefix``).
CO_PREFIX = _REPORT.co_prefix
_ANSWERS = _REPORT.answers_part
_CO = _REPORT.previous_observations.short_name
_H = _REPORT.headings

PART_RE = re.compile(_H.part)
ARTICLE_RE = re.compile(_H.article)
PARAGRAPH_RE = re.compile(_H.paragraph)
ALINEA_RE = re.compile(_H.subparagraph)
UNHEADED_RE = re.compile(_H.unheaded)


def para_id(source_line: int) -> str:
    """Stable paragraph id: the source never changes, so its line number never does."""
    return f"p{source_line}"


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _letters(text: str) -> list[str]:
    return [t for t in re.split(r"[\s,]+", text) if t and t != _H.list_word]


@dataclass
class _State:
    part: str = ""
    section: str = ""
    title: str = ""
    previous: str = ""  # the paragraphs of the previous observations a block answers
    previous_base: str = ""  # the paragraph number an "Alinéa" belongs to
    inferred: bool = False
    reason: str = ""
    last_part_line: int = 0


def _classify(n: int, text: str, st: _State) -> bool:
    """Update the state for line n; return True when the line is a heading."""
    plain = text.strip()
    if m := PART_RE.match(text):
        num = m["num"]
        st.part, st.section, st.title = num, _PART_SECTION[num], m["title"].strip()
        st.previous = st.previous_base = ""
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
        st.section, st.title = CO_PREFIX + "-".join(nums), plain
        st.previous = st.previous_base = ";".join(nums)
        st.inferred, st.reason = False, ""
        return True
    if st.part == _ANSWERS and (m := ALINEA_RE.match(text)):
        letters = _letters(m["letters"])
        st.section = f"{CO_PREFIX}{st.previous_base}-" + "-".join(letters)
        st.title = _H.subparagraph_title.format(paragraph=st.previous_base, heading=plain)
        st.previous = st.previous_base
        st.inferred, st.reason = False, ""
        return True
    if st.part == _ANSWERS and UNHEADED_RE.match(text):
        st.section, st.title = f"{CO_PREFIX}unheaded-{n}", ""
        st.previous, st.inferred = "", True
        st.reason = "heading missing"  # completed by _explain_unheaded once all headings are known
        return False
    return False


def _explain_unheaded(df: pd.DataFrame) -> pd.DataFrame:
    """Say, for each unheaded block, which paragraphs of the previous observations it may answer and why.

    The candidates are the numbers missing between the numbered headings on
    either side. When there are as many unheaded blocks as missing numbers,
    the blocks are matched to them in order; otherwise every candidate is listed
    and the block is left unassigned: the text alone does not settle it.
    """
    df = df.copy()
    numbered = df[df.is_heading & df.section.str.match("^" + re.escape(CO_PREFIX) + r"\d")]
    heads = [(int(r.source_line), [int(x) for x in r.co2_paragraphs.split(";")])
             for r in numbered.itertuples() if r.co2_paragraphs]
    starts = df[df.section.str.startswith(f"{CO_PREFIX}unheaded-")].groupby("section").source_line.min()
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
                 f"and '{next_title}' (line {next_line}), which leave {_CO} paragraph(s) "
                 f"{', '.join(map(str, missing))} without a heading")
        if len(siblings) == len(missing):
            k = siblings.index(first)
            answered = str(missing[k])
            why = (f"{where}; {len(siblings)} unheaded blocks for {len(missing)} missing numbers, "
                   f"so by position this block most likely answers paragraph {answered}")
        else:
            answered = ";".join(map(str, missing))
            why = (f"{where}; {len(siblings)} unheaded blocks for {len(missing)} missing numbers, "
                   "so position alone cannot tell which paragraph(s) this block answers")
        mask = df.section == section
        df.loc[mask, "section_title"] = (
            f"Heading missing (probably {_CO} paragraph {answered}, by position)" if ";" not in answered
            else f"Heading missing (one of {_CO} paragraphs {answered.replace(';', ', ')})")
        df.loc[mask, "co2_paragraphs"] = answered
        df.loc[mask, "inference_reason"] = why
    return df


@lru_cache(maxsize=1)
def official_paragraphs() -> dict:
    """The pack's report/official-paragraphs.yaml: the document, its ranges and the list rules."""
    return load_official_paragraphs(OFFICIAL_PARAGRAPHS_YAML)


def load_official_paragraphs(path) -> dict:
    """``path`` read through a strict model (an unknown, missing or mistyped key raises
    OfficialParagraphsError naming the file and the dotted key), as a plain mapping."""
    model = load_yaml(path, _OfficialParagraphs, OfficialParagraphsError)
    return model.model_dump(exclude_none=True)


def _patterns() -> dict[str, re.Pattern]:
    data = official_paragraphs()
    rules = data["list_items"]
    return {"opens": re.compile(rules["opens"]), "continues": re.compile(rules["continues"]),
            "numbered": re.compile(rules["numbered"]), "blank": re.compile(data["blank"])}


def _number_lines(texts: list[str], headings: list[bool]) -> list[tuple]:
    """(para_no or None, is_list_item, rules) for each line, by the rules of LIST_RULES."""
    pat = _patterns()
    out: list[tuple] = []
    number = 0
    prev_text, prev_kind = "", "none"  # kind of the line above: none, heading, para, item
    for text, heading in zip(texts, headings):
        if heading or pat["blank"].match(text):
            out.append((None, False, ""))
            prev_text, prev_kind = text, "heading" if heading else "none"
            continue
        rules = []
        if prev_kind in ("para", "item") and pat["opens"].search(prev_text):
            rules.append("after-colon")
        if prev_kind == "item" and pat["continues"].search(prev_text):
            rules.append("after-semicolon")
        if pat["numbered"].match(text):
            rules.append("numbered")
        if rules:
            if number == 0:
                raise OfficialParagraphsError("list_items", f"a list item ({text[:40]!r}) "
                                              "before any paragraph")
            out.append((number, True, ";".join(rules)))
            prev_kind = "item"
        else:
            number += 1
            out.append((number, False, ""))
            prev_kind = "para"
        prev_text = text
    return out


def parse_paragraphs(lines: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
    """The paragraph table (see COLUMNS) for the given lines, by default the report."""
    lines = source_lines() if lines is None else lines
    st = _State()
    rows = []
    for n, text in enumerate(lines, start=1):
        is_heading = _classify(n, text, st)
        rows.append({
            "para_id": para_id(n), "source_line": n, "part": st.part,
            "section": st.section, "section_title": st.title, "co2_paragraphs": st.previous,
            "section_inferred": st.inferred, "inference_reason": st.reason,
            "is_heading": is_heading, "text": text,
        })
    numbers = _number_lines([r["text"] for r in rows], [r["is_heading"] for r in rows])
    for row, (no, item, rules) in zip(rows, numbers):
        row.update(para_no=no, is_list_item=item, list_item_rule=rules)
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["para_no"] = df["para_no"].astype("Int64")
    # A heading broken over two lines is only complete on its second line.
    df["section_title"] = df.groupby("section", sort=False).section_title.transform("last")
    return _explain_unheaded(df)


def load_paragraphs() -> pd.DataFrame:
    """The pack's report/paragraphs.csv as written, validated by its schema (catbook.pack.tables)."""
    from catbook.pack import tables
    df = tables.load("paragraphs")
    df["source_line"] = df["source_line"].astype(int)
    for col in ("section_inferred", "is_heading", "is_list_item"):
        df[col] = df[col].map({"True": True, "False": False})
    df["para_no"] = pd.to_numeric(df["para_no"].replace("", None)).astype("Int64")
    return df


def write_paragraphs_csv(path=PARAGRAPHS_CSV) -> pd.DataFrame:
    df = parse_paragraphs()
    verify_official_numbering(df)
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")
    _para_lookup.cache_clear()
    return df


# -- the official paragraph numbers ---------------------------------------------------------

def _range_rows(df: pd.DataFrame, entry: dict) -> pd.DataFrame:
    rows = df[df.part == str(entry["part"])]
    if entry.get("section"):
        rows = rows[rows.section == entry["section"]]
    return rows


def official_ranges(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each range of the document's table of contents beside what the numbering gives.

    One row per entry of official-paragraphs.yaml: part, section ('' for a whole part),
    title, the official first and last paragraph, the first and last numbers the lines
    of that part/section get, how many distinct paragraphs they make, the lines they
    span, and ``matches`` (True when first, last and count are exactly the official ones).
    """
    df = load_paragraphs() if df is None else df
    out = []
    for entry in official_paragraphs()["ranges"]:
        rows = _range_rows(df, entry)
        nums = rows.para_no.dropna()
        first, last = int(entry["first"]), int(entry["last"])
        found = (int(nums.min()), int(nums.max()), int(nums.nunique())) if len(nums) else (None, None, 0)
        out.append({
            "part": str(entry["part"]), "section": entry.get("section", ""), "title": entry["title"],
            "official": f"{first}–{last}" if first != last else str(first),
            "first": first, "last": last, "found_first": found[0], "found_last": found[1],
            "paragraphs": found[2],
            "lines": f"{rows.source_line.min()}–{rows.source_line.max()}" if len(rows) else "",
            "list_items": int(rows.is_list_item.sum()),
            "matches": found == (first, last, last - first + 1),
        })
    return pd.DataFrame(out)


def verify_official_numbering(df: pd.DataFrame | None = None) -> None:
    """Raise OfficialParagraphsError unless the lines reproduce every official range and
    the document's count of paragraphs."""
    df = load_paragraphs() if df is None else df
    table = official_ranges(df)
    bad = table[~table.matches]
    if len(bad):
        r = bad.iloc[0]
        where = f"part {r.part}" + (f", section {r.section}" if r.section else "")
        raise OfficialParagraphsError(
            "ranges", f"{where}: the document has paragraphs {r.official}, the rules give "
            f"{r.found_first}–{r.found_last} ({r.paragraphs} paragraphs); "
            f"{len(bad)} range(s) differ")
    total = int(official_paragraphs()["document"]["paragraphs"])
    if df.para_no.nunique() != total or int(df.para_no.max()) != total:
        raise OfficialParagraphsError(
            "document.paragraphs", f"the document has {total} paragraphs, the rules give "
            f"{df.para_no.nunique()}")


def list_item_rule_counts(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each list-item rule: what it says, how many lines it marks, and how many it alone marks."""
    df = load_paragraphs() if df is None else df
    items = df[df.is_list_item]
    marks = items.list_item_rule.str.split(";")
    return pd.DataFrame({
        "rule": list(LIST_RULES),
        "says": list(LIST_RULES.values()),
        "lines marked": [int(marks.map(lambda m, k=k: k in m).sum()) for k in LIST_RULES],
        "marked by this rule only": [int(marks.map(lambda m, k=k: m == [k]).sum()) for k in LIST_RULES],
    }).set_index("rule")


@lru_cache(maxsize=1)
def _para_lookup() -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
    df = load_paragraphs()
    numbered = df.dropna(subset=["para_no"])
    of_line = {int(r.source_line): int(r.para_no) for r in numbered.itertuples()}
    spans = numbered.groupby("para_no").source_line.agg(["min", "max"])
    return of_line, {int(k): (int(v["min"]), int(v["max"])) for k, v in spans.iterrows()}


def para_of_line(source_line: int) -> int | None:
    """The official paragraph number of a line of the report (None for a heading or blank)."""
    return _para_lookup()[0].get(int(source_line))


def paragraph_lines(para_no: int) -> tuple[int, int]:
    """The first and last line of official paragraph ``para_no``."""
    spans = _para_lookup()[1]
    if para_no not in spans:
        raise ParagraphRangeError(str(para_no), f"the report has paragraphs 1 to {len(spans)}")
    return spans[para_no]


_RANGE_RE = re.compile(r"^\s*(\d+)\s*(?:[-–—]\s*(\d+)\s*)?$")


def paragraph_range(text: str) -> tuple[int, int]:
    """A paragraph number or range as a reader types it ('295', '46–96', '46-96') → (first, last).

    Raises ParagraphRangeError naming what is wrong: not a number or range, outside
    1..387, or a range that runs backwards. The book's look-up forms apply the same rule.
    """
    total = len(_para_lookup()[1])
    m = _RANGE_RE.match(str(text))
    if not m:
        raise ParagraphRangeError(str(text), "type a paragraph number (295) or a range (46–96)")
    first, last = int(m[1]), int(m[2] or m[1])
    for n in (first, last):
        if not 1 <= n <= total:
            raise ParagraphRangeError(str(text), f"the report has paragraphs 1 to {total}")
    if last < first:
        raise ParagraphRangeError(str(text), "a range runs from the smaller number to the larger")
    return first, last


def para_nos_of_lines(lines) -> list[int]:
    """The distinct paragraph numbers of some lines, ascending (headings add none)."""
    return sorted({p for n in lines if (p := para_of_line(int(n))) is not None})


def para_span_of_lines(first: int, last: int) -> str:
    """The paragraphs a span of lines covers, as 'N' or 'N-M' ('' when only headings)."""
    nums = para_nos_of_lines(range(first, last + 1))
    if not nums:
        return ""
    return str(nums[0]) if nums[0] == nums[-1] else f"{nums[0]}-{nums[-1]}"


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
