"""The second demo district, Østjyllands Politi: its plan 2024-2026 uses every part of issue 13,
and its published page and PDF show each of them."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from demo import east_jutland
from demo.east_loader import _group_chapters
from plans.models import Assignment, FocusArea
from plans.pdf import render_plan_pdf
from tests.pdf.pdftext import page_texts, squash


def _in_order(text: str, fragments) -> list[str]:
    """The fragments missing from `text` when read in the given order (each after the last)."""
    missing, position = [], 0
    for fragment in fragments:
        found = text.find(squash(fragment), position)
        if found < 0:
            missing.append(fragment)
        else:
            position = found
    return missing


# What a reader finds on the plan page and in its PDF, part by part, in reading order.
PARTS = {
    "cover and history": [
        "Tryghed og forebyggelse i Østjylland",
        "Udgivet af Kredsrådet for Østjyllands Politi",
        "Drøftet i kredsrådet den 7. december 2023",
        "Afsnittet er revideret den 30. september 2025",
    ],
    "ranked national group, then the others": [
        "Nationale indsatsområder med højeste prioritet",
        "Unge i risiko for at blive hvervet af bander",
        "Prioriteret som nr. 1",
        "Digitale krænkelser af børn og unge",
        "Prioriteret som nr. 2",
        "Svindel mod ældre",
        "Prioriteret som nr. 3",
        "Kredsfælles indsatsområder",
        "Tryghed i nattelivet",
        "Lokalt valgte indsatsområder",
    ],
    "local area shared by two lokalråd": [
        "Sommer på Djursland",
        "Lokalt valgt af Lokalråd Norddjurs, Lokalråd Syddjurs",
    ],
    "actors": [
        "Politiet (Forebyggelsesafdelingen), Aarhus Kommune og Randers Kommune",
        "SSP-samrådet i Østjylland",
        "Alle lokalråd",
        "Politiet, Favrskov Kommune, Odder Kommune og Samsø Kommune",
        "Kredsrådet",
        "Lokalråd Aarhus og Lokalråd Randers",
        "Lokalråd+ Gellerup og Toveshøj",
    ],
    "organisation": [
        "Politidirektøren",
        "Formand",
        "Borgmester",
        "Næstformand",
        "Borgmestrene i de øvrige seks kommuner",
        "Lokalråd Aarhus",
        "Lokalråd+ Gellerup og Toveshøj",
        "Ledelsessekretariatet",
        "Forebyggelsesafdelingen",
        "Samler lokalrådenes status hvert efterår",
    ],
    "figure and attachment": [
        "Figur 1: Samarbejdets tre niveauer i Østjylland",
        "Kommissorium for lokalrådene i Østjylland",
    ],
    "annual cycle": [
        "Kredsrådet drøfter udkastet til planen",
        "Årligt, uden fast måned",
        "Konference for lokalrådene",
    ],
}


@pytest.fixture
def east_page(client, east) -> str:
    url = reverse(
        "public:plan", kwargs={"district": east.district.slug, "period": east.plan.period_label}
    )
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture(scope="module")
def east_pdf_text(_demo_loaded, django_db_blocker) -> str:
    """The latest version's PDF as squashed text, rendered once for the module."""
    with django_db_blocker.unblock():
        version = _demo_loaded.others[0].plan.versions.order_by("-number").first()
        return squash("".join(page_texts(render_plan_pdf(version))))


@pytest.mark.parametrize("part", PARTS)
def test_plan_page_shows_each_part(east_page, part):
    text = squash(html.unescape(re.sub(r"<[^>]+>", " ", east_page)))
    assert _in_order(text, PARTS[part]) == []


@pytest.mark.parametrize("part", PARTS)
def test_plan_pdf_shows_each_part(east_pdf_text, db, part):
    assert _in_order(east_pdf_text, PARTS[part]) == []


def test_plan_page_shows_the_figure_with_its_alt_text_and_statuses(east_page):
    assert f'alt="{html.escape(east_jutland.FIGURE["alt_text"])}"' in east_page
    assert "Status: <strong>Gennemført</strong>" in east_page


def test_outline_is_created_in_document_order_with_the_groups_in_its_crime_chapter(east):
    def depth_first(items):
        for item in items:
            yield item["title"]
            yield from depth_first(item.get("children", []))

    titles = list(east.plan.sections.order_by("order").values_list("title", flat=True))
    assert titles == list(depth_first(east_jutland.OUTLINE))
    assert _group_chapters(east_jutland.OUTLINE) == dict.fromkeys(
        east_jutland.FOCUS_AREA_GROUPS, "kriminalitet"
    )


def test_shared_local_area_and_the_lokalraad_plus_hold_their_own_assignments(east):
    area = east.plan.focus_areas.get(group__kind="local")
    shared = area.activities.get()
    assert sorted(area.councils.values_list("slug", flat=True)) == ["norddjurs", "syddjurs"]
    assert sorted(shared.assignments.values_list("council__slug", flat=True)) == [
        "norddjurs",
        "syddjurs",
    ]
    plus = Assignment.objects.get(activity__focus_area__plan=east.plan, council__kind="local_plus")
    assert (plus.council.slug, plus.council.parent.slug) == ("gellerup-toveshoej", "aarhus")
    assert plus.status == "in_progress"


def test_history_has_its_own_past_dates_and_a_revised_section(east):
    plan = east.plan
    first, second = plan.versions.order_by("number")

    assert (plan.council_treatment, plan.approval_meeting_date) == (
        "discussed",
        datetime.date(2023, 12, 7),
    )
    assert (first.published_on, second.published_on) == (
        datetime.date(2024, 1, 8),
        datetime.date(2025, 9, 30),
    )
    assert second.changed_sections == [plan.sections.get(title="Statusrunder").pk]
    assert plan.workflow_events.get(step="revised").at.date() == datetime.date(2025, 9, 30)


def test_rich_text_is_within_the_editor_allowlist():
    sanitize = FocusArea._meta.get_field("background").sanitize

    def bodies(items):
        for item in items:
            yield item["body"]
            yield from bodies(item.get("children", []))

    written = [east_jutland.PLAN["foreword"], east_jutland.REVISION["section_body"]]
    written += list(bodies(east_jutland.OUTLINE))
    written += [area["background"] for area in east_jutland.FOCUS_AREAS]
    assert [html for html in written if sanitize(html) != html] == []
