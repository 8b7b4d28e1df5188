"""Migrations 0013-0015: the fixed choice of who was responsible becomes actors, without loss."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Just before 0013: going back there unapplies only the three migrations under test.
BEFORE = [("plans", "0012_remove_scope_and_priority_group")]
AFTER = [("plans", "0015_remove_activity_responsible")]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.fixture
def old_activities():
    """One activity for each old choice, and a history row, written before the migration."""
    apps = migrate(BEFORE)
    district = apps.get_model("councils", "PoliceDistrict").objects.get(
        slug="syd-og-soenderjyllands-politi"
    )
    Council = apps.get_model("councils", "Council")
    esbjerg = Council.objects.get(district=district, slug="esbjerg")
    toender = Council.objects.get(district=district, slug="toender")
    forum = apps.get_model("forums", "Forum").objects.create(
        district=district, name="Koordinationsgruppen", slug="koordination", kind="other"
    )
    plan = apps.get_model("plans", "Plan").objects.create(
        district=district, title="Samarbejdsplan", period_start=2017, period_end=2018
    )
    group = apps.get_model("plans", "FocusAreaGroup").objects.create(
        plan=plan, heading="Kredsfælles indsatsområder", kind="district"
    )
    area = apps.get_model("plans", "FocusArea").objects.create(
        plan=plan, group=group, title="Tryghed"
    )
    Activity = apps.get_model("plans", "Activity")
    made = {}
    for responsible in ("district_council", "secretariat", "forum", "all_local", "named_local"):
        made[responsible] = Activity.objects.create(
            focus_area=area,
            text=responsible,
            responsible=responsible,
            forum=forum if responsible == "forum" else None,
        )
    made["named_local"].responsible_councils.set([esbjerg, toender])
    apps.get_model("plans", "HistoricalActivity").objects.create(
        id=made["secretariat"].pk,
        focus_area_id=area.pk,
        text="secretariat, as it was",
        responsible="secretariat",
        timing="",
        order=0,
        revision=0,
        history_date="2017-01-01T12:00:00Z",
        history_type="~",
    )
    yield {key: activity.pk for key, activity in made.items()}, esbjerg.pk, toender.pk, forum.pk
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_each_old_choice_becomes_its_actor(old_activities):
    ids, esbjerg, toender, forum = old_activities
    apps = migrate(AFTER)
    Activity = apps.get_model("plans", "Activity")

    def actors(key):
        activity = Activity.objects.get(pk=ids[key])
        return {
            "police": activity.police,
            "district_council": activity.district_council,
            "secretariat": activity.secretariat,
            "all_local_councils": activity.all_local_councils,
            "forum": activity.forum_id,
            "councils": sorted(activity.responsible_councils.values_list("pk", flat=True)),
            "municipalities": list(activity.municipalities.all()),
        }

    nothing = {
        "police": False,
        "district_council": False,
        "secretariat": False,
        "all_local_councils": False,
        "forum": None,
        "councils": [],
        "municipalities": [],
    }
    assert actors("district_council") == {**nothing, "district_council": True}
    assert actors("secretariat") == {**nothing, "secretariat": True}
    assert actors("all_local") == {**nothing, "all_local_councils": True}
    assert actors("forum") == {**nothing, "forum": forum}
    assert actors("named_local") == {**nothing, "councils": sorted([esbjerg, toender])}
    history = apps.get_model("plans", "HistoricalActivity").objects.get(
        text="secretariat, as it was"
    )
    assert history.secretariat and not history.all_local_councils


def test_the_migration_can_be_undone_to_the_old_choices(old_activities):
    ids, *_ = old_activities
    migrate(AFTER)
    apps = migrate(BEFORE)
    Activity = apps.get_model("plans", "Activity")
    assert {key: Activity.objects.get(pk=pk).responsible for key, pk in ids.items()} == {
        key: key for key in ids
    }
