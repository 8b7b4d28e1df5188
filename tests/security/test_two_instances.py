"""Two gunicorn processes on one PostgreSQL database and one Redis cache: what one instance
writes, the other shows at once (sessions, status updates, lockouts, cached pages).

Runs wherever PostgreSQL and Redis answer (TWO_INSTANCES_DATABASE_URL / DATABASE_URL,
TWO_INSTANCES_REDIS_URL / REDIS_URL, else the local defaults). Without them it skips with the
reason, except in CI (CI=true), where it fails.
"""

import datetime
import os

import pytest
import redis
from django.db import connection, connections

from .dataset import PASSWORD
from .instances import TwoInstances, Visitor, redis_url, unreachable

IN_CI = os.environ.get("CI", "").lower() == "true"

# The tests talk to the instances only; the marker has the migrated test database made, which
# the instances' scratch database is copied from.
pytestmark = pytest.mark.django_db


def migrated_template() -> str | None:
    """The test database, to copy instead of migrating a scratch one (migrating takes about 20
    seconds), when the instances' server is the test database's own. Django's connections to it
    are closed: PostgreSQL copies only a database nobody is connected to."""
    if os.environ.get("TWO_INSTANCES_DATABASE_URL") or connection.vendor != "postgresql":
        return None
    connections.close_all()
    return connection.settings_dict["NAME"]


@pytest.fixture(scope="module")
def instances(tmp_path_factory, django_db_setup, django_db_blocker):
    reason = unreachable()
    if reason:
        if IN_CI:
            pytest.fail(f"{reason}; CI skal køre testen med to instanser.")
        pytest.skip(f"{reason}: testen med to instanser springes over.")
    harness = TwoInstances(tmp_path_factory.mktemp("two-instances"))
    try:
        with django_db_blocker.unblock():
            template = migrated_template()
        yield harness.start(template)
    finally:
        harness.stop()


def test_instances_are_two_processes(instances):
    assert instances.a != instances.b
    assert Visitor().get(instances.a, "/").status == 200
    assert Visitor().get(instances.b, "/").status == 200


def test_signed_in_through_one_instance_is_signed_in_on_the_other(instances):
    visitor = Visitor()
    assert visitor.sign_in(instances.a, "a-medlem", PASSWORD).status == 302
    response = visitor.get(instances.b, "/mit-lokalraad/")
    assert response.status in (200, 302)
    assert "/konto/log-ind/" not in response.location


def test_status_reported_through_one_instance_shows_on_the_other(instances):
    visitor = Visitor()
    visitor.sign_in(instances.a, "a-medlem", PASSWORD)
    path = f"/mit-lokalraad/opgaver/{instances.seed['assignment']}/"
    text = "Borgermødet i Esbjerg er holdt med 60 deltagere"
    assert text not in visitor.get(instances.b, path).text
    response = visitor.post(
        instances.a,
        path,
        {
            "status": "done",
            "public_text": text,
            "internal_note": "",
            "date": datetime.date.today().isoformat(),
        },
    )
    assert response.status == 302, response.text[-2000:]
    assert text in visitor.get(instances.b, path).text


def test_wrong_passwords_on_both_instances_add_up_to_a_lockout(instances):
    visitor = Visitor()
    for base in (instances.a, instances.a, instances.b, instances.b):
        assert visitor.sign_in(base, "b-medlem", "forkert-kode-123").status == 200
    assert visitor.sign_in(instances.b, "b-medlem", "forkert-kode-123").status == 429
    assert visitor.sign_in(instances.a, "b-medlem", PASSWORD).status == 429


def status_line(page: str, activity_id: int) -> str:
    start = page.index(f'id="status-{activity_id}">')
    return page[start : page.index("</p>", start)]


def plan_fragments(instances) -> list[bytes]:
    client = redis.Redis.from_url(redis_url())
    return sorted(client.scan_iter(match=f"{instances.cache_prefix}:*:plan:*"))


def test_cached_plan_page_is_shared_and_renewed_on_both_instances(instances):
    citizen, member = Visitor(), Visitor()
    path, activity = instances.seed["plan_path"], instances.seed["activity"]
    before = status_line(citizen.get(instances.b, path).text, activity)
    cached = plan_fragments(instances)
    assert len(cached) == 1
    assert status_line(citizen.get(instances.a, path).text, activity) == before
    assert plan_fragments(instances) == cached  # A served the fragment B rendered

    member.sign_in(instances.a, "a-medlem", PASSWORD)
    response = member.post(
        instances.a,
        f"/mit-lokalraad/opgaver/{instances.seed['assignment']}/",
        {
            "status": "cancelled",
            "public_text": "Aflyst: lokalet brændte",
            "date": datetime.date.today().isoformat(),
        },
    )
    assert response.status == 302
    after_b = status_line(citizen.get(instances.b, path).text, activity)
    after_a = status_line(citizen.get(instances.a, path).text, activity)
    assert after_b != before
    assert after_a == after_b
    assert "Gennemført i 0 af" in after_b
