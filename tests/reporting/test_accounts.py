import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, user, **extra):
    return client.post(
        reverse("accounts:login"),
        {"username": user.username, "password": PASSWORD, **extra},
    )


def test_sign_in_page_is_danish(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    assert "<h1>Log ind</h1>" in response.text
    assert "Glemt din adgangskode?" in response.text


def test_wrong_password_is_explained_in_danish_and_keeps_the_username(client, member):
    response = client.post(
        reverse("accounts:login"), {"username": member.username, "password": "forkert"}
    )
    assert response.status_code == 200
    assert "korrekt brugernavn og adgangskode" in response.text
    assert f'value="{member.username}"' in response.text


def test_member_lands_on_their_lokalraad_after_sign_in(client, plan, esbjerg, member):
    response = sign_in(client, member)
    assert response["Location"] == reverse("members:home")
    assert client.get(response["Location"])["Location"] == reverse(
        "members:council", args=[esbjerg.pk]
    )


def test_requested_page_wins_over_mit_lokalraad(client, plan, esbjerg, member):
    wanted = reverse("members:council", args=[esbjerg.pk]) + "?status=done"
    response = client.get(reverse("accounts:login"), {"next": wanted})
    assert f'name="next" value="{wanted}"' in response.text.replace("&amp;", "&")


def test_secretariat_staff_land_on_the_secretariat_start_page(client, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("members:home"))
    assert response["Location"] == reverse("workspace:home")


def test_sign_out_ends_the_session(client, member):
    client.force_login(member)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("members:home")).status_code == 302


def test_password_reset_sends_a_danish_link(client, member):
    response = client.post(reverse("accounts:password_reset"), {"email": member.email})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert message.subject == "Ny adgangskode til Samarbejdsportalen"
    link = re.search(r"http://testserver(/konto/nulstil-adgangskode/[^\s]+/)", message.body)
    response = client.get(link.group(1), follow=True)
    assert "Vælg ny adgangskode" in response.text
    assert 'name="new_password1"' in response.text


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, db):
    response = client.post(
        reverse("accounts:password_reset"), {"email": "ukendt@example.dk"}, follow=True
    )
    assert "Tjek din e-mail" in response.text
    assert mail.outbox == []
