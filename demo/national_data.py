"""National-scale data: every district with years of plans, published versions and status history.

`generate()` fills the 12 districts and 98 municipalities (which exist by migration) with what the
portal would hold after some years of national use: secretariat staff, kredsråd and lokalråd
members, each district's forum overview, one plan per period going back `years` years (the older
ones superseded, each published through `plans.publishing` with a revision every following year,
the next period's draft where one is due), and two reporting rounds a year whose status updates
follow each assignment from "ikke påbegyndt" towards "gennemført".

Plans are published with the real services, so versions, snapshots, workflow events and
assignments are what the portal itself would make; dates are then set back to when it would have
happened. Everything else is written with `bulk_create` in batches, so the national default
(about 100,000 status updates) takes a few minutes on PostgreSQL. PDFs are not rendered here: a
version's PDF is made on first download (or by the benchmark), never for a hundred versions at once.

Users it makes carry `USERNAME_PREFIX` and an unusable password. `clear()` removes every plan,
reporting round, status update, forum, person and membership (districts, municipalities and
councils stay) and the users this module made. Used by `manage.py generate_national_data`, the
load benchmark (`bench/load.py`) and the performance tests.
"""

import datetime as dt
import random
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.test import override_settings
from django.utils import timezone

from base.text import danish_slugify
from councils.models import (
    Council,
    CouncilMunicipality,
    Membership,
    Municipality,
    Person,
    PoliceDistrict,
    SecretariatStaff,
)
from councils.roles import COUNCIL_MEMBER, COUNCIL_SECRETARY, ROLE_GROUPS, SECRETARIAT
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
    PlanVersion,
    ReportingRound,
    Status,
    StatusUpdate,
    WorkflowEvent,
)
from plans.page_cache import content_changed
from plans.publishing import approve_plan, publish_plan
from plans.services import sync_plan_assignments

USERNAME_PREFIX = "national-"
HISTORY_TABLES = (
    "plans.HistoricalActivity_responsible_councils",
    "plans.HistoricalFocusArea_councils",
    "plans.HistoricalActivity_municipalities",
    "forums.HistoricalForum_municipalities",
    "forums.HistoricalForum_interface_forums",
    "forums.HistoricalForum_interface_councils",
    "plans.HistoricalPlan",
    "plans.HistoricalPlanSection",
    "plans.HistoricalFocusArea",
    "plans.HistoricalFocusAreaGroup",
    "plans.HistoricalGoal",
    "plans.HistoricalActivity",
    "plans.HistoricalAnnualCycleEntry",
    "forums.HistoricalForum",
    "councils.HistoricalMembership",
    "councils.HistoricalPerson",
)
FOCUS_AREAS_PER_PLAN = 8
BATCH_SIZE = 1000
# Publishing queues each version's PDF; a hundred WeasyPrint renders have no place here.
QUEUE_NOTHING = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}

# Plans cover one, two or four years; two is the most common.
PLAN_LENGTHS = (1, 2, 2, 4)

# How a lokalråd answers a reporting round: everything, some of it, or nothing.
CLOSED_ROUND_BEHAVIOUR = (("all", 90), ("some", 8), ("none", 2))
OPEN_ROUND_BEHAVIOUR = (("all", 55), ("some", 20), ("none", 25))
# Share of assignments that also get an update between rounds, once a year.
EXTRA_UPDATE_SHARE = 0.2

TRANSITIONS = {
    Status.NOT_STARTED: (
        (Status.NOT_STARTED, 35),
        (Status.IN_PROGRESS, 55),
        (Status.POSTPONED, 7),
        (Status.CANCELLED, 3),
    ),
    Status.IN_PROGRESS: ((Status.IN_PROGRESS, 55), (Status.DONE, 35), (Status.POSTPONED, 10)),
    Status.POSTPONED: ((Status.POSTPONED, 45), (Status.IN_PROGRESS, 45), (Status.CANCELLED, 10)),
    Status.DONE: ((Status.DONE, 1),),
    Status.CANCELLED: ((Status.CANCELLED, 1),),
}

FIRST_NAMES = [
    "Anne",
    "Mette",
    "Lars",
    "Jens",
    "Peter",
    "Hanne",
    "Søren",
    "Kirsten",
    "Morten",
    "Louise",
    "Henrik",
    "Camilla",
    "Rasmus",
    "Sofie",
    "Thomas",
    "Maria",
    "Niels",
    "Pia",
    "Anders",
    "Line",
    "Jesper",
    "Birgitte",
    "Mads",
    "Helle",
    "Kasper",
    "Trine",
    "Martin",
    "Lene",
    "Christian",
    "Julie",
    "Ole",
    "Karen",
    "Bo",
    "Signe",
    "Jakob",
    "Dorte",
    "Mikkel",
    "Ida",
    "Torben",
    "Rikke",
]
LAST_NAMES = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Holm",
    "Lund",
    "Bak",
    "Dahl",
    "Skov",
    "Vestergaard",
    "Friis",
    "Bech",
    "Iversen",
    "Kjær",
]

