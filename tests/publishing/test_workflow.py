import datetime
import types

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from plans.models import FocusArea, Plan, PlanSection, PlanVersion, WorkflowEvent
from plans.publishing import (
    approve_plan,
    delete_plan,
    publish_plan,
    supersede_plan,
)

pytestmark = pytest.mark.django_db


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- Approval -------------------------------------------------------------------------------


def test_approving_a_draft_sets_status_and_meeting_date(draft, secretary, meeting_date):
    approve_plan(plan=draft, meeting_date=meeting_date, user=secretary)
    draft.refresh_from_db()
    assert draft.status == Plan.Status.APPROVED
    assert draft.approval_meeting_date == meeting_date


def test_approval_is_recorded_with_who_and_when(draft, secretary, meeting_date):
    approve_plan(plan=draft, meeting_date=meeting_date, user=secretary)
    event = WorkflowEvent.objects.get(plan=draft)
    assert event.step == WorkflowEvent.Step.APPROVED
    assert event.by == secretary
    # The day in Denmark on both sides: between 23:00 and midnight UTC the UTC date is a day behind.
    assert timezone.localdate(event.at) == timezone.localdate()


def test_only_a_draft_can_be_approved(approved, secretary, meeting_date):
    with pytest.raises(ValidationError) as error:
        approve_plan(plan=approved, meeting_date=meeting_date, user=secretary)
    assert "Kun en kladde kan godkendes" in messages(error.value)
    assert WorkflowEvent.objects.filter(plan=approved).count() == 1


def test_meeting_date_in_the_future_is_refused(draft, secretary, today):
    with pytest.raises(ValidationError) as error:
        approve_plan(plan=draft, meeting_date=today + datetime.timedelta(days=1), user=secretary)
    assert "meeting_date" in error.value.message_dict
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT


def test_a_discussion_without_a_known_meeting_date_is_recorded(draft, secretary):
    approve_plan(plan=draft, treatment="discussed", meeting_date=None, user=secretary)
    draft.refresh_from_db()
    assert (draft.status, draft.council_treatment, draft.approval_meeting_date) == (
        Plan.Status.APPROVED,
        "discussed",
        None,
    )
    assert draft.approval_line == "Drøftet i kredsrådet"


def test_approval_needs_to_say_approved_or_discussed(draft, secretary, meeting_date):
    with pytest.raises(ValidationError) as error:
        approve_plan(plan=draft, treatment="", meeting_date=meeting_date, user=secretary)
    assert "council_treatment" in error.value.message_dict
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT


# --- First publication ----------------------------------------------------------------------


def test_publishing_an_approved_plan_creates_version_one(approved, secretary, today):
    version = publish_plan(plan=approved, effective_date=today, user=secretary)
    approved.refresh_from_db()
    assert approved.status == Plan.Status.PUBLISHED
    assert approved.effective_date == today
    assert (version.number, version.published_on, version.published_by) == (1, today, secretary)


def test_publication_is_recorded_with_who(approved, secretary, today):
    publish_plan(plan=approved, effective_date=today, user=secretary)
    event = WorkflowEvent.objects.filter(plan=approved).latest("at")
    assert (event.step, event.by) == (WorkflowEvent.Step.PUBLISHED, secretary)


def test_published_version_holds_the_plan_content(approved, secretary, today):
    version = publish_plan(plan=approved, effective_date=today, user=secretary)
    assert [s["title"] for s in version.snapshot["sections"]] == ["Organisering", "Årshjul"]
    assert version.snapshot["plan"]["effective_date"] == today.isoformat()


def test_approval_is_optional_a_draft_can_be_published(draft, secretary, today):
    version = publish_plan(plan=draft, effective_date=today, user=secretary)
    draft.refresh_from_db()
    assert (draft.status, draft.council_treatment) == (Plan.Status.PUBLISHED, "")
    assert version.snapshot["plan"]["council_treatment"] == ""


