"""Nothing lost: the portable export (`dumpdata`) of the demo, plus a row in every table the
demo leaves empty, loads into an emptied database and gives back every row of every table,
field for field and to the microsecond (docs/operations.md, "Portable export")."""

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import connection

from tests import table_copies

from .dataset import build_dataset

# Each test reads in a savepoint of its own inside the restored database.
pytestmark = pytest.mark.django_db

# Content types and permissions are recreated by `migrate`; the dump refers to them by
# natural key, so they are left out of it.
EXCLUDE = ["contenttypes", "auth.permission"]


def dump(path) -> None:
    """The export as docs/operations.md gives it: XML, which keeps timestamps to the
    microsecond (Django's JSON keeps only milliseconds)."""
    call_command(
        "dumpdata",
        "--natural-foreign",
        "--natural-primary",
        "--format=xml",
        *[f"--exclude={label}" for label in EXCLUDE],
        f"--output={path}",
        verbosity=0,
    )


def exported_models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy
        and model._meta.app_label != "contenttypes"
        and model._meta.label != "auth.Permission"
    ]


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in exported_models()}


def records() -> list[str]:
    """Every row of every exported table at full precision; references by natural key where
    the model has one, so rows compare equal whatever id they get when loaded."""
    rows = []
    for model in exported_models():
        for obj in serializers.serialize(
            "python",
            model._base_manager.all(),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        ):
            if model._meta.auto_created:
                obj.pop("pk")  # a many-to-many link row's own id means nothing
            rows.append(repr(sorted(obj.items())))
    return sorted(rows)


@pytest.fixture(scope="module")
def restored(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo and the dataset, dump them, empty the database, load the dump: once for
    the module, whose tests only read what came back; rolled back after the last of them. The
    demo is `manage.py load_demo`'s, run once per test process and kept as copies of the
    tables (tests/table_copies.py), as the browser and demo tests have it."""
    with django_db_blocker.unblock(), table_copies.demo_in_transaction():
        build_dataset(a=("nordsjaellands-politi", "alleroed"), b=("fyns-politi", "odense"))
        before_counts, before = row_counts(), records()
        path = tmp_path_factory.mktemp("backup") / "portal.xml"
        dump(path)
        # PostgreSQL refuses to TRUNCATE with foreign-key checks still pending in the
        # transaction.
        connection.check_constraints()
        call_command("flush", "--no-input", verbosity=0)
        assert row_counts()["plans.Plan"] == 0
        call_command("loaddata", str(path), verbosity=0)
        yield before_counts, before


def test_restore_gives_back_the_row_count_of_every_table(restored):
    before_counts, _ = restored
    assert row_counts() == before_counts


def test_restore_gives_back_every_field_of_every_row(restored):
    _, before = restored
    assert records() == before


def test_the_round_trip_covers_every_table_the_portal_writes(restored):
    before_counts, _ = restored
    written = [
        "plans.Plan",
        "plans.PlanSection",
        "plans.FocusArea",
        "plans.Activity",
        "plans.Assignment",
        "plans.StatusUpdate",
        "plans.ReportingRound",
        "plans.AnnualCycleEntry",
        "plans.PlanVersion",
        "plans.WorkflowEvent",
        "plans.HistoricalPlan",
        "forums.Forum",
        "councils.Membership",
        "councils.SecretariatStaff",
        "auth.Group",
        "auth.User",
        "otp_totp.TOTPDevice",
    ]
    assert [label for label in written if not before_counts[label]] == []


def test_restored_status_history_and_snapshot_are_intact(restored):
    from plans.models import Assignment, PlanVersion

    assignment = Assignment.objects.get(
        council__slug="alleroed", activity__text="Tryghed i nattelivet"
    )
    assert [u.status for u in assignment.updates.order_by("date")] == ["in_progress", "done"]
    assert assignment.latest_update.status == "done"
    version = PlanVersion.objects.get(plan__district__slug="fyns-politi", number=1)
    assert version.snapshot["plan"]["title"] == "Tryghed i nattelivet"
    assert version.published_by.username == "b-sekretariat"


def test_restored_users_keep_their_password_and_groups(restored):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="a-sekretariat")
    assert user.check_password("korrekt-hest-batteri-42")
    assert user.has_perm("plans.change_plan")
    assert user.secretariat.district.slug == "nordsjaellands-politi"


def test_restored_demo_plan_keeps_its_versions_and_rounds(restored):
    from plans.models import Plan

    plan = Plan.objects.get(district__slug="syd-og-soenderjyllands-politi", period_start=2017)
    assert list(plan.versions.order_by("number").values_list("number", flat=True)) == [1, 2]
    assert plan.reporting_rounds.count() == 2
    assert plan.history.count() > 1
