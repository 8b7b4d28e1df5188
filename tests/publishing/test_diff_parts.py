"""The version diff of the parts issue 13 added: focus-area groups, goals per party, figures,
attachments and the organisation; and versions published before some of them existed."""

import datetime

import pytest
from django.urls import reverse

from councils.models import Council, Membership, Person, StaffFunction
from plans.models import FocusArea, FocusAreaGroup, Goal, PlanVersion, SectionFigure
from plans.publishing import diff_versions, publish_plan
from plans.services import add_plan_attachment, add_section_figure
from tests.groups import group_for
from tests.uploads import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def revise(plan, user):
    return publish_plan(
        plan=plan, effective_date=datetime.date.today(), user=user, revision_note="Revision"
    )


def items(diff_items):
    """(status, title, where, {field: (old, new)}) for each item."""
    return [
        (i.status, i.title, i.where, {c.field: (c.old, c.new) for c in i.changes})
        for i in diff_items
    ]


# --- Focus-area groups --------------------------------------------------------------------


def test_a_groups_heading_kind_and_ranking_show_before_and_after(published, secretary):
    first = published.versions.get()
    group = published.focus_area_groups.get()
    group.heading = "Nationale indsatsområder med højeste prioritet"
    group.kind = FocusAreaGroup.Kind.NATIONAL
    group.ranked = True
    group.save()
    diff = diff_versions(first, revise(published, secretary))
    assert items(diff.focus_area_groups) == [
        (
            "changed",
            "Nationale indsatsområder med højeste prioritet",
            "",
            {
                "heading": (
                    "Kredsfælles indsatsområder",
                    "Nationale indsatsområder med højeste prioritet",
                ),
                "kind": ("Kredsfælles indsatsområder", "Nationale indsatsområder"),
                "ranked": ("Nej", "Ja"),
            },
        )
    ]
    assert [c.label for c in diff.focus_area_groups[0].changes] == [
        "overskrift",
        "type",
        "prioriteret rækkefølge",
    ]
    assert diff.focus_areas_changed == ()  # its area stayed in it: nothing moved


def test_revision_page_lists_the_new_parts_that_changed(client, published, secretary, district):
    StaffFunction.objects.create(district=district, name="Ledelsessekretariatet")
    add_plan_attachment(plan=published, pdf=pdf_bytes(), title="Forretningsorden")
    client.force_login(secretary)
    response = client.get(reverse("admin:plans_plan_publish", args=[published.pk]))
    assert "Bilag tilføjet: Forretningsorden" in response.text
    assert "Organisering tilføjet: Ledelsessekretariatet (stabsfunktion)" in response.text


def test_an_added_group_and_an_area_moved_into_it_with_its_rank(published, secretary):
    first = published.versions.get()
    national = group_for(published, "national", ranked=True, heading="Nationale områder")
    FocusArea.objects.filter(plan=published).update(group=national, rank=2)
    published.focus_area_groups.exclude(pk=national.pk).delete()
    diff = diff_versions(first, revise(published, secretary))
    assert [(i.status, i.title) for i in diff.focus_area_groups] == [
        ("added", "Nationale områder"),
        ("removed", "Kredsfælles indsatsområder"),
    ]
    (area,) = diff.focus_areas_changed
    changes = {c.field: (c.label, c.old, c.new) for c in area.changes}
    assert changes == {
        "group": (
            "gruppe",
            "Kredsfælles indsatsområder (Kredsfælles indsatsområder)",
            "Nationale områder (Nationale indsatsområder, prioriteret)",
        ),
        "rank": ("prioritet", None, 2),
    }


# --- Goals per party ----------------------------------------------------------------------


