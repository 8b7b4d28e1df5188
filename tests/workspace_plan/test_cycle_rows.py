"""Several entries of the annual cycle in one form: a row each, empty rows ignored, nothing
saved unless every filled row is right, and "Tilføj række" working without JavaScript."""

import pytest
from django.urls import reverse

from plans.models import AnnualCycleEntry

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def rows_url(plan):
    return reverse("workspace:cycle_add_rows", args=[plan.pk])


def rows(*filled, total=3):
    """The form's data: the `filled` rows (dicts of fields) and empty ones up to `total`."""
    data = {"form-TOTAL_FORMS": str(total), "form-INITIAL_FORMS": "0"}
    for index in range(total):
        row = filled[index] if index < len(filled) else {}
        data[f"form-{index}-kind"] = row.get("kind", "meeting")
        for name, value in row.items():
            data[f"form-{index}-{name}"] = value
    return data


def entries(plan):
    return list(plan.annual_cycle.order_by("pk").values_list("title", "month", "quarter"))


def test_the_filled_rows_become_entries_and_the_empty_ones_are_ignored(signed_in, draft):
    response = signed_in.post(
        rows_url(draft),
        rows({"title": "Forårsmøde", "quarter": "2"}, {"title": "Decembermøde", "month": "12"}),
    )
    assert response["Location"].endswith("#aarshjul")
    assert entries(draft) == [("Forårsmøde", None, 2), ("Decembermøde", 12, None)]


def test_with_htmx_the_annual_cycle_is_swapped_in_again(signed_in, draft):
    response = signed_in.post(rows_url(draft), rows({"title": "Møde", "month": "6"}), **HTMX)
    assert response["HX-Retarget"] == "#aarshjul" and "Juni:" in response.content.decode()


def test_a_wrong_row_saves_nothing_and_keeps_every_row(signed_in, draft):
    response = signed_in.post(
        rows_url(draft), rows({"title": "Forårsmøde", "quarter": "2"}, {"title": "Uden tid"})
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vælg en måned eller et kvartal" in html
    assert 'value="Forårsmøde"' in html and 'value="Uden tid"' in html
    assert entries(draft) == []


def test_no_filled_row_is_refused_in_danish(signed_in, draft):
    response = signed_in.post(rows_url(draft), rows())
    assert "Skriv mindst ét punkt." in response.content.decode()


def test_tilfoej_raekke_adds_a_row_and_keeps_the_input_without_javascript(signed_in, draft):
    data = rows({"title": "Halvfærdigt"}, total=3) | {"tilfoej_raekke": "1"}
    response = signed_in.post(rows_url(draft), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Punkt 4" in html and 'value="Halvfærdigt"' in html
    assert "Vælg en måned eller et kvartal" not in html  # no errors before the save
    assert 'name="form-TOTAL_FORMS" value="4"' in html
    assert not AnnualCycleEntry.objects.filter(plan=draft).exists()


def test_the_workspace_offers_several_entries_at_once(signed_in, draft):
    html = signed_in.get(reverse("workspace:plan", args=[draft.pk])).content.decode()
    assert f'href="{rows_url(draft)}"' in html
    form = signed_in.get(rows_url(draft)).content.decode()
    assert "Punkt 3" in form and "Punkt 4" not in form and "Tilføj række" in form
