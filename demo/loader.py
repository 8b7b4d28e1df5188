"""Load the demo for Syd- og Sønderjyllands Politi, idempotently, and then the second demo
district, Østjyllands Politi (`east_loader.py`).

Every piece is looked up by a natural key (username, forum slug, person name and organisation,
the plan's district and period) and created only when missing; nothing that exists is saved
again, so a second run adds no rows and no history records. The plan and its whole story
(approval, version 1, the June round, the revision, the December round) are created together
the first time, through the same services the secretariat and the lokalråd use.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from councils import roles
from councils.models import (
    Council,
    Municipality,
    PoliceDistrict,
    StaffFunction,
)
from forums.models import Forum
from plans import page_cache
from plans.models import (
    Activity,
    AnnualCycleEntry,
    Assignment,
    FocusArea,
    FocusAreaGroup,
    Goal,
    Plan,
    PlanSection,
    ReportingRound,
    StatusUpdate,
    WorkflowEvent,
)
from plans.publishing import approve_plan, publish_plan
from plans.services import (
    add_plan_attachment,
    add_section_figure,
    report_status,
    sync_assignments,
)

from . import content, documents, east_jutland, status
from .building import PlanState
from .building import aware as _aware
from .building import create as _create
from .building import day as _date
from .building import ensure_function_seat as _function_seat
from .building import ensure_membership as _membership
from .building import ensure_person as _person
from .east_loader import load_east_jutland
from .people import (
    DEMO_LOGINS,
    DISTRICT_COUNCIL_MEMBERS,
    KREDSRAAD_DESCRIPTION,
    LOCAL_COUNCIL_MEMBERS,
    LOCAL_PLUS,
    SECRETARIAT,
    STAFF_FUNCTIONS,
    SUPERUSER,
    DemoLogin,
    person_email,
)


class LoginState:
    CREATED = "created"
    PASSWORD_RESET = "password_reset"
    UNCHANGED = "unchanged"
    FOREIGN = "foreign"  # an account of that name that the demo did not create: left alone


@dataclass
class DistrictResult:
    district: PoliceDistrict
    plan: Plan | None
    plan_state: str


@dataclass
class DemoResult:
    """Syd- og Sønderjylland (`district`, `plan`, `plan_state`), the logins, and the further
    demo districts (`others`: Østjylland)."""

    district: PoliceDistrict
    plan: Plan | None
    plan_state: str
    logins: list[tuple[DemoLogin, str]] = field(default_factory=list)
    others: list[DistrictResult] = field(default_factory=list)


@page_cache.bulk_load()
@transaction.atomic
def load_demo() -> DemoResult:
    """Create whatever of the demo is missing; return the logins and what happened to the plans."""
    district = PoliceDistrict.objects.get(slug=content.DISTRICT_SLUG)
    councils = {council.slug: council for council in Council.objects.filter(district=district)}
    users, logins = _ensure_logins()
    _ensure_members(councils, users)
    _ensure_organisation(district, councils)
    forums = _ensure_forums(district, councils)
    plan, plan_state = _ensure_plan(district, councils, forums, users)
    east = load_east_jutland(
        users=users, secretariat_user=_secretariat_user(users, east_jutland.DISTRICT_SLUG)
    )
    return DemoResult(
        district=district,
        plan=plan,
        plan_state=plan_state,
        logins=logins,
        others=[DistrictResult(*east)],
    )


# --- Logins -----------------------------------------------------------------------------------


def _ensure_logins():
    """One account per role and district. A demo account (recognised by its demo e-mail) gets
    its demo password back if it was changed; an account of the same name made by someone else
    is left untouched."""
    User = get_user_model()
    users, states = {}, []
    for login in DEMO_LOGINS:
        user = User.objects.filter(username=login.username).first()
        if user is None:
            user = User.objects.create_user(
                username=login.username,
                email=login.email,
                password=login.password,
                first_name=login.first_name,
                last_name=login.last_name,
            )
            state = LoginState.CREATED
        elif user.email != login.email:
            states.append((login, LoginState.FOREIGN))
            continue
        elif not user.check_password(login.password) or not user.is_active:
            user.set_password(login.password)
            user.is_active = True
            user.save(update_fields=["password", "is_active"])
            state = LoginState.PASSWORD_RESET
        else:
            state = LoginState.UNCHANGED
        if login.kind == SUPERUSER and not (user.is_superuser and user.is_staff):
            user.is_superuser = user.is_staff = True
            user.save(update_fields=["is_superuser", "is_staff"])
        if login.kind == SECRETARIAT:
            home = PoliceDistrict.objects.get(slug=login.district)
            if not _is_secretariat_of(user, home):
                roles.make_secretariat_staff(user=user, district=home)
        users[login.username] = user
        states.append((login, state))
    return users, states


def _secretariat_user(users, district_slug):
    """Who publishes a district's demo plan: its secretariat login, else the administrator."""
    for kind in (SECRETARIAT, SUPERUSER):
        for login in DEMO_LOGINS:
            user = users.get(login.username)
            if user and login.kind == kind and login.district in ("", district_slug):
                return user
    return None


