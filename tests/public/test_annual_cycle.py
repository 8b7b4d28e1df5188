import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from plans.cycle import cycle_entries, cycle_wheel

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
