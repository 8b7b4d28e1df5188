"""Activities inside their focus area's block in the workspace: added, edited, moved and deleted
in place (htmx) and page by page (no JavaScript); who carries them chosen from the plan's own
district only, under the admin's actor rule, with Danish errors and the input kept."""

import pytest
from django.urls import reverse

from councils.models import Council, Municipality
from plans.models import Activity, Assignment, StatusUpdate

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def add_url(area):
    return reverse("workspace:activity_add", args=[area.plan_id, area.pk])


def edit_url(activity):
    return reverse("workspace:activity_edit", args=[activity.focus_area.plan_id, activity.pk])


def plan_url(plan, anchor):
    return reverse("workspace:plan", args=[plan.pk]) + f"#{anchor}"


def activities(area):
    return list(area.activities.order_by("order", "pk"))


def test_the_block_lists_its_activities_with_their_actions(signed_in, draft, area):
    html = signed_in.get(reverse("workspace:plan", args=[draft.pk])).content.decode()
    first, second = activities(area)
    assert f'id="aktivitet-{first.pk}"' in html and f'id="aktivitet-{second.pk}"' in html
    assert "<dt>Ansvarlige</dt><dd>Alle lokalråd</dd>" in html
    assert "<dt>Tidsramme</dt><dd>2017-18</dd>" in html and "Aktivitet 1" in html
    assert f'href="{edit_url(first)}"' in html
    assert reverse("workspace:activity_move", args=[draft.pk, first.pk]) in html
    assert reverse("workspace:activity_delete", args=[draft.pk, first.pk]) in html
    assert f'href="{add_url(area)}"' in html and "Ny aktivitet" in html


def test_the_form_groups_the_districts_own_actors(signed_in, area, district, other_district):
    html = signed_in.get(add_url(area)).content.decode()
    assert "<h1>Ny aktivitet under »Trygt nærmiljø«</h1>" in html
    for label in [
        "Politiet",
        "Enhed i politiet",
        "Kommuner",
        "Kredsrådet",
        "Sekretariatet",
        "Et samarbejdsforum",
        "Alle lokalråd",
        "Navngivne lokalråd og lokalråd+",
    ]:
        assert label in html
    assert "Esbjerg" in html and "Tønder" in html
    for council in Council.objects.filter(district=other_district):
        assert council.name not in html
    own = Municipality.objects.filter(district=district).first()
    assert own.name in html


def test_adding_without_javascript_puts_it_last_and_gives_named_lokalraad_assignments(
    signed_in, draft, area, esbjerg
):
    response = signed_in.post(
        add_url(area),
        {
            "text": "Tryghedsvandring i Esbjerg",
            "timing": "2026",
            "responsible_councils": [esbjerg.pk],
        },
    )
    new = Activity.objects.get(text="Tryghedsvandring i Esbjerg")
    assert response.status_code == 302
    assert response["Location"].endswith(plan_url(draft, f"aktivitet-{new.pk}"))
    assert activities(area)[-1] == new
    assert list(new.responsible_councils.all()) == [esbjerg]
    assert list(Assignment.objects.filter(activity=new).values_list("council", flat=True)) == [
        esbjerg.pk
    ]


def test_save_and_add_another_reopens_an_empty_form_in_the_block(signed_in, area):
    response = signed_in.post(
        add_url(area),
        {"text": "Første aktivitet", "secretariat": "on", "og_ny": "1"},
        **HTMX,
    )
    html = response.content.decode()
    assert response["HX-Retarget"] == f"#indsatsomraade-{area.pk}"
    assert "Første aktivitet" in html and "Gemt." in html
    assert f'hx-post="{add_url(area)}"' in html and "Gem og tilføj endnu en" in html
    assert 'name="text"' in html and "autofocus" in html
    assert activities(area)[-1].text == "Første aktivitet"


def test_save_and_add_another_without_javascript_goes_to_an_empty_form(signed_in, area):
    response = signed_in.post(
        add_url(area), {"text": "Første aktivitet", "secretariat": "on", "og_ny": "1"}
    )
    assert response.status_code == 302 and response["Location"] == add_url(area)
    html = signed_in.get(response["Location"]).content.decode()
    assert "Aktiviteten »Første aktivitet« er gemt. Skriv den næste." in html
    assert "Første aktivitet</textarea>" not in html