def _is_secretariat_of(user, district) -> bool:
    return (
        user.is_staff
        and user.groups.filter(name=roles.SECRETARIAT).exists()
        and getattr(getattr(user, "secretariat", None), "district_id", None) == district.pk
    )


# --- Members ----------------------------------------------------------------------------------


def _ensure_members(councils, users) -> None:
    kredsraad = councils["kredsraadet"]
    for order, (name, role, title, organisation) in enumerate(DISTRICT_COUNCIL_MEMBERS, 1):
        if name is None:
            _function_seat(
                council=kredsraad, role=role, title=title, organisation=organisation, order=order
            )
            continue
        person = _person(name=name, title=title, organisation=organisation)
        _membership(
            person=person,
            council=kredsraad,
            role=role,
            title=title,
            organisation=organisation,
            order=order,
        )
    for slug, members in LOCAL_COUNCIL_MEMBERS.items():
        for order, (name, role, title, organisation, username) in enumerate(members, 1):
            user = users.get(username) if username else None
            person = _person(
                name=name,
                title=title,
                organisation=organisation,
                email=person_email(name),
                user=user,
            )
            _membership(
                person=person,
                council=councils[slug],
                role=role,
                title=title,
                organisation=organisation,
                order=order,
            )
            if user is not None and person.user_id == user.pk:
                roles.sync_council_groups(user=user)


# --- Organisation -----------------------------------------------------------------------------


def _ensure_organisation(district, councils) -> None:
    """The kredsråd's description (when it has none), a lokalråd+ and the staff functions,
    before the plan is published, so its snapshot carries them."""
    kredsraad = councils["kredsraadet"]
    if not kredsraad.description:
        kredsraad.description = KREDSRAAD_DESCRIPTION
        kredsraad.full_clean()
        kredsraad.save(update_fields=["description"])
    plus = councils.get(LOCAL_PLUS["slug"])
    if plus is None:
        plus = _create(
            Council,
            district=district,
            kind=Council.Kind.LOCAL_PLUS,
            parent=councils[LOCAL_PLUS["parent"]],
            name=LOCAL_PLUS["name"],
            slug=LOCAL_PLUS["slug"],
            description=LOCAL_PLUS["description"],
        )
        councils[plus.slug] = plus
    for order, (role, title, organisation) in enumerate(LOCAL_PLUS["members"], 1):
        _function_seat(council=plus, role=role, title=title, organisation=organisation, order=order)
    for order, (name, tasks) in enumerate(STAFF_FUNCTIONS, 1):
        if not StaffFunction.objects.filter(district=district, name=name).exists():
            _create(StaffFunction, district=district, name=name, tasks=tasks, order=order)


# --- Forums -----------------------------------------------------------------------------------


