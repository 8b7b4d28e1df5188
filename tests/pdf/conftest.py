"""A realistic published plan for the PDF tests: sections, focus areas with activities, forums
with legal bases and an annual cycle, frozen into PlanVersion rows with build_snapshot."""

import datetime
from dataclasses import dataclass
from io import BytesIO

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from pypdf import PdfWriter

from councils.models import Council, Membership, Person, PoliceDistrict, StaffFunction
from forums.models import Forum
from plans.models import Activity, AnnualCycleEntry, FocusArea, Plan, PlanSection, PlanVersion
from plans.pdf import render_plan_pdf
from plans.snapshot import build_snapshot
from plans.tasks import pdf_filename
from tests.database_kind import refuse_transactional
from tests.groups import group_for

DEMO_DISTRICT = "syd-og-soenderjyllands-politi"

SECTIONS = [
    (
        "Samarbejdet i tre niveauer",
        "<p>Kredsrådet sætter retningen, lokalrådene omsætter den til lokale indsatser, og "
        "lokalråd+ samler skoler, klubber og boligforeninger om det konkrete arbejde.</p>"
        "<h2>Det strategiske niveau</h2><p>Kredsrådet mødes mindst fire gange om året.</p>"
        "<h2>Det operationelle niveau</h2><p>Lokalrådene følger op på planen to gange om året."
        "</p>",
    ),
    (
        "Årshjulet",
        "<p>Årshjulet i bilag 2 viser, hvornår kredsrådet mødes, og hvornår lokalrådene "
        "melder status. Fristerne gælder for hele politikredsen.</p>",
    ),
    (
        "Andre samarbejdsområder",
        "<p>Ud over indsatsområderne samarbejder politi og kommuner om radikalisering, "
        "psykisk sårbare borgere og trafiksikkerhed omkring skoler.</p>",
    ),
]

FOCUS_AREAS = [
    {
        "title": "Overgreb mod børn",
        "background": "<p>Børn skal vokse op uden vold. Fagfolk i kommuner og politi skal "
        "kende tegnene og reagere hurtigt, når et barn er i fare.</p>"
        "<h2>Viden gør en forskel</h2><p>Jo mere fagpersoner ved, jo tidligere kan de "
        "handle. Derfor uddanner vi medarbejdere i skoler og daginstitutioner.</p>",
        "ambition": "Vi vil styrke børns trivsel og sikkerhed ved at …",
        "activities": [
            ("Holde et temamøde i koordinationsgruppen om vold i hjemmet.", "forum", "maj 2017"),
            (
                "Udbrede vejledningen om spørgeteknikker til fagpersoner i alle kommuner.",
                "all_local",
                "2017-18",
            ),
            (
                "Sætte fokus på, at revselsesretten er afskaffet, på forældremøder.",
                "all_local",
                "Løbende",
            ),
        ],
    },
    {
        "title": "Trygt nærmiljø",
        "background": "<p>Tryghed handler om at kunne færdes frit i sit eget kvarter. Vi "
        "samarbejder med boligforeninger, butikker og frivillige.</p>",
        "ambition": "Vi vil øge trygheden i boligområderne ved at …",
        "activities": [
            ("Holde borgermøder om nabohjælp i udsatte boligområder.", "named_local", "2017"),
            (
                "Gennemføre tryghedsvandringer med boligsociale medarbejdere.",
                "all_local",
                "forår 2018",
            ),
        ],
    },
    {
        "title": "Sikker trafik for unge bilister",
        "background": "<p>Unge bilister har en langt højere risiko i trafikken end ældre. "
        "Forældrene er de vigtigste forbilleder.</p>",
        "ambition": "Vi vil nedbringe antallet af unge dræbte og tilskadekomne ved at …",
        "activities": [
            (
                "Lave kampagner på ungdomsuddannelserne om fart og spritkørsel.",
                "all_local",
                "efterår 2017",
            ),
            ("Følge op på skadestueregistreringen af færdselsuheld.", "police_kommuner", "2018"),
        ],
    },
    {
        "title": "Indbrud og hæleri i Esbjerg",
        "background": "<p>Esbjerg lokalråd har valgt indbrud som lokalt indsatsområde, fordi "
        "antallet af anmeldelser steg i 2016.</p>",
        "ambition": "Vi vil forebygge indbrud ved at …",
        "local": True,
        "activities": [
            (
                "Uddele pjecer om sikring af hjemmet på biblioteker og i børnehaver.",
                "named_local",
                "vinter 2017",
            ),
        ],
    },
]

