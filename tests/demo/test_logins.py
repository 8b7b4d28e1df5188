"""Every demo login signs in and has the role its name promises."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password

from councils.models import Membership
from demo.loader import LoginState, load_demo
from demo.people import DEMO_LOGINS

LOGINS = {login.username: login for login in DEMO_LOGINS}


def _user(username):
    return get_user_model().objects.get(username=username)


@pytest.mark.parametrize("login", DEMO_LOGINS, ids=lambda login: login.username)
def test_demo_login_signs_in_with_its_password(demo, client, login):
    assert client.login(username=login.username, password=login.password)


@pytest.mark.parametrize("login", DEMO_LOGINS, ids=lambda login: login.username)
def test_demo_password_passes_the_password_validators(demo, login):
    validate_password(login.password, _user(login.username))


def test_admin_is_a_superuser(demo):
    user = _user("admin")

    assert user.is_superuser and user.is_staff


def test_secretariat_is_staff_of_syd_og_soenderjylland_only(demo):
    user = _user("sekretariat")

    assert user.is_staff and not user.is_superuser
    assert user.secretariat.district == demo.district
    assert list(user.groups.values_list("name", flat=True)) == ["Sekretariat"]
    assert user.has_perm("plans.change_plan") and user.has_perm("forums.change_forum")


@pytest.mark.parametrize(
    ("username", "council", "role", "group"),
    [
        ("esbjerg-sekretaer", "esbjerg", Membership.Role.SECRETARY, "Lokalrådssekretær"),
        ("esbjerg-medlem", "esbjerg", Membership.Role.MEMBER, "Lokalrådsmedlem"),
        ("toender-medlem", "toender", Membership.Role.MEMBER, "Lokalrådsmedlem"),
        ("randers-medlem", "randers", Membership.Role.MEMBER, "Lokalrådsmedlem"),
    ],
)
def test_member_login_sits_in_its_lokalraad(demo, username, council, role, group):
    user = _user(username)
    membership = Membership.objects.get(person__user=user)

    assert (membership.council.slug, membership.role) == (council, role)
    assert not user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == [group]


def test_east_jutland_secretariat_is_staff_of_oestjylland_only(demo):
    user = _user("sekretariat-oest")

    assert user.is_staff and not user.is_superuser
    assert user.secretariat.district.slug == "oestjyllands-politi"
    assert list(user.groups.values_list("name", flat=True)) == ["Sekretariat"]


@pytest.mark.parametrize(("username", "status"), [("admin", 200), ("sekretariat", 200)])
def test_staff_logins_open_the_admin(demo, client, username, status):
    client.force_login(_user(username))

    assert client.get("/admin/").status_code == status


@pytest.mark.parametrize("username", ["esbjerg-sekretaer", "esbjerg-medlem", "toender-medlem"])
def test_member_logins_are_sent_away_from_the_admin(demo, client, username):
    client.force_login(_user(username))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_changed_demo_password_is_restored_on_the_next_run(demo, client):
    user = _user("esbjerg-medlem")
    user.set_password("et-helt-andet-kodeord")
    user.save()

    result = load_demo()

    assert {lg.username: state for lg, state in result.logins}["esbjerg-medlem"] == (
        LoginState.PASSWORD_RESET
    )
    assert client.login(username="esbjerg-medlem", password=LOGINS["esbjerg-medlem"].password)