def _ensure_forums(district, councils) -> dict[str, Forum]:
    """The forum overview (Bilag 1). Links are set only on forums this run creates."""
    forums, created = {}, []
    for order, spec in enumerate(content.FORUMS, 1):
        forum = Forum.objects.filter(district=district, slug=spec["slug"]).first()
        if forum is None:
            forum = _create(
                Forum,
                district=district,
                slug=spec["slug"],
                name=spec["name"],
                kind=spec["kind"],
                council=councils[spec["council"]] if spec.get("council") else None,
                topic=spec["topic"],
                legal_basis=spec["legal_basis"],
                purpose=spec["purpose"],
                action_plans=spec["action_plans"],
                interfaces_text=spec["interfaces_text"],
                participants=spec["participants"],
                meetings_min=spec["meetings_min"],
                meetings_text=spec["meetings_text"],
                order=order,
            )
            created.append((forum, spec))
        forums[spec["slug"]] = forum
    for forum, spec in created:
        if spec.get("municipalities"):
            forum.municipalities.set(
                Municipality.objects.filter(district=district, name__in=spec["municipalities"])
            )
        linked_forums = [forums[ref[6:]] for ref in spec["interfaces"] if ref.startswith("forum:")]
        linked_councils = [
            councils[ref[8:]] for ref in spec["interfaces"] if ref.startswith("council:")
        ]
        forum.interface_forums.set(linked_forums)
        forum.interface_councils.set(linked_councils)
    return forums


# --- The plan and its story -------------------------------------------------------------------


def _ensure_plan(district, councils, forums, users):
    spec = content.PLAN
    plan = Plan.objects.filter(
        district=district, period_start=spec["period_start"], period_end=spec["period_end"]
    ).first()
    if plan is not None:
        return plan, PlanState.EXISTS
    if Plan.objects.current().for_district(district).exists():
        return None, PlanState.SKIPPED
    story = _PlanStory(district=district, councils=councils, forums=forums, users=users)
    return story.tell(), PlanState.CREATED


