"""A secretariat user builds a plan's outline in the admin: chapters, sub-sections and their
sub-sections (three levels at most), and focus-area groups placed in a chapter; whatever would
break the outline is refused in Danish and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans import publishing
from plans.models import FocusAreaGroup, Plan, PlanSection

from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db


def plan_url(plan):
    return reverse("admin:plans_plan_change", args=[plan.pk])


def section_url(section):
    return reverse("admin:plans_plansection_change", args=[section.pk])


def new_row(data, prefix: str) -> str:
    return f"{prefix}-{int(data[f'{prefix}-TOTAL_FORMS'][0]) - 1}"


def row_of(data, prefix: str, pk: int) -> str:
    for name, values in data.items():
        if name.startswith(f"{prefix}-") and name.endswith("-id") and values == [str(pk)]:
            return name.removesuffix("-id")
    raise AssertionError(f"no row for {pk}")


def select_html(page: str, name: str) -> str:
    start = page.index(f'name="{name}"')
    return page[start : page.index("</select>", start)]


def add_section(client, plan, title, parent=None):
    """Add a section on the plan's page as a user would: the empty row at the end."""
    data = admin_form(client.get(plan_url(plan)))
    row = new_row(data, "sections")
    values = {f"{row}-title": title, f"{row}-body": f"<p>Om {title.lower()}.</p>"}
    if parent is not None:
        values[f"{row}-parent"] = parent.pk
    return client.post(plan_url(plan), single(data, **values))


def outline(plan):
    """(title, parent title) of the plan's sections in their order."""
    return [
        (s.title, s.parent.title if s.parent else None)
        for s in plan.sections.select_related("parent").order_by("order", "pk")
    ]


@pytest.fixture
def plan(make_plan, district):
    return make_plan(district, start=2030, end=2031, activities=0)


@pytest.fixture
def three_levels(plan):
    chapter = PlanSection.objects.create(plan=plan, title="Organisering", order=1)
    sub = PlanSection.objects.create(plan=plan, title="Lokalrådene", parent=chapter, order=2)
    subsub = PlanSection.objects.create(plan=plan, title="Lokalråd+", parent=sub, order=3)
    return chapter, sub, subsub


def test_chapter_sub_section_and_sub_sub_section_are_added_on_the_plans_page(
    secretary_client, plan
):
    assert add_section(secretary_client, plan, "Organisering").status_code == 302
    chapter = plan.sections.get(title="Organisering")
    assert add_section(secretary_client, plan, "Lokalrådene", chapter).status_code == 302
    sub = plan.sections.get(title="Lokalrådene")
    assert add_section(secretary_client, plan, "Lokalråd+", sub).status_code == 302
    assert outline(plan) == [
        ("Organisering", None),
        ("Lokalrådene", "Organisering"),
        ("Lokalråd+", "Lokalrådene"),
    ]


def test_parent_choices_show_the_outline_numbered_and_never_the_section_or_its_own(
    secretary_client, plan, three_levels
):
    chapter, sub, subsub = three_levels
    PlanSection.objects.create(plan=plan, title="Årshjulet", order=4)
    page = secretary_client.get(plan_url(plan)).text
    assert f'<option value="{sub.pk}">1.1 Lokalrådene</option>' in page
    assert f'<option value="{subsub.pk}">1.1.1 Lokalråd+</option>' in page
    assert "Kapitel" not in page or "1, kapitel" in page
    assert "1.1, underafsnit af »Organisering«" in page
    # On the chapter's own page it cannot be put under itself or what lies below it.
    own = secretary_client.get(section_url(chapter)).text
    select = select_html(own, "parent")
    assert "2 Årshjulet" in select
    assert "Organisering" not in select and "Lokalrådene" not in select


def test_group_is_placed_in_a_chapter_on_the_plans_page(secretary_client, plan, three_levels):
    chapter, _sub, _subsub = three_levels
    group = plan.focus_area_groups.get()
    data = admin_form(secretary_client.get(plan_url(plan)))
    row = row_of(data, "focus_area_groups", group.pk)
    response = secretary_client.post(plan_url(plan), single(data, **{f"{row}-section": chapter.pk}))
    assert response.status_code == 302, response.context["errors"]
    group.refresh_from_db()
    assert group.section == chapter


def test_fourth_level_is_refused_in_danish_and_nothing_saved(secretary_client, plan, three_levels):
    _chapter, _sub, subsub = three_levels
    response = add_section(secretary_client, plan, "For dybt", subsub)
    assert response.status_code == 200
    assert "Afsnittet ville komme på 4. niveau; en plan har højst 3 niveauer" in response.text
    assert 'value="For dybt"' in response.text  # the user's input is kept
    assert not plan.sections.filter(title="For dybt").exists()


