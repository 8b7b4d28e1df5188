"""Forms for lokalråd members and the secretariat's reporting rounds.

The forms only validate input; the writes happen in ``plans.services``.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from base.admin import RevisionLockedForm
from base.limits import limit_date_input, with_max_chars_help
from base.locking import carry_revision
from base.text import danish_date, danish_list, html_text, shorten
from councils.models import Council, Municipality
from forums.models import Forum

from . import docx_import
from .models import (
    BACKGROUND_CHARS,
    Activity,
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

    MISSING = "mangler"

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

    # "Mangler": only what the lokalråd has not reported in the open round. Chosen by links with
    # counts above the list; a hidden field keeps it when the status or area changes.
    runde = forms.ChoiceField(
        choices=[("", _("Alle")), (MISSING, _("Mangler"))],
        required=False,
        widget=forms.HiddenInput,
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


class PeriodField(forms.CharField):
    """A plan's period in one field, as a person writes it ("2024-2026", "2024 - 2026",
    "2024–2026", "2025"), read by `Period.from_typed`: a `Period`, or its Danish error."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Periode"))
        kwargs.setdefault(
            "help_text", _("To årstal, fx 2024-2026, eller ét år, fx 2025; højst fire år.")
        )
        kwargs.setdefault(
            "error_messages", {"required": _("Skriv perioden som to årstal, fx 2024-2026.")}
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        return Period.from_typed(text) if text else None

    def prepare_value(self, value):
        return value.label if isinstance(value, Period) else value


class PlanTitleForm(forms.Form):
    """A new plan's title ("Ny plan", "Importér fra Word")."""

    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        initial="Samarbejdsplan",
        help_text=with_max_chars_help("", 200),
        error_messages={"required": _("Giv planen en titel.")},
    )


