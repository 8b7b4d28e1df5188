"""Forms for lokalråd members and the secretariat's reporting rounds.

The forms only validate input; the writes happen in ``plans.services``.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from base.admin import RevisionLockedForm
from base.limits import limit_date_input, with_max_chars_help
from base.locking import carry_revision
from base.text import danish_date, html_text

from .models import (
    BACKGROUND_CHARS,
    FocusArea,
    FocusAreaGroup,
    Period,
    Plan,
    PlanSection,
    ReportingRound,
    Status,
)


class DateInput(forms.DateInput):
    """The browser's date picker."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DanishDateField(forms.DateField):
    """A date from the date picker, or typed the Danish way where there is none."""

    widget = DateInput
    input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"]
    default_error_messages = {"invalid": _("Skriv datoen som dd-mm-åååå, f.eks. 15-06-2026.")}


class StatusReportForm(forms.Form):
    """A member's status report on one assignment."""

    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    public_text = forms.CharField(
        label=_("Offentlig tekst"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=with_max_chars_help(
            _(
                "Kort og klart: hvad er gjort, og hvad er det næste? Teksten vises offentligt. "
                "Skriv aldrig om enkeltpersoner."
            ),
            2000,
        ),
        error_messages={"required": _("Skriv en kort offentlig tekst om status.")},
    )
    internal_note = forms.CharField(
        label=_("Intern note – vises aldrig offentligt"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=with_max_chars_help(
            _(
                "Valgfri. Kun lokalrådet og sekretariatet kan læse den. Skriv aldrig om "
                "enkeltpersoner: portalen er ikke til sagsoplysninger."
            ),
            2000,
        ),
    )
    date = DanishDateField(
        label=_("Dato"), error_messages={"required": _("Angiv datoen for status.")}
    )

    def __init__(self, *args, plan, **kwargs):
        """`plan`: the assignment's plan, whose period bounds the date (see Plan)."""
        super().__init__(*args, **kwargs)
        self.plan = plan
        earliest, latest = plan.status_date_bounds()
        field = self.fields["date"]
        limit_date_input(field, earliest, latest)
        field.initial = timezone.localdate()
        field.help_text = _("Den dag status gælder: fra %(earliest)s til i dag.") % {
            "earliest": danish_date(earliest)
        }

    def clean_date(self):
        date = self.cleaned_data["date"]
        if problem := self.plan.status_date_problem(date):
            raise problem
        return date


class AssignmentFilterForm(forms.Form):
    """The GET filters on "Mit lokalråd"."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alle"))] + list(Status.choices),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    omraade = forms.TypedChoiceField(
        label=_("Indsatsområde"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, focus_areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["omraade"].choices = [("", _("Alle"))] + [
            (area.pk, area.title) for area in focus_areas
        ]


class OpenRoundForm(forms.Form):
    name = forms.CharField(
        label=_("Navn"),
        max_length=200,
        help_text=with_max_chars_help(_("F.eks. »Status juni 2026«."), 200),
        error_messages={"required": _("Giv runden et navn.")},
    )
    deadline = DanishDateField(label=_("Frist"), error_messages={"required": _("Angiv en frist.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.earliest, self.latest = ReportingRound.deadline_bounds(timezone.localdate())
        field = self.fields["deadline"]
        limit_date_input(field, self.earliest, self.latest)
        field.help_text = _(
            "Sidste dag lokalrådene kan indberette i runden: fra i dag til %(latest)s."
        ) % {"latest": danish_date(self.latest)}

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if problem := ReportingRound.deadline_problem(deadline, opened_on=self.earliest):
            raise problem
        return deadline


_SIMPLE_TAGS = {"p", "br"}
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z0-9]+)[^>]*>")


def is_plain_html(value: str) -> bool:
    """True when rich text holds nothing but paragraphs and line breaks."""
    return {tag.lower() for tag in _TAG.findall(value or "")} <= _SIMPLE_TAGS


def html_to_plain(value: str) -> str:
    """Paragraph HTML as plain text: blank line between paragraphs, newline for <br>."""
    text = re.sub(r"<\s*br\s*/?\s*>", "\n", value or "", flags=re.IGNORECASE)
    text = re.sub(r"<\s*/\s*p\s*>", "\n\n", text, flags=re.IGNORECASE)
    return html_text(text).strip()


def plain_to_html(value: str) -> str:
    """Plain text as paragraphs: a blank line starts a new paragraph, a newline breaks a line."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", value.replace("\r", ""))]
    return "".join(
        "<p>" + "<br>".join(escape(line) for line in part.split("\n")) + "</p>"
        for part in paragraphs
        if part
    )


STALE_MESSAGE = _(
    "En anden har ændret dette, mens du redigerede. Dine ændringer er ikke gemt; "
    "se den nye udgave, og indsæt dine ændringer igen."
)


