"""The demo loader: a complete Syd- og Sønderjylland plan with its story, and a second district,
Østjyllands Politi, whose plan uses every part of issue 13; loaded idempotently. (One module,
so the demo is loaded once for all of it.)"""

import datetime
import html
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from councils.models import Membership, Person
from demo import east_jutland
from demo.east_loader import _group_chapters
from demo.loader import PlanState, load_demo
from demo.people import DEMO_LOGINS
from forums.models import Forum
from plans.models import (
    Activity,
    AnnualCycleEntry,
    Assignment,
    FocusArea,
    FocusAreaGroup,
    Goal,
    Plan,
    ReportingRound,
    StatusUpdate,
)
from plans.pdf import render_plan_pdf
from plans.reporting import round_completeness
from tests.pdf.pdftext import page_texts, squash


def _row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


def test_second_run_adds_no_rows_to_any_model(demo):
    before = _row_counts()

    result = load_demo()

    assert result.plan_state == PlanState.EXISTS
    assert [other.plan_state for other in result.others] == [PlanState.EXISTS]
    assert _row_counts() == before


def test_second_run_keeps_password_hashes_and_edits(demo):
    users = get_user_model().objects.filter(username__in=[lg.username for lg in DEMO_LOGINS])
    hashes = dict(users.values_list("username", "password"))
    plan = demo.plan
    plan.foreword = "<p>Sekretariatets egen tekst.</p>"
    plan.save()

    load_demo()

    plan.refresh_from_db()
    assert plan.foreword == "<p>Sekretariatets egen tekst.</p>"
    assert dict(users.values_list("username", "password")) == hashes


def test_plan_has_the_six_district_focus_areas_in_order(demo):
    titles = list(
        demo.plan.focus_areas.filter(group__heading="Kredsrådets indsatsområder 2017-18")
        .order_by("order")
        .values_list("title", flat=True)
    )

    assert titles == [
        "Overgreb mod børn",
        "Sikker trafik",
        "Indsats mod indbrud og hæleri",
        "Cybercrime / digitale krænkelser",
        "Vold",
        "Et trygt nærmiljø",
    ]


@pytest.mark.parametrize(
    ("title", "activities"),
    [
        ("Overgreb mod børn", 5),
        ("Sikker trafik", 3),
        ("Indsats mod indbrud og hæleri", 4),
        ("Cybercrime / digitale krænkelser", 5),
        ("Vold", 3),
        ("Et trygt nærmiljø", 3),
    ],
)
def test_each_focus_area_has_background_ambition_and_its_activities(demo, title, activities):
    area = demo.plan.focus_areas.get(title=title)

    assert "<h3>" in area.background
    assert area.ambition.startswith("Vi vil") and "ved at" in area.ambition
    assert area.activities.count() == activities
    assert all(activity.timing for activity in area.activities.all())


def test_all_lokalraad_activities_fall_to_each_of_the_eight_lokalraad(demo):
    activities = Activity.objects.filter(focus_area__plan=demo.plan, all_local_councils=True)

    assert activities.count() == 16
    for activity in activities:
        assert activity.assignments.count() == 8


def test_theme_meeting_is_held_by_the_koordinationsgruppe(demo):
    activity = Activity.objects.get(focus_area__plan=demo.plan, timing="maj 2017")

    assert activity.actors_display == activity.forum.name
    assert activity.forum.slug == "koordinationsgruppen"
    assert list(activity.assignments.values_list("council__kind", flat=True)) == ["district"]


def test_police_and_kommuner_carry_activities_and_the_secretariat_reports_for_them(demo):
    campaign = Activity.objects.get(focus_area__plan=demo.plan, text__contains="#stopvoldmodbørn")
    assert campaign.police and not campaign.police_unit
    assert campaign.municipalities.count() == demo.plan.district.municipalities.count() > 1
    assert campaign.actors_display.startswith("Politiet, Aabenraa Kommune, ")
    security = Activity.objects.get(focus_area__plan=demo.plan, police_unit="Sikringsrådgiverne")
    assert security.actors_display == "Politiet (Sikringsrådgiverne) og kredsrådet"
    for activity in (campaign, security):
        assert list(activity.assignments.values_list("council__kind", flat=True)) == ["district"]


