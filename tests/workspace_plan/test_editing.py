"""Editing parts of the plan in place: htmx partials, pages without JavaScript, errors in
Danish with the input kept, and optimistic locking as in the admin."""

import pytest
from django.urls import reverse

from plans.models import FocusArea, Plan, PlanSection
from tests.groups import group_for

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def section_url(section):
    return reverse("workspace:section_edit", args=[section.plan_id, section.pk])


def test_without_javascript_the_form_is_a_page_of_its_own(signed_in, section):
    response = signed_in.get(section_url(section))
    html = response.content.decode()
    assert "<h1>Afsnittet »Indledning«</h1>" in html
    assert 'name="loaded_revision"' in html
    assert "data-django-prose-editor" in html


def test_with_htmx_the_form_alone_replaces_the_part(signed_in, section):
    response = signed_in.get(section_url(section), **HTMX)
    html = response.content.decode()
    assert "<html" not in html
    assert f'id="afsnit-{section.pk}-del"' in html
    assert 'hx-post="' in html


def test_a_save_without_javascript_goes_back_to_the_section(signed_in, section):
    response = signed_in.post(
        section_url(section),
        {"title": "Indledning og formål", "body": "<p>Ny tekst</p>", "loaded_revision": 0},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(
        reverse("workspace:plan", args=[section.plan_id]) + f"#afsnit-{section.pk}"
    )
    section.refresh_from_db()
    assert section.title == "Indledning og formål"
    assert section.body == "<p>Ny tekst</p>"
    assert section.revision == 1


def test_a_save_with_htmx_answers_with_the_updated_part(signed_in, section):
    response = signed_in.post(
        section_url(section),
        {"title": "Indledning og formål", "body": "<p>Ny tekst</p>", "loaded_revision": 0},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert '<span class="workspace-number">1</span> Indledning og formål' in html
    assert "Ny tekst" in html and "Gemt." in html


def test_a_missing_title_is_refused_in_danish_with_the_text_kept(signed_in, section):
    response = signed_in.post(
        section_url(section), {"title": "", "body": "<p>Min tekst</p>", "loaded_revision": 0}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Giv afsnittet en overskrift." in html
    assert "Min tekst" in html
    section.refresh_from_db()
    assert section.body == "<p>Om planen</p>"


def test_a_conflicting_save_is_refused_and_keeps_the_users_text(signed_in, section):
    PlanSection.objects.filter(pk=section.pk).update(revision=3)  # saved by someone else
    response = signed_in.post(
        section_url(section),
        {"title": "Min overskrift", "body": "<p>Min tekst</p>", "loaded_revision": 0},
        **HTMX,
    )
    html = response.content.decode()
    assert "er ændret af en anden, mens du redigerede" in html
    assert "Min overskrift" in html and "Min tekst" in html
    assert 'name="loaded_revision" value="3"' in html  # saving again overwrites, deliberately
    section.refresh_from_db()
    assert section.title == "Indledning"


def test_the_front_matter_is_saved_and_sanitised(signed_in, draft):
    response = signed_in.post(
        reverse("workspace:front_matter", args=[draft.pk]),
        {
            "title": "Samarbejdsplan",
            "subtitle": "Tryghed i Syd- og Sønderjylland",
            "issuer": "Kredsrådet",
            "foreword": "<p>Velkommen</p><script>alert(1)</script>",
            "shared_goals": "",
            "signatory_name": "Politidirektøren",
            "signatory_title": "",
            "loaded_revision": draft.revision,
        },
        **HTMX,
    )
    assert "Tryghed i Syd- og Sønderjylland" in response.content.decode()
    draft.refresh_from_db()
    assert draft.subtitle == "Tryghed i Syd- og Sønderjylland"
    assert draft.foreword == "<p>Velkommen</p>"


def area_data(area, **changes):
    return {
        "title": area.title,
        "group": area.group_id,
        "rank": "",
        "background": area.background,
        "ambition": area.ambition,
        "loaded_revision": area.revision,
        **changes,
    }


def test_a_focus_area_is_saved_in_place(signed_in, draft, area):
    response = signed_in.post(
        reverse("workspace:focus_area_edit", args=[draft.pk, area.pk]),
        area_data(area, ambition="Vi vil skabe tryghed ved at være synlige."),
        **HTMX,
    )
    html = response.content.decode()
    assert f'id="indsatsomraade-{area.pk}"' in html
    assert "Vi vil skabe tryghed ved at være synlige." in html


def test_a_number_in_an_unranked_group_is_refused_next_to_the_field(signed_in, draft, area):
    response = signed_in.post(
        reverse("workspace:focus_area_edit", args=[draft.pk, area.pk]),
        area_data(area, rank="2", title="Mit nye navn"),
    )
    html = response.content.decode()
    assert "er ikke prioriteret; lad nummeret stå tomt." in html
    assert 'value="Mit nye navn"' in html
    area.refresh_from_db()
    assert area.rank is None


def test_moving_an_area_to_another_group_reloads_the_page_at_it(signed_in, draft, area):
    ranked = group_for(draft, "national", ranked=True)
    response = signed_in.post(
        reverse("workspace:focus_area_edit", args=[draft.pk, area.pk]),
        area_data(area, group=ranked.pk, rank="1"),
        **HTMX,
    )
    assert response["HX-Redirect"].endswith(
        f"/?vis=indsatsomraade-{area.pk}#indsatsomraade-{area.pk}"
    )
    area.refresh_from_db()
    assert (area.group, area.rank) == (ranked, 1)


def test_a_local_area_stays_in_a_local_group(signed_in, draft, area):
    local = group_for(draft, "local")
    response = signed_in.post(
        reverse("workspace:focus_area_edit", args=[draft.pk, area.pk]),
        area_data(area, group=local.pk),
    )
    assert "Et lokalt valgt indsatsområde kan kun flyttes" in response.content.decode()
    assert FocusArea.objects.get(pk=area.pk).group_id == area.group_id


def test_another_plans_group_cannot_be_chosen(signed_in, draft, area, district, make_plan):
    other = make_plan(district, start=2027, end=2028, status=Plan.Status.DRAFT, activities=0)
    response = signed_in.post(
        reverse("workspace:focus_area_edit", args=[draft.pk, area.pk]),
        area_data(area, group=group_for(other, "district").pk),
    )
    assert "Marker en gyldig valgmulighed." in response.content.decode()
    assert FocusArea.objects.get(pk=area.pk).group_id == area.group_id


def test_a_section_of_another_plan_is_not_found(signed_in, draft, district, make_plan):
    other = make_plan(district, start=2027, end=2028, status=Plan.Status.DRAFT, activities=0)
    foreign = PlanSection.objects.create(plan=other, title="Fremmed")
    response = signed_in.get(reverse("workspace:section_edit", args=[draft.pk, foreign.pk]))
    assert response.status_code == 404
