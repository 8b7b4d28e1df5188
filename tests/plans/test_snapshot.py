import json

import pytest
from django.core.files.base import ContentFile

from forums.models import Forum
from plans.models import PlanSection
from plans.services import add_plan_attachment, add_section_figure
from plans.snapshot import build_snapshot
from tests.uploads import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


def test_snapshot_holds_the_plan_content_as_json(district, make_plan):
    plan = make_plan(district, activities=2)
    PlanSection.objects.create(plan=plan, title="Organisering", body="<p>Tre niveauer</p>")
    Forum.objects.create(
        district=district, name="SSP", slug="ssp", kind="ssp", legal_basis="Retsplejelovens § 115"
    )
    snapshot = json.loads(json.dumps(build_snapshot(plan)))
    assert snapshot["plan"]["period_label"] == "2017-2018"
    assert [s["title"] for s in snapshot["sections"]] == ["Organisering"]
    assert [a["text"] for a in snapshot["focus_areas"][0]["activities"]] == [
        "Aktivitet 1",
        "Aktivitet 2",
    ]
    assert snapshot["forums"][0]["legal_basis"] == "Retsplejelovens § 115"


def test_snapshot_never_contains_internal_notes_or_contact_data(district, make_plan):
    text = json.dumps(build_snapshot(make_plan(district)))
    assert "internal_note" not in text
    assert "email" not in text


def test_snapshot_keeps_each_sections_figures_and_the_plans_attachments(
    district, make_plan, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    plan = make_plan(district)
    section = PlanSection.objects.create(plan=plan, title="Organisering", body="<p>To led</p>")
    figure = add_section_figure(
        section=section, image=png_bytes(), alt_text="To kasser", caption="Figur 1"
    )
    attachment = add_plan_attachment(plan=plan, pdf=pdf_bytes(), title="Forretningsorden")
    snapshot = json.loads(json.dumps(build_snapshot(plan)))
    assert snapshot["sections"][0]["figures"] == [
        {
            "id": figure.pk,
            "file": figure.image.name,
            "width": 120,
            "height": 80,
            "alt_text": "To kasser",
            "caption": "Figur 1",
            "order": 0,
        }
    ]
    assert snapshot["attachments"] == [
        {
            "id": attachment.pk,
            "title": "Forretningsorden",
            "file": attachment.file.name,
            "size": attachment.size,
            "order": 0,
        }
    ]


def test_a_new_upload_never_overwrites_a_file_a_snapshot_names(
    district, make_plan, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    section = PlanSection.objects.create(plan=make_plan(district), title="Organisering", body="")
    figure = add_section_figure(section=section, image=png_bytes(), alt_text="a", caption="b")
    frozen = build_snapshot(section.plan)["sections"][0]["figures"][0]["file"]
    figure.image.save("figur.png", ContentFile(png_bytes(colour="red")), save=True)
    figure.delete()
    assert figure.image.name != frozen
    assert (tmp_path / frozen).exists()
