"""The write guard of the permission matrix and the CSRF test (tests/security/writeguard.py)
sees every way a request could change the watched tables, and lets through what leaves them
as they were."""

from django.contrib.sessions.backends.db import SessionStore
from django.db import connection, transaction
from django.utils import timezone

from plans.models import AnnualCycleEntry, FocusArea, Plan
from tests.groups import group_for

from .writeguard import Writes, changes, recording_writes


def test_reads_are_not_writes(db, data):
    with recording_writes() as writes:
        list(Plan.objects.all())
        Plan.objects.filter(pk=data.a.plan.pk).exists()
    assert not writes
    assert changes(writes, data.snapshot) is None


def test_a_new_row_is_named(db, data):
    with recording_writes() as writes:
        FocusArea.objects.create(
            plan=data.a.plan, group=group_for(data.a.plan, "district"), title="Ny"
        )
    assert "plans.FocusArea" in changes(writes, data.snapshot)


def test_an_update_of_a_queryset_is_named(db, data):
    with recording_writes() as writes:
        Plan.objects.filter(pk=data.a.plan.pk).update(title="Ændret")
    assert "plans.Plan" in changes(writes, data.snapshot)


def test_a_raw_delete_is_seen(db, data):
    entry = data.a.plan.annual_cycle.first()
    with recording_writes() as writes, connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AnnualCycleEntry._meta.db_table} WHERE id = %s", [entry.pk])
    assert "plans.AnnualCycleEntry" in changes(writes, data.snapshot)


def test_a_statement_whose_table_is_not_known_may_have_written_anywhere():
    for sql in ('TRUNCATE "plans_plan"', "WITH gone AS (DELETE FROM x RETURNING id) SELECT 1"):
        assert Writes(statements=[sql]).may_have_changed_watched_tables(), sql
    assert not Writes(statements=['DELETE FROM "django_session" WHERE 1']).tables() - {
        "django_session"
    }
    assert not Writes(
        statements=['UPDATE "django_session" SET x = 1']
    ).may_have_changed_watched_tables()


def test_a_write_undone_before_the_end_changes_nothing(db, data):
    with recording_writes() as writes, transaction.atomic():
        FocusArea.objects.create(
            plan=data.a.plan, group=group_for(data.a.plan, "district"), title="Fortrudt"
        )
        transaction.set_rollback(True)
    assert writes
    assert changes(writes, data.snapshot) is None


def test_a_sign_in_time_and_a_session_are_not_changes(db, data):
    user = data.a.member
    with recording_writes() as writes:
        user.last_login = timezone.now()
        user.save(update_fields=["last_login"])
        SessionStore().create()
    assert writes
    assert changes(writes, data.snapshot) is None
