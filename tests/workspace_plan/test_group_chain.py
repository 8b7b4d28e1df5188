"""A plan's groups and focus areas typed in one run: a new group's form goes on to its first
focus area ("Opret og tilføj indsatsområde"), a new focus area's form to the next area in the
group or to a new group in the same place ("Opret og tilføj nyt indsatsområde", "… ny
gruppe"), each landing on the workspace with that form open (``?ny=…``), with htmx and
without JavaScript. A new group's type and ranking follow from its heading unless chosen."""

import re

import pytest
from django.urls import reverse

from plans.models import FocusArea, FocusAreaGroup

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, *args):
    return reverse(f"workspace:{name}", args=list(args))


def opened(plan, shown, opening):
    """No #anchor: the form's autofocus puts the cursor in it, which an anchor would stop."""
    return f"{url('plan', plan.pk)}?vis={shown}&ny={opening}"


def buttons(html):
    return re.findall(r'<button type="submit" name="og_videre" value="(\w+)"[^>]*>([^<]+)<', html)


def type_options(html):
    select = re.search(r'<select name="kind".*?</select>', html, re.DOTALL).group(0)
    return re.findall(r'<option value="(\w*)"( selected)?>([^<]+)</option>', select)


def area_data(**more):
    return {"title": "Unge og fester", "background": "<p>Om fester</p>", "ambition": "", **more}


@pytest.fixture
def chapter(area):
    """The chapter the draft's group stands in."""
    return area.group.section


# --- A new group goes on to its first focus area ------------------------------------------


def test_a_new_groups_form_offers_to_go_on_to_a_focus_area(signed_in, draft):
    html = signed_in.get(url("group_add", draft.pk), **HTMX).content.decode()
    assert buttons(html) == [("omraade", "Opret og tilføj indsatsområde")]


def test_a_group_saved_with_it_lands_on_its_new_areas_form(signed_in, draft, chapter):
    add = url("section_group_add", draft.pk, chapter.pk)
    data = {"heading": "Øvrige", "kind": "police", "section": chapter.pk, "og_videre": "omraade"}
    response = signed_in.post(add, data)
    group = FocusAreaGroup.objects.get(heading="Øvrige")
    assert group.section == chapter
    assert response["Location"] == opened(draft, f"gruppe-{group.pk}", f"indsatsomraade-{group.pk}")
    html = signed_in.get(response["Location"]).content.decode()
    assert f'action="{url("focus_area_add", draft.pk, group.pk)}"' in html
    assert "Nyt indsatsområde i »Øvrige«" in html


def test_with_htmx_the_page_loads_at_the_new_areas_form(signed_in, draft):
    data = {"heading": "Øvrige", "kind": "police", "og_videre": "omraade"}
    response = signed_in.post(url("group_add", draft.pk), data, **HTMX)
    group = FocusAreaGroup.objects.get(heading="Øvrige")
    assert response["HX-Redirect"] == opened(
        draft, f"gruppe-{group.pk}", f"indsatsomraade-{group.pk}"
    )


def test_an_existing_groups_form_offers_no_way_on(signed_in, draft, area):
    html = signed_in.get(url("group_edit", draft.pk, area.group_id), **HTMX).content.decode()
    assert buttons(html) == []


# --- A new focus area goes on to the next area or the next group --------------------------


def test_a_new_areas_form_offers_the_next_area_and_the_next_group(signed_in, draft, area):
    html = signed_in.get(url("focus_area_add", draft.pk, area.group_id)).content.decode()
    assert buttons(html) == [
        ("aktiviteter", "Opret og tilføj aktiviteter"),
        ("omraade", "Opret og tilføj nyt indsatsområde"),
        ("gruppe", "Opret og tilføj ny gruppe"),
    ]


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["without-js", "htmx"])
def test_an_area_saved_with_the_next_area_lands_on_it_in_the_group(signed_in, draft, area, headers):
    add = url("focus_area_add", draft.pk, area.group_id)
    response = signed_in.post(add, area_data(og_videre="omraade"), **headers)
    new = FocusArea.objects.get(title="Unge og fester")
    group = area.group_id
    expected = opened(draft, f"indsatsomraade-{new.pk}", f"indsatsomraade-{group}")
    assert response["HX-Redirect" if headers else "Location"] == expected
    html = signed_in.get(expected).content.decode()
    assert f'action="{add}"' in html and "Opret og tilføj ny gruppe" in html


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["without-js", "htmx"])
def test_an_area_saved_with_the_next_group_lands_on_a_group_form_in_its_section(
    signed_in, draft, area, chapter, headers
):
    add = url("focus_area_add", draft.pk, area.group_id)
    response = signed_in.post(add, area_data(og_videre="gruppe"), **headers)
    new = FocusArea.objects.get(title="Unge og fester")
    opening = f"gruppe-i-afsnit-{chapter.pk}"
    expected = opened(draft, f"indsatsomraade-{new.pk}", opening)
    assert response["HX-Redirect" if headers else "Location"] == expected


