"""A plan whose focus areas sit in one group placed in no section, headed as the chapter that
holds it ("Indsatsområder", the group every plan typed in without groups gets): the chapter's
title is not repeated as the group's heading on the page, in its table of contents or in the
PDF, and the focus areas stand right under the chapter. Another heading, or two groups placed
nowhere, read as before (plans/outline.py)."""

import pytest

from plans.models import FocusArea, Plan
from plans.outline import build_outline
from plans.services import first_group
from tests.groups import group_for
from tests.pdf.pdftext import heading_levels, page_texts, read_pdf, squash

from .test_outline import (
    bookmark_tree,
    build_published_plan,
    headings,
    pdf_of_built_plan,
    toc,
)

pytestmark = pytest.mark.django_db

AREAS = ["Tryghed i nattelivet", "Unge og rusmidler"]


def group(heading: str, group_id: int = 1) -> dict:
    return {"id": group_id, "heading": heading, "order": group_id, "areas": []}


# --- The outline --------------------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["Indsatsområder", "  indsatsOMRÅDER \n"])
def test_a_lone_group_headed_as_its_chapter_is_not_headed_and_its_areas_take_its_level(heading):
    (shown,) = build_outline([], [group(heading)]).unplaced_groups
    assert shown["heading_shown"] is False
    assert (shown["area_heading"], shown["below_area"]) == (3, 4)


def test_the_workspace_keeps_the_lone_group_to_edit_it():
    (shown,) = build_outline([], [group("Indsatsområder")], lone_group_shown=True).unplaced_groups
    assert shown["heading_shown"] is True
    assert (shown["heading_level"], shown["area_heading"], shown["below_area"]) == (3, 4, 5)


@pytest.mark.parametrize(
    "groups",
    [
        [group("Nationale indsatsområder")],
        [group("Lokalt valgte indsatsområder")],
        [group("Indsatsområder", 1), group("Nationale indsatsområder", 2)],
    ],
)
def test_another_heading_or_two_groups_keep_their_headings(groups):
    for shown in build_outline([], groups).unplaced_groups:
        assert shown["heading_shown"] is True
        assert (shown["heading_level"], shown["area_heading"], shown["below_area"]) == (3, 4, 5)


def test_a_lone_group_placed_in_a_section_keeps_its_heading():
    sections = [{"id": 7, "title": "Indsatsområder", "order": 1}]
    outline = build_outline(sections, [{**group("Indsatsområder"), "section": 7}])
    assert not outline.unplaced_groups
    assert outline.chapters[0].groups[0]["heading_shown"] is True


# --- The public page and the PDF ----------------------------------------------------------------


def build_one_group_plan(district, *heading: str) -> Plan:
    """A published plan with a chapter and its focus areas in the plan's first group (as the
    admin and the workspace make it), or in groups with these headings."""

    def fill(plan: Plan) -> None:
        plan.sections.create(title="Indledning", body="<p>Om planen.</p>", order=1)
        groups = [group_for(plan, "district", heading=h) for h in heading] or [first_group(plan)]
        for order, title in enumerate(AREAS):
            FocusArea.objects.create(
                plan=plan, group=groups[order % len(groups)], title=title, order=order
            )

    return build_published_plan(district, fill)


@pytest.fixture
def one_group(district):
    return build_one_group_plan(district)


@pytest.fixture(scope="module")
def one_group_pdf(django_db_setup, django_db_blocker) -> bytes:
    """The one-group plan's PDF, rendered once for the module and rolled back."""
    return pdf_of_built_plan(django_db_blocker, build_one_group_plan)


def test_the_page_heads_the_areas_once_under_the_chapter(client, one_group):
    html = client.get(one_group.get_absolute_url()).text
    shown = headings(html)
    start = shown.index((2, "Indsatsområder"))
    assert shown[start:] == [(2, "Indsatsområder"), *((3, title) for title in AREAS)]
    # Links to the group still land.
    assert f'id="gruppe-{one_group.focus_area_groups.get().pk}"' in html


def test_the_table_of_contents_lists_the_areas_under_the_chapter(client, one_group):
    entries = toc(client.get(one_group.get_absolute_url()).text)
    start = entries.index((1, "Indsatsområder"))
    assert entries[start : start + 3] == [(1, "Indsatsområder"), *((2, title) for title in AREAS)]
    assert [text for _depth, text in entries].count("Indsatsområder") == 1


@pytest.mark.parametrize(
    "heading",
    [("Nationale indsatsområder",), ("Indsatsområder", "Lokalt valgte indsatsområder")],
)
def test_another_heading_or_two_groups_are_shown_as_before(client, district, heading):
    plan = build_one_group_plan(district, *heading)
    html = client.get(plan.get_absolute_url()).text
    shown = headings(html)
    start = shown.index((2, "Indsatsområder"))
    groups = [(3, h) for h in heading]
    assert [h for h in shown[start:] if h[0] == 3] == groups
    assert all((4, title) in shown for title in AREAS)
    entries = toc(html)
    assert [(2, h) for h in heading] == [e for e in entries if e[0] == 2 and e[1] in heading]
    assert all((3, title) in entries for title in AREAS)


def bookmark_titles(tree) -> list[str]:
    return [title for title, children in tree for title in [title, *bookmark_titles(children)]]


def test_the_pdf_names_the_chapter_once_as_a_heading(one_group_pdf):
    bookmarks = bookmark_tree(read_pdf(one_group_pdf).outline)
    tree = dict(bookmarks[0][1])  # under the cover's H1
    assert [title for title, _ in tree["Indsatsområder"]] == AREAS
    assert bookmark_titles(bookmarks).count("Indsatsområder") == 1
    text = squash(" ".join(page_texts(one_group_pdf)))
    # The chapter's heading and lead, then straight on to its first area: no group heading.
    lead = "Planen har 2 indsatsområder. Hvert område beskriver baggrunden, ambitionen og de "
    lead += "aktiviteter, der skal føre ambitionen ud i livet, med ansvarlig og tidsramme."
    assert squash(f"Indsatsområder {lead} {AREAS[0]}") in text, text


def test_the_pdf_skips_no_heading_level(one_group_pdf):
    levels = heading_levels(one_group_pdf)
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not skips, levels
    # Indledning, Indsatsområder, its two areas, the organisation appendix.
    assert "2,2,3,3,2" in ",".join(map(str, levels)), levels
