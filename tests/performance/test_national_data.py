"""`generate_national_data` on a tiny setting: the shape of the data, not its size."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, F, Q

from councils.models import Council, Municipality, PoliceDistrict
from demo.national_data import USERNAME_PREFIX, counts
from plans.models import Activity, Assignment, Plan, PlanVersion, ReportingRound, StatusUpdate

# Every test starts from one run of the command, made once for the module (below); each runs
# in a savepoint of its own inside it, so what one test generates or clears is gone before the
# next.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("generated")]

# A fixed day in the past: the data is the same on every run, and every date the publishing
# services check ("not in the future") lies before the real today.
TODAY = datetime.date(2025, 11, 25)


def generate(*extra):
    out = StringIO()
    call_command(
        "generate_national_data",
        "--years=2",
        "--activities=5",
        "--seed=7",
        f"--today={TODAY}",
        *extra,
        stdout=out,
    )
    return out.getvalue()


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        generate()
        yield
        transaction.set_rollback(True)


def test_every_district_has_exactly_one_current_plan_covering_today():
    current = Plan.objects.current()
    assert sorted(current.values_list("district_id", flat=True)) == sorted(
        PoliceDistrict.objects.values_list("pk", flat=True)
    )
    for plan in current:
        assert plan.period_start <= TODAY.year <= plan.period_end


def test_older_plans_are_superseded_and_every_public_plan_has_a_version_per_year():
    assert Plan.objects.filter(status=Plan.Status.SUPERSEDED).exists()
    for plan in Plan.objects.published():
        years = min(plan.period_end, TODAY.year) - plan.period_start + 1
        numbers = list(plan.versions.order_by("number").values_list("number", flat=True))
        assert numbers == list(range(1, years + 1))
    assert not PlanVersion.objects.filter(plan__status=Plan.Status.DRAFT).exists()


def test_current_plans_have_the_requested_activities():
    for plan in Plan.objects.current():
        assert Activity.objects.filter(focus_area__plan=plan).count() == 5
        assert plan.focus_areas.count() == 5


def test_every_lokalraad_has_an_assignment_for_every_all_lokalraad_activity():
    activities = Activity.objects.filter(
        focus_area__plan__status=Plan.Status.PUBLISHED,
        all_local_councils=True,
    ).select_related("focus_area__plan")
    assert activities.exists()
    for activity in activities:
        held = set(activity.assignments.values_list("council_id", flat=True))
        expected = set(
            Council.objects.active()
            .local()
            .filter(district_id=activity.focus_area.plan.district_id)
            .values_list("pk", flat=True)
        )
        assert held == expected


def test_each_assignment_shows_its_latest_update():
    checked = 0
    for assignment in Assignment.objects.all():
        latest = assignment.updates.order_by("-date", "-created_at", "-pk").first()
        if latest is None:
            assert (assignment.status, assignment.latest_update_id) == ("not_started", None)
            continue
        assert assignment.latest_update_id == latest.pk
        assert (assignment.status, assignment.status_date) == (latest.status, latest.date)
        checked += 1
    assert checked > Assignment.objects.count() / 2


def test_status_updates_fall_inside_their_round_and_never_after_today():
    assert StatusUpdate.objects.count() > Assignment.objects.count()
    assert not StatusUpdate.objects.filter(date__gt=TODAY).exists()
    early = StatusUpdate.objects.filter(
        reporting_round__isnull=False, date__lt=F("reporting_round__opened_on")
    )
    assert not early.exists()


def test_each_district_has_one_open_round_in_november_and_some_lokalraad_missing():
    open_rounds = ReportingRound.objects.open()
    assert open_rounds.count() == PoliceDistrict.objects.count()
    not_reported = (
        Assignment.objects.filter(activity__focus_area__plan__status=Plan.Status.PUBLISHED)
        .annotate(n=Count("updates", filter=Q(updates__reporting_round__closed_at__isnull=True)))
        .filter(n=0)
    )
    assert not_reported.exists()


def test_generated_users_cannot_sign_in_until_given_a_password():
    users = get_user_model().objects.filter(username__startswith=USERNAME_PREFIX)
    assert users.exists()
    assert not any(user.has_usable_password() for user in users)


def test_generated_members_are_in_their_role_groups():
    users = get_user_model().objects.filter(username__startswith=USERNAME_PREFIX)
    assert users.filter(groups__name="Sekretariat").count() == 2 * PoliceDistrict.objects.count()
    assert (
        users.filter(groups__name="Lokalrådssekretær").count()
        == Council.objects.filter(kind=Council.Kind.LOCAL).count()
    )


def test_command_refuses_to_generate_over_existing_data():
    with pytest.raises(CommandError, match="--clear"):
        generate()


def test_clear_replaces_the_data_with_the_same_data_for_the_same_seed():
    before = counts()
    output = generate("--clear")
    assert counts() == before
    assert "Nationale data dannet" in output


def test_clear_keeps_the_reference_data():
    generate("--clear")
    assert PoliceDistrict.objects.count() == 12
    assert Municipality.objects.count() == 98
    assert Council.objects.filter(kind=Council.Kind.LOCAL).count() == 98
