import pytest
from django.core.exceptions import ValidationError

from councils.models import Council, Municipality
from councils.services import create_local_council
from plans.models import Activity, Assignment, StatusUpdate
from plans.services import sync_assignments

pytestmark = pytest.mark.django_db


def local_councils(district):
    return set(Council.objects.filter(district=district, kind=Council.Kind.LOCAL))


def test_all_lokalraad_activity_is_assigned_to_every_existing_lokalraad(district, make_plan):
    plan = make_plan(district, activities=1)
    activity = Activity.objects.get(focus_area__plan=plan)
    assigned = {assignment.council for assignment in activity.assignments.all()}
    assert assigned == local_councils(district)
    assert len(assigned) == 8


def test_lokalraad_created_later_gets_the_all_lokalraad_assignments(
    district, other_district, make_plan
):
    plan = make_plan(district, activities=2)
    fanoe = Municipality.objects.get(code="563")
    fanoe.local_council_link.delete()
    council = create_local_council(
        district=district, name="Lokalråd Fanø Nord", slug="fanoe-nord", municipalities=[fanoe]
    )
    assert Assignment.objects.filter(council=council, activity__focus_area__plan=plan).count() == 2


def test_lokalraad_of_another_district_gets_no_assignment(district, other_district, make_plan):
    plan = make_plan(district, activities=1)
    assert not Assignment.objects.filter(
        activity__focus_area__plan=plan, council__district=other_district
    ).exists()


def test_district_level_activity_is_held_by_the_kredsraad(district, make_plan):
    activity = Activity.objects.filter(focus_area__plan=make_plan(district)).first()
    activity.all_local_councils = False
    activity.secretariat = True
    activity.save()
    sync_assignments(activity=activity)
    assert [a.council.kind for a in activity.assignments.all()] == [Council.Kind.DISTRICT]


def test_named_lokalraad_activity_is_held_by_those_named(district, esbjerg, toender, make_plan):
    activity = Activity.objects.filter(focus_area__plan=make_plan(district)).first()
    activity.all_local_councils = False
    activity.save()
    activity.responsible_councils.set([esbjerg, toender])
    sync_assignments(activity=activity)
    assert {a.council for a in activity.assignments.all()} == {esbjerg, toender}


def test_changing_responsibility_keeps_assignments_with_history(district, esbjerg, make_plan):
    activity = Activity.objects.filter(focus_area__plan=make_plan(district)).first()
    reported = activity.assignments.get(council=esbjerg)
    StatusUpdate.objects.create(assignment=reported, status="in_progress", public_text="I gang")
    activity.all_local_councils = False
    activity.district_council = True
    activity.save()
    sync_assignments(activity=activity)
    kinds = sorted(a.council.slug for a in activity.assignments.all())
    assert kinds == ["esbjerg", "kredsraadet"]


def test_lokalraad_must_cover_a_municipality(district):
    with pytest.raises(ValidationError):
        create_local_council(
            district=district, name="Lokalråd Ingen", slug="ingen", municipalities=[]
        )
    assert not Council.objects.filter(slug="ingen").exists()


def test_police_and_two_lokalraad_give_them_and_the_kredsraad_assignments(
    district, esbjerg, toender, make_plan
):
    """The two lokalråd report their own status; the secretariat reports for the police part
    on the kredsråd's one assignment, as for any district-level activity."""
    activity = Activity.objects.filter(focus_area__plan=make_plan(district)).first()
    activity.all_local_councils = False
    activity.police = True
    activity.police_unit = "Lokalpolitiet"
    activity.save()
    activity.responsible_councils.set([esbjerg, toender])
    sync_assignments(activity=activity)
    assert sorted(a.council.slug for a in activity.assignments.all()) == [
        "esbjerg",
        "kredsraadet",
        "toender",
    ]


def test_kommuner_alone_are_held_by_the_kredsraad(district, make_plan):
    activity = Activity.objects.filter(focus_area__plan=make_plan(district)).first()
    activity.all_local_councils = False
    activity.save()
    activity.municipalities.set(district.municipalities.filter(name__in=["Esbjerg", "Fanø"]))
    sync_assignments(activity=activity)
    assert [a.council.kind for a in activity.assignments.all()] == [Council.Kind.DISTRICT]
    assert activity.actors_display == "Esbjerg Kommune og Fanø Kommune"


def test_all_lokalraad_and_a_lokalraad_plus_give_each_one_assignment(district, esbjerg, make_plan):
    plus = Council.objects.create(
        district=district,
        name="Lokalråd+ Esbjerg Øst",
        slug="esbjerg-oest",
        kind=Council.Kind.LOCAL_PLUS,
        parent=esbjerg,
    )
    activity = Activity.objects.filter(focus_area__plan=make_plan(district)).first()
    activity.responsible_councils.set([plus])
    sync_assignments(activity=activity)
    assigned = {a.council for a in activity.assignments.all()}
    assert assigned == local_councils(district) | {plus}
    assert activity.actors_display == "Alle lokalråd og Lokalråd+ Esbjerg Øst"
