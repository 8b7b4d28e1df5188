""" "Importér fra Word": a draft plan from the plan's .docx, by way of one upload page and one
mapping page. The Word files are built here with python-docx (tests/word.py)."""

import copy
import zipfile
from io import BytesIO
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from plans import docx_import
from plans.models import FocusArea, FocusAreaGroup, Plan, PlanSection, SectionFigure
from plans.views.workspace import IMPORT_SESSION_KEY
from tests.uploads import upload
from tests.word import WordFile, plan_docx

pytestmark = pytest.mark.django_db

UPLOAD = reverse("workspace:import_docx")
MAPPING = reverse("workspace:import_docx_map")


def send(client, data: bytes, *, name="plan.docx", start="2025", end="2026", url=UPLOAD):
    return client.post(
        url,
        {"file": upload(data, name), "title": "Samarbejdsplan", "period_start": start,
         "period_end": end},
    )  # fmt: skip


def mapping_data(response, **changes) -> dict:
    """What the mapping page would post as it stands (its initial choices), with `changes`."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is False or value is None:
            continue
        data[name] = "on" if value is True else value
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def part_names(response) -> dict:
    """The mapping form's field name of each part, by its heading."""
    form = response.context["form"]
    return {part.title: docx_import.part_field(i) for i, part in enumerate(form.document.parts)}


@pytest.fixture(scope="module", autouse=True)
def each_word_file_read_once():
    """mammoth reads each distinct Word file once for the module: a read is a function of the
    files inside the .docx (not of the times the ZIP gives them), and most tests upload the same
    plan. What the portal does with a read (the images stored, the session, the mapping page,
    the draft) still runs in every test, on a copy of it; a file that cannot be read is tried
    each time."""
    reads = {}
    read_docx = docx_import.read_docx

    def remembered(data: bytes):
        try:
            with zipfile.ZipFile(BytesIO(data)) as docx:
                key = tuple((name, docx.read(name)) for name in docx.namelist())
        except (zipfile.BadZipFile, KeyError, ValueError):
            return read_docx(data)
        if key not in reads:
            reads[key] = read_docx(data)
        return copy.deepcopy(reads[key])

    with mock.patch.object(docx_import, "read_docx", remembered):
        yield


@pytest.fixture
def mapped(client, secretariat):
    """The plan's Word file uploaded by the secretariat: the mapping page."""
    client.force_login(secretariat)
    response = send(client, plan_docx())
    assert response.status_code == 302 and response.url == MAPPING
    return client.get(MAPPING)


def test_the_mapping_page_shows_the_structure_found(mapped):
    html = mapped.content.decode()
    for heading in ("Forord", "Organisering", "Kredsrådet", "Møderne", "Indsatsområder"):
        assert heading in html
    assert "Overskrift 3" in html
    assert "Kredsrådet består af politidirektøren" in html  # the first words of its text
    assert "En tabel er lavet om til en punktliste" in html
    assert "Diagram over kredsrådet og lokalrådene" in html  # the alt text found
    assert "uden alternativ tekst i Word-filen" in html  # the image without
    assert 'src="data:image/jpeg;base64,' in html  # the user sees what to describe
    # The title suggested by the Word file's "Titel", without its years.
    assert 'name="title" value="Samarbejdsplan"' in html
    # Defaults from the heading levels; "Forord" is the foreword; the headings under the
    # chapter "Indsatsområder" are focus areas in group 1.
    form = mapped.context["form"]
    names = part_names(mapped)
    assert form[names["Forord"]].value() == "foreword"
    assert form[names["Organisering"]].value() == "chapter"
    assert form[names["Kredsrådet"]].value() == "sub"
    assert form[names["Møderne"]].value() == "subsub"
    assert form[names["Unge og kriminalitet"]].value() == "group-0"


