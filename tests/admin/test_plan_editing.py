"""A secretariat user edits a whole plan from one page, and activities get their assignments."""

import pytest
from django.urls import reverse

from councils.models import Council, CouncilMunicipality, Municipality
from plans.models import Activity, AnnualCycleEntry, Assignment, FocusArea, Plan, PlanSection
from tests.groups import group_for

from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db


def test_new_plan_with_sections_focus_areas_and_annual_cycle_is_saved_from_one_page(
    secretary_client, district
):
    page = secretary_client.get(reverse("admin:plans_plan_add"))
    data = single(
        admin_form(page),
        title="Samarbejdsplan",
        period_start=2023,
        period_end=2026,
        foreword="<p>Et <strong>trygt</strong> Sønderjylland.</p><script>alert(1)</script>",
        shared_goals="<ul><li>Færre indbrud</li></ul>",
        **{
            "sections-0-title": "Organisering",
            "sections-0-body": "<h2>Tre niveauer</h2><p>Strategisk, operativt, taktisk.</p>",
            "focus_areas-0-title": "Tryghed i nattelivet",
            "focus_areas-0-background": "<p>Baggrund</p>",
            "focus_areas-0-ambition": "Vi vil skabe tryghed ved at …",
            "annual_cycle-0-kind": "meeting",
            "annual_cycle-0-title": "Borgmestermøde",
            "annual_cycle-0-quarter": 1,
        },
    )
    response = secretary_client.post(reverse("admin:plans_plan_add"), data)
    assert response.status_code == 302, response.context["errors"]
    plan = Plan.objects.get(district=district, period_start=2023)
    assert plan.foreword == "<p>Et <strong>trygt</strong> Sønderjylland.</p>"
    assert [s.title for s in plan.sections.all()] == ["Organisering"]
    assert plan.sections.get().body.startswith("<h2>Tre niveauer</h2>")
    assert [a.title for a in plan.focus_areas.all()] == ["Tryghed i nattelivet"]
    # A new plan has no groups to choose from: its areas go in a first group, to rename later.
    assert plan.focus_areas.get().group.heading == "Indsatsområder"
    assert [e.title for e in plan.annual_cycle.all()] == ["Borgmestermøde"]


@pytest.mark.parametrize("add_page", ["plans_plan_add", "forums_forum_add", "councils_council_add"])
def test_new_plan_forum_or_council_gets_the_users_district_preselected(
    secretary_client, district, add_page
):
    response = secretary_client.get(reverse(f"admin:{add_page}"))
    assert admin_form(response)["district"] == [str(district.pk)]


def test_sections_are_saved_in_the_order_the_user_arranged(secretary_client, world):
    plan = world["plan"]
    second = PlanSection.objects.create(plan=plan, title="Årshjul", body="<p>Møder</p>", order=2)
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = admin_form(secretary_client.get(url))
    # The drag or the »Op« button renumbers the hidden order fields; Årshjul comes first now.
    assert data["sections-0-title"] == [world["plansection"].title]
    data = single(data, **{"sections-0-order": 2, "sections-1-order": 1})
    response = secretary_client.post(url, data)
    assert response.status_code == 302
    assert list(plan.sections.values_list("pk", flat=True)) == [second.pk, world["plansection"].pk]


def test_sortable_inlines_render_keyboard_move_buttons(secretary_client, world):
    response = secretary_client.get(reverse("admin:plans_plan_change", args=[world["plan"].pk]))
    assert 'data-portal-move="up"' in response.text
    assert 'data-portal-move="down"' in response.text
    assert 'class="_reorder_"' in response.text


def test_rich_text_fields_use_the_prose_editor(secretary_client, world):
    response = secretary_client.get(reverse("admin:plans_plan_change", args=[world["plan"].pk]))
    assert "data-django-prose-editor-configurable" in response.text
    assert "django_prose_editor/editor.js" in response.text
    assert "admin-portal/admin.js" in response.text


def test_lines_typed_as_a_list_without_javascript_are_saved_as_a_list(secretary_client, world):
    plan = world["plan"]
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    html_list = "<ol><li><p>Kortlægge</p></li><li><p>Handle</p></li></ol>"
    data = single(
        admin_form(secretary_client.get(url)),
        # Without JavaScript the editor is a textarea: text pasted from a PDF arrives as lines.
        foreword="Kredsrådet vil:\r\n• forebygge indbrud\r\n• skabe tryghed\r\nGod læsning.",
        shared_goals=html_list,
    )
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    plan.refresh_from_db()
    assert plan.foreword == (
        "<p>Kredsrådet vil:</p><ul><li><p>forebygge indbrud</p></li>"
        "<li><p>skabe tryghed</p></li></ul><p>God læsning.</p>"
    )
    assert plan.shared_goals == html_list


