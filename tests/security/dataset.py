"""A small but complete dataset: a row in every table the portal writes, every text field filled.

`build_dataset(text=...)` puts `text` into every free-text and rich-text field (the stored-XSS
tests pass a payload; the backup test passes ordinary Danish). Two districts, so tests can check
that one district's users never reach the other's rows.
"""

import atexit
import datetime
import functools
import hashlib
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image
from pypdf import PdfWriter

from councils import roles
from councils.models import Council, Membership, Person, PoliceDistrict, StaffFunction
from forums.models import Forum
from plans.models import (
    Activity,
    AnnualCycleEntry,
    Assignment,
    FocusArea,
    Goal,
    Plan,
    PlanAttachment,
    PlanSection,
    PlanVersion,
    ReportingRound,
    SectionFigure,
    Status,
    StatusUpdate,
    WorkflowEvent,
)
from plans.services import add_plan_attachment, add_section_figure, sync_assignments
from plans.snapshot import build_snapshot
from tests.groups import group_for

PASSWORD = "korrekt-hest-batteri-42"


@dataclass
class Tenant:
    """One district's side of the dataset."""

    district: PoliceDistrict
    council: Council  # a lokalråd of the district
    secretariat: object  # staff user of the district's secretariat
    member: object  # member of `council`
    secretary: object  # secretary of `council`
    plan: Plan  # published, with a version
    draft: Plan  # a draft of the next period
    focus_area: FocusArea
    local_focus_area: FocusArea  # chosen by `council`
    local_activity: Activity  # under `local_focus_area`
    activity: Activity  # "all lokalråd"
    assignment: Assignment  # `activity` as it falls to `council`
    forum: Forum
    section: PlanSection
    version: PlanVersion
    reporting_round: ReportingRound
    staff_function: StaffFunction
    figure: SectionFigure  # in `section`, published in `version`
    attachment: PlanAttachment  # of `plan`, published in `version`
    draft_figure: SectionFigure  # in a section of `draft`
    draft_attachment: PlanAttachment  # of `draft`


@dataclass
class Dataset:
    a: Tenant
    b: Tenant
    superuser: object

    def store_files(self) -> None:
        """Put the figures' and attachments' files in storage (MEDIA_ROOT) again: a test that
        gives each request a media folder of its own calls this after switching. They are
        written once (`stored_files`) and copied from there, a few thousand times a run."""
        shutil.copytree(self.stored_files, settings.MEDIA_ROOT, dirs_exist_ok=True)

    @functools.cached_property
    def stored_files(self) -> Path:
        """A folder, kept for the test process, with the files under their stored names."""
        folder = Path(tempfile.mkdtemp(prefix="security-media-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        for tenant in (self.a, self.b):
            figures = (tenant.figure, tenant.draft_figure)
            attachments = (tenant.attachment, tenant.draft_attachment)
            files = [(figure.image.name, figure_image()) for figure in figures]
            files += [(attachment.file.name, attachment_pdf()) for attachment in attachments]
            for name, content in files:
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(content)
        return folder

    def user(self, role: str):
        """The user of a role of the permission matrix (tests/security/expectations.py)."""
        return {
            "anonymous": None,
            "member_a": self.a.member,
            "secretary_a": self.a.secretary,
            "member_b": self.b.member,
            "secretariat_a": self.a.secretariat,
            "secretariat_b": self.b.secretariat,
            "superuser": self.superuser,
        }[role]


SIGNED_IN_ROLES = (
    "member_a",
    "secretary_a",
    "member_b",
    "secretariat_a",
    "secretariat_b",
    "superuser",
)


def sign_in_each_role(dataset: Dataset) -> dict[str, str]:
    """A session of each signed-in role's user (its key), as `force_login` makes it. Made once
    inside the dataset's transaction, a session serves every request of the module: what a
    request changes in it is rolled back with the request's savepoint."""
    keys = {}
    for role in SIGNED_IN_ROLES:
        client = Client()
        client.force_login(dataset.user(role))
        keys[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


def client_as(sessions: dict[str, str], role: str, **options) -> Client:
    """A new client carrying the role's session (none for the anonymous visitor)."""
    client = Client(**options)
    if role in sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]
    return client


def make_user(username: str, **flags):
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.dk", **flags
    )


@functools.cache
def figure_image() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), "steelblue").save(out, "PNG")
    return out.getvalue()


