"""The production cache (django-redis, portal/settings.py) on a Redis of the test's own: it
behaves like Django's cache, reuses one client, and never raises when Redis is gone or hangs;
the failure is logged as one short warning."""

import logging
import time

import pytest
from django.core.cache import cache
from django.test import override_settings
from django_redis import get_redis_connection

from portal.cache import FailFastRetry

from .redis_server import FAILURE_LOGGER, production_caches


@pytest.fixture
def production_cache(redis_server):
    with override_settings(CACHES=production_caches(redis_server.url)):
        yield cache


def test_one_client_serves_every_operation(production_cache):
    client = get_redis_connection("default")
    assert get_redis_connection("default", write=False) is client
    production_cache.get("nøgle")
    assert get_redis_connection("default") is client


def test_values_round_trip(production_cache):
    production_cache.set("side", (b"<html>", {"ETag": '"abc"'}), 60)
    assert production_cache.get("side") == (b"<html>", {"ETag": '"abc"'})
    assert production_cache.get("ukendt") is None
    assert production_cache.get_many(["side", "ukendt"]) == {"side": (b"<html>", {"ETag": '"abc"'})}


def test_counters_count(production_cache):
    production_cache.set("generation", 41, None)
    assert production_cache.incr("generation") == 42
    assert production_cache.get("generation") == 42
    with pytest.raises(ValueError):  # plans/page_cache.py starts a new generation then
        production_cache.incr("ukendt")


def every_operation(backend) -> dict:
    return {
        "get": backend.get("side"),
        "get_many": backend.get_many(["generation", "side"]),
        "add": backend.add("kø", True, 60),
        "set": backend.set("side", b"<html>", 60),
        "incr": backend.incr("generation"),
        "delete": backend.delete("side"),
    }


def test_stopped_redis_reads_as_a_miss_and_costs_milliseconds(production_cache, redis_server):
    production_cache.set("generation", 41, None)
    redis_server.stop()
    started = time.monotonic()
    results = every_operation(production_cache)
    assert time.monotonic() - started < 0.5
    assert results["get"] is None
    assert results["get_many"] == {}
    assert not results["add"]
    assert results["incr"] is None


def test_hanging_redis_costs_one_timeout_then_is_left_alone_for_a_pause(
    production_cache, redis_server, monkeypatch
):
    monkeypatch.setattr(FailFastRetry, "pause", 0.5)
    production_cache.set("side", b"<html>", 60)
    redis_server.hang()
    try:
        started = time.monotonic()
        assert production_cache.get("side") is None
        assert 0.2 < time.monotonic() - started < 0.5  # the socket timeout, 0.25 s
        started = time.monotonic()
        every_operation(production_cache)
        assert time.monotonic() - started < 0.05
    finally:
        redis_server.resume()
    time.sleep(0.5)
    assert production_cache.get("side") == b"<html>"


def test_failures_are_one_short_warning(production_cache, redis_server, failure_filter, caplog):
    redis_server.stop()
    with caplog.at_level(logging.INFO, logger=FAILURE_LOGGER):
        for _ in range(3):
            every_operation(production_cache)
    (record,) = [record for record in caplog.records if record.name == FAILURE_LOGGER]
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert record.getMessage().startswith("Cache unavailable, serving without it: ConnectionError")


def test_failures_going_on_are_counted_in_the_next_warning(
    production_cache, redis_server, failure_filter, caplog
):
    failure_filter.interval = 0.05
    redis_server.stop()
    with caplog.at_level(logging.INFO, logger=FAILURE_LOGGER):
        production_cache.get("side")
        production_cache.get("side")
        production_cache.get("side")
        time.sleep(0.06)
        production_cache.get("side")
    lines = [record.getMessage() for record in caplog.records if record.name == FAILURE_LOGGER]
    assert len(lines) == 2
    assert lines[1].endswith("(2 more since the last message)")
