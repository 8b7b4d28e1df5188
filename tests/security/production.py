"""Run code under the production settings (DEBUG off) in a child process.

The test process runs with portal.test_settings; production settings are only read at start-up,
so the tests that check them start a fresh interpreter with a production environment.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
HOST = "portal.example.dk"


def production_env(**extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REQUIRE_STAFF_OTP", "SECURE_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:///:memory:"),
            "TASKS_BACKEND": "database",
        }
    )
    env.update(extra)
    return env


def python(*args: str, **extra: str) -> subprocess.CompletedProcess:
    """A fresh interpreter with the production environment (and `extra`)."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=production_env(**extra),
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(*args: str, **extra: str) -> subprocess.CompletedProcess:
    return python("manage.py", *args, **extra)


# manage.py collectstatic with Brotli at quality 5 instead of its default, 11: the same storage,
# compressor and files, the same .br and .gz copies, only less tightly packed. Quality 11 took
# 9 of collectstatic's 11 seconds of processor time (each of about 200 files compressed twice,
# under its own and its hashed name), here only to be thrown away after the test.
COLLECT_STATIC = """
import functools
import brotli
brotli.compress = functools.partial(brotli.compress, quality=5)
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "collectstatic", "--no-input", "-v0"])
"""


PROBE = """
import json, re, sys
import django
django.setup()
from django.conf import settings
from django.test import Client

host, urls, names = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
result = {"settings": {name: getattr(settings, name, None) for name in names}}
client = Client()
responses = {}
for url in urls:
    plain = client.get(url, HTTP_HOST=host)
    secure = client.get(url, HTTP_HOST=host, secure=True)
    responses[url] = {
        "plain_status": plain.status_code,
        "plain_location": plain.get("Location"),
        "status": secure.status_code,
        "static": sorted(set(re.findall(r'/static/[^"?#]+', secure.content.decode()))),
        "headers": dict(secure.headers),
        "cookies": {
            name: {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"]),
                   "samesite": morsel["samesite"]}
            for name, morsel in secure.cookies.items()
        },
    }
result["responses"] = responses
print(json.dumps(result, default=str))
"""


def collect_static(static_root: Path) -> None:
    """`collectstatic` as the deployment runs it: the manifest storage of the production settings
    (hashed names, compressed copies, staticfiles.json) into static_root; Brotli packs less
    tightly (COLLECT_STATIC)."""
    completed = python("-c", COLLECT_STATIC, STATIC_ROOT=str(static_root))
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert (static_root / "staticfiles.json").is_file(), "collectstatic wrote no manifest"


def probe(urls: list[str], setting_names: list[str], static_root: Path) -> dict:
    """GET each URL over http and https with the production settings, static files from the
    manifest collect_static wrote into static_root; return what came back."""
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, HOST, ",".join(urls), *setting_names],
        cwd=BASE_DIR,
        env=production_env(DATABASE_URL="sqlite:///:memory:", STATIC_ROOT=str(static_root)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])