def test_moving_a_section_with_sub_sections_below_the_third_level_is_refused(
    secretary_client, plan, three_levels
):
    chapter, sub, _subsub = three_levels
    other = PlanSection.objects.create(plan=plan, title="Andet kapitel", order=4)
    url = section_url(sub)
    response = secretary_client.post(
        url, single(admin_form(secretary_client.get(url)), parent=other.pk)
    )
    assert response.status_code == 302  # level 2 under another chapter: fine
    inner = PlanSection.objects.create(plan=plan, title="Indre", parent=other, order=5)
    response = secretary_client.post(
        url, single(admin_form(secretary_client.get(url)), parent=inner.pk)
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["parent"] == [
        "Afsnittet og dets underafsnit ville komme ned på 4 niveauer; en plan har højst 3 "
        "(kapitel, underafsnit, under-underafsnit). Vælg et afsnit højere oppe."
    ]
    sub.refresh_from_db()
    assert sub.parent == other


def test_two_sections_moved_under_each_other_in_one_save_are_refused(secretary_client, plan):
    first = PlanSection.objects.create(plan=plan, title="Første", order=1)
    second = PlanSection.objects.create(plan=plan, title="Andet", order=2)
    data = admin_form(secretary_client.get(plan_url(plan)))
    first_row, second_row = row_of(data, "sections", first.pk), row_of(data, "sections", second.pk)
    response = secretary_client.post(
        plan_url(plan),
        single(data, **{f"{first_row}-parent": second.pk, f"{second_row}-parent": first.pk}),
    )
    assert response.status_code == 200
    assert "Et afsnit kan ikke ligge under sig selv eller et af sine underafsnit." in response.text
    assert outline(plan) == [("Første", None), ("Andet", None)]


def test_section_of_another_plan_is_refused_as_parent(secretary_client, plan, make_plan, district):
    section = PlanSection.objects.create(plan=plan, title="Organisering", order=1)
    other_plan = make_plan(district, start=2032, end=2033, activities=0)
    foreign = PlanSection.objects.create(plan=other_plan, title="Fremmed", order=1)
    url = section_url(section)
    data = single(admin_form(secretary_client.get(url)), parent=foreign.pk, title="Ny titel")
    response = secretary_client.post(url, data)
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    assert 'value="Ny titel"' in response.text
    section.refresh_from_db()
    assert (section.parent, section.title) == (None, "Organisering")
    section.parent = foreign
    with pytest.raises(ValidationError) as refused:
        section.full_clean()
    assert refused.value.message_dict["parent"] == ["Vælg et afsnit i samme plan."]


def test_group_in_a_third_level_section_is_refused(secretary_client, plan, three_levels):
    _chapter, _sub, subsub = three_levels
    group = plan.focus_area_groups.get()
    page = secretary_client.get(plan_url(plan))
    data = admin_form(page)
    row = row_of(data, "focus_area_groups", group.pk)
    assert f'<option value="{subsub.pk}">' not in select_html(page.text, f"{row}-section")
    response = secretary_client.post(plan_url(plan), single(data, **{f"{row}-section": subsub.pk}))
    assert response.status_code == 200
    group.refresh_from_db()
    assert group.section is None
    group.section = subsub
    with pytest.raises(ValidationError) as refused:
        group.full_clean()
    assert refused.value.message_dict["section"] == [
        "Vælg et kapitel eller et underafsnit; i et afsnit på 3. niveau ville "
        "indsatsområdernes overskrifter komme for langt ned."
    ]


def test_section_holding_groups_cannot_move_to_the_third_level(
    secretary_client, plan, three_levels
):
    _chapter, sub, _subsub = three_levels
    holder = PlanSection.objects.create(plan=plan, title="Kriminalitetsbekæmpelse", order=4)
    FocusAreaGroup.objects.filter(plan=plan).update(section=holder)
    url = section_url(holder)
    response = secretary_client.post(
        url, single(admin_form(secretary_client.get(url)), parent=sub.pk)
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["parent"] == [
        "Afsnittet rummer grupper af indsatsområder og skal derfor være et kapitel eller et "
        "underafsnit (højst 2. niveau). Flyt først grupperne."
    ]
    holder.refresh_from_db()
    assert holder.parent is None


def test_deleting_a_section_with_sub_sections_on_the_plans_page_is_refused(
    secretary_client, plan, three_levels
):
    chapter, _sub, _subsub = three_levels
    data = admin_form(secretary_client.get(plan_url(plan)))
    row = row_of(data, "sections", chapter.pk)
    response = secretary_client.post(plan_url(plan), single(data, **{f"{row}-DELETE": "on"}))
    assert response.status_code == 200
    assert (
        "Sletning af afsnit Organisering vil kræve sletning af følgende beskyttede relaterede "
        "objekter: afsnit Lokalrådene" in response.text
    )
    assert plan.sections.count() == 3


def test_deleting_a_section_with_sub_sections_alone_is_refused(
    secretary_client, plan, three_levels
):
    chapter, _sub, _subsub = three_levels
    url = reverse("admin:plans_plansection_delete", args=[chapter.pk])
    response = secretary_client.post(url, {"post": "yes"}, follow=True)
    assert "Et afsnit med underafsnit" in response.text
    assert plan.sections.count() == 3


def test_a_draft_plan_is_deleted_with_its_whole_outline(secretary, plan, three_levels):
    chapter, _sub, _subsub = three_levels
    FocusAreaGroup.objects.filter(plan=plan).update(section=chapter)
    publishing.delete_plan(plan=plan, user=secretary)
    assert not Plan.objects.filter(pk=plan.pk).exists()
    assert not PlanSection.objects.filter(pk=chapter.pk).exists()
