"""Forms for the parts of a plan the workspace edits beside its sections and activities
(plans/views/workspace_parts.py): new focus areas (with their goals and first activities),
focus-area groups, goals, annual-cycle entries, figures and attachments; and "Ny plan", a new
draft with its cover, foreword and goals.

A focus area is a `RevisionedModel` and is locked on its own revision. The other parts have no
revision of their own; they are locked on their owner's, as the admin locks them as inline rows
of their owner's page (`OwnerLockedForm`): a goal on its focus area (or the plan), a figure on
its section, a group, an annual-cycle entry and an attachment on the plan. Saving one counts
the owner's revision on, so a page of the owner loaded before (here or in the admin) is refused
with the admin's message and its input kept. Uploads are checked by the model fields' own form
fields (`base.uploads`), as in the admin.
"""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from base import locking
from base.admin import (
    LoadedRevisionField,
    RevisionLockedForm,
    ScopedModelForm,
    refuse_if_moved_on,
)
from base.text import MONTH_CHOICES
from base.uploads import pdf_title
from councils.models import Council

from .admin import CYCLE_ENTRY_FIELDS, QUARTERS, FocusAreaFormMixin, outline_choices
from .forms import (
    PeriodField,
    PlanTitleForm,
    WorkspaceActivityForm,
    WorkspaceFrontMatterForm,
    WorkspaceSectionForm,
)
from .models import (
    MAX_GROUP_SECTION_LEVEL,
    Activity,
    AnnualCycleEntry,
    FocusArea,
    FocusAreaGroup,
    Goal,
    Plan,
    PlanAttachment,
    PlanSection,
    SectionFigure,
)
from .sections import add_activity, add_part, add_section, replace_goals
from .services import create_draft_plan, draft_issuer


class OwnerLockedForm(ScopedModelForm):
    """Optimistic locking of a part on its owner's revision (see the module's docstring)."""

    loaded_revision = LoadedRevisionField(
        label=_("indlæst redigeringsnummer"), required=False, min_value=0
    )

    def lock_owner(self):
        raise NotImplementedError

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["loaded_revision"].initial = self.lock_owner().revision

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        refuse_if_moved_on(self, self.lock_owner())
        return cleaned_data

    def save(self, commit=True):
        if commit and self.instance.pk is not None:
            locking.claim_revision(self.lock_owner(), self.cleaned_data.get("loaded_revision"))
        return super().save(commit=commit)


def typed_values(form) -> dict:
    """What the user typed into a bound form, field by field, as its widgets read it (a list
    for a row of checkboxes): the initial values of the same form shown again unbound, so the
    input is kept without errors shown yet ("Tilføj række")."""
    return {
        name: field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
        for name, field in form.fields.items()
    }


class ActivityRowForm(WorkspaceActivityForm):
    """A row of a new focus area's first activities: the workspace's activity form (text,
    timing, the actors from the plan's district, the police unit), for an area not saved yet."""

    def _plan_district_id(self, cleaned_data) -> int | None:
        return self.instance.focus_area.plan.district_id


class NewRows(forms.BaseFormSet):
    """Rows of new parts in one form: every row is a new part and may be left empty (rows
    left empty are ignored), each filled row is checked as one part, and "Tilføj række"
    (`with_another_row`) shows the rows again with the input kept and one empty row more,
    without JavaScript. A subclass says how to make itself again (`again`)."""

    def initial_form_count(self):
        # Every row is new, also those shown again with input.
        return super().initial_form_count() if self.is_bound else 0

    def filled(self) -> list[forms.Form]:
        return [form for form in self.forms if form.has_changed()]

    def again(self, *, initial: list[dict]) -> "NewRows":
        raise NotImplementedError

    def with_another_row(self) -> "NewRows":
        """The rows as typed (unbound, so no errors yet) and one empty row more."""
        rows = [typed_values(form) for form in self.forms]
        again = self.again(initial=[*rows, {}])
        again.extra = len(rows) + 1
        return again


ROWS_PREFIX = "aktivitet"


class ActivityRows(NewRows):
    """A new focus area's first activities, a row each (`ActivityRowsFormSet`, three rows),
    each checked as one activity; saved with the area (`NewFocusAreaForm.save`)."""

    def __init__(self, *args, area: FocusArea, **kwargs):
        self.area = area
        super().__init__(*args, prefix=ROWS_PREFIX, **kwargs)

    def get_form_kwargs(self, index):
        return {"instance": Activity(focus_area=self.area)}

    def again(self, *, initial):
        return type(self)(area=self.area, initial=initial)

    def save(self, *, area: FocusArea) -> list[Activity]:
        """Each filled row as an activity of the saved `area`, in the order of the rows."""
        saved = []
        for form in self.filled():
            form.instance.focus_area = area
            saved.append(add_activity(form=form))
        return saved