def test_creating_gives_the_outline_foreword_groups_and_figures(client, mapped, district):
    names = part_names(mapped)
    data = mapping_data(
        mapped,
        **{
            "group-0-heading": "Nationale indsatsområder",
            "group-0-kind": "national",
            "group-0-ranked": "on",
            "group-1-heading": "Kredsfælles indsatsområder",
            "group-1-kind": "district",
            names["Vold i nære relationer"]: "group-1",
            "image-1-alt": "Kort over de fire lokalråd",
        },
    )
    response = client.post(MAPPING, data)
    assert response.status_code == 302, response.context["form"].errors
    plan = Plan.objects.get(district=district, period_start=2025, period_end=2026)
    assert plan.status == Plan.Status.DRAFT and plan.title == "Samarbejdsplan"
    assert "<strong>Tryghed er målet.</strong>" in plan.foreword
    chapters = list(plan.sections.filter(parent=None).order_by("order"))
    assert [c.title for c in chapters] == ["Organisering", "Indsatsområder"]
    organisation = chapters[0]
    assert "<li>" in organisation.body and "Kredsråd – 2" in organisation.body
    subs = list(organisation.children.order_by("order"))
    assert [s.title for s in subs] == ["Kredsrådet", "Lokalrådene"]
    assert subs[0].children.get().title == "Møderne"
    figure = subs[0].figures.get()
    assert figure.alt_text == "Diagram over kredsrådet og lokalrådene"
    assert figure.caption == "Figur 1: Organisationen"
    assert subs[1].figures.get().alt_text == "Kort over de fire lokalråd"
    national = plan.focus_area_groups.get(heading="Nationale indsatsområder")
    assert national.ranked and national.kind == "national"
    assert national.section == chapters[1], "placed in the chapter before its first area"
    assert [(a.title, a.rank) for a in national.focus_areas.order_by("rank")] == [
        ("Unge og kriminalitet", 1),
        ("Tryghed i nattelivet", 2),
    ]
    shared = plan.focus_area_groups.get(heading="Kredsfælles indsatsområder")
    area = shared.focus_areas.get()
    assert area.title == "Vold i nære relationer" and area.rank is None
    assert "Ofre skal have hjælp tidligt." in area.background


def test_the_start_page_says_what_was_created_and_lists_the_draft(client, mapped, district):
    data = mapping_data(mapped, **{"image-1-omit": "on"})
    response = client.post(MAPPING, data, follow=True)
    html = response.content.decode()
    assert (
        "Kladden Samarbejdsplan 2025-2026 er oprettet fra Word-filen: 2 kapitler, 2 "
        "underafsnit, 1 under-underafsnit, 3 indsatsområder i 1 gruppe, 1 figur og forordet."
    ) in html
    plan = Plan.objects.get(district=district, period_start=2025)
    assert reverse("admin:plans_plan_change", args=[plan.pk]) in html
    assert f"/{district.slug}/samarbejdsplan/2025-2026/forhaandsvisning/" in html


def test_the_preview_of_the_new_draft_shows_what_was_imported(client, mapped, district):
    client.post(MAPPING, mapping_data(mapped, **{"image-1-alt": "Kort over lokalrådene"}))
    preview = reverse("public:preview", kwargs={"district": district.slug, "period": "2025-2026"})
    html = client.get(preview).content.decode()
    for text in (
        "Tryghed er målet.",
        "Organisering",
        "Møderne",
        "Kredsrådet mødes mindst to gange om året.",
        "Tryghed i nattelivet",
        'alt="Diagram over kredsrådet og lokalrådene"',
        'alt="Kort over lokalrådene"',
    ):
        assert text in html


def test_the_import_folder_is_removed_when_the_plan_is_created(client, mapped):
    import_id = client.session[IMPORT_SESSION_KEY]["id"]
    assert default_storage.exists(f"imports/{import_id}")
    client.post(MAPPING, mapping_data(mapped, **{"image-1-omit": "on"}))
    assert not default_storage.exists(f"imports/{import_id}")
    assert IMPORT_SESSION_KEY not in client.session


