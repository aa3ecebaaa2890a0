"""Where a log lives: a SQLite file today, a PostgreSQL server (`postgresql://…`) next.

The window, its background jobs and the command line name a log by a `Location`, not by a file
path, so a server-backed log needs no change above storage: `Location.open()` picks the backend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .interface import LogStore

SERVER_SCHEMES = ("postgresql", "postgres")
# libpq's other way of naming a server, `host=… dbname=… password=…`: not a file name, and not ours.
_CONNINFO = re.compile(r"^\s*(host|hostaddr|port|dbname|user|password|passfile|service|sslmode)\s*=", re.IGNORECASE)


def url_parts(url: str) -> tuple[str, str | None, str, str]:
    """A server URL as (scheme, login, password, the rest), the login and password being all that
    comes before the last `@` (None for the login when there is no `@`): what the clerk meant,
    whatever `/`, `?`, `#` or `@` the password holds. By hand, not urlsplit, which refuses some."""
    scheme, _, rest = url.partition(":")
    userinfo, at, rest = rest.removeprefix("//").rpartition("@")
    login, _, password = userinfo.partition(":")
    return scheme, (login if at else None), password, rest


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
    def is_conninfo(self) -> bool:
        """`host=server dbname=log …`: libpq's key=value words, which the program does not take
        (a server log is a URL); taken for a file name, it would make a log named after them."""
        return not self.is_server and bool(_CONNINFO.match(self.target))

    @property
    def path(self) -> Path | None:
        """The SQLite file (None for a server log)."""
        return None if self.is_server else Path(self.target)

    def shown(self) -> str:
        """For the status bar and messages: the path, or the URL without its password.

        Read by hand, not by urlsplit: a password may hold `/`, `?` or `#` (libpq reads such URLs
        its own way), so everything before the last `@` but the login is left out; a query's
        `password=` too. libpq's other parameters (host, sslmode…) help whoever reads it.
        """
        if self.is_conninfo:
            return re.sub(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S*)", r"\1***", self.target, flags=re.IGNORECASE)
        if not self.is_server:
            return self.target
        scheme, login, _password, rest = url_parts(self.target)
        where, _, query = rest.partition("?")
        kept = "&".join(p for p in query.split("&") if p and p.split("=", 1)[0].strip().lower() != "password")
        return f"{scheme}://{'' if login is None else login + '@'}{where}" + (f"?{kept}" if kept else "")

    def open(self) -> LogStore:
        """The log's store, through the backend its address names."""
        if self.path is None:
            from .postgres import PostgresStore

            return PostgresStore.open(self)
        from .sqlite import Store

        return Store.open(self.path)

    def __str__(self) -> str:
        return self.shown()
