"""Where a log lives: a SQLite file today, a PostgreSQL server (`postgresql://…`) next.

The window, its background jobs and the command line name a log by a `Location`, not by a file
path, so a server-backed log needs no change above storage: `Location.open()` picks the backend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from .interface import LogStore

SERVER_SCHEMES = ("postgresql", "postgres")


@dataclass(frozen=True)
class Location:
    """A log's address as the clerk gave it: a file path or a server URL."""

    target: str

    @classmethod
    def of(cls, value: str | Path | Location) -> Location:
        if isinstance(value, Location):
            return value
        return cls(str(value))

    @property
    def is_server(self) -> bool:
        scheme, colon, _ = self.target.partition(":")  # not urlsplit: it refuses an unclosed `[` the clerk may type
        return bool(colon) and scheme.lower() in SERVER_SCHEMES

    @property
    def path(self) -> Path | None:
        """The SQLite file (None for a server log)."""
        return None if self.is_server else Path(self.target)

    def shown(self) -> str:
        """For the status bar and messages: the path, or the URL without its password."""
        if not self.is_server:
            return self.target
        try:
            parts = urlsplit(self.target)
            host = parts.hostname or ""
            if parts.port:
                host += f":{parts.port}"
        except ValueError:  # a port that is no number, an unclosed `[`: shown as typed, bar the password
            return re.sub(r"(//[^/?#@]*?):[^/?#@]*@", r"\1@", self.target.split("?", 1)[0])
        user = f"{parts.username}@" if parts.username else ""
        # libpq's own parameters (host, port, sslmode…) help whoever reads it; a password never shows.
        query = "&".join(p for p in parts.query.split("&") if p and p.split("=", 1)[0].lower() != "password")
        return urlunsplit((parts.scheme, user + host, parts.path, query, ""))

    def open(self) -> LogStore:
        """The log's store, through the backend its address names."""
        if self.path is None:
            from .postgres import PostgresStore

            return PostgresStore.open(self)
        from .sqlite import Store

        return Store.open(self.path)

    def __str__(self) -> str:
        return self.shown()
