"""Load the second demo district, Østjyllands Politi (content in `east_jutland.py`), the same
way as the first: every piece looked up by its natural key and created only when missing, and
the plan's history (discussed, published, revised in 2025, one status round) told once, through
the services the secretariat and the lokalråd use."""

import datetime

from councils import roles
from councils.models import Council, Municipality, PoliceDistrict, StaffFunction
from forums.models import Forum
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

from . import documents
from . import east_jutland as content
from .building import (
    PlanState,
    aware,
    create,
    day,
    ensure_function_seat,
    ensure_membership,
    ensure_person,
)
from .people import person_email


def load_east_jutland(*, users: dict, secretariat_user) -> tuple[PoliceDistrict, Plan | None, str]:
    """Create whatever of Østjyllands Politi's demo is missing. `users`: the demo accounts by
    username. Returns the district, its plan and a `PlanState` value."""
    district = PoliceDistrict.objects.get(slug=content.DISTRICT_SLUG)
    councils = {council.slug: council for council in Council.objects.filter(district=district)}
    _ensure_organisation(district, councils, users)
    forums = _ensure_forums(district, councils)
    spec = content.PLAN
    plan = Plan.objects.filter(
        district=district, period_start=spec["period_start"], period_end=spec["period_end"]
    ).first()
    if plan is not None:
        return district, plan, PlanState.EXISTS
    if Plan.objects.current().for_district(district).exists():
        return district, None, PlanState.SKIPPED
    plan = _PlanStory(district, councils, forums, users, secretariat_user).tell()
    return district, plan, PlanState.CREATED


# --- Organisation and forums ------------------------------------------------------------------


def _ensure_organisation(district, councils, users) -> None:
    """Seats by function, council descriptions, the lokalråd+, Randers' members and the staff
    functions: before the plan is published, so its snapshot carries them."""
    kredsraad = councils["kredsraadet"]
    for order, (role, title, organisation) in enumerate(content.DISTRICT_COUNCIL_SEATS, 1):
        ensure_function_seat(
            council=kredsraad, role=role, title=title, organisation=organisation, order=order
        )
    spec = content.LOCAL_PLUS
    if spec["slug"] not in councils:
        councils[spec["slug"]] = create(
            Council,
            district=district,
            kind=Council.Kind.LOCAL_PLUS,
            parent=councils[spec["parent"]],
            name=spec["name"],
            slug=spec["slug"],
            description=spec["description"],
        )
    for order, (role, title, organisation) in enumerate(spec["members"], 1):
        ensure_function_seat(
            council=councils[spec["slug"]],
            role=role,
            title=title,
            organisation=organisation,
            order=order,
        )
    for slug, description in content.COUNCIL_DESCRIPTIONS.items():
        council = councils[slug]
        if not council.description:
            council.description = description
            council.full_clean()
            council.save(update_fields=["description"])
    for slug, members in content.LOCAL_COUNCIL_MEMBERS.items():
        for order, (name, role, title, organisation, username) in enumerate(members, 1):
            council = councils[slug]
            if name is None:
                ensure_function_seat(
                    council=council, role=role, title=title, organisation=organisation, order=order
                )
                continue
            user = users.get(username) if username else None
            person = ensure_person(
                name=name,
                title=title,
                organisation=organisation,
                email=person_email(name),
                user=user,
            )
            ensure_membership(
                person=person,
                council=council,
                role=role,
                title=title,
                organisation=organisation,
                order=order,
            )
            if user is not None and person.user_id == user.pk:
                roles.sync_council_groups(user=user)
    for order, (name, tasks) in enumerate(content.STAFF_FUNCTIONS, 1):
        if not StaffFunction.objects.filter(district=district, name=name).exists():
            create(StaffFunction, district=district, name=name, tasks=tasks, order=order)


def _ensure_forums(district, councils) -> dict[str, Forum]:
    forums, created = {}, []
    for order, spec in enumerate(content.FORUMS, 1):
        forum = Forum.objects.filter(district=district, slug=spec["slug"]).first()
        if forum is None:
            fields = {k: v for k, v in spec.items() if k != "interfaces"}
            forum = create(Forum, district=district, order=order, **fields)
            created.append((forum, spec))
        forums[spec["slug"]] = forum
    for forum, spec in created:
        refs = spec["interfaces"]
        forum.interface_forums.set([forums[r[6:]] for r in refs if r.startswith("forum:")])
        forum.interface_councils.set([councils[r[8:]] for r in refs if r.startswith("council:")])
    return forums


# --- The outline ------------------------------------------------------------------------------


def _create_outline(plan, chapters) -> dict[str, PlanSection]:
    """The outline's sections in document order (a chapter, then its sub-sections, depth
    first), by key, each under its parent."""
    sections: dict[str, PlanSection] = {}

    def add(items, parent=None):
        for item in items:
            section = create(
                PlanSection,
                plan=plan,
                title=item["title"],
                body=item["body"],
                parent=parent,
                order=len(sections) + 1,
            )
            sections[item["key"]] = section
            add(item.get("children", []), parent=section)

    add(chapters)
    return sections


def _group_chapters(chapters) -> dict[str, str]:
    """{focus-area group key: key of the section that holds it (`FocusAreaGroup.section`)},
    at any depth."""
    found = {}
    for item in chapters:
        found |= dict.fromkeys(item.get("focus_area_groups", []), item["key"])
        found |= _group_chapters(item.get("children", []))
    return found


# --- The plan and its story -------------------------------------------------------------------


