"""The report's French text, read exactly as published and checked by sha256.

The book quotes this file verbatim, so any change to it (even a re-encoding)
must be caught before a single quote is trusted.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from catbook.pack.report import report

#: The file, its recorded sha256 and the document symbol, from <pack>/report.yaml.
SOURCE_FILE: Path = report().source_file
SOURCE_SHA256: str = report().source.sha256
SYMBOL: str = report().symbol


class SourceIntegrityError(ValueError):
    """The source file is missing or differs from the recorded text."""


def source_sha256(path: Path = SOURCE_FILE) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify_source(path: Path = SOURCE_FILE) -> None:
    """Raise SourceIntegrityError unless the file is byte for byte the recorded text."""
    if not path.exists():
        raise SourceIntegrityError(f"source: {path} is missing")
    digest = source_sha256(path)
    if digest != SOURCE_SHA256:
        raise SourceIntegrityError(
            f"source: sha256 of {path} is {digest}, expected {SOURCE_SHA256}; "
            "the report text must never be edited"
        )


@lru_cache(maxsize=1)
def source_lines() -> tuple[str, ...]:
    """Every line of the verified source; index i holds line i+1.

    Split on '\\n' only, so a line is exactly what lies between two newlines
    (the file's last line, a lone space, has no newline after it).
    """
    verify_source()
    return tuple(SOURCE_FILE.read_text(encoding="utf-8").split("\n"))


def line(n: int) -> str:
    """Line n (1-based) of the report, as in the source file."""
    lines = source_lines()
    if not 1 <= n <= len(lines):
        raise ValueError(f"source_line: {n} is outside 1..{len(lines)}")
    return lines[n - 1]
