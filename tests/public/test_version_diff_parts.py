"""The public version diff shows the parts issue 13 added (groups, goals, figures, attachments,
organisation), with headings in order and without JavaScript; old versions still compare."""

import re

import pytest
from django.urls import reverse

from councils.models import Membership, StaffFunction
from plans.models import Goal, PlanVersion
from plans.services import add_plan_attachment, add_section_figure
from tests.uploads import pdf_bytes, png_bytes

from .conftest import plan_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def revised(content, publish, district):
    """Version 1 with a figure; version 2 with its caption changed, an attachment, a renamed
    group, a goal of the police, a seat by function and a staff function."""
    section = content.sections.get(title="Organisering")
    figure = add_section_figure(
        section=section, image=png_bytes(), alt_text="Tre niveauer", caption="Figur 1"
    )
    publish(content)
    figure.caption = "Figur 1: De tre niveauer"
    figure.save()
    add_plan_attachment(plan=content, pdf=pdf_bytes(), title="Forretningsorden")
    content.focus_area_groups.filter(kind="local").update(heading="Lokale indsatsområder")
    Goal.objects.create(plan=content, party="police", text="Flere synlige patruljer")
    Membership.objects.create(
        council=district.district_council, title="Kommunaldirektør", organisation="Fanø Kommune"
    )
    StaffFunction.objects.create(district=district, name="Kriminalpræventivt sekretariat")
    publish(content)
    return content, figure


def diff_page(client, plan) -> str:
    response = client.get(plan_url(plan, "public:version_diff", old=1, new=2))
    assert response.status_code == 200
    return response.content.decode()


def test_diff_page_has_a_section_per_new_part_with_headings_in_order(client, revised):
    plan, _figure = revised
    html = diff_page(client, plan)
    headings = re.findall(r"<h(\d)[^>]*>([^<]*)</h\d>", html.split("<main", 1)[1])
    assert [level for level, _text in headings] == ["1"] + ["2"] * (len(headings) - 1)
    texts = [text for _level, text in headings]
    assert texts[1:] == [
        "Mål for parterne",
        "Figurer",
        "Grupper af indsatsområder",
        "Vedhæftede bilag",
        "Organisering",
    ]


def test_diff_page_shows_the_new_parts_in_words(client, revised, district):
    plan, _figure = revised
    html = diff_page(client, plan)
    assert "<ins>Flere synlige patruljer</ins>" in html
    assert "(under »Politiet vil« i planens mål)" in html
    assert "<ins>Forretningsorden</ins>" in html
    assert "<ins>Kommunaldirektør, Fanø Kommune</ins>" in html
    assert f"(plads i {district.district_council.name})" in html
    assert "<ins>Kriminalpræventivt sekretariat</ins>" in html
    assert "(stabsfunktion)" in html
    # The renamed group's heading, word by word.
    assert (
        '<del><span class="visually-hidden">fjernet: </span>Lokalt valgte</del>'
        '<ins><span class="visually-hidden">tilføjet: </span>Lokale</ins> indsatsområder'
    ) in html


def test_a_changed_figure_reads_before_and_after_without_javascript(client, revised):
    plan, figure = revised
    html = diff_page(client, plan)
    figures = html.split("<h2>Figurer</h2>", 1)[1].split("</ul>", 1)[0]
    assert "Ændret:</span> Figur 1: De tre niveauer" in figures
    assert "(i afsnittet »Organisering«)" in figures
    assert "<details open>" in figures and "<summary>" in figures
    assert 'Figur 1<ins><span class="visually-hidden">tilføjet: </span>: De tre niveauer</ins>' in (
        figures
    )
    for number in (1, 2):
        address = reverse(
            "files:figure",
            kwargs={
                "district": plan.district.slug,
                "period": plan.period_label,
                "number": number,
                "figure_id": figure.pk,
            },
        )
        assert f'href="{address}"' in figures
        assert client.get(address).status_code == 200


def test_a_version_published_before_figures_attachments_and_organisation_still_compares(
    client, revised
):
    plan, _figure = revised
    first = plan.versions.get(number=1)
    old = dict(first.snapshot)
    del old["attachments"], old["organisation"]
    old["sections"] = [{k: v for k, v in s.items() if k != "figures"} for s in old["sections"]]
    PlanVersion.objects.filter(pk=first.pk).update(snapshot=old)
    html = diff_page(client, plan)
    figures = html.split("<h2>Figurer</h2>", 1)[1].split("</ul>", 1)[0]
    assert "Tilføjet:</span> <ins>Figur 1: De tre niveauer</ins>" in figures
    assert "<ins>Forretningsorden</ins>" in html