FOCUS_AREA_TITLES = (
    "Overgreb mod børn",
    "Trygt nærmiljø",
    "Sikker trafik",
    "Vold i nattelivet",
    "Indbrud og hæleri",
    "Digitale krænkelser",
    "Radikalisering og ekstremisme",
    "Rusmidler blandt unge",
    "Bandekriminalitet",
    "Borgere med psykisk sårbarhed",
    "Svindel mod ældre",
    "Vold i nære relationer",
    "Hærværk i boligområder",
    "Ungdomskriminalitet",
)
ACTIVITY_TEMPLATES = (
    "Afholde et temamøde om {topic} for fagpersoner fra skoler, klubber og politi.",
    "Udbrede kendskabet til fælles retningslinjer for {topic} i alle kommunens forvaltninger.",
    "Gennemføre en fælles gadeplansindsats med fokus på {topic} i udvalgte boligområder.",
    "Kortlægge de lokale erfaringer med {topic} og dele dem i lokalrådet.",
    "Etablere en fast kontaktperson for {topic} hos både politi og kommune.",
    "Evaluere indsatsen mod {topic} og fremlægge resultatet for kredsrådet.",
    "Inddrage foreninger og boligsociale medarbejdere i arbejdet med {topic}.",
    "Tilbyde undervisning om {topic} i udskolingen i samarbejde med SSP.",
    "Holde borgermøder om {topic} sammen med lokale aktører.",
    "Samle viden om {topic} i en fælles status til lokalrådets møder.",
    "Styrke informationsudvekslingen om {topic} mellem SSP, PSP og KSP.",
    "Følge op på nye tal om {topic} fra politiets kriminalitetsanalyse.",
)
PUBLIC_TEXTS = {
    Status.NOT_STARTED: (
        "Aktiviteten er drøftet i lokalrådet og planlagt til at begynde senere i perioden.",
        "Lokalrådet har fastlagt en tidsplan; arbejdet er endnu ikke gået i gang.",
        "Der er udpeget en tovholder, og de første aftaler er ved at blive lavet.",
    ),
    Status.IN_PROGRESS: (
        "Arbejdet er i gang, og de første møder med samarbejdspartnerne er holdt.",
        "Der er holdt {n} møder med skoler, klubber og boligforeninger.",
        "Aktiviteten er i gang i flere skoledistrikter; erfaringerne samles til næste møde.",
        "Politi og kommune har fordelt opgaverne, og materialet er sendt ud.",
    ),
    Status.DONE: (
        "Aktiviteten er gennemført med omkring {n} deltagere.",
        "Gennemført som planlagt; erfaringerne er delt i lokalrådet.",
        "Aktiviteten er afsluttet og evalueret; den gentages efter behov.",
    ),
    Status.POSTPONED: (
        "Aktiviteten er udskudt til næste halvår på grund af travlhed hos de involverede.",
        "Arbejdet er sat i bero, mens en ny kontaktperson findes.",
    ),
    Status.CANCELLED: (
        "Aktiviteten er aflyst, da behovet dækkes af en anden indsats.",
        "Lokalrådet har besluttet ikke at gennemføre aktiviteten i denne periode.",
    ),
}
INTERNAL_NOTES = (
    "Afventer svar fra skoleforvaltningen.",
    "Drøftes igen på næste lokalrådsmøde.",
    "Budgettet er ikke endeligt på plads.",
    "Tovholderen er på orlov frem til sommer.",
)
SECTIONS = (
    ("Organiseringen af samarbejdet", "kredsråd, lokalråd og lokalråd+ arbejder sammen"),
    ("Det strategiske, operative og taktiske niveau", "opgaverne fordeler sig på tre niveauer"),
    ("Sekretariatets funktioner", "sekretariatet forbereder møder og samler status"),
    ("Årshjulet", "møder og frister ligger fast fra år til år"),
    ("Andre samarbejdsområder", "samarbejdet rækker ud over planens indsatsområder"),
)
SENTENCES = (
    "Politiet og kommunerne har et fælles ansvar for at forebygge kriminalitet.",
    "Indsatsen bygger på politiets årlige kriminalitetsanalyse og lokalrådenes erfaringer.",
    "Lokalrådene omsætter planens mål til konkrete aktiviteter i den enkelte kommune.",
    "Kredsrådet følger fremdriften to gange om året på baggrund af lokalrådenes status.",
    "Samarbejdet skal være synligt for borgerne og give dem større tryghed i hverdagen.",
    "Erfaringer fra én kommune deles, så gode løsninger kan bruges i hele politikredsen.",
    "Arbejdet tager udgangspunkt i de netværk, der allerede findes omkring børn og unge.",
    "Indsatsen skal kunne måles, så kredsrådet kan justere den undervejs.",
)
FORUM_KINDS = (
    # kind, name, legal basis, meetings text, meetings minimum
    ("psp", "PSP", "Retsplejelovens § 115", "mindst 4", 4),
    ("ksp", "KSP", "Retsplejelovens § 115", "mindst 4", 4),
    ("banderaad", "Banderåd", "", "1-2", 1),
    ("overgreb", "Samråd vedr. overgreb mod børn", "Servicelovens § 19", "mindst 2", 2),
    ("ssp_samraad", "SSP-samråd", "", "2", 2),
    ("koordination", "Koordinationsgruppen", "", "1", 1),
    ("infohus", "Infohus", "Cirkulære om forebyggelse af radikalisering", "efter behov", None),
    ("chefforum", "Chefforum", "", "2", 2),
)


