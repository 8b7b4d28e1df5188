"""The two rules written once in councils: which districts a user may manage
(`PoliceDistrict.objects.managed_by`) and which lokalråd a user is a member of
(`Council.objects.for_member`), with the friends built on them and the admin's scope that is
handed the first one at startup."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from base.admin import DistrictScope
from councils.models import Council, Membership, Person, PoliceDistrict, SecretariatStaff
from plans.models import Activity, Assignment, Plan, ReportingRound
from plans.services import sync_assignments

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as the next request loads it (no cached `secretariat`)."""
    return get_user_model().objects.get(pk=user.pk)


def deactivated(user):
    user.is_active = False
    user.save(update_fields=["is_active"])
    return fresh(user)


@pytest.fixture
def superuser(make_user):
    return make_user("landsadmin", superuser=True)


@pytest.fixture
def secretariat(make_user, district):
    user = make_user("sekretariat", staff=True)
    SecretariatStaff.objects.create(user=user, district=district)
    return fresh(user)


@pytest.fixture
def member(make_user, esbjerg):
    return make_user("esbjerg-medlem", council=esbjerg)


def managed(user):
    return set(PoliceDistrict.objects.managed_by(user))


# --- PoliceDistrict.objects.managed_by ------------------------------------------------------


def test_an_active_superuser_manages_every_district_unfiltered(superuser):
    districts = PoliceDistrict.objects.managed_by(superuser)
    assert set(districts) == set(PoliceDistrict.objects.all())
    assert len(districts) == 12
    assert not districts.query.where  # no WHERE at all, not an IN over every district


def test_a_superuser_without_staff_status_still_manages_every_district(make_user):
    user = make_user("uden-staff")
    user.is_superuser = True
    assert len(PoliceDistrict.objects.managed_by(user)) == 12


def test_secretariat_staff_manage_their_own_district_only(secretariat, district):
    assert managed(secretariat) == {district}


def test_secretariat_staff_of_another_district_manage_that_one(make_user, district, other_district):
    user = make_user("fyn", staff=True)
    SecretariatStaff.objects.create(user=user, district=other_district)
    assert managed(fresh(user)) == {other_district}


def test_a_superuser_with_a_secretariat_post_still_manages_every_district(
    superuser, other_district
):
    SecretariatStaff.objects.create(user=superuser, district=other_district)
    assert len(PoliceDistrict.objects.managed_by(fresh(superuser))) == 12


def test_staff_without_a_secretariat_post_manage_no_district(make_user):
    assert managed(make_user("kun-staff", staff=True)) == set()


def test_a_secretariat_post_without_staff_status_manages_no_district(make_user, district):
    user = make_user("ikke-staff")
    SecretariatStaff.objects.create(user=user, district=district)
    assert managed(fresh(user)) == set()


@pytest.mark.parametrize("who", ["superuser", "secretariat"])
def test_an_inactive_user_manages_no_district(request, who):
    assert managed(deactivated(request.getfixturevalue(who))) == set()


def test_a_lokalraad_member_manages_no_district(member):
    assert managed(member) == set()


def test_the_anonymous_user_manages_no_district():
    assert managed(AnonymousUser()) == set()


def test_managed_by_narrows_a_queryset_already_filtered(secretariat, district):
    assert set(PoliceDistrict.objects.filter(slug=district.slug).managed_by(secretariat)) == {
        district
    }
    assert not PoliceDistrict.objects.exclude(pk=district.pk).managed_by(secretariat).exists()


# --- Council.objects.for_member -------------------------------------------------------------


def test_a_member_is_a_member_of_their_lokalraad(member, esbjerg):
    assert list(Council.objects.for_member(member)) == [esbjerg]


def test_each_lokalraad_once_and_by_name_across_districts(member, esbjerg, other_district):
    # Kerteminde (Fyn) comes after Esbjerg by name, before it by district (the model's order).
    kerteminde = Council.objects.get(district=other_district, name__icontains="Kerteminde")
    Membership.objects.create(person=member.person, council=kerteminde)
    assert list(Council.objects.for_member(member)) == [esbjerg, kerteminde]


def test_a_former_member_is_no_longer_a_member(member):
    member.person.memberships.all().delete()
    assert not Council.objects.for_member(member).exists()


def test_a_member_of_an_inactive_lokalraad_is_a_member_of_none(member, esbjerg):
    esbjerg.is_active = False
    esbjerg.save()
    assert not Council.objects.for_member(member).exists()


def test_a_seat_in_the_kredsraad_is_not_a_lokalraad(make_user, district):
    user = make_user("kredsraad", council=district.district_council)
    assert not Council.objects.for_member(user).exists()


