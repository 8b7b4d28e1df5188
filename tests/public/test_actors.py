"""Who carries an activity, as one text: on the plan and activity pages, in the JSON export, the
search index and the version diff; and versions published before the actors still render."""

import pytest

from councils.models import Council
from plans.models import Activity, PlanVersion, Status
from plans.search import snapshot_parts
from plans.services import sync_assignments

from .conftest import plan_url

pytestmark = pytest.mark.django_db

POLICE_AND_OTHERS = (
    "Politiet (Forebyggelsesafdelingen), Esbjerg Kommune, Fanø Kommune, Lokalråd Esbjerg og "
    "Lokalråd Tønder"
)


@pytest.fixture
def carried(content, district, esbjerg, toender):
    """The plan's first activity carried by the police with its unit, two kommuner and two
    lokalråd."""
    activity = Activity.objects.get(focus_area__plan=content, text="Aktivitet 1")
    activity.all_local_councils = False
    activity.police = True
    activity.police_unit = "Forebyggelsesafdelingen"
    activity.save()
    activity.municipalities.set(district.municipalities.filter(name__in=["Esbjerg", "Fanø"]))
    activity.responsible_councils.set([esbjerg, toender])
    sync_assignments(activity=activity)
    return activity


def test_plan_and_activity_pages_name_every_actor_in_one_text(client, carried, content, publish):
    publish(content)
    plan_page = client.get(plan_url(content)).content.decode()
    assert POLICE_AND_OTHERS in plan_page
    assert "Alle lokalråd" in plan_page  # the other activities
    activity_page = client.get(
        plan_url(content, "public:activity", activity_id=carried.pk)
    ).content.decode()
    assert POLICE_AND_OTHERS in activity_page


def test_the_lokalraad_and_the_kredsraad_for_the_police_part_hold_it(
    client, carried, content, publish, report
):
    """The two lokalråd report their own status; the secretariat reports for the police and the
    kommuner on the kredsråd's assignment, which counts among the councils."""
    publish(content)
    held = sorted(carried.assignments.values_list("council__kind", "council__slug"))
    assert held == [("district", "kredsraadet"), ("local", "esbjerg"), ("local", "toender")]
    kredsraad = carried.assignments.get(council__kind=Council.Kind.DISTRICT)
    report(kredsraad, status=Status.DONE, text="Politiets del er gennemført")
    html = client.get(plan_url(content)).content.decode()
    assert "Gennemført i 1 af 3 råd" in html


def test_json_export_gives_the_actors_as_data_and_as_text(client, carried, content, publish):
    publish(content)
    data = client.get(plan_url(content, "public:version_json", number=1)).json()
    activity = next(
        a
        for area in data["indhold"]["focus_areas"]
        for a in area["activities"]
        if a["id"] == carried.pk
    )
    assert activity["actors"] == {
        "police": True,
        "police_unit": "Forebyggelsesafdelingen",
        "municipalities": [
            {"id": m.pk, "name": str(m)} for m in carried.municipalities.order_by("name")
        ],
        "district_council": False,
        "secretariat": False,
        "all_local_councils": False,
    }
    assert [c["slug"] for c in activity["councils"]] == ["esbjerg", "toender"]
    assert activity["actors_display"] == POLICE_AND_OTHERS
    assert activity["district_level"] is True
    assert "responsible" not in activity
    assert "actors" in data["dokumentation"]["felter"]["indhold.focus_areas[].activities"]


def test_search_index_holds_the_actors(carried, content, publish):
    version = publish(content)
    text = " ".join(part[3] for part in snapshot_parts(version.snapshot))
    assert "Forebyggelsesafdelingen" in text
    assert "Fanø Kommune" in text


def test_diff_shows_the_actors_before_and_after(client, content, publish):
    publish(content)
    activity = Activity.objects.get(focus_area__plan=content, text="Aktivitet 2")
    activity.all_local_councils = False
    activity.police = True
    activity.police_unit = "Lokalpolitiet"
    activity.save()
    publish(content)
    html = client.get(plan_url(content, "public:version_diff", old=1, new=2)).content.decode()
    assert "før <del>Alle lokalråd</del>, nu <ins>Politiet (Lokalpolitiet)</ins>" in html


def old_snapshot(snapshot: dict) -> dict:
    """The snapshot as versions published before the actors stored it."""
    for area in snapshot["focus_areas"]:
        for activity in area["activities"]:
            del activity["actors"], activity["actors_display"], activity["district_level"]
            if activity["councils"]:
                activity["responsible"], activity["responsible_display"] = (
                    "named_local",
                    "Udvalgte lokalråd",
                )
            else:
                activity["responsible"], activity["responsible_display"] = (
                    "secretariat",
                    "Sekretariatet",
                )
    return snapshot


def test_a_version_published_before_the_actors_still_renders(client, published, publish):
    version = published.versions.get()
    PlanVersion.objects.filter(pk=version.pk).update(snapshot=old_snapshot(version.snapshot))
    html = client.get(plan_url(published)).content.decode()
    assert "Sekretariatet" in html
    assert "Lokalråd Esbjerg" in html  # the named lokalråd of the local activity
    local = Activity.objects.get(focus_area__plan=published, text="Natteravne i weekenden")
    page = client.get(plan_url(published, "public:activity", activity_id=local.pk))
    assert page.status_code == 200
    assert "Lokalråd Esbjerg" in page.content.decode()
    assert client.get(plan_url(published, "public:version_json", number=1)).status_code == 200
    publish(published)
    diff = client.get(plan_url(published, "public:version_diff", old=1, new=2)).content.decode()
    assert "før <del>Sekretariatet</del>, nu <ins>Alle lokalråd</ins>" in diff
