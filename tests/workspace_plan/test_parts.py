"""The rest of the plan in the workspace: focus areas added, moved and deleted in their group;
groups, goals, annual-cycle entries, figures and attachments added, edited, moved and deleted
where they stand, with Danish errors and the input kept, and a stale page refused."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter

from plans.models import (
    Activity,
    AnnualCycleEntry,
    FocusArea,
    FocusAreaGroup,
    Goal,
    Plan,
    PlanAttachment,
    SectionFigure,
    StatusUpdate,
)
from tests.security.dataset import attachment_pdf

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
CONFLICT = "er ændret af en anden, mens du redigerede"


def url(name, *args):
    return reverse(f"workspace:{name}", args=list(args))


def plan_url(plan, anchor):
    return reverse("workspace:plan", args=[plan.pk]) + f"#{anchor}"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def png() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), "steelblue").save(out, "PNG")
    return SimpleUploadedFile("diagram.png", out.getvalue(), content_type="image/png")


# --- Focus areas ---------------------------------------------------------------------------


def test_a_new_focus_area_comes_last_in_its_group(signed_in, draft, area):
    response = signed_in.post(
        url("focus_area_add", draft.pk, area.group_id),
        {"title": "Unge og fester", "background": "<p>Om fester</p>", "ambition": ""},
    )
    new = FocusArea.objects.get(title="Unge og fester")
    assert response["Location"].endswith(plan_url(draft, f"indsatsomraade-{new.pk}"))
    assert new.group == area.group and new.plan == draft and new.order > area.order


def test_a_new_focus_area_in_a_ranked_group_is_offered_the_next_number(signed_in, draft):
    ranked = FocusAreaGroup.objects.create(
        plan=draft, heading="Nationale", kind="national", ranked=True, order=9
    )
    FocusArea.objects.create(plan=draft, group=ranked, title="Bander", rank=1)
    html = signed_in.get(url("focus_area_add", draft.pk, ranked.pk)).content.decode()
    assert re.search(r'<input type="number" name="rank" value="2"', html)


def test_a_new_focus_area_without_title_keeps_the_background(signed_in, draft, area):
    response = signed_in.post(
        url("focus_area_add", draft.pk, area.group_id), {"background": "<p>Min baggrund</p>"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Giv indsatsområdet en titel." in html and "Min baggrund" in html
    assert FocusArea.objects.filter(plan=draft).count() == 1


def test_a_local_focus_area_needs_its_lokalraad(signed_in, draft, esbjerg):
    local = FocusAreaGroup.objects.create(plan=draft, heading="Lokale", kind="local", order=9)
    add = url("focus_area_add", draft.pk, local.pk)
    response = signed_in.post(add, {"title": "Cykeltyveri", "background": "<p>x</p>"})
    assert "Vælg de lokalråd, der har valgt området." in response.content.decode()
    signed_in.post(
        add, {"title": "Cykeltyveri", "background": "<p>x</p>", "councils": [esbjerg.pk]}
    )
    assert list(FocusArea.objects.get(title="Cykeltyveri").councils.all()) == [esbjerg]


def test_focus_areas_move_within_their_group(signed_in, draft, area):
    other = FocusArea.objects.create(
        plan=draft, group=area.group, title="Andet", background="<p>x</p>", order=area.order + 1
    )
    signed_in.post(url("focus_area_move", draft.pk, other.pk), {"retning": "up"})
    assert list(area.group.focus_areas.order_by("order", "pk")) == [other, area]


def test_deleting_a_focus_area_takes_its_activities(signed_in, draft, area):
    delete = url("focus_area_delete", draft.pk, area.pk)
    html = signed_in.get(delete).content.decode()
    assert "Slet indsatsområdet »Trygt nærmiljø«?" in html and "2 aktiviteter" in html
    response = signed_in.post(delete)
    assert response["Location"].endswith(plan_url(draft, f"gruppe-{area.group_id}"))
    assert not FocusArea.objects.filter(pk=area.pk).exists()
    assert not Activity.objects.filter(focus_area_id=area.pk).exists()


def test_a_focus_area_with_status_history_is_not_deleted(signed_in, draft, area, secretariat):
    StatusUpdate.objects.create(
        assignment=area.activities.first().assignments.first(),
        status="in_progress",
        public_text="I gang.",
        author=secretariat,
    )
    delete = url("focus_area_delete", draft.pk, area.pk)
    html = signed_in.post(delete).content.decode()
    assert "har aktiviteter med statusopdateringer og kan ikke slettes" in html
    assert "Ja, slet" not in html
    assert FocusArea.objects.filter(pk=area.pk).exists()


# --- Groups --------------------------------------------------------------------------------


def test_a_new_group_is_placed_in_a_chapter(signed_in, draft):
    chapter = draft.sections.get(title="Indledning")
    response = signed_in.post(
        url("group_add", draft.pk),
        {"heading": "Øvrige indsatsområder", "kind": "police", "section": chapter.pk},
        **HTMX,
    )
    group = FocusAreaGroup.objects.get(heading="Øvrige indsatsområder")
    anchor = f"gruppe-{group.pk}"
    assert response["HX-Redirect"].endswith(f"/?vis={anchor}#{anchor}")
    assert group.section == chapter and group.plan == draft


def test_a_group_cannot_stand_in_a_third_level_section(signed_in, draft):
    child = draft.sections.get(title="Kredsrådet")
    deepest = child.children.create(plan=draft, title="Formandskab")
    response = signed_in.post(
        url("group_add", draft.pk), {"heading": "Dybt", "kind": "police", "section": deepest.pk}
    )
    html = response.content.decode()
    assert "Dybt" in html and "Vælg et kapitel eller et underafsnit i planen" in html
    assert not FocusAreaGroup.objects.filter(heading="Dybt").exists()


def test_each_section_a_group_may_stand_in_offers_a_new_group_there(signed_in, draft):
    child = draft.sections.get(title="Kredsrådet")
    deepest = child.children.create(plan=draft, title="Formandskab")
    html = signed_in.get(reverse("workspace:plan", args=[draft.pk])).content.decode()
    for section in draft.sections.exclude(pk=deepest.pk):
        assert f'href="{url("section_group_add", draft.pk, section.pk)}"' in html
    assert url("section_group_add", draft.pk, deepest.pk) not in html
    assert "Ny gruppe af indsatsområder her" in html
    assert f'href="{url("group_add", draft.pk)}"' in html  # the general one stays


def test_a_new_group_from_a_section_is_placed_there(signed_in, draft):
    chapter = draft.sections.get(title="Indledning")
    add = url("section_group_add", draft.pk, chapter.pk)
    html = signed_in.get(add).content.decode()
    assert f'<option value="{chapter.pk}" selected>' in html
    assert "Ny gruppe af indsatsområder i afsnittet »Indledning«" in html
    assert f'href="{plan_url(draft, f"afsnit-{chapter.pk}")}"' in html  # Annuller
    response = signed_in.post(add, {"heading": "Lokale", "kind": "local", "section": chapter.pk})
    group = FocusAreaGroup.objects.get(heading="Lokale")
    assert response["Location"].endswith(plan_url(draft, f"gruppe-{group.pk}"))
    assert group.section == chapter and group.plan == draft


def test_another_plans_section_has_no_new_group_form(signed_in, draft, district, make_plan):
    other = make_plan(district, start=2030, end=2030)
    section = other.sections.create(title="Fremmed")
    assert signed_in.get(url("section_group_add", draft.pk, section.pk)).status_code == 404


def test_a_stale_group_edit_is_refused_and_keeps_the_heading(signed_in, draft, area):
    edit = url("group_edit", draft.pk, area.group_id)
    Plan.objects.filter(pk=draft.pk).update(revision=3)
    response = signed_in.post(
        edit, {"heading": "Min overskrift", "kind": "district", "loaded_revision": 0}
    )
    html = response.content.decode()
    assert CONFLICT in html and "Min overskrift" in html
    assert FocusAreaGroup.objects.get(pk=area.group_id).heading != "Min overskrift"
    signed_in.post(edit, {"heading": "Min overskrift", "kind": "district", "loaded_revision": 3})
    assert FocusAreaGroup.objects.get(pk=area.group_id).heading == "Min overskrift"


def test_a_group_holding_focus_areas_is_not_deleted(signed_in, draft, area):
    delete = url("group_delete", draft.pk, area.group_id)
    html = signed_in.post(delete).content.decode()
    assert "rummer indsatsområder og kan ikke slettes" in html
    empty = FocusAreaGroup.objects.create(plan=draft, heading="Tom", order=9)
    response = signed_in.post(url("group_delete", draft.pk, empty.pk))
    assert response.status_code == 302 and not FocusAreaGroup.objects.filter(pk=empty.pk).exists()


# --- Goals ---------------------------------------------------------------------------------


def test_a_focus_areas_goal_is_added_and_edited_in_place(signed_in, draft, area):
    response = signed_in.post(
        url("area_goal_add", draft.pk, area.pk),
        {"party": "police", "text": "Flere patruljer"},
        **HTMX,
    )
    goal = Goal.objects.get(text="Flere patruljer")
    assert goal.focus_area == area and goal.plan == draft
    assert response["HX-Retarget"] == f"#indsatsomraade-{area.pk}"
    assert "Flere patruljer" in response.content.decode()
    form = signed_in.get(url("goal_edit", draft.pk, goal.pk), **HTMX).content.decode()
    assert f'id="maal-{goal.pk}-del"' in form and 'name="loaded_revision"' in form
    signed_in.post(
        url("goal_edit", draft.pk, goal.pk),
        {"party": "joint", "text": "Fælles patruljer", "loaded_revision": area.revision},
    )
    goal.refresh_from_db()
    assert (goal.party, goal.text) == ("joint", "Fælles patruljer")
    area.refresh_from_db()
    assert area.revision == 1  # the focus area's page loaded before is now stale


def test_a_goal_without_party_keeps_its_text(signed_in, draft):
    response = signed_in.post(url("goal_add", draft.pk), {"text": "Mit mål"})
    html = response.content.decode()
    assert "Vælg, hvis mål det er" in html and "Mit mål" in html
    assert not Goal.objects.filter(plan=draft).exists()


def test_a_stale_goal_edit_is_refused_and_keeps_the_text(signed_in, draft, area):
    goal = Goal.objects.create(plan=draft, focus_area=area, party="police", text="Gammelt", order=1)
    FocusArea.objects.filter(pk=area.pk).update(revision=2)
    response = signed_in.post(
        url("goal_edit", draft.pk, goal.pk),
        {"party": "police", "text": "Nyt", "loaded_revision": 0},
    )
    html = response.content.decode()
    assert CONFLICT in html and "Nyt" in html
    goal.refresh_from_db()
    assert goal.text == "Gammelt"


def test_the_plans_goals_move_and_are_deleted(signed_in, draft):
    first = Goal.objects.create(plan=draft, party="police", text="Første", order=1)
    second = Goal.objects.create(plan=draft, party="joint", text="Andet", order=2)
    response = signed_in.post(url("goal_move", draft.pk, second.pk), {"retning": "up"})
    assert response["Location"].endswith(plan_url(draft, f"maal-{second.pk}"))
    assert list(Goal.objects.filter(plan=draft).order_by("order")) == [second, first]
    assert "Ja, slet" in signed_in.get(url("goal_delete", draft.pk, first.pk)).content.decode()
    response = signed_in.post(url("goal_delete", draft.pk, first.pk))
    assert response["Location"].endswith(plan_url(draft, "planens-maal"))
    assert list(Goal.objects.filter(plan=draft)) == [second]


def test_a_dragged_goal_takes_its_place_among_the_plans_goals(signed_in, draft):
    goals = [
        Goal.objects.create(plan=draft, party="police", text=text, order=order)
        for order, text in enumerate(["Første", "Andet", "Tredje"], start=1)
    ]
    response = signed_in.post(url("goal_move", draft.pk, goals[2].pk), {"plads": "1"})
    assert response["Location"].endswith(plan_url(draft, f"maal-{goals[2].pk}"))
    rows = Goal.objects.filter(plan=draft).order_by("order", "pk")
    assert list(rows) == [goals[2], goals[0], goals[1]]


def test_another_plans_goal_is_not_found(signed_in, draft, district, make_plan):
    other = make_plan(district, start=2021, end=2022)
    goal = Goal.objects.create(plan=other, party="police", text="Andetsteds")
    assert signed_in.get(url("goal_edit", draft.pk, goal.pk)).status_code == 404


# --- The annual cycle ----------------------------------------------------------------------


def test_an_annual_cycle_entry_is_added_in_place(signed_in, draft):
    response = signed_in.post(
        url("cycle_add", draft.pk),
        {"kind": "meeting", "title": "Kredsrådsmøde", "month": "6"},
        **HTMX,
    )
    entry = AnnualCycleEntry.objects.get(plan=draft)
    assert (entry.title, entry.month) == ("Kredsrådsmøde", 6)
    assert response["HX-Retarget"] == "#aarshjul"
    assert "Juni:" in response.content.decode()


def test_an_entry_without_a_time_is_refused_next_to_the_field(signed_in, draft):
    response = signed_in.post(url("cycle_add", draft.pk), {"kind": "meeting", "title": "Mit møde"})
    html = response.content.decode()
    assert "Vælg en måned eller et kvartal" in html and "Mit møde" in html
    assert not AnnualCycleEntry.objects.filter(plan=draft).exists()


def test_a_stale_entry_edit_is_refused_and_keeps_the_input(signed_in, draft):
    entry = AnnualCycleEntry.objects.create(plan=draft, title="Møde", month=3)
    Plan.objects.filter(pk=draft.pk).update(revision=5)
    response = signed_in.post(
        url("cycle_edit", draft.pk, entry.pk),
        {"kind": "meeting", "title": "Mit møde", "month": "4", "loaded_revision": 0},
    )
    html = response.content.decode()
    assert CONFLICT in html and "Mit møde" in html
    entry.refresh_from_db()
    assert entry.title == "Møde"


def test_entries_move_among_those_at_the_same_time(signed_in, draft):
    first = AnnualCycleEntry.objects.create(plan=draft, title="A", month=3, order=1)
    second = AnnualCycleEntry.objects.create(plan=draft, title="B", month=3, order=2)
    later = AnnualCycleEntry.objects.create(plan=draft, title="C", month=5, order=3)
    signed_in.post(url("cycle_move", draft.pk, second.pk), {"retning": "up"})
    signed_in.post(url("cycle_move", draft.pk, first.pk), {"retning": "down"})  # last in March
    rows = AnnualCycleEntry.objects.filter(plan=draft).order_by("order")
    assert list(rows) == [second, first, later]
    signed_in.post(url("cycle_delete", draft.pk, later.pk))
    assert not AnnualCycleEntry.objects.filter(pk=later.pk).exists()


def test_an_entrys_place_counts_among_those_at_the_same_time(signed_in, draft):
    first = AnnualCycleEntry.objects.create(plan=draft, title="A", month=3, order=1)
    second = AnnualCycleEntry.objects.create(plan=draft, title="B", month=3, order=2)
    later = AnnualCycleEntry.objects.create(plan=draft, title="C", month=5, order=3)
    signed_in.post(url("cycle_move", draft.pk, first.pk), {"plads": "3"})  # last in March
    rows = AnnualCycleEntry.objects.filter(plan=draft).order_by("order")
    assert list(rows) == [second, first, later]


# --- Figures and attachments ---------------------------------------------------------------


def test_a_figure_is_uploaded_and_checked_as_in_the_admin(signed_in, draft, section):
    add = url("figure_add", draft.pk, section.pk)
    bad = SimpleUploadedFile("diagram.png", b"no picture", content_type="image/png")
    response = signed_in.post(add, {"image": bad, "alt_text": "Mit diagram", "caption": "Figur 1"})
    html = response.content.decode()
    assert (
        response.status_code == 200 and "Mit diagram" in html and 'class="invalid-feedback' in html
    )
    assert not SectionFigure.objects.exists()
    response = signed_in.post(
        add, {"image": png(), "alt_text": "Mit diagram", "caption": "Figur 1"}
    )
    figure = SectionFigure.objects.get()
    assert response["Location"].endswith(plan_url(draft, f"figur-{figure.pk}"))
    assert (figure.section, figure.width, figure.height) == (section, 60, 40)


def test_a_figures_text_is_edited_without_a_new_image(signed_in, draft, section):
    signed_in.post(
        url("figure_add", draft.pk, section.pk),
        {"image": png(), "alt_text": "Diagram", "caption": "Figur 1"},
    )
    figure = SectionFigure.objects.get()
    image = figure.image.name
    signed_in.post(
        url("figure_edit", draft.pk, figure.pk),
        {"alt_text": "Bedre tekst", "caption": "Figur 1", "loaded_revision": section.revision},
    )
    figure.refresh_from_db()
    assert figure.alt_text == "Bedre tekst" and figure.image.name == image


def test_an_attachment_is_uploaded_edited_and_deleted(signed_in, draft):
    bad = SimpleUploadedFile("bilag.pdf", b"not a pdf", content_type="application/pdf")
    response = signed_in.post(
        url("attachment_add", draft.pk), {"title": "Forretningsorden", "file": bad}
    )
    assert response.status_code == 200 and "Forretningsorden" in response.content.decode()
    assert not PlanAttachment.objects.exists()
    pdf = SimpleUploadedFile("bilag.pdf", attachment_pdf(), content_type="application/pdf")
    signed_in.post(url("attachment_add", draft.pk), {"title": "Forretningsorden", "file": pdf})
    attachment = PlanAttachment.objects.get()
    Plan.objects.filter(pk=draft.pk).update(revision=7)
    stale = signed_in.post(
        url("attachment_edit", draft.pk, attachment.pk), {"title": "Ny titel", "loaded_revision": 0}
    )
    assert CONFLICT in stale.content.decode() and "Ny titel" in stale.content.decode()
    signed_in.post(url("attachment_delete", draft.pk, attachment.pk))
    assert not PlanAttachment.objects.exists()


def titled_pdf(title: str) -> bytes:
    """A one-page PDF whose metadata names its title (/Title)."""
    writer = PdfWriter()
    writer.add_blank_page(72, 72)
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def add_attachment(client, plan, data: bytes, name: str, title: str = ""):
    pdf = SimpleUploadedFile(name, data, content_type="application/pdf")
    return client.post(url("attachment_add", plan.pk), {"title": title, "file": pdf})


def test_a_new_attachment_without_title_takes_the_pdfs_own(signed_in, draft):
    add_attachment(signed_in, draft, titled_pdf("Kommissorium for lokalrådene"), "k.pdf")
    assert PlanAttachment.objects.get().title == "Kommissorium for lokalrådene"


def test_a_pdf_without_a_title_is_named_by_its_file_name(signed_in, draft):
    add_attachment(signed_in, draft, attachment_pdf(), "kommissorium-for-lokalraad.pdf")
    assert PlanAttachment.objects.get().title == "Kommissorium for lokalraad"


def test_a_typed_title_wins_over_the_pdfs_own(signed_in, draft):
    add_attachment(
        signed_in, draft, titled_pdf("Microsoft Word - dok1"), "k.pdf", title="Forretningsorden"
    )
    assert PlanAttachment.objects.get().title == "Forretningsorden"


def test_the_new_attachments_form_says_the_title_may_be_left_empty(signed_in, draft):
    html = signed_in.get(url("attachment_add", draft.pk)).content.decode()
    assert "Står feltet tomt, bruges PDF-filens egen titel" in html


def test_an_edited_attachment_still_needs_its_title(signed_in, draft):
    add_attachment(signed_in, draft, attachment_pdf(), "bilag.pdf", title="Forretningsorden")
    attachment = PlanAttachment.objects.get()
    response = signed_in.post(
        url("attachment_edit", draft.pk, attachment.pk), {"title": "", "loaded_revision": 0}
    )
    assert "Giv bilaget en titel." in response.content.decode()
    attachment.refresh_from_db()
    assert attachment.title == "Forretningsorden"
