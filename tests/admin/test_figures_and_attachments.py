"""The secretariat adds figures to a section and PDF attachments to a plan in the admin, as a
user would: a good PNG or JPEG is stored re-encoded without metadata, a good PDF as it is, and
every bad file is refused with a Danish message next to the field, the rest of the input kept
and nothing saved."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from plans.models import PlanAttachment, PlanSection, SectionFigure

from ..uploads import CAMERA, jpeg_with_exif, pdf_bytes, png_bytes, upload
from .html_forms import admin_form, single

pytestmark = pytest.mark.django_db

ALT = "Kredsrådet øverst; under det tre lokalråd, der hver samler kommunens og politiets ledere."
CAPTION = "Figur 1: Samarbejdets organisering"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def section(world):
    """A section of district A's plan without figures yet."""
    return PlanSection.objects.create(plan=world["plan"], title="Organisering", body="", order=5)


@pytest.fixture
def plan(world):
    """District A's plan without attachments yet."""
    world["plan"].attachments.all().delete()
    return world["plan"]


def section_url(section):
    return reverse("admin:plans_plansection_change", args=[section.pk])


def post_figure(client, section, file, *, alt=ALT, caption=CAPTION):
    url = section_url(section)
    data = single(
        admin_form(client.get(url)),
        **{"figures-0-alt_text": alt, "figures-0-caption": caption},
    )
    return client.post(url, {**data, "figures-0-image": file})


def inline_errors(response, model) -> dict:
    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.model is model
    )
    return formset.forms[0].errors


def stored_files(media_root) -> set:
    return {path for path in media_root.rglob("*") if path.is_file()}


def test_a_png_figure_is_stored_re_encoded_with_its_size(secretary_client, section):
    response = post_figure(
        secretary_client, section, upload(png_bytes(), "organisation.png", "image/png")
    )
    assert response.status_code == 302, response.context["errors"]
    figure = SectionFigure.objects.get(section=section)
    assert (figure.alt_text, figure.caption) == (ALT, CAPTION)
    assert (figure.width, figure.height) == (120, 80)
    assert figure.image.name.startswith("plans/figures/")
    assert figure.image.name.endswith(".png")
    with figure.image.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "PNG"


def test_a_jpeg_figure_loses_its_exif_and_stays_upright(secretary_client, section):
    response = post_figure(
        secretary_client, section, upload(jpeg_with_exif(), "foto.jpg", "image/jpeg")
    )
    assert response.status_code == 302, response.context["errors"]
    figure = SectionFigure.objects.get(section=section)
    with figure.image.open("rb") as stored:
        data = stored.read()
    assert CAMERA.encode() not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert image.size == (80, 120)  # turned as the EXIF said, then the EXIF dropped
    assert (figure.width, figure.height) == (80, 120)


def test_bytes_hidden_after_the_image_are_not_stored(secretary_client, section):
    hidden = b"<script>alert(1)</script>"
    post_figure(secretary_client, section, upload(png_bytes() + hidden, "figur.png", "image/png"))
    figure = SectionFigure.objects.get(section=section)
    with figure.image.open("rb") as stored:
        assert hidden not in stored.read()