def test_esbjerg_has_a_local_focus_area_with_its_own_activity(demo, esbjerg):
    area = demo.plan.focus_areas.get(group__kind=FocusAreaGroup.Kind.LOCAL)
    activity = area.activities.get()

    assert list(area.councils.all()) == [esbjerg]
    assert list(activity.responsible_councils.all()) == [esbjerg]
    assert activity.actors_display == esbjerg.name
    assert list(activity.assignments.values_list("council", flat=True)) == [esbjerg.pk]


def test_plan_front_matter_is_filled_and_signed_by_the_police_director(demo):
    plan = demo.plan

    assert (plan.title, plan.period_label) == ("Samarbejdsplan", "2017-2018")
    assert (plan.signatory_name, plan.signatory_title) == ("Jørgen Meyer", "politidirektør")
    assert "31 pct." in plan.foreword
    goals = plan.goals.filter(focus_area__isnull=True)
    assert {party: goals.filter(party=party).count() for party in Goal.Party} == {
        "police": 3,
        "municipalities": 3,
        "joint": 3,
    }
    assert plan.sections.count() >= 3


def test_both_demo_districts_name_a_contact_on_a_reserved_domain(demo, east):
    for plan in (demo.plan, east.plan):
        assert plan.contact_name
        assert plan.contact_email.endswith("@politi.example")


def test_annual_cycle_has_the_kredsraad_year(demo):
    entries = {
        (e.kind, e.month, e.quarter) for e in AnnualCycleEntry.objects.filter(plan=demo.plan)
    }

    assert {
        ("meeting", None, 1),  # mayor meetings
        ("theme", None, 2),  # theme meeting
        ("report", 6, None),  # status report in June
        ("theme", 8, None),  # theme day in August
        ("meeting", None, 4),  # ordinary kredsråd meeting
        ("report", 12, None),  # status report in December
    } <= entries


def test_annual_cycle_has_a_meeting_before_the_period_and_an_ongoing_entry(demo):
    entries = AnnualCycleEntry.objects.filter(plan=demo.plan)
    assert [(e.month, e.quarter) for e in entries.filter(before_period=True)] == [(12, None)]
    assert [(e.month, e.quarter) for e in entries.filter(undated="ongoing")] == [(None, None)]


BILAG_1 = [
    "Kredsrådet",
    "Lokalråd for kommuner og politi",
    "Lokalråd+",
    "SSP og SSP+",
    "PSP-sekretariatet",
    "Banderåd",
    "SSP Syd- og Sønderjylland",
    "KSP-samarbejde",
    "Ungesamråd",
    "Samråd vedr. overgreb mod børn",
]


def test_forum_overview_has_every_forum_of_bilag_1_in_order(demo):
    names = list(
        Forum.objects.filter(district=demo.district)
        .order_by("order")
        .values_list("name", flat=True)
    )

    assert names[: len(BILAG_1)] == BILAG_1
    assert "Koordinationsgruppen vedr. overgreb mod børn" in names


def test_every_forum_has_every_overview_field_filled(demo):
    forums = Forum.objects.filter(district=demo.district)
    text_fields = [
        "topic",
        "legal_basis",
        "purpose",
        "action_plans",
        "interfaces_text",
        "participants",
        "meetings_text",
    ]

    assert forums.count() == 11
    for forum in forums:
        empty = [name for name in text_fields if not getattr(forum, name).strip()]
        assert not empty, (forum.name, empty)
        assert forum.meetings_min is not None, forum.name
        assert forum.interface_forums.exists() or forum.interface_councils.exists(), forum.name


def test_banderaad_covers_esbjerg_and_vejen(demo):
    forum = Forum.objects.get(district=demo.district, slug="banderaad")

    assert sorted(forum.municipalities.values_list("name", flat=True)) == ["Esbjerg", "Vejen"]
    assert (forum.meetings_min, forum.meetings_text) == (0, "Efter behov")


