"""How a plan flows in the PDF: a plan of many short focus areas stays short, no heading is
left alone at the foot of a page, a long title's running header stays on one line, and the
annual cycle's entries without a fixed month or before the period sit in their own groups."""

import datetime

import pytest
from django.db import transaction

from base.text import shorten
from councils.models import PoliceDistrict
from plans.models import Activity, AnnualCycleEntry, FocusArea, Plan, PlanVersion
from plans.pdf import RUNNING_CHAPTER_CHARS, render_plan_pdf, running_title
from plans.snapshot import build_snapshot
from tests.groups import group_for
from tests.pdf.pdftext import large_text, outline_pages, page_texts, read_pdf, squash

AREAS = 12
LONG_TITLE = (
    "Samarbejdsplan for kommunerne og politiet i Syd- og Sønderjylland om tryghed, "
    "forebyggelse af kriminalitet og et godt liv for børn og unge i hele kredsen"
)


def area_title(number: int) -> str:
    """A title too long for the running header."""
    return (
        f"Område {number + 1}: unge i risiko for at blive rekrutteret til kriminelle grupper "
        "i byerne og på landet"
    )


def build_plan(district) -> Plan:
    plan = Plan.objects.create(
        district=district,
        title=LONG_TITLE,
        period_start=2023,
        period_end=2026,
        foreword="<p>Kommuner og politi arbejder sammen om tryghed i hele kredsen.</p>",
        signatory_name="Politidirektøren",
        signatory_title="politidirektør",
        status=Plan.Status.PUBLISHED,
    )
    for number in range(AREAS):
        area = FocusArea.objects.create(
            plan=plan,
            group=group_for(plan),
            title=area_title(number),
            background=f"<p>Kort baggrund for område {number + 1}. Det er en prioritet.</p>",
            order=number,
        )
        for index in range(2):
            Activity.objects.create(
                focus_area=area,
                text=f"Aktivitet {index + 1} under område {number + 1}.",
                all_local_councils=True,
                order=index,
            )
    cycle = [
        {"title": "Borgmestermøde", "quarter": 1},
        {"title": "Statusrapport", "month": 6, "kind": AnnualCycleEntry.Kind.REPORT},
        {"title": "Kredsrådet drøfter planen", "month": 12, "before_period": True},
        {"title": "Netværksmøder", "undated": AnnualCycleEntry.Undated.ONGOING},
        {"title": "Trygkonference", "undated": AnnualCycleEntry.Undated.YEARLY},
    ]
    for order, fields in enumerate(cycle):
        AnnualCycleEntry.objects.create(plan=plan, order=order, **fields)
    return plan


@pytest.fixture(scope="module")
def rendered_layout(django_db_setup, django_db_blocker) -> bytes:
    """The PDF of a 12-area plan with a long title, rendered once for the module and rolled
    back before any test runs."""
    with django_db_blocker.unblock(), transaction.atomic():
        district = PoliceDistrict.objects.get(slug="syd-og-soenderjyllands-politi")
        plan = build_plan(district)
        version = PlanVersion.objects.create(
            plan=plan,
            number=1,
            published_on=datetime.date(2023, 1, 2),
            snapshot=build_snapshot(plan),
        )
        pdf = render_plan_pdf(version)
        transaction.set_rollback(True)
    return pdf


# `db` keeps these among the database tests, as in test_plan_pdf.py.
@pytest.fixture
def layout_pdf(rendered_layout, db):
    return rendered_layout


def test_twelve_short_focus_areas_do_not_take_twelve_pages(layout_pdf):
    reader = read_pdf(layout_pdf)
    pages = outline_pages(reader)
    first, last = pages[area_title(0)], pages[area_title(AREAS - 1)]
    # A page each would be twelve; these two-line titles with two activities fit three a page.
    assert last - first + 1 <= 5
    # Cover, contents, the status at publication, foreword, the focus areas, two appendices.
    assert len(reader.pages) <= 12


def test_no_focus_area_heading_stands_alone_at_the_foot_of_a_page(layout_pdf):
    for page in read_pdf(layout_pdf).pages:
        text = squash(page.extract_text())
        for heading in large_text(page, 16):
            if heading.startswith("Område "):
                after = text[text.index(squash(heading)) + len(squash(heading)) :]
                assert "Kredsfællesindsatsområde" in after, heading


def test_running_header_of_a_long_title_is_one_line_ending_in_an_ellipsis(layout_pdf):
    header = running_title(LONG_TITLE, "2023-2026")
    assert header.endswith("… 2023-2026")
    texts = page_texts(layout_pdf)
    # Every page after the cover carries it, on one line, and never the whole title.
    for text in texts[1:]:
        assert header in text
        assert squash(LONG_TITLE) not in squash(text)


def test_running_chapter_of_a_long_focus_area_title_is_one_shortened_line(layout_pdf):
    reader = read_pdf(layout_pdf)
    pages = outline_pages(reader)
    chapters = [shorten(area_title(n), RUNNING_CHAPTER_CHARS) for n in range(AREAS)]
    assert all(chapter.endswith("…") for chapter in chapters)
    # The pages after the first focus area's begin in a focus area: the header names it.
    for index in range(pages[area_title(0)], pages[area_title(AREAS - 1)]):
        text = reader.pages[index].extract_text()
        assert any(chapter in text for chapter in chapters), index


def test_signature_stays_on_the_page_of_the_foreword(layout_pdf):
    reader = read_pdf(layout_pdf)
    page = reader.pages[outline_pages(reader)["Forord"] - 1].extract_text()
    assert "På kredsrådets vegne" in page
    assert "Politidirektøren" in page


def test_annual_cycle_appendix_groups_undated_and_early_entries(layout_pdf):
    reader = read_pdf(layout_pdf)
    # The plan has no forums: the annual cycle is its first appendix (numbered by those present).
    text = reader.pages[outline_pages(reader)["Bilag 1. Årshjul"] - 1].extract_text()
    order = [
        "Året før perioden (2022)",
        "December 2022 (året før perioden)",
        "I løbet af året",
        "1. kvartal",
        "Juni",
        "Løbende",
        "Netværksmøder",
        "Årligt, uden fast måned",
        "Trygkonference",
    ]
    positions = [squash(text).index(squash(when)) for when in order]
    assert positions == sorted(positions)


def test_activity_without_a_timing_shows_an_en_dash(layout_pdf):
    reader = read_pdf(layout_pdf)
    page = reader.pages[outline_pages(reader)[area_title(0)] - 1].extract_text()
    assert "Aktivitet1underområde1.Allelokalråd–" in squash(page)