def test_a_seat_in_a_lokalraad_plus_counts_but_not_for_the_handleplan(make_user, district):
    # A lokalråd+ can carry activities, and its members report on them; the handleplan (local
    # focus areas) stays the lokalråd's.
    esbjerg = Council.objects.get(district=district, slug="esbjerg")
    plus = Council.objects.create(
        district=district,
        kind=Council.Kind.LOCAL_PLUS,
        name="Lokalråd+ Esbjerg",
        slug="esbjerg-plus",
        parent=esbjerg,
    )
    user = make_user("plus-sekretaer", council=plus, role=Membership.Role.SECRETARY)
    assert list(Council.objects.for_member(user)) == [plus]
    only_lokalraad = Council.objects.for_member(
        user, role=Membership.Role.SECRETARY, kinds=(Council.Kind.LOCAL,)
    )
    assert not only_lokalraad.exists()


def test_a_seat_held_by_a_function_makes_no_one_a_member(make_user, esbjerg):
    user = make_user("uden-plads")
    Person.objects.create(name="Uden plads", user=user)
    Membership.objects.create(council=esbjerg, title="Borgmester", organisation="Esbjerg Kommune")
    assert not Council.objects.for_member(user).exists()


def test_an_inactive_member_is_a_member_of_none(member):
    assert not Council.objects.for_member(deactivated(member)).exists()


def test_the_anonymous_user_is_a_member_of_none():
    assert not Council.objects.for_member(AnonymousUser()).exists()


@pytest.mark.parametrize("who", ["superuser", "secretariat"])
def test_managing_a_district_makes_no_one_a_member(request, who):
    assert not Council.objects.for_member(request.getfixturevalue(who)).exists()


def test_someone_elses_seat_does_not_count(make_user, esbjerg):
    make_user("andet-medlem", council=esbjerg)
    user = make_user("uden-plads")
    Person.objects.create(name="Uden plads", user=user)
    assert not Council.objects.for_member(user).exists()


def test_with_a_role_only_the_seats_with_that_role(make_user, esbjerg, toender):
    user = make_user("sekretaer", council=esbjerg, role=Membership.Role.SECRETARY)
    Membership.objects.create(person=user.person, council=toender)
    assert set(Council.objects.for_member(user)) == {esbjerg, toender}
    assert list(Council.objects.for_member(user, role=Membership.Role.SECRETARY)) == [esbjerg]


# --- The admin's scope is handed the same rule ----------------------------------------------


@pytest.mark.parametrize(
    "who", ["superuser", "secretariat", "staff", "member", "inactive", "anonymous"]
)
def test_the_admin_scope_follows_managed_by(request, make_user, district, who):
    user = {
        "superuser": lambda: request.getfixturevalue("superuser"),
        "secretariat": lambda: request.getfixturevalue("secretariat"),
        "staff": lambda: make_user("kun-staff", staff=True),
        "member": lambda: request.getfixturevalue("member"),
        "inactive": lambda: deactivated(request.getfixturevalue("secretariat")),
        "anonymous": AnonymousUser,
    }[who]()
    scope = DistrictScope.for_user(user)
    expected = {
        "superuser": DistrictScope(every=True),
        "secretariat": DistrictScope(district_id=district.pk),
    }.get(who, DistrictScope())
    assert scope == expected
    assert set(scope.restrict(PoliceDistrict.objects.all(), "pk")) == managed(user)


# --- Friends in plans: plans and rounds they manage, assignments of their lokalråd ---------


@pytest.fixture
def plans(make_plan, district, other_district):
    return make_plan(district, activities=1), make_plan(other_district, activities=1)


@pytest.fixture
def rounds(plans, district, other_district):
    deadline = datetime.date.today() + datetime.timedelta(days=14)
    return tuple(
        ReportingRound.objects.create(
            district=plan.district, plan=plan, name="Status", deadline=deadline
        )
        for plan in plans
    )


@pytest.mark.parametrize("model", [Plan, ReportingRound])
def test_plans_and_rounds_follow_the_districts(model, plans, rounds, superuser, secretariat):
    own, other = rounds if model is ReportingRound else plans
    assert set(model.objects.managed_by(superuser)) == {own, other}
    assert not model.objects.managed_by(superuser).query.where
    assert set(model.objects.managed_by(secretariat)) == {own}
    assert set(model.objects.managed_by(deactivated(secretariat))) == set()
    assert set(model.objects.managed_by(AnonymousUser())) == set()


def test_assignments_are_those_of_the_members_lokalraad_on_published_plans(
    member, make_plan, district, esbjerg
):
    plan = make_plan(district, activities=2, status=Plan.Status.PUBLISHED)
    make_plan(district, start=2019, end=2020, activities=1)  # a draft: not shown
    # The member also sits in the kredsråd, which holds the district-level activities.
    kredsraad = district.district_council
    Membership.objects.create(person=member.person, council=kredsraad)
    activity = Activity.objects.create(
        focus_area=plan.focus_areas.get(),
        text="Kredsrådets aktivitet",
        district_council=True,
        order=9,
    )
    sync_assignments(activity=activity)
    assert Assignment.objects.filter(council=kredsraad).exists()
    assignments = Assignment.objects.for_user(member)
    assert {assignment.council for assignment in assignments} == {esbjerg}
    assert assignments.count() == 2
    esbjerg.is_active = False
    esbjerg.save()
    assert not Assignment.objects.for_user(member).exists()
    assert not Assignment.objects.for_user(AnonymousUser()).exists()