class DocxUploadForm(PlanTitleForm, NextPeriodForm):
    """ "Importér fra Word": the plan's Word file and the new plan's title and years."""

    file = forms.FileField(
        label=_("Word-fil"),
        help_text=_("Planen som Word-dokument (.docx), højst 10 MB."),
        error_messages={"required": _("Vælg planens Word-fil.")},
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".docx,application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document"
            }
        ),
    )
    field_order = ["file", "title", "period_start", "period_end"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = with_max_chars_help(
            _("Står Word-filens titel i typografien »Titel«, foreslår portalen den bagefter."),
            200,
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size is not None and upload.size > docx_import.MAX_DOCX_BYTES:
            raise docx_import.too_large(upload.size)
        upload.seek(0)
        data = upload.read(docx_import.MAX_DOCX_BYTES + 1)
        docx_import.check_word_file(data)
        return data


ROLE_LABELS = {
    docx_import.CHAPTER: _("Kapitel"),
    docx_import.SUB: _("Underafsnit"),
    docx_import.SUBSUB: _("Under-underafsnit"),
    docx_import.FOREWORD: _("Forord"),
    docx_import.TEXT: _("Mellemoverskrift i teksten ovenfor"),
    docx_import.SKIP: _("Spring over"),
}


class DocxMappingForm(NextPeriodForm):
    """The mapping page: the plan's title and years, up to four focus-area groups, a role for
    every part of the Word file and the alt text and caption of every image."""

    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        help_text=with_max_chars_help("", 200),
        error_messages={"required": _("Giv planen en titel.")},
    )
    import_id = forms.CharField(widget=forms.HiddenInput)

    field_order = ["title", "period_start", "period_end"]

    def __init__(self, *args, document: "docx_import.ImportedDocument", **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        roles, suggested = docx_import.suggest_roles(document.parts)
        self.suggested = [
            *suggested,
            *[docx_import.GroupChoice("", FocusAreaGroup.Kind.DISTRICT, False)]
            * (docx_import.MAX_GROUPS - len(suggested)),
        ]
        if not suggested:
            self.suggested[0] = docx_import.GroupChoice(
                "Indsatsområder", FocusAreaGroup.Kind.DISTRICT, False
            )
        headings = []
        for number, group in enumerate(self.suggested):
            headings.append(self._group_heading(number))
            self.fields[f"group-{number}-heading"] = forms.CharField(
                label=_("Overskrift"), max_length=200, required=False, initial=group.heading
            )
            self.fields[f"group-{number}-kind"] = forms.ChoiceField(
                label=_("Type"), choices=FocusAreaGroup.Kind.choices, initial=group.kind
            )
            self.fields[f"group-{number}-ranked"] = forms.BooleanField(
                label=_("Prioriteret rækkefølge (nr. 1 først)"),
                required=False,
                initial=group.ranked,
            )
        group_choices = [
            (
                docx_import.group_role(number),
                _("Indsatsområde i gruppe %(n)s%(heading)s")
                % {"n": number + 1, "heading": f" ({heading})" if heading else ""},
            )
            for number, heading in enumerate(headings)
        ]
        for index, part in enumerate(document.parts):
            if part.level == 0:
                choices = [docx_import.FOREWORD, docx_import.SKIP]
                initial = docx_import.SKIP
            else:
                choices = [
                    docx_import.CHAPTER,
                    docx_import.SUB,
                    docx_import.SUBSUB,
                    docx_import.FOREWORD,
                    *(role for role, _label in group_choices),
                    docx_import.TEXT,
                    docx_import.SKIP,
                ]
                initial = roles[index]
            labels = dict(group_choices) | ROLE_LABELS
            self.fields[docx_import.part_field(index)] = forms.ChoiceField(
                label=_("»%(title)s« bliver til")
                % {"title": shorten(part.title, 60) if part.title else _("Teksten")},
                choices=[(role, labels[role]) for role in choices],
                initial=initial,
            )
        for image in document.images:
            if not image.extension:
                continue
            number = image.number
            self.fields[f"image-{number}-alt"] = forms.CharField(
                label=_("Alternativ tekst"),
                max_length=1000,
                required=False,
                initial=image.alt_text,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Hvad figuren viser, skrevet til den, der ikke kan se den."),
            )
            self.fields[f"image-{number}-caption"] = forms.CharField(
                label=_("Billedtekst"),
                max_length=300,
                required=False,
                initial=image.caption or _("Figur %(n)s") % {"n": number + 1},
            )
            self.fields[f"image-{number}-omit"] = forms.BooleanField(
                label=_("Udelad figuren"), required=False
            )

    def _group_heading(self, number: int) -> str:
        name = f"group-{number}-heading"
        if self.is_bound:
            return (self.data.get(self.add_prefix(name)) or "").strip()[:200]
        return self.suggested[number].heading

    def part_rows(self, thumbnails: dict | None = None):
        """Each part with its field and its images' fields (and their thumbnails as data:
        URIs), for the template."""
        rows = []
        for index, part in enumerate(self.document.parts):
            images = []
            for number in part.images:
                image = self.document.image(number)
                images.append(
                    {
                        "image": image,
                        "thumbnail": (thumbnails or {}).get(number),
                        "fields": [
                            self[f"image-{number}-{name}"] for name in ("alt", "caption", "omit")
                        ]
                        if image.extension
                        else [],
                    }
                )
            rows.append(
                {
                    "index": index,
                    "part": part,
                    "field": self[docx_import.part_field(index)],
                    "images": images,
                }
            )
        return rows

    def group_rows(self):
        return [
            [self[f"group-{number}-{name}"] for name in ("heading", "kind", "ranked")]
            for number in range(docx_import.MAX_GROUPS)
        ]

    def more_groups_open(self) -> bool:
        """Groups 2–4 are shown folded until one is used or has an error."""
        return any(
            self._group_heading(number) or self[f"group-{number}-heading"].errors
            for number in range(1, docx_import.MAX_GROUPS)
        )

    def choices(self) -> dict:
        """What `docx_import.create_plan` takes, from the cleaned data."""
        data = self.cleaned_data
        return {
            "title": data["title"].strip(),
            "period_start": data["period_start"],
            "period_end": data["period_end"],
            "roles": [
                data[docx_import.part_field(index)] for index in range(len(self.document.parts))
            ],
            "groups": [
                docx_import.GroupChoice(
                    heading=data[f"group-{number}-heading"],
                    kind=data[f"group-{number}-kind"],
                    ranked=data[f"group-{number}-ranked"],
                )
                for number in range(docx_import.MAX_GROUPS)
            ],
            "figures": {
                image.number: docx_import.FigureChoice(
                    alt_text=data[f"image-{image.number}-alt"],
                    caption=data[f"image-{image.number}-caption"],
                    omit=data[f"image-{image.number}-omit"],
                )
                for image in self.document.images
                if image.extension
            },
        }


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


class ActivityActorsForm:
    """Who carries an activity: at least one actor, and only the plan's own district's."""

    def clean(self):
        cleaned_data = super().clean()
        actors = [
            cleaned_data.get(name)
            for name in [
                "police",
                "municipalities",
                "district_council",
                "secretariat",
                "forum",
                "all_local_councils",
                "responsible_councils",
            ]
        ]
        if not any(actor for actor in actors if actor is not None and actor is not False):
            self.add_error(
                None,
                ValidationError(
                    _(
                        "Vælg mindst én ansvarlig: politiet, en kommune, kredsrådet, "
                        "sekretariatet, et forum, alle lokalråd eller udvalgte lokalråd."
                    ),
                    code="no_actor",
                ),
            )
        district_id = self._plan_district_id(cleaned_data)
        if district_id is not None:
            self._refuse_other_district(cleaned_data, district_id)
        councils = cleaned_data.get("responsible_councils") or []
        if cleaned_data.get("all_local_councils") and any(
            council.kind == Council.Kind.LOCAL for council in councils
        ):
            self.add_error(
                "responsible_councils",
                ValidationError(
                    _(
                        "Alle lokalråd er allerede valgt. Fjern de udvalgte lokalråd, eller "
                        "fjern krydset ved »Alle lokalråd«; et lokalråd+ kan godt vælges sammen "
                        "med alle lokalråd."
                    ),
                    code="all_and_named_local",
                ),
            )
        return cleaned_data

    def _plan_district_id(self, cleaned_data) -> int | None:
        focus_area = cleaned_data.get("focus_area")
        if focus_area is None and self.instance.focus_area_id:
            focus_area = self.instance.focus_area
        if focus_area is None or not focus_area.plan_id:
            return None
        return focus_area.plan.district_id

    def _refuse_other_district(self, cleaned_data, district_id: int) -> None:
        municipalities = cleaned_data.get("municipalities") or []
        foreign = [m for m in municipalities if m.district_id != district_id]
        if foreign:
            self.add_error(
                "municipalities",
                ValidationError(
                    _("%(names)s hører til en anden politikreds end planen.")
                    % {"names": danish_list(foreign)},
                    code="other_district",
                ),
            )
        councils = cleaned_data.get("responsible_councils") or []
        foreign = [c for c in councils if c.district_id != district_id]
        if foreign:
            self.add_error(
                "responsible_councils",
                ValidationError(
                    _("%(names)s hører til en anden politikreds end planen.")
                    % {"names": danish_list(c.name for c in foreign)},
                    code="other_district",
                ),
            )
        forum = cleaned_data.get("forum")
        if forum is not None and forum.district_id != district_id:
            self.add_error(
                "forum",
                ValidationError(
                    _("Forummet hører til en anden politikreds end planen."),
                    code="other_district",
                ),
            )


OTHER_DISTRICT_CHOICE = _("Vælg kun blandt planens politikreds' egne. %(value)s er ikke en af dem.")


class WorkspaceActivityForm(ActivityActorsForm, RevisionLockedForm):
    """An activity in the workspace: its text, timing and who carries it, chosen from the plan's
    district only (its kommuner, its active lokalråd and lokalråd+ by name, its forums). The
    actor rule is the admin's (`ActivityActorsForm`); the focus area is fixed by the address."""

    # The actors in the groups the form shows them in (templates/workspace/plan/_activity_form).
    ACTOR_GROUPS = [
        ("police", "police_unit"),
        ("municipalities",),
        ("district_council", "secretariat"),
        ("forum",),
        ("all_local_councils", "responsible_councils"),
    ]

    class Meta:
        model = Activity
        fields = [
            "text",
            "timing",
            "police",
            "police_unit",
            "municipalities",
            "district_council",
            "secretariat",
            "forum",
            "all_local_councils",
            "responsible_councils",
        ]
        labels = {
            "text": _("Aktivitet"),
            "timing": _("Tidsramme"),
            "police": _("Politiet"),
            "police_unit": _("Enhed i politiet"),
            "municipalities": _("Kommuner"),
            "district_council": _("Kredsrådet"),
            "secretariat": _("Sekretariatet"),
            "forum": _("Et samarbejdsforum"),
            "all_local_councils": _("Alle lokalråd"),
            "responsible_councils": _("Navngivne lokalråd og lokalråd+"),
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "municipalities": forms.CheckboxSelectMultiple,
            "responsible_councils": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "text": {"required": _("Skriv, hvad aktiviteten går ud på.")},
            "municipalities": {"invalid_choice": OTHER_DISTRICT_CHOICE},
            "responsible_councils": {"invalid_choice": OTHER_DISTRICT_CHOICE},
            "forum": {"invalid_choice": _("Vælg et af planens politikreds' samarbejdsfora.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        district_id = self.instance.focus_area.plan.district_id
        # The district's own, and whatever the activity already names (an inactive lokalråd
        # or forum stays chosen until the user removes it).
        named = self.instance.pk is not None
        kommuner = Q(district_id=district_id)
        councils = Q(district_id=district_id, is_active=True)
        forums = Q(district_id=district_id, is_active=True)
        if named:
            kommuner |= Q(activities=self.instance)
            councils |= Q(named_activities=self.instance)
            forums |= Q(pk=self.instance.forum_id)
        self.fields["municipalities"].queryset = (
            Municipality.objects.filter(kommuner).distinct().order_by("name")
        )
        self.fields["responsible_councils"].queryset = (
            Council.objects.filter(councils, kind__in=[Council.Kind.LOCAL, Council.Kind.LOCAL_PLUS])
            .distinct()
            .order_by("name")
        )
        self.fields["forum"].queryset = Forum.objects.filter(forums).order_by("order", "name")
        self.fields["forum"].empty_label = _("Intet forum")

    def actor_groups(self):
        """The actor fields bound, in their groups (for the template)."""
        return [[self[name] for name in group] for group in self.ACTOR_GROUPS]


class FollowForm(forms.Form):
    """A citizen's address for following a plan or a lokalråd (plans/following.py)."""

    email = forms.EmailField(
        label=_("Din e-mailadresse"),
        max_length=254,
        error_messages={
            "required": _("Skriv den e-mailadresse, du vil have mails på."),
            "invalid": _("Skriv en gyldig e-mailadresse, f.eks. navn@eksempel.dk."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
