import pytest

from plans.models import FocusArea, PlanSection
from tests.groups import group_for

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<h2>Baggrund</h2><p onclick="steal()">Tekst <strong>fed</strong> <em>kursiv</em></p>'
    '<script>alert(1)</script><img src=x onerror="alert(2)">'
    '<ul><li>punkt</li></ul><a href="javascript:alert(3)">klik</a>'
    '<a href="https://politi.dk/">politi.dk</a>'
)


def test_rich_text_strips_scripts_event_handlers_and_javascript_links(district, make_plan):
    plan = make_plan(district)
    section = PlanSection.objects.create(plan=plan, title="Organisering", body=HOSTILE)
    section.refresh_from_db()
    assert "<script" not in section.body
    assert "alert(1)" not in section.body
    assert "onclick" not in section.body
    assert "onerror" not in section.body
    assert "javascript:" not in section.body


def test_rich_text_keeps_headings_lists_links_bold_and_italic(district, make_plan):
    plan = make_plan(district)
    area = FocusArea.objects.create(
        plan=plan, group=group_for(plan, "district"), title="Vold", background=HOSTILE
    )
    area.refresh_from_db()
    for kept in ("<h2>Baggrund</h2>", "<strong>fed</strong>", "<em>kursiv</em>", "<li>punkt</li>"):
        assert kept in area.background
    assert 'href="https://politi.dk/"' in area.background


def test_rich_text_is_sanitised_by_full_clean_too(district, make_plan):
    plan = make_plan(district)
    plan.foreword = '<p>Hej</p><script>alert("x")</script>'
    plan.full_clean()
    assert plan.foreword == "<p>Hej</p>"
