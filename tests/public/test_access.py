"""Drafts, approved-but-unpublished plans and internal notes never reach the public."""

import pytest
from django.urls import reverse

from forums.models import Forum
from plans.models import Activity, Plan
from plans.publishing import approve_plan

from .conftest import CONTACT_EMAIL, INTERNAL_NOTE, plan_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content_once")]

PLAN_URLS = [
    ("public:plan", {}),
    ("public:plan_version", {"number": 1}),
    ("public:version_json", {"number": 1}),
    ("public:versions", {}),
    ("public:version_diff", {"old": 1, "new": 2}),
    ("public:activity", {"activity_id": None}),
]


def urls_of(plan):
    activity = Activity.objects.filter(focus_area__plan=plan).first()
    return [
        plan_url(plan, name, **{k: v or activity.pk for k, v in kwargs.items()})
        for name, kwargs in PLAN_URLS
    ]


@pytest.mark.parametrize("url_index", range(len(PLAN_URLS)))
def test_every_plan_url_of_a_draft_is_404(client, content, url_index):
    assert client.get(urls_of(content)[url_index]).status_code == 404


@pytest.mark.parametrize("url_index", range(len(PLAN_URLS)))
def test_every_plan_url_of_an_approved_unpublished_plan_is_404(
    client, content, secretary, today, url_index
):
    approve_plan(plan=content, meeting_date=today, user=secretary)
    assert client.get(urls_of(content)[url_index]).status_code == 404


@pytest.mark.parametrize("url_index", range(len(PLAN_URLS)))
def test_plan_urls_of_a_draft_are_404_even_for_its_secretariat(
    client, content, secretary, url_index
):
    client.force_login(secretary)
    assert client.get(urls_of(content)[url_index]).status_code == 404


def test_version_that_does_not_exist_is_404(client, published):
    assert client.get(plan_url(published, "public:plan_version", number=2)).status_code == 404


def test_malformed_period_is_404(client, published, district):
    assert client.get(f"/{district.slug}/samarbejdsplan/tjuhej/").status_code == 404


def test_plan_of_another_district_under_this_district_is_404(client, published, other_district):
    url = reverse(
        "public:plan", kwargs={"district": other_district.slug, "period": published.period_label}
    )
    assert client.get(url).status_code == 404


def test_draft_is_not_listed_on_home_district_sitemap_or_search(client, content, district):
    pages = [
        reverse("home"),
        reverse("public:district", kwargs={"district": district.slug}),
        "/sitemap.xml",
        reverse("public:search") + "?q=Trygt",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "2023-2026" not in html, url


def test_draft_focus_areas_do_not_appear_on_the_lokalraad_page(client, content, esbjerg):
    html = client.get(esbjerg.get_absolute_url()).content.decode()
    assert "Unge i nattelivet" not in html


def test_draft_annual_cycle_is_not_in_the_page_or_feed(client, content, district):
    page = client.get(reverse("public:annual_cycle", kwargs={"district": district.slug}))
    feed = client.get(reverse("public:annual_cycle_ics", kwargs={"district": district.slug}))
    assert "Temadag" not in page.content.decode()
    assert b"Temadag" not in feed.content


def test_forum_overview_without_a_published_plan_shows_live_active_forums(
    client, content, district
):
    Forum.objects.create(
        district=district, name="Nedlagt", slug="nedlagt", kind="other", is_active=False
    )
    html = client.get(reverse("public:forums", kwargs={"district": district.slug})).content
    html = html.decode()
    assert "SSP Esbjerg" in html
    assert "Nedlagt" not in html


# --- Preview --------------------------------------------------------------------------------


def test_preview_shows_the_draft_to_its_district_secretariat_marked_as_preview(
    client, content, secretary
):
    client.force_login(secretary)
    response = client.get(plan_url(content, "public:preview"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Forhåndsvisning – ikke offentliggjort" in html
    assert "Unge i nattelivet" in html
    assert "no-store" in response.headers["Cache-Control"]


def test_preview_shows_unpublished_edits_of_a_published_plan(client, published, secretary):
    Activity.objects.create(
        all_local_councils=True,
        focus_area=published.focus_areas.first(),
        text="Kommende aktivitet",
        order=9,
    )
    client.force_login(secretary)
    assert (
        "Kommende aktivitet" in client.get(plan_url(published, "public:preview")).content.decode()
    )
    client.logout()
    assert "Kommende aktivitet" not in client.get(plan_url(published)).content.decode()


def test_preview_is_404_for_everyone_else(client, content, make_user, other_district, esbjerg):
    from councils.roles import make_secretariat_staff

    url = plan_url(content, "public:preview")
    assert client.get(url).status_code == 404
    member = make_user("medlem", council=esbjerg)
    client.force_login(member)
    assert client.get(url).status_code == 404
    foreign = make_user("fyn", staff=True)
    make_secretariat_staff(user=foreign, district=other_district)
    client.force_login(foreign)
    assert client.get(url).status_code == 404
    staff_without_district = make_user("loes", staff=True)
    client.force_login(staff_without_district)
    assert client.get(url).status_code == 404


def test_preview_is_open_to_a_superuser(client, content, make_user):
    client.force_login(make_user("admin", superuser=True))
    assert client.get(plan_url(content, "public:preview")).status_code == 200


# --- Internal notes and contact data --------------------------------------------------------


def public_urls(plan, district, esbjerg):
    activity = Activity.objects.filter(focus_area__plan=plan).first()
    return [
        reverse("home"),
        reverse("public:district", kwargs={"district": district.slug}),
        reverse("public:forums", kwargs={"district": district.slug}),
        reverse("public:annual_cycle", kwargs={"district": district.slug}),
        reverse("public:annual_cycle_ics", kwargs={"district": district.slug}),
        reverse("public:council", kwargs={"district": district.slug, "council": esbjerg.slug}),
        reverse("public:search") + "?q=Aktivitet",
        plan_url(plan),
        plan_url(plan, "public:plan_version", number=1),
        plan_url(plan, "public:version_json", number=1),
        plan_url(plan, "public:versions"),
        plan_url(plan, "public:version_diff", old=1, new=2),
        plan_url(plan, "public:activity", activity_id=activity.pk),
        "/sitemap.xml",
    ]


def test_no_internal_note_or_contact_data_on_any_public_page_or_json(
    client, published, publish, district, esbjerg, report, make_user
):
    member = make_user("esbjerg-medlem", council=esbjerg)
    for assignment in esbjerg.assignments.all():
        report(assignment, status="in_progress", text="Offentlig tekst", note=INTERNAL_NOTE)
    publish(published, note="Ny version")
    assert Plan.objects.get(pk=published.pk).versions.count() == 2
    for url in public_urls(published, district, esbjerg):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert INTERNAL_NOTE not in body, url
        assert CONTACT_EMAIL not in body, url
        assert member.email not in body, url
        assert "internal_note" not in body, url
