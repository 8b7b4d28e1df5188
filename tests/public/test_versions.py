import pytest

from plans.models import Activity, FocusArea
from plans.services import sync_assignments

from .conftest import plan_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]


def test_archive_lists_every_version_with_date_and_revision_note(client, published, publish):
    publish(published, note="Nyt afsnit om tryghed.")
    html = client.get(plan_url(published, "public:versions")).content.decode()
    assert "Version 1" in html
    assert "Version 2" in html
    assert "Nyt afsnit om tryghed." in html
    assert plan_url(published, "public:plan_version", number=1) in html
    assert plan_url(published, "public:plan_version", number=2) in html


def test_archive_names_the_revised_parts(client, published, publish):
    area = FocusArea.objects.get(plan=published, title="Unge i nattelivet")
    publish(published, focus_areas=[area.pk])
    html = client.get(plan_url(published, "public:versions")).content.decode()
    assert "Reviderede dele: Unge i nattelivet." in html


def test_diff_shows_an_added_and_a_removed_activity_in_words(client, published, publish):
    area = FocusArea.objects.get(plan=published, title="Trygt nærmiljø")
    Activity.objects.filter(focus_area=area, text="Aktivitet 3").delete()
    added = Activity.objects.create(
        all_local_councils=True, focus_area=area, text="Tryghedsvandring", order=5
    )
    sync_assignments(activity=added)
    publish(published, focus_areas=[area.pk])
    response = client.get(plan_url(published, "public:version_diff", old=1, new=2))
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<span class="change-label change-added">Tilføjet:</span> <ins>Tryghedsvandring</ins>'
        in (html)
    )
    assert (
        '<span class="change-label change-removed">Fjernet:</span> <del>Aktivitet 3</del>' in html
    )


def test_diff_shows_a_changed_activity_with_before_and_after(client, published, publish):
    Activity.objects.filter(focus_area__plan=published, text="Aktivitet 1").update(timing="2025")
    publish(published)
    html = client.get(plan_url(published, "public:version_diff", old=1, new=2)).content.decode()
    assert "Ændret:" in html
    assert "før <del>2017-18</del>, nu <ins>2025</ins>" in html


def test_diff_between_identical_versions_says_nothing_changed(client, published, publish):
    publish(published)
    html = client.get(plan_url(published, "public:version_diff", old=1, new=2)).content.decode()
    assert "Der er ingen ændringer i planens indhold" in html


def test_diff_in_reverse_order_redirects_to_old_before_new(client, published, publish):
    publish(published)
    response = client.get(plan_url(published, "public:version_diff", old=2, new=1))
    assert response.status_code == 302
    assert response.url == plan_url(published, "public:version_diff", old=1, new=2)


def test_diff_with_a_missing_version_is_404(client, published):
    response = client.get(plan_url(published, "public:version_diff", old=1, new=3))
    assert response.status_code == 404


def test_compare_form_goes_to_the_diff_page(client, published, publish):
    publish(published)
    response = client.get(plan_url(published, "public:versions"), {"fra": "2", "til": "1"})
    assert response.status_code == 302
    assert response.url == plan_url(published, "public:version_diff", old=1, new=2)


def test_compare_form_with_the_same_version_twice_explains_and_keeps_the_choice(
    client, published, publish
):
    publish(published)
    response = client.get(plan_url(published, "public:versions"), {"fra": "2", "til": "2"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vælg to forskellige versioner at sammenligne." in html
    assert 'aria-describedby="sammenlign-fejl"' in html
    assert html.count('<option value="2" selected>') == 2


def test_version_json_is_the_documented_snapshot(client, published):
    response = client.get(plan_url(published, "public:version_json", number=1))
    data = response.json()
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert data["version"]["nummer"] == 1
    assert data["indhold"]["plan"]["period_label"] == "2023-2026"
    assert "indhold.focus_areas" in data["dokumentation"]["felter"]
    titles = [area["title"] for area in data["indhold"]["focus_areas"]]
    assert titles == ["Trygt nærmiljø", "Unge i nattelivet"]