class _PlanStory:
    """The plan's life in 2016-17: drafted, approved, published, reported on in June, revised in
    July, reported on again in December (that round is still open)."""

    def __init__(self, *, district, councils, forums, users):
        self.district = district
        self.councils = councils
        self.forums = forums
        self.users = users
        self.secretariat_user = _secretariat_user(users, district.slug)
        self.plan = None
        self.sections: dict[str, PlanSection] = {}
        self.areas: dict[str, FocusArea] = {}
        self.activities: dict[str, Activity] = {}
        self.latest_status: dict[int, str] = {}  # assignment id → status reported last

    def tell(self) -> Plan:
        self.draft()
        approve_plan(
            plan=self.plan,
            treatment=content.FIRST_COUNCIL_TREATMENT,
            meeting_date=_date(content.FIRST_APPROVAL_MEETING_DATE),
            user=self.secretariat_user,
        )
        publish_plan(
            plan=self.plan,
            effective_date=_date(content.FIRST_EFFECTIVE_DATE),
            published_on=_date(content.FIRST_PUBLISHED_ON),
            user=self.secretariat_user,
            render_pdf=False,  # left to the first download: a faster load
        )
        self.backdate(
            {
                WorkflowEvent.Step.APPROVED: _date(content.FIRST_APPROVAL_MEETING_DATE),
                WorkflowEvent.Step.PUBLISHED: _date(content.FIRST_PUBLISHED_ON),
            },
        )
        june, december = status.ROUNDS
        self.run_round(0, june)
        for extra in status.EXTRA_UPDATES:
            self.report(
                self.assignment(extra["activity"], extra["council"]),
                status=extra["status"],
                public_text=extra["public_text"],
                internal_note=extra["internal_note"],
                date=_date(extra["date"]),
                author=self.users.get(extra["author"]),
            )
        self.revise()
        self.run_round(1, december)
        self.plan.refresh_from_db()
        return self.plan

    def draft(self) -> None:
        spec = content.PLAN
        self.plan = _create(
            Plan,
            district=self.district,
            title=spec["title"],
            period_start=spec["period_start"],
            period_end=spec["period_end"],
            foreword=spec["foreword"],
            shared_goals=spec["shared_goals"],
            signatory_name=spec["signatory_name"],
            signatory_title=spec["signatory_title"],
            contact_name=spec["contact_name"],
            contact_email=spec["contact_email"],
        )
        for order, item in enumerate(content.SECTIONS, 1):
            self.sections[item["key"]] = _create(
                PlanSection, plan=self.plan, title=item["title"], body=item["body"], order=order
            )
        figure = content.FIGURE
        add_section_figure(
            section=self.sections[figure["section"]],
            image=documents.organisation_diagram(),
            alt_text=figure["alt_text"],
            caption=figure["caption"],
        )
        attachment = content.ATTACHMENT
        add_plan_attachment(
            plan=self.plan,
            pdf=documents.pdf_document(attachment["title"], attachment["body"]),
            title=attachment["title"],
        )
        for order, (party, text) in enumerate(content.GOALS, 1):
            _create(Goal, plan=self.plan, party=party, text=text, order=order)
        self.groups = {
            key: _create(FocusAreaGroup, plan=self.plan, order=order, **spec)
            for order, (key, spec) in enumerate(content.FOCUS_AREA_GROUPS.items(), 1)
        }
        for order, item in enumerate(content.FOCUS_AREAS, 1):
            self.add_focus_area(item, order, group=self.groups["kredsen"])
        local = content.LOCAL_FOCUS_AREA
        self.add_focus_area(
            local,
            len(content.FOCUS_AREAS) + 1,
            group=self.groups["lokalt"],
            council=self.councils[local["council"]],
        )
        for order, item in enumerate(content.ANNUAL_CYCLE, 1):
            _create(
                AnnualCycleEntry,
                plan=self.plan,
                kind=item["kind"],
                title=item["title"],
                description=item["description"],
                month=item.get("month"),
                quarter=item.get("quarter"),
                undated=item.get("undated", ""),
                before_period=item.get("before_period", False),
                council=None if item.get("local") else self.councils["kredsraadet"],
                order=order,
            )

    def add_focus_area(self, item, order, *, group, council=None) -> None:
        area = _create(
            FocusArea,
            plan=self.plan,
            group=group,
            title=item["title"],
            background=item["background"],
            ambition=item["ambition"],
            order=order,
        )
        if council is not None:
            area.councils.set([council])
        for goal_order, (party, text) in enumerate(item.get("goals", []), 1):
            _create(Goal, plan=self.plan, focus_area=area, party=party, text=text, order=goal_order)
        self.areas[item["key"]] = area
        for activity_order, spec in enumerate(item["activities"], 1):
            actors = set(spec["actors"])
            forum_slug = next((a[6:] for a in actors if a.startswith("forum:")), None)
            activity = _create(
                Activity,
                focus_area=area,
                text=spec["text"],
                police="police" in actors,
                police_unit=spec.get("police_unit", ""),
                district_council="district_council" in actors,
                secretariat="secretariat" in actors,
                all_local_councils="all_local" in actors,
                forum=self.forums[forum_slug] if forum_slug else None,
                timing=spec["timing"],
                order=activity_order,
            )
            if "kommuner" in actors:
                activity.municipalities.set(self.district.municipalities.all())
            if "named_local" in actors:
                activity.responsible_councils.set([council])
            sync_assignments(activity=activity)
            self.activities[spec["key"]] = activity

    def revise(self) -> None:
        """Version 2: one focus area and one section rewritten, with a note for citizens."""
        revision = content.REVISION
        area = self.areas[revision["focus_area"]]
        area.background += revision["focus_area_background_append"]
        area.full_clean()
        area.save()
        section = self.sections[revision["section"]]
        section.body = revision["section_body"]
        section.full_clean()
        section.save()
        publish_plan(
            plan=self.plan,
            effective_date=_date(revision["effective_date"]),
            published_on=_date(revision["published_on"]),
            user=self.secretariat_user,
            revision_note=revision["note"],
            changed_sections=[section.pk],
            changed_focus_areas=[area.pk],
            render_pdf=False,  # left to the first download: a faster load
        )
        self.backdate({WorkflowEvent.Step.REVISED: _date(revision["published_on"])})

    def backdate(self, steps: dict[str, datetime.date]) -> None:
        """The workflow log stamps the moment of each step; the demo plan was approved and
        published in 2016-17 (its versions carry those dates already), so its log says so."""
        for step, day in steps.items():
            self.plan.workflow_events.filter(step=step).update(
                at=_aware((day.year, day.month, day.day, 12))
            )

    def assignment(self, activity_key: str, council_slug: str) -> Assignment:
        return Assignment.objects.get(
            activity=self.activities[activity_key], council=self.councils[council_slug]
        )

    def report(self, assignment: Assignment, **update) -> None:
        """Report through the service, then date the row's creation to the day it was made in
        2017, so a closed round's report ("status as it was at closing") includes it."""
        made = report_status(assignment=assignment, **update)
        day = update["date"]
        StatusUpdate.objects.filter(pk=made.pk).update(
            created_at=_aware((day.year, day.month, day.day, 12))
        )
        self.latest_status[assignment.pk] = update["status"]

    def run_round(self, index: int, spec: dict) -> ReportingRound:
        """Open a round as it was in 2017, let the lokalråd in `reporters` report (some on part of
        their assignments only), let the secretariat report the kredsråd's activities, and close
        the round if it was closed."""
        reporting_round = _create(
            ReportingRound,
            district=self.district,
            plan=self.plan,
            name=spec["name"],
            opened_on=_date(spec["opened_on"]),
            deadline=_date(spec["deadline"]),
            created_by=self.secretariat_user,
        )
        activity_keys = {activity.pk: key for key, activity in self.activities.items()}
        area_keys = {area.pk: key for key, area in self.areas.items()}
        for slug, reporter in spec["reporters"].items():
            council = self.councils[slug]
            municipality = council.municipalities.order_by("name").first().name
            only = reporter.get("focus_areas")
            assignments = (
                Assignment.objects.filter(council=council, activity__focus_area__plan=self.plan)
                .select_related("activity")
                .order_by("activity__focus_area__order", "activity__order")
            )
            for assignment in assignments:
                key = activity_keys[assignment.activity_id]
                if only and area_keys[assignment.activity.focus_area_id] not in only:
                    continue
                new_status, text, note = self.status_for(index, spec["key"], slug, key, assignment)
                self.report(
                    assignment,
                    status=new_status,
                    public_text=text.format(kommune=municipality),
                    internal_note=note,
                    date=_date(reporter["date"]),
                    author=self.users.get(reporter.get("author", "")),
                )
        for key, by_round in status.DISTRICT_UPDATES.items():
            if spec["key"] in by_round:
                new_status, text, note = by_round[spec["key"]]
                self.report(
                    self.assignment(key, "kredsraadet"),
                    status=new_status,
                    public_text=text,
                    internal_note=note,
                    date=_date(spec["secretariat_date"]),
                    author=self.secretariat_user,
                )
        if spec["closed_at"]:
            reporting_round.closed_at = _aware(spec["closed_at"])
            reporting_round.save(update_fields=["closed_at"])
        return reporting_round

    def status_for(self, index, round_key, slug, key, assignment) -> tuple[str, str, str]:
        override = status.OVERRIDES.get((round_key, slug, key))
        if override:
            return override
        previous = self.latest_status.get(assignment.pk)
        new_status = status.choose_status(
            activity_key=key,
            timing=assignment.activity.timing,
            council_slug=slug,
            round_index=index,
            previous=previous,
        )
        text = status.public_text(
            activity_key=key, status=new_status, previous=previous, round_index=index
        )
        note = status.internal_note(
            activity_key=key, status=new_status, council_slug=slug, round_index=index
        )
        return new_status, text, note
