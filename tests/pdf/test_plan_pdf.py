"""The PDF of a published plan version: what a reader, a screen reader and a search finds in it."""

import datetime
import re

import pytest

from plans.models import PlanVersion
from plans.pdf import render_plan_pdf
from plans.printing import StaticFilesOnlyFetcher
from plans.snapshot import build_snapshot
from tests.pdf.conftest import FOCUS_AREAS, FORUMS, SECTIONS, STAFF_FUNCTIONS
from tests.pdf.pdftext import (
    heading_levels,
    large_text,
    outline_pages,
    page_texts,
    read_pdf,
    squash,
)

FOCUS_AREA_HEADING_SIZE = 16  # focus-area headings are set at 18 pt, body text at 10.5 pt


# Rendered once for the session (tests/pdf/conftest.py): these tests only read the bytes.
# (`db` keeps them among the database tests, which pytest-django runs before the transactional
# ones that empty the database.)
@pytest.fixture
def plan_pdf(rendered_plan, db):
    return rendered_plan.first


@pytest.fixture
def revised_pdf(rendered_plan, db):
    return rendered_plan.revised


def test_plan_pdf_is_a_pdf_file(plan_pdf):
    assert plan_pdf.startswith(b"%PDF-")


def test_plan_pdf_is_tagged_for_pdf_ua(plan_pdf):
    root = read_pdf(plan_pdf).trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"].value is True
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" in xmp


def test_plan_pdf_carries_title_author_subject_and_language(plan_pdf):
    reader = read_pdf(plan_pdf)
    assert reader.metadata.title == "Samarbejdsplan 2017-2018 – Syd- og Sønderjyllands Politi"
    assert reader.metadata.author == "Syd- og Sønderjyllands Politi"
    assert "2017-2018" in reader.metadata.subject
    assert reader.trailer["/Root"]["/Lang"] == "da"


def test_plan_pdf_contains_every_focus_area_title(plan_pdf):
    text = squash("".join(page_texts(plan_pdf)))
    for area in FOCUS_AREAS:
        assert squash(area["title"]) in text


def test_plan_pdf_contains_every_activity_text(plan_pdf):
    text = squash("".join(page_texts(plan_pdf)))
    for area in FOCUS_AREAS:
        for activity_text, _responsible, timing in area["activities"]:
            assert squash(activity_text) in text
            assert squash(timing) in text


def test_plan_pdf_names_the_lokalraad_responsible_for_an_activity(plan_pdf):
    text = squash("".join(page_texts(plan_pdf)))
    assert squash("Lokalråd Esbjerg og Lokalråd Tønder") in text


def test_plan_pdf_names_the_police_unit_and_the_kommuner_carrying_an_activity(plan_pdf):
    text = squash("".join(page_texts(plan_pdf)))
    assert squash("Politiet (Færdselsafdelingen), Esbjerg Kommune og Fanø Kommune") in text


def test_table_of_contents_page_numbers_point_at_the_focus_area_headings(plan_pdf):
    reader = read_pdf(plan_pdf)
    toc = reader.pages[1].extract_text()
    assert toc.startswith("Indhold")
    for area in FOCUS_AREAS:
        match = re.search(re.escape(area["title"]) + r"\s*\.{3,}\s*(\d+)", toc)
        assert match, f"{area['title']} is missing from the table of contents"
        page = reader.pages[int(match[1]) - 1]
        assert area["title"] in large_text(page, FOCUS_AREA_HEADING_SIZE)


def test_table_of_contents_page_numbers_are_where_sections_and_appendices_begin(plan_pdf):
    reader = read_pdf(plan_pdf)
    toc = reader.pages[1].extract_text()
    begins = outline_pages(reader)  # each bookmark leads to the page of its heading
    titles = [
        "Forord",
        *(title for title, _body in SECTIONS),
        "Bilag 1. Oversigt over samarbejdsfora",
        "Bilag 2. Årshjul",
        "Bilag 3. Organisation",
    ]
    for title in titles:
        words = r"\s+".join(re.escape(word) for word in title.split())
        match = re.search(words + r"\s*\.{3,}\s*(\d+)", toc)
        assert match, f"{title} is missing from the table of contents"
        assert int(match[1]) == begins[title], title


def test_focus_areas_flow_on_rather_than_a_page_each(plan_pdf):
    reader = read_pdf(plan_pdf)
    pages_with_heading = [
        index
        for index, page in enumerate(reader.pages)
        for area in FOCUS_AREAS
        if area["title"] in large_text(page, FOCUS_AREA_HEADING_SIZE)
    ]
    assert len(pages_with_heading) == len(FOCUS_AREAS)
    assert len(set(pages_with_heading)) < len(FOCUS_AREAS)


