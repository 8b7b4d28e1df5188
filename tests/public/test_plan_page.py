import pytest
from django.core.cache import cache

from plans.models import Activity, FocusArea, Plan, PlanSection, Status

from .conftest import INTERNAL_NOTE, plan_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_once")]


def first_activity(plan):
    return Activity.objects.filter(focus_area__plan=plan).order_by("focus_area__order", "order")[0]


def test_plan_page_shows_the_published_content(client, published):
    response = client.get(plan_url(published))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Samarbejdsplan 2023-2026" in text
    assert "Trygt nærmiljø" in text
    assert "Organisering" in text
    assert "Aktivitet 1" in text
    assert "Anne Politidirektør" in text


def test_draft_edit_does_not_change_the_published_page(client, published):
    before = client.get(plan_url(published)).content.decode()
    area = FocusArea.objects.get(plan=published, title="Trygt nærmiljø")
    area.title = "Ny kladdetitel"
    area.save()
    Activity.objects.create(
        all_local_councils=True, focus_area=area, text="Kladdeaktivitet", order=9
    )
    PlanSection.objects.filter(plan=published).update(body="<p>Omskrevet i kladden</p>")
    cache.clear()  # the page is rebuilt from the version, not served from the cache
    after = client.get(plan_url(published)).content.decode()
    assert "Ny kladdetitel" not in after
    assert "Kladdeaktivitet" not in after
    assert "Omskrevet i kladden" not in after
    assert after == before


def test_revision_shows_the_new_text_and_keeps_the_old_version_readable(client, published, publish):
    section = PlanSection.objects.get(plan=published, title="Organisering")
    section.body = "<p>Fire niveauer.</p>"
    section.save()
    publish(published, note="Organiseringen er ændret.", sections=[section.pk])
    assert "Fire niveauer." in client.get(plan_url(published)).content.decode()
    old = client.get(plan_url(published, "public:plan_version", number=1)).content.decode()
    assert "Tre niveauer." in old
    assert "Fire niveauer." not in old
    assert "Læs den nyeste version (version 2)" in old


def test_revision_footnote_only_on_the_changed_section_and_focus_area(client, published, publish):
    section = PlanSection.objects.get(plan=published, title="Organisering")
    area = FocusArea.objects.get(plan=published, title="Unge i nattelivet")
    publish(published, sections=[section.pk], focus_areas=[area.pk])
    html = client.get(plan_url(published)).content.decode()
    assert html.count("Afsnittet er revideret den") == 2

    def part(anchor):
        start = html.index(f'id="{anchor}"')
        return html[start : html.index("</section>", start)]

    assert "Afsnittet er revideret den" in part(f"afsnit-{section.pk}")
    assert "Afsnittet er revideret den" in part(f"indsatsomraade-{area.pk}")
    other = PlanSection.objects.get(plan=published, title="Årshjul")
    assert "Afsnittet er revideret den" not in part(f"afsnit-{other.pk}")


def test_first_version_has_no_revision_footnotes(client, published):
    assert "Afsnittet er revideret" not in client.get(plan_url(published)).content.decode()


def test_activity_shows_aggregated_live_status(client, published, report):
    activity = first_activity(published)
    assignments = list(activity.assignments.order_by("council__name"))
    for assignment in assignments[:5]:
        report(assignment, status=Status.DONE, text="Afholdt borgermøde")
    report(assignments[5], status=Status.IN_PROGRESS, text="Planlagt")
    html = client.get(plan_url(published)).content.decode()
    assert "Gennemført i 5 af 8 lokalråd" in html
    assert '<progress class="status-progress" max="8" value="5"' in html
    assert "I gang: 1" in html


def test_activity_page_shows_each_councils_latest_public_text_never_the_internal_note(
    client, published, report, esbjerg
):
    activity = first_activity(published)
    assignment = activity.assignments.get(council=esbjerg)
    report(assignment, status=Status.IN_PROGRESS, text="Første møde holdt", note=INTERNAL_NOTE)
    report(assignment, status=Status.DONE, text="Alle møder holdt", note=INTERNAL_NOTE)
    html = client.get(plan_url(published, "public:activity", activity_id=activity.pk)).content
    html = html.decode()
    assert "Alle møder holdt" in html
    assert "Første møde holdt" not in html
    assert INTERNAL_NOTE not in html
    assert "Esbjerg" in html


def test_activity_page_of_an_activity_not_in_any_published_version_is_404(client, published):
    area = FocusArea.objects.get(plan=published, title="Trygt nærmiljø")
    draft_only = Activity.objects.create(
        all_local_councils=True, focus_area=area, text="Kun i kladden", order=9
    )
    response = client.get(plan_url(published, "public:activity", activity_id=draft_only.pk))
    assert response.status_code == 404


def test_superseded_plan_stays_readable_and_says_so(
    client, published, district, make_plan, publish
):
    newer = make_plan(district, start=2027, end=2027)
    publish(newer)
    published.refresh_from_db()
    assert published.status == Plan.Status.SUPERSEDED
    html = client.get(plan_url(published)).content.decode()
    assert "Planen er afløst af en nyere samarbejdsplan" in html


def test_local_focus_area_links_to_its_lokalraad(client, published, esbjerg):
    html = client.get(plan_url(published)).content.decode()
    assert f'href="{esbjerg.get_absolute_url()}"' in html
    assert "Lokalt valgt af" in html


def test_pdf_link_points_to_the_version_pdf(client, published):
    html = client.get(plan_url(published)).content.decode()
    assert f'href="{plan_url(published, "pdf:version", number=1)}"' in html


def test_one_year_plan_has_the_year_alone_as_period(client, other_district, make_plan, publish):
    """In Fyn: the module's plan, 2023-2026, is Syd- og Sønderjylland's current one."""
    plan = make_plan(other_district, start=2011, end=2011)
    publish(plan)
    assert client.get(f"/{other_district.slug}/samarbejdsplan/2011/").status_code == 200
    assert client.get(f"/{other_district.slug}/samarbejdsplan/2011-2011/").status_code == 404
