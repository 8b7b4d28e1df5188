"""A lokalråd has reported in a round when every assignment it holds on the round's plan has
an update in the round, whoever reported it (plans/reporting.py)."""

import pytest

from councils.models import Council
from plans.models import Assignment, ReportingRound
from plans.reporting import councils_not_reported, round_completeness

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan_once")]


def held(council, plan):
    return list(Assignment.objects.filter(council=council, activity__focus_area__plan=plan))


def by_slug(reporting_round):
    return {row.council.slug: row for row in round_completeness(reporting_round)}


def test_every_active_lokalraad_with_assignments_is_expected(plan, open_round, district):
    expected = set(
        Council.objects.filter(district=district, kind="local", is_active=True).values_list(
            "slug", flat=True
        )
    )
    assert set(by_slug(open_round)) == expected
    assert "kredsraadet" not in by_slug(open_round)


def test_lokalraad_with_every_assignment_reported_by_several_members_has_reported(
    plan, open_round, esbjerg, member, make_user, report
):
    colleague = make_user("esbjerg-kollega", council=esbjerg)
    assignments = held(esbjerg, plan)
    for index, assignment in enumerate(assignments):
        report(assignment, member if index % 2 else colleague)
    row = by_slug(open_round)["esbjerg"]
    assert (row.held, row.reported, row.has_reported) == (4, 4, True)


def test_lokalraad_with_one_assignment_missing_has_not_reported(
    plan, open_round, esbjerg, member, report
):
    for assignment in held(esbjerg, plan)[:-1]:
        report(assignment, member)
    row = by_slug(open_round)["esbjerg"]
    assert (row.reported, row.missing, row.has_reported) == (3, 1, False)


def test_several_reports_on_one_assignment_count_once(plan, open_round, esbjerg, member, report):
    first = held(esbjerg, plan)[0]
    report(first, member)
    report(first, member, status="done")
    assert by_slug(open_round)["esbjerg"].reported == 1


def test_reports_before_the_round_do_not_count(plan, district, esbjerg, member, report, today):
    for assignment in held(esbjerg, plan):
        report(assignment, member)
    later = ReportingRound.objects.create(
        district=district, plan=plan, name="Status december", deadline=today
    )
    assert by_slug(later)["esbjerg"].reported == 0


def test_lokalraad_covering_two_municipalities_reports_once_per_activity(
    plan, open_round, two_municipality_council, make_user, report
):
    varde_member = make_user("varde-medlem", council=two_municipality_council)
    fanoe_member = make_user("fanoe-medlem", council=two_municipality_council)
    assignments = held(two_municipality_council, plan)
    assert len(assignments) == 4
    for assignment in assignments[:2]:
        report(assignment, varde_member)
    for assignment in assignments[2:]:
        report(assignment, fanoe_member)
    rows = by_slug(open_round)
    assert rows["sydvest"].has_reported
    assert "varde" not in rows
    assert "fanoe" not in rows


def test_councils_not_reported_lists_exactly_the_incomplete(
    plan, open_round, esbjerg, toender, member, other_member, report
):
    for assignment in held(esbjerg, plan):
        report(assignment, member)
    report(held(toender, plan)[0], other_member)
    missing = {council.slug for council in councils_not_reported(open_round)}
    assert "esbjerg" not in missing
    assert "toender" in missing
    assert len(missing) == 7


def test_named_activity_is_only_expected_from_the_named_lokalraad(
    plan, open_round, esbjerg, toender, member, report
):
    from plans.models import Activity
    from plans.services import sync_assignments

    activity = Activity.objects.create(
        focus_area=plan.focus_areas.first(),
        text="Nabohjælp i Tønder",
    )
    activity.responsible_councils.set([toender])
    sync_assignments(activity=activity)
    for assignment in held(esbjerg, plan):
        report(assignment, member)
    rows = by_slug(open_round)
    assert rows["esbjerg"].has_reported
    assert rows["toender"].held == 5
