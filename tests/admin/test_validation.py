"""Rules that hold in the database give form errors in the admin, not server errors."""

import pytest
from django.urls import reverse

from councils.models import Council, Membership, Person
from forums.models import Forum
from plans.models import AnnualCycleEntry, FocusArea, Plan
from tests.groups import group_for

from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db


def errors_next_to(response, field: str) -> list[str]:
    """The messages shown next to `field`, after checking none stands above the form."""
    form = response.context["adminform"].form
    assert not form.non_field_errors(), form.non_field_errors()
    return list(form.errors.get(field, []))


def test_council_renamed_to_another_councils_short_name_gets_a_form_error(
    secretary_client, esbjerg, toender
):
    url = reverse("admin:councils_council_change", args=[esbjerg.pk])
    response = secretary_client.post(
        url, single(admin_form(secretary_client.get(url)), slug="toender")
    )
    assert response.status_code == 200
    assert errors_next_to(response, "slug") == [
        "Et andet råd i politikredsen har allerede dette korte navn. Vælg et andet."
    ]
    assert Council.objects.get(pk=esbjerg.pk).slug == "esbjerg"


def test_plan_moved_to_a_period_the_district_already_has_gets_a_form_error(secretary_client, world):
    old_plan = world["old_plan"]
    url = reverse("admin:plans_plan_change", args=[world["plan"].pk])
    data = single(
        admin_form(secretary_client.get(url)),
        period_start=old_plan.period_start,
        period_end=old_plan.period_end,
    )
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert errors_next_to(response, "period_end") == [
        "Politikredsen har allerede en samarbejdsplan for denne periode."
    ]
    assert Plan.objects.get(pk=world["plan"].pk).period_start == 2017


def test_second_kredsraad_in_a_district_gets_a_form_error(secretary_client, district):
    url = reverse("admin:councils_council_add")
    data = single(admin_form(secretary_client.get(url)), kind="district", name="Kredsråd 2")
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert errors_next_to(response, "kind") == [
        "Politikredsen har allerede et kredsråd; der kan kun være ét."
    ]
    assert Council.objects.filter(district=district, kind="district").count() == 1


def test_plan_period_over_four_years_gets_the_danish_message(secretary_client, world):
    url = reverse("admin:plans_plan_change", args=[world["plan"].pk])
    data = single(admin_form(secretary_client.get(url)), period_start=2017, period_end=2022)
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert "En samarbejdsplan dækker højst fire år." in response.text


def test_active_lokalraad_without_a_municipality_gets_a_form_error(secretary_client, district):
    url = reverse("admin:councils_council_add")
    data = single(admin_form(secretary_client.get(url)), kind="local", name="Lokalråd Uden Kommune")
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert "Et aktivt lokalråd skal dække mindst én kommune." in response.text
    assert 'value="Lokalråd Uden Kommune"' in response.text
    assert not Council.objects.filter(name="Lokalråd Uden Kommune").exists()


# The object's district, plan or council is read only on its change page; the rules that include
# it still give form errors.


def test_forum_renamed_to_another_forums_short_name_gets_a_form_error(
    secretary_client, district, world
):
    Forum.objects.create(district=district, name="SSP nord", slug="ssp-nord", kind=Forum.Kind.SSP)
    forum = world["forum"]
    url = reverse("admin:forums_forum_change", args=[forum.pk])
    response = secretary_client.post(
        url, single(admin_form(secretary_client.get(url)), slug="ssp-nord")
    )
    assert response.status_code == 200
    assert errors_next_to(response, "slug") == [
        "Et andet forum i politikredsen har allerede dette korte navn. Vælg et andet."
    ]
    assert Forum.objects.get(pk=forum.pk).slug == "ssp-syd"


def test_focus_area_given_a_rank_taken_in_its_group_gets_a_form_error(secretary_client, world):
    area = world["focusarea"]
    national = group_for(area.plan, "national", ranked=True)
    FocusArea.objects.create(plan=area.plan, group=national, title="Færdsel", rank=1, order=2)
    url = reverse("admin:plans_focusarea_change", args=[area.pk])
    data = single(admin_form(secretary_client.get(url)), group=national.pk, rank=1)
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert errors_next_to(response, "rank") == [
        "Nr. 1 er allerede brugt i gruppen »Nationale indsatsområder«."
    ]
    assert FocusArea.objects.get(pk=area.pk).rank is None


