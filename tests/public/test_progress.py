"""How far a plan has got: the summary at the top of the plan page and in the PDF
(plans/progress.py)."""

import datetime
import re

import pytest

from plans.models import Activity, PlanVersion, Status
from plans.pdf import plan_context
from plans.progress import activity_status

from .conftest import plan_url
from .test_caching import PLAN_PAGE_MAX_QUERIES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]

S = Status


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({}, S.NOT_STARTED),
        ({S.DONE: 3}, S.DONE),
        ({S.POSTPONED: 2}, S.POSTPONED),
        ({S.DONE: 2, S.CANCELLED: 1}, S.DONE),
        ({S.CANCELLED: 2}, S.CANCELLED),
        # One lokalråd at work is progress, not "ikke påbegyndt"
        ({S.IN_PROGRESS: 1, S.NOT_STARTED: 7}, S.IN_PROGRESS),
        ({S.DONE: 1, S.NOT_STARTED: 7}, S.IN_PROGRESS),
        ({S.DONE: 1, S.POSTPONED: 1}, S.IN_PROGRESS),
        ({S.NOT_STARTED: 1, S.POSTPONED: 3}, S.NOT_STARTED),
        ({S.POSTPONED: 1, S.CANCELLED: 1}, S.POSTPONED),
    ],
)
def test_status_of_a_shared_activity_follows_its_assignments(counts, expected):
    assert activity_status(counts) == expected


def summary(html: str) -> str:
    match = re.search(r'<section class="plan-progress".*?</section>', html, re.S)
    assert match, "the plan page has no progress summary"
    return match[0]


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def shared_activity(plan):
    return Activity.objects.get(focus_area__plan=plan, text="Aktivitet 1")


def test_summary_comes_before_the_foreword(client, published):
    html = client.get(plan_url(published)).content.decode()
    assert html.index('id="fremdrift"') < html.index('id="forord"')


def test_summary_counts_activities_per_status_for_the_plan_and_each_focus_area(
    client, published, report
):
    for assignment in shared_activity(published).assignments.all():
        report(assignment, status=Status.DONE, text="Holdt")
    text = words(summary(client.get(plan_url(published)).content.decode()))
    assert "Hele planen : 4 aktiviteter Gennemført 1 Ikke påbegyndt 3" in text
    assert "Trygt nærmiljø : 3 aktiviteter Gennemført 1 Ikke påbegyndt 2" in text
    assert "Unge i nattelivet : 1 aktivitet Ikke påbegyndt 1" in text


def test_one_lokalraad_at_work_counts_a_shared_activity_as_in_progress(
    client, published, report, esbjerg
):
    report(shared_activity(published).assignments.get(council=esbjerg), status=Status.IN_PROGRESS)
    text = words(summary(client.get(plan_url(published)).content.decode()))
    assert "Hele planen : 4 aktiviteter I gang 1 Ikke påbegyndt 3" in text


def test_summary_shows_the_latest_status_date(client, published, report, esbjerg, toender):
    activity = shared_activity(published)
    report(activity.assignments.get(council=esbjerg), date=datetime.date(2024, 1, 2))
    report(activity.assignments.get(council=toender), date=datetime.date(2023, 5, 1))
    text = words(summary(client.get(plan_url(published)).content.decode()))
    assert "Senest opdateret: 2. januar 2024" in text


def test_summary_says_when_nothing_is_reported_yet(client, published):
    text = words(summary(client.get(plan_url(published)).content.decode()))
    assert "Der er ikke indberettet status på aktiviteterne endnu." in text
    assert "Senest opdateret" not in text


def test_bar_is_hidden_from_screen_readers_and_the_counts_are_words(client, published, report):
    report(shared_activity(published).assignments.first(), status=Status.IN_PROGRESS)
    html = summary(client.get(plan_url(published)).content.decode())
    for svg in re.findall(r"<svg[^>]*>", html):
        assert 'aria-hidden="true"' in svg
    assert '<span class="status-tag status-tag--in_progress">I gang</span>' in html


def test_a_status_report_updates_the_cached_summary(client, published, report):
    url = plan_url(published)
    assert "status-tag--in_progress" not in summary(client.get(url).content.decode())
    report(shared_activity(published).assignments.first(), status=Status.IN_PROGRESS)
    assert "I gang 1" in words(summary(client.get(url).content.decode()))


def test_a_later_status_date_alone_updates_the_cached_summary(client, published, report, esbjerg):
    assignment = shared_activity(published).assignments.get(council=esbjerg)
    report(assignment, date=datetime.date(2024, 1, 2))
    url = plan_url(published)
    assert "2. januar 2024" in client.get(url).content.decode()
    report(assignment, date=datetime.date(2024, 3, 5))
    assert "Senest opdateret: 5. marts 2024" in words(client.get(url).content.decode())


@pytest.mark.parametrize("reported", [0, 8])
def test_summary_adds_no_query_to_the_plan_page(
    client, published, report, django_assert_max_num_queries, reported
):
    for assignment in shared_activity(published).assignments.all()[:reported]:
        report(assignment, status=Status.DONE, text="Holdt")
    url = plan_url(published)
    with django_assert_max_num_queries(PLAN_PAGE_MAX_QUERIES):
        response = client.get(url)
    assert 'id="fremdrift"' in response.content.decode()


def test_pdf_shows_the_status_as_it_stood_when_the_version_was_published(
    published, report, esbjerg
):
    assignment = shared_activity(published).assignments.get(council=esbjerg)
    report(assignment, status=Status.DONE, text="Efter offentliggørelsen")
    context = plan_context(PlanVersion.objects.get(plan=published, number=1))
    assert context["progress"].plan.counts[0] == (Status.DONE, "Gennemført", 0)
    assert context["progress"].plan.total == 4
    assert context["progress_latest"] == ""


def test_activity_page_shows_each_councils_status_with_the_status_component(
    client, published, report, esbjerg
):
    activity = shared_activity(published)
    report(activity.assignments.get(council=esbjerg), status=Status.DONE, text="Holdt")
    html = client.get(plan_url(published, "public:activity", activity_id=activity.pk)).text
    assert '<span class="status-tag status-tag--done">Gennemført</span>' in html
    assert '<span class="status-tag status-tag--not_started">Ikke påbegyndt</span>' in html
