"""The kredsråd's status report of a reporting round as PDF: for the district's secretariat."""

import datetime
import re

import pytest
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from councils.models import SecretariatStaff
from plans.models import Assignment, Plan, ReportingRound, Status, StatusUpdate
from plans.pdf import render_status_report_pdf, status_chart
from plans.reporting import StatusCount, build_status_report
from plans.services import open_round, report_status, sync_plan_assignments
from tests.conftest import create_user
from tests.pdf.conftest import FOCUS_AREAS
from tests.pdf.pdftext import page_texts, read_pdf, squash

ESBJERG_TEXT = "Borgermødet i Kvaglund blev holdt i marts med 60 deltagere."
TOENDER_TEXT = "Tryghedsvandringen er flyttet til efteråret."
INTERNAL_NOTE = "Intern: husk at ringe til boligforeningen."


def open_round_with_two_reports(plan) -> ReportingRound:
    """A round on the plan where Esbjerg has reported one activity done (with an internal
    note) and Tønder another postponed."""
    sync_plan_assignments(plan=plan)
    secretary = create_user("kredssekretaer", staff=True)
    round_ = open_round(
        district=plan.district,
        name="Status juni 2017",
        deadline=datetime.date.today() + datetime.timedelta(days=14),
        created_by=secretary,
    )
    meeting = Assignment.objects.get(
        council__slug="esbjerg",
        council__district=plan.district,
        activity__text__startswith="Holde borgermøder",
    )
    walk = Assignment.objects.get(
        council__slug="toender",
        council__district=plan.district,
        activity__text__startswith="Gennemføre",
    )
    report_status(
        assignment=meeting,
        status=Status.DONE,
        public_text=ESBJERG_TEXT,
        internal_note=INTERNAL_NOTE,
        date=datetime.date.today(),
        author=secretary,
    )
    report_status(
        assignment=walk,
        status=Status.POSTPONED,
        public_text=TOENDER_TEXT,
        date=datetime.date.today(),
        author=secretary,
    )
    return round_


@pytest.fixture(scope="module")
def reporting_round_pk(demo_plan_pk, django_db_blocker):
    """The round, opened once for the module in the demo plan's transaction."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield open_round_with_two_reports(Plan.objects.get(pk=demo_plan_pk)).pk
        transaction.set_rollback(True)


@pytest.fixture
def reporting_round(db, reporting_round_pk):
    return ReportingRound.objects.get(pk=reporting_round_pk)


@pytest.fixture(scope="module")
def report_pdf(reporting_round_pk, django_db_blocker) -> bytes:
    """The round's status report, rendered once for the module."""
    with django_db_blocker.unblock():
        round_ = ReportingRound.objects.get(pk=reporting_round_pk)
        return render_status_report_pdf(build_status_report(round_))


def report_url(reporting_round):
    return reverse("pdf:status_report", kwargs={"round_id": reporting_round.pk})


@pytest.fixture
def own_secretariat(make_user, district):
    user = make_user("sekretariat", staff=True)
    SecretariatStaff.objects.create(user=user, district=district)
    return user


@pytest.fixture
def other_secretariat(make_user, other_district):
    user = make_user("fyn", staff=True)
    SecretariatStaff.objects.create(user=user, district=other_district)
    return user


def test_report_is_a_tagged_pdf(report_pdf):
    root = read_pdf(report_pdf).trailer["/Root"]
    assert report_pdf.startswith(b"%PDF-")
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "da"


def test_report_names_round_and_district_in_its_metadata(report_pdf):
    metadata = read_pdf(report_pdf).metadata
    assert metadata.title == "Statusrapport: Status juni 2017 – Syd- og Sønderjyllands Politi"
    assert metadata.author == "Syd- og Sønderjyllands Politi"


def test_report_has_a_section_per_focus_area(report_pdf):
    text = squash("".join(page_texts(report_pdf)))
    for area in FOCUS_AREAS:
        assert squash(area["title"]) in text


def test_report_prints_each_lokalraads_latest_public_text(report_pdf):
    text = squash("".join(page_texts(report_pdf)))
    assert squash(ESBJERG_TEXT) in text
    assert squash(TOENDER_TEXT) in text


