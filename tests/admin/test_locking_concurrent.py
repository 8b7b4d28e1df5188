"""Optimistic locking under real concurrency: two saves at the same moment, each in its own
connection and committed. The test is transactional, so it makes its own rows; test_locking.py's
tests share rows built once for their module."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.conftest import create_plan

from .conftest import build_world
from .html_forms import admin_form, single
from .test_locking import CONFLICT


@pytest.fixture
def world(transactional_db, district, make_secretary):
    """District A's rows, committed: made for the test, not once for the module."""
    author = make_secretary("sekretariat-syd", district)
    return build_world(district, suffix="syd", author=author, make_plan=create_plan)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Two saves at once need PostgreSQL; in-memory SQLite locks whole tables across threads.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_secretaries_saving_the_same_plan_at_once_one_is_refused(
    client, world, make_secretary, district
):
    colleague = make_secretary("sekretariat-kollega", district)
    plan = world["plan"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    clients = {}
    for user in (world["statusupdate"].author, colleague):
        clients[user.username] = Client()
        clients[user.username].force_login(user)
    forms = {name: admin_form(c.get(url)) for name, c in clients.items()}
    barrier = threading.Barrier(2)
    responses = {}

    def save(name):
        try:
            barrier.wait(timeout=5)
            responses[name] = clients[name].post(url, single(forms[name], title=f"Titel {name}"))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(name,)) for name in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    codes = sorted(response.status_code for response in responses.values())
    assert codes == [200, 302]
    winner = next(name for name, response in responses.items() if response.status_code == 302)
    loser = next(name for name, response in responses.items() if response.status_code == 200)
    assert CONFLICT in responses[loser].text
    plan.refresh_from_db()
    assert (plan.title, plan.revision) == (f"Titel {winner}", 1)
