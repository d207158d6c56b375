"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl in a temporary folder.

No shared server and no Docker. initdb refuses to run as root, so when the tests run as
root (as CI does) the cluster belongs to the unprivileged `postgres` system user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def find_bin_dir() -> Path:
    for candidate in [os.environ.get("PG_BIN_DIR")] + sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if candidate and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        return Path(pg_ctl).resolve().parent
    raise RuntimeError("PostgreSQL server binaries (pg_ctl, initdb) not found; set PG_BIN_DIR")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresCluster:
    superuser = "postgres"
    host = "127.0.0.1"

    def __init__(self):
        self.bin_dir = find_bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="mre-postgres-"))
        self.data_dir = self.root / "data"
        self.port = free_port()
        self.owner = None
        if os.geteuid() == 0:
            self.owner = pwd.getpwnam("postgres")
            os.chown(self.root, self.owner.pw_uid, self.owner.pw_gid)

    def _run(self, *args):
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.owner is not None:
            command = ["runuser", "-u", self.owner.pw_name, "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self):
        self._run("initdb", "-D", str(self.data_dir), "-U", self.superuser, "--auth=trust",
                  "-E", "UTF8", "--locale=C")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses={self.host} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c timezone=UTC")
        self._run("pg_ctl", "-D", str(self.data_dir), "-o", options, "-l", str(self.root / "server.log"),
                  "-w", "-t", "60", "start")
        return self

    def stop(self):
        try:
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def connect(self, database="postgres", user=None):
        import psycopg2

        connection = psycopg2.connect(host=self.host, port=self.port, user=user or self.superuser,
                                      dbname=database)
        connection.autocommit = True
        return connection

    def create_database(self, name: str):
        connection = self.connect()
        try:
            connection.cursor().execute(f'create database "{name}"')
        finally:
            connection.close()