class RevisionMixin(forms.Form):
    """The revision the page was loaded at, for optimistic locking (base.locking)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def refuse_stale(self, current_revision: int) -> None:
        """Someone saved meanwhile (RevisionConflict): say so and keep the user's input, now at
        the current revision, so saving again is a deliberate overwrite."""
        self.add_error(None, ValidationError(STALE_MESSAGE, code="stale"))
        carry_revision(self, "revision", current_revision)


class LocalFocusAreaForm(RevisionMixin):
    """A lokalråd secretary's own focus area. Background is plain text, stored as paragraphs."""

    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        help_text=with_max_chars_help("", 200),
        error_messages={"required": _("Giv indsatsområdet en titel.")},
    )
    background = forms.CharField(
        label=_("Baggrund"),
        required=False,
        max_length=BACKGROUND_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=with_max_chars_help(
            _("Hvorfor har lokalrådet valgt området? En tom linje starter et nyt afsnit."),
            BACKGROUND_CHARS,
        ),
    )
    ambition = forms.CharField(
        label=_("Ambition"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=with_max_chars_help(
            _("Sætningen, der leder over i aktiviteterne: »Vi vil … ved at …«"), 1000
        ),
    )

    def __init__(self, *args, rich_background: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if rich_background:
            # Headings, lists or links from the secretariat's editor cannot be edited as plain
            # text without losing them; the view keeps the stored background unchanged.
            del self.fields["background"]

    def clean_background(self):
        return plain_to_html(self.cleaned_data["background"])


class LocalActivityForm(RevisionMixin):
    """An activity of the lokalråd's own under a district-wide or local focus area."""

    focus_area = forms.ModelChoiceField(
        label=_("Indsatsområde"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Vælg et af de viste indsatsområder.")},
    )
    text = forms.CharField(
        label=_("Aktivitet"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=with_max_chars_help(_("Hvad gør lokalrådet? Skriv det som en handling."), 2000),
        error_messages={"required": _("Beskriv aktiviteten.")},
    )
    timing = forms.CharField(
        label=_("Tidsramme"),
        max_length=100,
        required=False,
        help_text=with_max_chars_help(_("F.eks. »2026« eller »efterår 2026«."), 100),
    )

    def __init__(self, *args, focus_areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = focus_areas


class NextPeriodForm(forms.Form):
    """The years of the new plan that "Ny plan for næste periode" copies an old one into."""

    period_start = forms.IntegerField(
        label=_("Periode fra år"),
        min_value=Period.FIRST_YEAR,
        max_value=Period.LAST_YEAR,
        error_messages={
            "required": _("Angiv planens første år."),
            "invalid": _("Skriv året med fire cifre, f.eks. 2027."),
            "min_value": _("Året skal være %(limit_value)s eller senere."),
            "max_value": _("Året skal være %(limit_value)s eller tidligere."),
        },
    )
    period_end = forms.IntegerField(
        label=_("Periode til år"),
        min_value=Period.FIRST_YEAR,
        max_value=Period.LAST_YEAR,
        help_text=_("Samme år som startåret, hvis planen dækker ét år; højst fire år i alt."),
        error_messages={
            "required": _("Angiv planens sidste år."),
            "invalid": _("Skriv året med fire cifre, f.eks. 2028."),
            "min_value": _("Året skal være %(limit_value)s eller senere."),
            "max_value": _("Året skal være %(limit_value)s eller tidligere."),
        },
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start is not None and end is not None and (problem := Period(start, end).problem()):
            self.add_error("period_end", problem)
        return cleaned


STATUS_CSV_MAX_BYTES = 1_000_000


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-fil"),
        help_text=_(
            "Statusrapportens CSV-fil, som du har hentet her og udfyldt: samme kolonner, "
            "semikolon mellem felterne. Højst 1 MB."
        ),
        error_messages={"required": _("Vælg den CSV-fil, der skal indlæses.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > STATUS_CSV_MAX_BYTES:
            raise forms.ValidationError(_("Filen er større end 1 MB."))
        return upload


# --- The secretariat's plan workspace (plans/views/workspace_plan.py) -------------------------
# Model forms under optimistic locking, as in the admin (base.admin.RevisionLockedForm): a
# conflicting save is refused with the admin's message and the user's input kept.


class WorkspaceFrontMatterForm(RevisionLockedForm):
    """The plan's cover, foreword, shared goals and signature."""

    class Meta:
        model = Plan
        fields = [
            "title",
            "subtitle",
            "issuer",
            "foreword",
            "shared_goals",
            "signatory_name",
            "signatory_title",
        ]


class WorkspaceSectionForm(RevisionLockedForm):
    """A section's heading and text; its place is changed with the move buttons."""

    class Meta:
        model = PlanSection
        fields = ["title", "body"]
        error_messages = {"title": {"required": _("Giv afsnittet en overskrift.")}}


class WorkspaceFocusAreaForm(RevisionLockedForm):
    """A focus area's title, group, number, background and ambition. Its lokalråd are chosen
    in the admin, so it stays in a group of the same kind (local or not) here."""

    class Meta:
        model = FocusArea
        fields = ["title", "group", "rank", "background", "ambition"]
        error_messages = {"title": {"required": _("Giv indsatsområdet en titel.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group = self.fields["group"]
        group.queryset = FocusAreaGroup.objects.filter(plan_id=self.instance.plan_id).order_by(
            "order", "pk"
        )
        group.empty_label = None

    def clean_group(self):
        group = self.cleaned_data["group"]
        if group is not None and group.is_local != self.instance.group.is_local:
            raise ValidationError(
                _(
                    "Et lokalt valgt indsatsområde kan kun flyttes til en anden gruppe af lokalt "
                    "valgte områder, og et andet område ikke dertil. Skift gruppe og lokalråd "
                    "sammen i administrationen."
                )
            )
        return group
