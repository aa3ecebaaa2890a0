"""The shared backend: a log on a PostgreSQL server (psycopg 3, psycopg_pool), for an office whose
clerks work on one log at once. Only `desktop.storage` imports it; a `postgresql://` location opens it."""

from .store import PostgresStore

__all__ = ["PostgresStore"]
