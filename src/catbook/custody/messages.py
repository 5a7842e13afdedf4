"""The custody clock's texts for a reader, from the one table both engines read.

The pack's ``custody/messages.yaml`` holds every template; the page's JavaScript engine reads
the same table through the JSON ``catbook.book.web`` exports, so a wording changed there
changes in the notebook and on the page alike. Templates name their values in braces;
``message`` fills them in literally (no format specifications), exactly as the
JavaScript ``message`` does.
"""
from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

from catbook.pack.datafile import read_yaml

from catbook.pack.paths import CUSTODY_DIR
from catbook.custody.errors import RulesDataError

MESSAGES_FILE = CUSTODY_DIR / "messages.yaml"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@lru_cache(maxsize=1)
def messages() -> dict[str, str]:
    """The message table: template key to template text."""
    raw = read_yaml(MESSAGES_FILE, RulesDataError)
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                            for k, v in raw.items()):
        raise RulesDataError(f"{MESSAGES_FILE.name}: expected a mapping of key to non-empty template text")
    return raw


def message(key: str, **values: object) -> str:
    """The template ``key`` with each ``{name}`` replaced by ``str(values[name])``."""
    template = messages()[key]

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"message {key} needs a value for {{{name}}}")
        return str(values[name])

    return _PLACEHOLDER.sub(fill, template)


def format_duration(length: timedelta) -> str:
    """A length of time as days, hours and minutes ('2 h 05 min', '5318 d 7 h 16 min').

    Seconds are dropped, never rounded up; days are shown from twenty-four hours on.
    """
    minutes = int(length.total_seconds()) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    return message("duration.days" if days else "duration.hours", days=days, hours=hours,
                   minutes=f"{minutes:02d}")