def test_focus_area_row_links_to_its_own_page_with_the_activities(secretary_client, world):
    response = secretary_client.get(reverse("admin:plans_plan_change", args=[world["plan"].pk]))
    area_url = reverse("admin:plans_focusarea_change", args=[world["focusarea"].pk])
    assert area_url in response.text
    assert "2 aktiviteter" in response.text


def test_all_lokalraad_activity_added_on_the_focus_area_page_is_assigned_to_every_lokalraad(
    secretary_client, world, district
):
    area = world["focusarea"]
    url = reverse("admin:plans_focusarea_change", args=[area.pk])
    data = admin_form(secretary_client.get(url))
    index = data["activities-TOTAL_FORMS"][0]
    data = single(
        data,
        **{
            f"activities-{index}-text": "Borgermøder om nabohjælp",
            f"activities-{index}-all_local_councils": "on",
            f"activities-{index}-timing": "2017",
        },
    )
    data[f"activities-{int(index)}-responsible_councils"] = []
    data = single(data, **{"activities-TOTAL_FORMS": int(index) + 1})
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    activity = Activity.objects.get(text="Borgermøder om nabohjælp")
    lokalraad = set(Council.objects.filter(district=district, kind=Council.Kind.LOCAL))
    assert {assignment.council for assignment in activity.assignments.all()} == lokalraad


def test_activity_changed_to_named_lokalraad_on_its_page_is_assigned_to_those_named(
    secretary_client, world, esbjerg, toender
):
    activity = world["activity"]
    url = reverse("admin:plans_activity_change", args=[activity.pk])
    data = admin_form(secretary_client.get(url))
    data.pop("all_local_councils", None)
    data["responsible_councils"] = [str(esbjerg.pk), str(toender.pk)]
    response = secretary_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    held = set(Assignment.objects.filter(activity=activity).values_list("council", flat=True))
    # The assignment with a status update keeps its history; the rest follow the new choice.
    assert {esbjerg.pk, toender.pk} <= held
    assert held - {esbjerg.pk, toender.pk} == {world["assignment"].council_id}


def test_new_lokalraad_created_in_the_admin_gets_the_all_lokalraad_assignments(
    secretary_client, world, district
):
    fanoe = Municipality.objects.get(code="563")
    CouncilMunicipality.objects.filter(municipality=fanoe).delete()
    data = single(
        admin_form(secretary_client.get(reverse("admin:councils_council_add"))),
        kind="local",
        name="Lokalråd Fanø Nord",
        slug="",
        **{"councilmunicipality_set-0-municipality": fanoe.pk},
    )
    response = secretary_client.post(reverse("admin:councils_council_add"), data)
    assert response.status_code == 302, response.context["errors"]
    council = Council.objects.get(district=district, name="Lokalråd Fanø Nord")
    assert council.slug == "lokalraad-fanoe-nord"
    all_local = Activity.objects.filter(focus_area__plan=world["plan"], all_local_councils=True)
    assert set(Assignment.objects.filter(council=council).values_list("activity", flat=True)) == {
        activity.pk for activity in all_local
    }


def test_annual_cycle_entry_month_is_chosen_by_its_danish_name(secretary_client, world):
    url = reverse("admin:plans_plan_change", args=[world["plan"].pk])
    response = secretary_client.get(url)
    assert ">august</option>" in response.text
    data = single(admin_form(response), **{"annual_cycle-0-quarter": "", "annual_cycle-0-month": 8})
    assert secretary_client.post(url, data).status_code == 302
    assert AnnualCycleEntry.objects.get(pk=world["annualcycleentry"].pk).month == 8


def test_local_focus_area_without_its_lokalraad_is_refused_and_nothing_saved(
    secretary_client, world
):
    area = world["focusarea"]
    local = group_for(area.plan, "local")
    url = reverse("admin:plans_focusarea_change", args=[area.pk])
    data = single(admin_form(secretary_client.get(url)), group=local.pk)
    data.pop("councils", None)
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert "Vælg de lokalråd, der har valgt området." in response.text
    assert FocusArea.objects.get(pk=area.pk).group == area.group