def test_bookmarks_lead_to_every_focus_area(plan_pdf):
    reader = read_pdf(plan_pdf)
    bookmarks = outline_pages(reader)
    for area in FOCUS_AREAS:
        page = reader.pages[bookmarks[area["title"]] - 1]
        assert area["title"] in large_text(page, FOCUS_AREA_HEADING_SIZE)


def test_bookmarks_cover_every_section_and_appendix(plan_pdf):
    bookmarks = outline_pages(read_pdf(plan_pdf))
    for title, _body in SECTIONS:
        assert title in bookmarks
    assert "Bilag 1. Oversigt over samarbejdsfora" in bookmarks
    assert "Bilag 2. Årshjul" in bookmarks


def test_forum_appendix_holds_every_forums_legal_basis(plan_pdf):
    reader = read_pdf(plan_pdf)
    bookmarks = outline_pages(reader)
    first = bookmarks["Bilag 1. Oversigt over samarbejdsfora"]
    last = bookmarks["Bilag 2. Årshjul"] - 1
    appendix = squash("".join(reader.pages[n - 1].extract_text() for n in range(first, last + 1)))
    for name, _kind, _topic, legal_basis, _purpose, meetings in FORUMS:
        assert squash(name) in appendix
        assert squash(legal_basis) in appendix
        assert squash(meetings) in appendix


def test_forum_appendix_is_printed_in_landscape(plan_pdf):
    reader = read_pdf(plan_pdf)
    page = reader.pages[outline_pages(reader)["Bilag 1. Oversigt over samarbejdsfora"] - 1]
    assert page.mediabox.width > page.mediabox.height


def test_annual_cycle_appendix_lists_entries_in_calendar_order(plan_pdf):
    reader = read_pdf(plan_pdf)
    text = reader.pages[outline_pages(reader)["Bilag 2. Årshjul"] - 1].extract_text()
    order = ["1. kvartal", "2. kvartal", "Juni", "August", "4. kvartal", "December"]
    positions = [text.index(when) for when in order]
    assert positions == sorted(positions)


def test_revised_section_carries_its_footnote(revised_pdf):
    reader = read_pdf(revised_pdf)
    page = reader.pages[outline_pages(reader)["Årshjulet"] - 1]
    assert "Afsnittet er revideret den 1. juni 2018." in page.extract_text()


def test_revised_focus_area_carries_its_footnote(revised_pdf):
    reader = read_pdf(revised_pdf)
    page = reader.pages[outline_pages(reader)["Sikker trafik for unge bilister"] - 1]
    assert "Indsatsområdet er revideret den 1. juni 2018." in page.extract_text()


def test_unrevised_parts_carry_no_revision_footnote(revised_pdf):
    reader = read_pdf(revised_pdf)
    bookmarks = outline_pages(reader)
    for title in ("Forord", "Trygt nærmiljø", "Overgreb mod børn"):
        text = reader.pages[bookmarks[title] - 1].extract_text()
        assert "revideret den" not in text, title


def test_first_version_has_no_revision_marks(plan_pdf):
    assert "evideret den" not in "".join(page_texts(plan_pdf))


def test_cover_of_a_revision_says_when_it_was_revised(revised_pdf):
    cover = read_pdf(revised_pdf).pages[0].extract_text()
    assert "Revideret den 1. juni 2018" in cover


def test_running_header_and_page_footer(plan_pdf):
    pages = page_texts(plan_pdf)
    for number, text in enumerate(pages[1:], start=2):
        assert "Samarbejdsplan 2017-2018" in text  # the title at the top
        assert "Syd- og Sønderjyllands Politi" in text  # the district at the bottom
        assert f"Side {number} af {len(pages)}" in text


def test_foreword_is_signed_on_behalf_of_the_kredsraad(plan_pdf):
    reader = read_pdf(plan_pdf)
    text = reader.pages[outline_pages(reader)["Forord"] - 1].extract_text()
    assert "På kredsrådets vegne" in text
    assert "Jørgen Meyer" in text


def test_text_is_set_in_the_embedded_project_font(plan_pdf):
    fonts = set()
    for page in read_pdf(plan_pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add(font["/BaseFont"].split("+")[-1])
    assert fonts and all(name.startswith("Source-Sans-3") for name in fonts)


def test_danish_letters_survive_into_the_text_layer(plan_pdf):
    text = "".join(page_texts(plan_pdf))
    for word in ("Fælles mål", "Sønderjyllands", "Årshjul", "nærmiljø"):
        assert word in text


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/style.css",
        "file:///etc/passwd",
        "file:///work/main/static/../portal/settings.py",
    ],
)
def test_renderer_refuses_anything_outside_the_static_folder(url):
    with pytest.raises(ValueError, match="Refused"):
        StaticFilesOnlyFetcher().fetch(url)


