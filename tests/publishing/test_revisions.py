import datetime

import pytest

from plans.models import Activity, PlanSection, PlanVersion
from plans.publishing import detect_changes, publish_plan
from plans.revisions import revision_footnotes

pytestmark = pytest.mark.django_db


def revise(plan, user, *, sections=(), focus_areas=(), on=None):
    version = publish_plan(
        plan=plan,
        effective_date=datetime.date.today(),
        user=user,
        revision_note="Revision",
        changed_sections=[s.pk for s in sections],
        changed_focus_areas=[a.pk for a in focus_areas],
    )
    if on is not None:
        PlanVersion.objects.filter(pk=version.pk).update(published_on=on)
        version.refresh_from_db()
    return version


def test_version_one_has_no_footnotes(published):
    footnotes = revision_footnotes(published.versions.get(number=1))
    assert footnotes.sections == {}
    assert footnotes.focus_areas == {}


def test_footnotes_mark_only_the_changed_parts(published, secretary):
    cycle = published.sections.get(title="Årshjul")
    area = published.focus_areas.get()
    version = revise(published, secretary, sections=[cycle], focus_areas=[area])
    footnotes = revision_footnotes(version)
    assert footnotes.sections == {cycle.pk: version.published_on}
    assert footnotes.focus_areas == {area.pk: version.published_on}


def test_footnotes_accumulate_across_revisions(published, secretary):
    organisation = published.sections.get(title="Organisering")
    cycle = published.sections.get(title="Årshjul")
    first = datetime.date(2024, 1, 15)
    second = datetime.date(2025, 1, 20)
    revise(published, secretary, sections=[organisation, cycle], on=first)
    latest = revise(published, secretary, sections=[cycle], on=second)
    assert revision_footnotes(latest).sections == {organisation.pk: first, cycle.pk: second}


def test_footnotes_of_an_earlier_version_ignore_later_revisions(published, secretary):
    cycle = published.sections.get(title="Årshjul")
    organisation = published.sections.get(title="Organisering")
    earlier = revise(published, secretary, sections=[cycle])
    revise(published, secretary, sections=[organisation])
    assert set(revision_footnotes(earlier).sections) == {cycle.pk}


def test_footnotes_skip_parts_no_longer_in_the_version(published, secretary):
    cycle = published.sections.get(title="Årshjul")
    revise(published, secretary, sections=[cycle])
    cycle.delete()
    latest = revise(published, secretary)
    assert revision_footnotes(latest).sections == {}


def test_detect_changes_of_a_never_published_plan_is_empty(approved):
    assert detect_changes(approved) == ([], [])


def test_detect_changes_is_empty_right_after_publishing(published):
    assert detect_changes(published) == ([], [])


def test_detect_changes_finds_an_edited_section(published):
    cycle = published.sections.get(title="Årshjul")
    cycle.body = "<p>Fem møder</p>"
    cycle.save()
    assert detect_changes(published) == ([cycle.pk], [])


def test_detect_changes_finds_a_new_section(published):
    new = PlanSection.objects.create(plan=published, title="Nyt afsnit", body="<p>x</p>", order=3)
    assert detect_changes(published) == ([new.pk], [])


def test_detect_changes_counts_a_new_activity_as_a_change_of_its_focus_area(published):
    area = published.focus_areas.get()
    Activity.objects.create(
        all_local_councils=True, focus_area=area, text="Borgermøder om nabohjælp", order=9
    )
    assert detect_changes(published) == ([], [area.pk])


def test_detect_changes_ignores_moving_a_section(published):
    published.sections.filter(title="Årshjul").update(order=0)
    assert detect_changes(published) == ([], [])
