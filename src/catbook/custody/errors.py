"""The errors of the custody engine, each naming exactly what is wrong and where.

A form shows ``CustodyInputError.reason`` beside the field named by ``.field``, so
both are kept as attributes instead of being folded into one message.
"""
from __future__ import annotations

from catbook.pack.datafile import DataFileError


class CustodyInputError(ValueError):
    """An input to ``deadlines``/``audit`` that cannot be read as one exact moment or zone.

    ``field`` is the argument at fault ("arrested_at", "tz", "now", "protocol_at",
    "events[<rule id>]"); ``reason`` says why in words a reader can act on.
    """

    def __init__(self, field: str, reason: str):
        super().__init__(field, reason)
        self.field = field
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


class RulesDataError(DataFileError):
    """rules.yaml or scenarios.yaml does not have the shape the engine relies on (the message names the entry)."""
