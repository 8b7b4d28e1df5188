"""A plan's outline as a reader meets it: chapters with sub-sections and focus-area groups
placed in the chapter that introduces them, nested alike on the public page, in its table of
contents, and in the PDF's text, bookmarks and tag tree; versions published before the outline
read as they always did."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.utils.html import strip_tags

from councils.models import PoliceDistrict
from plans.models import FocusArea, Plan, PlanSection, PlanVersion
from plans.pdf import render_plan_pdf
from plans.publishing import detect_changes
from plans.snapshot import build_snapshot
from tests.groups import group_for
from tests.pdf.pdftext import heading_levels, page_texts, read_pdf, squash

from .conftest import plan_url

pytestmark = pytest.mark.django_db

# (title, parent title) in their order; the groups' places below.
SECTIONS = [
    ("Organisering af samarbejdet", None),
    ("Kredsrådet", "Organisering af samarbejdet"),
    ("Formandskabet", "Kredsrådet"),
    ("Lokalrådene", "Organisering af samarbejdet"),
    ("Kriminalitetsbekæmpelse", None),
    ("Afslutning", None),
]

# (level, heading) as the page and the PDF show them, in document order.
EXPECTED_HEADINGS = [
    (2, "Organisering af samarbejdet"),
    (3, "Kredsrådet"),
    (4, "Formandskabet"),
    (3, "Lokalrådene"),
    (2, "Kriminalitetsbekæmpelse"),
    (3, "Nationale indsatsområder med højeste prioritet"),
    (4, "Vold i nattelivet"),
    (2, "Afslutning"),
    (2, "Indsatsområder"),
    (3, "Kredsfælles indsatsområder"),
    (4, "Trygt nærmiljø"),
]


def build_published_plan(district, fill) -> Plan:
    """A 2024-2027 plan that `fill(plan)` gives its sections and focus areas, published as
    version 1 on 2 January 2024."""
    plan = Plan.objects.create(
        district=district,
        period_start=2024,
        period_end=2027,
        foreword="<p>Forord</p>",
        status=Plan.Status.PUBLISHED,
    )
    fill(plan)
    PlanVersion.objects.create(
        plan=plan, number=1, published_on=datetime.date(2024, 1, 2), snapshot=build_snapshot(plan)
    )
    return plan


def build_outline_plan(district) -> Plan:
    """A published plan: an organisation chapter three levels deep, an introduction to crime
    fighting that holds the national focus areas, a closing chapter, and the district-wide
    group placed nowhere (so in "Indsatsområder" after the chapters)."""
    return build_published_plan(district, _outline_content)


def _outline_content(plan: Plan) -> None:
    sections = {}
    for order, (title, parent) in enumerate(SECTIONS, start=1):
        sections[title] = PlanSection.objects.create(
            plan=plan,
            title=title,
            parent=sections.get(parent),
            body=f"<p>Teksten om {title.lower()}.</p>"
            if title != "Organisering af samarbejdet"
            else "",
            order=order,
        )
    FocusArea.objects.create(plan=plan, group=group_for(plan), title="Trygt nærmiljø", order=1)
    national = group_for(
        plan, "national", ranked=True, heading="Nationale indsatsområder med højeste prioritet"
    )
    national.section = sections["Kriminalitetsbekæmpelse"]
    national.save()
    FocusArea.objects.create(plan=plan, group=national, title="Vold i nattelivet", rank=1)


@pytest.fixture
def plan(district):
    return build_outline_plan(district)


def pdf_of_built_plan(django_db_blocker, build) -> bytes:
    """The PDF of the plan `build(district)` publishes, in a transaction rolled back after: for a
    module fixture, which renders it once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        district = PoliceDistrict.objects.get(slug="syd-og-soenderjyllands-politi")
        pdf = render_plan_pdf(build(district).versions.get())
        transaction.set_rollback(True)
    return pdf


@pytest.fixture(scope="module")
def outline_pdf(django_db_setup, django_db_blocker) -> bytes:
    """The plan's PDF, rendered once for the module and rolled back."""
    return pdf_of_built_plan(django_db_blocker, build_outline_plan)