ActivityRowsFormSet = forms.formset_factory(ActivityRowForm, formset=ActivityRows, extra=3)


class GoalLists:
    """A form with the goals as lists, one textarea per party (`goal_list_fields`, named for
    the parties): "Ny plan", a new focus area and the goal lists themselves."""

    def goal_fields(self):
        return [self[party] for party in Goal.Party.values]

    def goal_lists(self) -> dict[str, list[str]]:
        """The typed goals by party, as `sections.replace_goals` writes them."""
        return {party: self.cleaned_data[party] for party in Goal.Party.values}


class NewFocusAreaForm(GoalLists, FocusAreaFormMixin, RevisionLockedForm):
    """A new focus area in the group the address names: its title, number, background and
    ambition, in a group of locally chosen areas the lokalråd that chose it (the admin's rule,
    `FocusAreaFormMixin`), its goals as lists, one textarea per party as `GoalListForm`
    (optional), and its first activities as rows (`ActivityRows`, optional), written with the
    area in one transaction. Valid only when the area and every filled row are."""

    class Meta:
        model = FocusArea
        fields = ["title", "rank", "councils", "background", "ambition"]
        widgets = {"councils": forms.CheckboxSelectMultiple}
        error_messages = {"title": {"required": _("Giv indsatsområdet en titel.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group = self.instance.group
        if group.is_local:
            self.fields["councils"].queryset = Council.objects.filter(
                district_id=self.instance.plan.district_id,
                kind=Council.Kind.LOCAL,
                is_active=True,
            ).order_by("name")
        else:
            del self.fields["councils"]
        if not group.ranked:
            del self.fields["rank"]
        elif not self.is_bound and self.initial.get("rank") is None:
            # A new area is usually the next in the ranking.
            last = group.focus_areas.aggregate(last=Max("rank"))["last"]
            self.initial["rank"] = (last or 0) + 1
        self.fields.update(goal_list_fields())
        # Sent without the rows (a form from before they were offered): no activities.
        rows_sent = f"{ROWS_PREFIX}-TOTAL_FORMS" in self.data
        self.activities = ActivityRowsFormSet(self.data if rows_sent else None, area=self.instance)

    def area_fields(self):
        return [field for field in self.visible_fields() if field.name not in Goal.Party.values]

    def is_valid(self):
        area_valid = super().is_valid()
        if not self.activities.is_bound:
            return area_valid
        return self.activities.is_valid() and area_valid

    def with_another_row(self) -> "NewFocusAreaForm":
        """The form as typed (unbound, so no errors yet) with one empty activity row more."""
        again = type(self)(instance=self.instance, initial=typed_values(self))
        again.activities = self.activities.with_another_row()
        again.activities.forms[-1].fields["text"].widget.attrs["autofocus"] = True
        return again

    def save(self, commit=True):
        """The area and (with `commit`) its goals and first activities, in one transaction."""
        with transaction.atomic():
            area = super().save(commit=commit)
            if commit:
                lists = self.goal_lists()
                if any(lists.values()):
                    replace_goals(plan=area.plan, focus_area=area, lists=lists)
                if self.activities.is_bound:
                    self.activities.save(area=area)
        return area


class GroupForm(OwnerLockedForm):
    """A focus-area group: its heading, type, whether it is ranked, and the chapter or
    sub-section it stands in (none: the chapter »Indsatsområder« after the plan's own). A new
    group's type starts on "Ud fra overskriften": left there, the type and the ranking follow
    from the heading's words (`FocusAreaGroup.guess_from_heading`), as the Word import takes
    them, so a plan typed in from the top needs no choice where the heading says it."""

    class Meta:
        model = FocusAreaGroup
        fields = ["heading", "kind", "ranked", "section"]
        error_messages = {
            "heading": {"required": _("Giv gruppen en overskrift.")},
            "section": {
                "invalid_choice": _(
                    "Vælg et kapitel eller et underafsnit i planen; i et afsnit på 3. niveau "
                    "ville indsatsområdernes overskrifter komme for langt ned."
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        section = self.fields["section"]
        section.queryset = section.queryset.filter(plan_id=self.instance.plan_id)
        outline_choices(section, self.instance.plan_id, max_level=MAX_GROUP_SECTION_LEVEL)
        section.empty_label = _("Kapitlet »Indsatsområder« efter planens kapitler")
        if self.instance.pk is None:
            self._kind_from_heading()

    def _kind_from_heading(self):
        """A new group's type may be left to its heading: an empty first choice, chosen."""
        kind = self.fields["kind"]
        kind.required = False
        kind.choices = [("", _("Ud fra overskriften")), *FocusAreaGroup.Kind.choices]
        kind.help_text = _(
            "Ud fra overskriften: nationale, når den nævner »national«, lokalt valgte ved "
            "»lokal«, ellers kredsfælles; står der »prioritet« eller »rangordnet«, får "
            "gruppen også prioriteret rækkefølge."
        )
        self.initial["kind"] = ""

    def lock_owner(self):
        return self.instance.plan

    def clean(self):
        cleaned_data = super().clean()
        heading = cleaned_data.get("heading")
        if not cleaned_data.get("kind") and heading:
            kind, ranked = FocusAreaGroup.guess_from_heading(heading)
            cleaned_data["kind"] = kind
            cleaned_data["ranked"] = cleaned_data.get("ranked") or ranked
        return cleaned_data

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        group = self.instance
        local = FocusAreaGroup.Kind.LOCAL
        if group.pk and (kind == local) != group.is_local and group.focus_areas.exists():
            raise ValidationError(
                _(
                    "Gruppen rummer indsatsområder, så den kan ikke skifte mellem lokalt valgte "
                    "og andre områder: lokalt valgte områder har lokalråd, de andre ikke. Opret "
                    "en ny gruppe, og flyt områderne dertil."
                )
            )
        return kind

    def clean_ranked(self):
        ranked = self.cleaned_data["ranked"]
        group = self.instance
        if group.pk and not ranked and group.focus_areas.filter(rank__isnull=False).exists():
            raise ValidationError(
                _(
                    "Områderne i gruppen har numre. Fjern først numrene på områderne, eller "
                    "lad gruppen være prioriteret."
                )
            )
        return ranked


class GoalForm(OwnerLockedForm):
    """A goal of a party: of a focus area, locked on it, or of the plan, locked on the plan."""

    class Meta:
        model = Goal
        fields = ["party", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "party": {"required": _("Vælg, hvis mål det er: politiets, kommunernes eller fælles.")},
            "text": {"required": _("Skriv målet.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].widget = forms.RadioSelect(choices=Goal.Party.choices)

    def lock_owner(self):
        return self.instance.focus_area or self.instance.plan


class LinesField(forms.CharField):
    """A textarea of one item a line. Cleans to the non-blank lines, trimmed; a line longer
    than `max_line` is refused with its number, so the user finds it in a long list."""

    def __init__(self, *, max_line: int, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        super().__init__(required=False, strip=False, **kwargs)
        self.max_line = max_line

    def clean(self, value) -> list[str]:
        text = super().clean(value) or ""
        lines, errors = [], []
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if len(line) > self.max_line:
                errors.append(
                    ValidationError(
                        _(
                            "Linje %(number)s er for lang: %(length)s tegn, højst "
                            "%(limit)s (»%(start)s …«). Del den op, eller gør den kortere."
                        ),
                        code="line_too_long",
                        params={
                            "number": number,
                            "length": len(line),
                            "limit": self.max_line,
                            "start": Truncator(line).chars(40, truncate=""),
                        },
                    )
                )
            elif line:
                lines.append(line)
        if errors:
            raise ValidationError(errors)
        return lines


def goal_list_fields(goals=()) -> dict[str, LinesField]:
    """One textarea per party (named for it), one goal a line, `goals` as their start."""
    limit = Goal._meta.get_field("text").max_length
    return {
        party: LinesField(
            label=Goal.HEADINGS[party],
            max_line=limit,
            initial="\n".join(" ".join(g.text.split()) for g in goals if g.party == party),
            help_text=_("Ét mål pr. linje, i den rækkefølge de skal stå."),
        )
        for party in Goal.Party.values
    }


class GoalListForm(GoalLists, forms.Form):
    """The goals of the plan (`owner` a plan) or of a focus area as lists: one textarea per
    party, one goal a line (`plans.sections.replace_goals`). Locked on the owner's revision like
    a single goal, so a list loaded before someone else's change is refused with the input
    kept."""

    loaded_revision = LoadedRevisionField(
        label=_("indlæst redigeringsnummer"), required=False, min_value=0
    )

    def __init__(self, *args, plan, focus_area=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan, self.focus_area = plan, focus_area
        self.owner = focus_area or plan
        self.fields["loaded_revision"].initial = self.owner.revision
        goals = Goal.objects.filter(plan=plan, focus_area=focus_area).order_by("order", "pk")
        self.fields.update(goal_list_fields(goals))

    def clean(self):
        cleaned_data = super().clean()
        refuse_if_moved_on(self, self.owner)
        return cleaned_data

    @transaction.atomic
    def save(self) -> None:
        """Claim the owner's revision (RevisionConflict if it moved on) and write the lists."""
        locking.claim_revision(self.owner, self.cleaned_data.get("loaded_revision"))
        replace_goals(
            plan=self.plan,
            focus_area=self.focus_area,
            lists=self.goal_lists(),
        )


# The front matter a new plan may be given at once, as the workspace's front matter form has it.
NEW_PLAN_FRONT_MATTER = ["subtitle", "issuer", "foreword"]


class NewPlanForm(GoalLists, PlanTitleForm):
    """ "Ny plan": the new draft's title and period and, if the secretariat has them at hand,
    its subtitle, issuer and foreword (the front matter form's own fields) and the plan's goals
    as lists; all of these may as well be written later in the workspace."""

    period = PeriodField()

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.district = district
        front_matter = WorkspaceFrontMatterForm.base_fields
        self.fields.update(
            {name: copy.deepcopy(front_matter[name]) for name in NEW_PLAN_FRONT_MATTER}
        )
        self.fields["issuer"].initial = draft_issuer(district)
        self.fields.update(goal_list_fields())

    def front_matter_fields(self):
        return [self[name] for name in NEW_PLAN_FRONT_MATTER]

    @transaction.atomic
    def save(self) -> Plan:
        """The draft with its front matter and goals, in one transaction (ValidationError,
        keyed by field, when the district has a plan for the period or a value is refused)."""
        data = self.cleaned_data
        plan = create_draft_plan(
            district=self.district,
            title=data["title"],
            period=data["period"],
            **{name: data[name] for name in NEW_PLAN_FRONT_MATTER},
        )
        replace_goals(plan=plan, focus_area=None, lists=self.goal_lists())
        return plan


class CycleEntryForm(OwnerLockedForm):
    """An entry of the annual cycle: what, when (a month, a quarter or no fixed month), which
    council (a new one starts with the district's kredsråd: the cycle is the kredsråd's, and
    most of its entries are; "Intet bestemt råd" stays a choice); locked on the plan."""

    month = forms.TypedChoiceField(
        label=_("måned"),
        choices=[("", "–"), *MONTH_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    quarter = forms.TypedChoiceField(
        label=_("kvartal"),
        choices=[("", "–"), *QUARTERS],
        coerce=int,
        empty_value=None,
        required=False,
    )
    undated = forms.ChoiceField(
        label=_("uden fast måned"),
        choices=[("", "–"), *AnnualCycleEntry.Undated.choices],
        required=False,
        help_text=_("Vælg dette i stedet for en måned eller et kvartal."),
    )

    class Meta:
        model = AnnualCycleEntry
        fields = CYCLE_ENTRY_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"title": {"required": _("Skriv, hvad punktet er.")}}

    def __init__(self, *args, **kwargs):
        given = kwargs.get("initial") or {}
        super().__init__(*args, **kwargs)
        council = self.fields["council"]
        council.queryset = Council.objects.filter(
            district_id=self.instance.plan.district_id, is_active=True
        ).order_by("kind", "name")
        council.empty_label = _("Intet bestemt råd")
        if self.instance.pk is None and "council" not in given:
            # Bound too: a row left as it was shown is then unchanged (CycleRows).
            self.initial["council"] = (
                council.queryset.filter(kind=Council.Kind.DISTRICT)
                .values_list("pk", flat=True)
                .first()
            )

    def lock_owner(self):
        return self.instance.plan


class CycleRows(NewRows):
    """Several new entries of the annual cycle in one form (`CycleRowsFormSet`): three rows,
    six while the plan has no entry yet; each filled row is checked as one entry
    (`CycleEntryForm`), and nothing is saved unless every filled row is right."""

    # Rows shown for a plan whose annual cycle is still empty: a year's usual entries.
    FIRST_ROWS = 6

    def __init__(self, *args, plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial and not plan.annual_cycle.exists():
            self.extra = self.FIRST_ROWS

    def get_form_kwargs(self, index):
        return {"instance": AnnualCycleEntry(plan=self.plan)}

    def clean(self):
        if not self.filled():
            raise ValidationError(_("Skriv mindst ét punkt."), code="no_rows")

    def again(self, *, initial):
        return type(self)(plan=self.plan, initial=initial)

    @transaction.atomic
    def save(self) -> list[AnnualCycleEntry]:
        """Each filled row, last at its time of year, in the order of the rows."""
        return [add_part(form=form) for form in self.filled()]


CycleRowsFormSet = forms.formset_factory(CycleEntryForm, formset=CycleRows, extra=3)


IMAGE_AGAIN = _("Vælg billedet igen: en valgt fil kan ikke huskes, når formularen vises igen.")


class FigureForm(OwnerLockedForm):
    """A figure of a section: the image (checked and saved anew by the field), its alternative
    text and caption; locked on the section. Editing it may keep the stored image."""

    class Meta:
        model = SectionFigure
        fields = ["image", "alt_text", "caption"]
        widgets = {"alt_text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"image": {"required": _("Vælg et billede i PNG eller JPEG.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An empty alt text or caption gets the message the model's constraint gives it.
        for constraint in SectionFigure._meta.constraints:
            if field := SectionFigure.constraint_error_fields.get(constraint.name):
                self.fields[field].error_messages["required"] = constraint.violation_error_message
        if self.instance.pk is not None:
            self.fields["image"].widget = forms.FileInput(attrs={"accept": "image/png,image/jpeg"})
            keep = _("Vælg kun et billede, hvis det gemte skal skiftes ud.")
            self.fields["image"].help_text = f"{keep} {self.fields['image'].help_text}"

    def lock_owner(self):
        return self.instance.section

    def is_valid(self):
        valid = super().is_valid()
        if not valid:
            self.ask_for_the_image_again()
        return valid

    def ask_for_the_image_again(self) -> None:
        """A form shown again cannot hold the file the user chose (no browser lets a page set
        a file input): where an image was sent, its field says to choose it again."""
        if self.files.get(self.add_prefix("image")) and "image" not in self.errors:
            self.add_error("image", IMAGE_AGAIN)


FIGURE_PREFIX = "figur"


class NewSectionForm(WorkspaceSectionForm):
    """A new section with, optionally, its first figure (`FigureForm` under the prefix
    `figur`, its fields left empty: no figure), so that a chapter with a diagram is written in
    one form. Valid only when the section is and a figure begun is; both are written in one
    transaction (`add`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.figure = FigureForm(
            self.data if self.is_bound else None,
            self.files if self.is_bound else None,
            prefix=FIGURE_PREFIX,
            instance=SectionFigure(section=self.instance),
        )
        if not self.figure_begun():  # shown, not checked: not marked as required yet
            for field in self.figure.fields.values():
                field.required = False

    def figure_begun(self) -> bool:
        return self.is_bound and self.figure.has_changed()

    def is_multipart(self):
        return True  # the figure's image

    def is_valid(self):
        section_valid = super().is_valid()
        figure_valid = self.figure.is_valid() if self.figure_begun() else True
        if not section_valid:
            self.figure.ask_for_the_image_again()
        return section_valid and figure_valid

    @transaction.atomic
    def add(self, *, plan, parent) -> PlanSection:
        """The section last under `parent` (`sections.add_section`) and its figure, if one was
        begun; ValidationError (Danish) when the outline refuses the section."""
        section = add_section(
            plan=plan,
            parent=parent,
            title=self.cleaned_data["title"],
            body=self.cleaned_data["body"],
        )
        if self.figure_begun():
            self.figure.instance.section = section
            add_part(form=self.figure)
        return section


class AttachmentForm(OwnerLockedForm):
    """An attachment of the plan: its title and PDF (checked by the field); locked on the plan.
    Editing it may keep the stored file."""

    class Meta:
        model = PlanAttachment
        fields = ["title", "file"]
        error_messages = {
            "title": {"required": _("Giv bilaget en titel.")},
            "file": {"required": _("Vælg en PDF-fil.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["file"].widget = forms.FileInput(attrs={"accept": "application/pdf"})
            keep = _("Vælg kun en fil, hvis den gemte skal skiftes ud.")
            self.fields["file"].help_text = f"{keep} {self.fields['file'].help_text}"
        else:  # most PDFs carry their title: a new one may take it
            self.fields["title"].required = False
            self.fields["title"].help_text = _(
                "Står feltet tomt, bruges PDF-filens egen titel eller ellers filnavnet."
            )

    def lock_owner(self):
        return self.instance.plan

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("title") and cleaned_data.get("file"):
            limit = PlanAttachment._meta.get_field("title").max_length
            cleaned_data["title"] = pdf_title(cleaned_data["file"])[:limit]
        return cleaned_data
