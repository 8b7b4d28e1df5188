"""Goals written as lists in the workspace: one textarea per party, one goal a line; unchanged
lines keep their goal, the others are added or deleted; errors in Danish with the input kept."""

import pytest
from django.urls import reverse

from plans.models import Goal

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, *args):
    return reverse(f"workspace:{name}", args=list(args))


def goals_of(plan, area=None):
    rows = Goal.objects.filter(plan=plan, focus_area=area).order_by("order", "pk")
    return [(goal.party, goal.text) for goal in rows]


def lists(revision, police="", municipalities="", joint=""):
    return {
        "loaded_revision": revision,
        "police": police,
        "municipalities": municipalities,
        "joint": joint,
    }


def test_each_line_becomes_a_goal_of_its_party_in_order(signed_in, draft):
    response = signed_in.post(
        url("goal_list", draft.pk),
        lists(draft.revision, police="Dele analysen\n\n  Fast kontakt  \n", joint="Status i dec."),
    )
    assert response["Location"].endswith("#planens-maal")
    assert goals_of(draft) == [
        ("police", "Dele analysen"),
        ("police", "Fast kontakt"),
        ("joint", "Status i dec."),
    ]


def test_the_form_shows_the_goals_one_per_line(signed_in, draft):
    Goal.objects.create(plan=draft, party="police", text="Første", order=1)
    Goal.objects.create(plan=draft, party="police", text="Anden", order=2)
    html = signed_in.get(url("goal_list", draft.pk)).content.decode()
    assert "Politiet vil" in html and "Første\nAnden</textarea>" in html


def test_unchanged_lines_keep_their_goal_and_the_rest_follow_the_list(signed_in, draft):
    kept = Goal.objects.create(plan=draft, party="police", text="Bliver", order=1)
    gone = Goal.objects.create(plan=draft, party="police", text="Går", order=2)
    signed_in.post(url("goal_list", draft.pk), lists(draft.revision, police="Ny\nBliver"))
    assert goals_of(draft) == [("police", "Ny"), ("police", "Bliver")]
    assert Goal.objects.filter(pk=kept.pk).exists()
    assert not Goal.objects.filter(pk=gone.pk).exists()


def test_a_too_long_line_is_named_and_the_input_kept(signed_in, draft):
    text = "Kort mål\n" + "x" * 501
    response = signed_in.post(url("goal_list", draft.pk), lists(draft.revision, joint=text))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Linje 2 er for lang: 501 tegn, højst 500" in html
    assert "Kort mål\n" in html
    assert goals_of(draft) == []


def test_a_focus_areas_list_answers_with_its_block(signed_in, draft, area):
    response = signed_in.post(
        url("area_goal_list", draft.pk, area.pk),
        lists(area.revision, municipalities="Flere voksne"),
        **HTMX,
    )
    assert response["HX-Retarget"] == f"#indsatsomraade-{area.pk}"
    assert "Flere voksne" in response.content.decode()
    assert goals_of(draft, area) == [("municipalities", "Flere voksne")]
    assert goals_of(draft) == []  # the plan's own goals are another list


def test_a_stale_list_is_refused_and_keeps_the_input(signed_in, draft):
    stale = draft.revision
    Goal.objects.create(plan=draft, party="police", text="Fra en anden", order=1)
    draft.revision += 1
    draft.save(update_fields=["revision"])
    response = signed_in.post(url("goal_list", draft.pk), lists(stale, police="Mit mål"))
    html = response.content.decode()
    assert "er ændret af en anden, mens du redigerede" in html and "Mit mål" in html
    assert goals_of(draft) == [("police", "Fra en anden")]