def headings(html: str) -> list[tuple[int, str]]:
    """(level, text) of the h2–h6 of the plan's own text: after its table of contents, before
    its appendices."""
    article = html[html.index('<section id="forord"') : html.index('class="appendix"')]
    return [
        (int(level), strip_tags(text).strip())
        for level, text in re.findall(r"<h([2-6])[^>]*>(.*?)</h\1>", article, re.S)
    ]


class TocReader(HTMLParser):
    """(depth, text) of every link in the table of contents; depth 1 is the outer list."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.depth = 0
        self.links: list[list] = []
        self.link = None

    def handle_starttag(self, tag, attrs):
        if tag == "nav" and ("class", "plan-toc") in attrs:
            self.inside = True
        elif self.inside and tag == "ol":
            self.depth += 1
        elif self.inside and tag == "a":
            self.link = [self.depth, ""]
            self.links.append(self.link)

    def handle_endtag(self, tag):
        if tag == "nav":
            self.inside = False
        elif self.inside and tag == "ol":
            self.depth -= 1
        elif tag == "a":
            self.link = None

    def handle_data(self, data):
        if self.link is not None:
            self.link[1] += data


def toc(html: str) -> list[tuple[int, str]]:
    reader = TocReader()
    reader.feed(html)
    return [(depth, text.strip()) for depth, text in reader.links]


# --- The public page ----------------------------------------------------------------------------


def test_headings_nest_as_the_outline_with_groups_in_their_chapter(client, plan):
    html = client.get(plan.get_absolute_url()).text
    shown = [h for h in headings(html) if h[1] in {text for _level, text in EXPECTED_HEADINGS}]
    assert shown == EXPECTED_HEADINGS


def test_a_chapter_with_no_text_of_its_own_shows_no_empty_text(client, plan):
    html = client.get(plan.get_absolute_url()).text
    chapter = plan.sections.get(title="Organisering af samarbejdet")
    start = html.index(f'id="afsnit-{chapter.pk}"')
    assert '<div class="prose">' not in html[start : html.index("<h3", start)]


def test_table_of_contents_nests_in_document_order(client, plan):
    entries = toc(client.get(plan.get_absolute_url()).text)
    wanted = [
        (1, "Organisering af samarbejdet"),
        (2, "Kredsrådet"),
        (3, "Formandskabet"),
        (2, "Lokalrådene"),
        (1, "Kriminalitetsbekæmpelse"),
        (2, "Nationale indsatsområder med højeste prioritet"),
        (3, "Vold i nattelivet"),
        (1, "Afslutning"),
        (1, "Indsatsområder"),
        (2, "Kredsfælles indsatsområder"),
        (3, "Trygt nærmiljø"),
    ]
    assert [entry for entry in entries if entry in wanted] == wanted
    assert entries.index((1, "Afslutning")) == entries.index((3, "Vold i nattelivet")) + 1


def test_a_version_published_before_the_outline_shows_every_section_as_a_chapter(client, plan):
    snapshot = plan.versions.get().snapshot
    for section in snapshot["sections"]:
        del section["parent"]
    for group in snapshot["focus_area_groups"]:
        del group["section"]
    PlanVersion.objects.filter(plan=plan).update(snapshot=snapshot)  # as stored back then
    html = client.get(plan.get_absolute_url()).text
    shown = headings(html)
    for title, _parent in SECTIONS:
        assert (2, title) in shown
    assert shown.index((2, "Afslutning")) < shown.index((2, "Indsatsområder"))
    assert shown.index((2, "Indsatsområder")) < shown.index(
        (3, "Nationale indsatsområder med højeste prioritet")
    )


def test_appendices_are_numbered_by_those_the_version_has(client, plan):
    version = plan.versions.get()
    assert not version.snapshot["forums"] and not version.snapshot["annual_cycle"]
    html = client.get(plan.get_absolute_url()).text
    assert "Bilag 1: Organisation" in html
    assert "Bilag 3" not in html


# --- The PDF ------------------------------------------------------------------------------------


def test_pdf_text_follows_the_outline(outline_pdf):
    text = squash(" ".join(page_texts(outline_pdf)))
    # The texts of the sections appear only in the body, not in the table of contents.
    order = [
        "Kredsrådet",
        "Teksten om kredsrådet.",
        "Formandskabet",
        "Teksten om formandskabet.",
        "Lokalrådene",
        "Teksten om lokalrådene.",
        "Kriminalitetsbekæmpelse",
        "Teksten om kriminalitetsbekæmpelse.",
        "Nationale indsatsområder med højeste prioritet",
        "Vold i nattelivet",
        "Afslutning",
        "Teksten om afslutning.",
        "Indsatsområder",
        "Kredsfælles indsatsområder",
        "Trygt nærmiljø",
    ]
    pattern = ".*".join(re.escape(squash(part)) for part in order)
    assert re.search(pattern, text, re.S), text


def bookmark_tree(items) -> list:
    """pypdf's outline as [(title, [children…]), …]."""
    tree = []
    for item in items:
        if isinstance(item, list):
            tree[-1] = (tree[-1][0], bookmark_tree(item))
        else:
            tree.append((item.title, []))
    return tree


