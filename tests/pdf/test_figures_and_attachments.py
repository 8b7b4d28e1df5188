"""A section's figure in the plan PDF, tagged as a figure with its alt text, and the list of the
plan's attachments."""

import pytest
from django.db import transaction
from django.test import override_settings

from councils.models import Council, PoliceDistrict
from plans.pdf import render_plan_pdf
from plans.services import add_plan_attachment, add_section_figure
from tests.pdf.conftest import build_demo_plan, publish_first_version
from tests.pdf.pdftext import page_texts, read_pdf, squash

from ..uploads import pdf_bytes, png_bytes

ALT = "Organisationsdiagram: kredsrådet øverst, under det lokalrådene og deres lokalråd+"
CAPTION = "Figur 1: Samarbejdets tre niveauer"
ATTACHMENTS = ["Forretningsorden for kredsrådet", "Kommissorium for lokalrådene"]


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker, tmp_path_factory) -> bytes:
    """The demo plan with a figure and two attachments, rendered once for the module."""
    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        district = PoliceDistrict.objects.get(slug="syd-og-soenderjyllands-politi")
        plan = build_demo_plan(
            district,
            Council.objects.get(district=district, slug="esbjerg"),
            Council.objects.get(district=district, slug="toender"),
        )
        section = plan.sections.get(title="Samarbejdet i tre niveauer")
        add_section_figure(
            section=section, image=png_bytes((600, 300)), alt_text=ALT, caption=CAPTION
        )
        for order, title in enumerate(ATTACHMENTS):
            add_plan_attachment(plan=plan, pdf=pdf_bytes(title), title=title, order=order)
        content = render_plan_pdf(publish_first_version(plan))
        transaction.set_rollback(True)
    return content


@pytest.fixture
def figure_pdf(rendered, db):
    """(`db` keeps these among the database tests, as tests/pdf/test_plan_pdf.py explains.)"""
    return rendered


def struct_elements(pdf: bytes):
    stack = [read_pdf(pdf).trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        yield node
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                stack.append(kid)


def test_the_figure_is_tagged_with_its_alt_text(figure_pdf):
    figures = [
        str(node["/Alt"])
        for node in struct_elements(figure_pdf)
        if node.get("/S") == "/Figure" and "/Alt" in node
    ]
    assert ALT in figures


def test_the_figure_has_its_caption_tagged_in_its_section(figure_pdf):
    assert any(node.get("/S") == "/Caption" for node in struct_elements(figure_pdf))
    pages = [squash(text) for text in page_texts(figure_pdf)]
    page = next(text for text in pages if squash(CAPTION) in text)
    assert squash("Samarbejdet i tre niveauer") in page


def test_the_figure_image_is_in_the_pdf(figure_pdf):
    reader = read_pdf(figure_pdf)
    images = [image for page in reader.pages for image in page.images]
    assert any(image.image.size == (600, 300) for image in images)


def test_the_attachments_are_listed_by_title(figure_pdf):
    text = squash("".join(page_texts(figure_pdf)))
    assert squash("Vedhæftede bilag") in text
    for title in ATTACHMENTS:
        assert squash(title) in text
    assert squash("(PDF,") in text