def _weighted(rng: random.Random, choices):
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights=weights)[0]


def _paragraphs(rng: random.Random, count: int, sentences: int = 3) -> str:
    return "".join(
        "<p>" + " ".join(rng.sample(SENTENCES, sentences)) + "</p>" for _ in range(count)
    )


def _aware(day: dt.date, rng: random.Random) -> dt.datetime:
    moment = dt.datetime.combine(day, dt.time(rng.randint(8, 19), rng.randint(0, 59)))
    return timezone.make_aware(moment)


@contextmanager
def _backdated_events(*, at: dt.datetime):
    """Date the workflow events a publishing step records to when that step happened."""
    mark = WorkflowEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    WorkflowEvent.objects.filter(pk__gt=mark).update(at=at)


@dataclass
class _District:
    district: PoliceDistrict
    district_council: Council
    local_councils: list[Council]
    municipalities: list[Municipality]
    staff: list = field(default_factory=list)
    reporters: dict[int, list] = field(default_factory=dict)  # council id -> users
    forums: list[Forum] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)


class NationalDataExists(Exception):
    """The database already holds plans, forums or members: clear them first."""


def generate(
    *,
    years: int = 10,
    activities: int = 60,
    seed: int = 1,
    today: dt.date | None = None,
    districts=None,
) -> dict[str, int]:
    """Fill every district (or those given) with `years` years of plans and history.

    Returns the row counts. Refuses (NationalDataExists) when those districts have plans, forums
    or members already.
    """
    if years < 1 or activities < 1:
        raise ValueError("years and activities must be at least 1")
    chosen = PoliceDistrict.objects.order_by("name")
    if districts is not None:
        chosen = chosen.filter(pk__in=[district.pk for district in districts])
    if (
        Plan.objects.filter(district__in=chosen).exists()
        or Forum.objects.filter(district__in=chosen).exists()
        or Membership.objects.filter(council__district__in=chosen).exists()
    ):
        raise NationalDataExists
    generator = _Generator(years=years, activities=activities, rng=random.Random(seed), today=today)
    with (
        override_settings(TASKS=QUEUE_NOTHING),
        transaction.atomic(),
    ):
        for district in chosen:
            generator.fill(district)
        generator.set_current_statuses(
            Assignment.objects.filter(activity__focus_area__plan__district__in=chosen)
        )
    content_changed()  # most rows were written with bulk_create, which sends no signals
    if connection.vendor == "postgresql":
        # Fresh statistics and no dead rows, as after any bulk load: without statistics the
        # planner guesses from empty tables and scans 100,000 status updates where an index
        # finds a few. VACUUM cannot run inside a transaction (as in a test).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return counts()


def add_plan(
    *, district: PoliceDistrict, year: int, activities: int, seed: int = 1, today=None
) -> Plan:
    """Publish one more plan for `district` covering `year`, with `activities` activities.

    Every assignment gets one to three status updates from the last two months. The district's
    current plan is superseded. For measuring how pages grow with the size of a plan.
    """
    generator = _Generator(years=1, activities=activities, rng=random.Random(seed), today=today)
    with (
        override_settings(TASKS=QUEUE_NOTHING),
        transaction.atomic(),
    ):
        data = generator.existing(district)
        plan = generator.plan_content(data, year, year)
        user = data.staff[0]
        approve_plan(plan=plan, meeting_date=generator.today, user=user)
        publish_plan(plan=plan, effective_date=max(dt.date(year, 1, 1), generator.today), user=user)
        generator.recent_statuses(data, plan)
        generator.set_current_statuses(Assignment.objects.filter(activity__focus_area__plan=plan))
    plan.refresh_from_db()
    return plan


