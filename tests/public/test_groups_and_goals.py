"""Focus areas under their plan's group headings, with rank and priority, and the goals per
party: the same on the public plan page and in the PDF, for new versions and for versions
published before plans had groups (schema 1)."""

import datetime
import re

import pytest
from django.utils.html import strip_tags

from plans.legacy import legacy_groups
from plans.models import FocusArea, Goal, Plan, PlanVersion
from plans.pdf import render_plan_pdf
from plans.snapshot import build_snapshot, upgrade
from tests.groups import group_for
from tests.pdf.pdftext import page_texts, squash

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(make_plan, district, esbjerg, toender):
    plan = make_plan(district, status=Plan.Status.PUBLISHED, activities=1)
    national = group_for(plan, "national", ranked=True, heading="Nationale med højeste prioritet")
    national.order = 0
    national.save()
    FocusArea.objects.create(plan=plan, group=national, title="Indbrud i private hjem", rank=2)
    FocusArea.objects.create(plan=plan, group=national, title="Vold i nattelivet", rank=1)
    shared = FocusArea.objects.create(
        plan=plan, group=group_for(plan, "local"), title="Havnens tryghed", order=9
    )
    shared.councils.set([esbjerg, toender])
    area = plan.focus_areas.get(title="Vold i nattelivet")
    for order, (party, text) in enumerate(
        [("joint", "Mødes om nattelivet hver måned"), ("police", "Patruljere fredag og lørdag")]
    ):
        Goal.objects.create(plan=plan, focus_area=area, party=party, text=text, order=order)
    Goal.objects.create(plan=plan, party="municipalities", text="Holde SSP-møder i alle byer")
    PlanVersion.objects.create(
        plan=plan, number=1, published_on=datetime.date(2017, 1, 2), snapshot=build_snapshot(plan)
    )
    return plan


def page_text(client, plan) -> str:
    html = client.get(plan.get_absolute_url()).text
    return squash(strip_tags(html))


def pdf_text(plan) -> str:
    return squash(" ".join(page_texts(render_plan_pdf(plan.versions.get()))))


EXPECTED_ORDER = [
    "Nationale med højeste prioritet",
    "Vold i nattelivet",
    "Nationalt indsatsområde · Prioriteret som nr. 1",
    "Politiet vil",
    "Patruljere fredag og lørdag",
    "Sammen vil vi",
    "Mødes om nattelivet hver måned",
    "Indbrud i private hjem",
    "Nationalt indsatsområde · Prioriteret som nr. 2",
    "Kredsfælles indsatsområder",
    "Trygt nærmiljø",
    "Lokalt valgte indsatsområder",
    "Havnens tryghed",
    "Lokalt valgt af Lokalråd Esbjerg, Lokalråd Tønder",
]


def in_order(text: str, parts: list[str]) -> bool:
    pattern = ".*".join(re.escape(squash(part)) for part in parts)
    return re.search(pattern, text, re.S) is not None


def test_plan_page_lists_areas_under_group_headings_with_rank_and_goals(client, plan):
    text = page_text(client, plan)
    assert in_order(text.split(squash("Indsatsområder"), 2)[-1], EXPECTED_ORDER), text


def test_pdf_lists_areas_under_group_headings_with_rank_and_goals(plan):
    text = pdf_text(plan)
    assert in_order(text.split(squash("Planen har"), 1)[1], EXPECTED_ORDER), text


def test_plans_own_goals_per_party_show_on_the_page_and_in_the_pdf(client, plan):
    for text in (page_text(client, plan), pdf_text(plan)):
        assert in_order(text, ["Fælles mål", "Kommunerne vil", "Holde SSP-møder i alle byer"])


def test_group_headings_are_headings_on_the_page(client, plan):
    html = client.get(plan.get_absolute_url()).text
    assert re.search(r"<h3[^>]*>Nationale med højeste prioritet</h3>", html)
    assert re.search(r"<h4[^>]*>Vold i nattelivet</h4>", html)
    assert re.search(r'<h5 class="goal-heading">Politiet vil</h5>', html)


# --- Versions published before groups (schema 1) -------------------------------------------


