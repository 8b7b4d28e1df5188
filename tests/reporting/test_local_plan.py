"""A lokalråd secretary adds, edits and reorders the lokalråd's own focus areas and activities
on the district's current plan (the bilateral handleplan)."""

import pytest
from django.urls import reverse

from plans.models import Activity, Assignment, FocusArea
from plans.services import save_local_activity, save_local_focus_area

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan_once")]


def local_areas(council):
    return list(
        FocusArea.objects.filter(councils=council, group__kind="local")
        .order_by("order", "pk")
        .values_list("title", flat=True)
    )


def test_secretary_adds_a_local_focus_area(client, plan, esbjerg, secretary):
    client.force_login(secretary)
    response = client.post(
        reverse("members:focus_area_create", args=[esbjerg.pk]),
        {
            "title": "Tryghed på havnen",
            "background": "Flere henvendelser om uro.\n\nIsær om aftenen.",
            "ambition": "Vi vil skabe tryghed ved at…",
        },
    )
    assert response["Location"] == reverse("members:local_plan", args=[esbjerg.pk])
    area = FocusArea.objects.get(title="Tryghed på havnen")
    assert (area.plan, area.group.kind, list(area.councils.all())) == (plan, "local", [esbjerg])
    assert area.group.heading == "Lokalt valgte indsatsområder"
    assert area.background == "<p>Flere henvendelser om uro.</p><p>Især om aftenen.</p>"
    assert area.order > plan.focus_areas.exclude(pk=area.pk).order_by("-order")[0].order


def test_secretary_adds_an_activity_that_becomes_the_lokalraads_assignment(
    client, plan, esbjerg, secretary
):
    district_area = plan.focus_areas.get(title="Trygt nærmiljø")
    client.force_login(secretary)
    client.post(
        reverse("members:activity_create", args=[esbjerg.pk]),
        {"focus_area": district_area.pk, "text": "Natteravne på havnen", "timing": "2018"},
    )
    activity = Activity.objects.get(text="Natteravne på havnen")
    assert activity.actors_display == esbjerg.name
    assert not activity.carried_by_district and not activity.all_local_councils
    assert list(activity.responsible_councils.all()) == [esbjerg]
    assert [a.council for a in Assignment.objects.filter(activity=activity)] == [esbjerg]


def test_new_activity_shows_on_mit_lokalraad(client, plan, esbjerg, secretary):
    save_local_activity(
        council=esbjerg,
        focus_area=plan.focus_areas.first(),
        text="Natteravne på havnen",
        timing="",
    )
    client.force_login(secretary)
    assert "Natteravne på havnen" in client.get(reverse("members:council", args=[esbjerg.pk])).text


def test_page_says_edits_are_public_only_at_the_next_publication(client, plan, esbjerg, secretary):
    client.force_login(secretary)
    text = client.get(reverse("members:local_plan", args=[esbjerg.pk])).text
    assert "først offentligt, når sekretariatet offentliggør planen igen" in text


def test_activity_under_another_lokalraads_focus_area_is_refused(
    client, plan, esbjerg, toender, secretary
):
    toender_area = save_local_focus_area(
        council=toender, title="Tønders område", background="", ambition=""
    )
    client.force_login(secretary)
    response = client.post(
        reverse("members:activity_create", args=[esbjerg.pk]),
        {"focus_area": toender_area.pk, "text": "Snyd", "timing": ""},
    )
    assert response.status_code == 200
    assert "Vælg et af de viste indsatsområder." in response.text
    assert "Snyd</textarea>" in response.text
    assert not Activity.objects.filter(text="Snyd").exists()


def test_secretary_edits_a_local_activity(client, plan, esbjerg, secretary):
    activity = save_local_activity(
        council=esbjerg, focus_area=plan.focus_areas.first(), text="Gammel", timing=""
    )
    client.force_login(secretary)
    client.post(
        reverse("members:activity_edit", args=[esbjerg.pk, activity.pk]),
        {
            "focus_area": activity.focus_area_id,
            "text": "Ny tekst",
            "timing": "2018",
            "revision": activity.revision,
        },
    )
    activity.refresh_from_db()
    assert (activity.text, activity.timing) == ("Ny tekst", "2018")


def test_district_activity_cannot_be_edited_by_the_secretary(client, plan, esbjerg, secretary):
    activity = plan.focus_areas.first().activities.first()
    client.force_login(secretary)
    url = reverse("members:activity_edit", args=[esbjerg.pk, activity.pk])
    assert client.get(url).status_code == 404


def test_stale_edit_is_refused_and_keeps_the_users_text(client, plan, esbjerg, secretary):
    area = save_local_focus_area(council=esbjerg, title="Første", background="", ambition="")
    stale_revision = area.revision
    save_local_focus_area(
        council=esbjerg,
        title="Kollegaens titel",
        background="",
        ambition="",
        focus_area=area,
        expected_revision=stale_revision,
    )
    client.force_login(secretary)
    response = client.post(
        reverse("members:focus_area_edit", args=[esbjerg.pk, area.pk]),
        {"title": "Min titel", "background": "", "ambition": "", "revision": stale_revision},
    )
    assert response.status_code == 200
    assert "En anden har ændret dette" in response.text
    assert 'value="Min titel"' in response.text
    assert "Kollegaens titel" in response.text
    area.refresh_from_db()
    assert area.title == "Kollegaens titel"


