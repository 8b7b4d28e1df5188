"""The workflow inside the workspace: the steps the plan's state allows, each confirmed on a
workspace page with the admin's forms and rules, back to the workspace with a message; and
the preview tab, which shows the public page as it will be published."""

import datetime

import pytest
from django.urls import reverse

from councils.models import SecretariatStaff
from plans.models import Plan, PlanVersion
from plans.publishing import publish_plan

pytestmark = pytest.mark.django_db


def url(step, plan, query=""):
    return reverse(f"workspace:{step}", args=[plan.pk]) + query


def workspace(plan):
    return reverse("workspace:plan", args=[plan.pk])


@pytest.fixture
def published(draft, secretariat, today):
    publish_plan(plan=draft, effective_date=today, user=secretariat)
    draft.refresh_from_db()
    return draft


@pytest.mark.parametrize(
    ("status", "offered", "absent"),
    [
        (Plan.Status.DRAFT, ["approve", "publish"], ["supersede"]),
        (Plan.Status.APPROVED, ["publish"], ["approve", "supersede"]),
        (Plan.Status.PUBLISHED, ["publish", "supersede"], ["approve"]),
        (Plan.Status.SUPERSEDED, [], ["approve", "publish", "supersede"]),
    ],
)
def test_the_workspace_header_offers_the_steps_the_state_allows(
    signed_in, draft, status, offered, absent
):
    Plan.objects.filter(pk=draft.pk).update(status=status)
    html = signed_in.get(workspace(draft)).content.decode()
    for step in offered:
        assert f'href="{url(step, draft)}"' in html
    for step in absent:
        assert url(step, draft) not in html


def test_approving_in_the_workspace_returns_there_with_a_message(signed_in, draft, today):
    page = signed_in.get(url("approve", draft))
    assert page.status_code == 200
    assert 'name="council_treatment"' in page.text
    response = signed_in.post(
        url("approve", draft),
        {"council_treatment": "approved", "meeting_date": today.isoformat()},
        follow=True,
    )
    assert response.redirect_chain == [(workspace(draft), 302)]
    assert "Planen for 2025-2026 er registreret: godkendt af kredsrådet" in response.text
    draft.refresh_from_db()
    assert draft.status == Plan.Status.APPROVED


def test_publishing_in_the_workspace_creates_version_one(signed_in, draft, today):
    response = signed_in.post(
        url("publish", draft),
        {"version_number": 1, "published_on": today.isoformat(), "effective_date": today},
        follow=True,
    )
    assert response.redirect_chain == [(workspace(draft), 302)]
    assert "Version 1 af planen for 2025-2026 er offentliggjort." in response.text
    assert draft.versions.get().number == 1


def test_a_refused_date_keeps_the_input_and_saves_nothing(signed_in, draft, today):
    future = today + datetime.timedelta(days=3)
    response = signed_in.post(
        url("publish", draft),
        {"version_number": 1, "published_on": future.strftime("%d-%m-%Y"), "effective_date": ""},
    )
    assert response.status_code == 200
    assert "Handlingen er ikke udført" in response.text
    assert "Angiv den dato, planen gælder fra." in response.text
    assert f'value="{future.strftime("%d-%m-%Y")}"' in response.text
    assert not PlanVersion.objects.exists()


def test_the_revision_page_lists_and_preticks_the_changed_section(signed_in, published):
    changed = published.sections.get(title="Kredsrådet")
    changed.body = "<p>Rådet mødes fire gange om året</p>"
    changed.save()
    untouched = published.sections.get(title="Indledning")
    html = signed_in.get(url("publish", published)).content.decode()
    assert "Afsnit ændret: Kredsrådet" in html
    assert f'value="{changed.pk}"' in html and f'value="{untouched.pk}"' in html
    checked = [
        line
        for line in html.splitlines()
        if 'name="changed_sections"' in line and "checked" in line
    ]
    assert len(checked) == 1 and f'value="{changed.pk}"' in checked[0]


def test_a_revision_from_the_workspace_footnotes_the_ticked_section(signed_in, published, today):
    changed = published.sections.get(title="Kredsrådet")
    response = signed_in.post(
        url("publish", published),
        {
            "version_number": 2,
            "published_on": today.strftime("%d-%m-%Y"),
            "effective_date": today.isoformat(),
            "revision_note": "Møderne er flyttet.",
            "changed_sections": [changed.pk],
        },
    )
    assert response.status_code == 302
    assert published.versions.get(number=2).changed_sections == [changed.pk]


def test_a_step_the_state_does_not_allow_is_explained_and_not_offered(signed_in, draft):
    response = signed_in.get(url("supersede", draft))
    assert "Kun en offentliggjort plan kan afløses." in response.text
    assert "Markér som afløst</button>" not in response.text


def test_superseding_in_the_workspace(signed_in, published):
    response = signed_in.post(url("supersede", published), follow=True)
    assert "er markeret som afløst" in response.text
    published.refresh_from_db()
    assert published.status == Plan.Status.SUPERSEDED


def test_another_districts_secretariat_cannot_take_a_step(
    client, make_user, other_district, draft, today
):
    other = make_user("fyn", staff=True)
    SecretariatStaff.objects.create(user=other, district=other_district)
    client.force_login(other)
    response = client.post(
        url("approve", draft), {"council_treatment": "approved", "meeting_date": today}
    )
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT


# --- The preview tab ------------------------------------------------------------------------


def test_the_workspace_has_an_edit_and_a_preview_tab(signed_in, draft):
    html = signed_in.get(workspace(draft)).content.decode()
    assert f'class="nav-link active" aria-current="page" href="{workspace(draft)}">Rediger' in html
    assert f'class="nav-link" href="{url("preview", draft)}">Forhåndsvisning' in html


def test_the_preview_shows_the_public_page_as_it_will_be_published(signed_in, draft):
    draft.sections.filter(title="Indledning").update(body="<p>Kun i kladden</p>")
    response = signed_in.get(url("preview", draft))
    assert response.status_code == 200
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "no-store" in response.headers["Cache-Control"]
    assert f'aria-current="page" href="{url("preview", draft)}">Forhåndsvisning' in response.text
    public = signed_in.get(
        reverse("public:preview", args=[draft.district.slug, draft.period_label])
    ).text
    body = public[public.index('<h1 id="plan-titel">') : public.index("</main>")].rstrip()
    assert "Kun i kladden" in body
    assert body in response.text


def test_the_preview_offers_the_workflow_steps(signed_in, draft):
    html = signed_in.get(url("preview", draft)).text
    assert f'href="{url("publish", draft)}"' in html
