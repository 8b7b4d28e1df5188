"""Multi-step writes on plans: keyword-only functions, each in one transaction."""

import datetime
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.db.models import Count, Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from base.locking import claim_revision
from base.uploads import check_pdf, reencode_image
from councils.models import Council, Membership, PoliceDistrict

from .models import (
    Activity,
    Assignment,
    FocusArea,
    FocusAreaGroup,
    Period,
    Plan,
    PlanAttachment,
    PlanSection,
    ReportingRound,
    SectionFigure,
    StatusUpdate,
)
from .page_cache import content_changed


@transaction.atomic
def add_section_figure(
    *, section: PlanSection, image: bytes, alt_text: str, caption: str, order: int = 0
) -> SectionFigure:
    """A figure from code (the demo): checked and re-encoded as an upload in the admin is."""
    clean = reencode_image(image)
    figure = SectionFigure(section=section, alt_text=alt_text, caption=caption, order=order)
    figure.full_clean(exclude=["image"])
    figure.image.save(f"figur.{clean.extension}", ContentFile(clean.content), save=False)
    figure.width, figure.height = clean.width, clean.height
    figure.save()
    return figure


@transaction.atomic
def add_plan_attachment(*, plan: Plan, pdf: bytes, title: str, order: int = 0) -> PlanAttachment:
    """An attachment from code (the demo): checked as an upload in the admin is."""
    check_pdf(pdf)
    attachment = PlanAttachment(plan=plan, title=title, order=order)
    attachment.full_clean(exclude=["file"])
    attachment.file.save("bilag.pdf", ContentFile(pdf), save=False)
    attachment.save()
    return attachment


def draft_issuer(district: PoliceDistrict) -> str:
    """Who issues a new draft: the district's kredsråd ("Kredsrådet for Fyns Politi"; the
    police director publishes the plan on its behalf)."""
    return _("Kredsrådet for %(district)s") % {"district": district.name}


@transaction.atomic
def create_draft_plan(
    *,
    district: PoliceDistrict,
    title: str,
    period: Period,
    subtitle: str = "",
    issuer: str = "",
    foreword: str = "",
) -> Plan:
    """ "Ny plan" on the secretariat's start page: a draft of the district for a period it has
    no plan for yet, to be filled in the workspace, with the cover and foreword typed with it
    (if any; the foreword sanitised as the editor's text by `full_clean`). Without an issuer,
    the district's kredsråd (`draft_issuer`)."""
    if Plan.objects.filter(
        district=district, period_start=period.start, period_end=period.end
    ).exists():
        raise ValidationError(
            {
                "period": _("Kredsen har allerede en samarbejdsplan for %(period)s.")
                % {"period": period.label}
            }
        )
    plan = Plan(
        district=district,
        title=title.strip(),
        period_start=period.start,
        period_end=period.end,
        subtitle=subtitle.strip(),
        issuer=issuer.strip() or draft_issuer(district),
        foreword=foreword,
        status=Plan.Status.DRAFT,
    )
    plan.full_clean()
    plan.save()
    return plan


def councils_responsible_for(activity: Activity) -> list[Council]:
    """The councils that hold an assignment for the activity.

    "All lokalråd" gives every active lokalråd of the district one, or under a locally chosen
    focus area the active lokalråd that chose it (one or several); each named lokalråd or
    lokalråd+ has its own. The other actors (the police, kommuner, the kredsråd, the secretariat,
    a forum) report through the secretariat, on one assignment held by the kredsråd.
    """
    focus_area = activity.focus_area
    district = focus_area.plan.district
    councils = {}
    if activity.all_local_councils:
        local = focus_area.councils if focus_area.group.is_local else Council.objects
        councils |= {c.pk: c for c in local.active().local().filter(district=district)}
    councils |= {c.pk: c for c in activity.responsible_councils.filter(district=district)}
    if activity.carried_by_district:
        councils |= {
            c.pk: c for c in Council.objects.filter(district=district, kind=Council.Kind.DISTRICT)
        }
    return list(councils.values())


@transaction.atomic
def sync_assignments(*, activity: Activity) -> None:
    """Give every responsible council an assignment, and drop those no longer responsible.

    An assignment that already has status updates is never dropped: its history stays.
    """
    wanted = {council.pk for council in councils_responsible_for(activity)}
    existing = set(activity.assignments.values_list("council_id", flat=True))
    Assignment.objects.bulk_create(
        [Assignment(activity=activity, council_id=pk) for pk in wanted - existing],
        ignore_conflicts=True,
    )
    activity.assignments.filter(council_id__in=existing - wanted, updates__isnull=True).delete()
    content_changed(activity)  # bulk_create sends no signal to the public page cache


