"""The benchmark's ceiling view exists only under the benchmark's URLconf."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(ROOT_URLCONF="bench.urls")
def test_trivial_view_answers_ok_under_the_benchmark_urls(client):
    response = client.get("/bench/trivial/")
    assert response.status_code == 200
    assert response.content == b"ok"


@override_settings(ROOT_URLCONF="bench.urls")
def test_benchmark_urls_keep_the_portal_pages(client):
    assert client.get("/").status_code == 200


def test_the_portal_itself_does_not_serve_the_trivial_view(client):
    assert client.get("/bench/trivial/").status_code == 404