FORUMS = [
    (
        "SSP-samarbejdet",
        Forum.Kind.SSP,
        "Kriminalitetsforebyggelse blandt børn og unge",
        "Retsplejelovens § 115",
        "Forebygge kriminalitet blandt børn og unge",
        "Mindst 4",
    ),
    (
        "PSP-samarbejdet",
        Forum.Kind.PSP,
        "Psykisk sårbare borgere",
        "Retsplejelovens § 115, stk. 3",
        "Hjælpe borgere med psykiske lidelser",
        "1-2",
    ),
    (
        "KSP-samarbejdet",
        Forum.Kind.KSP,
        "Løsladte fra fængsel",
        "Retsplejelovens § 115, stk. 4",
        "Give den løsladte en god start",
        "Efter behov",
    ),
    (
        "Koordinationsgruppen vedr. overgreb mod børn",
        Forum.Kind.COORDINATION,
        "Overgreb mod børn",
        "Cirkulære om samarbejde i sager om overgreb mod børn",
        "Sikre ensartede arbejdsgange",
        "1",
    ),
    (
        "Banderådet",
        Forum.Kind.GANG_COUNCIL,
        "Rockere og bander",
        "Lov om styrket indsats mod rockere og bander",
        "Forebygge rekruttering til bander",
        "Mindst 2",
    ),
]

CYCLE = [
    (AnnualCycleEntry.Kind.MEETING, "Borgmestermøder", None, 1),
    (AnnualCycleEntry.Kind.THEME, "Temamøde i kredsrådet", None, 2),
    (AnnualCycleEntry.Kind.REPORT, "Statusrapport til kredsrådet", 6, None),
    (AnnualCycleEntry.Kind.THEME, "Temadag for lokalrådene", 8, None),
    (AnnualCycleEntry.Kind.MEETING, "Ordinært kredsrådsmøde", None, 4),
    (AnnualCycleEntry.Kind.REPORT, "Statusrapport til kredsrådet", 12, None),
]


def version_url(version: PlanVersion) -> str:
    """The download address of one published version's PDF."""
    return reverse(
        "pdf:version",
        kwargs={
            "district": version.plan.district.slug,
            "period": version.plan.period_label,
            "number": version.number,
        },
    )


