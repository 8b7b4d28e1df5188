import datetime

import pytest
from django.urls import reverse

from plans.models import Plan, PlanVersion, WorkflowEvent

pytestmark = pytest.mark.django_db

STEPS = ["approve", "publish", "supersede"]


def url(step, plan):
    return reverse(f"admin:plans_plan_{step}", args=[plan.pk])


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


# --- Approve --------------------------------------------------------------------------------


def test_approve_page_shows_what_will_happen_and_a_date_field(secretary_client, draft):
    response = secretary_client.get(url("approve", draft))
    assert response.status_code == 200
    assert "godkendt eller drøftet" in response.text
    assert 'name="council_treatment"' in response.text
    assert 'name="meeting_date"' in response.text


def test_approve_page_approves_the_plan(secretary_client, draft, meeting_date):
    response = secretary_client.post(
        url("approve", draft), {"council_treatment": "approved", "meeting_date": meeting_date}
    )
    assert response.status_code == 302
    assert response.url == reverse("admin:plans_plan_change", args=[draft.pk])
    draft.refresh_from_db()
    assert (draft.status, draft.approval_meeting_date) == (Plan.Status.APPROVED, meeting_date)


def test_approve_page_keeps_the_date_typed_when_it_is_refused(secretary_client, draft, today):
    future = today + datetime.timedelta(days=30)
    response = secretary_client.post(url("approve", draft), {"meeting_date": future.isoformat()})
    assert response.status_code == 200
    assert "kan ikke ligge i fremtiden" in response.text
    assert f'value="{future.isoformat()}"' in response.text
    assert 'aria-invalid="true"' in response.text
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT


def test_approve_page_of_a_published_plan_explains_and_has_no_form(secretary_client, published):
    response = secretary_client.get(url("approve", published))
    assert response.status_code == 200
    assert "Kun en kladde kan godkendes" in response.text
    assert 'name="meeting_date"' not in response.text


# --- Publish --------------------------------------------------------------------------------


def test_publish_page_tells_which_plan_it_supersedes(
    secretary_client, published, district, make_plan, secretary, meeting_date
):
    from plans.publishing import approve_plan

    successor = approve_plan(
        plan=make_plan(district, start=2027, end=2028), meeting_date=meeting_date, user=secretary
    )
    response = secretary_client.get(url("publish", successor))
    assert response.status_code == 200
    assert "markeres samtidig som afløst" in response.text
    assert "2023-2026" in response.text


def test_publish_page_links_to_the_citizen_preview_of_the_draft(secretary_client, approved):
    preview = reverse(
        "public:preview",
        kwargs={"district": approved.district.slug, "period": approved.period_label},
    )
    response = secretary_client.get(url("publish", approved))
    assert f'href="{preview}"' in response.text


def test_publish_page_publishes_version_one(secretary_client, approved, today):
    response = secretary_client.post(
        url("publish", approved),
        {"version_number": 1, "published_on": today, "effective_date": today},
    )
    assert response.status_code == 302
    assert approved.versions.get().number == 1


def test_publish_page_keeps_input_when_the_plan_has_no_focus_areas(
    secretary_client, approved, today
):
    approved.focus_areas.all().delete()
    response = secretary_client.post(
        url("publish", approved),
        {"version_number": 1, "published_on": today, "effective_date": "2026-01-01"},
    )
    assert response.status_code == 200
    assert "uden indsatsområder" in response.text
    assert 'value="2026-01-01"' in response.text
    assert not PlanVersion.objects.exists()


def test_revision_page_preticks_the_changed_section_only(secretary_client, published):
    cycle = published.sections.get(title="Årshjul")
    cycle.body = "<p>Fem møder om året</p>"
    cycle.save()
    untouched = published.sections.get(title="Organisering")
    response = secretary_client.get(url("publish", published))
    assert response.status_code == 200
    assert f'value="{cycle.pk}" id="id_changed_sections_1" checked' in response.text
    assert f'value="{untouched.pk}" id="id_changed_sections_0">' in response.text
    assert "Afsnit ændret: Årshjul" in response.text