def counts() -> dict[str, int]:
    """Row counts of everything `generate()` makes, for the command's summary and the tests."""
    user_model = get_user_model()
    return {
        "politikredse": PoliceDistrict.objects.count(),
        "kommuner": Municipality.objects.count(),
        "lokalråd": Council.objects.filter(kind=Council.Kind.LOCAL).count(),
        "brugere": user_model.objects.filter(username__startswith=USERNAME_PREFIX).count(),
        "personer": Person.objects.count(),
        "medlemskaber": Membership.objects.count(),
        "fora": Forum.objects.count(),
        "planer": Plan.objects.count(),
        "gældende planer": Plan.objects.current().count(),
        "afløste planer": Plan.objects.filter(status=Plan.Status.SUPERSEDED).count(),
        "kladder": Plan.objects.filter(status=Plan.Status.DRAFT).count(),
        "udgivne versioner": PlanVersion.objects.count(),
        "afsnit": PlanSection.objects.count(),
        "indsatsområder": FocusArea.objects.count(),
        "aktiviteter": Activity.objects.count(),
        "opgaver": Assignment.objects.count(),
        "statusrunder": ReportingRound.objects.count(),
        "statusopdateringer": StatusUpdate.objects.count(),
        "forløbshændelser": WorkflowEvent.objects.count(),
    }