def test_report_never_prints_internal_notes(report_pdf):
    assert squash(INTERNAL_NOTE) not in squash("".join(page_texts(report_pdf)))


def test_report_charts_describe_the_counts_for_screen_readers(reporting_round, report_pdf):
    report = build_status_report(reporting_round)
    area = next(a for a in report.focus_areas if a.title == "Trygt nærmiljø")
    figures = [
        str(node["/Alt"])
        for node in _struct_elements(read_pdf(report_pdf))
        if node.get("/S") == "/Figure" and "/Alt" in node
    ]
    summary = next(alt for alt in figures if "Trygt nærmiljø" in alt)
    assert f"{area.total} opgaver i alt" in summary
    assert "gennemført 1" in summary
    assert "udskudt/sat i bero 1" in summary


def test_report_latest_text_follows_a_newer_update(reporting_round, esbjerg, make_user):
    assignment = Assignment.objects.get(
        council=esbjerg, activity__text__startswith="Holde borgermøder"
    )
    StatusUpdate.objects.filter(assignment=assignment).update(
        date=datetime.date.today() - datetime.timedelta(days=3)
    )
    report_status(
        assignment=assignment,
        status=Status.IN_PROGRESS,
        public_text="Et nyt borgermøde er planlagt i Gjesing.",
        date=datetime.date.today(),
        author=make_user("esbjergsekretaer"),
    )
    text = squash(
        "".join(page_texts(render_status_report_pdf(build_status_report(reporting_round))))
    )
    assert squash("Et nyt borgermøde er planlagt i Gjesing.") in text
    assert squash(ESBJERG_TEXT) not in text


def _struct_elements(reader):
    stack = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        yield node
        kids = node.get("/K", [])
        if not isinstance(kids, list):
            kids = [kids]
        for kid in kids:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                stack.append(kid)


def test_own_secretariat_downloads_the_report(client, reporting_round, own_secretariat):
    client.force_login(own_secretariat)
    response = client.get(report_url(reporting_round))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Disposition"] == (
        'attachment; filename="statusrapport-syd-og-soenderjyllands-politi-status-juni-2017.pdf"'
    )
    assert "no-store" in response["Cache-Control"]


def test_superuser_downloads_the_report(client, reporting_round, make_user):
    client.force_login(make_user("admin", superuser=True))
    assert client.get(report_url(reporting_round)).status_code == 200


def test_anonymous_is_sent_to_sign_in(client, reporting_round):
    response = client.get(report_url(reporting_round))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("who", ["other_secretariat", "lokalraad_member", "staff_without_district"])
def test_others_do_not_find_the_report(client, reporting_round, make_user, esbjerg, request, who):
    users = {
        "other_secretariat": lambda: request.getfixturevalue("other_secretariat"),
        "lokalraad_member": lambda: make_user("medlem", council=esbjerg),
        "staff_without_district": lambda: make_user("løs", staff=True),
    }
    client.force_login(users[who]())
    updates_before = StatusUpdate.objects.count()
    assert client.get(report_url(reporting_round)).status_code == 404
    assert StatusUpdate.objects.count() == updates_before


def test_unknown_round_is_not_found(client, own_secretariat, db):
    client.force_login(own_secretariat)
    url = reverse("pdf:status_report", kwargs={"round_id": 999999})
    assert client.get(url).status_code == 404


def test_chart_bars_are_drawn_in_proportion_to_the_counts():
    counts = (
        StatusCount(status=Status.DONE, label="Gennemført", count=3),
        StatusCount(status=Status.CANCELLED, label="Aflyst", count=1),
    )
    with translation.override("da"):
        svg = render_to_string(
            "plans/pdf/_chart.html", {"chart": status_chart(counts, 4, "Trygt nærmiljø")}
        )
    widths = re.findall(r'<rect [^>]*width="([^"]+)"', svg)
    assert widths == ["390", "130"]


def test_lokalraad_that_never_reported_are_named_together(report_pdf):
    text = squash("".join(page_texts(report_pdf)))
    assert (
        squash("Ingen indberetning endnu (ikke påbegyndt): Lokalråd Esbjerg, Lokalråd Tønder.")
        in text
    )