def test_goals_are_compared_item_by_item_per_party(published, secretary):
    area = published.focus_areas.get()
    kept = Goal.objects.create(plan=published, party="police", text="Flere patruljer", order=1)
    edited = Goal.objects.create(
        plan=published, focus_area=area, party="municipalities", text="Lys på stierne", order=1
    )
    dropped = Goal.objects.create(plan=published, party="joint", text="Fælles møder", order=2)
    first = revise(published, secretary)
    edited.text = "Lys på alle stier"
    edited.save()
    dropped.delete()
    Goal.objects.create(plan=published, party="joint", text="Et fælles årsmøde", order=3)
    diff = diff_versions(first, revise(published, secretary))
    assert items(diff.goals) == [
        ("added", "Et fælles årsmøde", "under »Sammen vil vi« i planens mål", {}),
        ("removed", "Fælles møder", "under »Sammen vil vi« i planens mål", {}),
        (
            "changed",
            "Lys på alle stier",
            "under »Kommunerne vil« i Trygt nærmiljø",
            {"text": ("Lys på stierne", "Lys på alle stier")},
        ),
    ]
    assert kept.text not in str(diff)
    # Told once, item by item: not again as a change of the front matter or the focus area.
    assert diff.front_matter == () and diff.focus_areas_changed == ()


# --- Figures and attachments ----------------------------------------------------------------


def test_figures_added_removed_and_changed_per_section(published, secretary):
    organisation = published.sections.get(title="Organisering")
    cycle = published.sections.get(title="Årshjul")
    kept = add_section_figure(
        section=organisation, image=png_bytes(), alt_text="Tre kasser", caption="Figur 1"
    )
    dropped = add_section_figure(
        section=cycle, image=png_bytes(), alt_text="Et hjul", caption="Figur 2"
    )
    first = revise(published, secretary)
    kept.alt_text = "Kredsrådet øverst, under det tre lokalråd"
    kept.caption = "Figur 1: Organiseringen"
    kept.save()
    dropped_id = dropped.pk
    dropped.delete()
    added = add_section_figure(
        section=cycle, image=png_bytes((300, 200)), alt_text="Tolv måneder", caption="Årshjulet"
    )
    diff = diff_versions(first, revise(published, secretary))
    assert items(diff.figures) == [
        ("added", "Årshjulet", "i afsnittet »Årshjul«", {}),
        ("removed", "Figur 2", "i afsnittet »Årshjul«", {}),
        (
            "changed",
            "Figur 1: Organiseringen",
            "i afsnittet »Organisering«",
            {
                "caption": ("Figur 1", "Figur 1: Organiseringen"),
                "alt_text": ("Tre kasser", "Kredsrådet øverst, under det tre lokalråd"),
            },
        ),
    ]
    assert [i.id for i in diff.figures] == [added.pk, dropped_id, kept.pk]


def test_a_replaced_image_shows_as_a_change_of_the_image(published, secretary):
    section = published.sections.get(title="Organisering")
    figure = add_section_figure(section=section, image=png_bytes(), alt_text="a", caption="b")
    first = revise(published, secretary)
    replacement = add_section_figure(section=section, image=png_bytes(), alt_text="a", caption="b")
    SectionFigure.objects.filter(pk=figure.pk).update(image=replacement.image.name)
    replacement.delete()
    (item,) = diff_versions(first, revise(published, secretary)).figures
    (change,) = item.changes
    assert (change.label, change.old, change.new) == (
        "billede",
        "billede på 120 × 80 punkter",
        "billede på 120 × 80 punkter (udskiftet)",
    )


def test_attachments_added_removed_and_renamed(published, secretary):
    renamed = add_plan_attachment(plan=published, pdf=pdf_bytes(), title="Forretningsorden")
    dropped = add_plan_attachment(plan=published, pdf=pdf_bytes(), title="Bilag om SSP", order=1)
    first = revise(published, secretary)
    renamed.title = "Forretningsorden for kredsrådet"
    renamed.save()
    dropped.delete()
    add_plan_attachment(plan=published, pdf=pdf_bytes(), title="Kommissorium", order=2)
    diff = diff_versions(first, revise(published, secretary))
    assert items(diff.attachments) == [
        ("added", "Kommissorium", "", {}),
        ("removed", "Bilag om SSP", "", {}),
        (
            "changed",
            "Forretningsorden for kredsrådet",
            "",
            {"title": ("Forretningsorden", "Forretningsorden for kredsrådet")},
        ),
    ]


# --- The organisation -----------------------------------------------------------------------


