"""A new focus area's form takes its first activities as rows (three shown, "Tilføj række"
for one more without JavaScript, blank rows ignored): per row the activity form's text, timing,
actors and police unit, saved with the area in one transaction; a wrong row saves nothing and
comes back with its error in Danish and the input kept."""

import re

import pytest
from django.urls import reverse

from councils.models import Council, Municipality
from plans import workspace_forms
from plans.models import Activity, Assignment, FocusArea
from tests.groups import group_for

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def add_url(group):
    return reverse("workspace:focus_area_add", args=[group.plan_id, group.pk])


def rows(*filled, total=3):
    """The rows' fields as posted: `filled` rows first (dicts without the prefix), then empty
    ones up to `total`."""
    data = {"aktivitet-TOTAL_FORMS": str(total), "aktivitet-INITIAL_FORMS": "0"}
    for number, row in enumerate(filled):
        data.update({f"aktivitet-{number}-{name}": value for name, value in row.items()})
    return data


def area_data(*filled, total=3, **more):
    return {
        "title": "Unge og fester",
        "background": "<p>Om fester</p>",
        "ambition": "",
        **rows(*filled, total=total),
        **more,
    }


def new_area():
    return FocusArea.objects.get(title="Unge og fester")


def test_the_form_shows_three_rows_each_with_the_activity_forms_actors(
    signed_in, area, district, other_district
):
    html = signed_in.get(add_url(area.group)).content.decode()
    assert 'name="aktivitet-TOTAL_FORMS" value="3"' in html
    for number in (1, 2, 3):
        assert f"Aktivitet {number}</legend>" in html
        assert f"Ansvarlige for aktivitet {number}</legend>" in html
    assert "Aktivitet 4</legend>" not in html
    for name in ["text", "timing", "police", "police_unit", "municipalities", "forum"]:
        assert f'name="aktivitet-2-{name}"' in html
    own = Municipality.objects.filter(district=district).first()
    assert own.name in html
    for council in Council.objects.filter(district=other_district):
        assert council.name not in html
    assert 'name="tilfoej_raekke"' in html and "Tilføj række" in html


def test_filled_rows_are_saved_with_the_area_in_order_and_blank_ones_ignored(
    signed_in, area, district, esbjerg
):
    kommune = Municipality.objects.filter(district=district).order_by("name").first()
    response = signed_in.post(
        add_url(area.group),
        area_data(
            {
                "text": "Samtaler med de unge",
                "timing": "2026",
                "police": "on",
                "police_unit": "Forebyggelsesafdelingen",
                "municipalities": [kommune.pk],
            },
            {},
            {"text": "Vandring i Esbjerg", "responsible_councils": [esbjerg.pk]},
        ),
    )
    new = new_area()
    assert response.status_code == 302
    first, second = new.activities.order_by("order", "pk")
    assert (first.text, first.timing, first.police, first.police_unit) == (
        "Samtaler med de unge",
        "2026",
        True,
        "Forebyggelsesafdelingen",
    )
    assert list(first.municipalities.all()) == [kommune]
    assert second.text == "Vandring i Esbjerg"
    assert list(second.responsible_councils.all()) == [esbjerg]
    assert first.order < second.order
    assert list(Assignment.objects.filter(activity=second).values_list("council", flat=True)) == [
        esbjerg.pk
    ]


def test_an_area_with_every_row_blank_has_no_activities(signed_in, area):
    signed_in.post(add_url(area.group), area_data())
    assert new_area().activities.count() == 0


