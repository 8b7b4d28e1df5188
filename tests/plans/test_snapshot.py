import json

import pytest

from forums.models import Forum
from plans.models import PlanSection
from plans.snapshot import build_snapshot

pytestmark = pytest.mark.django_db


def test_snapshot_holds_the_plan_content_as_json(district, make_plan):
    plan = make_plan(district, activities=2)
    PlanSection.objects.create(plan=plan, title="Organisering", body="<p>Tre niveauer</p>")
    Forum.objects.create(
        district=district, name="SSP", slug="ssp", kind="ssp", legal_basis="Retsplejelovens § 115"
    )
    snapshot = json.loads(json.dumps(build_snapshot(plan)))
    assert snapshot["plan"]["period_label"] == "2017-2018"
    assert [s["title"] for s in snapshot["sections"]] == ["Organisering"]
    assert [a["text"] for a in snapshot["focus_areas"][0]["activities"]] == [
        "Aktivitet 1",
        "Aktivitet 2",
    ]
    assert snapshot["forums"][0]["legal_basis"] == "Retsplejelovens § 115"


def test_snapshot_never_contains_internal_notes_or_contact_data(district, make_plan):
    text = json.dumps(build_snapshot(make_plan(district)))
    assert "internal_note" not in text
    assert "email" not in text
