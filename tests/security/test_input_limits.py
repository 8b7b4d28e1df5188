"""Limits on every input: each text field refuses an over-long value in the model (`full_clean`),
in its form (Danish message, the input kept) and in the database (a text field by its check
constraint; a one-line field by its column's length, which only PostgreSQL enforces); dates have
bounds; search survives any query. Runs on SQLite and, with DATABASE_URL, on PostgreSQL."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from councils.models import Membership
from plans.forms import OpenRoundForm
from plans.models import (
    Activity,
    AnnualCycleEntry,
    Goal,
    Plan,
    PlanVersion,
    StatusUpdate,
    WorkflowEvent,
)
from plans.search import MAX_QUERY_CHARS, clean_query
from plans.services import report_status
from plans.workflow import ApproveForm, PublishForm

from ..admin.html_forms import admin_form, single
from .dataset import post_unsaved

pytestmark = pytest.mark.usefixtures("db")


def rich(chars: int) -> str:
    return f"<p>{'x' * chars}</p>"


# (what, field, limit, rich text?). `what` names the row of tenant a.
PLAIN = [
    ("council", "description", 2000),
    ("staff_function", "tasks", 2000),
    ("forum", "topic", 1000),
    ("forum", "legal_basis", 1000),
    ("forum", "purpose", 2000),
    ("forum", "action_plans", 1000),
    ("forum", "interfaces_text", 1000),
    ("forum", "participants", 2000),
    ("focus_area", "ambition", 1000),
    ("activity", "text", 2000),
    ("status_update", "public_text", 2000),
    ("status_update", "internal_note", 2000),
    ("cycle_entry", "description", 1000),
    ("version", "revision_note", 2000),
    ("workflow_event", "note", 2500),
    ("goal", "text", 500),
    ("figure", "alt_text", 1000),
]
# CharFields: the database's own column length refuses more (PostgreSQL, as in production).
CHARS = [
    ("plan", "subtitle", 200),
    ("plan", "issuer", 200),
    ("group", "heading", 200),
    ("police_activity", "police_unit", 100),
    ("figure", "caption", 300),
    ("attachment", "title", 200),
    ("seat", "title", 200),  # the seat's function ("titel eller funktion i rådet")
    ("seat", "organisation", 200),
    ("staff_function", "name", 200),
]
RICH = [
    ("plan", "foreword", 10_000),
    ("plan", "shared_goals", 10_000),
    ("section", "body", 30_000),
    ("focus_area", "background", 15_000),
]


def row(data, what):
    tenant = data.a
    return {
        "council": lambda: tenant.council,
        "staff_function": lambda: tenant.staff_function,
        "forum": lambda: tenant.forum,
        "focus_area": lambda: tenant.focus_area,
        "activity": lambda: tenant.activity,
        "status_update": lambda: tenant.assignment.updates.first(),
        "cycle_entry": lambda: AnnualCycleEntry.objects.filter(plan=tenant.plan).first(),
        "version": lambda: tenant.version,
        "workflow_event": lambda: WorkflowEvent.objects.filter(plan=tenant.plan).first(),
        "plan": lambda: tenant.plan,
        "section": lambda: tenant.section,
        "group": lambda: tenant.focus_area.group,
        "goal": lambda: Goal.objects.filter(plan=tenant.plan, focus_area=None).first(),
        "figure": lambda: tenant.figure,
        "attachment": lambda: tenant.attachment,
        "police_activity": lambda: Activity.objects.get(focus_area__plan=tenant.plan, police=True),
        # The kredsråd's seat described by its function alone, without a person.
        "seat": lambda: Membership.objects.get(
            council=tenant.district.district_council, person=None
        ),
    }[what]()


def grouped(number):
    return f"{number:,}".replace(",", ".")


def errors_of(instance) -> dict:
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


# --- The model: full_clean ---------------------------------------------------------------------


@pytest.mark.parametrize(("what", "field", "limit"), PLAIN + CHARS)
def test_full_clean_refuses_an_overlong_text(data, what, field, limit):
    instance = row(data, what)
    setattr(instance, field, "x" * limit)
    assert field not in errors_of(instance)
    setattr(instance, field, "x" * (limit + 1))
    assert errors_of(instance)[field] == [
        f"Denne værdi må højst have {limit} tegn (den har {limit + 1})."
    ]


@pytest.mark.parametrize(("what", "field", "limit"), RICH)
def test_full_clean_counts_the_text_of_rich_text(data, what, field, limit):
    instance = row(data, what)
    setattr(instance, field, "<h2>Overskrift</h2>" + rich(limit - len("Overskrift")))
    assert field not in errors_of(instance)
    setattr(instance, field, rich(limit + 1))
    assert errors_of(instance)[field] == [
        f"Teksten må højst være {grouped(limit)} tegn (den er {grouped(limit + 1)})."
    ]


@pytest.mark.parametrize(("what", "field", "limit"), RICH)
def test_full_clean_caps_the_markup_of_rich_text(data, what, field, limit):
    instance = row(data, what)
    bold = "<strong>x</strong>"
    setattr(instance, field, "<p>" + bold * (2 * limit // len(bold) + 1) + "</p>")
    (message,) = errors_of(instance)[field]
    assert "med sin formatering" in message
    assert f"højst {grouped(2 * limit)} er tilladt" in message


def test_the_sanitised_html_is_what_is_measured(data):
    """Sanitising may lengthen HTML; full_clean measures what will be stored."""
    field = Plan._meta.get_field("foreword")
    assert field.clean("<p>a<script>x</script></p>", data.a.plan) == "<p>a</p>"


# --- The database ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("what", "field", "too_long"),
    [(what, field, "x" * (limit + 1)) for what, field, limit in PLAIN]
    + [(what, field, "x" * (2 * limit + 1)) for what, field, limit in RICH],
)
def test_database_refuses_an_overlong_text(data, what, field, too_long):
    instance = row(data, what)
    with pytest.raises(IntegrityError), transaction.atomic():
        type(instance)._base_manager.filter(pk=instance.pk).update(**{field: too_long})


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite ignores a column's length; PostgreSQL (production) refuses",
)
@pytest.mark.parametrize(("what", "field", "limit"), CHARS)
def test_database_refuses_an_overlong_line(data, what, field, limit):
    instance = row(data, what)
    manager = type(instance)._base_manager.filter(pk=instance.pk)
    with transaction.atomic():
        manager.update(**{field: "x" * limit})
    with pytest.raises(DataError), transaction.atomic():
        manager.update(**{field: "x" * (limit + 1)})


@pytest.mark.parametrize(
    ("model", "what", "field"),
    [
        (StatusUpdate, "status_update", "date"),
        (Plan, "plan", "approval_meeting_date"),
        (Plan, "plan", "effective_date"),
        (PlanVersion, "version", "published_on"),
    ],
)
def test_database_refuses_a_date_before_1999(data, model, what, field):
    instance = row(data, what)
    with pytest.raises(IntegrityError), transaction.atomic():
        model._base_manager.filter(pk=instance.pk).update(**{field: datetime.date(1, 1, 1)})


def test_database_refuses_a_round_opened_in_1899(data):
    reporting_round = data.a.reporting_round
    with pytest.raises(IntegrityError), transaction.atomic():
        type(reporting_round).objects.filter(pk=reporting_round.pk).update(
            opened_on=datetime.date(1899, 1, 1), deadline=datetime.date(1899, 2, 1)
        )


# --- The forms of lokalråd members and secretaries ----------------------------------------------


def focus_area_url(data):
    return reverse("members:focus_area_create", args=[data.a.council.pk])


def activity_url(data):
    return reverse("members:activity_create", args=[data.a.council.pk])


def test_local_focus_area_form_shows_its_limits(secretary, data):
    response = secretary.get(focus_area_url(data))
    assert 'maxlength="15000"' in response.text
    assert "Højst 15.000 tegn." in response.text
    assert 'maxlength="1000"' in response.text
    assert "Højst 1.000 tegn." in response.text


def test_overlong_local_background_is_refused_and_kept(secretary, data):
    background = "Baggrund " * 1700  # 15,300 characters
    response = post_unsaved(
        secretary, focus_area_url(data), {"title": "Tryghed", "background": background}
    )
    assert response.status_code == 200
    assert "Denne værdi må højst have 15000 tegn (den har 15299)." in response.text
    assert background.strip() in response.text


def test_overlong_local_ambition_is_refused_and_kept(secretary, data):
    ambition = "Vi vil " * 150
    response = post_unsaved(
        secretary, focus_area_url(data), {"title": "Tryghed", "ambition": ambition}
    )
    assert "Denne værdi må højst have 1000 tegn" in response.text
    assert ambition.strip() in response.text


def test_overlong_local_activity_is_refused_and_kept(secretary, data):
    text = "Borgermøde om nabohjælp. " * 100
    fields = {"focus_area": data.a.focus_area.pk, "text": text, "timing": "2026"}
    response = post_unsaved(secretary, activity_url(data), fields)
    assert "Denne værdi må højst have 2000 tegn" in response.text
    assert text.strip() in response.text
    assert "Højst 2.000 tegn." in secretary.get(activity_url(data)).text


def test_status_report_form_shows_its_limits(member, data):
    response = member.get(reverse("members:assignment", args=[data.a.assignment.pk]))
    assert response.text.count("Højst 2.000 tegn.") == 2
    assert 'min="2022-01-01"' in response.text
    assert f'max="{timezone.localdate().isoformat()}"' in response.text


# --- Status dates -------------------------------------------------------------------------------


def report(date: str) -> dict:
    return {
        "status": "in_progress",
        "public_text": "Nabohjælp er startet.",
        "internal_note": "",
        "date": date,
    }


def allowed_range():
    today = timezone.localdate()
    months = "januar februar marts april maj juni juli august september oktober november december"
    month = months.split()[today.month - 1]
    return f"Vælg en dato fra 1. januar 2022 til {today.day}. {month} {today.year}."


@pytest.mark.parametrize(
    "date",
    [
        "0001-01-01",
        "1899-12-31",
        "2021-12-31",  # the day before the year before the plan's period (2023-2026)
        (datetime.date.today() + datetime.timedelta(days=1)).isoformat(),
    ],
)
def test_status_date_out_of_bounds_is_refused_with_the_range_and_kept(member, data, date):
    url = reverse("members:assignment", args=[data.a.assignment.pk])
    response = post_unsaved(member, url, report(date))
    assert response.status_code == 200
    assert allowed_range() in response.text
    assert f'value="{date}"' in response.text


def test_status_date_in_the_year_before_the_period_is_accepted(member, data):
    url = reverse("members:assignment", args=[data.a.assignment.pk])
    response = member.post(url, report("2022-01-01"))
    assert response.status_code == 302
    assert data.a.assignment.updates.filter(date=datetime.date(2022, 1, 1)).exists()


@pytest.mark.parametrize("date", [datetime.date(1, 1, 1), datetime.date(1899, 6, 1)])
def test_status_service_and_model_refuse_an_old_date(data, date):
    with pytest.raises(ValidationError) as refused:
        report_status(
            assignment=data.a.assignment,
            status="done",
            public_text="Gennemført.",
            date=date,
            author=data.a.member,
        )
    assert "Datoen ligger for langt tilbage" in refused.value.message_dict["date"][0]


# --- Other dates ----------------------------------------------------------------------------


def test_round_deadline_more_than_a_year_ahead_is_refused():
    deadline = timezone.localdate() + datetime.timedelta(days=400)
    form = OpenRoundForm({"name": "Status juni", "deadline": deadline.isoformat()})
    assert not form.is_valid()
    assert "Fristen kan højst ligge et år efter, at runden åbnes." in form.errors["deadline"][0]
    assert "Vælg en dato fra" in form.errors["deadline"][0]


def test_round_deadline_within_a_year_is_accepted():
    deadline = timezone.localdate() + datetime.timedelta(days=180)
    assert OpenRoundForm({"name": "Status juni", "deadline": deadline.isoformat()}).is_valid()


def test_round_model_refuses_a_deadline_more_than_a_year_after_opening(data):
    reporting_round = data.a.reporting_round
    reporting_round.deadline = reporting_round.opened_on + datetime.timedelta(days=400)
    assert "Fristen kan højst ligge et år" in errors_of(reporting_round)["deadline"][0]


def test_round_model_refuses_a_deadline_before_the_round_opened(data):
    reporting_round = data.a.reporting_round
    reporting_round.deadline = reporting_round.opened_on - datetime.timedelta(days=1)
    message = errors_of(reporting_round)["deadline"][0]
    assert "Fristen kan ikke ligge før" in message
    assert "Vælg en dato fra" in message


@pytest.mark.parametrize("meeting_date", ["0001-01-01", "1899-12-31"])
def test_approval_meeting_date_before_1999_is_refused(meeting_date):
    form = ApproveForm({"meeting_date": meeting_date})
    assert not form.is_valid()
    assert "Mødedatoen ligger for langt tilbage." in form.errors["meeting_date"][0]


@pytest.mark.parametrize("effective_date", ["1899-12-31", "2021-12-31", "2100-01-01"])
def test_effective_date_far_from_the_plans_period_is_refused(data, effective_date):
    form = PublishForm(
        {"version_number": 3, "effective_date": effective_date, "revision_note": "Revision"},
        plan=data.a.plan,
        is_revision=True,
    )
    assert not form.is_valid()
    assert "Planen kan ikke gælde fra den dato." in form.errors["effective_date"][0]


def test_effective_date_in_the_year_before_the_period_is_accepted(data):
    form = PublishForm(
        {
            "version_number": 3,
            "published_on": "2024-02-01",
            "effective_date": "2022-01-01",
            "revision_note": "Revision",
        },
        plan=data.a.plan,
        is_revision=True,
    )
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("published_on", "reason"),
    [
        ("0001-01-01", "En revision kan ikke dateres før version 2"),
        ("2024-01-31", "En revision kan ikke dateres før version 2"),
        ("2100-01-01", "Datoen kan ikke ligge i fremtiden."),
        ("31-02-2024", "Skriv datoen som dd-mm-åååå"),
    ],
)
def test_revision_date_out_of_bounds_is_refused(data, published_on, reason):
    form = PublishForm(
        {
            "version_number": 3,
            "published_on": published_on,
            "effective_date": "2024-02-01",
            "revision_note": "Revision",
        },
        plan=data.a.plan,
        is_revision=True,
    )
    assert not form.is_valid()
    assert reason in form.errors["published_on"][0]


# --- The admin ----------------------------------------------------------------------------------


def test_admin_shows_the_limits(secretariat, data):
    response = secretariat.get(reverse("admin:forums_forum_change", args=[data.a.forum.pk]))
    assert 'maxlength="1000"' in response.text
    assert "Højst 1.000 tegn." in response.text
    assert "Højst 200 tegn." in response.text  # the name, a CharField
    response = secretariat.get(reverse("admin:plans_plansection_change", args=[data.a.section.pk]))
    assert "Højst 30.000 tegn tekst; formatering tæller ikke med." in response.text


def test_admin_refuses_an_overlong_forum_text_and_keeps_it(secretariat, data):
    url = reverse("admin:forums_forum_change", args=[data.a.forum.pk])
    topic = "Emne " * 220
    response = post_unsaved(secretariat, url, single(admin_form(secretariat.get(url)), topic=topic))
    assert response.status_code == 200
    assert "Denne værdi må højst have 1000 tegn (den har 1099)." in response.text
    assert topic.strip() in response.text


@pytest.mark.parametrize(
    ("admin_url", "what", "field", "too_long", "message"),
    [
        (
            "admin:councils_council_change",
            "council",
            "description",
            "Råd " * 600,
            "Denne værdi må højst have 2000 tegn (den har 2399).",
        ),
        (
            "admin:plans_focusarea_change",
            "focus_area",
            "ambition",
            "Vi vil " * 160,
            "Denne værdi må højst have 1000 tegn (den har 1119).",
        ),
        (
            "admin:plans_activity_change",
            "activity",
            "text",
            "Borgermøde " * 200,
            "Denne værdi må højst have 2000 tegn (den har 2199).",
        ),
        (
            "admin:plans_annualcycleentry_change",
            "cycle_entry",
            "description",
            "Møde " * 220,
            "Denne værdi må højst have 1000 tegn (den har 1099).",
        ),
        (
            "admin:plans_plan_change",
            "plan",
            "foreword",
            rich(10_001),
            "Teksten må højst være 10.000 tegn (den er 10.001).",
        ),
    ],
)
def test_admin_refuses_an_overlong_text_and_keeps_it(
    secretariat, data, admin_url, what, field, too_long, message
):
    url = reverse(admin_url, args=[row(data, what).pk])
    form = admin_form(secretariat.get(url))
    response = post_unsaved(secretariat, url, single(form, **{field: too_long}))
    assert response.status_code == 200
    assert message in response.text
    assert too_long.strip().removeprefix("<p>").removesuffix("</p>") in response.text


# The fields issue 13 added, one page per model; an inline's field by its name in the form.
@pytest.mark.parametrize(
    ("admin_url", "what", "field", "too_long"),
    [
        ("admin:plans_plan_change", "plan", "subtitle", "Undertitel " * 20),
        ("admin:plans_focusareagroup_change", "group", "heading", "Overskrift " * 20),
        ("admin:plans_focusarea_change", "focus_area", "goals-0-text", "Vi vil mindske " * 40),
        ("admin:plans_activity_change", "police_activity", "police_unit", "Enhed " * 20),
        ("admin:plans_sectionfigure_change", "figure", "caption", "Figur " * 60),
        ("admin:plans_planattachment_change", "attachment", "title", "Bilag " * 40),
        ("admin:councils_council_change", "kredsraad", "memberships-0-title", "Funktion " * 30),
        ("admin:councils_stafffunction_change", "staff_function", "name", "Stab " * 50),
    ],
)
def test_admin_refuses_an_overlong_new_field_and_keeps_it(
    secretariat, data, admin_url, what, field, too_long
):
    instance = data.a.district.district_council if what == "kredsraad" else row(data, what)
    url = reverse(admin_url, args=[instance.pk])
    form = admin_form(secretariat.get(url))
    assert field in form, sorted(form)
    response = post_unsaved(secretariat, url, single(form, **{field: too_long}))
    assert response.status_code == 200
    typed = too_long.strip()  # as the form cleans it
    limit = {"police_unit": 100, "caption": 300, "goals-0-text": 500}.get(field, 200)
    assert f"Denne værdi må højst have {limit} tegn (den har {len(typed)})." in response.text
    assert typed in response.text


def test_admin_refuses_an_overlong_section_and_keeps_it(secretariat, data):
    url = reverse("admin:plans_plansection_change", args=[data.a.section.pk])
    body = rich(30_001)
    response = post_unsaved(secretariat, url, single(admin_form(secretariat.get(url)), body=body))
    assert response.status_code == 200
    assert "Teksten må højst være 30.000 tegn (den er 30.001)." in response.text
    assert "x" * 30_001 in response.text


# --- Search -------------------------------------------------------------------------------------

QUERIES = [
    "a\x00b",
    "x" * 2000,
    "\x01\x1f",
    "& | ! :* <->",
    "tryghed & !natteliv",
    "tryghed:*",
    "a <-> b",
    "'",
    '"',
    "\"tryghed i' nattelivet",
    "\\",
    "%_",
    "\u202enattelivet",
    "\ufeff\u200b",
]


@pytest.mark.parametrize("query", QUERIES)
def test_search_answers_any_query(client, data, query):
    response = client.get(reverse("public:search"), {"q": query})
    assert response.status_code == 200
    assert "\x00" not in response.text


@pytest.mark.parametrize("encoded", ["a%00b", "%ED%A0%80", "%FF%FE", "%00" * 300, "%C0%80"])
def test_search_answers_any_encoded_query(client, data, encoded):
    response = client.get(reverse("public:search") + "?q=" + encoded)
    assert response.status_code == 200


def test_search_finds_despite_a_nul(client, data):
    response = client.get(reverse("public:search"), {"q": "tryg\x00hed"})
    assert "Ingen resultater" not in response.text
    assert "»tryghed«" in response.text


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("a\x00b", "ab"),
        ("\x01\x1f", ""),
        ("  indbrud\tog\nhærværk  ", "indbrud og hærværk"),
        ("tryg\u200bhed", "tryghed"),
        ("x" * 2000, "x" * MAX_QUERY_CHARS),
        ("æøå & | ! :* <-> \"'", "æøå & | ! :* <-> \"'"),
    ],
)
def test_clean_query(raw, cleaned):
    assert clean_query(raw) == cleaned


def test_round_pages_answer_404_for_a_district_with_a_nul(client, data):
    client.force_login(data.superuser)
    response = client.get(reverse("rounds:index"), {"kreds": "a\x00b"})
    assert response.status_code == 404
