"""Importing from Word, the steps that need no file: a focus area's bulleted list under
"Aktiviteter" becomes its activities (carried by all lokalråd, each with its assignment)
instead of text, and the mapping page's suggestions find the focus-area groups a plan names."""

import pytest

from councils.models import Council
from plans.docx_import import (
    GroupChoice,
    Part,
    add_imported_activities,
    split_activities,
    suggest_roles,
)
from plans.models import Assignment, FocusArea

LIST = "<p><strong>Aktiviteter</strong></p><ul><li>Holde møder</li><li><em>Gå</em> ture</li></ul>"


def test_the_list_under_aktiviteter_becomes_activities_in_order():
    background, texts = split_activities(f"<p>Baggrund</p>{LIST}<p>Efter listen</p>")
    assert texts == ["Holde møder", "Gå ture"]
    assert background == "<p>Baggrund</p><p>Efter listen</p>"


def test_a_list_under_another_heading_stays_text():
    markup = "<p><strong>Mål</strong></p><ul><li>Færre indbrud</li></ul>"
    assert split_activities(markup) == (markup, [])


def test_a_list_with_an_item_too_long_for_an_activity_stays_text():
    markup = f"<p><strong>Aktiviteter:</strong></p><ul><li>{'x' * 2001}</li></ul>"
    assert split_activities(markup) == (markup, [])


def test_a_nested_list_stays_text():
    markup = "<p><strong>Aktiviteter</strong></p><ul><li>Et<ul><li>Under</li></ul></li></ul>"
    assert split_activities(markup) == (markup, [])


@pytest.mark.django_db
def test_imported_activities_are_carried_by_all_lokalraad_with_assignments(make_plan, district):
    plan = make_plan(district, start=2025, end=2026, activities=0)
    area = FocusArea.objects.get(plan=plan)
    made = add_imported_activities(area=area, texts=["Holde møder", "Gå ture"])
    assert [(a.text, a.order, a.all_local_councils) for a in made] == [
        ("Holde møder", 0, True),
        ("Gå ture", 1, True),
    ]
    local = Council.objects.filter(district=district, kind=Council.Kind.LOCAL, is_active=True)
    assert Assignment.objects.filter(activity=made[0]).count() == local.count() > 0


def test_sub_headings_naming_focus_areas_become_groups_of_the_areas_below_them():
    parts = [
        Part(1, "Forord", "<p>Tekst</p>"),
        Part(1, "Kriminalitetsbekæmpelse", "<p>Tekst</p>"),
        Part(2, "Nationale indsatsområder med højeste prioritet"),
        Part(3, "Bander"),
        Part(3, "Svindel"),
        Part(2, "Lokalt valgte indsatsområder", "<p>Valgt af lokalrådene.</p>"),
        Part(3, "Sommer"),
        Part(2, "Statusrunder"),
        Part(3, "Efteråret"),
    ]
    roles, groups = suggest_roles(parts)
    assert roles == [
        "foreword",
        "chapter",
        "skip",
        "group-0",
        "group-0",
        "text",  # its text stays, in bold under the chapter
        "group-1",
        "sub",
        "subsub",
    ]
    assert groups == [
        GroupChoice("Nationale indsatsområder med højeste prioritet", "national", True),
        GroupChoice("Lokalt valgte indsatsområder", "local", False),
    ]


def test_the_headings_under_a_focus_area_chapter_are_one_group():
    parts = [Part(1, "Indsatsområder"), Part(2, "Unge"), Part(2, "Nattelivet")]
    roles, groups = suggest_roles(parts)
    assert roles == ["chapter", "group-0", "group-0"]
    assert groups == [GroupChoice("Indsatsområder", "district", False)]
