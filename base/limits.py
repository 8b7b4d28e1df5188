"""Limits on input that models, forms and the admin share: text lengths and date bounds.

Plain text is counted as Django counts it (`max_length`, Django's own Danish message). Rich text
is counted as the reader sees it: the characters of its text without markup, so formatting does
not eat the allowance; its stored HTML has a looser cap of its own (`RICH_TEXT_HTML_FACTOR`),
which the database also enforces.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import BaseValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.deconstruct import deconstructible
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .text import danish_date, html_text

# No plan period starts before 2000 (the Plan model's check), and a status or an approval may
# lie in the year before its plan's period: nothing the portal stores is dated earlier.
EARLIEST_DATE = datetime.date(1999, 1, 1)

# A rich text's HTML may be this many times its text's limit: headings, lists and links.
RICH_TEXT_HTML_FACTOR = 2


def grouped(number: int) -> str:
    """30000 → "30.000", the Danish way."""
    return f"{number:,}".replace(",", ".")


def _max_chars_help(limit: int, rich: bool = False) -> str:
    if rich:
        return gettext("Højst %(limit)s tegn tekst; formatering tæller ikke med.") % {
            "limit": grouped(limit)
        }
    return gettext("Højst %(limit)s tegn.") % {"limit": grouped(limit)}


def _with_max_chars_help(help_text, limit: int, rich: bool = False) -> str:
    limit_text = _max_chars_help(limit, rich)
    return f"{help_text} {limit_text}" if help_text else limit_text


# Lazy: form classes are defined at import, before a language is active.
with_max_chars_help = lazy(_with_max_chars_help, str)


class DanishMaxLengthValidator(BaseValidator):
    """At most `limit_value` of what `clean` measures, both numbers written the Danish way."""

    code = "max_length"

    def compare(self, a, b):
        return a > b

    def __call__(self, value):
        length = self.clean(value)
        if self.compare(length, self.limit_value):
            raise ValidationError(
                self.message,
                code=self.code,
                params={
                    "limit_value": grouped(self.limit_value),
                    "show_value": grouped(length),
                    "value": value,
                },
            )


@deconstructible
class MaxTextLengthValidator(DanishMaxLengthValidator):
    """Rich text: at most `limit_value` characters of text, markup not counted."""

    message = _("Teksten må højst være %(limit_value)s tegn (den er %(show_value)s).")

    def clean(self, x):
        return len(html_text(x))


@deconstructible
class MaxMarkupLengthValidator(DanishMaxLengthValidator):
    """Rich text: its stored HTML at most `limit_value` characters, markup included."""

    message = _(
        "Teksten fylder %(show_value)s tegn med sin formatering; højst %(limit_value)s er "
        "tilladt. Forkort teksten, eller fjern noget af formateringen."
    )

    def clean(self, x):
        return len(x or "")


def max_length_constraint(model: str, field: str, limit: int) -> models.CheckConstraint:
    """The database's own refusal of a text longer than `limit` (a TextField has no length)."""
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), limit),
        name=f"{model}_{field}_max_length",
        violation_error_message=_("Teksten er for lang."),
    )


def date_bounds_error(
    reason, earliest: datetime.date, latest: datetime.date, *, field: str | None = None
) -> ValidationError:
    """Why a date is refused, and the dates that would be accepted."""
    choose = gettext("Vælg en dato fra %(earliest)s til %(latest)s.") % {
        "earliest": danish_date(earliest),
        "latest": danish_date(latest),
    }
    message = f"{reason} {choose}"
    error = ValidationError(message, code="date_out_of_range")
    return ValidationError({field: error}) if field else error


def date_bounds_problem(
    value: datetime.date,
    earliest: datetime.date,
    latest: datetime.date,
    *,
    too_early,
    too_late,
    field: str | None = None,
) -> ValidationError | None:
    """The error for a date outside `earliest`..`latest` (None inside): forms raise it, services
    raise it or collect its messages."""
    if value > latest:
        return date_bounds_error(too_late, earliest, latest, field=field)
    if value < earliest:
        return date_bounds_error(too_early, earliest, latest, field=field)
    return None


def limit_date_input(field, earliest: datetime.date, latest: datetime.date) -> None:
    """The browser's date picker of a form's `field` offers only `earliest`..`latest`."""
    field.widget.attrs.update(min=earliest.isoformat(), max=latest.isoformat())
