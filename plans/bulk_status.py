"""Statuses the secretariat enters for a lokalråd that reported by e-mail or on paper.

Two ways in, one rule: every entry is checked by the members' own `StatusReportForm` and saved by
`services.report_status` with the secretariat user as author, so an imported status is an
ordinary append-only update, counted in the open round like a member's.

- `council_entries`: the lokalråd's assignments in the round as one form per row; a row counts
  as an entry when its status or public text differs from the current one, or a note is typed.
- `read_csv`: a file in exactly the status report's CSV format (`reporting.CSV_HEADER`), each
  row found by focus area, activity and council; a row equal to the current status is unchanged.

`save_entries` saves all entries or none (one transaction): the user fixes what is wrong and
saves again, and nothing is half-imported.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from councils.models import Council

from . import services
from .forms import StatusReportForm
from .models import Assignment, ReportingRound, Status
from .reporting import CSV_HEADER, csv_untext

MAX_CSV_ROWS = 5_000


@dataclass
class Entry:
    """One assignment's row: its form, and whether saving it records a new status."""

    assignment: Assignment
    form: StatusReportForm
    changed: bool = False

    @property
    def has_errors(self) -> bool:
        return self.changed and bool(self.form.errors)


def _current(assignment: Assignment) -> tuple[str, str]:
    latest = assignment.latest_update
    return assignment.status, latest.public_text if latest else ""


def round_assignments(reporting_round: ReportingRound):
    return (
        Assignment.objects.filter(activity__focus_area__plan_id=reporting_round.plan_id)
        .select_related("council", "activity__focus_area", "latest_update__author__person")
        .order_by("activity__focus_area__order", "activity__focus_area_id", "activity__order")
    )


def council_entries(reporting_round: ReportingRound, council: Council, data=None) -> list[Entry]:
    """A form per assignment of the lokalråd (prefix "opgave-<id>"), bound to `data` if given.

    A row is an entry to save when anything in it differs from what the page showed (the current
    status and text, today's date, no note). A row left as shown gets an unbound form, so it shows
    no errors: it is not saved."""
    plan = reporting_round.plan
    entries = []
    for assignment in round_assignments(reporting_round).filter(council=council):
        status, text = _current(assignment)
        options = {"prefix": f"opgave-{assignment.pk}", "plan": plan}
        initial = {"status": status, "public_text": text}
        form = StatusReportForm(data, initial=initial, **options)
        posted = data is not None and any(key.startswith(f"{form.prefix}-") for key in data)
        changed = posted and form.has_changed()
        if data is not None and not changed:
            form = StatusReportForm(initial=initial, **options)
        entries.append(Entry(assignment=assignment, form=form, changed=changed))
    return entries


# --- CSV ----------------------------------------------------------------------------------------


@dataclass
class CsvRow:
    line: int
    focus_area: str
    activity: str
    council: str
    status_label: str
    date: str
    public_text: str
    entry: Entry | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        if self.errors or (self.entry and self.entry.has_errors):
            return "error"
        return "new" if self.entry and self.entry.changed else "unchanged"

    @property
    def messages(self) -> list[str]:
        if self.errors:
            return self.errors
        if self.entry is None:
            return []
        form = self.entry.form
        return [str(message) for messages in form.errors.values() for message in messages]