def test_revision_page_publishes_a_revision_with_the_ticked_parts(
    secretary_client, published, today
):
    cycle = published.sections.get(title="Årshjul")
    area = published.focus_areas.get()
    response = secretary_client.post(
        url("publish", published),
        {
            "version_number": 2,
            "published_on": today,
            "effective_date": today,
            "revision_note": "Årshjulet har fået et ekstra møde.",
            "changed_sections": [cycle.pk],
            "changed_focus_areas": [area.pk],
        },
    )
    assert response.status_code == 302
    version = published.versions.get(number=2)
    assert (version.changed_sections, version.changed_focus_areas) == ([cycle.pk], [area.pk])
    assert version.revision_note == "Årshjulet har fået et ekstra møde."


def test_revision_page_without_a_note_keeps_the_ticked_parts(secretary_client, published):
    cycle = published.sections.get(title="Årshjul")
    response = secretary_client.post(
        url("publish", published),
        {
            "version_number": 2,
            "effective_date": "2031-02-03",
            "revision_note": "",
            "changed_sections": [cycle.pk],
        },
    )
    assert response.status_code == 200
    assert "Skriv en revisionsnote" in response.text
    assert 'value="2031-02-03"' in response.text
    assert f'value="{cycle.pk}" id="id_changed_sections_1" checked' in response.text
    assert published.versions.count() == 1


def test_publish_page_refuses_when_someone_else_published_meanwhile(
    secretary_client, published, secretary, today
):
    from plans.publishing import publish_plan

    publish_plan(plan=published, effective_date=today, user=secretary, revision_note="Først")
    response = secretary_client.post(
        url("publish", published),
        {
            "version_number": 2,
            "published_on": today,
            "effective_date": today,
            "revision_note": "Min note",
        },
    )
    assert response.status_code == 200
    assert "offentliggjort af en anden" in response.text
    assert "Min note" in response.text
    assert 'name="version_number" value="3"' in response.text
    assert published.versions.count() == 2


# --- Supersede ------------------------------------------------------------------------------


def test_supersede_page_supersedes_the_plan(secretary_client, published, secretary):
    assert secretary_client.get(url("supersede", published)).status_code == 200
    response = secretary_client.post(url("supersede", published))
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.status == Plan.Status.SUPERSEDED
    assert WorkflowEvent.objects.get(plan=published, step="superseded").by == secretary


# --- Who may --------------------------------------------------------------------------------


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_districts_secretariat_gets_404_and_changes_nothing(
    client, other_secretary, published, step, method, today
):
    client.force_login(other_secretary)
    response = getattr(client, method)(
        url(step, published),
        {
            "meeting_date": today,
            "version_number": 2,
            "effective_date": today,
            "revision_note": "Fremmed",
        },
    )
    assert response.status_code == 404
    published.refresh_from_db()
    assert published.status == Plan.Status.PUBLISHED
    assert published.versions.count() == 1


def test_staff_without_a_secretariat_gets_404(client, make_user, draft):
    client.force_login(make_user("uden-kreds", staff=True))
    assert client.get(url("approve", draft)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, draft):
    response = client.post(url("approve", draft), {"meeting_date": "2020-01-01"})
    assert response.status_code == 302
    assert "login" in response.url
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT


def test_a_superuser_may_approve_any_districts_plan(client, make_user, draft, meeting_date):
    client.force_login(make_user("admin", superuser=True))
    client.post(
        url("approve", draft), {"council_treatment": "approved", "meeting_date": meeting_date}
    )
    draft.refresh_from_db()
    assert draft.status == Plan.Status.APPROVED


# --- Actions on the change list -------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "step"),
    [("approve_plans", "approve"), ("publish_plans", "publish"), ("supersede_plans", "supersede")],
)
def test_action_leads_to_the_confirmation_page(secretary_client, draft, action, step):
    response = secretary_client.post(
        reverse("admin:plans_plan_changelist"), {"action": action, "_selected_action": [draft.pk]}
    )
    assert response.status_code == 302
    assert response.url == url(step, draft)
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT


def test_action_with_two_plans_asks_for_one(secretary_client, draft, district, make_plan):
    second = make_plan(district, start=2019, end=2020)
    response = secretary_client.post(
        reverse("admin:plans_plan_changelist"),
        {"action": "approve_plans", "_selected_action": [draft.pk, second.pk]},
        follow=True,
    )
    assert "Vælg præcis én plan" in response.text
