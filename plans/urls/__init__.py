"""URL modules, one per audience, each with its views in `plans/views/` under the same name.
portal/urls.py mounts them; `public` last, because a district slug is a catch-all first segment.

A plan's addresses name its period with the `period` converter: the view gets a
`plans.models.Period`, and only the label of a period a plan may have matches ("2017" or
"2017-2018", never "2017-2017"); anything else is a 404 before a view runs.
"""

from django.urls import register_converter

from ..models import Period


class PeriodConverter:
    regex = Period.PATTERN

    def to_python(self, value: str) -> Period:
        return Period.from_label(value)

    def to_url(self, value: Period | str) -> str:
        return value.label if isinstance(value, Period) else Period.from_label(value).label


register_converter(PeriodConverter, "period")

# The first segments of every address of one plan (public pages and PDFs).
PLAN = "<slug:district>/samarbejdsplan/<period:period>/"