def test_kredsraad_has_director_as_chair_mayors_and_secretary(demo):
    memberships = Membership.objects.filter(
        council__district=demo.district, council__kind="district"
    )

    chair = memberships.get(role=Membership.Role.CHAIR)
    assert (chair.person.name, chair.title) == ("Jørgen Meyer", "politidirektør")
    vice_chair = memberships.get(role=Membership.Role.VICE_CHAIR)
    assert (vice_chair.title, vice_chair.organisation) == ("borgmester", "Sønderborg Kommune")
    assert memberships.filter(title="borgmester").count() == 8
    assert memberships.get(role=Membership.Role.SECRETARY).title == "sekretariatschef"


def test_kredsraad_is_given_partly_by_function_with_a_description(demo):
    kredsraad = demo.district.district_council
    by_function = kredsraad.memberships.filter(person__isnull=True)
    assert by_function.filter(title="borgmester").count() == 3
    assert kredsraad.memberships.filter(person__isnull=False).count() >= 7
    assert kredsraad.description


def test_the_organisation_has_a_lokalraad_plus_and_two_staff_functions(demo, esbjerg):
    plus = esbjerg.children.get()
    assert plus.description and plus.memberships.count() >= 3
    assert demo.district.staff_functions.count() == 2
    organisation = demo.plan.versions.order_by("number").first().snapshot["organisation"]
    assert [f["name"] for f in organisation["staff_functions"]] == [
        "Ledelsessekretariatet",
        "Kriminalpræventivt sekretariat",
    ]
    esbjerg_row = next(c for c in organisation["local_councils"] if c["slug"] == "esbjerg")
    assert [child["name"] for child in esbjerg_row["children"]] == [plus.name]
    members = organisation["district_council"]["members"]
    assert [m["role"] for m in members[:2]] == ["chair", "vice_chair"]


@pytest.mark.parametrize("slug", ["esbjerg", "toender"])
def test_lokalraad_has_chair_secretary_and_members(demo, slug):
    memberships = Membership.objects.filter(council__district=demo.district, council__slug=slug)
    roles = list(memberships.values_list("role", flat=True))

    assert roles.count("chair") == 1 and roles.count("secretary") == 1
    assert roles.count("member") >= 3
    assert all(m.title and m.organisation for m in memberships)


def test_people_have_only_example_dk_addresses(demo):
    emails = [*Person.objects.exclude(email="").values_list("email", flat=True)]
    emails += get_user_model().objects.values_list("email", flat=True)

    assert emails
    assert all(email.endswith("@example.dk") for email in emails)


def test_plan_is_published_as_version_1_and_revised_as_version_2(demo):
    plan = demo.plan
    first, second = plan.versions.order_by("number")

    assert plan.status == Plan.Status.PUBLISHED
    assert plan.approval_meeting_date == datetime.date(2016, 12, 8)
    assert first.published_on == datetime.date(2017, 1, 2)
    assert (first.revision_note, first.changed_sections, first.changed_focus_areas) == ("", [], [])
    assert second.published_on == datetime.date(2017, 7, 3)
    assert second.revision_note
    assert second.changed_sections == [plan.sections.get(title="Kredsrådets årshjul").pk]
    assert second.changed_focus_areas == [plan.focus_areas.get(title="Overgreb mod børn").pk]


def test_plan_says_the_kredsraad_approved_it_at_its_december_meeting(demo):
    assert demo.plan.approval_line == "Godkendt af kredsrådet den 8. december 2016"
    for version in demo.plan.versions.all():
        assert version.snapshot["plan"]["council_treatment"] == "approved"


def test_revision_changed_the_focus_area_between_the_versions(demo):
    first, second = demo.plan.versions.order_by("number")

    def background(version):
        area = next(a for a in version.snapshot["focus_areas"] if a["title"] == "Overgreb mod børn")
        return area["background"]

    assert "Temamødet i maj 2017" not in background(first)
    assert "Temamødet i maj 2017" in background(second)


def _rich_texts(plan):
    yield plan.foreword
    yield plan.shared_goals
    yield from plan.sections.values_list("body", flat=True)
    yield from plan.focus_areas.values_list("background", flat=True)


