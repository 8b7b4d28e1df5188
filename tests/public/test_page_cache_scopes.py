"""The whole-page cache is made stale per district: a change in one district leaves every other
district's cached pages hot (served from the cache, no query) and renders the changed district's
pages, and the front page, again (plans/page_cache.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from councils.models import Council, Membership, Municipality, PoliceDistrict
from forums.models import Forum
from plans.models import Activity, FocusArea, Plan, Status
from plans.page_cache import bulk_load, content_changed
from tests.conftest import create_plan

from .conftest import building, plan_url, publish_as

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("published_once", "other_published_once"),
]


def district_pages(plan) -> list[str]:
    """Every cached page of the plan's district: district, forums, annual cycle, a lokalråd, the
    plan, filtered by status, its first version and an activity."""
    slug = plan.district.slug
    council = Council.objects.filter(district=plan.district, kind=Council.Kind.LOCAL).first()
    activity = Activity.objects.filter(focus_area__plan=plan).first()
    return [
        reverse("public:district", kwargs={"district": slug}),
        reverse("public:forums", kwargs={"district": slug}),
        reverse("public:annual_cycle", kwargs={"district": slug}),
        reverse("public:council", kwargs={"district": slug, "council": council.slug}),
        plan_url(plan),
        f"{plan_url(plan)}?status=not_started",
        plan_url(plan, "public:plan_version", number=1),
        plan_url(plan, "public:activity", activity_id=activity.pk),
    ]


@pytest.fixture(scope="module")
def other_published_once(published_once, django_db_blocker):
    """A published plan in Fyns Politi, beside the module's plan in Syd- og Sønderjylland, made
    once in the module's transaction."""
    with building(django_db_blocker):
        fyn = PoliceDistrict.objects.get(slug="fyns-politi")
        plan = create_plan(fyn, start=2023, end=2026, activities=2)
        publish_as(get_user_model().objects.get(pk=published_once.secretary_pk), plan)
    return plan.pk


@pytest.fixture
def other_published(other_published_once):
    return Plan.objects.get(pk=other_published_once)