def test_staff_function_given_a_name_the_district_has_is_refused_next_to_the_name(
    secretary_client, world
):
    taken = world["stafffunction"].name
    url = reverse("admin:councils_stafffunction_add")
    data = single(admin_form(secretary_client.get(url)), name=taken)
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert errors_next_to(response, "name") == [
        "Politikredsen har allerede en stabsfunktion med det navn."
    ]


def test_second_chair_of_a_council_gets_a_form_error(secretary_client, world):
    membership = world["membership"]
    chair = Person.objects.create(name="Politidirektør syd")
    Membership.objects.create(person=chair, council=membership.council, role="chair")
    url = reverse("admin:councils_membership_change", args=[membership.pk])
    response = secretary_client.post(
        url, single(admin_form(secretary_client.get(url)), role="chair")
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["role"] == [
        "Rådet har allerede en formand. Giv den nuværende formand en anden rolle først."
    ]
    assert "one_chair_per_council" not in response.text
    assert Membership.objects.get(pk=membership.pk).role == "vice_chair"


def test_a_posted_plan_for_a_sections_fixed_plan_is_ignored(secretary_client, world):
    section = world["plansection"]
    url = reverse("admin:plans_plansection_change", args=[section.pk])
    data = admin_form(secretary_client.get(url))
    assert "plan" not in data  # shown read only
    response = secretary_client.post(
        url, single(data, plan=world["old_plan"].pk, title="Organisering")
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert (section.plan_id, section.title) == (world["plan"].pk, "Organisering")


# --- Annual cycle: a month, a quarter, or no fixed month ---------------------------------------


def _post_cycle_entry(secretary_client, entry, **values):
    url = reverse("admin:plans_annualcycleentry_change", args=[entry.pk])
    return secretary_client.post(url, single(admin_form(secretary_client.get(url)), **values))


def field_errors(response, field: str) -> list[str]:
    return list(response.context["adminform"].form.errors.get(field, []))


def test_cycle_entry_with_a_month_and_loebende_is_refused_next_to_the_field(
    secretary_client, world
):
    entry = world["annualcycleentry"]
    response = _post_cycle_entry(secretary_client, entry, month=8, quarter="", undated="ongoing")
    assert response.status_code == 200
    assert field_errors(response, "undated") == [
        "Et punkt med en måned eller et kvartal kan ikke også være „Løbende“. "
        "Fjern måneden eller kvartalet, eller vælg tomt her."
    ]
    assert not response.context["adminform"].form.non_field_errors()
    assert AnnualCycleEntry.objects.get(pk=entry.pk).undated == ""


def test_cycle_entry_without_any_time_is_refused_next_to_the_month(secretary_client, world):
    entry = world["annualcycleentry"]
    response = _post_cycle_entry(secretary_client, entry, month="", quarter="", undated="")
    assert response.status_code == 200
    assert "Vælg en måned eller et kvartal" in field_errors(response, "month")[0]


def test_undated_entry_before_the_period_is_refused_next_to_the_flag(secretary_client, world):
    entry = world["annualcycleentry"]
    response = _post_cycle_entry(
        secretary_client, entry, month="", quarter="", undated="yearly", before_period="on"
    )
    assert response.status_code == 200
    assert field_errors(response, "before_period") == [
        "Et punkt i året før perioden skal have en måned eller et kvartal."
    ]


def test_cycle_entry_can_be_made_yearly_without_a_month(secretary_client, world):
    entry = world["annualcycleentry"]
    response = _post_cycle_entry(secretary_client, entry, month="", quarter="", undated="yearly")
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.month, entry.quarter, entry.undated) == (None, None, "yearly")


def test_cycle_entry_can_be_placed_in_december_before_the_period(secretary_client, world):
    entry = world["annualcycleentry"]
    response = _post_cycle_entry(
        secretary_client, entry, month=12, quarter="", undated="", before_period="on"
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.month, entry.before_period) == (12, True)