def test_effective_date_is_required(approved, secretary):
    with pytest.raises(ValidationError) as error:
        publish_plan(plan=approved, effective_date=None, user=secretary)
    assert error.value.message_dict["effective_date"] == ["Angiv den dato, planen gælder fra."]


def test_effective_date_before_the_approval_is_refused(approved, secretary, meeting_date):
    with pytest.raises(ValidationError) as error:
        publish_plan(
            plan=approved, effective_date=meeting_date - datetime.timedelta(1), user=secretary
        )
    assert "effective_date" in error.value.message_dict


def test_a_plan_without_focus_areas_cannot_be_published(approved, secretary, today):
    approved.focus_areas.all().delete()
    with pytest.raises(ValidationError) as error:
        publish_plan(plan=approved, effective_date=today, user=secretary)
    assert "uden indsatsområder" in messages(error.value)
    approved.refresh_from_db()
    assert approved.status == Plan.Status.APPROVED


def test_first_publication_cannot_mark_revised_parts(approved, secretary, today):
    section = approved.sections.first()
    with pytest.raises(ValidationError):
        publish_plan(
            plan=approved, effective_date=today, user=secretary, changed_sections=[section.pk]
        )
    assert not PlanVersion.objects.exists()


def test_a_draft_edit_after_publishing_does_not_change_the_version(approved, secretary, today):
    version = publish_plan(plan=approved, effective_date=today, user=secretary)
    section = approved.sections.get(title="Organisering")
    section.body = "<p>Helt ny tekst</p>"
    section.save()
    FocusArea.objects.filter(plan=approved).update(title="Nyt navn")
    version.refresh_from_db()
    assert version.snapshot["sections"][0]["body"] == "<p>Tre niveauer</p>"
    assert version.snapshot["focus_areas"][0]["title"] == "Trygt nærmiljø"


