import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import Assignment
from plans.reporting import build_status_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan_once")]


def held(council, plan):
    return list(
        Assignment.objects.filter(council=council, activity__focus_area__plan=plan).order_by(
            "activity__focus_area__order", "activity__order"
        )
    )


def counts(area):
    return {count.status: count.count for count in area.counts}


def test_report_counts_statuses_per_focus_area(
    plan, open_round, esbjerg, toender, member, other_member, report
):
    first_esbjerg, second_esbjerg, *_ = held(esbjerg, plan)
    report(first_esbjerg, member, status="done")
    report(second_esbjerg, member, status="in_progress")
    report(held(toender, plan)[0], other_member, status="done")
    result = build_status_report(open_round)
    safe, youth = result.focus_areas
    assert safe.title == "Trygt nærmiljø"
    assert safe.total == 24
    assert counts(safe) == {
        "not_started": 21,
        "in_progress": 1,
        "done": 2,
        "postponed": 0,
        "cancelled": 0,
    }
    assert youth.total == 9  # eight lokalråd and the kredsråd
    assert result.total == 33
    assert result.councils_expected == 8
    assert result.councils_reported == 0


def test_report_line_holds_the_latest_public_text(plan, open_round, esbjerg, member, report, today):
    assignment = held(esbjerg, plan)[0]
    report(assignment, member, text="Gammel", date=today - datetime.timedelta(days=3))
    report(assignment, member, text="Ny", note="Intern", date=today)
    line = next(
        line
        for line in build_status_report(open_round).focus_areas[0].lines
        if line.council_name == "Lokalråd Esbjerg" and line.activity_id == assignment.activity_id
    )
    assert (line.status, line.public_text, line.date) == ("in_progress", "Ny", today)
    assert line.reported_in_round


def test_report_never_contains_internal_notes(plan, open_round, esbjerg, member, report):
    report(held(esbjerg, plan)[0], member, note="Hemmelig note")
    assert "Hemmelig note" not in repr(build_status_report(open_round))


def test_closed_round_report_ignores_later_updates(plan, open_round, esbjerg, member, report):
    assignment = held(esbjerg, plan)[0]
    report(assignment, member, status="in_progress", text="Før lukning")
    open_round.closed_at = timezone.now()
    open_round.save()
    report(assignment, member, status="done", text="Efter lukning")
    line = next(
        line
        for line in build_status_report(open_round).focus_areas[0].lines
        if line.council_name == "Lokalråd Esbjerg" and line.activity_id == assignment.activity_id
    )
    assert line.public_text == "Før lukning"


def test_report_page_draws_bar_charts_without_style_attributes(
    client, plan, open_round, esbjerg, member, secretariat, report
):
    report(held(esbjerg, plan)[0], member, status="done", text="Holdt")
    client.force_login(secretariat)
    response = client.get(reverse("rounds:report", args=[open_round.pk]))
    assert response.status_code == 200
    text = response.text
    assert text.count("<svg") == 3  # all of the plan and each of its two focus areas
    assert "style=" not in text
    assert "<style" not in text
    assert re.search(r'<rect x="\d+" y="\d+" width="\d+"', text)
    assert "Holdt" in text


def test_csv_is_utf8_with_bom_semicolons_and_danish_headers(
    client, plan, open_round, esbjerg, member, secretariat, report
):
    report(held(esbjerg, plan)[0], member, status="done", text="Mødet i Ølgod; 40 deltog", note="x")
    client.force_login(secretariat)
    response = client.get(reverse("rounds:report_csv", args=[open_round.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="statusrapport-status-juni-2018.csv"' in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Indsatsområde",
        "Aktivitet",
        "Råd",
        "Status",
        "Dato",
        "Offentlig tekst",
        "Indberettet i runden",
    ]
    assert len(rows) == 1 + 33
    esbjerg_row = next(
        row for row in rows if row[2] == "Lokalråd Esbjerg" and row[3] != "Ikke påbegyndt"
    )
    assert esbjerg_row[0] == "Trygt nærmiljø"
    assert esbjerg_row[3] == "Gennemført"
    assert esbjerg_row[4] == timezone.localdate().strftime("%d-%m-%Y")
    assert esbjerg_row[5] == "Mødet i Ølgod; 40 deltog"
    assert esbjerg_row[6] == "Ja"


def test_csv_keeps_text_that_looks_like_a_formula_as_text(
    client, plan, open_round, esbjerg, member, secretariat, report
):
    formula = '=HYPERLINK("http://example.com";"Klik")'
    report(held(esbjerg, plan)[0], member, status="done", text=formula)
    client.force_login(secretariat)
    response = client.get(reverse("rounds:report_csv", args=[open_round.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    texts = [row[5] for row in rows[1:]]
    assert f"'{formula}" in texts
    assert formula not in texts


def test_csv_never_contains_internal_notes(
    client, plan, open_round, esbjerg, member, secretariat, report
):
    report(held(esbjerg, plan)[0], member, note="Hemmelig note")
    client.force_login(secretariat)
    response = client.get(reverse("rounds:report_csv", args=[open_round.pk]))
    assert "Hemmelig note" not in response.content.decode("utf-8-sig")


def test_kredsraad_lines_are_not_expected_in_the_round(plan, open_round):
    youth = build_status_report(open_round).focus_areas[1]
    expected = {line.council_name: line.expected_in_round for line in youth.lines}
    assert expected["Kredsrådet for Syd- og Sønderjyllands Politi"] is False
    assert expected["Lokalråd Esbjerg"] is True
