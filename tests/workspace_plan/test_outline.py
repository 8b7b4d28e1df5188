"""Adding, moving and deleting sections where they stand in the workspace."""

import pytest
from django.urls import reverse

from plans.models import PlanSection

pytestmark = pytest.mark.django_db


def titles(plan, parent=None):
    return list(
        PlanSection.objects.filter(plan=plan, parent=parent)
        .order_by("order", "pk")
        .values_list("title", flat=True)
    )


def add(client, plan, under=None, headers=None, **data):
    url = reverse("workspace:section_add", args=[plan.pk])
    if under is not None:
        url += f"?under={under.pk}"
    return client.post(url, {"body": "", **data}, headers=headers)


def test_a_new_chapter_comes_last(signed_in, draft):
    response = add(signed_in, draft, title="Bilag og kontakt")
    new = PlanSection.objects.get(title="Bilag og kontakt")
    assert response["Location"].endswith(f"#afsnit-{new.pk}")
    assert titles(draft) == ["Indledning", "Kriminalitet", "Årshjulet", "Bilag og kontakt"]


def test_a_new_sub_section_comes_last_under_its_section(signed_in, draft, section):
    add(signed_in, draft, under=section, title="Lokalrådene")
    assert titles(draft, section) == ["Kredsrådet", "Lokalrådene"]


def test_with_htmx_a_new_section_reloads_the_page_at_it(signed_in, draft):
    response = add(signed_in, draft, title="Nyt", headers={"HX-Request": "true"})
    new = PlanSection.objects.get(title="Nyt")
    # With the anchor in the query too: the browser loads the page, not only scrolls on it.
    assert response["HX-Redirect"].endswith(f"/?vis=afsnit-{new.pk}#afsnit-{new.pk}")


def test_without_javascript_a_new_section_opens_the_page_at_it(signed_in, draft):
    response = add(signed_in, draft, title="Nyt")
    new = PlanSection.objects.get(title="Nyt")
    assert response["Location"].endswith(f"/?vis=afsnit-{new.pk}#afsnit-{new.pk}")


def test_save_and_add_another_opens_the_next_chapters_form_in_the_workspace(signed_in, draft):
    response = add(signed_in, draft, title="Bilag", og_ny="endnu-et")
    plan_url = reverse("workspace:plan", args=[draft.pk])
    new = PlanSection.objects.get(title="Bilag")
    assert response["Location"] == f"{plan_url}?vis=afsnit-{new.pk}&ny=kapitel"
    html = signed_in.get(f"{plan_url}?ny=kapitel").content.decode()
    form_at = html.index('id="nyt-kapitel"')
    assert "<legend" in html[form_at:] and "Nyt kapitel</legend>" in html[form_at:]
    assert f'action="{reverse("workspace:section_add", args=[draft.pk])}"' in html[form_at:]
    assert 'name="title"' in html[form_at:] and "autofocus" in html[form_at:]


def test_save_and_add_a_sub_section_opens_its_form_under_the_new_one(signed_in, draft):
    response = add(
        signed_in, draft, title="Organisering", og_ny="underafsnit", headers={"HX-Request": "true"}
    )
    new = PlanSection.objects.get(title="Organisering")
    assert response["HX-Redirect"].endswith(f"&ny=under-{new.pk}")
    html = signed_in.get(response["HX-Redirect"]).content.decode()
    assert "Nyt underafsnit under »Organisering«" in html
    assert f"?under={new.pk}" in html


def test_a_third_level_section_offers_no_sub_section(signed_in, draft, section):
    sub = section.children.get()
    html = signed_in.get(
        reverse("workspace:section_add", args=[draft.pk]) + f"?under={sub.pk}"
    ).content.decode()
    assert "Gem og tilføj endnu et afsnit" in html
    assert "Gem og tilføj et underafsnit" not in html


def test_a_sub_sections_form_offers_a_new_chapter_and_a_chapters_does_not(
    signed_in, draft, section
):
    url = reverse("workspace:section_add", args=[draft.pk])
    assert (
        "Gem og tilføj nyt kapitel" in signed_in.get(f"{url}?under={section.pk}").content.decode()
    )
    assert "Gem og tilføj nyt kapitel" not in signed_in.get(url).content.decode()


@pytest.mark.parametrize("headers", [None, {"HX-Request": "true"}], ids=["page", "htmx"])
def test_save_and_add_a_chapter_after_a_sub_section_opens_the_chapters_form(
    signed_in, draft, section, headers
):
    response = add(
        signed_in, draft, under=section, title="Lokalrådene", og_ny="kapitel", headers=headers
    )
    new = PlanSection.objects.get(title="Lokalrådene")
    assert new.parent == section
    plan_url = reverse("workspace:plan", args=[draft.pk])
    url = f"{plan_url}?vis=afsnit-{new.pk}&ny=kapitel"
    assert (response["HX-Redirect"] if headers else response["Location"]) == url
    html = signed_in.get(url).content.decode()
    form_at = html.index('id="nyt-kapitel"')
    assert "Nyt kapitel</legend>" in html[form_at:]
    assert f'action="{reverse("workspace:section_add", args=[draft.pk])}"' in html[form_at:]


