"""Staff second factor (django-otp TOTP): with REQUIRE_STAFF_OTP the admin waits for a
verified code; the setup page lets a staff member enrol an authenticator app."""

import pytest
from django.core import checks
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.security import check_staff_otp

SETUP = reverse("twofactor:setup")
VERIFY = reverse("twofactor:verify")


@pytest.fixture
def signed_in(client, staff):
    client.force_login(staff)
    return client


def test_staff_without_device_is_sent_to_setup(otp_required, signed_in):
    response = signed_in.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2F"


def test_staff_without_device_cannot_open_an_admin_change_list(otp_required, signed_in):
    response = signed_in.get("/admin/auth/user/")
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)


def test_staff_with_unverified_device_is_sent_to_verify(otp_required, signed_in, totp_device):
    response = signed_in.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"


def test_valid_code_opens_the_admin(otp_required, signed_in, totp_device, token_for):
    response = signed_in.post(VERIFY, {"token": token_for(totp_device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert signed_in.get("/admin/").status_code == 200


def test_wrong_code_keeps_the_admin_closed(otp_required, signed_in, totp_device, token_for):
    wrong = f"{(int(token_for(totp_device)) + 1) % 1_000_000:06d}"
    response = signed_in.post(VERIFY, {"token": wrong, "next": "/admin/"})
    assert response.status_code == 200
    assert "Koden passer ikke" in response.text
    assert signed_in.get("/admin/").status_code == 302


def test_code_that_is_not_six_digits_gets_a_danish_error(otp_required, signed_in, totp_device):
    response = signed_in.post(VERIFY, {"token": "12ab"})
    assert "Koden består af seks cifre." in response.text


def test_repeated_wrong_codes_are_throttled(
    otp_required, signed_in, totp_device, token_for, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    wrong = f"{(int(token_for(totp_device)) + 1) % 1_000_000:06d}"
    signed_in.post(VERIFY, {"token": wrong})
    response = signed_in.post(VERIFY, {"token": token_for(totp_device)})
    assert "For mange forkerte koder" in response.text
    assert signed_in.get("/admin/").status_code == 302


def test_setup_page_shows_the_secret_as_text(otp_required, signed_in):
    response = signed_in.get(SETUP)
    totp_device = TOTPDevice.objects.get(user__username="sekretariat", confirmed=False)
    assert response.status_code == 200
    assert "otpauth://totp/Samarbejdsportalen" in response.text
    secret = response.context["secret"].replace(" ", "")
    assert len(secret) == 32
    assert response.context["config_url"] == totp_device.config_url


def test_setup_page_reuses_the_unconfirmed_device(otp_required, signed_in):
    first = signed_in.get(SETUP).context["secret"]
    assert signed_in.get(SETUP).context["secret"] == first
    assert TOTPDevice.objects.count() == 1


def test_confirming_setup_with_a_valid_code_opens_the_admin(otp_required, signed_in, token_for):
    signed_in.get(SETUP)
    totp_device = TOTPDevice.objects.get()
    response = signed_in.post(SETUP, {"token": token_for(totp_device), "next": "/admin/"})
    assert response.status_code == 302
    totp_device.refresh_from_db()
    assert totp_device.confirmed
    assert signed_in.get("/admin/").status_code == 200


def test_setup_with_a_wrong_code_does_not_confirm_the_device(otp_required, signed_in, token_for):
    signed_in.get(SETUP)
    totp_device = TOTPDevice.objects.get()
    wrong = f"{(int(token_for(totp_device)) + 1) % 1_000_000:06d}"
    response = signed_in.post(SETUP, {"token": wrong})
    assert "Koden passer ikke" in response.text
    assert not TOTPDevice.objects.get().confirmed


def test_password_alone_cannot_enrol_a_second_device(otp_required, signed_in, totp_device):
    response = signed_in.get(SETUP)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.count() == 1


def test_next_address_off_the_site_is_ignored(otp_required, signed_in, totp_device, token_for):
    response = signed_in.post(
        VERIFY, {"token": token_for(totp_device), "next": "https://angriber.example/admin/"}
    )
    assert response["Location"] == reverse("admin:index")


def test_unverified_staff_can_still_read_public_pages(otp_required, signed_in):
    assert signed_in.get(reverse("home")).status_code == 200


@pytest.mark.parametrize("url", [SETUP, VERIFY])
def test_second_factor_pages_are_not_for_members(client, make_user, esbjerg, url):
    client.force_login(make_user("medlem", council=esbjerg))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", [SETUP, VERIFY])
def test_second_factor_pages_need_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_demo_without_second_factor_opens_the_admin(settings, signed_in):
    settings.REQUIRE_STAFF_OTP = False
    assert signed_in.get("/admin/").status_code == 200


def test_admin_sign_in_says_when_the_demo_has_no_second_factor(settings, client):
    settings.REQUIRE_STAFF_OTP = False
    response = client.get(reverse("admin:login"))
    assert "Totrinsbekræftelse er slået fra i demoen" in response.text


def test_admin_sign_in_says_nothing_when_the_second_factor_is_on(otp_required, client):
    response = client.get(reverse("admin:login"))
    assert "slået fra i demoen" not in response.text


def test_deploy_check_warns_when_production_has_no_second_factor(settings):
    settings.DEBUG = False
    settings.REQUIRE_STAFF_OTP = False
    assert [message.id for message in check_staff_otp(None)] == ["portal.W001"]
    assert all(isinstance(message, checks.Warning) for message in check_staff_otp(None))


def test_unverified_staff_cannot_preview_a_draft(otp_required, signed_in, make_plan, district):
    plan = make_plan(district)
    url = reverse("public:preview", args=[district.slug, plan.period_label])
    response = signed_in.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)


def test_unverified_staff_cannot_open_the_reporting_rounds(otp_required, signed_in):
    response = signed_in.get(reverse("rounds:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)


def test_unverified_staff_can_read_a_public_district_page(otp_required, signed_in, district):
    assert signed_in.get(reverse("public:district", args=[district.slug])).status_code == 200


def test_superuser_without_the_staff_flag_needs_the_second_factor_too(
    otp_required, client, make_user
):
    user = make_user("landsadmin-uden-staff", superuser=True)
    user.is_staff = False
    user.save()
    client.force_login(user)
    response = client.get(reverse("rounds:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    assert client.get(SETUP).status_code == 200