def test_kredsraad_seats_added_removed_and_changed(published, secretary, district):
    kredsraad = district.district_council
    mayor = Person.objects.create(name="Bo Borgmester", title="borgmester")
    seat = Membership.objects.create(person=mayor, council=kredsraad, role="member")
    by_function = Membership.objects.create(
        council=kredsraad, title="Kommunaldirektør", organisation="Tønder Kommune", order=3
    )
    Membership.objects.create(council=kredsraad, title="Gæst", organisation="Kriminalforsorgen")
    first = revise(published, secretary)
    seat.role = Membership.Role.VICE_CHAIR
    seat.save()
    by_function.title = "Borgmester"
    by_function.save()
    Membership.objects.filter(organisation="Kriminalforsorgen").delete()
    Membership.objects.create(council=kredsraad, title="Psykiatrien", organisation="Region")
    diff = diff_versions(first, revise(published, secretary))
    where = f"plads i {kredsraad.name}"
    assert items(diff.organisation) == [
        ("added", "Psykiatrien, Region", where, {}),
        ("removed", "Gæst, Kriminalforsorgen", where, {}),
        ("changed", "Bo Borgmester", where, {"role": ("Medlem", "Næstformand")}),
        (
            "changed",
            "Borgmester, Tønder Kommune",
            where,
            {"function": ("Kommunaldirektør", "Borgmester")},
        ),
    ]


def test_lokalraad_lokalraad_plus_and_staff_functions(published, secretary, district, esbjerg):
    function = StaffFunction.objects.create(district=district, name="Ledelsessekretariatet")
    first = revise(published, secretary)
    description = esbjerg.description
    esbjerg.name = "Lokalråd Esbjerg og Fanø"
    esbjerg.description = "Mødes fire gange om året."
    esbjerg.save()
    Council.objects.create(
        district=district,
        kind=Council.Kind.LOCAL_PLUS,
        name="Lokalråd+ Esbjerg Øst",
        slug="esbjerg-oest",
        parent=esbjerg,
    )
    function.tasks = "Planen og statusrunderne"
    function.save()
    kredsraad = district.district_council
    kredsraad.description = "Det strategiske forum."
    kredsraad.save()
    diff = diff_versions(first, revise(published, secretary))
    assert items(diff.organisation) == [
        (
            "changed",
            kredsraad.name,
            "",
            {"description": ("", "Det strategiske forum.")},
        ),
        (
            "changed",
            "Lokalråd Esbjerg og Fanø",
            "lokalråd",
            {
                "name": ("Lokalråd Esbjerg", "Lokalråd Esbjerg og Fanø"),
                "description": (description, "Mødes fire gange om året."),
            },
        ),
        ("added", "Lokalråd+ Esbjerg Øst", "lokalråd+ under Lokalråd Esbjerg og Fanø", {}),
        (
            "changed",
            "Ledelsessekretariatet",
            "stabsfunktion",
            {"tasks": ("", "Planen og statusrunderne")},
        ),
    ]


# --- Versions published before the parts existed --------------------------------------------


def test_a_version_without_figures_attachments_and_organisation_diffs_as_having_none(
    published, secretary
):
    first = published.versions.get()
    old = dict(first.snapshot)
    del old["attachments"], old["organisation"]
    old["sections"] = [{k: v for k, v in s.items() if k != "figures"} for s in old["sections"]]
    PlanVersion.objects.filter(pk=first.pk).update(snapshot=old)
    first.refresh_from_db()
    add_plan_attachment(plan=published, pdf=pdf_bytes(), title="Forretningsorden")
    diff = diff_versions(first, revise(published, secretary))
    assert [(i.status, i.title) for i in diff.attachments] == [("added", "Forretningsorden")]
    assert diff.figures == ()
    assert {i.status for i in diff.organisation} == {"added"}  # all of it is new


def test_an_old_versions_derived_groups_match_the_groups_they_became(published, secretary):
    first = published.versions.get()
    old = dict(first.snapshot)
    old["schema"] = 1
    del old["focus_area_groups"]
    old["plan"] = {k: v for k, v in old["plan"].items() if k != "goals"}
    old["focus_areas"] = [
        {
            **{k: v for k, v in a.items() if k not in {"group", "councils", "goals"}},
            "scope": "district",
            "priority_group": "",
            "council": None,
        }
        for a in old["focus_areas"]
    ]
    PlanVersion.objects.filter(pk=first.pk).update(snapshot=old)
    first.refresh_from_db()
    diff = diff_versions(first, revise(published, secretary))
    assert diff.focus_area_groups == ()
    assert diff.focus_areas_changed == ()
