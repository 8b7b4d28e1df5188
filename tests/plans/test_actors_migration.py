"""Migrations 0013-0015: the fixed choice of who was responsible becomes actors, without loss."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AFTER = [("plans", "0015_remove_activity_responsible")]


def before_actors() -> list[tuple[str, str]]:
    """The plans migration 0013 follows: going back there unapplies 0013 and what came after it,
    and nothing before. On a fresh database that is the squashed 0001-0012, which stands in for
    0012 (Django repoints 0013's dependency), so it is read from the graph."""
    graph = MigrationLoader(connection).graph
    parents = graph.node_map["plans", "0013_activity_actors"].parents
    (parent,) = [node.key for node in parents if node.key[0] == "plans"]
    return [parent]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def write_old_activities(apps) -> tuple[dict[str, int], int, int, int]:
    """One activity for each old choice, and a history row, written before the migration:
    the activities' ids by choice, and the ids of Esbjerg, Tønder and the forum."""
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
    return {key: activity.pk for key, activity in made.items()}, esbjerg.pk, toender.pk, forum.pk


def actors(Activity, pk) -> dict:
    """An activity's actors as the migration left them."""
    activity = Activity.objects.get(pk=pk)
    return {
        "police": activity.police,
        "district_council": activity.district_council,
        "secretariat": activity.secretariat,
        "all_local_councils": activity.all_local_councils,
        "forum": activity.forum_id,
        "councils": sorted(activity.responsible_councils.values_list("pk", flat=True)),
        "municipalities": list(activity.municipalities.all()),
    }


@pytest.fixture(scope="module")
def migrated(django_db_setup, django_db_blocker):
    """Once for the module (migrating takes seconds a time): the old rows written before
    0013, the migrations run forward (what each activity became) and back (what each went
    back to), and the database migrated to the latest again, whatever happened. The tests
    read what was recorded; the first one's flush takes the rows away."""
    with django_db_blocker.unblock():
        before = before_actors()
        try:
            ids, esbjerg, toender, forum = write_old_activities(migrate(before))
            apps = migrate(AFTER)
            forward = {
                key: actors(apps.get_model("plans", "Activity"), pk) for key, pk in ids.items()
            }
            history = apps.get_model("plans", "HistoricalActivity").objects.get(
                text="secretariat, as it was"
            )
            Activity = migrate(before).get_model("plans", "Activity")
            backward = {key: Activity.objects.get(pk=pk).responsible for key, pk in ids.items()}
        finally:
            migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    return {
        "ids": ids,
        "councils": sorted([esbjerg, toender]),
        "forum": forum,
        "forward": forward,
        "history": (history.secretariat, history.all_local_councils),
        "backward": backward,
    }


NOTHING = {
    "police": False,
    "district_council": False,
    "secretariat": False,
    "all_local_councils": False,
    "forum": None,
    "councils": [],
    "municipalities": [],
}


def test_each_old_choice_becomes_its_actor(migrated):
    forward = migrated["forward"]
    assert forward["district_council"] == {**NOTHING, "district_council": True}
    assert forward["secretariat"] == {**NOTHING, "secretariat": True}
    assert forward["all_local"] == {**NOTHING, "all_local_councils": True}
    assert forward["forum"] == {**NOTHING, "forum": migrated["forum"]}
    assert forward["named_local"] == {**NOTHING, "councils": migrated["councils"]}
    secretariat, all_local = migrated["history"]
    assert secretariat and not all_local


def test_the_migration_can_be_undone_to_the_old_choices(migrated):
    assert migrated["backward"] == {key: key for key in migrated["ids"]}