TOO_MANY_PIXELS = "Billedet er for stort: 9000 × 9000 punkter"
NOT_AN_IMAGE = "Filen er ikke et billede i PNG- eller JPEG-format"
BROKEN = "Billedet kan ikke læses: filen er ufuldstændig eller beskadiget"


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (lambda: upload(b"Bare tekst, intet billede.", "figur.png", "image/png"), NOT_AN_IMAGE),
        (lambda: upload(pdf_bytes(), "figur.png", "image/png"), NOT_AN_IMAGE),
        (lambda: upload(png_bytes((400, 300))[:300], "figur.png", "image/png"), BROKEN),
        (lambda: upload(jpeg_with_exif((400, 300))[:400], "figur.jpg", "image/jpeg"), BROKEN),
        (lambda: upload(png_bytes((9000, 9000), mode="1"), "figur.png"), TOO_MANY_PIXELS),
        (
            lambda: upload(b"\x89PNG\r\n\x1a\n" + b"0" * (5 * 1024 * 1024), "stor.png"),
            "Filen er for stor (5,0\xa0MB). Den må højst fylde 5,0\xa0MB.",
        ),
    ],
    ids=["text", "pdf-renamed-png", "truncated-png", "truncated-jpeg", "pixels", "bytes"],
)
def test_a_bad_figure_is_refused_next_to_the_field_and_nothing_is_saved(
    secretary_client, section, media_root, make_file, message
):
    files_before = stored_files(media_root)
    response = post_figure(secretary_client, section, make_file(), caption="Min billedtekst")
    assert response.status_code == 200
    errors = inline_errors(response, SectionFigure)
    assert any(message in error for error in errors["image"]), errors
    assert "Min billedtekst" in response.text  # the user's input is kept
    assert not SectionFigure.objects.filter(section=section).exists()
    assert stored_files(media_root) == files_before


def test_a_figure_needs_alt_text_and_a_caption(secretary_client, section):
    response = post_figure(
        secretary_client, section, upload(png_bytes(), "figur.png"), alt="", caption=""
    )
    assert response.status_code == 200
    errors = inline_errors(response, SectionFigure)
    assert set(errors) >= {"alt_text", "caption"}
    assert not SectionFigure.objects.filter(section=section).exists()


def test_the_plan_page_links_to_the_sections_figures(secretary_client, world):
    response = secretary_client.get(reverse("admin:plans_plan_change", args=[world["plan"].pk]))
    assert "1 figur – rediger på afsnittets side" in response.text


# --- Attachments --------------------------------------------------------------------------


def post_attachment(client, plan, file, *, title="Forretningsorden for kredsrådet"):
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    data = single(admin_form(client.get(url)), **{"attachments-0-title": title})
    return client.post(url, {**data, "attachments-0-file": file})


def test_a_pdf_attachment_is_stored_with_its_size(secretary_client, plan):
    content = pdf_bytes()
    response = post_attachment(secretary_client, plan, upload(content, "forretningsorden.pdf"))
    assert response.status_code == 302, response.context["errors"]
    attachment = PlanAttachment.objects.get(plan=plan)
    assert attachment.title == "Forretningsorden for kredsrådet"
    assert attachment.size == len(content)
    assert attachment.file.name.startswith("plans/attachments/")
    with attachment.file.open("rb") as stored:
        assert stored.read() == content


NOT_A_PDF = "Filen er ikke en PDF-fil. Et bilag skal være en PDF."
BROKEN_PDF = "PDF-filen kan ikke læses: den er ufuldstændig eller beskadiget"


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (lambda: upload(png_bytes(), "bilag.pdf", "application/pdf"), NOT_A_PDF),
        (lambda: upload(b"Kun tekst", "bilag.pdf", "application/pdf"), NOT_A_PDF),
        (lambda: upload(pdf_bytes()[:500], "bilag.pdf", "application/pdf"), BROKEN_PDF),
        (
            lambda: upload(b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024), "stor.pdf"),
            "Den må højst fylde 10,0\xa0MB.",
        ),
    ],
    ids=["png-renamed-pdf", "text", "truncated", "bytes"],
)
def test_a_bad_attachment_is_refused_next_to_the_field_and_nothing_is_saved(
    secretary_client, plan, media_root, make_file, message
):
    files_before = stored_files(media_root)
    response = post_attachment(secretary_client, plan, make_file(), title="Mit bilag")
    assert response.status_code == 200
    errors = inline_errors(response, PlanAttachment)
    assert any(message in error for error in errors["file"]), errors
    assert "Mit bilag" in response.text
    assert not PlanAttachment.objects.filter(plan=plan).exists()
    assert stored_files(media_root) == files_before


def test_another_districts_secretariat_cannot_reach_a_figure(client, other_secretary, world):
    client.force_login(other_secretary)
    figure = world["sectionfigure"]
    response = client.get(reverse("admin:plans_sectionfigure_change", args=[figure.pk]))
    assert response.status_code == 404