@dataclass
class CsvImport:
    text: str = ""
    rows: list[CsvRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    @property
    def entries(self) -> list[Entry]:
        return [row.entry for row in self.rows if row.state == "new"]

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.state == "error")

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.error_count

    @property
    def unchanged_count(self) -> int:
        return sum(1 for row in self.rows if row.state == "unchanged")


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without Excel's BOM), else Windows-1252, which Excel
    uses when it saves "CSV (semikolonsepareret)" on a Danish Windows."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv(reporting_round: ReportingRound, text: str) -> CsvImport:
    """Check every row of a status-report CSV against the round's plan; nothing is saved."""
    result = CsvImport(text=text)
    if "\x00" in text:
        result.file_errors.append(_("Filen er ikke en CSV-fil fra statusrapporten."))
        return result
    reader = csv.reader(io.StringIO(text), delimiter=";")
    try:
        lines = list(reader)
    except csv.Error:
        result.file_errors.append(_("Filen kan ikke læses som CSV med semikolon mellem felterne."))
        return result
    lines = [line for line in lines if any(cell.strip() for cell in line)]
    if not lines or tuple(cell.strip() for cell in lines[0]) != CSV_HEADER:
        result.file_errors.append(
            _("Første linje skal være statusrapportens kolonner: %(columns)s.")
            % {"columns": "; ".join(CSV_HEADER)}
        )
        return result
    if len(lines) - 1 > MAX_CSV_ROWS:
        result.file_errors.append(
            _("Filen har %(count)s rækker; der kan højst indlæses %(max)s ad gangen.")
            % {"count": len(lines) - 1, "max": MAX_CSV_ROWS}
        )
        return result

    assignments: dict[tuple[str, str, str], list[Assignment]] = {}
    for assignment in round_assignments(reporting_round):
        key = (
            assignment.activity.focus_area.title.strip(),
            assignment.activity.text.strip(),
            assignment.council.name.strip(),
        )
        assignments.setdefault(key, []).append(assignment)
    labels = {str(label).casefold(): value for value, label in Status.choices}
    plan = reporting_round.plan
    seen: dict[int, int] = {}

    for number, line in enumerate(lines[1:], start=2):
        cells = [cell.strip() for cell in line] + [""] * len(CSV_HEADER)
        area, activity, council, status_label, date, text = (csv_untext(c) for c in cells[:6])
        row = CsvRow(number, area, activity, council, status_label, date, text)
        result.rows.append(row)
        if len(line) != len(CSV_HEADER):
            row.errors.append(
                _("Rækken har %(count)s felter; den skal have %(expected)s.")
                % {"count": len(line), "expected": len(CSV_HEADER)}
            )
            continue
        found = assignments.get((area, activity, council), [])
        if not found:
            row.errors.append(
                _("Planen har ingen aktivitet »%(activity)s« under »%(area)s« for %(council)s.")
                % {"activity": activity, "area": area, "council": council}
            )
            continue
        if len(found) > 1:
            row.errors.append(
                _("Aktiviteten står flere gange under indsatsområdet; indtast den på rådets side.")
            )
            continue
        assignment = found[0]
        if assignment.pk in seen:
            row.errors.append(
                _("Samme aktivitet og råd som i række %(line)s.") % {"line": seen[assignment.pk]}
            )
            continue
        seen[assignment.pk] = number
        status = labels.get(status_label.casefold())
        if status is None:
            row.errors.append(
                _("Ukendt status »%(status)s«. Brug en af: %(choices)s.")
                % {"status": status_label, "choices": ", ".join(str(s.label) for s in Status)}
            )
            continue
        current_status, current_text = _current(assignment)
        current_date = assignment.status_date.strftime("%d-%m-%Y") if assignment.status_date else ""
        form = StatusReportForm(
            {"status": status, "public_text": text, "date": date, "internal_note": ""},
            plan=plan,
        )
        entry = Entry(assignment=assignment, form=form)
        entry.changed = (status, text, date) != (current_status, current_text, current_date)
        if entry.changed:
            form.is_valid()
        row.entry = entry
    return result


@transaction.atomic
def save_entries(entries: list[Entry], *, author) -> int:
    """Record every entry as a status update by `author`, or none: a refusal by the service
    (say the plan was superseded meanwhile) is put on the row's form and everything is rolled
    back. Returns how many were saved."""
    for entry in entries:
        if not entry.form.is_valid():
            raise ValidationError(_("Rettelser mangler."))
    for entry in entries:
        try:
            services.report_status(
                assignment=entry.assignment, author=author, **entry.form.cleaned_data
            )
        except ValidationError as error:
            entry.form.add_error(None, error.messages)
            raise
    return len(entries)


def saved_message(count: int) -> str:
    return ngettext(
        "%(count)s statusopdatering er gemt med dig som afsender.",
        "%(count)s statusopdateringer er gemt med dig som afsender.",
        count,
    ) % {"count": count}
