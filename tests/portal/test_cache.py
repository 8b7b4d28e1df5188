"""The Redis cache backend keeps one client per connection pool and still behaves like
Django's: values, counters and missing keys. Needs Redis (skipped without it, except in CI)."""

import os
import uuid

import pytest
import redis

from portal.cache import RedisCache
from tests.security.instances import redis_url


@pytest.fixture
def backend():
    url = redis_url()
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Redis svarer ikke på {url}; CI skal have Redis.")
        pytest.skip(f"Redis svarer ikke på {url}.")
    cache = RedisCache(url, {"KEY_PREFIX": f"test-cache-{uuid.uuid4().hex}"})
    yield cache
    # Not clear(): that empties the whole Redis database, which other runs may share.
    cache.delete_many(["side", "generation"])


def test_one_client_serves_every_operation(backend):
    client = backend._cache.get_client()
    assert backend._cache.get_client(write=True) is client
    assert backend._cache.get_client("nøgle") is client


def test_values_round_trip(backend):
    backend.set("side", (b"<html>", {"ETag": '"abc"'}), 60)
    assert backend.get("side") == (b"<html>", {"ETag": '"abc"'})
    assert backend.get("ukendt") is None


def test_counters_count(backend):
    backend.set("generation", 41, None)
    assert backend.incr("generation") == 42
    assert backend.get("generation") == 42
    with pytest.raises(ValueError):
        backend.incr("ukendt")