@transaction.atomic
def sync_focus_area_assignments(*, focus_area: FocusArea) -> None:
    """Every activity of a focus area whose lokalråd or group may have changed."""
    for activity in focus_area.activities.select_related("focus_area__plan__district"):
        sync_assignments(activity=activity)


def first_group(plan: Plan) -> FocusAreaGroup:
    """The plan's first group of focus areas; a plan without one gets »Indsatsområder«."""
    group = plan.focus_area_groups.order_by("order", "pk").first()
    if group is None:
        group = FocusAreaGroup.objects.create(
            plan=plan, heading=_("Indsatsområder"), kind=FocusAreaGroup.Kind.DISTRICT, order=1
        )
    return group


def local_group(plan: Plan) -> FocusAreaGroup:
    """The plan's first group of locally chosen focus areas; made when the plan has none."""
    group = plan.focus_area_groups.filter(kind=FocusAreaGroup.Kind.LOCAL).first()
    if group is None:
        highest = plan.focus_area_groups.aggregate(highest=Max("order"))["highest"]
        group = FocusAreaGroup.objects.create(
            plan=plan,
            heading=_("Lokalt valgte indsatsområder"),
            kind=FocusAreaGroup.Kind.LOCAL,
            order=(highest or 0) + 1,
        )
    return group


@transaction.atomic
def sync_assignments_for_council(*, council: Council) -> None:
    """Give a (new) lokalråd its assignments for every "all lokalråd" activity of live plans
    (under a local focus area only if the lokalråd chose it)."""
    if council.kind != Council.Kind.LOCAL or not council.is_active:
        return
    activities = Activity.objects.filter(
        focus_area__plan__district=council.district,
        focus_area__plan__status__in=[
            Plan.Status.DRAFT,
            Plan.Status.APPROVED,
            Plan.Status.PUBLISHED,
        ],
        all_local_councils=True,
    ).exclude(
        Q(focus_area__group__kind=FocusAreaGroup.Kind.LOCAL)
        & ~Q(focus_area__in=council.local_focus_areas.values("pk"))
    )
    Assignment.objects.bulk_create(
        [Assignment(activity=activity, council=council) for activity in activities],
        ignore_conflicts=True,
    )
    content_changed(council)  # bulk_create sends no signal to the public page cache


def on_local_council_saved(sender, *, council: Council, **kwargs) -> None:
    """councils.signals.local_council_saved: a new or saved lokalråd gets its assignments."""
    sync_assignments_for_council(council=council)


@transaction.atomic
def sync_plan_assignments(*, plan: Plan) -> None:
    for activity in Activity.objects.filter(focus_area__plan=plan).select_related(
        "focus_area__plan__district"
    ):
        sync_assignments(activity=activity)


# --- Status reporting -------------------------------------------------------------------------


@transaction.atomic
def report_status(
    *,
    assignment: Assignment,
    status: str,
    public_text: str,
    internal_note: str = "",
    date: datetime.date,
    author,
) -> StatusUpdate:
    """Append a status update to an assignment and make it current if it is the latest.

    The assignment row is locked, so two members reporting at once both keep their update; the
    denormalised status fields follow the update that is latest by (date, created_at). The update
    belongs to the district's open reporting round when that round covers the assignment's plan.
    """
    locked = (
        Assignment.objects.select_for_update()
        .select_related("activity__focus_area__plan")
        .get(pk=assignment.pk)
    )
    plan = locked.activity.focus_area.plan
    if plan.status != Plan.Status.PUBLISHED:
        raise ValidationError(_("Der kan kun indberettes status på den gældende plan."))
    if date and date > timezone.localdate():
        raise ValidationError({"date": _("Datoen kan ikke ligge i fremtiden.")})
    open_round = (
        ReportingRound.objects.open().filter(district_id=plan.district_id, plan=plan).first()
    )
    update = StatusUpdate(
        assignment=locked,
        status=status,
        public_text=public_text,
        internal_note=internal_note,
        date=date,
        author=author,
        reporting_round=open_round,
    )
    update.full_clean()
    update.save()
    latest = locked.updates.order_by("-date", "-created_at", "-pk").first()
    if latest.pk == update.pk:
        locked.status = update.status
        locked.status_date = update.date
        locked.latest_update = update
        locked.save(update_fields=["status", "status_date", "latest_update"])
    assignment.status = locked.status
    assignment.status_date = locked.status_date
    assignment.latest_update = locked.latest_update
    return update


# --- Reporting rounds -------------------------------------------------------------------------


