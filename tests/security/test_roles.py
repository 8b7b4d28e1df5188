"""The role groups from the migration, and the helpers that put users in them."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from councils import roles
from councils.models import Membership, SecretariatStaff


def test_migration_creates_the_three_role_groups(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Sekretariat", "Lokalrådssekretær", "Lokalrådsmedlem"} <= names


@pytest.mark.parametrize(
    "permission",
    [
        "plans.change_plan",
        "plans.add_focusarea",
        "councils.change_membership",
        "councils.add_stafffunction",
        "councils.change_stafffunction",
        "forums.add_forum",
    ],
)
def test_secretariat_may_edit_the_district_content(make_user, district, permission):
    user = make_user("sekretaer")
    roles.make_secretariat_staff(user=user, district=district)
    assert user.has_perm(permission)


@pytest.mark.parametrize(
    "permission",
    [
        "auth.change_user",
        "auth.add_user",
        "councils.change_secretariatstaff",
        "councils.change_policedistrict",
        "plans.change_statusupdate",
        "plans.delete_statusupdate",
        "plans.change_planversion",
        "plans.delete_planversion",
    ],
)
def test_secretariat_cannot_grant_rights_or_rewrite_history(make_user, district, permission):
    user = make_user("sekretaer")
    roles.make_secretariat_staff(user=user, district=district)
    assert not user.has_perm(permission)


def test_making_secretariat_staff_ties_the_user_to_one_district(
    make_user, district, other_district
):
    user = make_user("sekretaer")
    roles.make_secretariat_staff(user=user, district=district)
    roles.make_secretariat_staff(user=user, district=other_district)
    user.refresh_from_db()
    assert user.is_staff
    assert SecretariatStaff.objects.get(user=user).district == other_district
    assert list(user.groups.values_list("name", flat=True)) == ["Sekretariat"]


def test_removing_secretariat_staff_takes_away_staff_and_group(make_user, district):
    user = make_user("sekretaer")
    roles.make_secretariat_staff(user=user, district=district)
    roles.remove_secretariat_staff(user=user)
    user.refresh_from_db()
    assert not user.is_staff
    assert not user.groups.exists()
    assert not SecretariatStaff.objects.filter(user=user).exists()


def test_lokalraad_secretary_gets_the_secretary_group(make_user, esbjerg):
    user = make_user("sekr", council=esbjerg, role=Membership.Role.SECRETARY)
    assert roles.sync_council_groups(user=user) == "Lokalrådssekretær"
    assert user.has_perm("plans.change_activity")


def test_lokalraad_member_gets_the_member_group(make_user, esbjerg):
    user = make_user("medlem", council=esbjerg)
    assert roles.sync_council_groups(user=user) == "Lokalrådsmedlem"
    assert user.has_perm("plans.add_statusupdate")
    assert not user.has_perm("plans.change_activity")


def test_member_group_follows_a_changed_role(make_user, esbjerg):
    user = make_user("sekr", council=esbjerg, role=Membership.Role.SECRETARY)
    roles.sync_council_groups(user=user)
    Membership.objects.filter(person__user=user).update(role=Membership.Role.MEMBER)
    roles.sync_council_groups(user=user)
    assert list(user.groups.values_list("name", flat=True)) == ["Lokalrådsmedlem"]


def test_user_without_membership_leaves_the_council_groups(make_user, esbjerg):
    user = make_user("tidligere", council=esbjerg)
    roles.sync_council_groups(user=user)
    Membership.objects.filter(person__user=user).delete()
    assert roles.sync_council_groups(user=user) is None
    assert not user.groups.exists()


def test_kredsraad_membership_gives_no_lokalraad_group(make_user, district):
    user = make_user("borgmester", council=district.district_council, role=Membership.Role.MEMBER)
    assert roles.sync_council_groups(user=user) is None


def test_secretariat_command_ties_the_user_to_the_district(make_user, district):
    user = make_user("ny-sekretaer")
    call_command("secretariat", "ny-sekretaer", district.slug, stdout=io.StringIO())
    user.refresh_from_db()
    assert user.is_staff
    assert user.secretariat.district == district


def test_secretariat_command_refuses_an_unknown_district(make_user):
    make_user("ny-sekretaer")
    with pytest.raises(CommandError, match="Ukendt politikreds"):
        call_command("secretariat", "ny-sekretaer", "atlantis", stdout=io.StringIO())


def test_secretariat_command_removes_the_role(make_user, district):
    user = make_user("tidligere-sekretaer")
    roles.make_secretariat_staff(user=user, district=district)
    call_command("secretariat", "tidligere-sekretaer", "--remove", stdout=io.StringIO())
    user.refresh_from_db()
    assert not user.is_staff


def test_sync_council_groups_command_fixes_every_member(make_user, esbjerg, toender):
    secretary = make_user("sekr", council=toender, role=Membership.Role.SECRETARY)
    member = make_user("medlem", council=esbjerg)
    out = io.StringIO()
    call_command("sync_council_groups", stdout=out)
    assert list(secretary.groups.values_list("name", flat=True)) == ["Lokalrådssekretær"]
    assert list(member.groups.values_list("name", flat=True)) == ["Lokalrådsmedlem"]
    assert "2 brugere" in out.getvalue()