def queries_of(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


def report_done(published, report):
    activity = Activity.objects.filter(focus_area__plan=published, all_local_councils=True).first()
    report(activity.assignments.first(), status=Status.DONE, text="Færdig")


def rename_a_lokalraad(published, report):
    council = Council.objects.get(district=published.district, slug="esbjerg")
    council.name = "Esbjerg og Fanø"
    council.save()


def edit_a_forum(published, report):
    forum = Forum.objects.get(district=published.district, name="SSP Esbjerg")
    forum.topic = "Unge og nattelivet"
    forum.save()


def drop_a_kredsraad_member(published, report):
    Membership.objects.filter(council=published.district.district_council).first().delete()


def link_a_forum_to_a_municipality(published, report):
    forum = Forum.objects.get(district=published.district, name="SSP Esbjerg")
    forum.municipalities.add(Municipality.objects.filter(district=published.district).first())


CHANGES = [report_done, rename_a_lokalraad, edit_a_forum, drop_a_kredsraad_member]
CHANGES += [link_a_forum_to_a_municipality]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_change_in_one_district_leaves_the_other_districts_pages_hot(
    client,
    published,
    other_published,
    report,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
    change,
):
    changed, other = district_pages(published), district_pages(other_published)
    before = {url: client.get(url).content for url in [*changed, *other, "/"]}
    for url in changed + other:  # all hot before the change
        with django_assert_num_queries(0):
            client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        change(published, report)

    for url in other:
        with django_assert_num_queries(0):
            response = client.get(url)
        assert response.content == before[url], url
    for url in [*changed, "/"]:  # the changed district's pages and the front page: rendered
        count, _ = queries_of(client, url)
        assert count > 0, url


def test_status_report_shows_at_once_on_its_district_pages(
    client, published, other_published, report, django_assert_num_queries
):
    url = plan_url(published)
    activity = Activity.objects.filter(focus_area__plan=published, all_local_councils=True).first()
    activity_url = plan_url(published, "public:activity", activity_id=activity.pk)
    assert "Gennemført i 1 af 8 lokalråd" not in client.get(url).content.decode()
    client.get(activity_url)
    client.get(plan_url(other_published))

    report(activity.assignments.first(), status=Status.DONE, text="Færdig i Esbjerg")

    assert "Gennemført i 1 af 8 lokalråd" in client.get(url).content.decode()
    assert "Færdig i Esbjerg" in client.get(activity_url).content.decode()
    with django_assert_num_queries(0):
        client.get(plan_url(other_published))


def test_publishing_in_one_district_leaves_the_others_hot(
    client, published, other_published, publish, django_assert_num_queries
):
    other = district_pages(other_published)
    for url in other:
        client.get(url)
    area = FocusArea.objects.get(plan=published, title="Trygt nærmiljø")
    area.title = "Tryghed i nærmiljøet"
    area.save()
    publish(published, focus_areas=[area.pk])
    assert "Tryghed i nærmiljøet" in client.get(plan_url(published)).content.decode()
    with django_assert_num_queries(0):
        for url in other:
            client.get(url)


def test_front_page_is_cached_and_follows_a_publication_in_any_district(
    client, published, other_district, make_plan, publish, today, django_assert_num_queries
):
    client.get("/")
    with django_assert_num_queries(0):
        assert "Ingen offentliggjort plan endnu." in client.get("/").content.decode()
    plan = make_plan(other_district, start=today.year, end=today.year + 1, activities=1)
    publish(plan)
    html = client.get("/").content.decode()
    assert plan_url(plan) in html


def test_row_moved_to_another_district_renews_the_pages_of_both(
    client, django_capture_on_commit_callbacks
):
    """Districts without a published plan show their live forums."""
    old = PoliceDistrict.objects.get(slug="nordjyllands-politi")
    new = PoliceDistrict.objects.get(slug="oestjyllands-politi")
    forum = Forum.objects.create(district=old, name="Flyttet forum", slug="flyttet", kind="ssp")
    old_url = reverse("public:forums", kwargs={"district": old.slug})
    new_url = reverse("public:forums", kwargs={"district": new.slug})
    assert "Flyttet forum" in client.get(old_url).content.decode()
    assert "Flyttet forum" not in client.get(new_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        forum.district = new
        forum.save()
    assert "Flyttet forum" not in client.get(old_url).content.decode()
    assert "Flyttet forum" in client.get(new_url).content.decode()


def test_rows_deleted_with_their_parent_renew_its_district(
    client,
    published,
    other_published,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    """A lokalråd deleted with its memberships and assignments: one question for them all."""
    council = Council.objects.create(
        district=published.district, kind=Council.Kind.LOCAL, name="Kortlivet råd", slug="kort"
    )
    url = reverse("public:district", kwargs={"district": published.district.slug})
    other = reverse("public:district", kwargs={"district": other_published.district.slug})
    assert "Kortlivet råd" in client.get(url).content.decode()
    client.get(other)
    with django_capture_on_commit_callbacks(execute=True):
        council.delete()
    assert "Kortlivet råd" not in client.get(url).content.decode()
    with django_assert_num_queries(0):
        client.get(other)


@pytest.mark.parametrize("what", ["no rows", "a police district"])
def test_change_whose_district_is_not_known_renews_every_page(
    client, published, other_published, django_capture_on_commit_callbacks, what
):
    other = district_pages(other_published)
    for url in other:
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        if what == "no rows":
            content_changed()
        else:
            published.district.save()
    for url in other:
        count, _ = queries_of(client, url)
        assert count > 0, url


def test_status_report_asks_for_its_districts_once_per_saved_row(published, report):
    """Which district a change belongs to costs one small query per saved row: the update is
    created, the assignment is asked before and after its save."""
    assignment = Activity.objects.filter(focus_area__plan=published).first().assignments.first()
    with CaptureQueriesContext(connection) as queries:
        report(assignment, status=Status.IN_PROGRESS, text="I gang")
    asked = [q["sql"] for q in queries if '"councils_policedistrict"."slug"' in q["sql"]]
    assert len(asked) == 3, asked


def test_bulk_load_asks_no_row_for_its_district_and_renews_every_page_when_it_commits(
    client,
    published,
    other_published,
    report,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    """The demo loads in bulk: hundreds of rows, no question each, every page renewed once."""
    other = district_pages(other_published)
    for url in other:
        client.get(url)
    assignment = Activity.objects.filter(focus_area__plan=published).first().assignments.first()

    with django_capture_on_commit_callbacks(execute=True):
        with CaptureQueriesContext(connection) as queries, bulk_load():
            report(assignment, status=Status.IN_PROGRESS, text="I gang")
        asked = [q["sql"] for q in queries if '"councils_policedistrict"."slug"' in q["sql"]]
        with django_assert_num_queries(0):  # still hot until the load commits
            for url in other:
                client.get(url)

    assert asked == []
    for url in other:
        count, _ = queries_of(client, url)
        assert count > 0, url