@transaction.atomic
def open_round(
    *, district: PoliceDistrict, name: str, deadline: datetime.date, created_by
) -> ReportingRound:
    """Open a reporting round on the district's current published plan.

    A district has at most one open round; the district row is locked so two secretaries
    opening a round at once cannot both succeed.
    """
    PoliceDistrict.objects.select_for_update().get(pk=district.pk)
    plan = Plan.objects.current().for_district(district).first()
    if plan is None:
        raise ValidationError(
            _("Politikredsen har ingen offentliggjort plan, og en statusrunde kræver en plan.")
        )
    if ReportingRound.objects.open().filter(district=district).exists():
        raise ValidationError(_("Der er allerede en åben statusrunde. Luk den før en ny."))
    # full_clean checks the deadline (ReportingRound.deadline_problem).
    reporting_round = ReportingRound(
        district=district,
        plan=plan,
        name=name,
        opened_on=timezone.localdate(),
        deadline=deadline,
        created_by=created_by,
    )
    reporting_round.full_clean()
    reporting_round.save()
    return reporting_round


@transaction.atomic
def close_round(*, reporting_round: ReportingRound) -> ReportingRound:
    """Close an open round; its updates and completeness stay as they were."""
    locked = ReportingRound.objects.select_for_update().get(pk=reporting_round.pk)
    if locked.closed_at is not None:
        raise ValidationError(_("Statusrunden er allerede lukket."))
    locked.closed_at = timezone.now()
    locked.save(update_fields=["closed_at"])
    reporting_round.closed_at = locked.closed_at
    return locked


@dataclass(frozen=True)
class ReminderResult:
    """What a reminder run did: how many lokalråd were missing and how many e-mails went out."""

    councils: int
    emails: int


def reminder_recipients(council_ids: list[int]) -> dict[int, list[str]]:
    """E-mail addresses per lokalråd id: every member with an e-mail, except observers/guests."""
    recipients: dict[int, list[str]] = {council_id: [] for council_id in council_ids}
    memberships = (
        Membership.objects.filter(council__in=list(recipients), person__isnull=False)
        .exclude(role=Membership.Role.OBSERVER)
        .exclude(person__email="")
        .values_list("council_id", "person__email")
        .order_by("council_id", "person__email")
    )
    for council_id, email in memberships:
        if email.lower() not in {known.lower() for known in recipients[council_id]}:
            recipients[council_id].append(email)
    return recipients


def send_reminders(*, reporting_round: ReportingRound) -> ReminderResult:
    """E-mail the members of every lokalråd that has not reported in the (open) round.

    One e-mail per member and lokalråd, in Danish, with a link to the lokalråd's page built
    from settings.SITE_URL. A closed round sends nothing.
    """
    from .reporting import councils_not_reported

    if not reporting_round.is_open:
        raise ValidationError(_("Statusrunden er lukket; der sendes ikke påmindelser."))
    councils = councils_not_reported(reporting_round)
    recipients = reminder_recipients([council.pk for council in councils])
    messages = []
    for council in councils:
        context = {
            "council": council,
            "round": reporting_round,
            "link": settings.SITE_URL + reverse("members:council", args=[council.pk]),
            "site_url": settings.SITE_URL,
        }
        subject = " ".join(render_to_string("emails/round_reminder_subject.txt", context).split())
        body = render_to_string("emails/round_reminder.txt", context)
        messages.extend(
            EmailMessage(subject=subject, body=body, to=[email]) for email in recipients[council.pk]
        )
    sent = mailers.default.send_messages(messages) if messages else 0
    return ReminderResult(councils=len(councils), emails=sent or 0)


# --- A lokalråd's own focus areas and activities (the bilateral handleplan) -------------------

Direction = Literal["up", "down"]
Move = Direction | int  # one place up or down, or to a place (1 is the first)


def current_plan_for(council: Council) -> Plan | None:
    return Plan.objects.current().for_district(council.district_id).first()


def local_activities_of(council: Council):
    """Activities that belong to one lokalråd alone: carried by this lokalråd and no other
    actor."""
    return (
        Activity.objects.councils_only()
        .annotate(named_count=Count("responsible_councils", distinct=True))
        .filter(named_count=1, responsible_councils=council)
        .distinct()
    )


def focus_areas_open_to(council: Council, plan: Plan):
    """Focus areas a lokalråd may put its own activities under: the district's and its own."""
    return plan.focus_areas.exclude(group__kind=FocusAreaGroup.Kind.LOCAL) | own_focus_areas(
        council, plan
    )


def own_focus_areas(council: Council, plan: Plan):
    """The plan's locally chosen focus areas that the lokalråd is one of the choosers of."""
    return plan.focus_areas.filter(
        group__kind=FocusAreaGroup.Kind.LOCAL, pk__in=council.local_focus_areas.values("pk")
    )