def test_renderer_reads_the_font_from_the_static_folder(settings):
    fetcher = StaticFilesOnlyFetcher()
    font = settings.BASE_DIR / "static/fonts/source-sans-3/source-sans-3-latin-400-normal.woff2"
    response = fetcher.fetch(font.as_uri())
    assert response.read(4) == b"wOF2"


@pytest.fixture
def plan_with_deep_headings(demo_plan):
    """Rich text whose headings start below the editor's top level, as secretariats write it."""
    demo_plan.foreword = "<h3>Baggrund</h3><p>Planen bygger på kredsens analyse.</p>"
    demo_plan.save()
    section = demo_plan.sections.order_by("order").first()
    section.body = "<p>Tre niveauer.</p><h3>Kredsrådet</h3><p>Det strategiske niveau.</p>"
    section.save()
    area = demo_plan.focus_areas.order_by("order").first()
    area.background = "<h4>Tal</h4><p>Færre indbrud.</p><h2>Indsats</h2><p>Naboer hjælper.</p>"
    area.save()
    return PlanVersion.objects.create(
        plan=demo_plan,
        number=1,
        published_on=datetime.date(2017, 1, 2),
        snapshot=build_snapshot(demo_plan),
    )


def test_headings_nest_under_their_parts_without_skipping_a_level(plan_with_deep_headings):
    levels = heading_levels(render_plan_pdf(plan_with_deep_headings))
    assert levels.count(1) == 1, "one H1: the title on the cover"
    assert levels[0] == 1
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not skips, f"heading levels skip: {skips} in {levels}"


def test_names_outside_danish_are_set_in_the_project_font_too(demo_plan, published_version):
    published_version.snapshot["plan"]["signatory_name"] = "Łukasz Şahin Čapek"
    pdf = render_plan_pdf(published_version)
    fonts = {
        font.get_object()["/BaseFont"].split("+")[-1]
        for page in read_pdf(pdf).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert "Łukasz Şahin Čapek" in "".join(page_texts(pdf))
    assert all(name.startswith("Source-Sans-3") for name in fonts), fonts


# --- The organisation appendix ----------------------------------------------------------------


def organisation_appendix(pdf: bytes) -> str:
    reader = read_pdf(pdf)
    first = outline_pages(reader)["Bilag 3. Organisation"]
    return "\n".join(page.extract_text() for page in reader.pages[first - 1 :])


def test_organisation_appendix_lists_the_kredsraad_chair_first_by_name_or_function(plan_pdf):
    text = squash(organisation_appendix(plan_pdf))
    assert squash("Kredsrådet består af borgmestrene og politidirektøren.") in text
    chair = text.index(squash("Jørgen Meyer Formand politidirektør"))
    vice = text.index(squash("Borgmester Næstformand Sønderborg Kommune"))
    member = text.index(squash("Borgmester Medlem Fanø Kommune"))
    assert chair < vice < member


def test_organisation_appendix_lists_lokalraad_with_kommuner_and_lokalraad_plus(plan_pdf):
    text = squash(organisation_appendix(plan_pdf))
    assert squash("Lokalråd Esbjerg (Esbjerg)") in text
    assert squash("Lokalråd+: Lokalråd+ Esbjerg Øst") in text
    assert squash("Lokalråd Tønder (Tønder)") in text


def test_organisation_appendix_lists_staff_functions_with_tasks_and_the_forums(plan_pdf):
    text = squash(organisation_appendix(plan_pdf))
    for name, tasks in STAFF_FUNCTIONS:
        assert squash(name) in text
        for task in tasks.splitlines():
            assert squash(task.removeprefix("- ")) in text
    assert squash(", ".join(name for name, *_rest in FORUMS) + ". Se bilag 1.") in text


def test_a_version_published_before_the_organisation_has_no_organisation_appendix(
    published_version,
):
    del published_version.snapshot["organisation"]
    reader = read_pdf(render_plan_pdf(published_version))
    assert "Bilag 3. Organisation" not in outline_pages(reader)
    assert "Bilag 2. Årshjul" in outline_pages(reader)


def test_appendices_are_numbered_by_those_the_version_has_as_on_the_web(published_version):
    published_version.snapshot["forums"] = []
    reader = read_pdf(render_plan_pdf(published_version))
    bookmarks = outline_pages(reader)
    assert "Bilag 1. Årshjul" in bookmarks
    assert "Bilag 2. Organisation" in bookmarks
    assert not any("samarbejdsfora" in title for title in bookmarks)