def test_a_row_without_an_actor_saves_nothing_and_keeps_the_input(signed_in, area):
    response = signed_in.post(
        add_url(area.group),
        area_data(
            {"text": "Første", "secretariat": "on"},
            {"text": "Uden ansvarlige", "timing": "Foråret"},
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vælg mindst én ansvarlig" in html
    assert "Uden ansvarlige" in html and "Foråret" in html and "Første" in html
    assert 'value="Unge og fester"' in html
    assert not FocusArea.objects.filter(title="Unge og fester").exists()
    assert not Activity.objects.filter(text__in=["Første", "Uden ansvarlige"]).exists()


def test_a_row_with_actors_but_no_text_asks_for_the_text(signed_in, area):
    response = signed_in.post(add_url(area.group), area_data({"all_local_councils": "on"}))
    assert "Skriv, hvad aktiviteten går ud på." in response.content.decode()
    assert not FocusArea.objects.filter(title="Unge og fester").exists()


def test_a_police_unit_without_the_police_is_refused_next_to_it(signed_in, area):
    response = signed_in.post(
        add_url(area.group),
        area_data({"text": "Oplæg", "secretariat": "on", "police_unit": "Lokalpolitiet"}),
    )
    assert "Sæt kryds ved »Politiet«" in response.content.decode()
    assert not FocusArea.objects.filter(title="Unge og fester").exists()


def test_another_districts_kommune_in_a_row_is_refused(signed_in, area, other_district):
    foreign = Municipality.objects.filter(district=other_district).first()
    response = signed_in.post(
        add_url(area.group), area_data({"text": "Oplæg", "municipalities": [foreign.pk]})
    )
    assert "Vælg kun blandt planens politikreds" in response.content.decode()
    assert not FocusArea.objects.filter(title="Unge og fester").exists()


def test_a_wrong_area_saves_none_of_its_rows(signed_in, area):
    response = signed_in.post(
        add_url(area.group), area_data({"text": "Oplæg", "secretariat": "on"}, title="")
    )
    assert "Giv indsatsområdet en titel." in response.content.decode()
    assert not Activity.objects.filter(text="Oplæg").exists()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
def test_add_a_row_shows_one_more_with_the_input_kept_and_saves_nothing(
    signed_in, area, esbjerg, headers
):
    response = signed_in.post(
        add_url(area.group),
        area_data(
            {"text": "Vandring", "timing": "Maj", "responsible_councils": [esbjerg.pk]},
            {"text": "Uden ansvarlige"},
            tilfoej_raekke="1",
            police="Opsøge de unge",
        ),
        **headers,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="aktivitet-TOTAL_FORMS" value="4"' in html
    assert "Aktivitet 4</legend>" in html
    assert "Vandring</textarea>" in html and 'value="Maj"' in html
    ticked = rf'name="aktivitet-0-responsible_councils" value="{esbjerg.pk}"[^>]* checked>'
    assert re.search(ticked, html)
    assert 'value="Unge og fester"' in html and "Opsøge de unge</textarea>" in html
    assert "Vælg mindst én ansvarlig" not in html  # no errors before it is sent
    assert not FocusArea.objects.filter(title="Unge og fester").exists()


def test_the_added_row_is_saved_too(signed_in, area):
    signed_in.post(
        add_url(area.group),
        area_data(
            {"text": "En", "secretariat": "on"},
            {"text": "To", "secretariat": "on"},
            {"text": "Tre", "secretariat": "on"},
            {"text": "Fire", "district_council": "on"},
            total=4,
        ),
    )
    texts = list(new_area().activities.order_by("order", "pk").values_list("text", flat=True))
    assert texts == ["En", "To", "Tre", "Fire"]


def test_the_area_and_its_rows_are_written_in_one_transaction(signed_in, area, monkeypatch):
    def failing(*, form):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(workspace_forms, "add_activity", failing)
    with pytest.raises(RuntimeError):
        signed_in.post(add_url(area.group), area_data({"text": "Oplæg", "secretariat": "on"}))
    assert not FocusArea.objects.filter(title="Unge og fester").exists()


def test_add_a_row_keeps_a_typed_number_in_a_ranked_group(signed_in, draft):
    ranked = group_for(draft, "national", ranked=True)
    response = signed_in.post(add_url(ranked), area_data(rank="5", tilfoej_raekke="1"))
    assert re.search(r'name="rank" value="5"', response.content.decode())