def test_a_chapter_asking_for_a_new_chapter_this_way_just_goes_to_it(signed_in, draft):
    response = add(signed_in, draft, title="Bilag", og_ny="kapitel")
    new = PlanSection.objects.get(title="Bilag")
    assert response["Location"].endswith(f"/?vis=afsnit-{new.pk}#afsnit-{new.pk}")


def test_a_fourth_level_is_refused_in_danish_and_the_title_kept(signed_in, draft):
    child = draft.sections.get(title="Kredsrådet")
    deepest = PlanSection.objects.create(plan=draft, parent=child, title="Formandskab")
    response = add(signed_in, draft, under=deepest, title="For dybt")
    html = response.content.decode()
    assert "en plan har højst 3 niveauer" in html
    assert 'value="For dybt"' in html
    assert not PlanSection.objects.filter(title="For dybt").exists()


def test_a_new_section_needs_a_title(signed_in, draft):
    response = add(signed_in, draft, title="")
    assert "Giv afsnittet en overskrift." in response.content.decode()


def move(client, section, direction):
    url = reverse("workspace:section_move", args=[section.plan_id, section.pk])
    return client.post(url, {"retning": direction})


def drop(client, section, place):
    url = reverse("workspace:section_move", args=[section.plan_id, section.pk])
    return client.post(url, {"plads": place})


def test_moving_down_swaps_with_the_next_sibling(signed_in, draft, section):
    response = move(signed_in, section, "down")
    assert response["Location"].endswith(f"#afsnit-{section.pk}")
    assert titles(draft) == ["Kriminalitet", "Indledning", "Årshjulet"]


def test_moving_up_swaps_with_the_previous_sibling_and_keeps_sub_sections(signed_in, draft):
    last = draft.sections.get(title="Årshjulet")
    move(signed_in, last, "up")
    assert titles(draft) == ["Indledning", "Årshjulet", "Kriminalitet"]
    assert titles(draft, draft.sections.get(title="Indledning")) == ["Kredsrådet"]


def test_the_first_section_does_not_move_up(signed_in, draft, section):
    move(signed_in, section, "up")
    assert titles(draft) == ["Indledning", "Kriminalitet", "Årshjulet"]


def test_a_dragged_section_takes_its_place_among_its_siblings(signed_in, draft, section):
    response = drop(signed_in, section, "3")
    assert response["Location"].endswith(f"#afsnit-{section.pk}")
    assert titles(draft) == ["Kriminalitet", "Årshjulet", "Indledning"]
    drop(signed_in, section, "1")
    assert titles(draft) == ["Indledning", "Kriminalitet", "Årshjulet"]


def test_a_place_past_the_end_is_the_last(signed_in, draft, section):
    drop(signed_in, section, "9")
    assert titles(draft) == ["Kriminalitet", "Årshjulet", "Indledning"]


@pytest.mark.parametrize("place", ["0", "-1", "to", "²", ""])
def test_a_move_to_no_place_is_not_found_and_changes_nothing(signed_in, draft, section, place):
    assert drop(signed_in, section, place).status_code == 404
    assert titles(draft) == ["Indledning", "Kriminalitet", "Årshjulet"]


def test_the_delete_page_asks_once(signed_in, draft):
    last = draft.sections.get(title="Årshjulet")
    url = reverse("workspace:section_delete", args=[draft.pk, last.pk])
    assert "Slet afsnittet »Årshjulet«?" in signed_in.get(url).content.decode()
    response = signed_in.post(url)
    assert response.status_code == 302
    assert titles(draft) == ["Indledning", "Kriminalitet"]


def test_a_section_with_sub_sections_is_not_deleted(signed_in, draft, section):
    url = reverse("workspace:section_delete", args=[draft.pk, section.pk])
    response = signed_in.post(url)
    html = response.content.decode()
    assert "har underafsnit og kan ikke slettes" in html
    assert "Ja, slet" not in html
    assert PlanSection.objects.filter(pk=section.pk).exists()


def test_a_section_holding_groups_is_not_deleted(signed_in, draft):
    crime = draft.sections.get(title="Kriminalitet")
    url = reverse("workspace:section_delete", args=[draft.pk, crime.pk])
    response = signed_in.post(url)
    assert "rummer grupper af indsatsområder" in response.content.decode()
    assert PlanSection.objects.filter(pk=crime.pk).exists()