@functools.cache
def attachment_pdf() -> bytes:
    """A one-page PDF, made in code."""
    writer = PdfWriter()
    writer.add_blank_page(72, 72)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build_tenant(district: PoliceDistrict, council_slug: str, prefix: str, text: str) -> Tenant:
    council = Council.objects.get(district=district, slug=council_slug)
    council.description = text
    council.save()
    local_plus = Council.objects.create(
        district=district,
        kind=Council.Kind.LOCAL_PLUS,
        name=f"{text} netværk",
        slug=f"{council_slug}-netvaerk",
        parent=council,
        description=text,
    )

    secretariat = make_user(f"{prefix}-sekretariat")
    roles.make_secretariat_staff(user=secretariat, district=district)
    TOTPDevice.objects.create(user=secretariat, name="Telefon", confirmed=True)

    member = make_user(f"{prefix}-medlem")
    member_person = Person.objects.create(
        name=f"{text} Medlem", title=text, organisation=text, email=member.email, user=member
    )
    Membership.objects.create(
        person=member_person, council=council, role=Membership.Role.MEMBER, title=text
    )
    roles.sync_council_groups(user=member)
    secretary = make_user(f"{prefix}-sekretaer")
    secretary_person = Person.objects.create(
        name=f"{text} Sekretær",
        title=text,
        organisation=text,
        email=secretary.email,
        user=secretary,
    )
    Membership.objects.create(
        person=secretary_person, council=council, role=Membership.Role.SECRETARY, title=text
    )
    roles.sync_council_groups(user=secretary)
    mayor = Person.objects.create(name=f"{text} Borgmester", title="Borgmester", organisation=text)
    Membership.objects.create(
        person=mayor,
        council=district.district_council,
        role=Membership.Role.VICE_CHAIR,
        title=text,
        organisation=text,
    )
    Membership.objects.create(person=mayor, council=local_plus, role=Membership.Role.OBSERVER)
    kredsraad = district.district_council
    kredsraad.description = text
    kredsraad.save()
    # A seat described by its function alone, and a staff function of the secretariat.
    Membership.objects.create(
        council=kredsraad, title=f"{text} funktion"[:200], organisation=text[:200], order=5
    )
    staff_function = StaffFunction.objects.create(
        district=district, name=f"{text} stab"[:200], tasks=f"{text}\n- {text}"
    )

    forum = Forum.objects.create(
        district=district,
        name=f"{text} SSP",
        slug=f"{prefix}-ssp",
        kind=Forum.Kind.SSP,
        topic=text,
        legal_basis=text,
        purpose=text,
        action_plans=text,
        interfaces_text=text,
        participants=text,
        meetings_min=4,
        meetings_text=text[:100],
    )
    forum.municipalities.set(council.municipalities.all())
    forum.interface_councils.set([council])
    other_forum = Forum.objects.create(
        district=district, name=f"{text} PSP", slug=f"{prefix}-psp", kind=Forum.Kind.PSP
    )
    forum.interface_forums.set([other_forum])

    plan = Plan.objects.create(
        district=district,
        title=text[:200],
        subtitle=text[:200],
        issuer=text[:200],
        period_start=2023,
        period_end=2026,
        foreword=f"<p>{text}</p>",
        shared_goals=f"<p>{text}</p>",
        signatory_name=text[:200],
        council_treatment=Plan.CouncilTreatment.APPROVED,
        approval_meeting_date=datetime.date(2023, 1, 20),
        effective_date=datetime.date(2023, 2, 1),
        status=Plan.Status.PUBLISHED,
    )
    section = PlanSection.objects.create(plan=plan, title=text[:200], body=f"<p>{text}</p>")
    figure = add_section_figure(
        section=section, image=figure_image(), alt_text=text, caption=text[:300]
    )
    attachment = add_plan_attachment(plan=plan, pdf=attachment_pdf(), title=text[:200])
    focus_area = FocusArea.objects.create(
        plan=plan,
        group=group_for(plan, "national", ranked=True, heading=text[:200]),
        title=text[:200],
        background=f"<h2>{text}</h2><p>{text}</p>",
        ambition=text,
        rank=1,
        order=1,
    )
    local_focus_area = FocusArea.objects.create(
        plan=plan,
        group=group_for(plan, "local", heading=f"{text[:180]} lokale"),
        title=f"{text} lokalt",
        background=f"<p>{text}</p>",
        ambition=text,
        order=2,
    )
    local_focus_area.councils.set([council])
    for order, party in enumerate(Goal.Party, 1):
        Goal.objects.create(plan=plan, party=party, text=f"{text} planmål", order=order)
        Goal.objects.create(
            plan=plan, focus_area=focus_area, party=party, text=f"{text} mål", order=order
        )
    activity = Activity.objects.create(
        focus_area=focus_area, text=text, all_local_councils=True, timing=text
    )
    named = Activity.objects.create(
        focus_area=focus_area,
        text=f"{text} udvalgte",
        order=1,
    )
    named.responsible_councils.set([council])
    by_forum = Activity.objects.create(
        focus_area=focus_area,
        text=f"{text} forum",
        forum=forum,
        order=2,
    )
    local_activity = Activity.objects.create(
        focus_area=local_focus_area,
        text=f"{text} lokal aktivitet",
    )
    local_activity.responsible_councils.set([council])
    # The police with a named unit (free text) and two of the district's kommuner.
    by_police = Activity.objects.create(
        focus_area=focus_area,
        text=f"{text} politi",
        police=True,
        police_unit=text[:100],
        order=3,
    )
    by_police.municipalities.set(district.municipalities.order_by("name")[:2])
    for each in (activity, named, by_forum, local_activity, by_police):
        sync_assignments(activity=each)
    AnnualCycleEntry.objects.create(
        plan=plan, title=text[:200], description=text, month=6, council=council
    )
    AnnualCycleEntry.objects.create(
        plan=plan, kind=AnnualCycleEntry.Kind.THEME, title=f"{text} tema", quarter=2, order=1
    )

    reporting_round = ReportingRound.objects.create(
        district=district,
        plan=plan,
        name=text[:200],
        opened_on=datetime.date(2026, 5, 1),
        deadline=datetime.date(2026, 6, 1),
        created_by=secretariat,
    )
    assignment = Assignment.objects.get(activity=activity, council=council)
    for day, status in ((1, Status.IN_PROGRESS), (2, Status.DONE)):
        update = StatusUpdate.objects.create(
            assignment=assignment,
            status=status,
            public_text=text,
            internal_note=text,
            date=datetime.date(2026, 5, day),
            author=member,
            reporting_round=reporting_round,
        )
    Assignment.objects.filter(pk=assignment.pk).update(
        status=update.status, status_date=update.date, latest_update=update
    )
    assignment.refresh_from_db()

    version = PlanVersion.objects.create(
        plan=plan,
        number=1,
        published_on=datetime.date(2023, 2, 1),
        revision_note=text,
        changed_sections=[section.pk],
        changed_focus_areas=[focus_area.pk],
        snapshot=build_snapshot(plan),
        published_by=secretariat,
    )
    PlanVersion.objects.create(
        plan=plan,
        number=2,
        published_on=datetime.date(2024, 2, 1),
        revision_note=text,
        changed_sections=[section.pk],
        snapshot=build_snapshot(plan),
        published_by=secretariat,
    )
    WorkflowEvent.objects.create(
        plan=plan,
        step=WorkflowEvent.Step.PUBLISHED,
        at=timezone.make_aware(datetime.datetime(2023, 2, 1, 10, 0)),
        by=secretariat,
        note=text,
    )
    draft = Plan.objects.create(
        district=district,
        title=f"{text} kladde"[:200],
        period_start=2027,
        period_end=2028,
        foreword=f"<p>{text}</p>",
        shared_goals=f"<p>{text}</p>",
    )
    FocusArea.objects.create(
        plan=draft,
        group=group_for(draft, "district"),
        title=f"{text} kladde",
        background=f"<p>{text}</p>",
    )
    draft_section = PlanSection.objects.create(plan=draft, title=f"{text} kladde"[:200], body="")
    draft_figure = add_section_figure(
        section=draft_section, image=figure_image(), alt_text=text, caption=text[:300]
    )
    draft_attachment = add_plan_attachment(plan=draft, pdf=attachment_pdf(), title=text[:200])
    return Tenant(
        district=district,
        council=council,
        secretariat=secretariat,
        member=member,
        secretary=secretary,
        plan=plan,
        draft=draft,
        focus_area=focus_area,
        local_focus_area=local_focus_area,
        local_activity=local_activity,
        activity=activity,
        assignment=assignment,
        forum=forum,
        section=section,
        version=version,
        reporting_round=reporting_round,
        staff_function=staff_function,
        figure=figure,
        attachment=attachment,
        draft_figure=draft_figure,
        draft_attachment=draft_attachment,
    )