@transaction.atomic
def save_local_focus_area(
    *,
    council: Council,
    title: str,
    background: str,
    ambition: str,
    focus_area: FocusArea | None = None,
    expected_revision: int | None = None,
) -> FocusArea:
    """Add a local focus area to the current plan, or change one of the lokalråd's own."""
    plan = current_plan_for(council)
    if plan is None:
        raise ValidationError(_("Politikredsen har ingen gældende plan at tilføje til."))
    if focus_area is None:
        highest = plan.focus_areas.aggregate(highest=Max("order"))["highest"]
        focus_area = FocusArea(plan=plan, group=local_group(plan), order=(highest or 0) + 1)
    else:
        focus_area = FocusArea.objects.select_for_update().get(
            pk=focus_area.pk, pk__in=own_focus_areas(council, plan).values("pk")
        )
        # Optimistic locking: RevisionConflict if saved since the page was loaded (None
        # checks nothing).
        claim_revision(
            focus_area, focus_area.revision if expected_revision is None else expected_revision
        )
    focus_area.title = title
    focus_area.background = background
    focus_area.ambition = ambition
    focus_area.full_clean()
    focus_area.save()
    if not focus_area.councils.filter(pk=council.pk).exists():
        focus_area.councils.add(council)
    return focus_area


@transaction.atomic
def save_local_activity(
    *,
    council: Council,
    focus_area: FocusArea,
    text: str,
    timing: str,
    activity: Activity | None = None,
    expected_revision: int | None = None,
) -> Activity:
    """Add an activity of the lokalråd's own, or change one, and give it its assignment.

    It may sit under a district-wide focus area or one of the lokalråd's local ones.
    """
    plan = current_plan_for(council)
    if plan is None:
        raise ValidationError(_("Politikredsen har ingen gældende plan at tilføje til."))
    if not focus_areas_open_to(council, plan).filter(pk=focus_area.pk).exists():
        raise ValidationError(
            {"focus_area": _("Vælg et kredsfælles indsatsområde eller et af lokalrådets egne.")}
        )
    if activity is None:
        activity = Activity()
        moved = True
    else:
        local_ids = local_activities_of(council).filter(focus_area__plan=plan).values("pk")
        activity = Activity.objects.select_for_update().get(pk=activity.pk, pk__in=local_ids)
        # Optimistic locking: RevisionConflict if saved since the page was loaded (None
        # checks nothing).
        claim_revision(
            activity, activity.revision if expected_revision is None else expected_revision
        )
        moved = activity.focus_area_id != focus_area.pk
    if moved:
        highest = focus_area.activities.aggregate(highest=Max("order"))["highest"]
        activity.order = 0 if highest is None else highest + 1
    activity.focus_area = focus_area
    activity.text = text
    activity.timing = timing
    activity.full_clean()
    activity.save()
    activity.responsible_councils.set([council])
    sync_assignments(activity=activity)
    return activity


def move_in_sequence(items: list, item, to: Move) -> bool:
    """Move item one place up or down in items, or to place `to` (1 is the first; past the end
    is the last), keeping the order slots the items occupy.

    Returns False when it does not move: already first (up), last (down) or at the place.
    """
    index = next(i for i, candidate in enumerate(items) if candidate.pk == item.pk)
    if to == "up":
        target = index - 1
    elif to == "down":
        target = index + 1
    else:
        target = min(max(to, 1), len(items)) - 1
    if target < 0 or target >= len(items) or target == index:
        return False
    slots = sorted(candidate.order for candidate in items)
    for position in range(1, len(slots)):
        if slots[position] <= slots[position - 1]:
            slots[position] = slots[position - 1] + 1
    items.insert(target, items.pop(index))
    for slot, candidate in zip(slots, items, strict=True):
        if candidate.order != slot:
            candidate.order = slot
            fields = ["order"]
            if hasattr(candidate, "revision"):  # a RevisionedModel: a page loaded before is stale
                candidate.revision += 1
                fields.append("revision")
            candidate.save(update_fields=fields)
    return True


@transaction.atomic
def move_local_focus_area(*, council: Council, focus_area: FocusArea, direction: Direction) -> bool:
    """Move one of the lokalråd's local focus areas past its neighbour among its own."""
    plan = current_plan_for(council)
    own = list(
        FocusArea.objects.select_for_update()
        .filter(pk__in=own_focus_areas(council, plan).values("pk"))
        .order_by("order", "pk")
    )
    if focus_area.pk not in {area.pk for area in own}:
        raise FocusArea.DoesNotExist
    return move_in_sequence(own, focus_area, direction)


@transaction.atomic
def move_local_activity(*, council: Council, activity: Activity, direction: Direction) -> bool:
    """Move one of the lokalråd's own activities past its neighbour among its own, same area."""
    plan = current_plan_for(council)
    own_ids = local_activities_of(council).filter(focus_area__plan=plan).values("pk")
    own = list(
        Activity.objects.select_for_update()
        .filter(pk__in=own_ids, focus_area_id=activity.focus_area_id)
        .order_by("order", "pk")
    )
    if activity.pk not in {candidate.pk for candidate in own}:
        raise Activity.DoesNotExist
    return move_in_sequence(own, activity, direction)
