"""The report's French text, read exactly as published and checked by sha256.

The book quotes this file verbatim, so any change to it (even a re-encoding)
must be caught before a single quote is trusted.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from .paths import SOURCE_FILE

#: sha256 of ../shared/source/cat-c-kaz-3.fr.txt as received (487 newlines, 488 lines).
SOURCE_SHA256 = "dd990ad4abf55b9b2d741e861d1cac44c631e4089e1b0e0c939408ea0b06becc"
SYMBOL = "CAT/C/KAZ/3"


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