def test_pdf_bookmarks_nest_as_the_outline(outline_pdf):
    tree = dict(bookmark_tree(read_pdf(outline_pdf).outline)[0][1])  # under the cover's H1
    organisation = dict(tree["Organisering af samarbejdet"])
    assert list(organisation) == ["Kredsrådet", "Lokalrådene"]
    assert [title for title, _ in organisation["Kredsrådet"]] == ["Formandskabet"]
    crime = dict(tree["Kriminalitetsbekæmpelse"])
    assert [title for title, _ in crime["Nationale indsatsområder med højeste prioritet"]] == [
        "Vold i nattelivet"
    ]
    chapters = list(tree)
    assert chapters.index("Afslutning") == chapters.index("Kriminalitetsbekæmpelse") + 1
    assert chapters.index("Indsatsområder") == chapters.index("Afslutning") + 1


def test_pdf_tag_tree_has_the_outlines_heading_levels_in_order(outline_pdf):
    levels = heading_levels(outline_pdf)
    # Cover H1, "Indhold" and "Forord" H2, then the outline's headings as on the page.
    outline = [level for level, _title in EXPECTED_HEADINGS]
    joined = ",".join(map(str, levels))
    assert ",".join(map(str, outline)) in joined, levels
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not skips, levels


# --- Revisions ----------------------------------------------------------------------------------


def test_a_section_moved_under_another_counts_as_changed_and_the_diff_says_flyttet(
    client, published, publish
):
    organisation = published.sections.get(title="Organisering")
    cycle = published.sections.get(title="Årshjul")
    cycle.parent = organisation
    cycle.save()
    assert detect_changes(published) == ([cycle.pk], [])
    publish(published, sections=[cycle.pk])
    html = client.get(plan_url(published, "public:version_diff", old=1, new=2)).text
    assert "Ændret:</span> Årshjul" in html
    assert "Se hvad der er ændret (flyttet)" in html
    assert "<del>kapitel</del>" in html
    assert "<ins>underafsnit af »Organisering«</ins>" in html


def test_a_revised_sub_section_carries_its_revision_note_at_its_own_heading(
    client, published, publish
):
    organisation = published.sections.get(title="Organisering")
    cycle = published.sections.get(title="Årshjul")
    cycle.parent = organisation
    cycle.save()
    publish(published, sections=[cycle.pk])
    html = client.get(published.get_absolute_url()).text
    heading = html.index(f'<h3 id="afsnit-{cycle.pk}-titel">Årshjul</h3>')
    assert html.index("Afsnittet er revideret den", heading) < html.index("Fire møder.", heading)
    assert "Afsnittet er revideret" not in html[html.index('id="afsnit-') : heading]
