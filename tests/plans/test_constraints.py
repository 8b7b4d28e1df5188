import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import CheckConstraint
from django.test.utils import CaptureQueriesContext

from forums.models import Forum
from plans.models import (
    Activity,
    AnnualCycleEntry,
    Assignment,
    FocusArea,
    FocusAreaGroup,
    Goal,
    Plan,
    PlanVersion,
    ReportingRound,
    StatusUpdate,
)
from tests.groups import group_for

pytestmark = pytest.mark.django_db


def rejected(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_plan_start_year_after_end_year_is_rejected(district):
    rejected(lambda: Plan.objects.create(district=district, period_start=2019, period_end=2018))


def test_plan_longer_than_four_years_is_rejected(district):
    rejected(lambda: Plan.objects.create(district=district, period_start=2017, period_end=2021))


def test_plan_period_validation_message_is_danish(district):
    plan = Plan(district=district, period_start=2019, period_end=2018)
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "Slutåret kan ikke ligge før startåret." in error.value.message_dict["period_end"]


def test_two_plans_for_the_same_district_and_period_are_rejected(district, make_plan):
    make_plan(district)
    rejected(lambda: Plan.objects.create(district=district, period_start=2017, period_end=2018))


def test_only_one_current_plan_per_district(district, make_plan):
    make_plan(district, status=Plan.Status.PUBLISHED)
    rejected(lambda: make_plan(district, start=2019, end=2020, status=Plan.Status.PUBLISHED))


def test_unknown_plan_status_is_rejected(district):
    rejected(
        lambda: Plan.objects.create(
            district=district, period_start=2017, period_end=2017, status="secret"
        )
    )


def test_focus_area_without_a_group_is_rejected(district, make_plan):
    plan = make_plan(district)
    rejected(lambda: FocusArea.objects.create(plan=plan, title="Uden gruppe"))


def test_unknown_focus_area_group_kind_is_rejected(district, make_plan):
    plan = make_plan(district)
    rejected(lambda: FocusAreaGroup.objects.create(plan=plan, heading="Andre", kind="regional"))


def test_goal_of_unknown_party_or_without_text_is_rejected(district, make_plan):
    plan = make_plan(district)
    rejected(lambda: Goal.objects.create(plan=plan, party="borgmester", text="Mere tryghed"))
    rejected(lambda: Goal.objects.create(plan=plan, party="police", text=""))


def test_a_police_unit_needs_the_police(district, make_plan):
    area = make_plan(district).focus_areas.get()
    rejected(
        lambda: Activity.objects.create(
            focus_area=area, text="x", secretariat=True, police_unit="Lokalpolitiet"
        )
    )


def test_a_forum_may_carry_an_activity_with_others(district, make_plan):
    area = make_plan(district).focus_areas.get()
    forum = Forum.objects.create(district=district, name="SSP", slug="ssp", kind="ssp")
    activity = Activity.objects.create(
        focus_area=area, text="x", all_local_councils=True, police=True, forum=forum
    )
    assert activity.actors_display == "Politiet, SSP og alle lokalråd"


def test_one_assignment_per_activity_and_council(district, esbjerg, make_plan):
    activity = Activity.objects.filter(focus_area__plan=make_plan(district)).first()
    rejected(lambda: Assignment.objects.create(activity=activity, council=esbjerg))


def test_status_update_needs_public_text(district, esbjerg, make_plan):
    assignment = Assignment.objects.filter(
        council=esbjerg, activity__focus_area__plan=make_plan(district)
    ).first()
    rejected(
        lambda: StatusUpdate.objects.create(assignment=assignment, status="done", public_text="")
    )


def test_status_update_status_must_be_known(district, esbjerg, make_plan):
    assignment = Assignment.objects.filter(
        council=esbjerg, activity__focus_area__plan=make_plan(district)
    ).first()
    rejected(
        lambda: StatusUpdate.objects.create(
            assignment=assignment, status="finished", public_text="x"
        )
    )


def test_status_update_cannot_be_changed_or_deleted(district, esbjerg, make_plan):
    assignment = Assignment.objects.filter(
        council=esbjerg, activity__focus_area__plan=make_plan(district)
    ).first()
    update = StatusUpdate.objects.create(assignment=assignment, status="done", public_text="Ok")
    update.public_text = "Ændret"
    with pytest.raises(ValidationError):
        update.save()
    with pytest.raises(ValidationError):
        update.delete()
    assert StatusUpdate.objects.get().public_text == "Ok"


def test_one_open_reporting_round_per_district(district, make_plan, today):
    plan = make_plan(district)
    ReportingRound.objects.create(district=district, plan=plan, name="Juni", deadline=today)
    rejected(
        lambda: ReportingRound.objects.create(
            district=district, plan=plan, name="Juni igen", deadline=today
        )
    )


def test_round_deadline_cannot_precede_opening(district, make_plan, today):
    plan = make_plan(district)
    rejected(
        lambda: ReportingRound.objects.create(
            district=district,
            plan=plan,
            name="Baglæns",
            opened_on=today,
            deadline=today.replace(year=today.year - 1),
        )
    )


@pytest.mark.parametrize(
    ("month", "quarter"), [(None, None), (3, 1), (13, None), (None, 5), (0, None)]
)
def test_annual_cycle_entry_needs_one_valid_month_or_quarter(district, make_plan, month, quarter):
    plan = make_plan(district)
    rejected(
        lambda: AnnualCycleEntry.objects.create(
            plan=plan, title="Møde", month=month, quarter=quarter
        )
    )


def test_plan_version_numbers_are_unique_per_plan(district, make_plan, today):
    plan = make_plan(district)
    PlanVersion.objects.create(plan=plan, number=1, published_on=today, snapshot={})
    rejected(
        lambda: PlanVersion.objects.create(plan=plan, number=1, published_on=today, snapshot={})
    )


def test_plan_period_before_2000_is_rejected(district):
    rejected(lambda: Plan.objects.create(district=district, period_start=1999, period_end=1999))


def test_two_focus_areas_with_the_same_rank_in_a_group_are_rejected(make_plan, district):
    plan = make_plan(district)
    group = group_for(plan, "national", ranked=True)
    FocusArea.objects.create(plan=plan, group=group, title="Først", rank=1, order=8)
    rejected(
        lambda: FocusArea.objects.create(
            plan=plan, group=group, title="Også først", rank=1, order=9
        )
    )


def test_the_same_rank_in_two_groups_is_accepted(make_plan, district):
    plan = make_plan(district)
    national = group_for(plan, "national", ranked=True)
    police = group_for(plan, "police", ranked=True)
    FocusArea.objects.create(plan=plan, group=national, title="Først", rank=1, order=8)
    FocusArea.objects.create(plan=plan, group=police, title="Også først", rank=1, order=9)


def test_a_police_unit_alone_is_refused_next_to_its_field(make_plan, district):
    area = make_plan(district).focus_areas.first()
    activity = Activity(focus_area=area, text="Ukendt", police_unit="Lokalpolitiet")
    with pytest.raises(ValidationError) as refused:
        activity.full_clean()
    assert "police_unit" in refused.value.message_dict


def test_version_number_zero_is_rejected(make_plan, district):
    plan = make_plan(district)
    rejected(
        lambda: PlanVersion.objects.create(
            plan=plan, number=0, published_on=datetime.date(2017, 1, 2), snapshot={}
        )
    )


def test_published_version_cannot_be_changed(make_plan, district):
    version = PlanVersion.objects.create(
        plan=make_plan(district),
        number=1,
        published_on=datetime.date(2017, 1, 2),
        snapshot={"a": 1},
    )
    version.snapshot = {"a": 2}
    with pytest.raises(ValidationError):
        version.save()
    assert PlanVersion.objects.get(pk=version.pk).snapshot == {"a": 1}


def test_published_version_cannot_be_deleted(make_plan, district):
    version = PlanVersion.objects.create(
        plan=make_plan(district), number=1, published_on=datetime.date(2017, 1, 2), snapshot={}
    )
    with pytest.raises(ValidationError):
        version.delete()
    assert PlanVersion.objects.filter(pk=version.pk).exists()


def test_published_version_may_get_its_pdf_later(make_plan, district):
    version = PlanVersion.objects.create(
        plan=make_plan(district), number=1, published_on=datetime.date(2017, 1, 2), snapshot={}
    )
    version.pdf.name = "plans/pdf/samarbejdsplan.pdf"
    version.save(update_fields=["pdf"])
    assert PlanVersion.objects.get(pk=version.pk).pdf.name == "plans/pdf/samarbejdsplan.pdf"


def check_queries(queries) -> list[str]:
    return [query["sql"] for query in queries if '"_check"' in query["sql"]]


def test_a_valid_plans_check_constraints_are_asked_in_one_query(make_plan, district):
    """One query for all the check constraints, where Django asks each alone (forced by
    excluding a field no constraint reads); the conditional unique constraint asks its own."""
    plan = make_plan(district)
    checks = [c for c in Plan._meta.constraints if isinstance(c, CheckConstraint)]
    assert len(checks) >= 4
    with CaptureQueriesContext(connection) as together:
        plan.full_clean()
    with CaptureQueriesContext(connection) as each:
        plan.full_clean(exclude={"updated_at"})
    asked_together = check_queries(together.captured_queries)
    assert len(asked_together) == len(check_queries(each.captured_queries)) - (len(checks) - 1)
    assert "2017 <= 2018 AND" in asked_together[0]  # the period checks, together


@pytest.mark.parametrize(
    "change",
    [
        {"period_start": 2019, "period_end": 2018},
        {"period_start": 1900, "period_end": 1901},
        {"period_start": 2017, "period_end": 2030},
    ],
)
def test_a_failing_check_is_named_as_when_each_is_asked_alone(make_plan, district, change):
    """Asked together first, the checks still report the one that fails, under its field and in
    its Danish words, exactly as Django's one query per constraint does (forced here by excluding
    a field no constraint reads)."""
    plan = make_plan(district)
    for name, value in change.items():
        setattr(plan, name, value)
    with pytest.raises(ValidationError) as together:
        plan.validate_constraints()
    with pytest.raises(ValidationError) as each:
        plan.validate_constraints(exclude={"updated_at"})
    assert together.value.message_dict == each.value.message_dict
    assert together.value.message_dict  # a Danish message under a field
