"""What a clerk types into a search field, made into a full-text query that cannot fail.

The words are cut from the text by SQLite's own tokenizer, the one the index was built with, so a
word the index splits (`a_b` is `a` and `b`, `12.5` is `12` and `5`) is split the same way here and
every word goes into the query quoted, as a prefix: nothing typed (quotes, `*`, `NEAR`, `AND`, `-`,
`^`, `:`, parentheses) is ever read as query syntax. A quoted string the tokenizer splits would be a
phrase, which the index (detail=none) cannot answer; words cut by the same tokenizer never are.

The text is bounded: at most SEARCH_TEXT_CHARS characters and SEARCH_WORDS words are searched for,
and `SearchQuery.cut` says when more was typed, so the window can say so.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass

from ...domain.words import stored_numbers_in
from ..interface import SEARCH_TEXT_CHARS, SEARCH_WORDS
from ..search import _WHOLE_REFERENCE, _joined_references, fold

# As `search_index` is declared in schema.py (a test keeps the two the same).
TOKENIZER = "unicode61 remove_diacritics 0"

_local = threading.local()
_BIG_TEXT = 20_000  # characters: a text longer than this gets the tokenizer's table rebuilt after it


@dataclass(frozen=True)
class SearchQuery:
    expression: str | None  # an FTS5 MATCH expression; None when the text has no words
    words: tuple[str, ...]
    cut: bool  # the text was longer than SEARCH_TEXT_CHARS or had more than SEARCH_WORDS words


def _tokenizer() -> sqlite3.Connection:
    """A private in-memory FTS5 table per thread, to ask the tokenizer for a text's words.

    Contentless, and emptied with 'delete-all': a row deleted from an ordinary FTS5 table leaves
    its delete markers in the index for later calls to read.
    """
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.execute(f"CREATE VIRTUAL TABLE words USING fts5(body, content = '', tokenize = '{TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE word_list USING fts5vocab(words, instance)")
        _local.conn = conn
    return conn


def words_of(text: str) -> list[str]:
    """The index's words in TEXT, in order, each once (the tokenizer folds case itself)."""
    conn = _tokenizer()
    conn.execute("INSERT INTO words (rowid, body) VALUES (1, ?)", [text])
    try:
        found = [r[0] for r in conn.execute("SELECT term FROM word_list ORDER BY offset")]
    finally:
        conn.execute("INSERT INTO words (words) VALUES ('delete-all')")
        if len(text) > _BIG_TEXT:
            # FTS5 keeps the table of pending words it grew for a big text (the document of an
            # incident of 20,000 cars) and walks all of it on every later insert: each call then
            # cost 1.2 ms instead of 0.04 ms (a server import of such an incident: 32 s, was 4 s).
            # A new table for the next call costs 0.1 ms once.
            conn.close()
            _local.conn = None
    return list(dict.fromkeys(found))


def search_query(text: str | None) -> SearchQuery:
    """Each word a quoted prefix, all words required: `смирн а123` → `"смирн"* AND "а123"*`."""
    # «З-2026-0001», as the Russian window shows a claim's number, is searched as stored (CLM-2026-0001).
    text = stored_numbers_in((text or "").strip())
    cut = len(text) > SEARCH_TEXT_CHARS
    # Lone surrogates (a broken paste) cannot be stored as UTF-8; they become separators.
    folded = fold(text[:SEARCH_TEXT_CHARS]).encode("utf-8", "replace").decode("utf-8")
    joined = _joined_references(folded)
    words = list(dict.fromkeys(joined + words_of(_WHOLE_REFERENCE.sub(" ", folded))))
    # `ул`* AND `улица`* is `улица`*: a word that begins another adds nothing (a cut word, a repeat).
    words = [w for w in words if not any(o != w and o.startswith(w) for o in words)]
    if len(words) > SEARCH_WORDS:
        words, cut = words[:SEARCH_WORDS], True
    if not words:
        return SearchQuery(None, (), cut)
    expression = " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)
    return SearchQuery(expression, tuple(words), cut)


def match_expression(text: str | None) -> str | None:
    return search_query(text).expression