def test_stale_activity_edit_is_refused_and_saving_again_overwrites_deliberately(
    client, plan, esbjerg, secretary
):
    activity = save_local_activity(
        council=esbjerg, focus_area=plan.focus_areas.first(), text="Første", timing=""
    )
    stale_revision = activity.revision
    save_local_activity(
        council=esbjerg,
        focus_area=activity.focus_area,
        text="Kollegaens tekst",
        timing="",
        activity=activity,
        expected_revision=stale_revision,
    )
    client.force_login(secretary)
    url = reverse("members:activity_edit", args=[esbjerg.pk, activity.pk])
    mine = {"focus_area": activity.focus_area_id, "text": "Min tekst", "timing": "2018"}

    refused = client.post(url, {**mine, "revision": stale_revision})

    assert refused.status_code == 200
    assert "En anden har ændret dette" in refused.text
    assert "Min tekst</textarea>" in refused.text
    assert f'name="revision" value="{stale_revision + 1}"' in refused.text
    activity.refresh_from_db()
    assert (activity.text, activity.revision) == ("Kollegaens tekst", stale_revision + 1)

    client.post(url, {**mine, "revision": stale_revision + 1})

    activity.refresh_from_db()
    assert (activity.text, activity.revision) == ("Min tekst", stale_revision + 2)


def test_formatted_background_is_kept_when_a_secretary_edits_the_title(
    client, plan, esbjerg, secretary
):
    area = save_local_focus_area(
        council=esbjerg, title="Område", background="<h2>Tal</h2><ul><li>12</li></ul>", ambition=""
    )
    client.force_login(secretary)
    client.post(
        reverse("members:focus_area_edit", args=[esbjerg.pk, area.pk]),
        {"title": "Nyt navn", "ambition": "", "revision": area.revision},
    )
    area.refresh_from_db()
    assert area.title == "Nyt navn"
    assert area.background == "<h2>Tal</h2><ul><li>12</li></ul>"


def test_plain_background_is_edited_as_text(client, plan, esbjerg, secretary):
    area = save_local_focus_area(
        council=esbjerg, title="Område", background="<p>Linje et<br>linje to</p>", ambition=""
    )
    client.force_login(secretary)
    response = client.get(reverse("members:focus_area_edit", args=[esbjerg.pk, area.pk]))
    assert "Linje et\nlinje to</textarea>" in response.text


def test_secretary_moves_a_local_focus_area_up(client, plan, esbjerg, secretary):
    for title in ["A", "B", "C"]:
        save_local_focus_area(council=esbjerg, title=title, background="", ambition="")
    c = FocusArea.objects.get(title="C")
    client.force_login(secretary)
    client.post(reverse("members:focus_area_move", args=[esbjerg.pk, c.pk]), {"retning": "up"})
    assert local_areas(esbjerg) == ["A", "C", "B"]


def test_moving_keeps_the_local_areas_after_the_district_areas(client, plan, esbjerg, secretary):
    for title in ["A", "B"]:
        save_local_focus_area(council=esbjerg, title=title, background="", ambition="")
    client.force_login(secretary)
    b = FocusArea.objects.get(title="B")
    client.post(reverse("members:focus_area_move", args=[esbjerg.pk, b.pk]), {"retning": "up"})
    titles = list(plan.focus_areas.order_by("order", "pk").values_list("title", flat=True))
    assert titles == ["Trygt nærmiljø", "Unge og kriminalitet", "B", "A"]


def test_first_area_cannot_move_further_up(client, plan, esbjerg, secretary):
    for title in ["A", "B"]:
        save_local_focus_area(council=esbjerg, title=title, background="", ambition="")
    a = FocusArea.objects.get(title="A")
    client.force_login(secretary)
    client.post(reverse("members:focus_area_move", args=[esbjerg.pk, a.pk]), {"retning": "up"})
    assert local_areas(esbjerg) == ["A", "B"]


def test_secretary_moves_an_own_activity_down_past_another_own(client, plan, esbjerg, secretary):
    area = plan.focus_areas.first()
    first = save_local_activity(council=esbjerg, focus_area=area, text="Først", timing="")
    save_local_activity(council=esbjerg, focus_area=area, text="Dernæst", timing="")
    client.force_login(secretary)
    client.post(reverse("members:activity_move", args=[esbjerg.pk, first.pk]), {"retning": "down"})
    texts = list(area.activities.order_by("order", "pk").values_list("text", flat=True))
    assert texts == ["Aktivitet 1", "Aktivitet 2", "Aktivitet 3", "Dernæst", "Først"]


def test_activity_named_for_several_lokalraad_is_not_one_lokalraads_own(
    client, plan, esbjerg, toender, secretary
):
    from plans.services import sync_assignments

    shared = Activity.objects.create(
        focus_area=plan.focus_areas.first(),
        text="Fælles for Esbjerg og Tønder",
    )
    shared.responsible_councils.set([esbjerg, toender])
    sync_assignments(activity=shared)
    client.force_login(secretary)
    url = reverse("members:activity_edit", args=[esbjerg.pk, shared.pk])
    assert client.get(url).status_code == 404
