"""A Redis server of the test's own (tests/portal/redis_server.py)."""

import os
import shutil

import pytest

from .redis_server import RedisServer


@pytest.fixture
def redis_server(tmp_path):
    if shutil.which("redis-server") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI skal have redis-server.")
        pytest.skip("redis-server er ikke installeret.")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
