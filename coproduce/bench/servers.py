"""Starting and stopping real app servers, PostgreSQL databases and Redis for the
two-server test and `make bench`. Everything listens on 127.0.0.1 only, every wait
is bounded, and a missing PostgreSQL or Redis is an error, never a skip."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PG_HOST = os.environ.get("COPRODUCE_TEST_PGHOST", "127.0.0.1")
PG_PORT = int(os.environ.get("COPRODUCE_TEST_PGPORT", "5432"))
REDIS_HOST_PORT = "127.0.0.1:6379"


class ServiceMissing(RuntimeError):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_user():
    """The first of postgres/root that can sign in to the maintenance database."""
    import psycopg

    problems = []
    for user in ("postgres", "root"):
        try:
            with psycopg.connect(
                host=PG_HOST, port=PG_PORT, user=user, dbname="postgres", connect_timeout=5
            ):
                return user
        except psycopg.Error as error:
            problems.append(f"{user}: {error}".strip())
    raise ServiceMissing(
        f"Cannot reach PostgreSQL at {PG_HOST}:{PG_PORT} as postgres or root "
        f"(trust authentication expected): {'; '.join(problems)}"
    )


def _admin(sql):
    import psycopg

    with psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=postgres_user(), dbname="postgres", autocommit=True
    ) as connection:
        connection.execute(sql)


def create_database(name):
    """A fresh, empty PostgreSQL database; returns its DATABASE_URL."""
    assert name.replace("_", "").isalnum(), name
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{name}"')
    return f"postgres://{postgres_user()}@{PG_HOST}:{PG_PORT}/{name}"


def drop_database(name):
    assert name.replace("_", "").isalnum(), name
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_client(db):
    from redis import Redis
    from redis.exceptions import RedisError

    client = Redis.from_url(f"redis://{REDIS_HOST_PORT}/{db}", socket_timeout=5)
    try:
        client.ping()
    except RedisError as error:
        raise ServiceMissing(f"Cannot reach Redis at {REDIS_HOST_PORT}: {error}") from error
    return client


def base_env(**extra):
    """The environment for a child process: this one's, minus settings the parent's
    tests chose, plus the ones given."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COPRODUCE_", "DJANGO_", "DATABASE_URL", "REDIS_URL", "PYTEST"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="coproduce.settings",
        PYTHONUNBUFFERED="1",
        COPRODUCE_REQUIRE_MFA="0",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def app_env(**extra):
    """base_env for an app server: it also serves the project's collected static files."""
    return base_env(COPRODUCE_STATIC_ROOT=collected_static(), **extra)


def collected_static():
    """The project's collected static files (what `make static` builds), collected now
    if they are missing, so app servers with their own var/ can share them."""
    root = Path(os.environ.get("COPRODUCE_VAR_DIR", ROOT / "var")) / "static"
    if not (root / "staticfiles.json").exists():
        manage(
            "collectstatic",
            "--noinput",
            "--verbosity",
            "0",
            env=base_env(COPRODUCE_STATIC_ROOT=root, SECRET_KEY="only-for-collectstatic"),  # noqa: S106
        )
    return root


def manage(*args, env, timeout=300):
    """Runs a management command to the end, failing with its output if it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


class AppServer:
    """gunicorn serving the app on 127.0.0.1:<port>."""

    def __init__(self, env, *, workers=1, threads=1, log_path=None, port=None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        log = open(log_path, "wb") if log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "coproduce.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--graceful-timeout",
                "5",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_until_healthy(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The app server on {self.url} stopped: {self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/health/", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        raise RuntimeError(
            f"The app server on {self.url} was not healthy in {timeout}s: {self.log()}"
        )

    def log(self):
        if self.log_path and Path(self.log_path).exists():
            return Path(self.log_path).read_text(errors="replace")[-4000:]
        return ""

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
