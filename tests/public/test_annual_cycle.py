import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from plans.cycle import cycle_entries, cycle_wheel
from plans.models import AnnualCycleEntry

from .conftest import plan_url

pytestmark = pytest.mark.django_db


def cycle_url(district, name="public:annual_cycle"):
    return reverse(name, kwargs={"district": district.slug})


def test_ical_feed_parses_with_one_event_per_entry_and_year(client, published, district):
    response = client.get(cycle_url(district, "public:annual_cycle_ics"))
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 3 * 4  # three entries, 2023-2026
    assert len({str(event["UID"]) for event in events}) == 12


def test_ical_month_entry_spans_its_month_and_quarter_entry_its_quarter(
    client, published, district
):
    calendar = Calendar.from_ical(
        client.get(cycle_url(district, "public:annual_cycle_ics")).content
    )
    spans = {(str(e["SUMMARY"]), e["DTSTART"].dt): e["DTEND"].dt for e in calendar.walk("VEVENT")}
    assert spans[("Temadag", datetime.date(2024, 8, 1))] == datetime.date(2024, 9, 1)
    assert spans[("Borgmestermøde", datetime.date(2024, 1, 1))] == datetime.date(2024, 4, 1)
    assert spans[("Statusrapport", datetime.date(2026, 12, 1))] == datetime.date(2027, 1, 1)


def test_ical_feed_without_a_current_plan_is_an_empty_calendar(client, district):
    calendar = Calendar.from_ical(
        client.get(cycle_url(district, "public:annual_cycle_ics")).content
    )
    assert list(calendar.walk("VEVENT")) == []


def test_annual_cycle_page_has_an_accessible_wheel_and_the_table(client, published, district):
    html = client.get(cycle_url(district)).content.decode()
    assert 'role="img"' in html
    assert '<title id="aarshjul-titel">Årshjul 2023-2026 for' in html
    assert 'aria-labelledby="aarshjul-titel aarshjul-beskrivelse"' in html
    assert "<caption>Årshjulets punkter i kalenderorden</caption>" in html
    assert "style=" not in html


def test_entries_are_numbered_in_calendar_order():
    raw = [
        {"id": 1, "month": 12, "quarter": None, "order": 1, "kind": "report", "title": "Rapport"},
        {"id": 2, "month": None, "quarter": 1, "order": 2, "kind": "meeting", "title": "Møde"},
        {"id": 3, "month": 8, "quarter": None, "order": 3, "kind": "theme", "title": "Temadag"},
    ]
    entries = cycle_entries(raw)
    assert [(e["number"], e["title"], e["when"]) for e in entries] == [
        (1, "Møde", "1. kvartal"),
        (2, "Temadag", "august"),
        (3, "Rapport", "december"),
    ]


def test_wheel_draws_twelve_months_and_one_marker_per_entry():
    raw = [
        {"id": i, "month": 3, "quarter": None, "order": i, "kind": "meeting", "title": f"M{i}"}
        for i in range(5)
    ]
    svg = cycle_wheel(cycle_entries(raw), title="Årshjul <test>")
    assert svg.count('class="cycle-month ') == 12
    assert svg.count('<g class="cycle-marker') == 5
    assert "Årshjul &lt;test&gt;" in svg


# --- Entries without a fixed month, and before the period -------------------------------------


@pytest.fixture
def undated_published(content, publish):
    """The 2023-2026 plan with an ongoing and a yearly entry and a December meeting in 2022."""
    AnnualCycleEntry.objects.create(
        plan=content,
        title="Netværksmøder i lokalrådene",
        undated=AnnualCycleEntry.Undated.ONGOING,
        order=4,
    )
    AnnualCycleEntry.objects.create(
        plan=content,
        title="Kredsens trygkonference",
        kind=AnnualCycleEntry.Kind.THEME,
        undated=AnnualCycleEntry.Undated.YEARLY,
        order=5,
    )
    AnnualCycleEntry.objects.create(
        plan=content, title="Kredsrådet drøfter planen", month=12, before_period=True, order=6
    )
    publish(content)
    return content


def test_cycle_page_lists_undated_entries_in_their_own_groups(client, undated_published, district):
    html = client.get(cycle_url(district)).content.decode()
    for heading in ("Året før perioden (2022)", "I løbet af året", "Løbende"):
        assert f'<th scope="rowgroup" colspan="5" role="rowheader">{heading}</th>' in html
    assert '<th scope="rowgroup" colspan="5" role="rowheader">Årligt, uden fast måned</th>' in html
    assert "December 2022 (året før perioden)" in html
    # The before-the-period meeting is number 1, the undated entries come last.
    assert (
        '<td role="cell" data-label="Nr.">1</td>\n          '
        '<td role="cell" data-label="Hvornår">December 2022 (året før perioden)</td>' in html
    )


def test_wheel_leaves_undated_entries_out_and_lists_them_beside_it(
    client, undated_published, district
):
    html = client.get(cycle_url(district)).content.decode()
    svg = html[html.index('<svg class="cycle-wheel"') : html.index("</svg>")]
    assert svg.count('<g class="cycle-marker') == 4  # three of the year and one before it
    assert svg.count("cycle-before") == 1
    assert "Punkter uden fast måned er ikke i hjulet" in svg
    assert ">Uden fast måned</p>" in html
    assert "<strong>5.</strong> Netværksmøder i lokalrådene (løbende)" in html
    assert "<strong>6.</strong> Kredsens trygkonference (årligt, uden fast måned)" in html
    assert "style=" not in html


def test_ical_feed_leaves_out_undated_entries_and_puts_the_early_meeting_in_its_year(
    client, undated_published, district
):
    calendar = Calendar.from_ical(
        client.get(cycle_url(district, "public:annual_cycle_ics")).content
    )
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 3 * 4 + 1
    titles = {str(e["SUMMARY"]) for e in events}
    assert "Netværksmøder i lokalrådene" not in titles
    assert "Kredsens trygkonference" not in titles
    early = [e for e in events if str(e["SUMMARY"]) == "Kredsrådet drøfter planen"]
    assert [(e["DTSTART"].dt, e["DTEND"].dt) for e in early] == [
        (datetime.date(2022, 12, 1), datetime.date(2023, 1, 1))
    ]
    assert "Kredsens trygkonference" in str(calendar["X-WR-CALDESC"])


def test_plan_page_appendix_groups_the_cycle_the_same_way(client, undated_published):
    html = client.get(plan_url(undated_published)).content.decode()
    assert '<th scope="rowgroup" colspan="5" role="rowheader">Løbende</th>' in html
    assert "December 2022 (året før perioden)" in html


def test_snapshot_from_before_undated_entries_still_renders():
    raw = [{"id": 1, "month": 3, "quarter": None, "order": 1, "kind": "meeting", "title": "M"}]
    entries = cycle_entries(raw, period_start=2017)
    assert entries[0]["when"] == "marts"
    assert cycle_wheel(entries, title="Årshjul").count('<g class="cycle-marker') == 1


def test_a_wheel_of_only_undated_entries_draws_no_marker():
    raw = [
        {
            "id": 1,
            "month": None,
            "quarter": None,
            "undated": "ongoing",
            "order": 1,
            "kind": "meeting",
            "title": "Løbende møder",
        },
    ]
    entries = cycle_entries(raw)
    assert entries[0]["when"] == "Løbende"
    assert '<g class="cycle-marker' not in cycle_wheel(entries, title="Årshjul")