def test_the_opened_group_form_stands_in_its_section_with_the_cursor_in_its_heading(
    signed_in, draft, chapter
):
    address = opened(draft, "x", f"gruppe-i-afsnit-{chapter.pk}")
    html = signed_in.get(address).content.decode()
    slot = html.split(f'id="ny-gruppe-i-afsnit-{chapter.pk}"')[1].split("</form>")[0]
    assert f'action="{url("section_group_add", draft.pk, chapter.pk)}"' in slot
    assert re.search(r'<input type="text" name="heading"[^>]*autofocus', slot)
    assert f'<option value="{chapter.pk}" selected>' in slot
    assert "Opret gruppen" in slot and "Opret og tilføj indsatsområde" in slot
    # Only there: the other sections and the general place still offer their links.
    assert html.count('action="' + url("section_group_add", draft.pk, chapter.pk)) == 1
    assert f'href="{url("group_add", draft.pk)}"' in html


def test_an_area_in_an_unplaced_group_goes_on_to_an_unplaced_group(signed_in, draft, area):
    area.group.section = None
    area.group.save()
    add = url("focus_area_add", draft.pk, area.group_id)
    response = signed_in.post(add, area_data(og_videre="gruppe"))
    new = FocusArea.objects.get(title="Unge og fester")
    assert response["Location"] == opened(draft, f"indsatsomraade-{new.pk}", "gruppe")
    html = signed_in.get(response["Location"]).content.decode()
    slot = html.split('id="ny-gruppe"')[1].split("</form>")[0]
    assert f'action="{url("group_add", draft.pk)}"' in slot and "autofocus" in slot


def test_an_area_with_an_error_keeps_its_input_and_opens_nothing(signed_in, draft, area):
    add = url("focus_area_add", draft.pk, area.group_id)
    response = signed_in.post(add, area_data(title="", ambition="Færre", og_videre="gruppe"))
    html = response.content.decode()
    assert response.status_code == 200 and "Location" not in response
    assert "Giv indsatsområdet en titel." in html and "Færre" in html


def test_another_plans_section_opens_no_group_form(signed_in, draft, district, make_plan):
    other = make_plan(district, start=2030, end=2030).sections.create(title="Fremmed")
    address = url("plan", draft.pk) + f"?ny=gruppe-i-afsnit-{other.pk}"
    response = signed_in.get(address)
    assert response.status_code == 200
    assert url("section_group_add", draft.pk, other.pk) not in response.content.decode()
    assert "Opret gruppen" not in response.content.decode()


# --- Type and ranking from the heading ----------------------------------------------------


def test_a_new_groups_type_starts_on_the_heading(signed_in, draft):
    html = signed_in.get(url("group_add", draft.pk)).content.decode()
    assert type_options(html)[0] == ("", " selected", "Ud fra overskriften")
    assert "ellers kredsfælles" in html


def test_an_existing_group_shows_its_own_type(signed_in, draft, area):
    html = signed_in.get(url("group_edit", draft.pk, area.group_id)).content.decode()
    options = type_options(html)
    assert ("district", " selected", "Kredsfælles indsatsområder") in options
    assert all(value for value, _selected, _label in options)


@pytest.mark.parametrize(
    ("heading", "kind", "ranked"),
    [
        ("Nationale indsatsområder med højeste prioritet", "national", True),
        ("Lokalt valgte indsatsområder", "local", False),
        ("Øvrige indsatsområder", "district", False),
        ("Kredsens indsatsområder i rangordnet rækkefølge", "district", True),
    ],
)
def test_a_type_left_to_the_heading_is_taken_from_it(signed_in, draft, heading, kind, ranked):
    signed_in.post(url("group_add", draft.pk), {"heading": heading, "kind": ""})
    group = FocusAreaGroup.objects.get(heading=heading)
    assert (group.kind, group.ranked) == (kind, ranked)


def test_a_chosen_type_and_ranking_win_over_the_heading(signed_in, draft):
    heading = "Nationale indsatsområder"
    signed_in.post(url("group_add", draft.pk), {"heading": heading, "kind": "police"})
    assert FocusAreaGroup.objects.get(heading=heading).kind == "police"
    signed_in.post(url("group_add", draft.pk), {"heading": "Øvrige", "kind": "", "ranked": "on"})
    assert FocusAreaGroup.objects.get(heading="Øvrige").ranked


def test_a_group_without_heading_keeps_the_input_and_opens_nothing(signed_in, draft):
    data = {"heading": "", "kind": "", "ranked": "on", "og_videre": "omraade"}
    response = signed_in.post(url("group_add", draft.pk), data, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "HX-Redirect" not in response
    assert "Giv gruppen en overskrift." in html
    assert type_options(html)[0] == ("", " selected", "Ud fra overskriften")
    assert re.search(r'name="ranked"[^>]*checked', html)
    assert not FocusAreaGroup.objects.filter(plan=draft, heading="").exists()