def test_publishing_queues_the_pdf_after_commit(
    approved, secretary, today, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    fake_task = types.SimpleNamespace(enqueue=lambda **kwargs: queued.append(kwargs))
    monkeypatch.setattr("plans.publishing.render_version_pdf", fake_task)
    with django_capture_on_commit_callbacks(execute=True):
        version = publish_plan(plan=approved, effective_date=today, user=secretary)
        assert queued == []
    assert queued == [{"version_id": version.pk}]


def test_publishing_stands_when_the_pdf_cannot_be_queued(
    approved, secretary, today, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(**kwargs):
        raise ConnectionError("queue down")

    fake_task = types.SimpleNamespace(enqueue=refuse)
    monkeypatch.setattr("plans.publishing.render_version_pdf", fake_task)
    with django_capture_on_commit_callbacks(execute=True):
        publish_plan(plan=approved, effective_date=today, user=secretary)
    assert approved.versions.get().number == 1


# --- Superseding ----------------------------------------------------------------------------


def test_publishing_a_new_plan_supersedes_the_districts_current_plan(
    published, district, make_plan, secretary, meeting_date, today
):
    successor = make_plan(district, start=2027, end=2028)
    approve_plan(plan=successor, meeting_date=meeting_date, user=secretary)
    publish_plan(plan=successor, effective_date=today, user=secretary)
    published.refresh_from_db()
    assert published.status == Plan.Status.SUPERSEDED
    assert list(Plan.objects.current().filter(district=district)) == [successor]
    event = WorkflowEvent.objects.filter(plan=published).latest("at")
    assert (event.step, event.by) == (WorkflowEvent.Step.SUPERSEDED, secretary)


def test_an_older_plan_cannot_supersede_a_newer_current_plan(
    published, district, make_plan, secretary, meeting_date, today
):
    older = make_plan(district, start=2019, end=2022)
    approve_plan(plan=older, meeting_date=meeting_date, user=secretary)
    with pytest.raises(ValidationError) as error:
        publish_plan(plan=older, effective_date=today, user=secretary)
    assert "senere periode" in messages(error.value)
    published.refresh_from_db()
    assert published.status == Plan.Status.PUBLISHED


def test_publishing_leaves_other_districts_plans_alone(
    published, other_district, make_plan, secretary, meeting_date, today
):
    other = make_plan(other_district, start=2027, end=2028)
    approve_plan(plan=other, meeting_date=meeting_date, user=secretary)
    publish_plan(plan=other, effective_date=today, user=secretary)
    published.refresh_from_db()
    assert published.status == Plan.Status.PUBLISHED


def test_superseding_a_published_plan(published, secretary):
    supersede_plan(plan=published, user=secretary)
    published.refresh_from_db()
    assert published.status == Plan.Status.SUPERSEDED
    assert WorkflowEvent.objects.filter(
        plan=published, step=WorkflowEvent.Step.SUPERSEDED, by=secretary
    ).exists()


def test_a_draft_cannot_be_superseded(draft, secretary):
    with pytest.raises(ValidationError) as error:
        supersede_plan(plan=draft, user=secretary)
    assert "Kun en offentliggjort plan" in messages(error.value)


def test_a_superseded_plan_is_final(published, secretary, today):
    supersede_plan(plan=published, user=secretary)
    with pytest.raises(ValidationError) as error:
        publish_plan(plan=published, effective_date=today, user=secretary, revision_note="Ny")
    assert "endelig" in messages(error.value)
    assert published.versions.count() == 1


def test_a_superseded_plan_cannot_be_superseded_again(published, secretary):
    supersede_plan(plan=published, user=secretary)
    with pytest.raises(ValidationError):
        supersede_plan(plan=published, user=secretary)
    assert WorkflowEvent.objects.filter(step=WorkflowEvent.Step.SUPERSEDED).count() == 1


# --- Revisions ------------------------------------------------------------------------------


def test_a_revision_gets_the_next_version_number(published, secretary, today):
    version = publish_plan(
        plan=published, effective_date=today, user=secretary, revision_note="Årlig revision"
    )
    assert version.number == 2
    assert version.revision_note == "Årlig revision"
    assert WorkflowEvent.objects.filter(plan=published, step=WorkflowEvent.Step.REVISED).exists()


def test_a_revision_records_only_the_parts_marked_as_changed(published, secretary, today):
    section = published.sections.get(title="Årshjul")
    area = published.focus_areas.get()
    version = publish_plan(
        plan=published,
        effective_date=today,
        user=secretary,
        revision_note="Nyt årshjul",
        changed_sections=[section.pk],
        changed_focus_areas=[str(area.pk)],
    )
    assert version.changed_sections == [section.pk]
    assert version.changed_focus_areas == [area.pk]


def test_a_revision_needs_a_revision_note(published, secretary, today):
    with pytest.raises(ValidationError) as error:
        publish_plan(plan=published, effective_date=today, user=secretary, revision_note="  ")
    assert "revision_note" in error.value.message_dict
    assert published.versions.count() == 1


def test_a_revision_refuses_a_section_of_another_plan(
    published, other_district, make_plan, secretary, today
):
    foreign = PlanSection.objects.create(plan=make_plan(other_district), title="Fremmed", body="")
    with pytest.raises(ValidationError) as error:
        publish_plan(
            plan=published,
            effective_date=today,
            user=secretary,
            revision_note="Rettelse",
            changed_sections=[foreign.pk],
        )
    assert "changed_sections" in error.value.message_dict


# --- Deleting -------------------------------------------------------------------------------


def test_a_plan_with_published_versions_cannot_be_deleted(published, secretary):
    with pytest.raises(ValidationError) as error:
        delete_plan(plan=published, user=secretary)
    assert "kan ikke slettes" in messages(error.value)
    assert Plan.objects.filter(pk=published.pk).exists()


def test_the_database_protects_a_plan_with_versions(published):
    published.workflow_events.all().delete()
    with pytest.raises(ProtectedError):
        published.delete()


def test_an_approved_but_unpublished_plan_can_be_deleted(approved, secretary):
    delete_plan(plan=approved, user=secretary)
    assert not Plan.objects.filter(pk=approved.pk).exists()
