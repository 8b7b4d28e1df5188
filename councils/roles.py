"""Roles: who gets which group. The groups and their permissions come from a migration
(portal/migrations/0001_role_groups.py); docs/operations.md describes them for operators.

- Sekretariat: staff of one district's secretariat (`SecretariatStaff` ties the user to it).
- Lokalrådssekretær: a person with the role "sekretær" in a lokalråd or lokalråd+.
- Lokalrådsmedlem: any other member of a lokalråd or lokalråd+.
- The national administrator is a superuser and belongs to no group.
"""

from django.contrib.auth.models import Group
from django.db import transaction

from councils.models import MEMBER_KINDS, Membership, PoliceDistrict, SecretariatStaff

SECRETARIAT = "Sekretariat"
COUNCIL_SECRETARY = "Lokalrådssekretær"
COUNCIL_MEMBER = "Lokalrådsmedlem"
ROLE_GROUPS = (SECRETARIAT, COUNCIL_SECRETARY, COUNCIL_MEMBER)

LOCAL_KINDS = MEMBER_KINDS


@transaction.atomic
def make_secretariat_staff(*, user, district: PoliceDistrict) -> SecretariatStaff:
    """Make the user staff of the district's secretariat (and of no other district)."""
    user.is_staff = True
    user.full_clean()
    user.save(update_fields=["is_staff"])
    staff, _ = SecretariatStaff.objects.update_or_create(user=user, defaults={"district": district})
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return staff


@transaction.atomic
def remove_secretariat_staff(*, user) -> None:
    """Take the user out of the secretariat: no staff flag, no district, no group."""
    SecretariatStaff.objects.filter(user=user).delete()
    user.groups.remove(Group.objects.get(name=SECRETARIAT))
    if not user.is_superuser:
        user.is_staff = False
        user.save(update_fields=["is_staff"])


def council_group_for(user) -> str | None:
    """The lokalråd group the user's memberships call for, if any."""
    memberships = Membership.objects.filter(
        person__user=user, council__kind__in=LOCAL_KINDS, council__is_active=True
    )
    if memberships.filter(role=Membership.Role.SECRETARY).exists():
        return COUNCIL_SECRETARY
    if memberships.exists():
        return COUNCIL_MEMBER
    return None


@transaction.atomic
def sync_council_groups(*, user) -> str | None:
    """Put the user in the lokalråd group their memberships call for, and out of the other.

    Call it after adding, changing or ending a membership of a person with a login.
    Returns the group the user is now in, or None.
    """
    wanted = council_group_for(user)
    groups = {group.name: group for group in Group.objects.filter(name__in=ROLE_GROUPS)}
    for name in (COUNCIL_SECRETARY, COUNCIL_MEMBER):
        if name == wanted:
            user.groups.add(groups[name])
        else:
            user.groups.remove(groups[name])
    return wanted