class _Generator:
    def __init__(self, *, years: int, activities: int, rng: random.Random, today: dt.date | None):
        self.years = years
        self.activities = activities
        self.rng = rng
        self.today = today or timezone.localdate()
        self.unusable_password = make_password(None)

    # --- One district ---------------------------------------------------------------------

    def councils(self, district: PoliceDistrict) -> _District:
        councils = list(Council.objects.filter(district=district).order_by("name"))
        return _District(
            district=district,
            district_council=next(c for c in councils if c.kind == Council.Kind.DISTRICT),
            local_councils=[c for c in councils if c.kind == Council.Kind.LOCAL and c.is_active],
            municipalities=list(district.municipalities.order_by("name")),
        )

    def existing(self, district: PoliceDistrict) -> _District:
        """A district `fill` has filled already: its staff, reporters and forums."""
        data = self.councils(district)
        data.staff = [
            staff.user
            for staff in SecretariatStaff.objects.filter(district=district).select_related("user")
        ]
        reporters = defaultdict(list)
        memberships = Membership.objects.filter(
            council__in=data.local_councils, person__user__isnull=False
        ).select_related("person__user")
        for membership in memberships:
            reporters[membership.council_id].append(membership.person.user)
        reporters[data.district_council.pk] = data.staff
        data.reporters = dict(reporters)
        data.forums = list(
            Forum.objects.filter(district=district, council__isnull=True).exclude(
                kind=Forum.Kind.LOCAL_COUNCIL
            )
        )
        return data

    def fill(self, district: PoliceDistrict) -> None:
        data = self.councils(district)
        self.people(data)
        self.forum_overview(data)
        length = self.rng.choice(PLAN_LENGTHS)
        first_year = self.today.year - self.years + 1
        for start in range(first_year, self.today.year + 1, length):
            data.plans.append(self.published_plan(data, start, start + length - 1))
        current = data.plans[-1]
        if current.period_end == self.today.year:
            year = self.today.year + 1
            draft = self.plan_content(data, year, year)
            sync_plan_assignments(plan=draft)
        self.status_history(data)

    # --- People ---------------------------------------------------------------------------

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def people(self, data: _District) -> None:
        """Secretariat staff, the kredsråd (director, mayors) and every lokalråd's members."""
        user_model = get_user_model()
        district = data.district
        users, persons, memberships, staff_links = [], [], [], []

        def add(council, role, title, organisation, *, login=False, staff=False, order=0):
            person = Person(
                name=self.name(), title=title, organisation=organisation, email="", user=None
            )
            if login:
                username = f"{USERNAME_PREFIX}{district.slug}-{council.slug}-{len(users) + 1}"
                user = user_model(
                    username=username,
                    email=f"{username}@example.dk",
                    first_name=person.name.split()[0],
                    last_name=person.name.split()[-1],
                    password=self.unusable_password,
                    is_staff=staff,
                )
                users.append(user)
                person.email = user.email
                person._user = user
            persons.append(person)
            memberships.append(
                Membership(
                    person=person,
                    council=council,
                    role=role,
                    title=title,
                    organisation=organisation,
                    order=order,
                )
            )
            return person

        kredsraad = data.district_council
        add(kredsraad, Membership.Role.CHAIR, "politidirektør", district.name, order=0)
        for index, municipality in enumerate(data.municipalities):
            add(
                kredsraad,
                Membership.Role.VICE_CHAIR if index == 0 else Membership.Role.MEMBER,
                "borgmester",
                str(municipality),
                order=index + 1,
            )
        for index in range(2):
            person = add(
                kredsraad,
                Membership.Role.SECRETARY if index == 0 else Membership.Role.OBSERVER,
                "chefkonsulent",
                f"{district.name}, ledelsessekretariatet",
                login=True,
                staff=True,
                order=90 + index,
            )
            staff_links.append(person._user)
        links = CouncilMunicipality.objects.filter(council__in=data.local_councils)
        municipality_of = {link.council_id: str(link.municipality) for link in links}
        seats = (
            (Membership.Role.CHAIR, "lokalpolitileder", district.name, False),
            (Membership.Role.VICE_CHAIR, "kommunaldirektør", None, False),
            (Membership.Role.SECRETARY, "SSP-koordinator", None, True),
            (Membership.Role.MEMBER, "skolechef", None, True),
            (Membership.Role.MEMBER, "forebyggelseskoordinator", district.name, True),
            (Membership.Role.MEMBER, "leder af ungdomsskolen", None, False),
        )
        for council in data.local_councils:
            organisation = municipality_of.get(council.pk, council.name)
            for order, (role, title, org, login) in enumerate(seats):
                add(council, role, title, org or organisation, login=login, order=order)

        user_model.objects.bulk_create(users, batch_size=BATCH_SIZE)
        for person in persons:
            if hasattr(person, "_user"):
                person.user = person._user
        Person.objects.bulk_create(persons, batch_size=BATCH_SIZE)
        Membership.objects.bulk_create(memberships, batch_size=BATCH_SIZE)
        SecretariatStaff.objects.bulk_create(
            [SecretariatStaff(user=user, district=district) for user in staff_links]
        )
        groups = dict(Group.objects.filter(name__in=ROLE_GROUPS).values_list("name", "pk"))
        role_links = [
            user_model.groups.through(user_id=user.pk, group_id=groups[SECRETARIAT])
            for user in staff_links
        ] + [
            user_model.groups.through(
                user_id=membership.person.user.pk,
                group_id=groups[
                    COUNCIL_SECRETARY
                    if membership.role == Membership.Role.SECRETARY
                    else COUNCIL_MEMBER
                ],
            )
            for membership in memberships
            if membership.person.user is not None and membership.council.kind == Council.Kind.LOCAL
        ]
        user_model.groups.through.objects.bulk_create(role_links, batch_size=BATCH_SIZE)
        data.staff = staff_links
        reporters = defaultdict(list)
        for membership in memberships:
            user = membership.person.user
            if user is not None:
                reporters[membership.council_id].append(user)
        reporters[kredsraad.pk] = staff_links
        data.reporters = dict(reporters)

    # --- Forum overview -------------------------------------------------------------------

    def forum_overview(self, data: _District) -> None:
        district = data.district
        forums: list[Forum] = [
            Forum(
                district=district,
                name="Kredsrådet",
                slug="kredsraadet",
                kind=Forum.Kind.DISTRICT_COUNCIL,
                council=data.district_council,
                topic="Strategisk samarbejde om kriminalitetsforebyggelse i politikredsen.",
                legal_basis="Retsplejelovens § 114",
                purpose="At fastlægge samarbejdsplanen og følge op på den.",
                participants="Politidirektøren og borgmestrene i kredsens kommuner.",
                meetings_text="mindst 2",
                meetings_min=2,
                order=0,
            ),
            Forum(
                district=district,
                name="Lokalrådene",
                slug="lokalraadene",
                kind=Forum.Kind.LOCAL_COUNCIL,
                topic="Operativt samarbejde mellem politi og kommune.",
                legal_basis="Retsplejelovens § 114",
                purpose="At omsætte samarbejdsplanen til lokale aktiviteter.",
                participants="Lokal politiledelse, kommunale direktører og chefer.",
                meetings_text="mindst 4",
                meetings_min=4,
                order=1,
            ),
        ]
        for index, municipality in enumerate(data.municipalities):
            forums.append(
                Forum(
                    district=district,
                    name=f"SSP {municipality.name}",
                    slug=danish_slugify(f"ssp-{municipality.name}")[:100],
                    kind=Forum.Kind.SSP,
                    topic="Forebyggelse af kriminalitet blandt børn og unge.",
                    legal_basis="Retsplejelovens § 115",
                    purpose="At koordinere skolens, socialforvaltningens og politiets indsats.",
                    action_plans="Årlig handleplan for SSP-arbejdet.",
                    participants="SSP-koordinator, skoleledere, sagsbehandlere og politiet.",
                    meetings_text="mindst 6",
                    meetings_min=6,
                    order=10 + index,
                )
            )
        for index, (kind, name, legal_basis, meetings, minimum) in enumerate(FORUM_KINDS):
            forums.append(
                Forum(
                    district=district,
                    name=name,
                    slug=kind.replace("_", "-"),
                    kind=kind,
                    topic=f"Samarbejde i {name} på tværs af kredsens kommuner.",
                    legal_basis=legal_basis,
                    purpose=self.rng.choice(SENTENCES),
                    participants="Relevante chefer fra politi og kommuner.",
                    meetings_text=meetings,
                    meetings_min=minimum,
                    order=200 + index,
                )
            )
        Forum.objects.bulk_create(forums, batch_size=BATCH_SIZE)
        ssp = [f for f in forums if f.kind == Forum.Kind.SSP]
        standing = [f for f in forums if f.order >= 200]
        Forum.municipalities.through.objects.bulk_create(
            [
                Forum.municipalities.through(forum_id=forum.pk, municipality_id=municipality.pk)
                for forum, municipality in zip(ssp, data.municipalities, strict=True)
            ]
        )
        interfaces = []
        for forum in ssp:
            for other in standing[:2]:  # PSP and KSP
                interfaces.append(
                    Forum.interface_forums.through(from_forum_id=forum.pk, to_forum_id=other.pk)
                )
        Forum.interface_forums.through.objects.bulk_create(interfaces)
        council_of = {
            link.municipality_id: link.council_id
            for link in CouncilMunicipality.objects.filter(council__in=data.local_councils)
        }
        Forum.interface_councils.through.objects.bulk_create(
            [
                Forum.interface_councils.through(
                    forum_id=forum.pk, council_id=council_of[municipality.pk]
                )
                for forum, municipality in zip(ssp, data.municipalities, strict=True)
                if municipality.pk in council_of
            ]
        )
        data.forums = [f for f in forums if f.council_id is None and f.kind != "lokalraad"]

    # --- Plans ----------------------------------------------------------------------------

    def plan_content(self, data: _District, start: int, end: int) -> Plan:
        """A draft plan with sections, focus areas, activities and its annual cycle."""
        rng = self.rng
        director = data.district_council.memberships.filter(role=Membership.Role.CHAIR).first()
        plan = Plan(
            district=data.district,
            title="Samarbejdsplan",
            period_start=start,
            period_end=end,
            foreword=_paragraphs(rng, 3),
            shared_goals=(
                "<h3>Politiet vil</h3><ul>"
                + "".join(f"<li>{s}</li>" for s in rng.sample(SENTENCES, 3))
                + "</ul><h3>Kommunerne vil</h3><ul>"
                + "".join(f"<li>{s}</li>" for s in rng.sample(SENTENCES, 3))
                + "</ul>"
            ),
            signatory_name=director.person.name if director else "",
            signatory_title="politidirektør",
            contact_name="Kriminalpræventivt sekretariat",
            contact_email=f"sekretariat.{data.district.slug}@politi.example",
        )
        Plan.objects.bulk_create([plan])
        plan.district = data.district
        PlanSection.objects.bulk_create(
            [
                PlanSection(
                    plan=plan,
                    title=title,
                    body=f"<p>Kort fortalt: {gist}.</p>" + _paragraphs(rng, 2),
                    order=order,
                )
                for order, (title, gist) in enumerate(SECTIONS)
            ]
        )
        area_count = min(FOCUS_AREAS_PER_PLAN, self.activities)
        titles = rng.sample(FOCUS_AREA_TITLES, area_count)
        group = FocusAreaGroup.objects.create(
            plan=plan, heading="Kredsfælles indsatsområder", kind=FocusAreaGroup.Kind.DISTRICT
        )
        areas = [
            FocusArea(
                plan=plan,
                group=group,
                title=title,
                background=(
                    f"<p>{title} er et af de områder, hvor samarbejdet gør størst forskel.</p>"
                    + _paragraphs(rng, 1)
                    + "<h3>Det ved vi</h3>"
                    + _paragraphs(rng, 2)
                ),
                ambition=f"Vi vil sætte fokus på {title.lower()} ved at …",
                order=order,
            )
            for order, title in enumerate(titles)
        ]
        FocusArea.objects.bulk_create(areas)
        activities = []
        named_ids = []  # indexes of the activities carried by named lokalråd
        for index in range(self.activities):
            area = areas[index % area_count]
            first_in_area = index < area_count
            responsible = (
                "all_local"
                if first_in_area
                else _weighted(
                    rng,
                    (
                        ("all_local", 75),
                        ("named_local", 10),
                        ("district_council", 5),
                        ("police", 5),
                        ("forum", 5),
                    ),
                )
            )
            year = rng.randint(start, end)
            if responsible == "named_local":
                named_ids.append(index)
            activities.append(
                Activity(
                    focus_area=area,
                    text=rng.choice(ACTIVITY_TEMPLATES).format(topic=area.title.lower()),
                    all_local_councils=responsible == "all_local",
                    district_council=responsible == "district_council",
                    police=responsible == "police",
                    forum=rng.choice(data.forums) if responsible == "forum" else None,
                    timing=rng.choice((f"{start}-{end}" if end > start else str(start), year)),
                    order=index // area_count,
                )
            )
        Activity.objects.bulk_create(activities, batch_size=BATCH_SIZE)
        named = []
        for index in named_ids:
            chosen = rng.sample(data.local_councils, min(len(data.local_councils), 2))
            named.extend(
                Activity.responsible_councils.through(
                    activity_id=activities[index].pk, council_id=council.pk
                )
                for council in chosen
            )
        Activity.responsible_councils.through.objects.bulk_create(named, batch_size=BATCH_SIZE)
        AnnualCycleEntry.objects.bulk_create(
            [
                AnnualCycleEntry(plan=plan, kind=kind, title=title, month=month, quarter=quarter)
                for kind, title, month, quarter in (
                    ("meeting", "Borgmestermøder med politidirektøren", None, 1),
                    ("theme", "Temamøde i kredsrådet", None, 2),
                    ("deadline", "Frist for lokalrådenes handleplaner", 5, None),
                    ("report", "Statusrapport til kredsrådet", 6, None),
                    ("theme", "Temadag for lokalrådene", 8, None),
                    ("meeting", "Ordinært kredsrådsmøde", None, 4),
                    ("report", "Statusrapport til kredsrådet", 12, None),
                )
            ]
        )
        return plan

    def published_plan(self, data: _District, start: int, end: int) -> Plan:
        """A plan approved in December, published in January and revised every January after."""
        rng = self.rng
        plan = self.plan_content(data, start, end)
        user = rng.choice(data.staff)
        meeting = dt.date(start - 1, 12, rng.randint(1, 15))
        with _backdated_events(at=_aware(meeting, rng)):
            approve_plan(plan=plan, meeting_date=meeting, user=user)
        for year in range(start, min(end, self.today.year) + 1):
            published_on = min(dt.date(year, 1, rng.randint(2, 20)), self.today)
            revision = {}
            if year > start:
                revision = self.revise(plan, year)
            with _backdated_events(at=_aware(published_on, rng)):
                version = publish_plan(
                    plan=plan,
                    effective_date=dt.date(start, 1, 1) if year == start else published_on,
                    user=user,
                    **revision,
                )
            PlanVersion.objects.filter(pk=version.pk).update(published_on=published_on)
        plan.refresh_from_db()
        return plan

    def revise(self, plan: Plan, year: int) -> dict:
        """Rewrite one or two focus areas' ambition and one section, as a yearly revision does."""
        areas = list(plan.focus_areas.order_by("order"))
        changed_areas = self.rng.sample(areas, min(len(areas), self.rng.randint(1, 2)))
        for area in changed_areas:
            FocusArea.objects.filter(pk=area.pk).update(
                ambition=f"{area.ambition} I {year} lægger vi særlig vægt på opfølgningen."
            )
        section = self.rng.choice(list(plan.sections.all()))
        PlanSection.objects.filter(pk=section.pk).update(
            body=section.body + f"<p>Revideret i januar {year}.</p>"
        )
        return {
            "revision_note": f"Årlig revision {year}: ambitionerne er skærpet, "
            f"og afsnittet »{section.title}« er opdateret.",
            "changed_sections": [section.pk],
            "changed_focus_areas": [area.pk for area in changed_areas],
        }

    # --- Reporting rounds and status history ----------------------------------------------

    def status_history(self, data: _District) -> None:
        rng = self.rng
        plan_of_year = {
            year: plan
            for plan in data.plans
            for year in range(plan.period_start, plan.period_end + 1)
        }
        assignments_of = defaultdict(list)  # plan id -> [(assignment id, council id)]
        rows = Assignment.objects.filter(activity__focus_area__plan__in=data.plans).values_list(
            "pk", "council_id", "activity__focus_area__plan_id"
        )
        for pk, council_id, plan_id in rows:
            assignments_of[plan_id].append((pk, council_id))
        state: dict[int, str] = defaultdict(lambda: Status.NOT_STARTED)
        rounds: list[ReportingRound] = []
        updates: list[StatusUpdate] = []

        def report(assignment_id, council_id, day, reporting_round):
            status = _weighted(rng, TRANSITIONS[state[assignment_id]])
            state[assignment_id] = status
            updates.append(
                StatusUpdate(
                    assignment_id=assignment_id,
                    status=status,
                    public_text=rng.choice(PUBLIC_TEXTS[status]).format(n=rng.randint(2, 60)),
                    internal_note=rng.choice(INTERNAL_NOTES) if rng.random() < 0.15 else "",
                    date=day,
                    author=rng.choice(data.reporters[council_id]),
                    reporting_round=reporting_round,
                    created_at=_aware(day, rng),
                )
            )

        def some_day(first: dt.date, last: dt.date) -> dt.date:
            last = min(last, self.today)
            return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))

        for year in range(self.today.year - self.years + 1, self.today.year + 1):
            plan = plan_of_year[year]
            assignments = assignments_of[plan.pk]
            by_council = defaultdict(list)
            for pk, council_id in assignments:
                by_council[council_id].append(pk)
            for half, (name, opened, deadline, closes) in enumerate(
                (
                    (f"Status juni {year}", (5, 1), (6, 1), (6, 10)),
                    (f"Status december {year}", (11, 1), (12, 1), (12, 10)),
                )
            ):
                opened, deadline, closes = (dt.date(year, *md) for md in (opened, deadline, closes))
                if opened > self.today:
                    break
                is_open = closes > self.today
                reporting_round = ReportingRound(
                    district=data.district,
                    plan=plan,
                    name=name,
                    opened_on=opened,
                    deadline=deadline,
                    closed_at=None if is_open else _aware(closes, rng),
                    created_by=rng.choice(data.staff),
                )
                rounds.append(reporting_round)
                behaviour = OPEN_ROUND_BEHAVIOUR if is_open else CLOSED_ROUND_BEHAVIOUR
                for council_id, assignment_ids in by_council.items():
                    answer = _weighted(rng, behaviour)
                    for assignment_id in assignment_ids:
                        if answer == "all" or (answer == "some" and rng.random() < 0.5):
                            day = some_day(opened, closes - dt.timedelta(days=2))
                            report(assignment_id, council_id, day, reporting_round)
                if half == 0:  # between the rounds, some report on their own initiative
                    for assignment_id, council_id in assignments:
                        if rng.random() < EXTRA_UPDATE_SHARE:
                            first = dt.date(year, 6, 15)
                            if first <= self.today:
                                day = some_day(first, dt.date(year, 10, 25))
                                report(assignment_id, council_id, day, None)
        ReportingRound.objects.bulk_create(rounds)
        StatusUpdate.objects.bulk_create(updates, batch_size=BATCH_SIZE)

    def recent_statuses(self, data: _District, plan: Plan) -> None:
        """One to three updates from the last two months on each of the plan's assignments."""
        rng = self.rng
        updates = []
        rows = Assignment.objects.filter(activity__focus_area__plan=plan).values_list(
            "pk", "council_id"
        )
        for assignment_id, council_id in rows:
            status = Status.NOT_STARTED
            days = sorted(rng.sample(range(60), rng.randint(1, 3)), reverse=True)
            for days_ago in days:
                status = _weighted(rng, TRANSITIONS[status])
                day = self.today - dt.timedelta(days=days_ago)
                updates.append(
                    StatusUpdate(
                        assignment_id=assignment_id,
                        status=status,
                        public_text=rng.choice(PUBLIC_TEXTS[status]).format(n=rng.randint(2, 60)),
                        date=day,
                        author=rng.choice(data.reporters[council_id]),
                        created_at=_aware(day, rng),
                    )
                )
        StatusUpdate.objects.bulk_create(updates, batch_size=BATCH_SIZE)

    def set_current_statuses(self, assignments) -> None:
        """Each assignment's status, date and latest_update from its latest update."""
        latest = StatusUpdate.objects.filter(assignment=OuterRef("pk")).order_by(
            "-date", "-created_at", "-pk"
        )
        assignments.update(latest_update=Subquery(latest.values("pk")[:1]))
        chosen = StatusUpdate.objects.filter(pk=OuterRef("latest_update"))
        assignments.filter(latest_update__isnull=False).update(
            status=Subquery(chosen.values("status")[:1]),
            status_date=Subquery(chosen.values("date")[:1]),
        )