def as_schema_1(snapshot: dict, areas: dict[str, tuple[str, str, int | None, dict | None]]):
    """A snapshot as schema 1 stored it: per area scope, priority group, rank and council."""
    old = {k: v for k, v in snapshot.items() if k != "focus_area_groups"}
    old["schema"] = 1
    old["plan"] = {k: v for k, v in snapshot["plan"].items() if k != "goals"}
    old["focus_areas"] = []
    for area in snapshot["focus_areas"]:
        scope, priority_group, rank, council = areas[area["title"]]
        kept = {k: v for k, v in area.items() if k not in {"group", "councils", "goals"}}
        old["focus_areas"].append(
            {
                **kept,
                "scope": scope,
                "priority_group": priority_group,
                "rank": rank,
                "council": council,
            }
        )
    return old


@pytest.fixture
def old_version(make_plan, district, esbjerg):
    plan = make_plan(district, status=Plan.Status.PUBLISHED, activities=1)
    group = group_for(plan)
    FocusArea.objects.create(plan=plan, group=group, title="Færdsel", order=2)
    FocusArea.objects.create(plan=plan, group=group, title="Unge i Esbjerg", order=3)
    esbjerg_ref = {"id": esbjerg.pk, "name": esbjerg.name, "slug": esbjerg.slug}
    snapshot = as_schema_1(
        build_snapshot(plan),
        {
            "Trygt nærmiljø": ("district", "prioritised", 1, None),
            "Færdsel": ("district", "other", None, None),
            "Unge i Esbjerg": ("local", "", None, esbjerg_ref),
        },
    )
    return PlanVersion.objects.create(
        plan=plan, number=1, published_on=datetime.date(2017, 1, 2), snapshot=snapshot
    )


OLD_ORDER = [
    "Prioriterede indsatsområder",
    "Trygt nærmiljø",
    "Kredsfælles indsatsområde · Prioriteret som nr. 1",
    "Øvrige indsatsområder",
    "Færdsel",
    "Lokalt valgte indsatsområder",
    "Unge i Esbjerg",
    "Lokalt valgt af Lokalråd Esbjerg",
]


def test_version_published_before_groups_renders_its_derived_groups_on_the_page(
    client, old_version
):
    text = page_text(client, old_version.plan)
    assert in_order(text.split(squash("Indsatsområder"), 2)[-1], OLD_ORDER), text


def test_version_published_before_groups_says_prioriteret_in_the_pdf_too(old_version):
    text = pdf_text(old_version.plan)
    assert in_order(text.split(squash("Planen har"), 1)[1], OLD_ORDER), text


def test_upgraded_old_snapshot_gives_each_area_its_lokalraad_as_a_list(old_version):
    upgraded = upgrade(old_version.snapshot)
    local = next(a for a in upgraded["focus_areas"] if a["title"] == "Unge i Esbjerg")
    assert [c["slug"] for c in local["councils"]] == ["esbjerg"]
    assert upgraded["plan"]["goals"] == [] and local["goals"] == []


# --- The derivation the data migration and old snapshots share ------------------------------


def test_legacy_groups_one_per_scope_and_priority_group_in_the_order_of_their_first_area():
    areas = [
        {"id": 1, "order": 1, "scope": "district", "priority_group": "other", "rank": None},
        {"id": 2, "order": 2, "scope": "district", "priority_group": "prioritised", "rank": 1},
        {"id": 3, "order": 3, "scope": "local", "priority_group": "", "rank": None},
        {"id": 4, "order": 4, "scope": "district", "priority_group": "other", "rank": None},
        {"id": 5, "order": 5, "scope": "district", "priority_group": "", "rank": None},
    ]
    groups = [(g["heading"], g["kind"], g["ranked"], g["area_ids"]) for g in legacy_groups(areas)]
    assert groups == [
        ("Øvrige indsatsområder", "district", False, [1, 4]),
        ("Prioriterede indsatsområder", "district", True, [2]),
        ("Lokalt valgte indsatsområder", "local", False, [3]),
        ("Kredsfælles indsatsområder", "district", False, [5]),
    ]


def test_legacy_group_with_a_ranked_area_is_ranked_so_the_rank_is_kept():
    areas = [{"id": 1, "order": 1, "scope": "district", "priority_group": "other", "rank": 3}]
    assert legacy_groups(areas)[0]["ranked"] is True
