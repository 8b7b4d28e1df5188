"""A new section's form in the workspace: its first figure in the same form (optional, saved
with the section or not at all), and on a third-level section's form the button that opens
the next section's form one level up."""

import re

import pytest
from django.urls import reverse

from plans.models import PlanSection, SectionFigure
from plans.workspace_forms import IMAGE_AGAIN
from tests.uploads import png_bytes, upload

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
FIGURE = {"figur-alt_text": "Kredsrådet øverst, lokalrådene under", "figur-caption": "Figur 1"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def png():
    return upload(png_bytes((60, 40)), "diagram.png", "image/png")


def add_url(plan, under=None) -> str:
    url = reverse("workspace:section_add", args=[plan.pk])
    return f"{url}?under={under.pk}" if under else url


def add(client, plan, under=None, headers=None, **data):
    return client.post(add_url(plan, under), {"body": "", **data}, headers=headers)


# --- The figure in the new section's form ----------------------------------------------------


@pytest.mark.parametrize("headers", [None, HTMX], ids=["page", "htmx"])
def test_a_new_section_is_saved_with_its_figure(signed_in, draft, headers):
    response = add(
        signed_in, draft, headers=headers, title="Organisering", **{"figur-image": png()}, **FIGURE
    )
    section = PlanSection.objects.get(title="Organisering")
    assert (response["HX-Redirect"] if headers else response["Location"]).endswith(
        f"#afsnit-{section.pk}"
    )
    figure = SectionFigure.objects.get()
    assert (figure.section, figure.alt_text, figure.caption) == (section, *FIGURE.values())
    assert (figure.width, figure.height) == (60, 40)


def test_a_new_section_with_the_figure_left_empty_has_none(signed_in, draft):
    add(signed_in, draft, title="Organisering", **{"figur-alt_text": "", "figur-caption": ""})
    assert PlanSection.objects.filter(title="Organisering").exists()
    assert not SectionFigure.objects.exists()


@pytest.mark.parametrize("headers", [None, HTMX], ids=["page", "htmx"])
def test_an_image_without_alt_text_saves_nothing_and_keeps_the_text(signed_in, draft, headers):
    response = add(
        signed_in,
        draft,
        headers=headers,
        title="Organisering",
        **{"figur-image": png(), "figur-alt_text": "", "figur-caption": "Figur 1"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Organisering"' in html and 'value="Figur 1"' in html
    assert 'id="error_1_id_figur-alt_text"' in html
    assert "Skriv en alternativ tekst, der beskriver figuren." in html
    assert str(IMAGE_AGAIN) in html
    assert not PlanSection.objects.filter(title="Organisering").exists()
    assert not SectionFigure.objects.exists()


def test_a_figures_text_without_an_image_asks_for_the_image(signed_in, draft):
    response = add(signed_in, draft, title="Organisering", **FIGURE)
    assert "Vælg et billede i PNG eller JPEG." in response.content.decode()
    assert not PlanSection.objects.filter(title="Organisering").exists()


def test_a_section_without_a_heading_asks_for_its_image_again(signed_in, draft):
    response = add(signed_in, draft, title="", **{"figur-image": png()}, **FIGURE)
    html = response.content.decode()
    assert "Giv afsnittet en overskrift." in html and str(IMAGE_AGAIN) in html
    assert FIGURE["figur-alt_text"] in html
    assert not SectionFigure.objects.exists()


def test_a_new_sections_form_sends_files_with_and_without_htmx(signed_in, draft):
    html = signed_in.get(add_url(draft), headers=HTMX).content.decode()
    assert 'enctype="multipart/form-data" hx-encoding="multipart/form-data"' in html
    assert 'name="figur-image"' in html and "<legend" in html and ">Figur</legend>" in html


def test_the_figure_is_not_marked_as_required_until_it_is_begun(signed_in, draft):
    html = signed_in.get(add_url(draft)).content.decode()
    figure = html[html.index(">Figur</legend>") :]
    assert "figur-alt_text" in figure and not re.search(r"\brequired\b|asteriskField", figure)


def test_an_existing_sections_form_has_no_figure_fields(signed_in, draft, section):
    edit = reverse("workspace:section_edit", args=[draft.pk, section.pk])
    assert 'name="figur-image"' not in signed_in.get(edit).content.decode()


# --- One level up ------------------------------------------------------------------------------


def test_a_third_level_sections_form_offers_a_section_under_its_grandparent(
    signed_in, draft, section
):
    third_level = signed_in.get(add_url(draft, section.children.get())).content.decode()
    second_level = signed_in.get(add_url(draft, section)).content.decode()
    assert "Gem og tilføj afsnit under »Indledning«" in third_level
    assert "Gem og tilføj afsnit under" not in second_level


@pytest.mark.parametrize("headers", [None, HTMX], ids=["page", "htmx"])
def test_save_and_add_one_level_up_opens_the_form_under_the_grandparent(
    signed_in, draft, section, headers
):
    sub = section.children.get()
    response = add(signed_in, draft, under=sub, title="Formandskab", og_ny="op", headers=headers)
    new = PlanSection.objects.get(title="Formandskab")
    assert new.parent == sub
    plan_url = reverse("workspace:plan", args=[draft.pk])
    url = f"{plan_url}?vis=afsnit-{new.pk}&ny=under-{section.pk}"
    assert (response["HX-Redirect"] if headers else response["Location"]) == url
    html = signed_in.get(url).content.decode()
    form_at = html.index(f'id="nyt-under-{section.pk}"')
    assert "Nyt underafsnit under »Indledning«</legend>" in html[form_at:]
    assert f'action="{add_url(draft, section)}"' in html[form_at:]


def test_one_level_up_from_a_second_level_section_just_goes_to_it(signed_in, draft, section):
    response = add(signed_in, draft, under=section, title="Lokalrådene", og_ny="op")
    new = PlanSection.objects.get(title="Lokalrådene")
    assert response["Location"].endswith(f"/?vis=afsnit-{new.pk}#afsnit-{new.pk}")