@pytest.fixture(autouse=True)
def clear_cache():
    """A download remembers in the cache where its file is (plans/page_cache.py); start every
    test without."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def build_demo_plan(district, esbjerg, toender) -> Plan:
    plan = Plan.objects.create(
        district=district,
        title="Samarbejdsplan",
        period_start=2017,
        period_end=2018,
        foreword="<p>Kommunerne og politiet i Syd- og Sønderjylland står sammen om at "
        "forebygge kriminalitet. Planen samler de indsatser, vi prioriterer i perioden, "
        "så borgerne kan føle sig trygge – i byen, på nettet og i trafikken.</p>"
        "<p>Indsatsområderne er valgt på en temadag med kommuner og politi.</p>",
        shared_goals="<ul><li>Færre unge begår kriminalitet.</li>"
        "<li>Flere borgere føler sig trygge i deres nærmiljø.</li></ul>",
        signatory_name="Jørgen Meyer",
        signatory_title="politidirektør",
        council_treatment=Plan.CouncilTreatment.APPROVED,
        approval_meeting_date=datetime.date(2016, 12, 5),
        effective_date=datetime.date(2017, 1, 1),
        status=Plan.Status.PUBLISHED,
    )
    for order, (title, body) in enumerate(SECTIONS):
        PlanSection.objects.create(plan=plan, title=title, body=body, order=order)
    forums = []
    for order, (name, kind, topic, legal, purpose, meetings) in enumerate(FORUMS):
        forums.append(
            Forum.objects.create(
                district=district,
                name=name,
                slug=f"forum-{order}",
                kind=kind,
                topic=topic,
                legal_basis=legal,
                purpose=purpose,
                action_plans="Lokale handleplaner" if order % 2 == 0 else "",
                participants="Politiet, kommunens skoleforvaltning og socialforvaltning",
                meetings_text=meetings,
                interfaces_text="Lokalrådet",
                order=order,
            )
        )
    for order, spec in enumerate(FOCUS_AREAS):
        area = FocusArea.objects.create(
            plan=plan,
            group=group_for(plan, "local" if spec.get("local") else "district"),
            title=spec["title"],
            background=spec["background"],
            ambition=spec["ambition"],
            order=order,
        )
        if spec.get("local"):
            area.councils.set([esbjerg])
        for index, (text, responsible, timing) in enumerate(spec["activities"]):
            activity = Activity.objects.create(
                focus_area=area,
                text=text,
                all_local_councils=responsible == "all_local",
                secretariat=responsible == "secretariat",
                police=responsible == "police_kommuner",
                police_unit="Færdselsafdelingen" if responsible == "police_kommuner" else "",
                forum=forums[3] if responsible == "forum" else None,
                timing=timing,
                order=index,
            )
            if responsible == "named_local":
                activity.responsible_councils.set([esbjerg, toender])
            if responsible == "police_kommuner":
                activity.municipalities.set(
                    district.municipalities.filter(name__in=["Esbjerg", "Fanø"])
                )
    build_organisation(district, esbjerg)
    for order, (kind, title, month, quarter) in enumerate(CYCLE):
        AnnualCycleEntry.objects.create(
            plan=plan,
            kind=kind,
            title=title,
            month=month,
            quarter=quarter,
            order=order,
            council=Council.objects.get(district=district, kind=Council.Kind.DISTRICT),
        )
    return plan


# The organisation appendix (Bilag 3): the kredsråd partly by function, a lokalråd+ and the
# secretariat's staff functions.
STAFF_FUNCTIONS = [
    ("Ledelsessekretariatet", "Forbereder kredsrådets møder\nSkriver referater"),
    ("Kriminalpræventivt sekretariat", "- Leder statusrunderne\n- Holder forumoversigten ajour"),
]


def build_organisation(district, esbjerg) -> None:
    kredsraad = Council.objects.get(district=district, kind=Council.Kind.DISTRICT)
    kredsraad.description = "Kredsrådet består af borgmestrene og politidirektøren."
    kredsraad.save()
    Membership.objects.create(
        council=kredsraad,
        person=Person.objects.create(name="Jørgen Meyer"),
        role=Membership.Role.CHAIR,
        title="politidirektør",
        order=3,
    )
    Membership.objects.create(
        council=kredsraad, title="Borgmester", organisation="Fanø Kommune", order=2
    )
    Membership.objects.create(
        council=kredsraad,
        role=Membership.Role.VICE_CHAIR,
        title="Borgmester",
        organisation="Sønderborg Kommune",
        order=1,
    )
    Council.objects.create(
        district=district,
        kind=Council.Kind.LOCAL_PLUS,
        name="Lokalråd+ Esbjerg Øst",
        slug="lokalraad-plus-esbjerg-oest",
        parent=esbjerg,
    )
    for order, (name, tasks) in enumerate(STAFF_FUNCTIONS):
        StaffFunction.objects.create(district=district, name=name, tasks=tasks, order=order)


def publish_first_version(plan: Plan) -> PlanVersion:
    return PlanVersion.objects.create(
        plan=plan,
        number=1,
        published_on=datetime.date(2017, 1, 2),
        snapshot=build_snapshot(plan),
    )


def publish_revision(plan: Plan) -> PlanVersion:
    """Version 2 revises the "Årshjulet" section and the traffic focus area."""
    section = plan.sections.get(title="Årshjulet")
    area = plan.focus_areas.get(title="Sikker trafik for unge bilister")
    return PlanVersion.objects.create(
        plan=plan,
        number=2,
        published_on=datetime.date(2018, 6, 1),
        revision_note="Årshjulet og trafikindsatsen er opdateret.",
        changed_sections=[section.pk],
        changed_focus_areas=[area.pk],
        snapshot=build_snapshot(plan),
    )


def build_demo_plan_in(district_slug) -> Plan:
    district = PoliceDistrict.objects.get(slug=district_slug)
    return build_demo_plan(
        district,
        Council.objects.get(district=district, slug="esbjerg"),
        Council.objects.get(district=district, slug="toender"),
    )


@pytest.fixture(scope="module")
def demo_plan_pk(request, django_db_setup, django_db_blocker):
    """The demo plan (without versions), built once for the module in a transaction rolled back
    at its end; each test runs in its own savepoint inside it. `rendered_plan` builds the same
    plan in a transaction of its own, so in a module that reads it too it is rendered first."""
    module_items = [item for item in request.session.items if item.module is request.module]
    if any("rendered_plan" in item.fixturenames for item in module_items):
        request.getfixturevalue("rendered_plan")
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_demo_plan_in(DEMO_DISTRICT).pk
        transaction.set_rollback(True)


@pytest.fixture
def demo_plan(db, request, demo_plan_pk):
    """The demo plan, read afresh for the test. A transactional test commits what it makes, for
    other connections to see: its module overrides this fixture with
    `build_demo_plan_in(DEMO_DISTRICT)` and `transactional_db` (as test_worker.py does)."""
    refuse_transactional(
        request,
        "A transactional test makes its own demo plan: override `demo_plan` in a module "
        "of transactional tests.",
    )
    return Plan.objects.get(pk=demo_plan_pk)


@pytest.fixture
def published_version(demo_plan):
    return publish_first_version(demo_plan)


@pytest.fixture
def revised_version(demo_plan, published_version):
    return publish_revision(demo_plan)


@dataclass(frozen=True)
class RenderedPlan:
    first: bytes  # the PDF of `published_version`
    revised: bytes  # the PDF of `revised_version`, published after it


@pytest.fixture(scope="session")
def rendered_plan(django_db_setup, django_db_blocker) -> RenderedPlan:
    """The real PDFs of the demo plan's two versions, rendered once for the session: the same
    data and the same order as the function fixtures above (version 1 is rendered before
    version 2 exists), rolled back before the test that first asks for it runs (and before its
    module's `demo_plan_pk` is built). For the tests that read the PDF."""
    with django_db_blocker.unblock(), transaction.atomic():
        plan = build_demo_plan_in(DEMO_DISTRICT)
        first = render_plan_pdf(publish_first_version(plan))
        revised = render_plan_pdf(publish_revision(plan))
        transaction.set_rollback(True)
    return RenderedPlan(first=first, revised=revised)


def tiny_plan_pdf(version: PlanVersion) -> bytes:
    """A one-page PDF whose title names the version: what the HTTP tests get instead of the
    rendered plan, so each version's file is still told apart from the others'."""
    writer = PdfWriter()
    writer.add_blank_page(72, 72)
    writer.add_metadata({"/Title": f"{pdf_filename(version)} (id {version.pk})"})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


# Modules that test the HTTP side of downloads (status codes, headers, caching, queueing), not
# what the PDF shows: there the renderer makes tiny_plan_pdf instead of laying out the plan.
# (test_plan_pdf.py reads the real PDF; a test that patches the renderer itself still can.)
HTTP_ONLY_MODULES = {"tests.pdf.test_download"}


@pytest.fixture(autouse=True)
def tiny_pdf_in_http_tests(request, monkeypatch):
    if request.module.__name__ in HTTP_ONLY_MODULES:
        monkeypatch.setattr("plans.pdf.render_plan_pdf", tiny_plan_pdf)


@pytest.fixture
def dummy_tasks(settings):
    """A task backend that only records what was queued (like a database queue, no worker)."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.tasks import default_task_backend

    return default_task_backend
