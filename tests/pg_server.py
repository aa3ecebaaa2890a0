"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder.

Made with the server's own `initdb` and `pg_ctl` (Debian's `postgresql` package, which
scripts/bootstrap.sh installs when run as root), listening on a Unix socket in that folder only,
with fsync off (nothing here must survive a crash). Run as root (CI), the cluster belongs to the
`postgres` account, since the server refuses to run as root. Each test gets a new database copied
from a template that already holds the schema, so a test starts from an empty log in milliseconds.
When no server can be started, `start` says why, and the PostgreSQL tests are skipped with that
reason (never passed silently).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

USER = "clerk"
TEMPLATE = "incident_log_template"


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).resolve().parent if pg_ctl else None


@dataclass
class Server:
    folder: Path
    bin_dir: Path
    as_user: str | None
    _numbers: itertools.count = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str = "postgres", user: str = USER) -> str:
        return f"postgresql://{user}@/{database}?host={self.folder}"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self) -> str:
        """A new, empty log (the schema made, no records): its URL."""
        name = f"log_{os.getpid()}_{next(self._numbers)}"
        self.sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def empty_database(self) -> str:
        """A new database without our tables (as an administrator creates it for `copy-to`)."""
        name = f"bare_{os.getpid()}_{next(self._numbers)}"
        self.sql(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server | str:
    """A running server, or why there is none."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        return "PostgreSQL is not installed (scripts/bootstrap.sh installs Debian's postgresql when run as root)"
    as_user = None
    folder = Path(tempfile.mkdtemp(prefix="il-pg-"))
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres account to run the server as"
        as_user = "postgres"
        os.chown(folder, account.pw_uid, account.pw_gid)
    server = Server(folder, bin_dir, as_user)
    made = server.run("initdb", "-D", str(folder / "data"), "-A", "trust", "-U", USER, "--encoding=UTF8",
                      "--locale=C.UTF-8", "--no-sync")
    if made.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        return f"initdb failed: {made.stderr.strip()[-300:]}"
    options = (f"-c listen_addresses='' -c unix_socket_directories={folder} -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=200")
    started = server.run("pg_ctl", "-D", str(folder / "data"), "-o", options, "-l", str(folder / "server.log"), "-w", "start")
    if started.returncode != 0:
        log = (folder / "server.log").read_text(errors="replace")[-500:] if (folder / "server.log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        return f"the server did not start: {started.stderr.strip()[-300:]} {log}"
    try:
        server.sql(f"CREATE DATABASE {TEMPLATE}")
        from desktop.storage import open_store

        open_store(server.url(TEMPLATE)).close()  # the schema, made once
        from desktop.storage.postgres import connection

        with contextlib.suppress(Exception):
            connection.pool_for(server.url(TEMPLATE)).close()
        connection._pools.pop(server.url(TEMPLATE), None)
    except Exception as e:  # noqa: BLE001 - said as the reason the tests are skipped
        server.stop()
        return f"the server started but the template log could not be made: {e}"
    return server
