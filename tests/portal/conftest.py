"""A Redis server of the test's own (tests/portal/redis_server.py)."""

import logging
import os
import shutil

import pytest

from portal.cache import FailFastRetry

from .redis_server import FAILURE_LOGGER, RedisServer


@pytest.fixture
def redis_server(tmp_path):
    if shutil.which("redis-server") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI skal have redis-server.")
        pytest.skip("redis-server er ikke installeret.")
    server = RedisServer(tmp_path)
    server.start()
    FailFastRetry.failed_at = None  # no failure of an earlier test's Redis
    yield server
    server.stop()
    FailFastRetry.failed_at = None


@pytest.fixture
def failure_filter():
    """The settings' log filter for cache failures, with no earlier failure remembered."""
    (log_filter,) = logging.getLogger(FAILURE_LOGGER).filters
    log_filter.__init__()
    yield log_filter
    log_filter.__init__()
    # A test may shorten the interval between two lines; the next test in this process (two
    # test processes run files in any order) must see the settings' interval again.
    vars(log_filter).pop("interval", None)