def test_rich_text_is_stored_as_written_within_the_editor_allowlist(demo):
    from demo import content

    sanitize = FocusArea._meta.get_field("background").sanitize
    written = [content.PLAN["foreword"], content.PLAN["shared_goals"]]
    written += [section["body"] for section in content.SECTIONS]
    written += [area["background"] for area in [*content.FOCUS_AREAS, content.LOCAL_FOCUS_AREA]]

    assert all(sanitize(html) == html for html in written)
    stored = list(_rich_texts(demo.plan))
    assert content.PLAN["foreword"] in stored
    assert all("<script" not in html and "javascript:" not in html for html in stored)


def _completeness(round_name):
    """{lokalråd slug: (assignments reported in the round, assignments held)}"""
    reporting_round = ReportingRound.objects.get(name=round_name)
    return reporting_round, {
        line.council.slug: (line.reported, line.held)
        for line in round_completeness(reporting_round)
    }


def test_june_round_is_closed_with_every_lokalraad_but_fanoe_fully_reported(demo):
    june, completeness = _completeness("Status juni 2017")

    assert june.closed_at is not None
    assert len(completeness) == 8
    assert completeness.pop("fanoe") == (0, 16)
    assert all(reported == held for reported, held in completeness.values())


def test_december_round_is_open_with_some_lokalraad_reported_and_others_not(demo):
    december, completeness = _completeness("Status december 2017")

    assert december.is_open
    complete = {slug for slug, (reported, held) in completeness.items() if reported == held}
    missing = {slug for slug, (reported, _) in completeness.items() if reported == 0}
    assert complete == {"esbjerg", "soenderborg", "varde"}
    assert missing == {"aabenraa", "fanoe", "toender", "vejen"}
    assert 0 < completeness["haderslev"][0] < completeness["haderslev"][1]


def test_status_history_is_varied_with_some_internal_notes(demo):
    updates = StatusUpdate.objects.filter(assignment__activity__focus_area__plan=demo.plan)

    assert set(updates.values_list("status", flat=True)) == {
        "not_started",
        "in_progress",
        "done",
        "postponed",
        "cancelled",
    }
    assert updates.exclude(internal_note="").exists()
    assert updates.filter(internal_note="").exists()
    assert updates.filter(author__username="esbjerg-sekretaer").exists()


def test_each_assignment_shows_its_latest_update(demo):
    for assignment in Assignment.objects.filter(council__district=demo.district).exclude(
        latest_update=None
    ):
        latest = assignment.updates.order_by("-date", "-created_at", "-pk").first()
        assert assignment.latest_update == latest
        assert (assignment.status, assignment.status_date) == (latest.status, latest.date)


def test_closed_june_report_shows_the_statuses_reported_before_closing(demo):
    from plans.reporting import build_status_report

    report = build_status_report(ReportingRound.objects.get(name="Status juni 2017"))

    reported = [line for area in report.focus_areas for line in area.lines if line.date]
    assert reported, "the closed round's report must include the updates made in June 2017"
    assert {line.status for line in reported} - {"not_started"}


def test_the_organisation_section_has_a_figure_in_every_version(demo):
    section = demo.plan.sections.get(title="Samarbejdets organisering")
    figure = section.figures.get()
    assert figure.caption == "Figur 1: Kredsråd, lokalråd og lokalråd+"
    assert figure.alt_text.startswith("Diagram over samarbejdets tre niveauer")
    assert figure.image.name.endswith(".png")
    assert (figure.width, figure.height) == (900, 470)
    for version in demo.plan.versions.all():
        frozen = next(s for s in version.snapshot["sections"] if s["id"] == section.pk)
        assert [f["file"] for f in frozen["figures"]] == [figure.image.name]


def test_the_plan_carries_its_forretningsorden_as_a_pdf(demo):
    attachment = demo.plan.attachments.get()
    assert attachment.title == "Forretningsorden for kredsrådet"
    with attachment.file.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"
    latest = demo.plan.versions.order_by("-number").first()
    assert [a["title"] for a in latest.snapshot["attachments"]] == [attachment.title]