def build_dataset(
    text: str = "Tryghed i nattelivet",
    *,
    a: tuple[str, str] = ("syd-og-soenderjyllands-politi", "esbjerg"),
    b: tuple[str, str] = ("fyns-politi", "odense"),
) -> Dataset:
    """Two tenants, each (district slug, lokalråd slug), and a superuser."""
    tenant_a = build_tenant(PoliceDistrict.objects.get(slug=a[0]), a[1], "a", text)
    tenant_b = build_tenant(PoliceDistrict.objects.get(slug=b[0]), b[1], "b", text)
    superuser = make_user("landsadmin", is_staff=True, is_superuser=True)
    return Dataset(a=tenant_a, b=tenant_b, superuser=superuser)


# What "nothing changed" covers: the portal's own tables, users, groups, second-factor devices
# and the admin's log.
WATCHED_APPS = {"auth", "admin", "councils", "forums", "plans", "otp_totp"}


def snapshot() -> tuple[dict[str, int], str]:
    """Row counts and a hash of every row. A user's last sign-in time is left out: signing in
    the role's user for the request sets it."""
    counts, digests = {}, {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label not in WATCHED_APPS:
            continue
        fields = [f.attname for f in model._meta.concrete_fields if f.name != "last_login"]
        rows = list(model._base_manager.order_by("pk").values_list(*fields))
        counts[model._meta.label] = len(rows)
        digests[model._meta.label] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return counts, digests


def post_unsaved(client, url, fields):
    """POST and assert nothing in the database changed; return the response."""
    before = snapshot()
    response = client.post(url, fields)
    assert snapshot() == before, f"POST {url} saved something"
    return response
