"""django-axes: repeated wrong passwords lock the username and address out, on the admin's
and the site's sign-in; passwords shorter than 12 characters are refused."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD

pytestmark = pytest.mark.usefixtures("axes_on")

ADMIN_LOGIN = "/admin/login/"


def fail(client, url, username, times, **extra):
    response = None
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "forkert-kode-123"}, **extra)
    return response


def test_admin_sign_in_locks_after_five_wrong_passwords(client, staff):
    assert fail(client, ADMIN_LOGIN, staff.username, 4).status_code == 200
    response = fail(client, ADMIN_LOGIN, staff.username, 1)
    assert response.status_code == 429
    assert "Login midlertidigt spærret" in response.text


def test_locked_account_cannot_sign_in_with_the_right_password(client, staff):
    fail(client, ADMIN_LOGIN, staff.username, 5)
    response = client.post(ADMIN_LOGIN, {"username": staff.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_site_sign_in_locks_after_five_wrong_passwords(client, make_user):
    user = make_user("medlem")
    url = reverse("accounts:login")
    assert fail(client, url, user.username, 4).status_code == 200
    locked = fail(client, url, user.username, 1)
    assert locked.status_code == 429
    assert "Login midlertidigt spærret" in locked.text
    response = client.post(url, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_page_says_when_to_try_again(client, staff, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    response = fail(client, ADMIN_LOGIN, staff.username, 5)
    attempt = AccessAttempt.objects.get(username=staff.username)
    retry_at = timezone.localtime(attempt.attempt_time + datetime.timedelta(minutes=15))
    assert f"kl. {retry_at:%H:%M}" in response.text
    assert "15 minutter" in response.text


def test_lockout_ends_after_the_cool_off(client, staff):
    fail(client, ADMIN_LOGIN, staff.username, 5)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=16))
    response = client.post(ADMIN_LOGIN, {"username": staff.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_lockout_is_for_the_address_not_every_address(client, staff):
    fail(client, ADMIN_LOGIN, staff.username, 5, REMOTE_ADDR="203.0.113.7")
    response = client.post(
        ADMIN_LOGIN,
        {"username": staff.username, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.20",
    )
    assert response.status_code == 302


def test_a_successful_sign_in_resets_the_count(client, staff):
    fail(client, ADMIN_LOGIN, staff.username, 4)
    client.post(ADMIN_LOGIN, {"username": staff.username, "password": PASSWORD})
    client.logout()
    assert fail(client, ADMIN_LOGIN, staff.username, 4).status_code == 200


def test_behind_the_proxy_the_forwarded_address_is_locked(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    fail(client, ADMIN_LOGIN, staff.username, 5, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    response = client.post(
        ADMIN_LOGIN,
        {"username": staff.username, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code == 302


def test_a_forged_forwarded_address_does_not_escape_the_lockout(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    fail(client, ADMIN_LOGIN, staff.username, 5, HTTP_X_FORWARDED_FOR="203.0.113.7")
    # The attacker adds an address of their choice; nginx appends the real one at the right.
    response = client.post(
        ADMIN_LOGIN,
        {"username": staff.username, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.99, 203.0.113.7",
    )
    assert response.status_code == 429


def test_password_of_eleven_characters_is_refused(make_user):
    user = make_user("medlem")
    with pytest.raises(ValidationError) as error:
        validate_password("Kx7#pl2$vQ9", user=user)
    assert "password_too_short" in {e.code for e in error.value.error_list}


def test_password_of_twelve_characters_is_accepted(make_user):
    user = make_user("medlem")
    assert validate_password("Kx7#pl2$vQ9m", user=user) is None


def test_new_password_form_refuses_eleven_characters_in_danish(make_user):
    user = make_user("medlem")
    form = SetPasswordForm(user, {"new_password1": "Kx7#pl2$vQ9", "new_password2": "Kx7#pl2$vQ9"})
    assert not form.is_valid()
    assert "mindst 12 tegn" in str(form.errors["new_password2"])
    assert get_user_model().objects.get(pk=user.pk).check_password(PASSWORD)
