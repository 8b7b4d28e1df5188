"""The change history in the admin, and the admin's Content Security Policy."""

import re

import pytest
from django.urls import reverse

from councils.models import Municipality

from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part)}


def test_history_shows_who_changed_what_from_and_to(secretary_client, secretary, world):
    forum = world["forum"]
    url = reverse("admin:forums_forum_change", args=[forum.pk])
    data = single(admin_form(secretary_client.get(url)), participants="Skoleledere og SSP")
    assert secretary_client.post(url, data).status_code == 302

    response = secretary_client.get(reverse("admin:forums_forum_history", args=[forum.pk]))

    assert response.status_code == 200
    assert "Historik: SSP syd" in response.text
    assert "Ændret" in response.text
    assert secretary.get_username() in response.text
    assert "<strong>Deltagere:</strong>" in response.text
    assert "Skoleledere og SSP" in response.text


def test_council_history_shows_the_municipalities_added_and_removed(
    secretary_client, secretary, esbjerg
):
    fanoe = Municipality.objects.get(name="Fanø")
    fanoe.local_council_link.delete()
    url = reverse("admin:councils_council_change", args=[esbjerg.pk])
    form = admin_form(secretary_client.get(url))
    rows = [key for key in form if re.fullmatch(r"councilmunicipality_set-\d+-municipality", key)]
    extra = next(key for key in rows if not any(form[key]))
    data = single(form, **{extra: fanoe.pk})
    assert secretary_client.post(url, data).status_code == 302

    response = secretary_client.get(reverse("admin:councils_council_history", args=[esbjerg.pk]))

    section = response.text.split("<h2>Kommuner, lokalrådet dækker</h2>")[1]
    assert "Tilføjet" in section
    assert "Fanø" in section
    assert secretary.get_username() in section


def test_history_offers_no_revert(secretary_client, world):
    forum = world["forum"]
    response = secretary_client.get(reverse("admin:forums_forum_history", args=[forum.pk]))
    assert "/history/" not in response.text.split('id="change-history"')[1]
    old_version = secretary_client.get(f"/admin/forums/forum/{forum.pk}/history/1/", follow=True)
    assert old_version.status_code == 404


def test_change_form_with_the_editor_allows_only_an_empty_inline_style(secretary_client, world):
    response = secretary_client.get(reverse("admin:plans_plan_change", args=[world["plan"].pk]))
    directives = policy(response)
    assert directives["style-src"] == [
        "'self'",
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
    ]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert any(value.startswith("'nonce-") for value in directives["script-src"])


@pytest.mark.parametrize(
    "url_name", ["admin:plans_plan_changelist", "admin:councils_council_add", "admin:index"]
)
def test_admin_pages_allow_no_inline_styles_or_scripts(secretary_client, url_name):
    directives = policy(secretary_client.get(reverse(url_name)))
    assert "'unsafe-inline'" not in directives["style-src"]
    assert "'unsafe-inline'" not in directives["script-src"]


def test_editor_import_map_carries_the_nonce(secretary_client, world):
    response = secretary_client.get(reverse("admin:plans_plan_change", args=[world["plan"].pk]))
    nonce = next(
        value[len("'nonce-") : -1]
        for value in policy(response)["script-src"]
        if value.startswith("'nonce-")
    )
    assert f'<script type="importmap" nonce="{nonce}">' in response.text


def test_history_shows_choices_and_empty_values_as_the_form_does(secretary_client, world):
    forum = world["forum"]
    url = reverse("admin:forums_forum_change", args=[forum.pk])
    data = single(admin_form(secretary_client.get(url)), kind="psp", meetings_min=4)
    assert secretary_client.post(url, data).status_code == 302

    response = secretary_client.get(reverse("admin:forums_forum_history", args=[forum.pk]))

    history = re.sub(r"<[^>]+>", "", response.text.split('id="change-history"')[1])
    assert "Type: SSP →ændret til PSP" in history
    assert "Mindste antal møder om året: – →ændret til 4" in history
    assert "None" not in history
