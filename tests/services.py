"""Real services for the tests that need them: a throwaway PostgreSQL server, Chromium.

Why the tests start PostgreSQL themselves: a cluster of their own (initdb in a
temporary folder, loopback only, a free port, trust auth for one role) needs no
configuration of the machine's cluster, leaves nothing behind, and runs the same
on a developer's machine, as root in CI (through ``runuser -u postgres``) or as
a normal user. Set ``DEPARTURES_TEST_PG=postgresql://user@host:port/db`` to use
an existing server instead (each test then gets a database of its own there).

When the server binaries or the browser are not installed (no apt on this
machine), the tests that need them skip and say what to install; ``.ci/run``
installs both, so in CI they run.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit, urlunsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_missing() -> Optional[str]:
    """Why the browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not installed (apt-get install -y chromium; .ci/run does it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    return None


def _initdb() -> Optional[Path]:
    found = shutil.which("initdb")
    if found:
        return Path(found)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    return Path(candidates[-1]) if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    """A server the tests may create databases on; ``admin_url`` points at its ``postgres`` db."""

    admin_url: str
    datadir: Optional[Path] = None  # set when we started it (and must stop it)
    _bin: Optional[Path] = None
    _as_user: Optional[str] = None

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self._as_user:
            cmd = ["runuser", "-u", self._as_user, "--"] + cmd
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = ""
            if self.datadir and (self.datadir / "server.log").exists():
                log = (self.datadir / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}\n{log}")

    @classmethod
    def start(cls) -> "PostgresServer":
        initdb = _initdb()
        if initdb is None:
            raise LookupError("PostgreSQL server binaries not found (apt-get install -y postgresql; .ci/run does it)")
        as_user = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise LookupError("running as root and there is no 'postgres' user to run the server as") from None
            as_user = "postgres"
        datadir = Path(tempfile.mkdtemp(prefix="departures-pg-"))
        if as_user:
            shutil.chown(datadir, as_user, as_user)
        port = _free_port()
        server = cls(f"postgresql://departures@127.0.0.1:{port}/postgres", datadir, initdb.parent, as_user)
        try:
            server._run(str(initdb), "-D", str(datadir), "-U", "departures", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
            options = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={datadir} -c fsync=off"
            server._run(str(initdb.parent / "pg_ctl"), "-D", str(datadir), "-l", str(datadir / "server.log"), "-o", options, "-w", "start")
        except BaseException:
            shutil.rmtree(datadir, ignore_errors=True)
            raise
        return server

    def stop(self) -> None:
        if self.datadir is None or self._bin is None:
            return
        try:
            self._run(str(self._bin / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.datadir, ignore_errors=True)

    def _admin(self):
        import psycopg

        return psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10)

    def create_database(self) -> str:
        """A fresh database; returns its URL."""
        name = f"departures_test_{uuid.uuid4().hex[:12]}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(self.admin_url)
        return urlunsplit(parts._replace(path=f"/{name}"))

    def drop_database(self, url: str) -> None:
        name = urlsplit(url).path.lstrip("/")
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_server() -> PostgresServer:
    """The server named by ``DEPARTURES_TEST_PG``, or a new one of our own."""
    external = os.environ.get("DEPARTURES_TEST_PG")
    if external:
        return PostgresServer(external)
    try:
        return PostgresServer.start()
    except RuntimeError:  # the port picked free may have been taken before the server bound it
        return PostgresServer.start()
