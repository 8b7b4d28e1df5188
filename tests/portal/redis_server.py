"""A Redis server of a test's own, on a free loopback port, that the test may stop, hang and
start again; and the production cache settings pointed at it."""

import os
import runpy
import signal
import socket
import subprocess
import time
from pathlib import Path
from unittest import mock

import redis

SETTINGS = Path(__file__).resolve().parents[2] / "portal" / "settings.py"
# django-redis logs the errors it ignores here; portal/cache.py filters them.
FAILURE_LOGGER = "django_redis.cache"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        # No snapshot and no append-only file: like production, a restart starts empty.
        options = {"port": self.port, "bind": "127.0.0.1", "save": "", "appendonly": "no"}
        options |= {"daemonize": "no", "dir": self.directory}
        arguments = [part for name, value in options.items() for part in (f"--{name}", str(value))]
        self.process = subprocess.Popen(
            ["redis-server", *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"redis-server did not start on {self.port}") from None
                time.sleep(0.02)

    def stop(self):
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)  # in case a test left it hanging
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def hang(self):
        """Keep the port open but answer nothing, as a Redis stuck or out of reach does."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def keys(self) -> int:
        return redis.Redis(port=self.port).dbsize()


def production_caches(url: str) -> dict:
    """CACHES exactly as portal/settings.py builds them when REDIS_URL is set."""
    with mock.patch.dict(os.environ, {"REDIS_URL": url, "CACHE_KEY_PREFIX": "test"}):
        return runpy.run_path(str(SETTINGS))["CACHES"]