def test_cancelling_creates_nothing_and_removes_the_images(client, mapped):
    import_id = client.session[IMPORT_SESSION_KEY]["id"]
    before = Plan.objects.count()
    response = client.post(MAPPING, {"cancel": "1"})
    assert response.status_code == 302
    assert Plan.objects.count() == before
    assert not default_storage.exists(f"imports/{import_id}")


def test_stale_imports_are_removed(client, mapped):
    import_id = client.session[IMPORT_SESSION_KEY]["id"]
    later = default_storage.get_modified_time(f"imports/{import_id}") + docx_import.KEPT_FOR * 2
    docx_import.discard_stale(now=later)
    assert not default_storage.exists(f"imports/{import_id}")


def test_script_and_event_handlers_in_the_document_come_out_sanitised(client, secretariat):
    data = (
        WordFile()
        .heading("<img src=x onerror=alert(1)>", 1)
        .paragraph("<script>alert('tekst')</script>")
        .link("Klik her", "javascript:alert(1)")
        .link("Politiets side", "https://politi.dk/")
        .bytes()
    )
    client.force_login(secretariat)
    send(client, data)
    mapped = client.get(MAPPING)
    page = mapped.content.decode()
    assert "<img src=x" not in page and "<script>alert" not in page
    assert client.post(MAPPING, mapping_data(mapped)).status_code == 302
    section = PlanSection.objects.get(plan__period_start=2025)
    assert section.title == "<img src=x onerror=alert(1)>"  # text, escaped wherever shown
    assert "<script" not in section.body and "javascript:" not in section.body
    assert "&lt;script&gt;" in section.body
    assert '<a href="https://politi.dk/"' in section.body
    preview = reverse(
        "public:preview", kwargs={"district": section.plan.district.slug, "period": "2025-2026"}
    )
    html = client.get(preview).content.decode()
    assert "<img src=x onerror" not in html and "<script>alert(" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def broken_zip() -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>" * 200)
    return out.getvalue()[:-40]


def zip_without_document() -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", "<office:document/>")
    return out.getvalue()


def cfb(stream_name: str) -> bytes:
    return docx_import.CFB_MAGIC + b"\0" * 504 + stream_name.encode("utf-16-le") + b"\0" * 64


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Samarbejdsplan 2025-2026\nForord\n", "Filen er ikke en Word-fil (.docx)."),
        (zip_without_document(), "Filen er ikke en Word-fil (.docx)."),
        (broken_zip(), "Word-filen kan ikke læses: den er ufuldstændig eller beskadiget."),
        (cfb("EncryptedPackage"), "Filen er beskyttet med adgangskode"),
        (cfb("WordDocument"), "Filen er et ældre Word-dokument (.doc)."),
        (b"PK" + b"\0" * docx_import.MAX_DOCX_BYTES, "Filen er for stor"),
    ],
    ids=["text", "not-word-zip", "broken-zip", "password", "old-doc", "too-large"],
)
def test_bad_files_are_refused_in_danish_and_create_nothing(client, secretariat, data, message):
    client.force_login(secretariat)
    before = (Plan.objects.count(), PlanSection.objects.count(), SectionFigure.objects.count())
    response = send(client, data, start="2031", end="2032")
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'name="period_start" value="2031"' in html and 'name="period_end" value="2032"' in html
    assert IMPORT_SESSION_KEY not in client.session
    after = (Plan.objects.count(), PlanSection.objects.count(), SectionFigure.objects.count())
    assert after == before


def test_a_period_the_district_has_is_refused_at_upload(client, secretariat, draft_plan):
    client.force_login(secretariat)
    response = send(client, plan_docx(), start="2019", end="2020")
    assert "Kredsen har allerede en samarbejdsplan for 2019-2020." in response.content.decode()
    assert IMPORT_SESSION_KEY not in client.session