class _PlanStory:
    """Drafted in 2023, discussed at the kredsråd's December meeting, published in January 2024,
    revised in September 2025, reported on in November 2025."""

    def __init__(self, district, councils, forums, users, secretariat_user):
        self.district = district
        self.councils = councils
        self.forums = forums
        self.users = users
        self.secretariat_user = secretariat_user
        self.plan = None
        self.sections: dict[str, PlanSection] = {}
        self.activities: dict[str, Activity] = {}

    def tell(self) -> Plan:
        self.draft()
        approve_plan(
            plan=self.plan,
            treatment=content.COUNCIL_TREATMENT,
            meeting_date=day(content.MEETING_DATE),
            user=self.secretariat_user,
        )
        publish_plan(
            plan=self.plan,
            effective_date=day(content.EFFECTIVE_DATE),
            published_on=day(content.PUBLISHED_ON),
            user=self.secretariat_user,
            render_pdf=False,  # left to the first download: a faster load
        )
        self.revise()
        self.backdate(
            {
                WorkflowEvent.Step.APPROVED: day(content.MEETING_DATE),
                WorkflowEvent.Step.PUBLISHED: day(content.PUBLISHED_ON),
                WorkflowEvent.Step.REVISED: day(content.REVISION["published_on"]),
            }
        )
        self.run_round()
        self.plan.refresh_from_db()
        return self.plan

    def draft(self) -> None:
        self.plan = create(Plan, district=self.district, shared_goals="", **content.PLAN)
        self.sections = _create_outline(self.plan, content.OUTLINE)
        figure = content.FIGURE
        add_section_figure(
            section=self.sections[figure["section"]],
            image=documents.organisation_diagram(figure["levels"]),
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
            create(Goal, plan=self.plan, party=party, text=text, order=order)
        placed_in = _group_chapters(content.OUTLINE)
        groups = {
            key: create(
                FocusAreaGroup,
                plan=self.plan,
                order=order,
                section=self.sections[placed_in[key]] if key in placed_in else None,
                **spec,
            )
            for order, (key, spec) in enumerate(content.FOCUS_AREA_GROUPS.items(), 1)
        }
        for order, item in enumerate(content.FOCUS_AREAS, 1):
            self.add_focus_area(item, order, group=groups[item["group"]])
        for order, item in enumerate(content.ANNUAL_CYCLE, 1):
            create(
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

    def add_focus_area(self, item, order, *, group) -> None:
        area = create(
            FocusArea,
            plan=self.plan,
            group=group,
            rank=item.get("rank"),
            title=item["title"],
            background=item["background"],
            ambition=item["ambition"],
            order=order,
        )
        if item.get("councils"):
            area.councils.set([self.councils[slug] for slug in item["councils"]])
        for goal_order, (party, text) in enumerate(item.get("goals", []), 1):
            create(Goal, plan=self.plan, focus_area=area, party=party, text=text, order=goal_order)
        for activity_order, spec in enumerate(item["activities"], 1):
            self.activities[spec["key"]] = self.add_activity(area, spec, activity_order)

    def add_activity(self, area, spec, order) -> Activity:
        actors = spec["actors"]
        forum = next((self.forums[a[6:]] for a in actors if a.startswith("forum:")), None)
        activity = create(
            Activity,
            focus_area=area,
            text=spec["text"],
            police="police" in actors,
            police_unit=spec.get("police_unit", ""),
            district_council="district_council" in actors,
            secretariat="secretariat" in actors,
            all_local_councils="all_local" in actors,
            forum=forum,
            timing=spec["timing"],
            order=order,
        )
        kommuner = [a[8:] for a in actors if a.startswith("kommune:")]
        if kommuner:
            activity.municipalities.set(
                Municipality.objects.filter(district=self.district, name__in=kommuner)
            )
        named = [self.councils[a[8:]] for a in actors if a.startswith("council:")]
        if named:
            activity.responsible_councils.set(named)
        sync_assignments(activity=activity)
        return activity

    def revise(self) -> None:
        revision = content.REVISION
        section = self.sections[revision["section"]]
        section.body = revision["section_body"]
        section.full_clean()
        section.save()
        publish_plan(
            plan=self.plan,
            effective_date=day(revision["effective_date"]),
            published_on=day(revision["published_on"]),
            user=self.secretariat_user,
            revision_note=revision["note"],
            changed_sections=[section.pk],
            render_pdf=False,  # left to the first download: a faster load
        )

    def backdate(self, steps: dict[str, datetime.date]) -> None:
        """The workflow log says when each step happened, not when the demo was loaded."""
        for step, when in steps.items():
            self.plan.workflow_events.filter(step=step).update(
                at=aware((when.year, when.month, when.day, 12))
            )

    def run_round(self) -> None:
        """One closed round: the round as it was opened in 2025, a few updates, then closed."""
        spec = content.ROUND
        reporting_round = create(
            ReportingRound,
            district=self.district,
            plan=self.plan,
            name=spec["name"],
            opened_on=day(spec["opened_on"]),
            deadline=day(spec["deadline"]),
            created_by=self.secretariat_user,
        )
        when = day(spec["date"])
        for key, slug, status, text, author in spec["updates"]:
            assignment = Assignment.objects.get(
                activity=self.activities[key], council=self.councils[slug]
            )
            made = report_status(
                assignment=assignment,
                status=status,
                public_text=text,
                date=when,
                author=self.users.get(author),
            )
            StatusUpdate.objects.filter(pk=made.pk).update(
                created_at=aware((when.year, when.month, when.day, 12))
            )
        reporting_round.closed_at = aware(spec["closed_at"])
        reporting_round.save(update_fields=["closed_at"])