def clear() -> dict[str, int]:
    """Delete every plan, round, status update, forum, person and membership, and our users.

    Districts, municipalities and councils (reference data) stay. Deletes with plain SQL per
    table, so that history tracking does not write a "deleted" record for each of 100,000 rows.
    """
    deleted: Counter = Counter()
    tables = [
        StatusUpdate,
        WorkflowEvent,
        PlanVersion,
        ReportingRound,
        Assignment,
        Activity.responsible_councils.through,
        Activity.municipalities.through,
        Activity,
        Goal,
        FocusArea.councils.through,
        FocusArea,
        FocusAreaGroup,
        PlanSection,
        AnnualCycleEntry,
        Plan,
        Forum.municipalities.through,
        Forum.interface_forums.through,
        Forum.interface_councils.through,
        Forum,
        SecretariatStaff,
        Membership,
        Person,
    ]
    history = []
    for label in HISTORY_TABLES:  # many-to-many history rows point at their parent's row
        try:
            history.append(apps.get_model(label))
        except LookupError:
            continue
    with transaction.atomic():
        Assignment.objects.update(latest_update=None)
        with connection.cursor() as cursor:
            for model in tables + history:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
                deleted[model._meta.label] = cursor.rowcount
        users = get_user_model().objects.filter(username__startswith=USERNAME_PREFIX)
        deleted["brugere"], _ = users.delete()
    return dict(deleted)
