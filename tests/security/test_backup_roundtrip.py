"""Nothing lost: `dumpdata` of the demo (plus a row in every table the demo leaves empty) loads
into an emptied database and gives back every row of every table, field for field
(docs/operations.md, "Portable export")."""

import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from .dataset import build_dataset

# Content types and permissions are recreated by `migrate`; the dump refers to them by
# natural key, so they are left out of it.
EXCLUDE = ["contenttypes", "auth.permission"]


def dump() -> list[dict]:
    out = io.StringIO()
    call_command(
        "dumpdata",
        "--natural-foreign",
        "--natural-primary",
        *[f"--exclude={label}" for label in EXCLUDE],
        stdout=out,
    )
    return json.loads(out.getvalue())


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy
    }


def canonical(objects: list[dict]) -> list[str]:
    return sorted(json.dumps(obj, sort_keys=True) for obj in objects)


@pytest.fixture
def restored(db, tmp_path):
    """Load the demo and the dataset, dump them, empty the database, load the dump."""
    call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
    build_dataset(a=("nordsjaellands-politi", "alleroed"), b=("fyns-politi", "odense"))
    before_counts = row_counts()
    before = dump()
    path = tmp_path / "portal.json"
    path.write_text(json.dumps(before), encoding="utf-8")
    # PostgreSQL refuses to TRUNCATE with foreign-key checks still pending in the transaction.
    connection.check_constraints()
    call_command("flush", "--no-input", verbosity=0)
    assert row_counts()["plans.Plan"] == 0
    call_command("loaddata", str(path), verbosity=0)
    return before_counts, before


def test_restore_gives_back_the_row_count_of_every_table(restored):
    before_counts, _ = restored
    assert row_counts() == before_counts


def test_restore_gives_back_every_field_of_every_row(restored):
    _, before = restored
    assert canonical(dump()) == canonical(before)


def test_dump_covers_every_table_the_portal_writes(restored):
    _, before = restored
    dumped = {obj["model"] for obj in before}
    for label in [
        "plans.plan",
        "plans.plansection",
        "plans.focusarea",
        "plans.activity",
        "plans.assignment",
        "plans.statusupdate",
        "plans.reportinground",
        "plans.annualcycleentry",
        "plans.planversion",
        "plans.workflowevent",
        "plans.historicalplan",
        "forums.forum",
        "councils.membership",
        "councils.secretariatstaff",
        "auth.group",
        "auth.user",
        "otp_totp.totpdevice",
    ]:
        assert label in dumped


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
