"""Several entries of the annual cycle in one form: a row each, empty rows ignored, nothing
saved unless every filled row is right, and "Tilføj række" working without JavaScript."""

import pytest
from django.urls import reverse

from councils.models import Council
from plans.models import AnnualCycleEntry

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def rows_url(plan):
    return reverse("workspace:cycle_add_rows", args=[plan.pk])


def kredsraad(plan):
    return Council.objects.get(district=plan.district, kind=Council.Kind.DISTRICT)


def rows(plan, *filled, total=3):
    """The form's data as a browser sends it: the `filled` rows (dicts of fields) and empty
    ones up to `total`, each with the type and council it was shown with."""
    data = {"form-TOTAL_FORMS": str(total), "form-INITIAL_FORMS": "0"}
    for index in range(total):
        row = filled[index] if index < len(filled) else {}
        data[f"form-{index}-kind"] = row.get("kind", "meeting")
        data[f"form-{index}-council"] = row.get("council", str(kredsraad(plan).pk))
        for name, value in row.items():
            data[f"form-{index}-{name}"] = value
    return data


def entries(plan):
    return list(plan.annual_cycle.order_by("pk").values_list("title", "month", "quarter"))


def test_the_filled_rows_become_entries_and_the_empty_ones_are_ignored(signed_in, draft):
    response = signed_in.post(
        rows_url(draft),
        rows(
            draft, {"title": "Forårsmøde", "quarter": "2"}, {"title": "Decembermøde", "month": "12"}
        ),
    )
    assert response["Location"].endswith("#aarshjul")
    assert entries(draft) == [("Forårsmøde", None, 2), ("Decembermøde", 12, None)]


def test_with_htmx_the_annual_cycle_is_swapped_in_again(signed_in, draft):
    response = signed_in.post(rows_url(draft), rows(draft, {"title": "Møde", "month": "6"}), **HTMX)
    assert response["HX-Retarget"] == "#aarshjul" and "Juni:" in response.content.decode()


def test_a_wrong_row_saves_nothing_and_keeps_every_row(signed_in, draft):
    response = signed_in.post(
        rows_url(draft), rows(draft, {"title": "Forårsmøde", "quarter": "2"}, {"title": "Uden tid"})
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vælg en måned eller et kvartal" in html
    assert 'value="Forårsmøde"' in html and 'value="Uden tid"' in html
    assert entries(draft) == []


def test_no_filled_row_is_refused_in_danish(signed_in, draft):
    response = signed_in.post(rows_url(draft), rows(draft))
    assert "Skriv mindst ét punkt." in response.content.decode()


def test_tilfoej_raekke_adds_a_row_and_keeps_the_input_without_javascript(signed_in, draft):
    data = rows(draft, {"title": "Halvfærdigt"}, total=3) | {"tilfoej_raekke": "1"}
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


def test_an_empty_annual_cycle_gets_rows_for_a_years_entries(signed_in, draft):
    form = signed_in.get(rows_url(draft)).content.decode()
    assert "Punkt 6" in form and "Punkt 7" not in form and "Tilføj række" in form


def test_a_cycle_with_entries_gets_three_rows_more(signed_in, draft):
    AnnualCycleEntry.objects.create(plan=draft, title="Møde", month=3)
    form = signed_in.get(rows_url(draft)).content.decode()
    assert "Punkt 3" in form and "Punkt 4" not in form


def test_new_rows_start_with_the_kredsraad(signed_in, draft):
    form = signed_in.get(rows_url(draft)).content.decode()
    selected = f'<option value="{kredsraad(draft).pk}" selected>'
    assert form.count(selected) == 6


def test_a_row_is_the_kredsraads_unless_no_council_is_chosen(signed_in, draft):
    signed_in.post(
        rows_url(draft),
        rows(
            draft,
            {"title": "Kredsrådsmøde", "month": "3"},
            {"title": "Lokalrådenes frist", "month": "11", "council": ""},
        ),
    )
    councils = dict(draft.annual_cycle.values_list("title", "council"))
    assert councils == {"Kredsrådsmøde": kredsraad(draft).pk, "Lokalrådenes frist": None}


def test_one_new_entry_starts_with_the_kredsraad_too(signed_in, draft):
    form = signed_in.get(reverse("workspace:cycle_add", args=[draft.pk])).content.decode()
    assert f'<option value="{kredsraad(draft).pk}" selected>' in form


def test_an_entrys_edit_keeps_no_council(signed_in, draft):
    entry = AnnualCycleEntry.objects.create(plan=draft, title="Møde", month=3)
    form = signed_in.get(reverse("workspace:cycle_edit", args=[draft.pk, entry.pk]))
    assert '<option value="" selected>Intet bestemt råd</option>' in form.content.decode()
