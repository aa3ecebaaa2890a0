"""Search documents indexed beside Python, on the second core.

FTS5 splitting the words of an import's tens of thousands of search documents is the largest
single piece of SQLite's work in it, and it needs nothing from Python: while it runs, Python makes
the next documents and the audit chain (`connection.LogDatabase.behind`). `executemany` could not overlap
with that: it needs the interpreter's lock between every two rows, and a busy main thread holds it
for the whole switch interval. One `INSERT … SELECT … FROM json_each(?)` needs it once; SQLite
then inserts and tokenises every row with the lock released.

(Record rows stay with `executemany` on the caller's thread: through `json_each` a row of thirty
columns is parsed thirty times in SQLite 3.40, and measured that cost more than the overlap saved.)

A text holding a NUL character goes through `executemany` instead: SQLite's JSON functions end a
text at it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

# Below this much text to index the hand-over costs more than it can save (a clerk's one save);
# an import of a thousand cars is over it, and so are forty documents of 500 cars each.
BEHIND_CHARS = 100_000
_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode
_JSON_ARROW = sqlite3.sqlite_version_info >= (3, 38, 0)  # `->>`; older SQLite spells it json_extract


def insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def json_value(n: int) -> str:
    """The n-th value of a `json_each` row that is an array."""
    return f"value->>{n}" if _JSON_ARROW else f"json_extract(value, '$[{n}]')"


def json_texts(texts: Sequence[Sequence[str] | str]) -> str | None:
    """Texts (or short arrays of texts) as one JSON array, or None where one holds a NUL."""
    payload = _ENCODE(texts)
    return None if "\\u0000" in payload else payload
