"""The secretariat enters statuses a lokalråd sent by e-mail: on the lokalråd's page in the round,
or from the status report's CSV with a preview. Each is an ordinary update by the secretariat."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import Assignment, StatusUpdate
from plans.reporting import CSV_HEADER

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plan_once")]


def held(council, plan):
    return list(
        Assignment.objects.filter(council=council, activity__focus_area__plan=plan).order_by(
            "activity__focus_area__order", "activity__order"
        )
    )


def council_url(open_round, council):
    return reverse("rounds:council", args=[open_round.pk, council.pk])


def unchanged_rows(client, url):
    """The form as the page shows it: every row's current values and today's date."""
    html = client.get(url).content.decode()
    data = {}
    for assignment in Assignment.objects.all():
        prefix = f"opgave-{assignment.pk}"
        if f'name="{prefix}-status"' in html:
            data[f"{prefix}-status"] = assignment.status
            data[f"{prefix}-public_text"] = (
                assignment.latest_update.public_text if assignment.latest_update else ""
            )
            data[f"{prefix}-date"] = timezone.localdate().isoformat()
            data[f"{prefix}-internal_note"] = ""
    return data


def test_secretariat_enters_one_rows_status_for_the_lokalraad(
    client, plan, open_round, secretariat, esbjerg
):
    client.force_login(secretariat)
    url = council_url(open_round, esbjerg)
    data = unchanged_rows(client, url)
    first = held(esbjerg, plan)[0]
    data[f"opgave-{first.pk}-status"] = "done"
    data[f"opgave-{first.pk}-public_text"] = "Gennemført, meldt pr. e-mail."
    response = client.post(url, data, follow=True)
    assert "1 statusopdatering er gemt med dig som afsender." in response.content.decode()
    update = StatusUpdate.objects.get()
    assert (update.assignment, update.author, update.reporting_round) == (
        first,
        secretariat,
        open_round,
    )
    first.refresh_from_db()
    assert first.status == "done"


def test_a_wrong_row_saves_nothing_and_keeps_what_was_typed(
    client, plan, open_round, secretariat, esbjerg
):
    client.force_login(secretariat)
    url = council_url(open_round, esbjerg)
    data = unchanged_rows(client, url)
    first, second = held(esbjerg, plan)[:2]
    data[f"opgave-{first.pk}-status"] = "done"
    data[f"opgave-{first.pk}-public_text"] = "Afsluttet med temadag."
    data[f"opgave-{second.pk}-status"] = "in_progress"  # no public text
    data[f"opgave-{second.pk}-public_text"] = ""
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ret de markerede rækker. Intet er gemt endnu." in html
    assert "Skriv en kort offentlig tekst om status." in html
    assert "Afsluttet med temadag." in html
    assert not StatusUpdate.objects.exists()


def test_posting_the_page_unchanged_saves_nothing(client, plan, open_round, secretariat, esbjerg):
    client.force_login(secretariat)
    url = council_url(open_round, esbjerg)
    response = client.post(url, unchanged_rows(client, url), follow=True)
    assert "Du ændrede ingen rækker, så intet er gemt." in response.content.decode()
    assert not StatusUpdate.objects.exists()


def test_a_closed_round_takes_no_statuses(client, plan, open_round, secretariat, esbjerg):
    open_round.closed_at = timezone.now()
    open_round.save()
    client.force_login(secretariat)
    url = council_url(open_round, esbjerg)
    first = held(esbjerg, plan)[0]
    client.post(url, {f"opgave-{first.pk}-status": "done", f"opgave-{first.pk}-public_text": "x"})
    assert not StatusUpdate.objects.exists()
    assert "Runden er lukket." in client.get(url).content.decode()


# --- CSV ----------------------------------------------------------------------------------------


def exported(client, open_round) -> list[list[str]]:
    response = client.get(reverse("rounds:report_csv", args=[open_round.pk]))
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def as_file(rows, encoding="utf-8-sig"):
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    data = io.BytesIO(out.getvalue().encode(encoding))
    data.name = "status.csv"
    return data


def upload(client, open_round, rows, encoding="utf-8-sig"):
    return client.post(
        reverse("rounds:import", args=[open_round.pk]), {"file": as_file(rows, encoding)}
    )


def esbjerg_row(rows, activity="Aktivitet 1"):
    return next(
        i for i, row in enumerate(rows) if row[1] == activity and row[2] == "Lokalråd Esbjerg"
    )


def test_csv_preview_shows_the_new_statuses_and_saves_nothing_until_confirmed(
    client, plan, open_round, secretariat, esbjerg
):
    client.force_login(secretariat)
    rows = exported(client, open_round)
    index = esbjerg_row(rows)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    rows[index][3:6] = ["Gennemført", yesterday.strftime("%d-%m-%Y"), "=Afsluttet i maj"]
    response = upload(client, open_round, rows)
    html = response.content.decode()
    assert "<strong>1</strong> ny statusopdatering," in html
    assert f"Række {index + 1}: ny status" in html
    assert not StatusUpdate.objects.exists()

    text = response.context["checked"].text
    response = client.post(
        reverse("rounds:import", args=[open_round.pk]), {"csv_text": text, "confirm": "1"}
    )
    assert response.status_code == 302
    update = StatusUpdate.objects.get()
    assert update.author == secretariat and update.reporting_round == open_round
    assert update.assignment.council == esbjerg and update.status == "done"
    assert update.date == yesterday
    assert update.public_text == "=Afsluttet i maj"


def test_the_exported_file_unchanged_has_nothing_new(client, plan, open_round, secretariat):
    client.force_login(secretariat)
    html = upload(client, open_round, exported(client, open_round)).content.decode()
    assert "<strong>0</strong> nye statusopdateringer" in html
    assert "Filen har ingen ny status" in html
    assert 'name="confirm"' not in html


def test_a_csv_text_with_a_formula_reads_back_as_the_text_it_was(
    client, plan, open_round, secretariat, esbjerg, report
):
    report(held(esbjerg, plan)[0], secretariat, text="-10 % indbrud")
    client.force_login(secretariat)
    rows = exported(client, open_round)
    assert rows[esbjerg_row(rows)][5] == "'-10 % indbrud"
    html = upload(client, open_round, rows).content.decode()
    assert "<strong>0</strong> nye statusopdateringer" in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({3: "Næsten færdig"}, "Ukendt status »Næsten færdig«. Brug en af:"),
        ({1: "Findes ikke"}, "Planen har ingen aktivitet »Findes ikke«"),
        ({3: "Gennemført", 4: "01-01-2999", 5: "Færdig"}, "Datoen kan ikke ligge i fremtiden."),
        ({3: "Gennemført", 4: "i går", 5: "Færdig"}, "Skriv datoen som dd-mm-åååå"),
        ({3: "I gang", 4: "", 5: "Vi er i gang"}, "Angiv datoen for status."),
    ],
)
def test_csv_rows_with_errors_are_named_and_nothing_is_saved(
    client, plan, open_round, secretariat, change, message
):
    client.force_login(secretariat)
    rows = exported(client, open_round)
    index = esbjerg_row(rows)
    good = esbjerg_row(rows, "Aktivitet 2")
    rows[good][3:6] = ["Gennemført", timezone.localdate().strftime("%d-%m-%Y"), "Færdig"]
    for column, value in change.items():
        rows[index][column] = value
    html = upload(client, open_round, rows).content.decode()
    assert message in html
    assert f"Række {index + 1}: fejl" in html
    assert "Ret fejlene i filen, og indlæs den igen. Intet er gemt." in html
    assert 'name="confirm"' not in html
    assert not StatusUpdate.objects.exists()


def test_a_file_without_the_reports_columns_is_refused(client, plan, open_round, secretariat):
    client.force_login(secretariat)
    html = upload(client, open_round, [["Navn", "Status"], ["Esbjerg", "Gennemført"]]).content
    assert "Første linje skal være statusrapportens kolonner" in html.decode()
    html = client.post(
        reverse("rounds:import", args=[open_round.pk]), {"file": io.BytesIO(b"\x00\x01PK")}
    ).content.decode()
    assert "Intet er gemt." in html


def test_the_same_row_twice_is_an_error(client, plan, open_round, secretariat):
    client.force_login(secretariat)
    rows = exported(client, open_round)
    rows.append(list(rows[esbjerg_row(rows)]))
    assert f"Samme aktivitet og råd som i række {esbjerg_row(rows) + 1}." in (
        upload(client, open_round, rows).content.decode()
    )


def test_a_file_saved_by_danish_excel_is_read(client, plan, open_round, secretariat):
    client.force_login(secretariat)
    rows = exported(client, open_round)
    rows[esbjerg_row(rows)][3:6] = ["Aflyst", timezone.localdate().strftime("%d-%m-%Y"), "Næste år"]
    html = upload(client, open_round, rows, encoding="cp1252").content.decode()
    assert "<strong>1</strong> ny statusopdatering," in html


def test_a_confirmation_is_checked_again(client, plan, open_round, secretariat):
    """The preview's text comes back from the browser: it is read again, never trusted."""
    client.force_login(secretariat)
    rows = exported(client, open_round)
    rows[esbjerg_row(rows)][3] = "Ukendt"
    text = "\r\n".join(";".join(row) for row in rows)
    client.post(reverse("rounds:import", args=[open_round.pk]), {"csv_text": text, "confirm": "1"})
    assert not StatusUpdate.objects.exists()


def test_the_round_page_leads_to_the_import(client, plan, open_round, secretariat):
    client.force_login(secretariat)
    html = client.get(reverse("rounds:detail", args=[open_round.pk])).content.decode()
    assert reverse("rounds:import", args=[open_round.pk]) in html


def test_csv_header_is_the_exports(client, plan, open_round, secretariat):
    client.force_login(secretariat)
    assert tuple(exported(client, open_round)[0]) == CSV_HEADER
