"""A plan's period has one rule: the model's validation decides which periods a plan may have,
and the addresses of plans (public pages and PDFs) accept exactly the labels of those periods."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from plans.models import Period, Plan

pytestmark = pytest.mark.django_db

LABELS = [
    "2017",
    "2017-2018",
    "2017-2020",
    "2000",
    "2100",
    "2100-2103",
    "2017-2017",  # a one-year plan is written "2017"
    "2018-2017",
    "2017-2021",
    "1999",
    "1999-2000",
    "2101",
    "0017",
    "17",
    "2017-18",
    "2017–2018",
    "tjuhej",
]


def model_accepts(district, label: str) -> bool:
    """Whether a plan may cover the years the label names, and the label is how it writes them."""
    start, _dash, end = label.partition("-")
    if not (start.isascii() and start.isdigit() and (not end or end.isdigit())):
        return False
    plan = Plan(district=district, period_start=int(start), period_end=int(end or start))
    try:
        plan.full_clean()
    except ValidationError:
        return False
    return plan.period_label == label


def url_accepts(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


@pytest.mark.parametrize("label", LABELS)
def test_addresses_accept_exactly_the_periods_the_model_accepts(district, label):
    expected = model_accepts(district, label)
    assert url_accepts(f"/{district.slug}/samarbejdsplan/{label}/") == expected
    assert url_accepts(f"/{district.slug}/samarbejdsplan/{label}/pdf/") == expected
    assert url_accepts(f"/{district.slug}/samarbejdsplan/{label}/version/1/pdf/") == expected


def test_a_one_year_plan_is_written_with_its_year_only(district):
    assert not model_accepts(district, "2017-2017")
    assert model_accepts(district, "2017")
    assert Plan(district=district, period_start=2017, period_end=2017).period_label == "2017"
    assert resolve(f"/{district.slug}/samarbejdsplan/2017/").kwargs["period"] == (2017, 2017)
    for name in ("public:plan", "pdf:plan"):
        with pytest.raises(NoReverseMatch):
            reverse(name, kwargs={"district": district.slug, "period": "2017-2017"})


def test_the_view_gets_the_period_and_addresses_are_built_from_it(district):
    period = resolve(f"/{district.slug}/samarbejdsplan/2017-2018/").kwargs["period"]
    assert period == Period(2017, 2018)
    url = reverse("public:plan", kwargs={"district": district.slug, "period": period})
    assert url == f"/{district.slug}/samarbejdsplan/2017-2018/"


@pytest.mark.parametrize("label", LABELS)
def test_a_typed_period_is_one_the_model_accepts(district, label):
    """What a secretariat types ("Ny plan") goes through the same rule: every label the model
    accepts is read as itself, and whatever is read is a period the model accepts."""
    try:
        typed = Period.from_typed(label).label
    except ValidationError:
        typed = None
    if model_accepts(district, label):
        assert typed == label
    if typed is not None:
        assert model_accepts(district, typed)


def test_a_typed_period_may_have_spaces_and_a_long_dash():
    assert Period.from_typed(" 2024 - 2026 ") == Period(2024, 2026)
    assert Period.from_typed("2024–2026") == Period(2024, 2026)
    assert Period.from_typed("2025-2025") == Period(2025, 2025)