def test_focus_areas_are_in_the_plans_two_groups_district_first(demo):
    groups = demo.plan.focus_area_groups.order_by("order")
    assert [(g.heading, g.kind, g.focus_areas.count()) for g in groups] == [
        ("Kredsrådets indsatsområder 2017-18", "district", 6),
        ("Lokalt valgte indsatsområder", "local", 1),
    ]


def test_burglary_focus_area_has_a_goal_for_each_party(demo):
    area = demo.plan.focus_areas.get(title="Indsats mod indbrud og hæleri")
    assert [goal.party for goal in area.goals.order_by("order")] == [
        "police",
        "municipalities",
        "joint",
    ]


# --- Østjyllands Politi: its plan page and PDF show each part of issue 13 ----------------------


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
def test_east_plan_page_shows_each_part(east_page, part):
    text = squash(html.unescape(re.sub(r"<[^>]+>", " ", east_page)))
    assert _in_order(text, PARTS[part]) == []


@pytest.mark.parametrize("part", PARTS)
def test_east_plan_pdf_shows_each_part(east_pdf_text, db, part):
    assert _in_order(east_pdf_text, PARTS[part]) == []


def test_east_plan_page_shows_the_figure_with_its_alt_text_and_statuses(east_page):
    assert f'alt="{html.escape(east_jutland.FIGURE["alt_text"])}"' in east_page
    assert 'Status: <span class="status-tag status-tag--done">Gennemført</span>' in east_page


def test_east_outline_is_created_in_document_order_with_the_groups_in_its_crime_chapter(east):
    def depth_first(items):
        for item in items:
            yield item["title"]
            yield from depth_first(item.get("children", []))

    titles = list(east.plan.sections.order_by("order").values_list("title", flat=True))
    assert titles == list(depth_first(east_jutland.OUTLINE))
    assert _group_chapters(east_jutland.OUTLINE) == dict.fromkeys(
        east_jutland.FOCUS_AREA_GROUPS, "kriminalitet"
    )
    sections = {section.title: section for section in east.plan.sections.all()}
    plus = sections["Lokalråd+ i Gellerup og Toveshøj"]
    assert plus.parent.title == "Lokalråd og lokalråd+"
    assert plus.parent.parent.title == "Samarbejdet i Østjylland"
    assert {group.section.title for group in east.plan.focus_area_groups.all()} == {
        "Kriminalitetsbekæmpelse"
    }


def test_east_plan_page_nests_the_outline_with_the_focus_areas_before_the_closing_chapter(
    east_page,
):
    def heading(level, title):
        match = re.search(rf"<h{level} id=\"[^\"]+\">{re.escape(title)}</h{level}>", east_page)
        assert match, f"h{level} {title}"
        return match.start()

    assert heading(2, "Samarbejdet i Østjylland") < heading(3, "Lokalråd og lokalråd+")
    assert heading(3, "Lokalråd og lokalråd+") < heading(4, "Lokalråd+ i Gellerup og Toveshøj")
    crime = heading(2, "Kriminalitetsbekæmpelse")
    groups = heading(3, "Nationale indsatsområder med højeste prioritet")
    assert crime < groups < heading(2, "Opfølgning og evaluering")
    assert 'id="indsatsomraader"' not in east_page  # no generated chapter: all groups placed


def test_east_shared_local_area_and_the_lokalraad_plus_hold_their_own_assignments(east):
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


def test_east_history_has_its_own_past_dates_and_a_revised_section(east):
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


def test_east_rich_text_is_within_the_editor_allowlist():
    sanitize = FocusArea._meta.get_field("background").sanitize

    def bodies(items):
        for item in items:
            yield item["body"]
            yield from bodies(item.get("children", []))

    written = [east_jutland.PLAN["foreword"], east_jutland.REVISION["section_body"]]
    written += list(bodies(east_jutland.OUTLINE))
    written += [area["background"] for area in east_jutland.FOCUS_AREAS]
    assert [text for text in written if sanitize(text) != text] == []
