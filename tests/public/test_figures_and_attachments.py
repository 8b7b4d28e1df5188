"""A section's figures and a plan's attachments on the public plan page, served as the published
version froze them; a draft's files are the secretariat's alone."""

import pytest
from django.core.files.base import ContentFile

from plans.services import add_plan_attachment, add_section_figure

from ..uploads import pdf_bytes, png_bytes
from .conftest import plan_url

pytestmark = pytest.mark.django_db

ALT = "Kredsrådet øverst, under det lokalrådene og lokalråd+"
CAPTION = "Figur 1: Samarbejdets tre niveauer"
TITLE = "Forretningsorden for kredsrådet"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def with_files(content):
    section = content.sections.get(title="Organisering")
    figure = add_section_figure(section=section, image=png_bytes(), alt_text=ALT, caption=CAPTION)
    attachment = add_plan_attachment(plan=content, pdf=pdf_bytes(), title=TITLE)
    return content, figure, attachment


def figure_url(plan, figure, number=1):
    return plan_url(plan, "files:figure", number=number, figure_id=figure.pk)


def attachment_url(plan, attachment, number=1, pk=None):
    return plan_url(plan, "files:attachment", number=number, attachment_id=pk or attachment.pk)


def test_the_plan_page_shows_the_figure_with_alt_text_and_caption(client, with_files, publish):
    plan, figure, _attachment = with_files
    publish(plan)
    html = client.get(plan_url(plan)).text
    assert f'<img src="{figure_url(plan, figure)}" alt="{ALT}" width="120" height="80"' in html
    assert f"<figcaption>{CAPTION}</figcaption>" in html


def test_the_plan_page_lists_the_attachments_with_type_and_size(client, with_files, publish):
    plan, _figure, attachment = with_files
    publish(plan)
    html = client.get(plan_url(plan)).text
    assert f'<a href="{attachment_url(plan, attachment)}">{TITLE}</a>' in html
    assert "(PDF, " in html
    assert 'href="#vedhaeftede-bilag"' in html


def test_anyone_downloads_a_published_figure_and_attachment(client, with_files, publish):
    plan, figure, attachment = with_files
    publish(plan)
    response = client.get(figure_url(plan, figure))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    response = client.get(attachment_url(plan, attachment))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="forretningsorden-for-kredsraadet.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_drafts_files_are_not_public(client, with_files, secretary, make_user):
    plan, figure, attachment = with_files  # a draft: never published
    assert client.get(figure_url(plan, figure)).status_code == 404
    assert client.get(attachment_url(plan, attachment)).status_code == 404
    preview = plan_url(plan, "files:preview_attachment", attachment_id=attachment.pk)
    assert client.get(preview).status_code == 302  # to the sign-in page
    client.force_login(make_user("medlem"))
    assert client.get(preview).status_code == 404
    client.force_login(secretary)
    response = client.get(preview)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_an_attachment_added_after_publication_is_not_public(client, published, publish):
    attachment = add_plan_attachment(plan=published, pdf=pdf_bytes(), title="Nyt udkast")
    assert "Nyt udkast" not in client.get(plan_url(published)).text
    assert client.get(attachment_url(published, attachment)).status_code == 404


def test_a_published_versions_files_stay_when_the_draft_changes_them(client, with_files, publish):
    plan, figure, attachment = with_files
    publish(plan)
    with figure.image.open("rb") as stored:
        first_image = stored.read()
    figure.image.save("ny.png", ContentFile(png_bytes(colour="crimson")), save=True)
    attachment_id = attachment.pk
    attachment.delete()
    publish(plan, note="Ny figur; forretningsordenen er taget ud.")

    old = client.get(figure_url(plan, figure, number=1))
    assert b"".join(old.streaming_content) == first_image
    assert client.get(attachment_url(plan, attachment, 1, attachment_id)).status_code == 200
    new = client.get(figure_url(plan, figure, number=2))
    assert b"".join(new.streaming_content) != first_image
    assert client.get(attachment_url(plan, attachment, 2, attachment_id)).status_code == 404


def test_the_json_export_names_the_files(client, with_files, publish):
    plan, figure, attachment = with_files
    publish(plan)
    data = client.get(plan_url(plan, "public:version_json", number=1)).json()["indhold"]
    section = next(s for s in data["sections"] if s["title"] == "Organisering")
    assert section["figures"][0]["alt_text"] == ALT
    assert section["figures"][0]["caption"] == CAPTION
    assert data["attachments"][0]["title"] == TITLE
    assert data["attachments"][0]["file"] == attachment.file.name


def test_the_preview_shows_the_drafts_figure_from_its_own_address(client, with_files, secretary):
    plan, figure, _attachment = with_files
    client.force_login(secretary)
    html = client.get(plan_url(plan, "public:preview")).text
    address = plan_url(plan, "files:preview_figure", figure_id=figure.pk)
    assert address in html
    assert client.get(address).status_code == 200
