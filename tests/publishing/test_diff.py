import datetime

import pytest

from plans.models import Activity, FocusArea, PlanSection, PlanVersion
from plans.publishing import diff_versions, publish_plan
from plans.snapshot import build_snapshot
from plans.templatetags.public import change_value

pytestmark = pytest.mark.django_db


def revise(plan, user):
    return publish_plan(
        plan=plan, effective_date=datetime.date.today(), user=user, revision_note="Revision"
    )


def test_diff_shows_an_added_and_a_removed_activity(published, secretary):
    first = published.versions.get()
    area = published.focus_areas.get()
    removed = area.activities.get(text="Aktivitet 2")
    removed_id = removed.pk
    removed.delete()
    added = Activity.objects.create(
        all_local_councils=True, focus_area=area, text="Trygge skoleveje", order=9
    )
    diff = diff_versions(first, revise(published, secretary))
    assert [(a.id, a.text, a.focus_area_title) for a in diff.activities_added] == [
        (added.pk, "Trygge skoleveje", "Trygt nærmiljø")
    ]
    assert [(a.id, a.text) for a in diff.activities_removed] == [(removed_id, "Aktivitet 2")]
    assert diff.activities_changed == ()


def test_diff_shows_an_edited_activity_with_old_and_new_text(published, secretary):
    first = published.versions.get()
    activity = Activity.objects.get(focus_area__plan=published, text="Aktivitet 1")
    activity.text = "Aktivitet 1, udvidet"
    activity.timing = "2025"
    activity.save()
    (change,) = diff_versions(first, revise(published, secretary)).activities_changed
    assert (change.old_text, change.new_text) == ("Aktivitet 1", "Aktivitet 1, udvidet")
    assert {c.field for c in change.changes} == {"text", "timing"}


def test_diff_shows_a_renamed_focus_area_as_changed_not_added(published, secretary):
    first = published.versions.get()
    FocusArea.objects.filter(plan=published).update(title="Tryghed i boligområder")
    diff = diff_versions(first, revise(published, secretary))
    assert diff.focus_areas_added == diff.focus_areas_removed == ()
    (change,) = diff.focus_areas_changed
    assert (change.title, change.changes[0].old) == ("Tryghed i boligområder", "Trygt nærmiljø")


def test_diff_shows_added_and_removed_sections(published, secretary):
    first = published.versions.get()
    published.sections.get(title="Årshjul").delete()
    PlanSection.objects.create(plan=published, title="Andre samarbejder", body="", order=5)
    diff = diff_versions(first, revise(published, secretary))
    assert [s.title for s in diff.sections_added] == ["Andre samarbejder"]
    assert [s.title for s in diff.sections_removed] == ["Årshjul"]


def test_diff_shows_changed_front_matter_with_its_label(published, secretary):
    first = published.versions.get()
    published.foreword = "<p>Nyt forord</p>"
    published.save()
    (change,) = diff_versions(first, revise(published, secretary)).front_matter
    assert (change.field, change.label, change.new) == ("foreword", "forord", "<p>Nyt forord</p>")


def test_diff_of_two_versions_with_the_same_content_has_no_changes(published, secretary):
    diff = diff_versions(published.versions.get(), revise(published, secretary))
    assert not diff.has_changes


def test_diff_compares_the_draft_with_a_published_version(published):
    Activity.objects.create(
        all_local_councils=True, focus_area=published.focus_areas.get(), text="Ny aktivitet"
    )
    draft = PlanVersion(plan=published, snapshot=build_snapshot(published))
    diff = diff_versions(published.versions.get(), draft)
    assert [a.text for a in diff.activities_added] == ["Ny aktivitet"]


def test_a_changed_rich_text_reads_as_words_in_the_diff():
    # Paragraphs and list items stay apart, as in search: "afsnit. Andet", not "afsnit.Andet".
    assert change_value("<p>Første afsnit.</p><p>Andet &amp; sidste.</p>") == (
        "Første afsnit. Andet & sidste."
    )
    assert change_value("<p></p>") == "(intet)"
