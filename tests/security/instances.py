"""Two application processes (gunicorn) on one PostgreSQL database and one Redis cache, as in
production behind nginx (docs/deployment.md). Used by test_two_instances.py.

The harness creates a scratch database (a copy of the migrated test database when that lives on
the same PostgreSQL server, else migrated afresh), fills it with tests/security/dataset.py,
starts two gunicorn processes on free loopback ports and gives each test a `Visitor`: a cookie
jar that talks to either instance, like a browser behind a load balancer that alternates.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg2
import redis
from psycopg2 import sql

BASE_DIR = Path(__file__).resolve().parents[2]
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"

# The dataset's seven users share one password: it is hashed once, not seven times (PBKDF2 at
# the production settings' strength takes about 0.3 s of processor time each). One salt for all
# of them; the instances check each sign-in against it as they would against any stored hash.
SEED = """
import functools, json
import django
django.setup()
from django.contrib.auth import models
models.make_password = functools.cache(models.make_password)
from tests.security.dataset import build_dataset
data = build_dataset()
print(json.dumps({
    "assignment": data.a.assignment.pk,
    "council": data.a.council.pk,
    "activity": data.a.activity.pk,
    "plan_path": data.a.plan.get_absolute_url(),
}))
"""


def postgres_server_url() -> str:
    """The PostgreSQL server to create the scratch database on."""
    url = os.environ.get("TWO_INSTANCES_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return DEFAULT_POSTGRES
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/postgres"))


def redis_url() -> str:
    return os.environ.get("TWO_INSTANCES_REDIS_URL") or os.environ.get("REDIS_URL") or DEFAULT_REDIS


def unreachable() -> str | None:
    """Why the harness cannot run here, or None."""
    try:
        psycopg2.connect(postgres_server_url(), connect_timeout=3).close()
    except psycopg2.Error as error:
        return f"PostgreSQL på {postgres_server_url()} svarer ikke ({error})".strip()
    try:
        redis.Redis.from_url(redis_url(), socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        return f"Redis på {redis_url()} svarer ikke ({error})"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base: str, seconds: int = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/tilgaengelighed/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{base} svarede ikke inden for {seconds} sekunder")


@dataclass
class Response:
    status: int
    headers: dict
    text: str

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Visitor:
    """A browser's cookie jar; every request names the instance it goes to."""

    jar: CookieJar = field(default_factory=CookieJar)

    def __post_init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect
        )

    def request(self, base: str, path: str, data: dict | None = None, **headers) -> Response:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return Response(response.status, dict(response.headers), response.read().decode())
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers), error.read().decode())

    def get(self, base: str, path: str, **headers) -> Response:
        return self.request(base, path, **headers)

    def post(self, base: str, path: str, data: dict) -> Response:
        """POST a form the way the browser would: with the CSRF token of the cookie."""
        if not self.csrf_token:
            self.get(base, path)
        return self.request(base, path, {"csrfmiddlewaretoken": self.csrf_token, **data})

    @property
    def csrf_token(self) -> str:
        return next((cookie.value for cookie in self.jar if cookie.name == "csrftoken"), "")

    def sign_in(self, base: str, username: str, password: str, path="/konto/log-ind/"):
        self.get(base, path)
        return self.post(base, path, {"username": username, "password": password, "next": "/"})


@dataclass
class Instances:
    a: str
    b: str
    seed: dict
    database_url: str
    cache_prefix: str


class TwoInstances:
    """Start, and later stop, the scratch database and the two gunicorn processes."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.name = f"two_instances_{os.getpid()}_{secrets.token_hex(3)}"
        self.cache_prefix = f"two-instances-{secrets.token_hex(4)}"
        self.server_url = postgres_server_url()
        parts = urllib.parse.urlsplit(self.server_url)
        self.database_url = urllib.parse.urlunsplit(parts._replace(path=f"/{self.name}"))
        self.processes: list[subprocess.Popen] = []
        self.logs = []

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        env.update(
            # DEBUG=1 only so static files need no collectstatic; data, sessions and cache
            # behave as in production.
            DJANGO_SETTINGS_MODULE="portal.settings",
            DEBUG="1",
            SECRET_KEY="two-instances-" + "x" * 50,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=self.database_url,
            REDIS_URL=redis_url(),
            CACHE_KEY_PREFIX=self.cache_prefix,
        )
        return env

    def _admin(self, statement):
        connection = psycopg2.connect(self.server_url)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    def _run(self, *args: str) -> str:
        completed = subprocess.run(
            [sys.executable, *args],
            cwd=BASE_DIR,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=600,
        )
        if completed.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} fejlede:\n{completed.stderr[-4000:]}")
        return completed.stdout

    def start(self, template: str | None = None) -> Instances:
        """Start the two instances on a scratch database: a copy of `template` (a migrated
        database on the same server that nobody is connected to) if given, else migrated."""
        if template:
            self._admin(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(self.name), sql.Identifier(template)
                )
            )
        else:
            self._admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))
            self._run("manage.py", "migrate", "--no-input", "-v0")
        seed = json.loads(self._run("-c", SEED).strip().splitlines()[-1])
        bases = []
        for _ in range(2):
            port = free_port()
            log = open(self.log_dir / f"gunicorn-{port}.log", "w")  # noqa: SIM115
            self.logs.append(log)
            self.processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "portal.wsgi:application",
                        f"--bind=127.0.0.1:{port}",
                        "--workers=1",
                        "--threads=2",
                        "--timeout=60",
                    ],
                    cwd=BASE_DIR,
                    env=self.env(),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        for base in bases:
            wait_until_up(base)
        return Instances(bases[0], bases[1], seed, self.database_url, self.cache_prefix)

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in self.logs:
            log.close()
        self._admin(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
        )
        client = redis.Redis.from_url(redis_url())
        for key in client.scan_iter(match=f"{self.cache_prefix}:*"):
            client.delete(key)
