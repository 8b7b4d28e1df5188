"""Structure of every public page: one h1, headings that never skip a level, Danish, a skip
link and the accessibility statement, no inline styles."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plans.models import Activity, Plan

from .conftest import building, h1_count, plan_url, publish_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]


class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels = []

    def handle_starttag(self, tag, attrs):
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))


def heading_levels(html):
    parser = Headings()
    parser.feed(html)
    return parser.levels


PAGES = [
    "home",
    "district",
    "council",
    "forums",
    "annual_cycle",
    "search",
    "search_results",
    "search_nothing",
    "plan",
    "plan_version_1",
    "activity",
    "versions",
    "diff",
    "preview",
]


@pytest.fixture(scope="module")
def revised(published_once, django_db_blocker):
    """The plan published once more after its first activity's text changed (version 2), in
    the module's transaction: every page below has something to show."""
    with building(django_db_blocker):
        activity = Activity.objects.filter(focus_area__plan_id=published_once.plan_pk).first()
        Activity.objects.filter(pk=activity.pk).update(text="Ændret aktivitet")
        secretary = get_user_model().objects.get(pk=published_once.secretary_pk)
        publish_as(secretary, Plan.objects.get(pk=published_once.plan_pk))
    return activity.pk


@pytest.fixture
def page_url(client, revised, published, district, esbjerg, secretary):
    activity = Activity.objects.get(pk=revised)
    d = {"district": district.slug}
    urls = {
        "home": reverse("home"),
        "district": reverse("public:district", kwargs=d),
        "council": reverse("public:council", kwargs={**d, "council": esbjerg.slug}),
        "forums": reverse("public:forums", kwargs=d),
        "annual_cycle": reverse("public:annual_cycle", kwargs=d),
        "search": reverse("public:search"),
        "search_results": reverse("public:search") + "?q=aktivitet",
        "search_nothing": reverse("public:search") + "?q=zebra",
        "plan": plan_url(published),
        "plan_version_1": plan_url(published, "public:plan_version", number=1),
        "activity": plan_url(published, "public:activity", activity_id=activity.pk),
        "versions": plan_url(published, "public:versions"),
        "diff": plan_url(published, "public:version_diff", old=1, new=2),
        "preview": plan_url(published, "public:preview"),
    }

    def url(name):
        if name == "preview":
            client.force_login(secretary)
        return urls[name]

    return url


@pytest.mark.parametrize("page_name", PAGES)
def test_page_has_exactly_one_h1(client, page_url, page_name):
    response = client.get(page_url(page_name))
    assert response.status_code == 200
    assert h1_count(response.content.decode()) == 1


@pytest.mark.parametrize("page_name", PAGES)
def test_page_headings_never_skip_a_level(client, page_url, page_name):
    levels = heading_levels(client.get(page_url(page_name)).content.decode())
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


@pytest.mark.parametrize("page_name", PAGES)
def test_page_is_danish_with_skip_link_and_accessibility_statement(client, page_url, page_name):
    html = client.get(page_url(page_name)).content.decode()
    assert '<html lang="da">' in html
    assert 'href="#indhold"' in html
    assert f'href="{reverse("accessibility")}"' in html
    assert "style=" not in html
    assert "<style" not in html
