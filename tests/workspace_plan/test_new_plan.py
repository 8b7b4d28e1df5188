"""'Ny plan' on the secretariat's start page: an empty draft, then straight into its workspace;
a period the district already has a plan for is refused next to the field, input kept."""

from django.urls import reverse

from plans.models import Plan


def test_the_start_page_offers_a_new_plan_form(signed_in, draft):
    page = signed_in.get(reverse("workspace:home")).content.decode()
    assert f'action="{reverse("workspace:plan_add")}"' in page
    assert 'value="Samarbejdsplan"' in page


def test_a_new_plan_is_an_empty_draft_opened_in_its_workspace(signed_in, district):
    response = signed_in.post(
        reverse("workspace:plan_add"),
        {"title": "Samarbejdsplan", "period_start": "2027", "period_end": "2028"},
    )
    plan = Plan.objects.get(district=district, period_start=2027, period_end=2028)
    assert response.url == reverse("workspace:plan", args=[plan.pk])
    assert plan.status == Plan.Status.DRAFT
    assert not plan.sections.exists()


def test_a_period_the_district_has_a_plan_for_is_refused_with_the_input_kept(signed_in, draft):
    response = signed_in.post(
        reverse("workspace:plan_add"),
        {"title": "Min nye plan", "period_start": "2025", "period_end": "2026"},
    )
    assert response.status_code == 200
    assert "Kredsen har allerede en samarbejdsplan for 2025-2026." in response.content.decode()
    assert 'value="Min nye plan"' in response.content.decode()
    assert Plan.objects.filter(district=draft.district).count() == 1


def test_a_new_plan_is_issued_by_the_districts_kredsraad(signed_in, district):
    signed_in.post(
        reverse("workspace:plan_add"),
        {"title": "Samarbejdsplan", "period_start": "2027", "period_end": "2027"},
    )
    plan = Plan.objects.get(district=district, period_start=2027)
    assert plan.issuer == "Kredsrådet for Syd- og Sønderjyllands Politi"
    form = signed_in.get(reverse("workspace:front_matter", args=[plan.pk])).content.decode()
    assert 'value="Kredsrådet for Syd- og Sønderjyllands Politi"' in form
