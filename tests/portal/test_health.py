"""/healthz: whether an instance reaches its database and cache, for the proxy and monitoring."""

import pytest
from django.db import OperationalError, connection

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # Nothing listens on port 1; the password must not show in the answer.
        "LOCATION": "redis://:hemmeligt-kodeord@127.0.0.1:1/0",
    }
}


@pytest.fixture
def unreachable_cache(settings):
    settings.CACHES = UNREACHABLE_REDIS


def refuse_select(execute, sql, params, many, context):
    raise OperationalError("connection refused")


@pytest.mark.django_db
def test_answers_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_is_never_cached(client):
    response = client.get("/healthz")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_names_the_database_when_it_does_not_answer(client):
    with connection.execute_wrapper(refuse_select):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "fejl", "cache": "ok"}


@pytest.mark.django_db
def test_names_the_cache_when_it_does_not_answer(client, unreachable_cache):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "fejl"}


@pytest.mark.django_db
def test_tells_no_address_or_password(client, unreachable_cache):
    body = client.get("/healthz").content.decode()
    assert "hemmeligt" not in body
    assert "127.0.0.1" not in body
    assert "refused" not in body.lower()


@pytest.mark.django_db
def test_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