def refused(client, mapped, **changes):
    before = (Plan.objects.count(), FocusArea.objects.count(), FocusAreaGroup.objects.count())
    response = client.post(MAPPING, mapping_data(mapped, **changes))
    assert response.status_code == 200
    after = (Plan.objects.count(), FocusArea.objects.count(), FocusAreaGroup.objects.count())
    assert after == before, "nothing created"
    return response.content.decode()


def test_a_sub_section_before_any_chapter_is_refused_and_the_choices_kept(client, mapped):
    names = part_names(mapped)
    html = refused(
        client,
        mapped,
        **{names["Organisering"]: "sub", names["Forord"]: "skip", "image-1-alt": "Kort"},
    )
    assert "»Organisering« kan ikke være et underafsnit: der er intet kapitel før det." in html
    assert '<option value="sub" selected>' in html
    assert "Kort</textarea>" in html


def test_a_third_level_directly_under_a_chapter_is_refused(client, mapped):
    names = part_names(mapped)
    html = refused(client, mapped, **{names["Kredsrådet"]: "subsub", "image-1-omit": "on"})
    assert "»Kredsrådet« kan ikke være et under-underafsnit" in html
    assert "højst tre niveauer" in html


def test_a_period_taken_meanwhile_is_refused_on_the_mapping_page(client, mapped, make_plan):
    make_plan(mapped.context["district"], start=2025, end=2026)
    html = refused(client, mapped, **{"image-1-omit": "on"})
    assert "Kredsen har allerede en samarbejdsplan for 2025-2026." in html


def test_a_figure_needs_alt_text_or_to_be_left_out(client, mapped):
    html = refused(client, mapped)
    assert "Skriv en alternativ tekst, der siger, hvad figuren viser" in html


def test_a_used_group_needs_a_heading(client, mapped):
    html = refused(client, mapped, **{"group-0-heading": "", "image-1-omit": "on"})
    assert "Giv gruppen en overskrift" in html


def test_the_mapping_page_without_an_upload_leads_to_the_upload(client, secretariat):
    client.force_login(secretariat)
    response = client.get(MAPPING)
    assert response.status_code == 302 and response.url == UPLOAD


def test_the_superuser_imports_for_the_district_chosen(client, superuser, district):
    client.force_login(superuser)
    assert client.get(UPLOAD).status_code == 302  # no district chosen yet
    response = send(client, plan_docx(), url=f"{UPLOAD}?kreds={district.slug}")
    assert response.status_code == 302
    mapped = client.get(MAPPING)
    response = client.post(MAPPING, mapping_data(mapped, **{"image-1-omit": "on"}))
    assert response.url == f"{reverse('workspace:home')}?kreds={district.slug}"
    assert Plan.objects.filter(district=district, period_start=2025).exists()


def test_another_districts_secretariat_imports_into_its_own(
    client, other_secretariat, other_district, district
):
    client.force_login(other_secretariat)
    send(client, plan_docx())
    mapped = client.get(MAPPING)
    client.post(MAPPING, mapping_data(mapped, **{"image-1-omit": "on"}))
    assert Plan.objects.filter(district=other_district, period_start=2025).exists()
    assert not Plan.objects.filter(district=district, period_start=2025).exists()


def test_the_start_page_offers_the_import(client, secretariat):
    client.force_login(secretariat)
    html = client.get(reverse("workspace:home")).content.decode()
    assert f'href="{UPLOAD}"' in html


def test_a_heading_can_stay_in_the_text_above_it_in_bold(client, mapped, district):
    names = part_names(mapped)
    data = mapping_data(mapped, **{names["Møderne"]: "text", "image-1-omit": "on"})
    assert client.post(MAPPING, data).status_code == 302
    section = PlanSection.objects.get(plan__district=district, title="Kredsrådet")
    assert not section.children.exists()
    assert "<p><strong>Møderne</strong></p><p>Kredsrådet mødes mindst to gange" in section.body