def test_save_and_add_another_keeps_the_input_on_an_error(signed_in, area):
    response = signed_in.post(add_url(area), {"text": "Uden ansvarlige", "og_ny": "1"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "Uden ansvarlige" in html
    assert not area.activities.filter(text="Uden ansvarlige").exists()


def test_adding_with_htmx_swaps_in_the_whole_block(signed_in, area):
    response = signed_in.get(add_url(area), **HTMX)
    assert "<html" not in response.content.decode()
    assert "Opret aktiviteten" in response.content.decode()
    response = signed_in.post(
        add_url(area),
        {"text": "Møde med skolerne", "secretariat": "on", "all_local_councils": "on"},
        **HTMX,
    )
    html = response.content.decode()
    assert response["HX-Retarget"] == f"#indsatsomraade-{area.pk}"
    assert response["HX-Reswap"] == "outerHTML"
    assert f'id="indsatsomraade-{area.pk}"' in html
    assert "Møde med skolerne" in html and "Gemt." in html
    new = Activity.objects.get(text="Møde med skolerne")
    assert f"<dd>{new.actors_display}</dd>" in html and "alle lokalråd" in new.actors_display


def test_no_actor_is_refused_in_danish_with_the_input_kept(signed_in, area):
    response = signed_in.post(add_url(area), {"text": "Min nye aktivitet", "timing": "Foråret"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vælg mindst én ansvarlig" in html
    assert "Min nye aktivitet" in html and "Foråret" in html
    assert not Activity.objects.filter(text="Min nye aktivitet").exists()


def test_all_and_named_lokalraad_together_is_refused(signed_in, area, esbjerg):
    response = signed_in.post(
        add_url(area),
        {"text": "Dobbelt", "all_local_councils": "on", "responsible_councils": [esbjerg.pk]},
        **HTMX,
    )
    html = response.content.decode()
    assert "Alle lokalråd er allerede valgt" in html
    assert "Dobbelt" in html
    assert not Activity.objects.filter(text="Dobbelt").exists()


def test_another_districts_lokalraad_and_kommune_are_refused(signed_in, area, other_district):
    council = Council.objects.filter(district=other_district, kind=Council.Kind.LOCAL).first()
    kommune = Municipality.objects.filter(district=other_district).first()
    response = signed_in.post(
        add_url(area),
        {"text": "Over grænsen", "responsible_councils": [council.pk]},
    )
    html = response.content.decode()
    assert "Vælg kun blandt planens politikreds&#x27; egne" in html
    assert "Over grænsen" in html
    response = signed_in.post(
        add_url(area), {"text": "Over grænsen", "police": "on", "municipalities": [kommune.pk]}
    )
    assert "Vælg kun blandt planens politikreds&#x27; egne" in response.content.decode()
    assert not Activity.objects.filter(text="Over grænsen").exists()


def test_a_police_unit_without_the_police_is_refused_next_to_the_field(signed_in, area):
    response = signed_in.post(
        add_url(area), {"text": "Enhed alene", "police_unit": "Lokalpolitiet", "secretariat": "on"}
    )
    html = response.content.decode()
    assert "Sæt kryds ved »Politiet«" in html
    assert 'value="Lokalpolitiet"' in html


def test_editing_with_htmx_saves_and_follows_with_assignments(signed_in, area, esbjerg, toender):
    activity = activities(area)[0]
    response = signed_in.get(edit_url(activity), **HTMX)
    html = response.content.decode()
    assert f'id="aktivitet-{activity.pk}-del"' in html and 'name="loaded_revision"' in html
    response = signed_in.post(
        edit_url(activity),
        {
            "text": "Aktivitet 1, rettet",
            "timing": "2026",
            "police": "on",
            "police_unit": "Lokalpolitiet",
            "responsible_councils": [toender.pk],
            "loaded_revision": 0,
        },
        **HTMX,
    )
    assert response["HX-Retarget"] == f"#indsatsomraade-{area.pk}"
    assert "Politiet (Lokalpolitiet)" in response.content.decode()
    activity.refresh_from_db()
    assert activity.text == "Aktivitet 1, rettet"
    assert activity.revision == 1
    councils = set(activity.assignments.values_list("council__slug", flat=True))
    assert "toender" in councils and "esbjerg" not in councils


def test_a_conflicting_edit_is_refused_and_keeps_the_input(signed_in, area):
    activity = activities(area)[0]
    Activity.objects.filter(pk=activity.pk).update(revision=4)
    response = signed_in.post(
        edit_url(activity),
        {"text": "Min udgave", "all_local_councils": "on", "loaded_revision": 0},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Min udgave" in html and "er ændret af en anden, mens du redigerede" in html
    activity.refresh_from_db()
    assert activity.text == "Aktivitet 1"


def test_another_plans_activity_is_not_found(signed_in, draft, district, make_plan):
    other = make_plan(district, start=2021, end=2022, activities=1)
    activity = Activity.objects.get(focus_area__plan=other)
    url = reverse("workspace:activity_edit", args=[draft.pk, activity.pk])
    assert signed_in.get(url).status_code == 404


def test_moving_swaps_with_the_neighbour(signed_in, draft, area):
    first, second = activities(area)
    url = reverse("workspace:activity_move", args=[draft.pk, second.pk])
    response = signed_in.post(url, {"retning": "up"})
    assert response["Location"].endswith(plan_url(draft, f"aktivitet-{second.pk}"))
    assert activities(area) == [second, first]
    signed_in.post(url, {"retning": "up"})  # already first: nothing changes
    assert activities(area) == [second, first]
    signed_in.post(url, {"retning": "down"})
    assert activities(area) == [first, second]


def test_a_dragged_activity_takes_its_place_in_its_focus_area(signed_in, draft, area):
    first, second = activities(area)
    url = reverse("workspace:activity_move", args=[draft.pk, first.pk])
    response = signed_in.post(url, {"plads": "2"})
    assert response["Location"].endswith(plan_url(draft, f"aktivitet-{first.pk}"))
    assert activities(area) == [second, first]


def test_deleting_asks_once_then_deletes_with_its_assignments(signed_in, draft, area):
    activity = activities(area)[0]
    url = reverse("workspace:activity_delete", args=[draft.pk, activity.pk])
    html = signed_in.get(url).content.decode()
    assert "Slet aktiviteten under »Trygt nærmiljø«?" in html and "Ja, slet aktiviteten" in html
    response = signed_in.post(url)
    assert response["Location"].endswith(plan_url(draft, f"indsatsomraade-{area.pk}"))
    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert not Assignment.objects.filter(activity_id=activity.pk).exists()


def test_deleting_is_refused_while_status_history_hangs_on_it(signed_in, draft, area, secretariat):
    activity = activities(area)[0]
    # A plan under revision keeps the status history of its published version.
    StatusUpdate.objects.create(
        assignment=activity.assignments.first(),
        status="in_progress",
        public_text="I gang.",
        author=secretariat,
    )
    url = reverse("workspace:activity_delete", args=[draft.pk, activity.pk])
    html = signed_in.get(url).content.decode()
    assert "Aktiviteten har statusopdateringer og kan ikke slettes" in html
    assert "Ja, slet aktiviteten" not in html
    response = signed_in.post(url)
    assert response.status_code == 200
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_each_activity_shows_how_far_the_lokalraad_have_come(signed_in, draft, area):
    """The workspace shows an activity's status with the public page's component (issue 14: one
    status component), so a secretariat revising a plan sees what the lokalråd have reported
    (an assignment's status is its latest report's)."""
    first, second = activities(area)
    count = Assignment.objects.filter(activity=first).update(status="in_progress")
    html = signed_in.get(reverse("workspace:plan", args=[draft.pk])).content.decode()
    block = html[html.index(f'id="aktivitet-{first.pk}-del"') :]
    block = block[: block.index(f'id="aktivitet-{second.pk}-del"')]
    assert f'<p class="status-summary mb-1" id="status-{first.pk}">' in block
    assert f'<progress class="status-progress" max="{count}" value="0"' in block
    assert f"I gang: {count}" in block
    rest = html[html.index(f'id="aktivitet-{second.pk}-del"') :]
    assert f'id="status-{second.pk}"' in rest and "I gang:" not in rest
