""" "Ny plan for næste periode": a new draft with the plan's content and none of its history."""

import datetime

import pytest
from django.urls import reverse

from councils.models import Municipality
from plans.models import (
    Activity,
    AnnualCycleEntry,
    Assignment,
    FocusArea,
    Goal,
    Plan,
    PlanSection,
    PlanVersion,
    StatusUpdate,
)
from plans.publishing import publish_plan
from plans.services import add_plan_attachment, add_section_figure, sync_assignments
from tests.groups import group_for
from tests.uploads import pdf_bytes, png_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan_once")]


@pytest.fixture
def full_plan(draft_plan, esbjerg, toender, secretariat, report):
    """The 2019-2020 draft with every part a plan can hold, published, with status reported."""
    plan = draft_plan
    intro = PlanSection.objects.create(plan=plan, title="Indledning", body="<p>Om planen</p>")
    add_section_figure(
        section=intro, image=png_bytes(), alt_text="Diagram over rådene", caption="Rådene"
    )
    add_plan_attachment(plan=plan, pdf=pdf_bytes(), title="Forretningsorden")
    local = FocusArea.objects.create(
        plan=plan, group=group_for(plan, "local"), title="Tryghed i nattelivet", order=5
    )
    local.councils.set([esbjerg, toender])
    Goal.objects.create(plan=plan, party=Goal.Party.POLICE, text="Flere patruljer", order=1)
    Goal.objects.create(
        plan=plan, focus_area=local, party=Goal.Party.JOINT, text="Færre anmeldelser", order=1
    )
    activity = Activity.objects.create(
        focus_area=local, text="Nattevandring", police=True, police_unit="Lokalpolitiet", order=1
    )
    activity.municipalities.set(Municipality.objects.filter(name="Esbjerg"))
    activity.responsible_councils.set([esbjerg])
    sync_assignments(activity=activity)
    AnnualCycleEntry.objects.create(
        plan=plan, title="Kredsrådsmøde", month=12, before_period=True, order=1
    )
    publish_plan(plan=plan, effective_date=datetime.date(2019, 1, 1), user=secretariat)
    assignment = Assignment.objects.filter(activity=activity).first()
    report(assignment, secretariat, status="done", date=datetime.date(2019, 6, 1))
    return plan


def copy(client, user, plan, **data):
    client.force_login(user)
    return client.post(reverse("workspace:next_period", args=[plan.pk]), data)


def test_the_page_suggests_the_next_period_and_says_what_is_copied(client, full_plan, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("workspace:next_period", args=[full_plan.pk]))
    html = response.content.decode()
    assert 'name="period_start" value="2021"' in html
    assert 'name="period_end" value="2022"' in html
    assert "1 afsnit med 1 figur" in html
    assert "1 vedhæftet bilag" in html
    assert "aktiviteterne starter uden status" in html


def test_copy_takes_the_content_and_none_of_the_history(client, full_plan, secretariat):
    response = copy(client, secretariat, full_plan, period_start=2021, period_end=2022)
    assert response.status_code == 302
    new = Plan.objects.get(district=full_plan.district, period_start=2021)
    assert new.status == Plan.Status.DRAFT
    assert new.foreword == full_plan.foreword
    assert not new.council_treatment and new.effective_date is None
    assert not PlanVersion.objects.filter(plan=new).exists()
    # The outline and its figure (the same stored file), the attachment.
    section = new.sections.get()
    assert section.title == "Indledning"
    figure = section.figures.get()
    assert figure.alt_text == "Diagram over rådene"
    assert figure.image.name == full_plan.sections.get().figures.get().image.name
    assert new.attachments.get().title == "Forretningsorden"
    # Groups, focus areas with the lokalråd that chose them, goals per party.
    area = new.focus_areas.get(title="Tryghed i nattelivet")
    assert area.group.plan == new and area.group.kind == "local"
    assert {c.name for c in area.councils.all()} == {"Lokalråd Esbjerg", "Lokalråd Tønder"}
    assert new.goals.filter(focus_area__isnull=True).get().text == "Flere patruljer"
    assert area.goals.get().text == "Færre anmeldelser"
    # Activities keep their actors; their assignments start without status.
    activity = Activity.objects.get(focus_area=area)
    assert activity.police and activity.police_unit == "Lokalpolitiet"
    assert [m.name for m in activity.municipalities.all()] == ["Esbjerg"]
    assert [c.name for c in activity.responsible_councils.all()] == ["Lokalråd Esbjerg"]
    assert activity.assignments.exists()
    assert not StatusUpdate.objects.filter(assignment__activity__focus_area__plan=new).exists()
    assert new.annual_cycle.get().before_period
    # The old plan is untouched.
    assert full_plan.focus_areas.count() == new.focus_areas.count()
    assert StatusUpdate.objects.filter(assignment__activity__focus_area__plan=full_plan).count()


def test_the_start_page_says_what_was_copied(client, full_plan, secretariat):
    response = copy(client, secretariat, full_plan, period_start=2021, period_end=2022)
    html = client.get(response.url).content.decode()
    assert "Kladden Samarbejdsplan 2021-2022 er oprettet. Kopieret fra 2019-2020:" in html
    assert "1 afsnit, 1 figur," in html
    assert "1 vedhæftet bilag" in html


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2019", "2020", "Kredsen har allerede en samarbejdsplan for 2019-2020."),
        ("2023", "2021", "Slutåret kan ikke ligge før startåret."),
        ("2021", "2026", "En samarbejdsplan dækker højst fire år."),
        ("to tusind", "2022", "Skriv året med fire cifre"),
        ("", "2022", "Angiv planens første år."),
    ],
)
def test_bad_years_are_refused_and_kept(client, full_plan, secretariat, start, end, message):
    before = Plan.objects.count()
    response = copy(client, secretariat, full_plan, period_start=start, period_end=end)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'value="{end}"' in html
    assert Plan.objects.count() == before


def test_another_districts_secretariat_cannot_copy(client, full_plan, other_secretariat):
    before = Plan.objects.count()
    assert copy(client, other_secretariat, full_plan, period_start=2021).status_code == 404
    assert Plan.objects.count() == before


def test_the_newest_plan_offers_the_copy_on_the_start_page(client, full_plan, secretariat):
    client.force_login(secretariat)
    html = client.get(reverse("workspace:home")).content.decode()
    assert reverse("workspace:next_period", args=[full_plan.pk]) in html


def test_copy_keeps_the_outline_within_the_new_plan(client, full_plan, secretariat):
    intro = full_plan.sections.get()
    sub = PlanSection.objects.create(plan=full_plan, title="Lokalrådene", parent=intro, order=2)
    PlanSection.objects.create(plan=full_plan, title="Lokalråd+", parent=sub, order=3)
    full_plan.focus_area_groups.update(section=intro)
    copy(client, secretariat, full_plan, period_start=2021, period_end=2022)
    new = Plan.objects.get(district=full_plan.district, period_start=2021)
    outline = {s.title: s.parent for s in new.sections.select_related("parent")}
    assert outline["Indledning"] is None
    assert outline["Lokalrådene"].title == "Indledning" and outline["Lokalrådene"].plan == new
    assert outline["Lokalråd+"].title == "Lokalrådene" and outline["Lokalråd+"].plan == new
    for group in new.focus_area_groups.all():
        assert group.section.title == "Indledning" and group.section.plan == new
